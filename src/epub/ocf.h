/*
 * ocf.h — the OCF container: the book's files zipped as EPUB readers
 * expect them, the same bytes for the same book and time.
 */
#ifndef OCTAVO_EPUB_OCF_H
#define OCTAVO_EPUB_OCF_H

#include "epub/book.h"

/*
 * Writes path: mimetype (first, stored), container.xml, the package
 * document opf, then the book's items, every file dated t.  Returns 0,
 * or -1 with an error in diags.
 */
int	ocf_write(const char *path, const struct book *, GBytes *opf,
	    GDateTime *t, struct diags *);

#endif
