/*
 * epub.h — the EPUB 3 back end: writes an edition as a zipped EPUB.
 */
#ifndef OCTAVO_EPUB_H
#define OCTAVO_EPUB_H

#include "diag.h"
#include "model.h"
#include "out/pages.h"
#include "out/sink.h"

/* How the e-book is styled: the manifest's choices. */
struct reuse;

struct epub_options {
	const char	*css;		/* the stylesheet file to include */
	int		 embed_fonts;	/* the print face goes in the book */
	const char	*cover_kept;	/* where the cover is kept, or NULL */
	struct reuse	*deflated;	/* each entry as an earlier build
					   deflated the same bytes, and where
					   this build's are kept (reuse.h);
					   or NULL */
};

/*
 * Writes the edition into the sink.  The stylesheet is included; a
 * cover.ini beside it designs the cover (without one the book has
 * none), kept for the next build in the options' cover_kept.  pages,
 * the print layout's page map, or NULL, puts the print edition's page
 * numbers in the book: markers, a page list, and page numbers in the
 * index.  Returns 0, or -1 with an error in diags.  Never changes the
 * edition.
 */
int	epub_write(const struct edition *, const struct epub_options *,
	    const struct pagemap *pages, struct sink *, struct diags *);

#endif
