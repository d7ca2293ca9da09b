/*
 * draw.h — made-up pages onto the Cairo PDF surface: the lines where
 * page.c put them, each footnote after the line that anchors it, the
 * rule above the notes, running heads and folios, the tags of the
 * logical structure, and destinations (the outline is outline.h's).
 */
#ifndef OCTAVO_PDF_DRAW_H
#define OCTAVO_PDF_DRAW_H

#include <cairo.h>

#include "galley.h"
#include "model.h"
#include "finish.h"
#include "part.h"

/*
 * Draws the part's pages, one cairo_show_page each, the trim offset by
 * draw_margin in the media box, and issues any tags its galley leaves
 * open after the last line.  notes gets a struct note_tag (finish.h)
 * for each Note element begun, langs each element begun.  Each page's
 * lines, and its notes', let go of their paragraphs once drawn: the
 * part is drawn once.
 */
void	draw_part(cairo_t *, const struct press *, const struct edition *,
	    struct part *, GArray *notes, struct taglangs *langs);

/* How far the trim is from the media box's edges: the bleed, and room
 * for crop marks if the style wants them. */
double	draw_margin(const struct style *);

#endif
