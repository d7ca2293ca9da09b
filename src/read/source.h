/*
 * source.h — reading a source file: bounded in size, checked to be text.
 */
#ifndef OCTAVO_SOURCE_H
#define OCTAVO_SOURCE_H

#include "diag.h"

#define SOURCE_MAX	((gsize)256 << 20)	/* default cap: 256 MiB */

/*
 * Reads path, which must be UTF-8 text of at most max bytes, not blank.
 * A leading
 * byte-order mark is dropped and CR LF becomes LF.  Returns the text
 * (NUL-terminated, length in *len) or NULL with an error at the first
 * offending file:line:col.
 */
char	*source_read(const char *path, gsize max, gsize *len, struct diags *);

/* Line and column (1-based, column in characters) of offset off in text. */
void	 source_locate(const char *text, gsize off, int *line, int *col);

#endif
