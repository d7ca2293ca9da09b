/*
 * pdfwrite.c — the file's frame: objects, object streams, the
 * cross-reference stream (pdfwrite.h).
 */
#include <string.h>

#include <libdeflate.h>

#include "out/reuse.h"
#include "pdfwrite.h"

/* Written to the sink in pieces this large; a stream's data as large
 * goes as it is. */
#define FLUSH_AT	(1 << 20)
/* zlib's default level, in libdeflate's scale. */
#define DEFLATE_LEVEL	6
/* Objects to an object stream: qpdf's choice too. */
#define PER_STREAM	100

/*
 * Where an object is: in the file (at), or in an object stream.  Eight
 * bytes, in an array of as many as there are objects: a long book has
 * some seven hundred thousand.  An offset past 64 TiB cannot be said.
 */
struct entry {
	guint64		 where : 46;	/* offset, the object stream, or a
					   free one's next free number */
	guint64		 index : 16;	/* in its object stream; a free
					   one's generation */
	guint64		 type : 2;	/* 0 free, 1 in the file, 2 packed */
};

struct pdf_writer {
	struct sink	*out;
	GString		*buf;		/* not yet flushed */
	guint64		 flushed;
	GChecksum	*md5;		/* of every byte, for the ID */
	struct entry	*entries;	/* one per object number… */
	guint		 nentries;	/* …below this, */
	guint		 room;		/* and room for this many */
	guint		 next;		/* the lowest number never used */
	GString		*packed;	/* the object stream being filled */
	GString		*index;		/* its "number offset" pairs */
	GArray		*members;	/* guint: their numbers */
	struct libdeflate_compressor *z;	/* one for every stream */
	GByteArray	*zbuf;		/* what it deflated last */
	struct reuse	*kept;		/* streams deflated before, or NULL */
	GBytes		*found;		/* the last found there */
	int		 rc;
};

/* Bytes to the sink, counted into the ID's digest. */
static void
put(struct pdf_writer *w, const void *data, gsize len)
{
	if (w->rc == 0 && sink_write(w->out, data, len) != 0)
		w->rc = -1;
	g_checksum_update(w->md5, data, (gssize)len);
	w->flushed += len;
}

static void
flush(struct pdf_writer *w)
{
	put(w, w->buf->str, w->buf->len);
	g_string_truncate(w->buf, 0);
}

/*
 * Object num's entry, free until it is written.  The table is made as
 * large as the writer is told it will be, and grows by half if that was
 * short: a GArray's doubling would leave a third of it empty.
 */
static struct entry *
entry(struct pdf_writer *w, guint num)
{
	if (num >= w->room) {
		w->room = MAX(num + 1, w->room + w->room / 2);
		w->entries = g_renew(struct entry, w->entries, w->room);
	}
	if (num >= w->nentries) {
		memset(w->entries + w->nentries, 0, (num + 1 - w->nentries) *
		    sizeof(struct entry));
		w->nentries = num + 1;
	}
	if (num >= w->next)
		w->next = num + 1;
	return &w->entries[num];
}

struct pdf_writer *
pdf_writer_new(struct sink *out, const char *header, gsize len,
    guint reserved)
{
	struct pdf_writer *w = g_new0(struct pdf_writer, 1);

	w->out = out;
	w->buf = g_string_sized_new(FLUSH_AT + 65536);
	w->md5 = g_checksum_new(G_CHECKSUM_MD5);
	/* The caller's objects, an object stream for each hundred of them,
	 * the cross-reference stream. */
	w->room = reserved + reserved / PER_STREAM + 2;
	w->entries = g_new(struct entry, w->room);
	w->next = MAX(reserved, 1);
	w->packed = g_string_new(NULL);
	w->index = g_string_new(NULL);
	w->members = g_array_new(FALSE, FALSE, sizeof(guint));
	w->zbuf = g_byte_array_new();
	g_string_append_len(w->buf, header, (gssize)len);
	return w;
}

guint
pdf_writer_number(struct pdf_writer *w)
{
	guint num = w->next;

	entry(w, num);
	return num;
}

/*
 * Data deflated (a zlib stream, as /FlateDecode reads it) into the
 * writer's buffer; NULL if it could not be.  libdeflate, given the
 * whole buffer at once, does zlib's work at its default level in about
 * half the time, and a book has a stream a page.
 */
static const guint8 *
deflated(struct pdf_writer *w, const void *data, gsize len, gsize *zlen)
{
	size_t bound;

	if (w->z == NULL &&
	    (w->z = libdeflate_alloc_compressor(DEFLATE_LEVEL)) == NULL)
		return NULL;
	if ((bound = libdeflate_zlib_compress_bound(w->z, len)) > G_MAXUINT)
		return NULL;
	/* A buffer grown for one large stream is let go after it. */
	if (w->zbuf->len > FLUSH_AT) {
		g_byte_array_free(w->zbuf, TRUE);
		w->zbuf = g_byte_array_new();
	}
	g_byte_array_set_size(w->zbuf, (guint)bound);
	*zlen = libdeflate_zlib_compress(w->z, data, len, w->zbuf->data,
	    w->zbuf->len);
	return *zlen > 0 ? w->zbuf->data : NULL;
}

void
pdf_write_stream(struct pdf_writer *w, guint num, const char *entries,
    const void *data, gsize len)
{
	struct entry *e = entry(w, num);

	e->type = 1;
	e->where = w->flushed + w->buf->len;
	g_string_append_printf(w->buf, "%u 0 obj\n<< %s /Length %"
	    G_GSIZE_FORMAT " >>\nstream\n", num, entries, len);
	/* Large data goes as it is, not copied into the buffer first. */
	if (len >= FLUSH_AT) {
		flush(w);
		put(w, data, len);
	} else
		g_string_append_len(w->buf, data, (gssize)len);
	g_string_append(w->buf, "\nendstream\nendobj\n");
	if (w->buf->len >= FLUSH_AT)
		flush(w);
}

const guint8 *
pdf_write_deflated(struct pdf_writer *w, guint num, const char *entries,
    const void *data, gsize len, gboolean keep, gsize *written)
{
	struct reuse *kept = keep ? w->kept : NULL;
	char *with;
	gsize zlen;
	const guint8 *z;

	if (w->found != NULL)
		g_clear_pointer(&w->found, g_bytes_unref);
	if (kept != NULL && (w->found = reuse_find(kept, PDF_KEPT_STREAM,
	    data, len)) != NULL && g_bytes_get_size(w->found) > 0) {
		z = g_bytes_get_data(w->found, &zlen);
		reuse_keep(kept, PDF_KEPT_STREAM, data, len, z, zlen);
	} else if ((z = deflated(w, data, len, &zlen)) == NULL) {
		pdf_write_stream(w, num, entries, data, len);
		return NULL;
	} else if (kept != NULL)
		reuse_keep(kept, PDF_KEPT_STREAM, data, len, z, zlen);
	with = g_strconcat(entries, *entries != '\0' ? " " : "",
	    "/Filter /FlateDecode", NULL);
	pdf_write_stream(w, num, with, z, zlen);
	g_free(with);
	if (written != NULL)
		*written = zlen;
	return z;
}

/*
 * The object stream filled so far, written and begun anew.  Its pairs
 * are put before its objects in their buffer, not both copied into a
 * third: one object can be megabytes (the structure's parent tree, the
 * named destinations of a long book), and so can the buffers it grew,
 * which are let go with it.
 */
static void
pack(struct pdf_writer *w)
{
	guint num, i;
	char *entries;

	if (w->members->len == 0)
		return;
	num = pdf_writer_number(w);
	for (i = 0; i < w->members->len; i++) {
		struct entry *e = entry(w, g_array_index(w->members, guint, i));

		e->type = 2;
		e->where = num;
		e->index = i;
	}
	entries = g_strdup_printf("/Type /ObjStm /N %u /First %" G_GSIZE_FORMAT,
	    w->members->len, w->index->len);
	g_string_prepend_len(w->packed, w->index->str, (gssize)w->index->len);
	(void)pdf_write_deflated(w, num, entries, w->packed->str,
	    w->packed->len, TRUE, NULL);
	g_free(entries);
	if (w->packed->allocated_len > FLUSH_AT) {
		g_string_free(w->packed, TRUE);
		w->packed = g_string_new(NULL);
	}
	g_string_truncate(w->packed, 0);
	g_string_truncate(w->index, 0);
	g_array_set_size(w->members, 0);
}

void
pdf_write_value(struct pdf_writer *w, guint num, const char *text, gsize len)
{
	entry(w, num);
	g_string_append_printf(w->index, "%u %" G_GSIZE_FORMAT " ", num,
	    w->packed->len);
	g_string_append_len(w->packed, text, (gssize)len);
	g_string_append_c(w->packed, '\n');
	g_array_append_val(w->members, num);
	if (w->members->len >= PER_STREAM)
		pack(w);
}

/* How many bytes v takes, big-endian, at least one. */
static int
width(guint64 v)
{
	int n = 1;

	while (v >>= 8)
		n++;
	return n;
}

/* v in n bytes at b, big-endian. */
static void
put_field(guint8 *b, guint64 v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		b[i] = (guint8)(v >> (8 * (n - 1 - i)));
}

/*
 * The free entries chained, as the table's first entry begins: each
 * names the next free number, the last names 0; and the generation
 * a number freed would be used again with, 65535 for the first.
 */
static void
chain_free(struct pdf_writer *w)
{
	struct entry *last = entry(w, 0);
	guint num;

	last->index = 65535;
	for (num = 1; num < w->nentries; num++) {
		struct entry *e = &w->entries[num];

		if (e->type != 0)
			continue;
		last->where = num;
		e->index = 1;
		last = e;
	}
	last->where = 0;
}

/*
 * The table's rows, each as the row above it subtracted byte by byte
 * (PNG's Up predictor, its tag byte first) if predict: the rows of a
 * table differ in few bytes, so what is deflated is mostly zeros.  Else
 * the rows as they are, for a table that could not be deflated.  In a
 * buffer of their size, *len bytes.
 */
static guint8 *
rows(const struct pdf_writer *w, int w2, int w3, gboolean predict,
    gsize *len)
{
	int n = 1 + w2 + w3, i;
	gsize size = (gsize)n + (predict ? 1 : 0);
	guint8 *b = g_malloc(size * w->nentries), *at = b;
	guint8 *prev = g_malloc0((gsize)n), *raw = g_malloc((gsize)n);
	guint num;

	for (num = 0; num < w->nentries; num++, at += size) {
		const struct entry *e = &w->entries[num];

		put_field(raw, e->type, 1);
		put_field(raw + 1, e->where, w2);
		put_field(raw + 1 + w2, e->index, w3);
		if (!predict) {
			memcpy(at, raw, (gsize)n);
			continue;
		}
		at[0] = 2;
		for (i = 0; i < n; i++)
			at[1 + i] = (guint8)(raw[i] - prev[i]);
		memcpy(prev, raw, (gsize)n);
	}
	g_free(prev);
	g_free(raw);
	*len = size * w->nentries;
	return b;
}

int
pdf_writer_end(struct pdf_writer *w, const char *trailer)
{
	guint8 *table;
	const guint8 *z;
	gsize len, zlen;
	guint64 most = 0;
	guint xref, i;
	int w2, w3 = 1;
	char *id, *with, parms[64] = "";
	const char *filter = "";

	pack(w);
	xref = pdf_writer_number(w);
	/* The stream describes itself: it is where it is written. */
	entry(w, xref)->type = 1;
	entry(w, xref)->where = w->flushed + w->buf->len;
	chain_free(w);
	for (i = 0; i < w->nentries; i++) {
		const struct entry *e = &w->entries[i];

		most = MAX(most, e->where);
		w3 = MAX(w3, width(e->index));
	}
	w2 = width(most);
	table = rows(w, w2, w3, TRUE, &len);
	flush(w);
	/* The ID is the digest of every byte before this stream. */
	id = g_strdup(g_checksum_get_string(w->md5));
	g_checksum_reset(w->md5);
	/* The predictor says how to read deflated rows: no deflating, no
	 * predictor. */
	if ((z = deflated(w, table, len, &zlen)) != NULL) {
		g_snprintf(parms, sizeof(parms), "/DecodeParms << /Columns %d "
		    "/Predictor 12 >> ", 1 + w2 + w3);
		filter = " /Filter /FlateDecode";
	} else {
		g_free(table);
		z = table = rows(w, w2, w3, FALSE, &zlen);
	}
	with = g_strdup_printf("/Type /XRef /Size %u /W [1 %d %d] %s%s "
	    "/ID [<%s><%s>]%s", w->nentries, w2, w3, parms, trailer, id,
	    id, filter);
	pdf_write_stream(w, xref, with, z, zlen);
	g_free(with);
	g_string_append_printf(w->buf, "startxref\n%" G_GUINT64_FORMAT
	    "\n%%%%EOF\n", (guint64)w->entries[xref].where);
	flush(w);
	g_free(id);
	g_free(table);
	return w->rc;
}

void
pdf_writer_free(struct pdf_writer *w)
{
	if (w == NULL)
		return;
	g_string_free(w->buf, TRUE);
	g_checksum_free(w->md5);
	g_free(w->entries);
	g_string_free(w->packed, TRUE);
	g_string_free(w->index, TRUE);
	g_array_free(w->members, TRUE);
	if (w->z != NULL)
		libdeflate_free_compressor(w->z);
	g_byte_array_free(w->zbuf, TRUE);
	if (w->found != NULL)
		g_bytes_unref(w->found);
	g_free(w);
}

void
pdf_writer_reuse(struct pdf_writer *w, struct reuse *kept)
{
	w->kept = kept;
}
