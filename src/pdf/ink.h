/*
 * ink.h — one line of type onto Cairo: its words' glyphs, the spaces
 * between them widened or narrowed as its break set them, the hyphen the
 * break added, and the tags of its links.
 */
#ifndef OCTAVO_PDF_INK_H
#define OCTAVO_PDF_INK_H

#include <cairo.h>

#include "galley.h"
#include "taglangs.h"

/* Whether a span is open: lines of one block share it. */
struct ink_state {
	gboolean	 span;
	const char	*lang;		/* the span's language, or NULL */
	struct taglangs	*langs;		/* each element begun */
};

/*
 * Begins the tag name (attrs: Cairo's), and counts it in st's langs if
 * it is an element, with its language lang (NULL: its parent's).
 */
void	ink_begin(cairo_t *, struct ink_state *st, const char *name,
	    const char *attrs, const char *lang);

/*
 * Draws ln's marker, the side text that leads it (a list item's number
 * or bullet), if it has one; ink_line draws the rest.
 */
void	ink_marker(cairo_t *, const struct press *, struct ink_state *,
	    const struct line *, double x, double y);
/*
 * Draws ln, but for its marker, with its left edge at x and its
 * baseline at y.  The runs of its anchors are links (to a note, or
 * back to its reference) and destinations; if its block holds other
 * elements (LINE_SPANS) the rest of its text is tagged as spans, a
 * passage in another language (ANCHOR_LANG) a span of its own, since
 * a structure element in Cairo 1.16 holds either content or elements,
 * not both.  A span is left open for the next line: ink_close it
 * before any other tag.  The spaces are real glyphs, so the text is
 * extracted with them.
 */
void	ink_line(cairo_t *, const struct press *, struct ink_state *,
	    const struct line *, double x, double y);
/* Ends the span open, if one is. */
void	ink_close(cairo_t *, struct ink_state *);

#endif
