/*
 * ocf.c — the OCF container, written with libzip: mimetype first and
 * stored, images stored (they are compressed already), the rest
 * deflated (by libdeflate, libzip copying what it deflated), every
 * entry with the same time in UTC.  The pages rendered from the text
 * come first, each made as libzip reads it and let go once deflated;
 * then the package document and the rest.  libzip writes the archive
 * straight into the output, not into memory first.
 */
#include <string.h>

#include <libdeflate.h>
#include <zip.h>

#include "epub/ocf.h"
#include "out/reuse.h"

#define MIMETYPE	"application/epub+zip"
#define OEBPS		"OEBPS/"
/*
 * zlib's default, in libdeflate's scale: libzip's is 9, which costs the
 * text more time to save under one per cent of its size.
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
 * What the archive is made of: libzip's archive, the book, the time
 * every entry has, and the one compressor that deflates them.  Each
 * entry is deflated here, whole, by libdeflate, and given to libzip
 * deflated with its checksum, which it copies as it is: zlib, which
 * libzip would use, takes twice the time for the same size.
 */
struct packing {
	zip_t		*za;
	struct book	*b;
	zip_uint16_t	 dtime, ddate;
	struct libdeflate_compressor *z;
	struct reuse	*kept;		/* entries deflated before, or NULL */
};

/* An item whose bytes libzip reads: its data, or made as it reads. */
struct made {
	struct packing		*pk;
	const struct item	*it;
	gboolean		 deflate;	/* else stored */
	GBytes			*bytes;		/* made, until closed; deflated
						   if deflate */
	gboolean		 made;		/* once: making a page places
						   its print pages' markers */
	gsize			 size;		/* the item's, not deflated */
	gsize			 comp_size;	/* deflated */
	guint32			 crc;
	gsize			 at;
	zip_error_t		 error;
};

/*
 * The entry data (len bytes) as an earlier build deflated it (reuse.h),
 * kept again for the next; or NULL.
 */
static GBytes *
kept_deflated(struct reuse *kept, gconstpointer data, gsize len)
{
	GBytes *z = kept != NULL ? reuse_find(kept, 0, data, len) : NULL;

	if (z != NULL && g_bytes_get_size(z) == 0)
		g_clear_pointer(&z, g_bytes_unref);
	if (z != NULL)
		reuse_keep(kept, 0, data, len, g_bytes_get_data(z, NULL),
		    g_bytes_get_size(z));
	return z;
}

/* The item's bytes, made and deflated, once; -1 if made and let go. */
static int
make(struct made *m)
{
	GBytes *plain;
	gconstpointer data;
	size_t bound, n;
	void *z;

	if (m->bytes != NULL)
		return 0;
	if (m->made) {
		zip_error_set(&m->error, ZIP_ER_INTERNAL, 0);
		return -1;
	}
	m->made = TRUE;
	plain = m->it->data != NULL ? g_bytes_ref(m->it->data) :
	    m->it->make(m->pk->b, m->it->arg);
	data = g_bytes_get_data(plain, &m->size);
	if (!m->deflate) {
		m->bytes = plain;
		return 0;
	}
	m->crc = libdeflate_crc32(0, data, m->size);
	if ((m->bytes = kept_deflated(m->pk->kept, data, m->size)) != NULL) {
		m->comp_size = g_bytes_get_size(m->bytes);
		g_bytes_unref(plain);
		return 0;
	}
	bound = libdeflate_deflate_compress_bound(m->pk->z, m->size);
	z = g_malloc(bound);
	n = libdeflate_deflate_compress(m->pk->z, data, m->size, z, bound);
	if (n == 0) {
		g_bytes_unref(plain);
		g_free(z);
		zip_error_set(&m->error, ZIP_ER_INTERNAL, 0);
		return -1;
	}
	if (m->pk->kept != NULL)
		reuse_keep(m->pk->kept, 0, data, m->size, z, n);
	g_bytes_unref(plain);
	m->bytes = g_bytes_new_take(z, n);
	m->comp_size = n;
	return 0;
}

/*
 * libzip's source of an item.  Its size is said when it is first
 * asked for, which makes the bytes (libzip asks just before it reads
 * the entry): else libzip writes every such entry as Zip64, which old
 * reading systems refuse.  Read, then closed, the bytes are let go;
 * libzip reads each source once, in zip_close, in the entries' order,
 * and may ask its sizes again after, which are kept.
 */
static zip_int64_t
made_source(void *arg, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct made *m = arg;
	zip_stat_t *st = data;
	gsize n, have;
	const char *bytes;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		m->at = 0;
		return make(m);
	case ZIP_SOURCE_READ:
		bytes = g_bytes_get_data(m->bytes, &have);
		n = MIN((gsize)len, have - m->at);
		memcpy(data, bytes + m->at, n);
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
		if (m->deflate) {
			st->comp_size = m->comp_size;
			st->comp_method = ZIP_CM_DEFLATE;
			st->crc = m->crc;
			st->valid |= ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD |
			    ZIP_STAT_CRC;
		}
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

/*
 * Adds one file, stored or deflated.  libzip reads the source only in
 * zip_close, so an item's data must live until then.  A source belongs
 * to the archive once zip_file_add succeeds, and to us before.
 * Returns 0, or -1 with libzip's error in the archive.
 */
static int
add(struct packing *pk, const char *name, const struct item *it, int store)
{
	struct made *m = g_new0(struct made, 1);
	zip_source_t *src;
	zip_int64_t idx;

	m->pk = pk;
	m->it = it;
	m->deflate = !store;
	zip_error_init(&m->error);
	if ((src = zip_source_function(pk->za, made_source, m)) == NULL) {
		zip_error_fini(&m->error);
		g_free(m);
		return -1;
	}
	if ((idx = zip_file_add(pk->za, name, src, 0)) < 0) {
		zip_source_free(src);
		return -1;
	}
	if (zip_set_file_compression(pk->za, (zip_uint64_t)idx,
	    store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0 ||
	    zip_file_set_dostime(pk->za, (zip_uint64_t)idx, pk->dtime,
	    pk->ddate, 0) < 0)
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

/*
 * The archive's own source: what libzip writes goes straight into the
 * output, which it may seek back in to fill in an entry's header.  It
 * begins empty, so there is nothing to read: libzip asks only whether
 * there is an archive to open, which ZIP_TRUNCATE makes anew.  A write
 * that fails is not undone here: the caller discards the whole output.
 */
struct archive_out {
	struct sink	*out;
	zip_uint64_t	 size;		/* the most written */
	zip_error_t	 error;
};

static zip_int64_t
archive_source(void *arg, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct archive_out *a = arg;
	zip_int64_t at;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_READ:
	case ZIP_SOURCE_TELL:
	case ZIP_SOURCE_BEGIN_WRITE:
	case ZIP_SOURCE_ROLLBACK_WRITE:
	case ZIP_SOURCE_REMOVE:
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_SEEK:
		return zip_source_seek_compute_offset(0, 0, data, len,
		    &a->error) < 0 ? -1 : 0;
	case ZIP_SOURCE_STAT:
		zip_stat_init(data);
		((zip_stat_t *)data)->size = 0;
		((zip_stat_t *)data)->valid |= ZIP_STAT_SIZE;
		return sizeof(zip_stat_t);
	case ZIP_SOURCE_WRITE:
		if (sink_write(a->out, data, len) == -1)
			break;
		if ((at = sink_tell(a->out)) == -1)
			break;
		a->size = MAX(a->size, (zip_uint64_t)at);
		return (zip_int64_t)len;
	case ZIP_SOURCE_SEEK_WRITE:
		if ((at = sink_tell(a->out)) == -1 ||
		    (at = zip_source_seek_compute_offset((zip_uint64_t)at,
		    a->size, data, len, &a->error)) < 0)
			return -1;
		if (sink_seek(a->out, at) == -1)
			break;
		return 0;
	case ZIP_SOURCE_TELL_WRITE:
		if ((at = sink_tell(a->out)) == -1)
			break;
		return at;
	case ZIP_SOURCE_COMMIT_WRITE:
		/* What follows the archive is what libzip wrote last. */
		return sink_seek(a->out, (gint64)a->size) == -1 ? -1 : 0;
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&a->error, data, len);
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN,
		    ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
		    ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK,
		    ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS,
		    ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_COMMIT_WRITE,
		    ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_WRITE,
		    ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE,
		    ZIP_SOURCE_REMOVE, -1);
	default:
		zip_error_set(&a->error, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
	/* The sink's failure, which sink_close says. */
	zip_error_set(&a->error, ZIP_ER_WRITE, a->out->err);
	return -1;
}

/*
 * Adds the package's items, those rendered from the text (text TRUE)
 * or the others, in the manifest's order.  Returns 0, or -1 with
 * libzip's error in za.
 */
static int
add_items(struct packing *pk, gboolean text)
{
	guint i;
	int err = 0;

	for (i = 0; err == 0 && i < pk->b->items->len; i++) {
		const struct item *it = g_ptr_array_index(pk->b->items, i);
		char *name;

		if (it->text != text)
			continue;
		name = g_strconcat(OEBPS, it->href, NULL);	/* copied */
		err = add(pk, name, it, compressed(it->type));
		g_free(name);
	}
	return err;
}

int
ocf_write(struct sink *out, struct book *b, item_maker opf, GDateTime *t,
    struct reuse *kept, struct diags *d)
{
	struct item mimetype = { NULL, NULL, NULL, NULL, 0,
	    g_bytes_new_static(MIMETYPE, strlen(MIMETYPE)), NULL, NULL, FALSE };
	struct item cont = { NULL, NULL, NULL, NULL, 0,
	    g_bytes_new_static(container, strlen(container)), NULL, NULL,
	    FALSE };
	struct item package = { NULL, NULL, NULL, NULL, 0, NULL, opf, NULL,
	    FALSE };
	struct packing pk = { NULL, b, 0, 0, NULL, kept };
	struct archive_out archive = { out, 0, { 0 } };
	zip_source_t *src;
	zip_error_t ze;
	zip_t *za;
	int rc = -1;

	zip_error_init(&ze);
	zip_error_init(&archive.error);
	if ((pk.z = libdeflate_alloc_compressor(DEFLATE_LEVEL)) == NULL) {
		diag_add(d, DIAG_ERROR, srcpos_at(out->name, 0, 0),
		    "cannot make the EPUB: out of memory");
		goto out;
	}
	if ((src = zip_source_function_create(archive_source, &archive,
	    &ze)) == NULL ||
	    (za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL) {
		diag_add(d, DIAG_ERROR, srcpos_at(out->name, 0, 0),
		    "cannot make the EPUB: %s", zip_error_strerror(&ze));
		if (src != NULL)
			zip_source_free(src);
		goto out;
	}
	pk.za = za;
	dos_time(t, &pk.dtime, &pk.ddate);
	/* The text first, then what is made from all of it. */
	if (add(&pk, "mimetype", &mimetype, 1) == 0 &&
	    add(&pk, "META-INF/container.xml", &cont, 0) == 0 &&
	    add_items(&pk, TRUE) == 0 &&
	    add(&pk, OEBPS "content.opf", &package, 0) == 0 &&
	    add_items(&pk, FALSE) == 0 && zip_close(za) == 0) {
		rc = 0;
		goto out;
	}
	/* A failed write is the sink's to say (sink_close); libzip's, here. */
	if (out->err == 0)
		diag_add(d, DIAG_ERROR, srcpos_at(out->name, 0, 0),
		    "cannot make the EPUB: %s", zip_strerror(za));
	zip_discard(za);
out:
	zip_error_fini(&archive.error);
	zip_error_fini(&ze);
	if (pk.z != NULL)
		libdeflate_free_compressor(pk.z);
	g_bytes_unref(cont.data);
	g_bytes_unref(mimetype.data);
	return rc;
}
