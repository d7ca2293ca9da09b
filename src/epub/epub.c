/*
 * epub.c — the EPUB back end's entry point: renders every file of the
 * book into memory, in reading order, then has ocf.c zip them.  The
 * output depends only on the edition, the styles, the page map and
 * SOURCE_DATE_EPOCH: fixed file order, fixed times, no random ids.
 */
#include <string.h>

#include "epub/book.h"
#include "epub/cover.h"
#include "epub/epub.h"
#include "epub/fonts.h"
#include "epub/ocf.h"
#include "epub/xhtml.h"

#define EPOCH_MAX	G_GINT64_CONSTANT(253402300799)	/* 9999-12-31 */

/* Adds the names in field ("A and B" for several) not yet in names. */
static void
names_add(GPtrArray *names, const char *field)
{
	char **v;
	guint i;

	if (field == NULL)
		return;
	v = g_strsplit(field, " and ", -1);
	for (i = 0; v[i] != NULL; i++) {
		g_strstrip(v[i]);
		if (*v[i] != '\0' && !g_ptr_array_find_with_equal_func(names,
		    v[i], g_str_equal, NULL))
			g_ptr_array_add(names, g_strdup(v[i]));
	}
	g_strfreev(v);
}

char *
book_names(const GPtrArray *names)
{
	GString *s;
	guint i;

	if (names->len == 0)
		return NULL;
	s = g_string_new(g_ptr_array_index(names, 0));
	for (i = 1; i < names->len; i++)
		g_string_append_printf(s, "%s%s",
		    i + 1 == names->len ? " and " : ", ",
		    (const char *)g_ptr_array_index(names, i));
	return g_string_free(s, FALSE);
}

static void
part_free(struct part *p)
{
	g_free(p->id);
	g_free(p->file);
	g_ptr_array_free(p->headings, TRUE);
	g_bytes_unref(p->xhtml);
	g_free(p);
}

static void
item_free(struct item *it)
{
	g_free(it->id);
	g_free(it->href);
	g_bytes_unref(it->data);
	g_free(it);
}

void
book_add(struct book *b, const char *id, const char *href, const char *type,
    const char *properties, int spine, GBytes *data)
{
	struct item *it = g_new(struct item, 1);

	it->id = g_strdup(id);
	it->href = g_strdup(href);
	it->type = type;
	it->properties = properties;
	it->spine = spine;
	it->data = data;
	g_ptr_array_add(b->items, it);
}

void
book_page(struct book *b, const char *id, const char *href,
    const char *properties, GString *page)
{
	book_add(b, id, href, XHTML_TYPE, properties, 1,
	    g_string_free_to_bytes(page));
}

/*
 * Renders every chapter and the index, which places the print pages'
 * markers and collects the headings the navigation needs.
 */
static void
book_init(struct book *b, const struct edition *e,
    const struct pagemap *pages, GDateTime *t, struct diags *d)
{
	const struct chapter *c;
	struct part *p;
	guint i;

	memset(b, 0, sizeof(*b));
	b->edition = e;
	b->modified = g_date_time_format(t, "%Y-%m-%dT%H:%M:%SZ");
	b->parts = g_ptr_array_new_with_free_func((GDestroyNotify)part_free);
	b->editors = g_ptr_array_new_with_free_func(g_free);
	b->authors = g_ptr_array_new_with_free_func(g_free);
	b->translators = g_ptr_array_new_with_free_func(g_free);
	b->items = g_ptr_array_new_with_free_func((GDestroyNotify)item_free);
	pagemarks_init(&b->marks, pages, e, d);
	/* The prelims' pages first: the page list is in reading order. */
	for (i = PRELIM_TITLE; i <= PRELIM_CONTENTS; i++) {
		b->prelim_marks[i] = g_string_new(NULL);
		pagemarks_prelim(&b->marks, b->prelim_marks[i], i,
		    i == PRELIM_TITLE ? BOOK_TITLEPAGE : i == PRELIM_IMPRINT ?
		    BOOK_IMPRINT : BOOK_NAV);
	}
	names_add(b->editors, e->editor);
	for (i = 0; i < e->chapters->len; i++) {
		c = g_ptr_array_index(e->chapters, i);
		p = g_new(struct part, 1);
		p->chapter = c;
		p->id = g_strdup_printf("chapter-%s", c->id);
		p->file = g_strdup_printf("%s.xhtml", p->id);
		p->headings = g_ptr_array_new_with_free_func(
		    (GDestroyNotify)heading_free);
		p->xhtml = g_string_free_to_bytes(xhtml_chapter(p,
		    e->language, &b->marks, d));
		g_ptr_array_add(b->parts, p);
		names_add(b->authors, c->meta.author);
		names_add(b->translators, c->meta.translator);
	}
	for (i = 0; i < e->index->len; i++)
		b->has_index |= index_entry_printed(g_ptr_array_index(e->index,
		    i));
	if (b->has_index)
		b->index = g_string_free_to_bytes(index_document(b));
	pagemarks_check(&b->marks, d);
	for (i = 0; pages != NULL && i < pages->breaks->len; i++)
		b->pages += b->marks.file[i] != NULL;
}

static void
book_release(struct book *b)
{
	guint i;

	g_free(b->modified);
	g_ptr_array_free(b->parts, TRUE);
	g_ptr_array_free(b->editors, TRUE);
	g_ptr_array_free(b->authors, TRUE);
	g_ptr_array_free(b->translators, TRUE);
	g_ptr_array_free(b->items, TRUE);
	if (b->index != NULL)
		g_bytes_unref(b->index);
	for (i = PRELIM_TITLE; i <= PRELIM_CONTENTS; i++)
		g_string_free(b->prelim_marks[i], TRUE);
	pagemarks_release(&b->marks);
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
	GError *err = NULL;
	GBytes *png;
	char *text, *dir, *cover;
	gsize len;
	int rc = 0;

	if (css == NULL || !g_file_get_contents(css, &text, &len, &err)) {
		diag_add(d, DIAG_ERROR, srcpos_at(css, 0, 0),
		    "cannot read the EPUB stylesheet: %s",
		    err != NULL ? err->message : "none given");
		g_clear_error(&err);
		return -1;
	}
	sheet = g_string_new_len(text, (gssize)len);
	g_free(text);
	if (o->embed_fonts)
		rc = fonts_embed(b, sheet, d);
	b->has_fonts = o->embed_fonts;
	book_add(b, "css", BOOK_CSS, "text/css", NULL, 0,
	    g_string_free_to_bytes(sheet));
	dir = g_path_get_dirname(css);
	cover = g_build_filename(dir, "cover.ini", NULL);
	if (!g_file_test(cover, G_FILE_TEST_EXISTS))
		diag_add(d, DIAG_INFO, srcpos_at(cover, 0, 0),
		    "no cover style beside the stylesheet: the e-book has no "
		    "cover");
	else if ((png = cover_png(b, cover, d)) == NULL)
		rc = -1;
	else {
		b->has_cover = 1;
		book_add(b, "cover-image", BOOK_COVER_PNG, "image/png",
		    "cover-image", 0, png);
	}
	g_free(cover);
	g_free(dir);
	return rc;
}

/*
 * The pages in reading order: cover, title page, imprint, contents,
 * the chapters, the index; the NCX last, outside the spine.
 */
static void
book_pages(struct book *b)
{
	const struct part *p;
	guint i;

	if (b->has_cover)
		book_page(b, "cover", BOOK_COVER, NULL, cover_page(b));
	book_page(b, "titlepage", BOOK_TITLEPAGE, NULL, titlepage(b));
	book_page(b, "imprint", BOOK_IMPRINT, NULL, imprint(b));
	book_page(b, "nav", BOOK_NAV, "nav", nav_document(b));
	for (i = 0; i < b->parts->len; i++) {
		p = g_ptr_array_index(b->parts, i);
		book_add(b, p->id, p->file, XHTML_TYPE, NULL, 1,
		    g_bytes_ref(p->xhtml));
	}
	if (b->has_index)
		book_add(b, "index", BOOK_INDEX, XHTML_TYPE, "index", 1,
		    g_bytes_ref(b->index));
	book_add(b, "ncx", BOOK_NCX, "application/x-dtbncx+xml", NULL, 0,
	    g_string_free_to_bytes(nav_ncx(b)));
}

/* The time of the build: SOURCE_DATE_EPOCH if set, else now. */
static GDateTime *
build_time(struct diags *d)
{
	const char *env = g_getenv("SOURCE_DATE_EPOCH");
	gint64 t;

	if (env == NULL)
		return g_date_time_new_now_utc();
	if (!g_ascii_string_to_signed(env, 10, 0, EPOCH_MAX, &t, NULL)) {
		diag_add(d, DIAG_ERROR, srcpos_at(NULL, 0, 0),
		    "SOURCE_DATE_EPOCH is '%s'; it must be a number of "
		    "seconds since 1970", env);
		return NULL;
	}
	return g_date_time_new_from_unix_utc(t);
}

int
epub_write(const struct edition *e, const struct epub_options *o,
    const struct pagemap *pages, const char *path, struct diags *d)
{
	struct book b;
	GDateTime *t;
	GBytes *opf;
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
	book_init(&b, e, pages, t, d);
	if (book_styles(&b, o, d) == 0) {
		book_pages(&b);
		opf = g_string_free_to_bytes(opf_package(&b));
		rc = ocf_write(path, &b, opf, t, d);
		g_bytes_unref(opf);
	}
	book_release(&b);
	g_date_time_unref(t);
	return rc;
}
