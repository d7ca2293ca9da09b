/*
 * pdf.c — the print back end's driver: the PDF file, its metadata, and
 * the order of the work.
 *
 * The text is set and made up first, so that the contents can give its
 * page numbers; then the prelims, padded to an even count so the text
 * opens on a recto; then the index of names, whose page numbers are the
 * text's; then, as a second step the caller may overlap with other
 * work, all are drawn, inside one Document element of the tagged
 * structure.  One Pango context serves the whole run, at 72 dpi so that
 * a Pango unit is 1/1024 pt, and one cache of shaped words.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "backmatter.h"
#include "draw.h"
#include "flow.h"
#include "map.h"
#include "out/indexing.h"
#include "out/words.h"
#include "page.h"
#include "pdf.h"
#include "prelims.h"
#include "press.h"
#include "report.h"

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

/* The keywords: the chapters' authors and titles, as a catalogue would. */
static char *
keywords(const struct edition *e)
{
	GString *s = g_string_new(NULL);
	guint i;

	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);
		const char *words[] = { c->meta.author, c->meta.title };
		size_t k;

		for (k = 0; k < G_N_ELEMENTS(words); k++)
			if (words[k] != NULL && strstr(s->str, words[k]) == NULL)
				g_string_append_printf(s, "%s%s",
				    s->len > 0 ? "; " : "", words[k]);
	}
	return g_string_free(s, FALSE);
}

/* The title, the book's authors (else its editors), the keywords, dates. */
static void
set_metadata(cairo_surface_t *s, const struct edition *e,
    const struct credits *cr, struct diags *d)
{
	char *title = e->meta.subtitle == NULL ? g_strdup(e->meta.title) :
	    g_strdup_printf("%s: %s", e->meta.title, e->meta.subtitle);
	char *author = credits_join(cr->authors->len > 0 ? cr->authors :
	    cr->editors);
	char *kw = keywords(e);

	if (title != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
		    title);
	if (author != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR,
		    author);
	if (e->description != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT,
		    e->description);
	if (kw[0] != '\0')
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS,
		    kw);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "octavo");
	set_date(s, d);
	g_free(title);
	g_free(author);
	g_free(kw);
}

/*
 * Marks the blocks that a page break cuts as holding elements: the
 * running head of the page and the notes continued at the head of the
 * next are drawn while such a block is open.
 */
static void
mark_cut_blocks(struct galley *g, const GArray *pages)
{
	guint i;

	for (i = 0; i < pages->len; i++) {
		const struct page *pg = &g_array_index(pages, struct page, i);

		if (pg->count > 0 && !(GALLEY_LINE(g, pg->first + pg->count -
		    1)->flags & LINE_LAST))
			galley_flag_block(g, pg->first + pg->count - 1,
			    LINE_SPANS);
	}
}

/* The first line of the contents, from which prelims show folios. */
static guint
contents_line(const struct galley *g)
{
	guint i;

	for (i = 0; i < g->heads->len; i++) {
		const struct head *h = &g_array_index(g->heads, struct head, i);

		if (strcmp(h->dest, "toc") == 0)
			return h->line;
	}
	return G_MAXUINT;
}

/*
 * Sets and makes up the text, then the prelims, whose contents need it,
 * then the index, whose page numbers do; the index opens on a recto.
 */
static void
compose(struct press *p, const struct edition *e, struct part *front,
    struct part *text, struct part *index)
{
	GArray *starts = g_array_new(FALSE, FALSE, sizeof(guint));
	int *folios = g_new0(int, e->chapters->len + 1);
	struct page blank = { 0, 0, 0, 0, -1, FALSE, 0, 0 };
	guint i;

	flow_chapters(p, e, text->galley, starts);
	page_make_up(p, text->galley, p->notes, &text->mk);
	mark_cut_blocks(text->galley, text->mk.pages);
	for (i = 0; i < starts->len; i++) {
		guint at = g_array_index(starts, guint, i);

		if (at < text->galley->lines->len)
			folios[i] = GALLEY_LINE(text->galley, at)->page + 1;
	}
	if (index_printed(e)) {
		if (text->mk.pages->len % 2 == 1)
			g_array_append_val(text->mk.pages, blank);
		folios[e->chapters->len] = (int)text->mk.pages->len + 1;
	}
	prelims(p, e, folios, front->galley);
	page_make_up(p, front->galley, NULL, &front->mk);
	mark_cut_blocks(front->galley, front->mk.pages);
	if (front->mk.pages->len % 2 == 1)
		g_array_append_val(front->mk.pages, blank);
	front->folios_from = contents_line(front->galley);
	text->before = (int)front->mk.pages->len;
	if (folios[e->chapters->len] > 0) {
		GHashTable *marks = backmatter_mark_pages(p, text);

		index->folio_base = (int)text->mk.pages->len;
		index->before = text->before + index->folio_base;
		backmatter_index(p, e, text, marks, index);
		g_hash_table_destroy(marks);
	}
	g_array_free(starts, TRUE);
	g_free(folios);
}

/* A laid-out edition: its parts made up into pages, ready to draw. */
struct pdf_layout {
	const struct edition	*e;
	const struct style	*st;
	struct credits		 credits;
	struct press		*p;
	struct part		 front, text, index;
};

struct pdf_layout *
pdf_lay_out(const struct edition *e, const struct style *st,
    struct pagemap *pages, const char *report, struct diags *d)
{
	struct pdf_layout *l = g_new0(struct pdf_layout, 1);
	int errors = d->count[DIAG_ERROR];

	l->e = e;
	l->st = st;
	credits_init(&l->credits, e);
	l->p = press_new(e->language, st, d);
	l->p->credits = &l->credits;
	l->front = (struct part){ galley_new(), { NULL, NULL }, FALSE, 0,
	    G_MAXUINT, 0, NULL };
	l->text = (struct part){ galley_new(), { NULL, NULL }, TRUE, 0,
	    G_MAXUINT, 0, NULL };
	l->index = (struct part){ galley_new(), { NULL, NULL }, TRUE, 0,
	    G_MAXUINT, 0, word(WORD_INDEX_HEAD) };
	compose(l->p, e, &l->front, &l->text, &l->index);
	if (pages != NULL)
		map_pages(pages, l->p, e, &l->front, &l->text,
		    l->index.mk.pages != NULL ? &l->index : NULL);
	if (report != NULL)
		report_write(l->p, e, &l->text, report, d);
	if (d->count[DIAG_ERROR] > errors) {	/* the report's */
		pdf_layout_free(l);
		return NULL;
	}
	return l;
}

void
pdf_layout_free(struct pdf_layout *l)
{
	if (l == NULL)
		return;
	makeup_release(&l->front.mk);
	makeup_release(&l->text.mk);
	if (l->index.mk.pages != NULL)
		makeup_release(&l->index.mk);
	galley_free(l->front.galley);
	galley_free(l->text.galley);
	galley_free(l->index.galley);
	press_free(l->p);
	credits_release(&l->credits);
	g_free(l);
}

/* Draws every part, inside one Document element; returns Cairo's status. */
static cairo_status_t
draw_parts(cairo_t *cr, struct pdf_layout *l)
{
	struct outline ol = { 0, 0 };

	cairo_tag_begin(cr, "Document", NULL);
	draw_part(cr, l->p, l->e, &l->front, &ol);
	draw_part(cr, l->p, l->e, &l->text, &ol);
	if (l->index.mk.pages != NULL)
		draw_part(cr, l->p, l->e, &l->index, &ol);
	cairo_tag_end(cr, "Document");
	return cairo_status(cr);
}

int
pdf_draw(struct pdf_layout *l, const char *path, struct diags *d)
{
	struct out o = { g_fopen(path, "wb"), 0 };
	cairo_surface_t *s;
	cairo_status_t status;
	cairo_t *cr;

	if (o.fp == NULL) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0),
		    "cannot write the PDF: %s", g_strerror(errno));
		return -1;
	}
	s = cairo_pdf_surface_create_for_stream(out_write, &o, l->st->width,
	    l->st->height);
	set_metadata(s, l->e, &l->credits, d);
	cr = cairo_create(s);
	status = draw_parts(cr, l);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(s);
	cairo_surface_destroy(s);
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

int
pdf_write(const struct edition *e, const struct style *st, const char *path,
    struct pagemap *pages, const char *report, struct diags *d)
{
	struct pdf_layout *l = pdf_lay_out(e, st, pages, report, d);
	int rc;

	if (l == NULL)
		return -1;
	rc = pdf_draw(l, path, d);
	pdf_layout_free(l);
	return rc;
}
