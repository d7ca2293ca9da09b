/*
 * outline.h — the PDF's outline (its bookmarks): the headings of every
 * part, in the reading order, under the chapter or section above.
 *
 * The text is drawn before the prelims that give its pages, so the
 * outline is not made as pages are drawn, but from the headings the
 * parts set, kept as each is made up and added once all are drawn.
 */
#ifndef OCTAVO_PDF_OUTLINE_H
#define OCTAVO_PDF_OUTLINE_H

#include <cairo.h>

#include "galley.h"

struct outline {
	GArray		*heads;		/* struct head, titles owned, in the
					   reading order */
	guint		 front;		/* where the prelims' go: before
					   the text's */
};

void	outline_init(struct outline *);
/*
 * Keeps a galley's headings: after those kept, or, for the prelims
 * (front), after the prelims' kept and before the text's.
 */
void	outline_keep(struct outline *, const struct galley *, gboolean front);
/* Adds the outline to the PDF surface, its destinations by name. */
void	outline_add(const struct outline *, cairo_surface_t *);
void	outline_release(struct outline *);

#endif
