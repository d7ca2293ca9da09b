/*
 * file.h — the one road by which octavo reads a file it is given: the
 * manifest, the print style, the EPUB stylesheet and the cover's style
 * beside it, the list of names, the sources, the kept layout and the
 * face it embeds.  Each is checked alike before a byte is read: it must
 * be a regular file (a FIFO would block for ever, /dev/zero never end, a
 * folder is no text) of at most a given size, which the reading holds
 * it to even if the file grows meanwhile.
 */
#ifndef OCTAVO_FILE_H
#define OCTAVO_FILE_H

#include "diag.h"

/* The caps on what octavo reads, in bytes, by kind of file. */
#define FILE_MAX_INI	((gsize)1 << 20)	/* manifest, styles */
#define FILE_MAX_CSS	((gsize)16 << 20)	/* the EPUB stylesheet */
#define FILE_MAX_NAMES	((gsize)64 << 20)	/* the list of names */
#define FILE_MAX_DATA	((gsize)64 << 20)	/* kept layout, fonts */

/*
 * Reads the file at path whole, what naming it in errors ("the print
 * style").  Returns its bytes, NUL-terminated, their count in *len
 * (which may be NULL), or NULL with an error at the file: it cannot be
 * opened, is no regular file, or holds more than max bytes (the error
 * then ends with too_big, what to do).  With d NULL, fails without a
 * word (a cache that may be missing).
 */
char	*file_read(const char *path, const char *what, gsize max,
	    const char *too_big, gsize *len, struct diags *d);

/*
 * The same for a file that must be UTF-8 text: a file read, checked by
 * file_check_text (fix says what to do if it is not), a byte-order mark
 * at its start dropped, as some editors write one.
 */
char	*file_read_text(const char *path, const char *what, gsize max,
	    const char *fix, gsize *len, struct diags *d);

/*
 * Checks that len bytes of text read from path are UTF-8 without NUL;
 * if not, adds an error at the first offending file:line:col, ending
 * with fix (what to do about it), and returns -1.
 */
int	 file_check_text(const char *path, const char *text, gsize len,
	    const char *fix, struct diags *d);

/* Line and column (1-based, column in characters) of offset off in text. */
void	 file_locate(const char *text, gsize off, int *line, int *col);

#endif
