/*
 * outline.c — the headings kept as the parts are made up, and the
 * outline Cairo writes from them once the drawing is done (outline.h).
 */
#include <cairo-pdf.h>

#include "outline.h"

void
outline_init(struct outline *ol)
{
	ol->heads = g_array_new(FALSE, FALSE, sizeof(struct head));
	g_array_set_clear_func(ol->heads, head_clear);
	ol->front = 0;
}

void
outline_keep(struct outline *ol, const struct galley *g, gboolean front)
{
	guint i, at = front ? ol->front : ol->heads->len;

	for (i = 0; i < g->heads->len; i++) {
		struct head h = g_array_index(g->heads, struct head, i);

		h.title = g_strdup(h.title);
		g_array_insert_val(ol->heads, at + i, h);
	}
	if (front)
		ol->front += g->heads->len;
}

void
outline_add(const struct outline *ol, cairo_surface_t *s)
{
	int chapter = 0, section = 0, parent, id;
	char attrs[32];
	guint i;

	for (i = 0; i < ol->heads->len; i++) {
		const struct head *h = &g_array_index(ol->heads, struct head,
		    i);

		g_snprintf(attrs, sizeof(attrs), "dest='%s'", h->dest);
		parent = CAIRO_PDF_OUTLINE_ROOT;
		if (h->level == 2 && chapter > 0)
			parent = chapter;
		else if (h->level >= 3)
			parent = section > 0 ? section :
			    MAX(chapter, CAIRO_PDF_OUTLINE_ROOT);
		id = cairo_pdf_surface_add_outline(s, parent, h->title, attrs,
		    0);
		if (h->level == 1) {
			chapter = id;
			section = 0;
		} else if (h->level == 2)
			section = id;
	}
}

void
outline_release(struct outline *ol)
{
	g_array_free(ol->heads, TRUE);
}
