/*
 * pdf.c — the print back end's driver: the PDF file, its metadata, and
 * the order of the work.
 *
 * The text is set and made up first, so that the contents can give its
 * page numbers; then the prelims, padded to an even count so the text
 * opens on a recto; then both are drawn.  One Pango context serves the
 * whole run, at 72 dpi so that a Pango unit is 1/1024 pt.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "draw.h"
#include "flow.h"
#include "page.h"
#include "pdf.h"
#include "prelims.h"

/* The file Cairo writes to, and the first error in writing it. */
struct out {
	FILE	*fp;
	int	 err;
};

static cairo_status_t
out_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct out *o = closure;

	if (fwrite(data, 1, len, o->fp) == len)
		return CAIRO_STATUS_SUCCESS;
	if (o->err == 0)
		o->err = errno;
	return CAIRO_STATUS_WRITE_ERROR;
}

/*
 * The creation date: SOURCE_DATE_EPOCH if set, so that two builds of the
 * same manuscript are the same bytes; else Cairo's clock.
 */
static void
set_date(cairo_surface_t *s, struct diags *d)
{
	const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
	GDateTime *dt;
	char *end, *iso;
	gint64 secs;

	if (epoch == NULL)
		return;
	errno = 0;
	secs = g_ascii_strtoll(epoch, &end, 10);
	if (*epoch == '\0' || *end != '\0' || errno != 0 ||
	    (dt = g_date_time_new_from_unix_utc(secs)) == NULL) {
		diag_add(d, DIAG_WARNING, srcpos_at(NULL, 0, 0),
		    "SOURCE_DATE_EPOCH='%s' is not a count of seconds since "
		    "1970; the PDF is dated now", epoch);
		return;
	}
	iso = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%SZ");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, iso);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, iso);
	g_free(iso);
	g_date_time_unref(dt);
}

static void
set_metadata(cairo_surface_t *s, const struct edition *e, struct diags *d)
{
	char *title = e->meta.subtitle == NULL ? g_strdup(e->meta.title) :
	    g_strdup_printf("%s: %s", e->meta.title, e->meta.subtitle);

	if (title != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
		    title);
	if (e->editor != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR,
		    e->editor);
	if (e->description != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT,
		    e->description);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "octavo");
	set_date(s, d);
	g_free(title);
}

/* Pango for print: one context, unhinted, positions not rounded. */
static PangoContext *
press_context(const struct edition *e, PangoFontMap **fm)
{
	cairo_font_options_t *fo = cairo_font_options_create();
	PangoContext *pc;

	*fm = pango_cairo_font_map_new();
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(*fm), 72);
	pc = pango_font_map_create_context(*fm);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(pc, fo);
	pango_context_set_round_glyph_positions(pc, FALSE);
	if (e->language != NULL)
		pango_context_set_language(pc,
		    pango_language_from_string(e->language));
	cairo_font_options_destroy(fo);
	return pc;
}

/* Sets and makes up the text and the prelims, then draws them. */
static void
compose(cairo_t *cr, const struct press *p, const struct edition *e)
{
	struct part text = { galley_new(), NULL, TRUE, 0 };
	struct part front = { galley_new(), NULL, FALSE, 0 };
	GArray *starts = g_array_new(FALSE, FALSE, sizeof(guint));
	int *folios = g_new0(int, e->chapters->len + 1);
	struct page blank = { 0, 0, -1, FALSE };
	guint i;

	flow_chapters(p, e, text.galley, starts);
	text.pages = page_make_up(p, text.galley);
	for (i = 0; i < starts->len; i++) {
		guint at = g_array_index(starts, guint, i);

		if (at < text.galley->len)
			folios[i] = g_array_index(text.galley, struct line,
			    at).page + 1;
	}
	prelims(p, e, folios, front.galley);
	front.pages = page_make_up(p, front.galley);
	if (front.pages->len % 2 == 1)
		g_array_append_val(front.pages, blank);
	text.before = (int)front.pages->len;
	draw_part(cr, p, e, &front);
	draw_part(cr, p, e, &text);
	g_array_free(front.pages, TRUE);
	g_array_free(text.pages, TRUE);
	galley_free(front.galley);
	galley_free(text.galley);
	g_array_free(starts, TRUE);
	g_free(folios);
}

int
pdf_write(const struct edition *e, const struct style *st, const char *path,
    struct diags *d)
{
	struct out o = { g_fopen(path, "wb"), 0 };
	struct press p = { st, NULL, st->width - st->inner - st->outer,
	    st->height - st->top - st->bottom };
	cairo_surface_t *s;
	cairo_status_t status;
	PangoFontMap *fm;
	cairo_t *cr;

	if (o.fp == NULL) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0),
		    "cannot write the PDF: %s", g_strerror(errno));
		return -1;
	}
	s = cairo_pdf_surface_create_for_stream(out_write, &o, st->width,
	    st->height);
	set_metadata(s, e, d);
	p.pc = press_context(e, &fm);
	cr = cairo_create(s);
	compose(cr, &p, e);
	status = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(s);
	cairo_surface_destroy(s);
	g_object_unref(p.pc);
	g_object_unref(fm);
	if (fclose(o.fp) != 0 && o.err == 0)
		o.err = errno;
	if (o.err != 0 || status != CAIRO_STATUS_SUCCESS) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0),
		    "cannot write the PDF: %s", o.err != 0 ?
		    g_strerror(o.err) : cairo_status_to_string(status));
		return -1;
	}
	return 0;
}
