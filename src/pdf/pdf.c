/*
 * pdf.c — the print back end's driver: the PDF file, its metadata, and
 * the order of the work.
 *
 * The book is made up in parts, each opening on a recto: the opening
 * prelims (with a leading dedication or epigraph), the contents, the
 * front matter, the text, the index (out/matter.h says which chapter
 * goes where).  The text comes first, chapter by chapter: each is set,
 * made up, drawn and let go, so that the layout holds one chapter's
 * lines, never the book's.  What outlives a chapter is small: its first
 * folio, its pages in the page map, the folios of its index marks, its
 * headings.  Then the contents, which give the chapters' pages, with
 * the rest of the prelims; then the index of names, whose page numbers
 * are the text's.  These are drawn after the text, as a second step the
 * caller may overlap with other work, and the finishing puts the
 * prelims' pages back in front (finish.h): the text, the prelims and
 * the index are each a Part of the tagged structure's Document.  One
 * Pango context serves the whole run, at 72 dpi so that a Pango unit is
 * 1/1024 pt, and one cache of shaped words.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "backmatter.h"
#include "draw.h"
#include "finish.h"
#include "flow.h"
#include "heap.h"
#include "map.h"
#include "outline.h"
#include "out/epoch.h"
#include "out/indexing.h"
#include "out/matter.h"
#include "out/words.h"
#include "merge.h"
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
 * A scratch file: its stream, buffered in more than stdio's page, since
 * Cairo writes a piece at a time and a book's megabytes went to the
 * system four kilobytes a call.  A surface's file, once finished, is
 * kept as its descriptor alone (scratch_retire): a long book has one
 * for every 256 pages until they are made one.
 */
struct scratch {
	FILE	*fp;		/* being written, or NULL: retired */
	int	 fd;		/* retired: the file, to be mapped; else
				   -1 */
	char	*buf;		/* fp's buffer */
};

#define SCRATCH_BUFFER	(64 * 1024)

/*
 * A scratch file for Cairo's PDF, in TMPDIR and already unlinked, so
 * that nothing is left behind whatever happens: the drawing's bytes go
 * to the disk as they are made, not on top of the book's layout in
 * memory, and the finishing reads them mapped (finish.h).  NULL if it
 * cannot be made, which d, if not NULL, is told.
 */
static struct scratch *
scratch(const char *name, struct diags *d)
{
	GError *err = NULL;
	char *path = NULL;
	int fd = g_file_open_tmp("octavo-XXXXXX.pdf", &path, &err);
	struct scratch *sc = NULL;
	FILE *fp = NULL;

	if (fd != -1) {
		g_unlink(path);
		if ((fp = fdopen(fd, "w+b")) == NULL)
			close(fd);
	}
	if (fp != NULL) {
		sc = g_new(struct scratch, 1);
		sc->fp = fp;
		sc->fd = -1;
		sc->buf = g_malloc(SCRATCH_BUFFER);
		setvbuf(fp, sc->buf, _IOFBF, SCRATCH_BUFFER);
	} else if (d != NULL)
		diag_add(d, DIAG_ERROR, srcpos_at(name, 0, 0),
		    "cannot make the PDF: no scratch file for Cairo's drawing "
		    "(%s); set TMPDIR to a folder octavo may write in",
		    err != NULL ? err->message : g_strerror(errno));
	g_clear_error(&err);
	g_free(path);
	return sc;
}

/*
 * A scratch file written to the end: its stream and buffer let go of,
 * the file kept open to be mapped.  A failure to write it is seen when
 * it is mapped (its descriptor is then -1).
 */
static void
scratch_retire(struct scratch *sc)
{
	if (fflush(sc->fp) == 0)
		sc->fd = dup(fileno(sc->fp));
	fclose(sc->fp);
	sc->fp = NULL;
	g_clear_pointer(&sc->buf, g_free);
}

/* A scratch file closed and let go of. */
static void
scratch_free(gpointer p)
{
	struct scratch *sc = p;

	if (sc == NULL)
		return;
	if (sc->fp != NULL)
		fclose(sc->fp);
	if (sc->fd != -1)
		close(sc->fd);
	g_free(sc->buf);
	g_free(sc);
}

/* What Cairo wrote to sc, mapped; NULL with err set if it cannot be. */
static GMappedFile *
scratch_map(struct scratch *sc, GError **err)
{
	if (sc->fp != NULL && fflush(sc->fp) != 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
		    "%s", g_strerror(errno));
		return NULL;
	}
	if (sc->fp == NULL && sc->fd == -1) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_IO,
		    "it could not be written");
		return NULL;
	}
	return g_mapped_file_new_from_fd(sc->fp != NULL ? fileno(sc->fp) :
	    sc->fd, FALSE, err);
}

/* The drawing in sc, mapped and finished into out (finish.h). */
static int
finish_drawn(struct scratch *sc, struct sink *out, const struct finishing *f,
    struct finished *done, struct diags *d)
{
	GError *err = NULL;
	GMappedFile *map;
	int rc;

	if ((map = scratch_map(sc, &err)) == NULL) {
		diag_add(d, DIAG_ERROR, srcpos_at(out->name, 0, 0),
		    "cannot make the PDF: Cairo's drawing cannot be read back "
		    "(%s)", err->message);
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

/*
 * Makes a part's galley up into pages, its notes with it; before pages
 * of the book come before it (their count's parity is what counts).
 */
static void
make_up(const struct press *p, struct part *pt, guint before)
{
	page_make_up(p, pt->galley, p->notes, before, &pt->mk);
	mark_cut_blocks(pt->galley, pt->mk.pages);
}

/* Pads a part to end on a verso, so that the next opens on a recto;
 * its before gives the pages of the book before it. */
static void
pad_even(struct part *pt)
{
	struct page blank = { 0, 0, 0, 0, -1, FALSE, 0, 0 };

	if (((guint)pt->before + pt->mk.pages->len) % 2 == 1)
		g_array_append_val(pt->mk.pages, blank);
}

/* The parts of the book, in the order of their pages. */
enum part_name {
	PART_OPENING,		/* half-title, title, imprint, dedication */
	PART_CONTENTS,
	PART_FRONT,		/* foreword, preface */
	PART_TEXT,		/* the chapter in hand */
	PART_INDEX,
	PARTS
};

/* The drawing, as it goes: Cairo's, and what the finishing is told. */
struct drawing {
	char			*name;		/* the PDF's, for errors */
	struct scratch		*scratch;	/* Cairo's file */
	GPtrArray		*drawn;		/* struct scratch *: the files
						   of the surfaces finished
						   before this one
						   (next_surface) */
	guint			 on_surface;	/* pages drawn on this one */
	gboolean		 one_surface;	/* no scratch file for another */
	cairo_status_t		 status;	/* a surface finished in error */
	cairo_surface_t		*s;
	cairo_t			*cr;
	GArray			*notes;		/* struct note_tag */
	struct taglangs		 langs;
	GArray			*runs;		/* struct page_run, as drawn */
	gboolean		 text;		/* the text's Part is begun */
	gboolean		 ended;		/* Cairo's surface is finished */
	int			 rc;		/* and that gave 0, or -1 */
	/* What the finishing is told (finish.h), made once Cairo's
	 * drawing is ended: */
	GHashTable		*titles;	/* a heading's destination → its
						   title */
	GPtrArray		*marks;		/* each footnote's mark (the
						   model's), by number */
	GPtrArray		*labels;
};

/* An edition being laid out, and drawn if it is to be. */
struct pdf_layout {
	const struct edition	*e;
	const struct style	*st;
	struct credits		 credits;
	struct matter_bounds	 matter;
	struct press		*p;
	struct part		 parts[PARTS];
	gboolean		 has_index;
	char			**folios;	/* each chapter's first page as
						   printed, then the index's */
	GArray			*mark_folios;	/* each index mark's folio, by
						   its id, until the index is
						   set */
	struct outline		 outline;	/* every part's headings */
	struct report		*report;	/* or NULL: none asked for */
	struct drawing		*drawing;	/* or NULL: not drawn */
	struct finished		 finished;	/* what the finishing did */
	GBytes			*shapes;	/* pdf_layout_shapes', once the
						   press is let go */
};

/*
 * The first page of each chapter from…to, as its part prints it, from
 * starts (the first line of each in the part's galley).
 */
static void
chapter_folios(const struct part *pt, const GArray *starts, guint from,
    guint to, char **folios)
{
	char label[16];
	guint i;

	for (i = from; i < to; i++) {
		guint at = g_array_index(starts, guint, i - from);

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
 * checked, and the contents set again if the guess was wrong.  starts
 * are the front matter's chapters' first lines.
 */
static void
compose_contents(struct pdf_layout *l, const GArray *starts)
{
	const struct matter_bounds *m = &l->matter;
	struct part *contents = &l->parts[PART_CONTENTS];
	struct part *front = &l->parts[PART_FRONT];
	guint guess = 2, tries;

	for (tries = 0; ; tries++) {
		front->folio_base = contents->folio_base + (int)guess;
		chapter_folios(front, starts, m->before_contents, m->front,
		    l->folios);
		prelims_contents(l->p, l->e, l->folios, contents->galley);
		make_up(l->p, contents, 0);
		pad_even(contents);
		if (contents->mk.pages->len == guess || tries == 2)
			break;
		guess = contents->mk.pages->len;
		makeup_release(&contents->mk);
		galley_free(contents->galley);
		contents->galley = galley_new();
	}
}

/* A part's pages and galley freed; what the part counted stays, and
 * how many pages it had. */
static void
part_release(struct part *pt)
{
	if (pt->mk.pages != NULL) {
		pt->pages = pt->mk.pages->len;
		makeup_release(&pt->mk);
	}
	pt->mk.pages = NULL;
	galley_free(pt->galley);
	pt->galley = NULL;
}

/* Draws a part, and lets it go. */
static void
draw(struct drawing *dr, const struct pdf_layout *l, struct part *pt)
{
	draw_part(dr->cr, l->p, l->e, pt, dr->notes, &dr->langs, NULL);
	part_release(pt);
}

/* Ends a run of pages drawn, begun with its Part (finish.h). */
static void
end_run(struct drawing *dr, guint pages, guint place)
{
	struct page_run r = { pages, place };

	cairo_tag_end(dr->cr, "Part");
	g_array_append_val(dr->runs, r);
}

/*
 * The pages Cairo draws on one surface before the next may begin: what
 * it holds of every page and element until its surface is finished
 * (some 4 KB a page of text) then goes.  A surface ends only where no
 * element is open, before a chapter's first page with ink, so it holds
 * this many pages and the next chapter's; a book of this many pages or
 * fewer is drawn on one surface, as all were before.
 */
#define SURFACE_PAGES	256

/* Begins Cairo's drawing on sc: a surface of the media box's size. */
static void
surface_begin(struct drawing *dr, const struct pdf_layout *l,
    struct scratch *sc)
{
	double m = draw_margin(l->st);

	dr->scratch = sc;
	dr->s = cairo_pdf_surface_create_for_stream(out_write, sc->fp,
	    l->st->width + 2 * m, l->st->height + 2 * m);
	dr->cr = cairo_create(dr->s);
	dr->on_surface = 0;
}

/*
 * Ends the surface in hand: Cairo writes the rest of its file and lets
 * go of what it held of its pages.  Returns how that went.
 */
static cairo_status_t
surface_end(struct drawing *dr)
{
	cairo_status_t status = cairo_status(dr->cr);

	cairo_destroy(dr->cr);
	dr->cr = NULL;
	cairo_surface_finish(dr->s);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(dr->s);
	cairo_surface_destroy(dr->s);
	dr->s = NULL;
	return status;
}

/*
 * Ends the surface in hand and begins the next on a scratch file of its
 * own, inside a Document; the text's Part, if open, ends with its run
 * there and opens again.  The files are made one before the finishing
 * (merge.h).  If no scratch file can be made, the drawing goes on where
 * it is, and on one surface to its end.
 */
static void
next_surface(const struct pdf_layout *l, struct drawing *dr, gboolean text)
{
	cairo_status_t status;
	struct scratch *sc;

	if ((sc = scratch(dr->name, NULL)) == NULL) {
		dr->one_surface = TRUE;
		return;
	}
	if (text)
		end_run(dr, dr->on_surface, 1);
	cairo_tag_end(dr->cr, "Document");
	status = surface_end(dr);
	if (dr->status == CAIRO_STATUS_SUCCESS)
		dr->status = status;
	scratch_retire(dr->scratch);
	g_ptr_array_add(dr->drawn, dr->scratch);
	surface_begin(dr, l, sc);
	cairo_tag_begin(dr->cr, "Document", NULL);
	if (text)
		cairo_tag_begin(dr->cr, "Part", NULL);
}

/*
 * Before each page of a chapter of the text (draw_turn): the surface to
 * draw it on, a new one if the one in hand is full and the page may
 * begin one.
 */
static cairo_t *
text_page(void *layout, gboolean may_turn)
{
	struct pdf_layout *l = layout;
	struct drawing *dr = l->drawing;

	if (may_turn && dr->on_surface >= SURFACE_PAGES && !dr->one_surface)
		next_surface(l, dr, TRUE);
	dr->on_surface++;
	return dr->cr;
}

/*
 * What outlives a chapter of the text, made up: its pages in the map,
 * the folios of its index marks, its lines in the report, its headings.
 * Then it is drawn, if it is to be and every character set so far is
 * in a font (else the rest is only laid out, and the error, once the
 * layout is done, names every such character), and let go with its
 * notes.
 */
static void
chapter_done(struct pdf_layout *l, struct mapper *map)
{
	struct part *pt = &l->parts[PART_TEXT];
	struct drawing *dr = l->drawing;

	if (map != NULL)
		map_part(map, l->p, l->e, pt);
	if (l->mark_folios != NULL)
		backmatter_mark_part(l->p, pt, l->mark_folios);
	if (l->report != NULL)
		report_part(l->report, l->p, l->e, pt);
	outline_keep(&l->outline, pt->galley, FALSE);
	if (dr != NULL && shaper_complete(l->p->shaper)) {
		struct draw_turn turn = { text_page, l };

		if (!dr->text)
			cairo_tag_begin(dr->cr, "Part", NULL);
		dr->text = TRUE;
		draw_part(dr->cr, l->p, l->e, pt, dr->notes, &dr->langs,
		    &turn);
	}
	part_release(pt);
	galley_free(l->p->notes);
	l->p->notes = galley_new();
}

/*
 * Sets the text chapter by chapter, each made up on from the pages
 * before it (the text's first page a recto, its folio 1), and done
 * with (chapter_done) before the next is set.  The last is padded to
 * an even count if the index follows.
 */
static void
set_text(struct pdf_layout *l, struct mapper *map)
{
	struct part *pt = &l->parts[PART_TEXT];
	struct press *p = l->p;
	GArray *starts = g_array_new(FALSE, FALSE, sizeof(guint));
	guint n = l->e->chapters->len, i;

	for (i = l->matter.front; i < n; i++) {
		pt->galley = galley_new();
		pt->before = pt->folio_base = p->text_pages;
		g_array_set_size(starts, 0);
		flow_chapters(p, l->e, i, i + 1, pt->galley, starts);
		make_up(p, pt, (guint)pt->before);
		if (i + 1 == n && l->has_index)
			pad_even(pt);
		chapter_folios(pt, starts, i, i + 1, l->folios);
		p->text_pages += (int)pt->mk.pages->len;
		chapter_done(l, map);
	}
	if (l->drawing != NULL && l->drawing->text)
		end_run(l->drawing, l->drawing->on_surface, 1);
	g_array_free(starts, TRUE);
}

/*
 * Sets and makes up the prelims, whose contents give the text's pages:
 * the dedication and epigraph that open the book follow the title and
 * the imprint; the front matter after the contents is numbered on from
 * it in roman.  Each part after a padded one opens on a recto.  front
 * maps them, if it is not NULL.
 */
static void
set_prelims(struct pdf_layout *l, struct mapper *front)
{
	const struct matter_bounds *m = &l->matter;
	struct part *pt = l->parts;
	struct press *p = l->p;
	GArray *starts = g_array_new(FALSE, FALSE, sizeof(guint));
	guint i;

	prelims_opening(p, l->e, pt[PART_OPENING].galley);
	flow_chapters(p, l->e, 0, m->before_contents, pt[PART_OPENING].galley,
	    starts);
	make_up(p, &pt[PART_OPENING], 0);
	pad_even(&pt[PART_OPENING]);
	g_array_set_size(starts, 0);
	flow_chapters(p, l->e, m->before_contents, m->front,
	    pt[PART_FRONT].galley, starts);
	make_up(p, &pt[PART_FRONT], 0);
	pad_even(&pt[PART_FRONT]);
	if (l->has_index)
		l->folios[l->e->chapters->len] = g_strdup_printf("%d",
		    p->text_pages + 1);
	pt[PART_CONTENTS].folio_base = (int)pt[PART_OPENING].mk.pages->len;
	compose_contents(l, starts);
	for (i = PART_OPENING; i <= PART_FRONT; i++) {
		if (i > PART_OPENING)
			pt[i].before = pt[i - 1].before +
			    (int)pt[i - 1].mk.pages->len;
		if (front != NULL)
			map_part(front, p, l->e, &pt[i]);
		if (l->mark_folios != NULL)
			backmatter_mark_part(p, &pt[i], l->mark_folios);
		outline_keep(&l->outline, pt[i].galley, TRUE);
	}
	p->front_pages = pt[PART_FRONT].before +
	    (int)pt[PART_FRONT].mk.pages->len;
	g_array_free(starts, TRUE);
}

/*
 * Sets the index of names, after the text; map maps it, if not NULL.
 * The marks' folios, a table of every mark of a long book, are let go
 * once its page numbers are set, not held while it is drawn.
 */
static void
set_index(struct pdf_layout *l, struct mapper *map)
{
	struct part *pt = &l->parts[PART_INDEX];
	struct press *p = l->p;

	pt->folio_base = p->text_pages;
	pt->before = p->front_pages + p->text_pages;
	backmatter_index(p, l->e, p->front_pages, l->mark_folios, pt);
	g_clear_pointer(&l->mark_folios, g_array_unref);
	if (map != NULL)
		map_part(map, p, l->e, pt);
	outline_keep(&l->outline, pt->galley, FALSE);
}

/*
 * The prelims, then the index, after the text: their pages mapped, if
 * map is not NULL, the prelims' before the text's.
 */
static void
set_rest(struct pdf_layout *l, struct mapper *map)
{
	struct mapper front;
	struct pagemap fm;

	pagemap_init(&fm);
	map_init(&front, &fm);
	set_prelims(l, map != NULL ? &front : NULL);
	if (map != NULL)
		map_prepend(map, &front);
	map_release(&front);
	pagemap_release(&fm);
	if (l->has_index)
		set_index(l, map);
}

/*
 * Cairo's drawing begun on a scratch file, with the metadata, inside
 * the Document element.  NULL, with an error in d, if it cannot be.
 */
static struct drawing *
drawing_new(const struct pdf_layout *l, const char *name, struct diags *d)
{
	struct drawing *dr;
	struct scratch *sc;
	gint64 secs;
	int dated;

	if ((dated = source_date_epoch(&secs, d)) == -1 ||
	    (sc = scratch(name, d)) == NULL)
		return NULL;
	dr = g_new0(struct drawing, 1);
	dr->name = g_strdup(name);
	dr->drawn = g_ptr_array_new_with_free_func(scratch_free);
	surface_begin(dr, l, sc);
	set_metadata(dr->s, l->e, &l->credits, dated ? &secs : NULL);
	dr->notes = g_array_new(FALSE, FALSE, sizeof(struct note_tag));
	taglangs_init(&dr->langs);
	dr->runs = g_array_new(FALSE, FALSE, sizeof(struct page_run));
	cairo_tag_begin(dr->cr, "Document", NULL);
	return dr;
}

static void
drawing_free(struct drawing *dr)
{
	if (dr == NULL)
		return;
	if (dr->cr != NULL)
		cairo_destroy(dr->cr);
	if (dr->s != NULL)
		cairo_surface_destroy(dr->s);
	scratch_free(dr->scratch);
	g_ptr_array_free(dr->drawn, TRUE);
	g_array_free(dr->notes, TRUE);
	taglangs_release(&dr->langs);
	g_array_free(dr->runs, TRUE);
	if (dr->titles != NULL)
		g_hash_table_destroy(dr->titles);
	if (dr->marks != NULL)
		g_ptr_array_free(dr->marks, TRUE);
	if (dr->labels != NULL)
		g_ptr_array_free(dr->labels, TRUE);
	g_free(dr->name);
	g_free(dr);
}

/* The words the press set, for a later layout (pdf_layout_shapes). */
static GBytes *
press_shapes(const struct press *p)
{
	return shaper_changed(p->shaper) ? shaper_save(p->shaper) : NULL;
}

/* The press let go, the words it set kept as bytes. */
static void
let_go_of_press(struct pdf_layout *l)
{
	l->shapes = press_shapes(l->p);
	g_clear_pointer(&l->p, press_free);
}

/*
 * What a layout holds once made: if it is drawn, what the rest's
 * drawing needs, the typesetting's own tools let go (press_set_done);
 * else none of it, neither the parts nor the press, the page map having
 * what they tell.
 */
static void
layout_done(struct pdf_layout *l)
{
	guint i;

	if (l->drawing != NULL) {
		press_set_done(l->p);
		return;
	}
	for (i = 0; i < PARTS; i++)
		part_release(&l->parts[i]);
	let_go_of_press(l);
}

struct pdf_layout *
pdf_lay_out(const struct edition *e, const struct style *st,
    struct pagemap *pages, const char *report, const char *drawn,
    GBytes *shapes, struct reuse *paras, struct diags *d)
{
	struct pdf_layout *l = g_new0(struct pdf_layout, 1);
	struct mapper map;
	int errors = d->count[DIAG_ERROR], rc = 0;
	guint i;

	l->e = e;
	l->st = st;
	credits_init(&l->credits, e);
	matter_init(&l->matter, e);
	l->has_index = index_printed(e);
	l->p = press_new(e->language, st, d);
	press_reuse(l->p, paras);
	if (shapes != NULL) {
		(void)shaper_load(l->p->shaper, shapes);
		g_bytes_unref(shapes);
	}
	l->p->credits = &l->credits;
	l->folios = g_new0(char *, e->chapters->len + 1);
	if (l->has_index)
		l->mark_folios = g_array_new(FALSE, TRUE, sizeof(gint32));
	outline_init(&l->outline);
	if (report != NULL) {
		l->report = g_new(struct report, 1);
		report_init(l->report);
	}
	for (i = 0; i < PARTS; i++) {
		l->parts[i].galley = i != PART_TEXT ? galley_new() : NULL;
		l->parts[i].roman = i < PART_TEXT;
		l->parts[i].heads = i >= PART_FRONT;
		/* Of the prelims, only the contents' pages show a folio. */
		l->parts[i].folios_from = i == PART_CONTENTS ? 0 : G_MAXUINT;
	}
	l->parts[PART_INDEX].running = word(WORD_INDEX_HEAD);
	if (drawn != NULL && (l->drawing = drawing_new(l, drawn, d)) == NULL) {
		pdf_layout_free(l);
		return NULL;
	}
	flow_dests(l->p, e);
	if (pages != NULL)
		map_init(&map, pages);
	set_text(l, pages != NULL ? &map : NULL);
	set_rest(l, pages != NULL ? &map : NULL);
	shaper_report(l->p->shaper);
	/* The caller closes the reuse once the layout is made. */
	press_keep(l->p);
	if (l->p->sets_kept > 0)
		diag_add(d, DIAG_INFO, srcpos_at(st->path, 0, 0), "%u of the %u "
		    "blocks are set as the last layout set them, from the same "
		    "text, style and fonts", l->p->sets_kept, l->p->sets);
	if (l->drawing != NULL)
		rc = shaper_drawable(l->p->shaper, d);
	if (pages != NULL)
		map_release(&map);
	if (rc == 0 && l->report != NULL)
		report_write(l->report, report, d);
	if (rc != 0 || d->count[DIAG_ERROR] > errors) {
		pdf_layout_free(l);
		return NULL;
	}
	layout_done(l);
	return l;
}

GBytes *
pdf_layout_shapes(struct pdf_layout *l)
{
	GBytes *shapes = l->shapes;

	if (l->p != NULL)
		return press_shapes(l->p);
	l->shapes = NULL;
	return shapes;
}

guint
pdf_layout_surfaces(const struct pdf_layout *l)
{
	const struct drawing *dr = l->drawing;

	return dr == NULL ? 0 : dr->drawn->len + 1;
}

guint
pdf_layout_text_from(const struct pdf_layout *l)
{
	return l->matter.front;
}

void
pdf_layout_free(struct pdf_layout *l)
{
	guint i;

	if (l == NULL)
		return;
	for (i = 0; i < PARTS; i++)
		part_release(&l->parts[i]);
	drawing_free(l->drawing);
	press_free(l->p);
	credits_release(&l->credits);
	for (i = 0; i <= l->e->chapters->len; i++)
		g_free(l->folios[i]);
	g_free(l->folios);
	if (l->mark_folios != NULL)
		g_array_unref(l->mark_folios);
	outline_release(&l->outline);
	if (l->report != NULL) {
		report_release(l->report);
		g_free(l->report);
	}
	if (l->shapes != NULL)
		g_bytes_unref(l->shapes);
	g_free(l);
}

/*
 * What the links' words are made from (link_said): every heading's
 * title, and every footnote's mark.
 */
static void
link_words(struct drawing *dr, const struct pdf_layout *l)
{
	guint i;

	dr->titles = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);
	for (i = 0; i < l->outline.heads->len; i++) {
		const struct head *h = &g_array_index(l->outline.heads,
		    struct head, i);

		g_hash_table_insert(dr->titles, g_strdup(h->dest),
		    g_strdup(h->title));
	}
	dr->marks = g_ptr_array_sized_new(l->p->footnotes->len);
	for (i = 0; i < l->p->footnotes->len; i++)
		g_ptr_array_add(dr->marks, (gpointer)g_array_index(
		    l->p->footnotes, struct footnote, i).note->mark);
}

/*
 * What a link to dest says (finish.h): a chapter's or a heading's
 * title; for a footnote's destinations (footnote_dest: "n12" the note,
 * "r12" the way back to its reference), its number.  A long book has
 * a link to each of tens of thousands of notes, and one back: their
 * words are made when asked, not held.
 */
static char *
link_said(const char *dest, const void *arg)
{
	const struct drawing *dr = arg;
	const char *title = g_hash_table_lookup(dr->titles, dest), *mark;
	char kind;
	guint n;

	if (title != NULL)
		return g_strdup(title);
	if ((n = footnote_of_dest(dest, &kind)) == 0 || n > dr->marks->len)
		return NULL;
	mark = g_ptr_array_index(dr->marks, n - 1);
	return kind == 'n' ? g_strdup_printf("Note %s", mark) :
	    g_strdup_printf("Back to the reference to note %s", mark);
}

/* Adds the labels of a part's pages to labels, once it is let go. */
static void
part_labels(const struct part *pt, GPtrArray *labels)
{
	char label[32];
	guint n;

	for (n = 1; n <= pt->pages; n++) {
		part_label(pt, (int)n, label, sizeof(label));
		g_ptr_array_add(labels, g_strdup(label));
	}
}

/* Every page's label, in the reading order: the text's are 1, 2… */
static GPtrArray *
page_labels(const struct pdf_layout *l)
{
	GPtrArray *labels = g_ptr_array_new_with_free_func(g_free);
	int n;

	part_labels(&l->parts[PART_OPENING], labels);
	part_labels(&l->parts[PART_CONTENTS], labels);
	part_labels(&l->parts[PART_FRONT], labels);
	for (n = 1; n <= l->p->text_pages; n++)
		g_ptr_array_add(labels, g_strdup_printf("%d", n));
	part_labels(&l->parts[PART_INDEX], labels);
	return labels;
}

/* Draws the prelims, then the index, each a run of its own. */
static void
draw_rest(struct drawing *dr, struct pdf_layout *l)
{
	struct part *pt = l->parts;
	guint i;

	cairo_tag_begin(dr->cr, "Part", NULL);
	for (i = PART_OPENING; i <= PART_FRONT; i++)
		draw(dr, l, &pt[i]);
	end_run(dr, (guint)l->p->front_pages, 0);
	if (pt[PART_INDEX].mk.pages != NULL) {
		guint pages = pt[PART_INDEX].mk.pages->len;

		cairo_tag_begin(dr->cr, "Part", NULL);
		draw(dr, l, &pt[PART_INDEX]);
		/* After the text's, if the book has any. */
		end_run(dr, pages, dr->text ? 2 : 1);
	}
	cairo_tag_end(dr->cr, "Document");
}

int
pdf_draw_rest(struct pdf_layout *l, struct diags *d)
{
	struct drawing *dr = l->drawing;
	cairo_status_t status;

	if (dr->ended)
		return dr->rc;
	dr->ended = TRUE;
	/* A book drawn on several surfaces has the prelims and the index
	 * on one of their own, their links to its pages by name. */
	if (dr->drawn->len > 0) {
		next_surface(l, dr, FALSE);
		l->p->pages_named = TRUE;
	}
	draw_rest(dr, l);
	outline_add(&l->outline, dr->s);
	if ((status = surface_end(dr)) == CAIRO_STATUS_SUCCESS)
		status = dr->status;
	if (dr->one_surface)
		diag_add(d, DIAG_INFO, srcpos_at(dr->name, 0, 0), "the PDF is "
		    "drawn on one Cairo surface, which holds every page to its "
		    "end: no scratch file could be made for another");
	/*
	 * What the finishing is told is made now, not held through the
	 * drawing, whose end is the most a build holds.  Then nothing is
	 * left to draw: the press goes, its cache of shaped words kept as
	 * bytes for the next layout (pdf_layout_shapes).
	 */
	link_words(dr, l);
	dr->labels = page_labels(l);
	let_go_of_press(l);
	/*
	 * What Cairo kept of every page and element, freed, would stay the
	 * process's, and the finishing, which maps Cairo's file, would come
	 * on top of it: it is given back to the system.
	 */
	heap_give_back();
	if (status != CAIRO_STATUS_SUCCESS) {
		diag_add(d, DIAG_ERROR, srcpos_at(dr->name, 0, 0),
		    "cannot make the PDF: %s", cairo_status_to_string(status));
		dr->rc = -1;
	}
	return dr->rc;
}

/*
 * The files of a drawing on several surfaces made one (merge.h), on a
 * scratch file that becomes the drawing's, the others closed.  FALSE,
 * with an error in d, if they cannot be.
 */
static gboolean
drawn_as_one(struct drawing *dr, struct diags *d)
{
	guint n, i;
	GMappedFile **maps;
	struct pdf_span *files;
	const char *why = NULL;
	struct scratch *one = NULL;

	if (dr->drawn->len == 0)
		return TRUE;
	g_ptr_array_add(dr->drawn, dr->scratch);
	dr->scratch = NULL;
	n = dr->drawn->len;
	maps = g_new0(GMappedFile *, n);
	files = g_new0(struct pdf_span, n);
	for (i = 0; i < n && why == NULL; i++) {
		if ((maps[i] = scratch_map(g_ptr_array_index(dr->drawn, i),
		    NULL)) == NULL)
			why = "Cairo's drawing cannot be read back";
		else {
			files[i].s = g_mapped_file_get_contents(maps[i]);
			files[i].n = g_mapped_file_get_length(maps[i]);
		}
	}
	if (why == NULL && (one = scratch(dr->name, d)) != NULL &&
	    pdf_merge(files, n, TRUE, one->fp, &why) != 0) {
		scratch_free(one);
		one = NULL;
	}
	for (i = 0; i < n; i++)
		if (maps[i] != NULL)
			g_mapped_file_unref(maps[i]);
	g_free(maps);
	g_free(files);
	g_ptr_array_set_size(dr->drawn, 0);
	dr->scratch = one;
	if (why != NULL)
		diag_add(d, DIAG_ERROR, srcpos_at(dr->name, 0, 0),
		    "cannot make the PDF: %s", why);
	else
		diag_add(d, DIAG_INFO, srcpos_at(dr->name, 0, 0), "the pages "
		    "are drawn on %u Cairo surfaces (a new one after %d pages, "
		    "at a chapter), their files made one", n, SURFACE_PAGES);
	return one != NULL;
}

int
pdf_draw(struct pdf_layout *l, struct sink *out, struct reuse *contents,
    struct diags *d)
{
	struct drawing *dr = l->drawing;
	struct finishing f;

	if (pdf_draw_rest(l, d) == -1)
		return -1;
	f = (struct finishing){ l->e->language, l->st->width, l->st->height,
	    l->st->bleed, draw_margin(l->st), link_said, dr, dr->labels,
	    dr->notes, &dr->langs, dr->runs, TRUE, contents };
	if (!drawn_as_one(dr, d) ||
	    finish_drawn(dr->scratch, out, &f, &l->finished, d) == -1)
		return -1;
	if (l->finished.reused > 0)
		diag_add(d, DIAG_INFO, srcpos_at(out->name, 0, 0), "%d pages' "
		    "contents are as the last build finished them, from the "
		    "same drawing", l->finished.reused);
	return 0;
}

int
pdf_write(const struct edition *e, const struct style *st, const char *path,
    struct pagemap *pages, const char *report, struct diags *d)
{
	struct pdf_layout *l = pdf_lay_out(e, st, pages, report, path, NULL,
	    NULL, d);
	struct sink out;
	int rc;

	if (l == NULL)
		return -1;
	if ((rc = sink_open(&out, path, path, d)) == 0) {
		rc = pdf_draw(l, &out, NULL, d);
		if (sink_close(&out, "the PDF", d) == -1)
			rc = -1;
	}
	pdf_layout_free(l);
	return rc;
}
