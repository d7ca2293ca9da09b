/*
 * draw.h — made-up pages onto the Cairo PDF surface: the lines where
 * page.c put them, each footnote after the line that anchors it, the
 * rule above the notes, running heads and folios, the tags of the
 * logical structure, destinations, and the outline.
 */
#ifndef OCTAVO_PDF_DRAW_H
#define OCTAVO_PDF_DRAW_H

#include <cairo.h>

#include "galley.h"
#include "model.h"
#include "page.h"

/* A run of pages numbered as one: the prelims, the text, the index. */
struct part {
	struct galley	*galley;
	struct makeup	 mk;
	gboolean	 text;		/* arabic, running heads; else roman */
	int		 before;	/* pages of the file before it */
	guint		 folios_from;	/* prelims: lines from which pages
					   show their folio (the contents) */
	int		 folio_base;	/* the folio before its first page:
					   the index's continue the text's */
	const char	*running;	/* the running head of both pages, or
					   NULL for the chapter's */
};

/* The outline's state across parts: the entries new ones go under. */
struct outline {
	int		 chapter, section;
};

/* The folio of page n (from 1) of a part, as printed: "12", "iv". */
void	part_label(const struct part *, int n, char *buf, size_t size);

/* Draws the part's pages, one cairo_show_page each, and issues any
 * tags its galley leaves open after the last line. */
void	draw_part(cairo_t *, const struct press *, const struct edition *,
	    const struct part *, struct outline *);

#endif
