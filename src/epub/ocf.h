/*
 * ocf.h — the OCF container: the book's files zipped as EPUB readers
 * expect them, the same bytes for the same book and time.
 */
#ifndef OCTAVO_EPUB_OCF_H
#define OCTAVO_EPUB_OCF_H

#include "epub/book.h"
#include "out/sink.h"

/*
 * Writes the zip into the sink: mimetype (first, stored),
 * container.xml, the book's items rendered from the text (made one at a
 * time, in order), the package document that opf makes once they are,
 * then the book's other items, every file dated t.  The zip is made in
 * memory, then written.  Returns 0, or -1 with an error in diags.
 */
int	ocf_write(struct sink *, struct book *, item_maker opf, GDateTime *t,
	    struct diags *);

#endif
