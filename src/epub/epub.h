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
	/* Told each chapter (its index) once its page is rendered, after
	   which the EPUB reads nothing of its text; or NULL. */
	void		(*rendered)(guint chapter, void *arg);
	void		*rendered_arg;
	GBytes		*cover;		/* the cover's PNG, made before
					   (epub_cover), or NULL: made here */
};

/*
 * Writes the edition into the sink.  The stylesheet is included; a
 * cover.ini beside it designs the cover (without one the book has
 * none), kept for the next build in the options' cover_kept.  pages,
 * the print layout's page map, or NULL, puts the print edition's page
 * numbers in the book: markers, a page list, and page numbers in the
 * index.  Returns 0, or -1 with an error in diags.  Never changes the
 * edition (what the options' rendered does with a chapter is the
 * caller's).
 */
int	epub_write(const struct edition *, const struct epub_options *,
	    const struct pagemap *pages, struct sink *, struct diags *);

/*
 * The cover epub_write would draw (or find kept) for the same edition
 * and options, drawn ahead of it, while a build holds little: its
 * image is some 15 MB while it is drawn.  NULL if the stylesheet has no
 * cover style beside it, or with an error in diags if it cannot be
 * drawn (epub_write, not given it, then tries and says why itself).
 */
GBytes	*epub_cover(const struct edition *, const struct epub_options *,
	    struct diags *);
/* The cover's style: cover.ini, beside the stylesheet css.  Newly
 * allocated. */
char	*epub_cover_style(const char *css);

#endif
