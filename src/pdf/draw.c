/*
 * draw.c — drawing made-up pages with Cairo.
 *
 * Page n of a part (from 1) is a recto when n is odd; the prelims are an
 * even number of pages, so the text's page 1 is a recto too.  The
 * running head stands two lines above the first baseline and the foot
 * folio two lines below the last; where the folio goes is the style's.
 */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "draw.h"
#include "typeset.h"

/* Lower-case roman numerals, as prelims are numbered. */
static void
roman(int n, char *buf, size_t size)
{
	static const struct { int v; const char *s; } r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" }
	};
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < G_N_ELEMENTS(r); i++)
		for (; n >= r[i].v; n -= r[i].v)
			g_strlcat(buf, r[i].s, size);
}

/*
 * Shows text in the running-head type, letterspaced small capitals,
 * on a baseline at y, in a box from x, width wide, cut short with an
 * ellipsis if it is too long.
 */
static void
show_head(cairo_t *cr, const struct press *p, const char *text, double x,
    double y, double width, PangoAlignment align)
{
	PangoLayout *l = pango_layout_new(p->pc);
	PangoFontDescription *fd = press_font(&p->st->head, PANGO_STYLE_NORMAL,
	    PANGO_VARIANT_ALL_SMALL_CAPS);
	PangoAttrList *attrs = pango_attr_list_new();

	pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(
	    (int)(p->st->head.size * 0.08 * PANGO_SCALE)));
	pango_layout_set_font_description(l, fd);
	pango_layout_set_attributes(l, attrs);
	pango_layout_set_single_paragraph_mode(l, TRUE);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, text, -1);
	cairo_move_to(cr, x, y - (double)pango_layout_get_baseline(l) /
	    PANGO_SCALE);
	pango_cairo_show_layout(cr, l);
	pango_attr_list_unref(attrs);
	pango_font_description_free(fd);
	g_object_unref(l);
}

/* The running head and the folio of page n of the text. */
static void
furniture(cairo_t *cr, const struct press *p, const struct edition *e,
    const struct page *pg, int n, double left)
{
	const struct style *st = p->st;
	/* Two lines off the text, but never off the page. */
	double head = MAX(st->top + st->body.size - 2 * st->body.leading,
	    st->head.leading);
	double foot = MIN(st->top + p->depth + 2 * st->body.leading,
	    st->height - st->head.leading / 2);
	double room = 3 * st->head.size;	/* for the folio beside the head */
	const struct chapter *c = pg->chapter >= 0 ?
	    g_ptr_array_index(e->chapters, pg->chapter) : NULL;
	const char *title = n % 2 == 0 || c == NULL || c->meta.title == NULL ?
	    e->meta.title : c->meta.title;
	char folio[16];

	g_snprintf(folio, sizeof(folio), "%d", n);
	if (st->folio == FOLIO_FOOT || pg->opening)
		show_head(cr, p, folio, left, foot, p->measure,
		    PANGO_ALIGN_CENTER);
	else
		show_head(cr, p, folio, left, head, p->measure,
		    n % 2 == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
	if (!pg->opening && title != NULL)
		show_head(cr, p, title, left + room, head,
		    p->measure - 2 * room, PANGO_ALIGN_CENTER);
}

/* An entry in the PDF's outline for a chapter opening on page n of the file. */
static void
outline(cairo_t *cr, const struct press *p, const struct edition *e,
    const struct page *pg, int n)
{
	const struct chapter *c = g_ptr_array_index(e->chapters, pg->chapter);
	/* Whole points: %g would write a decimal comma in some locales. */
	char *dest = g_strdup_printf("page=%d pos=[0 %d]", n, (int)p->st->top);

	cairo_pdf_surface_add_outline(cairo_get_target(cr),
	    CAIRO_PDF_OUTLINE_ROOT, c->meta.title != NULL ? c->meta.title :
	    c->id, dest, 0);
	g_free(dest);
}

void
draw_part(cairo_t *cr, const struct press *p, const struct edition *e,
    const struct part *part)
{
	guint i, j;

	for (i = 0; i < part->pages->len; i++) {
		const struct page *pg = &g_array_index(part->pages,
		    struct page, i);
		int n = (int)i + 1;
		double left = n % 2 == 1 ? p->st->inner : p->st->outer;
		char label[32];

		if (part->text)
			g_snprintf(label, sizeof(label), "%d", n);
		else
			roman(n, label, sizeof(label));
		cairo_pdf_surface_set_page_label(cairo_get_target(cr), label);
		for (j = pg->first; j < pg->first + pg->count; j++) {
			const struct line *ln = &g_array_index(part->galley,
			    struct line, j);

			cairo_move_to(cr, left + ln->x, p->st->top + ln->y);
			pango_cairo_show_layout_line(cr,
			    pango_layout_get_line_readonly(ln->layout,
			    ln->index));
		}
		if (part->text && pg->count > 0)
			furniture(cr, p, e, pg, n, left);
		if (part->text && pg->opening)
			outline(cr, p, e, pg, part->before + n);
		cairo_show_page(cr);
	}
}
