/*
 * glyphs.h — glyphs shown with their text, so that a PDF reader reads
 * them back, in as few font subsets as Cairo allows.
 */
#ifndef OCTAVO_PDF_GLYPHS_H
#define OCTAVO_PDF_GLYPHS_H

#include <cairo.h>
#include <pango/pango.h>

/*
 * Shows the glyphs of gi (its item's bytes of text) from x on the
 * baseline y, with their text.  Whatever a glyph stands for is read
 * back: a ligature its letters, a small capital its letter.
 */
void	glyphs_show(cairo_t *, const char *text, const PangoGlyphItem *gi,
	    double x, double y);

#endif
