/*
 * epub.c — the EPUB back end's entry point: assembles the book, every
 * file rendered into memory, then writes the OCF container with libzip.
 * The output depends only on the edition, the stylesheet and
 * SOURCE_DATE_EPOCH: fixed file order, fixed times, no random ids.
 */
#include <string.h>

#include <zip.h>

#include "epub/book.h"
#include "epub/epub.h"
#include "epub/xhtml.h"

#define MIMETYPE	"application/epub+zip"
#define OEBPS		"OEBPS/"
#define EPOCH_MAX	G_GINT64_CONSTANT(253402300799)	/* 9999-12-31 */

static const char container[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" "
    "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "<rootfiles>\n"
    "<rootfile full-path=\"" OEBPS "content.opf\" "
    "media-type=\"application/oebps-package+xml\"/>\n"
    "</rootfiles>\n"
    "</container>\n";

/* One file of the container. */
struct entry {
	char	*name;
	GBytes	*data;
};

static void
entry_free(struct entry *en)
{
	g_free(en->name);
	g_bytes_unref(en->data);
	g_free(en);
}

/* Adds a file; the entry takes over data. */
static void
entry_add(GPtrArray *entries, char *name, GBytes *data)
{
	struct entry *en = g_new(struct entry, 1);

	en->name = name;
	en->data = data;
	g_ptr_array_add(entries, en);
}

/* Adds a file under OEBPS/ from a rendered document, which it frees. */
static void
entry_page(GPtrArray *entries, const char *file, GString *page)
{
	entry_add(entries, g_strconcat(OEBPS, file, NULL),
	    g_string_free_to_bytes(page));
}

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

static void
part_free(struct part *p)
{
	g_free(p->id);
	g_free(p->file);
	g_ptr_array_free(p->headings, TRUE);
	g_bytes_unref(p->xhtml);
	g_free(p);
}

/* Renders every chapter (which collects the headings the nav needs). */
static void
book_init(struct book *b, const struct edition *e, GDateTime *t)
{
	const struct chapter *c;
	struct part *p;
	guint i;

	b->edition = e;
	b->has_index = 0;
	b->modified = g_date_time_format(t, "%Y-%m-%dT%H:%M:%SZ");
	b->parts = g_ptr_array_new_with_free_func((GDestroyNotify)part_free);
	b->editors = g_ptr_array_new_with_free_func(g_free);
	b->authors = g_ptr_array_new_with_free_func(g_free);
	b->translators = g_ptr_array_new_with_free_func(g_free);
	names_add(b->editors, e->editor);
	for (i = 0; i < e->chapters->len; i++) {
		c = g_ptr_array_index(e->chapters, i);
		p = g_new(struct part, 1);
		p->chapter = c;
		p->id = g_strdup_printf("chapter-%s", c->id);
		p->file = g_strdup_printf("%s.xhtml", p->id);
		p->headings = g_ptr_array_new_with_free_func(
		    (GDestroyNotify)heading_free);
		p->xhtml = g_string_free_to_bytes(
		    xhtml_chapter(c, e->language, p->headings));
		g_ptr_array_add(b->parts, p);
		names_add(b->authors, c->meta.author);
		names_add(b->translators, c->meta.translator);
	}
	for (i = 0; i < e->index->len; i++)
		b->has_index |= index_entry_printed(g_ptr_array_index(e->index,
		    i));
}

static void
book_release(struct book *b)
{
	g_free(b->modified);
	g_ptr_array_free(b->parts, TRUE);
	g_ptr_array_free(b->editors, TRUE);
	g_ptr_array_free(b->authors, TRUE);
	g_ptr_array_free(b->translators, TRUE);
}

/* The container's files, mimetype first as OCF requires. */
static GPtrArray *
book_entries(const struct book *b, GBytes *css)
{
	GPtrArray *entries = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)entry_free);
	const struct part *p;
	guint i;

	entry_add(entries, g_strdup("mimetype"),
	    g_bytes_new_static(MIMETYPE, strlen(MIMETYPE)));
	entry_add(entries, g_strdup("META-INF/container.xml"),
	    g_bytes_new_static(container, strlen(container)));
	entry_page(entries, "content.opf", opf_package(b));
	entry_page(entries, BOOK_NAV, nav_document(b));
	entry_page(entries, BOOK_NCX, nav_ncx(b));
	entry_add(entries, g_strdup(OEBPS BOOK_CSS), g_bytes_ref(css));
	entry_page(entries, BOOK_TITLEPAGE, titlepage(b));
	for (i = 0; i < b->parts->len; i++) {
		p = g_ptr_array_index(b->parts, i);
		entry_add(entries, g_strconcat(OEBPS, p->file, NULL),
		    g_bytes_ref(p->xhtml));
	}
	if (b->has_index)
		entry_page(entries, BOOK_INDEX, index_document(b));
	return entries;
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

/*
 * The time in the MS-DOS form zip stores.  libzip's own conversion
 * uses local time, which would make the bytes depend on the time zone;
 * this uses UTC.  Zip dates start in 1980 and end in 2107.
 */
static void
dos_time(GDateTime *t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	int year = CLAMP(g_date_time_get_year(t), 1980, 2107);

	*dtime = (zip_uint16_t)(g_date_time_get_hour(t) << 11 |
	    g_date_time_get_minute(t) << 5 | g_date_time_get_second(t) / 2);
	*ddate = (zip_uint16_t)((year - 1980) << 9 |
	    g_date_time_get_month(t) << 5 | g_date_time_get_day_of_month(t));
}

/*
 * Writes the entries in order, all with time t; the first, mimetype, is
 * stored and the rest deflated.  libzip reads the buffers only in
 * zip_close, so they must live until then: the caller's entries own
 * them.  A source belongs to the archive once zip_file_add succeeds,
 * and to us before.
 */
static int
write_zip(const char *path, const GPtrArray *entries, GDateTime *t,
    struct diags *d)
{
	const struct entry *en;
	zip_t *za;
	zip_source_t *src;
	zip_error_t ze;
	zip_int64_t idx;
	zip_uint16_t dtime, ddate;
	gconstpointer data;
	gsize len;
	int err;
	guint i;

	if ((za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err)) == NULL) {
		zip_error_init_with_code(&ze, err);
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0),
		    "cannot write the EPUB: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return -1;
	}
	dos_time(t, &dtime, &ddate);
	for (i = 0; i < entries->len; i++) {
		en = g_ptr_array_index(entries, i);
		data = g_bytes_get_data(en->data, &len);
		if ((src = zip_source_buffer(za, data, len, 0)) == NULL)
			goto fail;
		if ((idx = zip_file_add(za, en->name, src, 0)) < 0) {
			zip_source_free(src);
			goto fail;
		}
		if (zip_set_file_compression(za, (zip_uint64_t)idx,
		    i == 0 ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0 ||
		    zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate,
		    0) < 0)
			goto fail;
	}
	if (zip_close(za) == 0)
		return 0;
fail:
	diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0),
	    "cannot write the EPUB: %s", zip_strerror(za));
	zip_discard(za);
	return -1;
}

int
epub_write(const struct edition *e, const char *css, const char *path,
    struct diags *d)
{
	struct book b;
	GPtrArray *entries;
	GDateTime *t;
	GError *err = NULL;
	GBytes *style;
	gchar *text;
	gsize len;
	int rc;

	if (e->meta.title == NULL || e->language == NULL ||
	    e->identifier == NULL) {
		diag_add(d, DIAG_ERROR, srcpos_at(e->manifest, 0, 0),
		    "an EPUB needs the edition's title, language and "
		    "identifier");
		return -1;
	}
	if (css == NULL || !g_file_get_contents(css, &text, &len, &err)) {
		diag_add(d, DIAG_ERROR, srcpos_at(css, 0, 0),
		    "cannot read the EPUB stylesheet: %s",
		    err != NULL ? err->message : "none given");
		g_clear_error(&err);
		return -1;
	}
	style = g_bytes_new_take(text, len);
	if ((t = build_time(d)) == NULL) {
		g_bytes_unref(style);
		return -1;
	}
	book_init(&b, e, t);
	entries = book_entries(&b, style);
	rc = write_zip(path, entries, t, d);
	g_ptr_array_free(entries, TRUE);
	book_release(&b);
	g_date_time_unref(t);
	g_bytes_unref(style);
	return rc;
}
