/*
 * ocf.c — the OCF container, written with libzip: mimetype first and
 * stored, images stored (they are compressed already), the rest
 * deflated, every entry with the same time in UTC.
 */
#include <string.h>

#include <zip.h>

#include "epub/ocf.h"

#define MIMETYPE	"application/epub+zip"
#define OEBPS		"OEBPS/"
/*
 * zlib's own default: libzip's is 9, which costs the text more time
 * to save under one per cent of its size.
 */
#define DEFLATE_LEVEL	6

static const char container[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" "
    "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "<rootfiles>\n"
    "<rootfile full-path=\"" OEBPS "content.opf\" "
    "media-type=\"application/oebps-package+xml\"/>\n"
    "</rootfiles>\n"
    "</container>\n";

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
 * Adds one file with time dtime/ddate, stored or deflated.  libzip
 * reads the buffer only in zip_close, so data must live until then.
 * A source belongs to the archive once zip_file_add succeeds, and to
 * us before.  Returns 0, or -1 with libzip's error in za.
 */
static int
add(zip_t *za, const char *name, GBytes *data, int store,
    zip_uint16_t dtime, zip_uint16_t ddate)
{
	zip_source_t *src;
	zip_int64_t idx;
	gconstpointer buf;
	gsize len;

	buf = g_bytes_get_data(data, &len);
	if ((src = zip_source_buffer(za, buf, len, 0)) == NULL)
		return -1;
	if ((idx = zip_file_add(za, name, src, 0)) < 0) {
		zip_source_free(src);
		return -1;
	}
	if (zip_set_file_compression(za, (zip_uint64_t)idx,
	    store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
	    store ? 0 : DEFLATE_LEVEL) < 0 ||
	    zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate, 0) < 0)
		return -1;
	return 0;
}

/* Whether a file's media type is compressed already: then it is stored. */
static int
compressed(const char *type)
{
	static const char *const types[] = {
		"image/png", "image/jpeg", "image/gif", "font/woff",
		"font/woff2", NULL
	};
	int i;

	for (i = 0; types[i] != NULL; i++)
		if (strcmp(type, types[i]) == 0)
			return 1;
	return 0;
}

/* Copies the zip made in src, which is open for reading, into out. */
static int
copy_out(zip_source_t *src, struct sink *out)
{
	char buf[1 << 16];
	zip_int64_t n;

	while ((n = zip_source_read(src, buf, sizeof(buf))) > 0)
		if (sink_write(out, buf, (gsize)n) == -1)
			return -1;
	return n == 0 ? 0 : -1;
}

int
ocf_write(struct sink *out, const struct book *b, GBytes *opf, GDateTime *t,
    struct diags *d)
{
	GBytes *mimetype = g_bytes_new_static(MIMETYPE, strlen(MIMETYPE));
	GBytes *cont = g_bytes_new_static(container, strlen(container));
	zip_uint16_t dtime, ddate;
	zip_source_t *mem;
	zip_error_t ze;
	zip_t *za = NULL;
	int err, rc = -1;
	guint i;

	zip_error_init(&ze);
	if ((mem = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL ||
	    (za = zip_open_from_source(mem, ZIP_TRUNCATE, &ze)) == NULL) {
		diag_add(d, DIAG_ERROR, srcpos_at(out->name, 0, 0),
		    "cannot make the EPUB: %s", zip_error_strerror(&ze));
		if (mem != NULL)
			zip_source_free(mem);
		goto out;
	}
	/* The archive made, the bytes are still wanted. */
	zip_source_keep(mem);
	dos_time(t, &dtime, &ddate);
	if (add(za, "mimetype", mimetype, 1, dtime, ddate) < 0 ||
	    add(za, "META-INF/container.xml", cont, 0, dtime, ddate) < 0 ||
	    add(za, OEBPS "content.opf", opf, 0, dtime, ddate) < 0)
		goto fail;
	for (i = 0; i < b->items->len; i++) {
		const struct item *it = g_ptr_array_index(b->items, i);
		char *name = g_strconcat(OEBPS, it->href, NULL);	/* copied */

		err = add(za, name, it->data, compressed(it->type), dtime,
		    ddate);
		g_free(name);
		if (err < 0)
			goto fail;
	}
	if (zip_close(za) != 0)
		goto fail;
	if (zip_source_open(mem) == 0) {
		rc = copy_out(mem, out);
		zip_source_close(mem);
	}
	/* A failed write is the sink's to say (sink_close); libzip's, here. */
	if (rc == -1 && out->err == 0)
		diag_add(d, DIAG_ERROR, srcpos_at(out->name, 0, 0),
		    "cannot make the EPUB: %s",
		    zip_error_strerror(zip_source_error(mem)));
	zip_source_free(mem);
	goto out;
fail:
	diag_add(d, DIAG_ERROR, srcpos_at(out->name, 0, 0),
	    "cannot make the EPUB: %s", zip_strerror(za));
	zip_discard(za);
	zip_source_free(mem);
out:
	g_bytes_unref(cont);
	g_bytes_unref(mimetype);
	return rc;
}
