/*
 * typeset.c — breaking a block into lines with a PangoLayout.
 *
 * Pango breaks, justifies and indents; this file only reads back where
 * each line begins.  The baselines are not Pango's: every line advances
 * by its font's leading, so the page builder keeps the text on its grid.
 */
#include <string.h>

#include "typeset.h"

PangoFontDescription *
press_font(const struct font *f, PangoStyle slant, PangoVariant variant)
{
	PangoFontDescription *fd = pango_font_description_new();

	/* Set field by field: "EB Garamond 12" as a string is a size. */
	pango_font_description_set_family(fd, f->family);
	pango_font_description_set_absolute_size(fd, f->size * PANGO_SCALE);
	pango_font_description_set_style(fd, slant);
	pango_font_description_set_variant(fd, variant);
	return fd;
}

void
block_init(struct block *b, const struct font *f)
{
	memset(b, 0, sizeof(*b));
	b->font = f;
	b->slant = PANGO_STYLE_NORMAL;
	b->variant = PANGO_VARIANT_NORMAL;
	b->align = PANGO_ALIGN_LEFT;
	b->tab_align = PANGO_TAB_LEFT;
	b->chapter = -1;
}

/* The layout for b, width wide, without its text. */
static PangoLayout *
block_layout(const struct press *p, const struct block *b, double width)
{
	PangoLayout *l = pango_layout_new(p->pc);
	PangoFontDescription *fd = press_font(b->font, b->slant, b->variant);

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, b->code ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, b->align);
	pango_layout_set_justify(l, b->justify);
	pango_layout_set_indent(l, (int)(b->indent * PANGO_SCALE));
	if (b->tab > 0) {
		PangoTabArray *tabs = pango_tab_array_new(1, FALSE);

		pango_tab_array_set_tab(tabs, 0, b->tab_align,
		    (int)(b->tab * PANGO_SCALE));
		pango_layout_set_tabs(l, tabs);
		pango_tab_array_free(tabs);
	}
	return l;
}

void
typeset(const struct press *p, const struct block *b, const char *text,
    PangoAttrList *attrs, GArray *galley)
{
	/* However deep the quotations, keep a third of the measure. */
	double width = MAX(p->measure - b->left - b->right, p->measure / 3);
	double left = MIN(b->left, p->measure - width);
	PangoLayout *l = block_layout(p, b, width);
	PangoLayoutIter *it;
	int i = 0, n;

	pango_layout_set_text(l, text, -1);
	if (attrs != NULL)
		pango_layout_set_attributes(l, attrs);
	n = pango_layout_get_line_count(l);
	it = pango_layout_get_iter(l);
	do {
		struct line ln = { 0 };
		PangoRectangle logical;

		pango_layout_iter_get_line_extents(it, NULL, &logical);
		ln.layout = g_object_ref(l);
		ln.index = i;
		ln.x = left + (double)logical.x / PANGO_SCALE;
		ln.ascent = b->font->size;
		ln.advance = b->font->leading;
		ln.space = i == 0 ? b->space : 0;
		ln.flags = b->flags & LINE_KEEP;
		if (i == 0)
			ln.flags |= LINE_FIRST |
			    (b->flags & (LINE_NEW_PAGE | LINE_NEW_RECTO));
		if (i == n - 1)
			ln.flags |= LINE_LAST;
		ln.chapter = b->chapter;
		ln.page = -1;
		g_array_append_val(galley, ln);
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
}
