/*
 * glyphs.c — glyphs shown with their text (glyphs.h).
 *
 * Cairo puts a glyph shown with one character of text into its font's
 * Latin subset, in that character's slot, if the slot is free: the
 * first glyph shown for 'a' takes it.  A small capital shown with its
 * 'a' before any ordinary 'a' takes the slot, and the ordinary 'a' goes
 * to the font's other subset, with every letter a small capital took
 * first: the text then switches subsets letter by letter, a change of
 * font in the content stream at each (the running heads and title page
 * are drawn before the text).  So a glyph that stands for one character
 * but is not the glyph that character maps to (a small capital, an
 * old-style figure, an alternate) is shown in one cluster with its
 * neighbours.  Cairo gives such a cluster its text as ActualText and
 * its glyphs none of their own, and a glyph without text takes no
 * Latin slot.  A ligature keeps its letters (it has no slot to take).
 */
#include <hb.h>
#include <pango/pangocairo.h>

#include "glyphs.h"

/* Whether g is the glyph c maps to in hb: a reader finds c from it. */
static gboolean
nominal(hb_font_t *hb, gunichar c, PangoGlyph g)
{
	hb_codepoint_t n;

	return hb != NULL && hb_font_get_nominal_glyph(hb, c, &n) && n == g;
}

/* Whether Cairo can be given gs's glyphs as they are: left to right, known. */
static gboolean
showable(const PangoGlyphItem *gi)
{
	int i;

	if (gi->item->analysis.level % 2 != 0)
		return FALSE;
	for (i = 0; i < gi->glyphs->num_glyphs; i++)
		if (gi->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
			return FALSE;
	return TRUE;
}

void
glyphs_show(cairo_t *cr, const char *text, const PangoGlyphItem *gi,
    double x, double y)
{
	const PangoGlyphString *gs = gi->glyphs;
	PangoFont *font = gi->item->analysis.font;
	hb_font_t *hb = pango_font_get_hb_font(font);
	cairo_glyph_t *glyphs;
	cairo_text_cluster_t *clusters;
	PangoGlyphItemIter it;
	gboolean more, join_next = FALSE;
	double *at;
	int i, ng = 0, nc = 0;

	if (!showable(gi)) {
		cairo_move_to(cr, x, y);
		pango_cairo_show_glyph_item(cr, text, (PangoGlyphItem *)gi);
		return;
	}
	at = g_new(double, gs->num_glyphs + 1);
	for (i = 0, at[0] = x; i < gs->num_glyphs; i++)
		at[i + 1] = at[i] +
		    (double)gs->glyphs[i].geometry.width / PANGO_SCALE;
	glyphs = g_new(cairo_glyph_t, gs->num_glyphs);
	clusters = g_new(cairo_text_cluster_t, gs->num_glyphs + 1);
	for (more = pango_glyph_item_iter_init_start(&it,
	    (PangoGlyphItem *)gi, text); more;
	    more = pango_glyph_item_iter_next_cluster(&it)) {
		const char *s = text + it.start_index;
		int bytes = it.end_index - it.start_index, first = ng;
		gboolean variant;

		for (i = it.start_glyph; i < it.end_glyph; i++) {
			const PangoGlyphInfo *g = &gs->glyphs[i];

			if (g->glyph == PANGO_GLYPH_EMPTY)
				continue;
			glyphs[ng].index = g->glyph;
			glyphs[ng].x = at[i] +
			    (double)g->geometry.x_offset / PANGO_SCALE;
			glyphs[ng].y = y +
			    (double)g->geometry.y_offset / PANGO_SCALE;
			ng++;
		}
		variant = ng - first == 1 && g_utf8_next_char(s) == s + bytes &&
		    !nominal(hb, g_utf8_get_char(s), glyphs[first].index);
		if (nc > 0 && (variant || join_next)) {
			clusters[nc - 1].num_bytes += bytes;
			clusters[nc - 1].num_glyphs += ng - first;
			join_next = FALSE;
		} else {
			clusters[nc].num_bytes = bytes;
			clusters[nc].num_glyphs = ng - first;
			nc++;
			join_next = variant;
		}
	}
	cairo_save(cr);
	cairo_set_scaled_font(cr,
	    pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font)));
	cairo_show_text_glyphs(cr, text + gi->item->offset,
	    gi->item->length, glyphs, ng, clusters, nc, 0);
	cairo_restore(cr);
	g_free(clusters);
	g_free(glyphs);
	g_free(at);
}
