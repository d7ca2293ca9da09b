/*
 * ocf.c — the OCF container, written with libzip: mimetype first and
 * stored, images stored (they are compressed already), the rest
 * deflated, every entry with the same time in UTC.  The pages rendered
 * from the text come first, each made as libzip reads it and let go
 * once deflated; then the package document and the rest.
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

/* An item whose bytes are made when libzip reads it (book.h). */
struct made {
	struct book		*b;
	const struct item	*it;
	GBytes			*bytes;		/* made, until closed */
	gboolean		 made;		/* once: making a page places
						   its print pages' markers */
	gsize			 size, at;
	zip_error_t		 error;
};

/* The item's bytes made, once; -1 if they were made and let go. */
static int
make(struct made *m)
{
	if (m->bytes != NULL)
		return 0;
	if (m->made) {
		zip_error_set(&m->error, ZIP_ER_INTERNAL, 0);
		return -1;
	}
	m->bytes = m->it->make(m->b, m->it->arg);
	m->size = g_bytes_get_size(m->bytes);
	m->made = TRUE;
	return 0;
}

/*
 * libzip's source of a made item.  Its size is said when it is first
 * asked for, which makes the bytes (libzip asks just before it reads
 * the entry): else libzip writes every such entry as Zip64, which old
 * reading systems refuse.  Read, then closed, the bytes are let go;
 * libzip reads each source once, in zip_close, in the entries' order.
 */
static zip_int64_t
made_source(void *arg, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct made *m = arg;
	zip_stat_t *st = data;
	gsize n;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		m->at = 0;
		return make(m);
	case ZIP_SOURCE_READ:
		n = MIN((gsize)len, m->size - m->at);
		memcpy(data, (const char *)g_bytes_get_data(m->bytes, NULL) +
		    m->at, n);
		m->at += n;
		return (zip_int64_t)n;
	case ZIP_SOURCE_CLOSE:
		g_clear_pointer(&m->bytes, g_bytes_unref);
		return 0;
	case ZIP_SOURCE_STAT:
		if (!m->made && make(m) != 0)
			return -1;
		zip_stat_init(st);
		st->size = m->size;
		st->valid |= ZIP_STAT_SIZE;
		return sizeof(zip_stat_t);
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&m->error, data, len);
	case ZIP_SOURCE_FREE:
		if (m->bytes != NULL)
			g_bytes_unref(m->bytes);
		zip_error_fini(&m->error);
		g_free(m);
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN,
		    ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
		    ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		zip_error_set(&m->error, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

/* A source of the item's bytes: its data, or what its maker makes. */
static zip_source_t *
source(zip_t *za, struct book *b, const struct item *it)
{
	struct made *m;
	zip_source_t *src;
	gconstpointer buf;
	gsize len;

	if (it->data != NULL) {
		buf = g_bytes_get_data(it->data, &len);
		return zip_source_buffer(za, buf, len, 0);
	}
	m = g_new0(struct made, 1);
	m->b = b;
	m->it = it;
	zip_error_init(&m->error);
	if ((src = zip_source_function(za, made_source, m)) == NULL) {
		zip_error_fini(&m->error);
		g_free(m);
	}
	return src;
}

/*
 * Adds one file with time dtime/ddate, stored or deflated.  libzip
 * reads the source only in zip_close, so an item's data must live
 * until then.  A source belongs to the archive once zip_file_add
 * succeeds, and to us before.  Returns 0, or -1 with libzip's error in
 * za.
 */
static int
add(zip_t *za, const char *name, struct book *b, const struct item *it,
    int store, zip_uint16_t dtime, zip_uint16_t ddate)
{
	zip_source_t *src;
	zip_int64_t idx;

	if ((src = source(za, b, it)) == NULL)
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

/*
 * Adds the package's items, those rendered from the text (text TRUE)
 * or the others, in the manifest's order.  Returns 0, or -1 with
 * libzip's error in za.
 */
static int
add_items(zip_t *za, struct book *b, gboolean text, zip_uint16_t dtime,
    zip_uint16_t ddate)
{
	guint i;
	int err = 0;

	for (i = 0; err == 0 && i < b->items->len; i++) {
		const struct item *it = g_ptr_array_index(b->items, i);
		char *name;

		if (it->text != text)
			continue;
		name = g_strconcat(OEBPS, it->href, NULL);	/* copied */
		err = add(za, name, b, it, compressed(it->type), dtime, ddate);
		g_free(name);
	}
	return err;
}

int
ocf_write(struct sink *out, struct book *b, item_maker opf, GDateTime *t,
    struct diags *d)
{
	struct item mimetype = { NULL, NULL, NULL, NULL, 0,
	    g_bytes_new_static(MIMETYPE, strlen(MIMETYPE)), NULL, NULL, FALSE };
	struct item cont = { NULL, NULL, NULL, NULL, 0,
	    g_bytes_new_static(container, strlen(container)), NULL, NULL,
	    FALSE };
	struct item package = { NULL, NULL, NULL, NULL, 0, NULL, opf, NULL,
	    FALSE };
	zip_uint16_t dtime, ddate;
	zip_source_t *mem;
	zip_error_t ze;
	zip_t *za = NULL;
	int rc = -1;

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
	/* The text first, then what is made from all of it. */
	if (add(za, "mimetype", b, &mimetype, 1, dtime, ddate) < 0 ||
	    add(za, "META-INF/container.xml", b, &cont, 0, dtime, ddate) < 0 ||
	    add_items(za, b, TRUE, dtime, ddate) < 0 ||
	    add(za, OEBPS "content.opf", b, &package, 0, dtime, ddate) < 0 ||
	    add_items(za, b, FALSE, dtime, ddate) < 0)
		goto fail;
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
	g_bytes_unref(cont.data);
	g_bytes_unref(mimetype.data);
	return rc;
}
