/*
 * draw.h — pages onto the Cairo PDF surface: the lines where page.c put
 * them, and in the text the running heads, folios and the outline.
 */
#ifndef OCTAVO_PDF_DRAW_H
#define OCTAVO_PDF_DRAW_H

#include <cairo.h>

#include "galley.h"
#include "model.h"

/* A run of pages numbered as one: the prelims, or the text. */
struct part {
	GArray		*galley;
	GArray		*pages;
	gboolean	 text;		/* arabic, running heads; else roman, bare */
	int		 before;	/* pages of the file before it */
};

/* Draws the part's pages, one cairo_show_page each. */
void	draw_part(cairo_t *, const struct press *, const struct edition *,
	    const struct part *);

#endif
