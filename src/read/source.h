/*
 * source.h — reading a source file: bounded in size, checked to be text.
 */
#ifndef OCTAVO_SOURCE_H
#define OCTAVO_SOURCE_H

#include "diag.h"

/* A source as read, once however many groups take from it. */
struct source {
	const char	*path;		/* interned */
	char		*text;
	gsize		 len;
};

#define SOURCE_MAX	((gsize)256 << 20)	/* default cap: 256 MiB */

/*
 * Reads path through file.h, text of at most max bytes, not blank:
 * UTF-8, or in the encoding given (any name iconv knows: "latin1",
 * "windows-1252"), which is converted.  A leading byte-order mark is dropped, and CR LF
 * and a lone CR become LF.  Returns the text (NUL-terminated, length in
 * *len) or NULL with an error at the first offending file:line:col.
 */
char	*source_read(const char *path, const char *encoding, gsize max,
	    gsize *len, struct diags *);

/* Whether iconv knows the encoding, by that name. */
int	 source_encoding_known(const char *encoding);

#endif
