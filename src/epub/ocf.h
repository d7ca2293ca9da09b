/*
 * ocf.h — the OCF container: the book's files zipped as EPUB readers
 * expect them, the same bytes for the same book and time.
 */
#ifndef OCTAVO_EPUB_OCF_H
#define OCTAVO_EPUB_OCF_H

#include "epub/book.h"
#include "out/sink.h"

struct reuse;

/*
 * Writes the zip into the sink: mimetype (first, stored),
 * container.xml, the book's items rendered from the text (made one at a
 * time, in order), the package document that opf makes once they are,
 * then the book's other items, every file dated t.  Each entry is
 * written as it is deflated, libzip seeking back to fill in its header.
 * kept, if not NULL, gives an entry's bytes as an earlier build
 * deflated the same bytes, and keeps this build's.  Returns 0, or -1
 * with an error in diags.
 */
int	ocf_write(struct sink *, struct book *, item_maker opf, GDateTime *t,
	    struct reuse *kept, struct diags *);

#endif
