/*
 * pdf.c — the print back end's driver: the PDF file, its metadata, and
 * the order of the work.
 *
 * The book is made up in parts, each opening on a recto: the opening
 * prelims (with a leading dedication or epigraph), the contents, the
 * front matter, the text, the index (out/matter.h says which chapter
 * goes where).  The chapters are set and made up first, so that the
 * contents can give their page numbers; then the contents; then the
 * index of names, whose page numbers are the text's; then, as a second
 * step the caller may overlap with other work, all are drawn, inside
 * one Document element of the tagged structure.  One Pango context
 * serves the whole run, at 72 dpi so that a Pango unit is 1/1024 pt,
 * and one cache of shaped words.
 */
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "backmatter.h"
#include "draw.h"
#include "finish.h"
#include "flow.h"
#include "map.h"
#include "out/epoch.h"
#include "out/indexing.h"
#include "out/matter.h"
#include "out/words.h"
#include "page.h"
#include "pdf.h"
#include "prelims.h"
#include "press.h"
#include "report.h"
#include "shape.h"

/* Cairo writes the PDF into a scratch file, for the finishing. */
static cairo_status_t
out_write(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

/*
 * A scratch file for Cairo's PDF, in TMPDIR and already unlinked, so
 * that nothing is left behind whatever happens: the drawing's bytes go
 * to the disk as they are made, not on top of the book's layout in
 * memory, and the finishing reads them mapped (finish.h).
 */
static FILE *
scratch(const char *name, struct diags *d)
{
	GError *err = NULL;
	char *path = NULL;
	int fd = g_file_open_tmp("octavo-XXXXXX.pdf", &path, &err);
	FILE *fp = NULL;

	if (fd != -1) {
		g_unlink(path);
		if ((fp = fdopen(fd, "w+b")) == NULL)
			close(fd);
	}
	if (fp == NULL)
		diag_add(d, DIAG_ERROR, srcpos_at(name, 0, 0),
		    "cannot make the PDF: no scratch file for Cairo's drawing "
		    "(%s); set TMPDIR to a folder octavo may write in",
		    err != NULL ? err->message : g_strerror(errno));
	g_clear_error(&err);
	g_free(path);
	return fp;
}

/* The drawing in fp, mapped and finished into out (finish.h). */
static int
finish_drawn(FILE *fp, struct sink *out, const struct finishing *f,
    struct finished *done, struct diags *d)
{
	GError *err = NULL;
	GMappedFile *map;
	int rc;

	if (fflush(fp) != 0 || (map = g_mapped_file_new_from_fd(fileno(fp),
	    FALSE, &err)) == NULL) {
		diag_add(d, DIAG_ERROR, srcpos_at(out->name, 0, 0),
		    "cannot make the PDF: Cairo's drawing cannot be read back "
		    "(%s)", err != NULL ? err->message : g_strerror(errno));
		g_clear_error(&err);
		return -1;
	}
	rc = pdf_finish(g_mapped_file_get_contents(map),
	    g_mapped_file_get_length(map), out, f, done, d);
	g_mapped_file_unref(map);
	return rc;
}

/*
 * The creation date, when SOURCE_DATE_EPOCH gives it (secs, or NULL),
 * so that two builds of the same manuscript are the same bytes; else
 * Cairo's clock's.
 */
static void
set_date(cairo_surface_t *s, const gint64 *secs)
{
	GDateTime *dt;
	char *iso;

	if (secs == NULL)
		return;
	dt = g_date_time_new_from_unix_utc(*secs);
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
    const struct credits *cr, const gint64 *secs)
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
	set_date(s, secs);
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

/* Makes a part's galley up into pages, its notes with it. */
static void
make_up(const struct press *p, struct part *pt)
{
	page_make_up(p, pt->galley, p->notes, &pt->mk);
	mark_cut_blocks(pt->galley, pt->mk.pages);
}

/* Pads a part to an even count of pages, so that the next opens on a
 * recto. */
static void
pad_even(struct part *pt)
{
	struct page blank = { 0, 0, 0, 0, -1, FALSE, 0, 0 };

	if (pt->mk.pages->len % 2 == 1)
		g_array_append_val(pt->mk.pages, blank);
}

/* The parts of the book, in the order of their pages. */
enum part_name {
	PART_OPENING,		/* half-title, title, imprint, dedication */
	PART_CONTENTS,
	PART_FRONT,		/* foreword, preface */
	PART_TEXT,
	PART_INDEX,
	PARTS
};

/* A laid-out edition: its parts made up into pages, ready to draw. */
struct pdf_layout {
	const struct edition	*e;
	const struct style	*st;
	struct credits		 credits;
	struct matter_bounds		 matter;
	struct press		*p;
	struct part		 parts[PARTS];
	gboolean		 has_index;
	struct finished		 finished;	/* what the finishing did */
};

/*
 * The first page of each chapter from…to, as its part prints it, from
 * starts (the first line of every chapter of the book).
 */
static void
chapter_folios(const struct part *pt, const GArray *starts, guint from,
    guint to, char **folios)
{
	char label[16];
	guint i;

	for (i = from; i < to; i++) {
		guint at = g_array_index(starts, guint, i);

		g_clear_pointer(&folios[i], g_free);
		if (at >= pt->galley->lines->len)
			continue;	/* a chapter with nothing to set */
		part_label(pt, GALLEY_LINE(pt->galley, at)->page + 1, label,
		    sizeof(label));
		folios[i] = g_strdup(label);
	}
}

/*
 * The contents, which gives the pages of the front matter that follows
 * it: their folios depend on its own length, which is guessed, then
 * checked, and the contents set again if the guess was wrong.
 */
static void
compose_contents(struct pdf_layout *l, const GArray *starts, char **folios)
{
	const struct matter_bounds *m = &l->matter;
	struct part *contents = &l->parts[PART_CONTENTS];
	struct part *front = &l->parts[PART_FRONT];
	guint guess = 2, tries;

	for (tries = 0; ; tries++) {
		front->folio_base = contents->folio_base + (int)guess;
		chapter_folios(front, starts, m->before_contents, m->front,
		    folios);
		prelims_contents(l->p, l->e, folios, contents->galley);
		make_up(l->p, contents);
		pad_even(contents);
		if (contents->mk.pages->len == guess || tries == 2)
			break;
		guess = contents->mk.pages->len;
		makeup_release(&contents->mk);
		galley_free(contents->galley);
		contents->galley = galley_new();
	}
}

/*
 * Sets and makes up the chapters, each in its part, then the contents,
 * which needs their pages, then the index, which needs the text's.
 * The dedication and epigraph that open the book follow the title and
 * the imprint; the front matter after them is numbered on from the
 * contents in roman; the text from 1.
 */
static void
compose(struct pdf_layout *l)
{
	const struct edition *e = l->e;
	const struct matter_bounds *m = &l->matter;
	struct press *p = l->p;
	struct part *pt = l->parts;
	guint n = e->chapters->len, i;
	GArray *starts = g_array_new(FALSE, FALSE, sizeof(guint));
	char **folios = g_new0(char *, n + 1);

	prelims_opening(p, e, pt[PART_OPENING].galley);
	flow_chapters(p, e, 0, m->before_contents, pt[PART_OPENING].galley,
	    starts);
	make_up(p, &pt[PART_OPENING]);
	pad_even(&pt[PART_OPENING]);
	flow_chapters(p, e, m->before_contents, m->front,
	    pt[PART_FRONT].galley, starts);
	make_up(p, &pt[PART_FRONT]);
	pad_even(&pt[PART_FRONT]);
	flow_chapters(p, e, m->front, n, pt[PART_TEXT].galley, starts);
	make_up(p, &pt[PART_TEXT]);
	chapter_folios(&pt[PART_TEXT], starts, m->front, n, folios);
	if (l->has_index) {
		pad_even(&pt[PART_TEXT]);
		folios[n] = g_strdup_printf("%u", pt[PART_TEXT].mk.pages->len +
		    1);
	}
	pt[PART_CONTENTS].folio_base = (int)pt[PART_OPENING].mk.pages->len;
	compose_contents(l, starts, folios);
	for (i = PART_CONTENTS; i < PARTS; i++)
		pt[i].before = pt[i - 1].before +
		    (int)pt[i - 1].mk.pages->len;
	if (l->has_index) {
		GHashTable *marks = backmatter_mark_pages(p, pt, PART_INDEX);

		pt[PART_INDEX].folio_base = (int)pt[PART_TEXT].mk.pages->len;
		backmatter_index(p, e, &pt[PART_TEXT], marks,
		    &pt[PART_INDEX]);
		g_hash_table_destroy(marks);
	}
	g_array_free(starts, TRUE);
	for (i = 0; i <= n; i++)
		g_free(folios[i]);
	g_free(folios);
}

struct pdf_layout *
pdf_lay_out(const struct edition *e, const struct style *st,
    struct pagemap *pages, const char *report, struct diags *d)
{
	struct pdf_layout *l = g_new0(struct pdf_layout, 1);
	int errors = d->count[DIAG_ERROR];
	guint i;

	l->e = e;
	l->st = st;
	credits_init(&l->credits, e);
	matter_init(&l->matter, e);
	l->has_index = index_printed(e);
	l->p = press_new(e->language, st, d);
	l->p->credits = &l->credits;
	for (i = 0; i < PARTS; i++) {
		l->parts[i].galley = galley_new();
		l->parts[i].roman = i < PART_TEXT;
		l->parts[i].heads = i >= PART_FRONT;
		/* Of the prelims, only the contents' pages show a folio. */
		l->parts[i].folios_from = i == PART_CONTENTS ? 0 : G_MAXUINT;
	}
	l->parts[PART_INDEX].running = word(WORD_INDEX_HEAD);
	compose(l);
	shaper_report(l->p->shaper);
	if (pages != NULL)
		map_pages(pages, l->p, e, l->parts, l->has_index ? PARTS :
		    PART_INDEX);
	if (report != NULL)
		report_write(l->p, e, &l->parts[PART_TEXT], report, d);
	if (d->count[DIAG_ERROR] > errors) {	/* the report's */
		pdf_layout_free(l);
		return NULL;
	}
	return l;
}

int
pdf_drawable(const struct pdf_layout *l, struct diags *d)
{
	return shaper_drawable(l->p->shaper, d);
}

/* A part's pages and galley freed; what the part counted stays. */
static void
part_release(struct part *pt)
{
	if (pt->mk.pages != NULL)
		makeup_release(&pt->mk);
	pt->mk.pages = NULL;
	galley_free(pt->galley);
	pt->galley = NULL;
}

/*
 * A part drawn is let go, and the memory it held given back to the
 * system: freed, it would stay the process's, and Cairo's growing file
 * and the finishing would come on top of it.
 */
static void
part_drawn(struct part *pt)
{
	part_release(pt);
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

void
pdf_layout_free(struct pdf_layout *l)
{
	guint i;

	if (l == NULL)
		return;
	for (i = 0; i < PARTS; i++)
		part_release(&l->parts[i]);
	press_free(l->p);
	credits_release(&l->credits);
	g_free(l);
}

/*
 * Draws every part, inside one Document element, and releases each
 * once drawn, so that the finishing does not run beside the whole
 * book's lines; returns Cairo's status.
 */
static cairo_status_t
draw_parts(cairo_t *cr, struct pdf_layout *l, GArray *notes,
    struct taglangs *langs)
{
	struct outline ol = { 0, 0 };
	guint i;

	cairo_tag_begin(cr, "Document", NULL);
	for (i = 0; i < PARTS; i++)
		if (l->parts[i].mk.pages != NULL) {
			draw_part(cr, l->p, l->e, &l->parts[i], &ol, notes,
			    langs);
			part_drawn(&l->parts[i]);
		}
	cairo_tag_end(cr, "Document");
	return cairo_status(cr);
}

/*
 * What a link to each destination says (finish.h): a note's number, the
 * way back to its reference, a chapter's or a heading's title.
 */
static GHashTable *
link_names(const struct pdf_layout *l)
{
	GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, g_free);
	char dest[16];
	guint i, j;

	for (i = 0; i < l->p->footnotes->len; i++) {
		const struct footnote *fn = &g_array_index(l->p->footnotes,
		    struct footnote, i);

		footnote_dest(l->p, fn, 'n', dest, sizeof(dest));
		g_hash_table_insert(names, g_strdup(dest),
		    g_strdup_printf("Note %s", fn->note->mark));
		footnote_dest(l->p, fn, 'r', dest, sizeof(dest));
		g_hash_table_insert(names, g_strdup(dest), g_strdup_printf(
		    "Back to the reference to note %s", fn->note->mark));
	}
	for (i = 0; i < PARTS; i++)
		for (j = 0; j < l->parts[i].galley->heads->len; j++) {
			const struct head *h = &g_array_index(
			    l->parts[i].galley->heads, struct head, j);

			g_hash_table_insert(names, g_strdup(h->dest),
			    g_strdup(h->title));
		}
	return names;
}

/* Every page's label, in the order of the file. */
static GPtrArray *
page_labels(const struct pdf_layout *l)
{
	GPtrArray *labels = g_ptr_array_new_with_free_func(g_free);
	char label[32];
	guint i, n;

	for (i = 0; i < PARTS; i++) {
		const struct part *pt = &l->parts[i];

		for (n = 1; pt->mk.pages != NULL && n <= pt->mk.pages->len;
		    n++) {
			part_label(pt, (int)n, label, sizeof(label));
			g_ptr_array_add(labels, g_strdup(label));
		}
	}
	return labels;
}

int
pdf_draw(struct pdf_layout *l, struct sink *out, struct diags *d)
{
	FILE *pdf;
	struct finishing f;
	struct taglangs langs;
	double m = draw_margin(l->st);
	cairo_surface_t *s;
	cairo_status_t status;
	cairo_t *cr;
	gint64 secs;
	int dated, rc = -1;

	if ((dated = source_date_epoch(&secs, d)) == -1 ||
	    (pdf = scratch(out->name, d)) == NULL)
		return -1;
	taglangs_init(&langs);
	f = (struct finishing){ l->e->language, l->st->width, l->st->height,
	    l->st->bleed, m, link_names(l), page_labels(l),
	    g_array_new(FALSE, FALSE, sizeof(struct note_tag)), &langs };
	s = cairo_pdf_surface_create_for_stream(out_write, pdf,
	    l->st->width + 2 * m, l->st->height + 2 * m);
	set_metadata(s, l->e, &l->credits, dated ? &secs : NULL);
	cr = cairo_create(s);
	status = draw_parts(cr, l, f.notes, &langs);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (status != CAIRO_STATUS_SUCCESS)
		diag_add(d, DIAG_ERROR, srcpos_at(out->name, 0, 0),
		    "cannot make the PDF: %s", cairo_status_to_string(status));
	else
		rc = finish_drawn(pdf, out, &f, &l->finished, d);
	fclose(pdf);
	g_hash_table_destroy(f.links);
	g_ptr_array_free(f.labels, TRUE);
	g_array_free(f.notes, TRUE);
	taglangs_release(&langs);
	return rc;
}

int
pdf_write(const struct edition *e, const struct style *st, const char *path,
    struct pagemap *pages, const char *report, struct diags *d)
{
	struct pdf_layout *l = pdf_lay_out(e, st, pages, report, d);
	struct sink out;
	int rc;

	if (l == NULL)
		return -1;
	if ((rc = sink_open(&out, path, path, d)) == 0) {
		rc = pdf_draw(l, &out, d);
		if (sink_close(&out, "the PDF", d) == -1)
			rc = -1;
	}
	pdf_layout_free(l);
	return rc;
}
