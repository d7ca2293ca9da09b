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
 * What draw_part asks before each page, if given: the context to draw
 * the page with, which may be another surface's (pdf.c begins a new
 * Cairo surface once the one in hand is full).  may_turn says no
 * element of the part is open and the page has ink: a surface may end
 * before it (one that opened on a blank page would lose the elements
 * begun there, since Cairo does not replay a page with nothing on it).
 */
struct draw_turn {
	cairo_t	*(*page)(void *arg, gboolean may_turn);
	void	*arg;
};

/*
 * Draws the part's pages, one cairo_show_page each, the trim offset by
 * draw_margin in the media box, and issues any tags its galley leaves
 * open after the last line.  notes gets a struct note_tag (finish.h)
 * for each Note element begun, langs each element begun.  Each page's
 * lines, and its notes', let go of their paragraphs once drawn: the
 * part is drawn once.  turn, if not NULL, is asked for each page.
 */
void	draw_part(cairo_t *, const struct press *, const struct edition *,
	    struct part *, GArray *notes, struct taglangs *langs,
	    const struct draw_turn *);

/* How far the trim is from the media box's edges: the bleed, and room
 * for crop marks if the style wants them. */
double	draw_margin(const struct style *);

#endif
