/*
 * epub.h — the EPUB 3 back end: writes an edition as a zipped EPUB.
 */
#ifndef OCTAVO_EPUB_H
#define OCTAVO_EPUB_H

#include "diag.h"
#include "model.h"

/*
 * Writes the edition to path (the caller renames it into place).
 * css is the stylesheet file to include.  Returns 0, or -1 with an
 * error in diags.  Never changes the edition.
 */
int	epub_write(const struct edition *, const char *css, const char *path,
	    struct diags *);

#endif
