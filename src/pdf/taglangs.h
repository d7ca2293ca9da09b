/*
 * taglangs.h — the language of each structure element the drawing
 * begins in another language than the element it is in: a chapter's
 * Sect, a passage's Div or Span, a contents entry's TOCI.  Cairo 1.16
 * cannot write an element's /Lang, so the drawing records, as it begins
 * them, which element of its type each is (the 3rd Span, say); Cairo
 * builds its tree in the order elements are begun, so the finishing
 * finds them again, counting, in the tree's order (tagtree.h).
 */
#ifndef OCTAVO_PDF_TAGLANGS_H
#define OCTAVO_PDF_TAGLANGS_H

#include <glib.h>

/* One element in another language: the nth (from 0) of its type. */
struct taglang {
	const char	*type;		/* "Span", as Cairo is given it */
	guint		 nth;
	const char	*lang;		/* BCP 47 */
};

struct taglangs {
	GHashTable	*begun;		/* type → how many were begun */
	GArray		*marks;		/* struct taglang, as begun */
	GStringChunk	*langs;		/* their languages, kept: the
					   model's may be let go before
					   the finishing reads them */
};

void	taglangs_init(struct taglangs *);
void	taglangs_release(struct taglangs *);
/*
 * Records an element of type begun, in lang (NULL: the language of the
 * element it is in), which is copied.  type must outlive the record.
 */
void	taglangs_begun(struct taglangs *, const char *type, const char *lang);
/* How many elements of type were begun. */
guint	taglangs_count(const struct taglangs *, const char *type);

#endif
