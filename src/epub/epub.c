/*
 * epub.c — the EPUB back end's entry point: makes the book's small
 * files, and says how to render its pages from the text, then has
 * ocf.c zip them: the chapters, rendered one at a time in reading
 * order as the archive takes them, then what needs all of them (the
 * package document, the navigation).  The output depends only on the
 * edition, the styles, the page map and SOURCE_DATE_EPOCH: fixed file
 * order, fixed times, no random ids.
 */
#include <string.h>

#include "epub/book.h"
#include "epub/cover.h"
#include "epub/epub.h"
#include "epub/fonts.h"
#include "epub/ocf.h"
#include "epub/xhtml.h"
#include "out/epoch.h"
#include "out/indexing.h"
#include "read/file.h"

/*
 * A chapter's page, rendered when the archive takes it, in reading
 * order: its print pages' markers placed, its headings collected for
 * the navigation, the contents' markers written before the first
 * chapter that follows the contents.
 */
static GBytes *
make_chapter(struct book *b, void *arg)
{
	struct part *p = arg;
	GBytes *page;

	if (p->at >= b->matter.before_contents)
		book_contents_marks(b);
	page = g_string_free_to_bytes(xhtml_chapter(b, p, b->diags));
	if (b->opts->rendered != NULL)
		b->opts->rendered(p->at, b->opts->rendered_arg);
	return page;
}

/* The index's page, after the chapters'. */
static GBytes *
make_index(struct book *b, void *arg)
{
	(void)arg;
	book_contents_marks(b);
	return g_string_free_to_bytes(index_document(b));
}

/*
 * The package document, the first file made once the text is rendered:
 * every print page's marker is placed then, checked and counted.
 */
static GBytes *
make_opf(struct book *b, void *arg)
{
	guint i;

	(void)arg;
	book_contents_marks(b);
	pagemarks_check(&b->marks, b->diags);
	for (i = 0; b->marks.map != NULL && i < b->marks.map->breaks->len;
	    i++)
		b->pages += b->marks.file[i] != NULL;
	return g_string_free_to_bytes(opf_package(b));
}

static GBytes *
make_imprint(struct book *b, void *arg)
{
	(void)arg;
	return g_string_free_to_bytes(imprint_page(b));
}

static GBytes *
make_nav(struct book *b, void *arg)
{
	(void)arg;
	return g_string_free_to_bytes(nav_document(b));
}

static GBytes *
make_ncx(struct book *b, void *arg)
{
	(void)arg;
	return g_string_free_to_bytes(nav_ncx(b));
}

/* A part for every chapter, in reading order, its page still to come. */
static void
book_parts(struct book *b)
{
	const struct edition *e = b->edition;
	guint i;

	for (i = 0; i < e->chapters->len; i++)
		book_part(b, g_ptr_array_index(e->chapters, i), i);
	b->has_index = index_printed(e);
}

char *
epub_cover_style(const char *css)
{
	char *dir = g_path_get_dirname(css);
	char *style = g_build_filename(dir, "cover.ini", NULL);

	g_free(dir);
	return style;
}

/*
 * The stylesheet and the styles beside it: the cover's design (if
 * there is a cover.ini) and the embedded face (if the edition asks).
 * Returns 0, or -1 with an error in diags.
 */
static int
book_styles(struct book *b, const struct epub_options *o, struct diags *d)
{
	const char *css = o->css;
	GString *sheet;
	GBytes *png;
	char *text, *cover;
	gsize len;
	int rc = 0;

	if (css == NULL) {
		diag_add(d, DIAG_ERROR, srcpos_at(NULL, 0, 0),
		    "no EPUB stylesheet given; set 'epub-style' in [edition]");
		return -1;
	}
	if ((text = file_read_text(css, "the EPUB stylesheet", FILE_MAX_CSS,
	    "save it as UTF-8", &len, d)) == NULL)
		return -1;
	sheet = g_string_new_len(text, (gssize)len);
	g_free(text);
	if (o->embed_fonts)
		rc = fonts_embed(b, sheet, d);
	b->has_fonts = o->embed_fonts;
	book_add(b, "css", BOOK_CSS, "text/css", NULL, 0,
	    g_string_free_to_bytes(sheet));
	cover = epub_cover_style(css);
	if (!g_file_test(cover, G_FILE_TEST_EXISTS))
		diag_add(d, DIAG_INFO, srcpos_at(cover, 0, 0),
		    "no cover style beside the stylesheet: the e-book has no "
		    "cover");
	else if ((png = o->cover != NULL ? g_bytes_ref(o->cover) :
	    cover_png(b->edition, &b->credits, cover, o->cover_kept,
	    d)) == NULL)
		rc = -1;
	else {
		b->has_cover = 1;
		book_add(b, "cover-image", BOOK_COVER_PNG, "image/png",
		    "cover-image", 0, png);
	}
	g_free(cover);
	return rc;
}

GBytes *
epub_cover(const struct edition *e, const struct epub_options *o,
    struct diags *d)
{
	struct credits cr;
	GBytes *png = NULL;
	char *cover;

	if (o->css == NULL)
		return NULL;
	cover = epub_cover_style(o->css);
	if (g_file_test(cover, G_FILE_TEST_EXISTS)) {
		credits_init(&cr, e);
		png = cover_png(e, &cr, cover, o->cover_kept, d);
		credits_release(&cr);
	}
	g_free(cover);
	return png;
}

/*
 * The pages in reading order: cover, title page, imprint, a dedication
 * and an epigraph that open the book, contents, the chapters, the
 * index; the NCX last, outside the spine.
 */
static void
book_pages(struct book *b)
{
	struct part *p;
	guint i;

	if (b->has_cover)
		book_page(b, "cover", BOOK_COVER, NULL, cover_page(b));
	book_page(b, "titlepage", BOOK_TITLEPAGE, NULL, titlepage(b));
	/* It says whether the print pages are marked: made after them. */
	book_add_late(b, "imprint", BOOK_IMPRINT, XHTML_TYPE, NULL, 1,
	    make_imprint);
	for (i = 0; i <= b->parts->len; i++) {
		if (i == b->matter.before_contents)
			book_add_late(b, "nav", BOOK_NAV, XHTML_TYPE, "nav", 1,
			    make_nav);
		if (i == b->parts->len)
			break;
		p = g_ptr_array_index(b->parts, i);
		book_add_text(b, p->id, p->file, NULL, make_chapter, p);
	}
	if (b->has_index)
		book_add_text(b, "index", BOOK_INDEX, "index", make_index,
		    NULL);
	book_add_late(b, "ncx", BOOK_NCX, "application/x-dtbncx+xml", NULL, 0,
	    make_ncx);
}

/* The time of the build: SOURCE_DATE_EPOCH if set, else now. */
static GDateTime *
build_time(struct diags *d)
{
	gint64 t;

	switch (source_date_epoch(&t, d)) {
	case 1:
		return g_date_time_new_from_unix_utc(t);
	case 0:
		return g_date_time_new_now_utc();
	default:
		return NULL;
	}
}

int
epub_write(const struct edition *e, const struct epub_options *o,
    const struct pagemap *pages, struct sink *out, struct diags *d)
{
	struct book b;
	GDateTime *t;
	int rc = -1;

	if (e->meta.title == NULL || e->language == NULL ||
	    e->identifier == NULL) {
		diag_add(d, DIAG_ERROR, srcpos_at(NULL, 0, 0),
		    "an EPUB needs the edition's title, language and "
		    "identifier");
		return -1;
	}
	if ((t = build_time(d)) == NULL)
		return -1;
	book_open(&b, e, pages, t, d);
	b.diags = d;
	b.opts = o;
	book_parts(&b);
	if (book_styles(&b, o, d) == 0) {
		book_pages(&b);
		rc = ocf_write(out, &b, make_opf, t, o->deflated, d);
	}
	book_close(&b);
	g_date_time_unref(t);
	return rc;
}
