/*
 * galley.h — what the units of the print back end hand each other.
 *
 * A galley is the book's text set in lines but not yet made up into
 * pages, as on a compositor's galley tray:
 *
 *	flow.c, prelims.c  blocks of the model → struct block + text (runs.c)
 *	typeset.c          a block → struct line in the galley
 *	page.c             the galley → struct page, each line given its place
 *	draw.c             the pages → Cairo, with running heads and folios
 *
 * Each stage only reads what the one before made, so a better line
 * breaker or page builder can replace typeset.c or page.c alone.
 */
#ifndef OCTAVO_PDF_GALLEY_H
#define OCTAVO_PDF_GALLEY_H

#include <pango/pango.h>

#include "style.h"

/* What the page builder may and may not do around a line. */
enum line_flag {
	LINE_FIRST	= 1 << 0,	/* the first line of its block */
	LINE_LAST	= 1 << 1,	/* the last line of its block */
	LINE_KEEP	= 1 << 2,	/* no page break after this line */
	LINE_NEW_PAGE	= 1 << 3,	/* begins a page */
	LINE_NEW_RECTO	= 1 << 4	/* begins a right-hand (odd) page */
};

/* One line of type; several lines share one PangoLayout. */
struct line {
	PangoLayout	*layout;	/* a reference of its own */
	int		 index;		/* which line of the layout */
	double		 x;		/* from the left of the measure */
	double		 ascent;	/* to the baseline, at the top of a page */
	double		 advance;	/* from the baseline of the line before */
	double		 space;		/* more above; dropped at the top of a page
					   unless the line begins the page */
	unsigned	 flags;		/* enum line_flag */
	int		 chapter;	/* index into the edition's, or -1 */
	/* set by page.c */
	int		 page;		/* index into the pages */
	double		 y;		/* baseline, from the text block's top */
};

/* One page: a run of lines of the galley, or none if it is blank. */
struct page {
	guint		 first, count;
	int		 chapter;	/* whose text it holds, or -1 */
	gboolean	 opening;	/* a chapter begins at its head */
};

/* How to set one block: the font, the shape and what the lines carry. */
struct block {
	const struct font *font;
	PangoStyle	 slant;
	PangoVariant	 variant;
	PangoAlignment	 align;
	gboolean	 justify;
	gboolean	 code;		/* keep spaces and line ends, break anywhere */
	double		 left, right;	/* from the measure's edges */
	double		 indent;	/* first line: in (> 0) or out (< 0) */
	double		 tab;		/* a tab stop from left, or 0 for none */
	PangoTabAlign	 tab_align;
	double		 space;		/* above the block */
	unsigned	 flags;		/* NEW_PAGE, NEW_RECTO: first line; KEEP: all */
	int		 chapter;
};

/* The geometry and the Pango context every unit shares. */
struct press {
	const struct style	*st;
	PangoContext		*pc;
	double			 measure;	/* the text block's width */
	double			 depth;		/* and height */
};

/* The galley's lines hold layouts: free it with this. */
GArray	*galley_new(void);
void	 galley_free(GArray *);

#endif
