/*
 * reuse.c — outputs kept by the digest of their input (reuse.h).
 *
 * The file: a line "octavo-reuse KEY", the outputs one after another,
 * then a table of rows (struct row: the input's digest and length,
 * where its output is, its length and CRC-32), then a trailer (struct
 * trailer) that says where the table is and holds the table's CRC.  A
 * row is trusted only if its output lies between the line and the
 * table; an output only if its CRC holds.  A small file is mapped, a
 * long book's read a row at a time.
 *
 * The digest is XXH3's 128 bits: some twenty times faster than SHA-1 on
 * a page's content, and as unlikely to take two inputs for one.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libdeflate.h>
#include <xxhash.h>

#include "out/kept.h"
#include "out/reuse.h"

#define REUSE_MAGIC	"octavo-reuse "
#define TRAILER_MAGIC	"octreuse"
#define READ_WHOLE	((guint64)8 << 20)	/* bytes of outputs */

/* An input: its digest and its length. */
struct input {
	guint64		 digest[2];
	guint64		 len;
};

struct row {
	struct input	 in;
	guint64		 at;		/* the output's first byte in the file */
	guint32		 len;		/* its bytes */
	guint32		 crc;		/* their CRC-32 */
};

struct trailer {
	guint64		 table;		/* where the rows begin */
	guint32		 rows;
	guint32		 crc;		/* the rows' CRC-32 */
	char		 magic[8];	/* TRAILER_MAGIC */
};

struct reuse {
	int		 fd;		/* the last build's file, or -1 */
	struct row	*rows;		/* its table */
	GHashTable	*found;		/* struct input * → struct row * */
	GBytes		*whole;		/* the file, if small: read once */
	struct kept_file out;		/* the new file */
	GArray		*kept;		/* struct row, written to it */
	GHashTable	*written;	/* struct input *: their inputs,
					   each written once */
};

static guint
input_hash(gconstpointer p)
{
	return (guint)((const struct input *)p)->digest[0];
}

static gboolean
input_equal(gconstpointer a, gconstpointer b)
{
	return memcmp(a, b, sizeof(struct input)) == 0;
}

/*
 * input digested, its kind the seed: for a page's content, a tenth of a
 * millisecond.
 */
static struct input
digested(guint kind, const void *input, gsize len)
{
	XXH128_hash_t h = XXH3_128bits_withSeed(input, len, kind);

	return (struct input){ { h.low64, h.high64 }, len };
}

/* Whether fd holds len bytes at offset at, read into buf. */
static gboolean
read_at(int fd, void *buf, gsize len, guint64 at)
{
	gsize done = 0;
	ssize_t n;

	while (done < len) {
		n = pread(fd, (char *)buf + done, len - done,
		    (off_t)(at + done));
		if (n <= 0)
			return FALSE;
		done += (gsize)n;
	}
	return TRUE;
}

/*
 * The table of the last build's file, into r->found, if the file is
 * whole and was kept under key; else nothing is found.
 */
static void
read_table(struct reuse *r, const char *key)
{
	gsize head = strlen(REUSE_MAGIC) + strlen(key) + 1, bytes;
	char *line = g_strdup_printf("%s%s\n", REUSE_MAGIC, key), *seen;
	GMappedFile *mf;
	struct trailer t;
	struct stat st;
	guint32 i;

	seen = g_malloc(head);
	if (fstat(r->fd, &st) == -1 || (guint64)st.st_size < head +
	    sizeof(t) || !read_at(r->fd, seen, head, 0) ||
	    memcmp(seen, line, head) != 0 || !read_at(r->fd, &t, sizeof(t),
	    (guint64)st.st_size - sizeof(t)) ||
	    memcmp(t.magic, TRAILER_MAGIC, sizeof(t.magic)) != 0 ||
	    t.table < head || t.rows > ((guint64)st.st_size - t.table) /
	    sizeof(struct row) || t.table + (guint64)t.rows *
	    sizeof(struct row) + sizeof(t) != (guint64)st.st_size)
		goto out;
	bytes = (gsize)t.rows * sizeof(struct row);
	r->rows = g_malloc(MAX(bytes, 1));
	if (!read_at(r->fd, r->rows, bytes, t.table) ||
	    libdeflate_crc32(0, r->rows, bytes) != t.crc)
		goto out;
	for (i = 0; i < t.rows; i++)
		if (r->rows[i].at >= head && r->rows[i].at <= t.table &&
		    r->rows[i].len <= t.table - r->rows[i].at)
			g_hash_table_replace(r->found, &r->rows[i].in,
			    &r->rows[i]);
	/* A small file is mapped at once: a sample's blocks are a thousand
	 * outputs, each a read of its own otherwise, and a copy is fresh
	 * memory for the system to clear.  (The file is never written in
	 * place: a build writes a new one and renames it over this.) */
	if (t.table <= READ_WHOLE &&
	    (mf = g_mapped_file_new_from_fd(r->fd, FALSE, NULL)) != NULL) {
		if (g_mapped_file_get_length(mf) == (gsize)st.st_size)
			r->whole = g_mapped_file_get_bytes(mf);
		g_mapped_file_unref(mf);
	}
out:
	g_free(seen);
	g_free(line);
}

struct reuse *
reuse_open(const char *path, const char *key)
{
	struct reuse *r = g_new0(struct reuse, 1);

	r->found = g_hash_table_new(input_hash, input_equal);
	r->kept = g_array_new(FALSE, FALSE, sizeof(struct row));
	r->written = g_hash_table_new_full(input_hash, input_equal, g_free,
	    NULL);
	if ((r->fd = g_open(path, O_RDONLY, 0)) != -1)
		read_table(r, key);
	kept_begin(&r->out, path);
	kept_write(&r->out, REUSE_MAGIC, strlen(REUSE_MAGIC));
	kept_write(&r->out, key, strlen(key));
	kept_write(&r->out, "\n", 1);
	return r;
}

GBytes *
reuse_find(struct reuse *r, guint kind, const void *input, gsize len)
{
	struct input in = digested(kind, input, len);
	const struct row *row = g_hash_table_lookup(r->found, &in);
	GBytes *part;
	void *buf;

	if (row == NULL)
		return NULL;
	if (r->whole != NULL) {
		part = g_bytes_new_from_bytes(r->whole, row->at, row->len);
		if (libdeflate_crc32(0, g_bytes_get_data(part, NULL),
		    row->len) == row->crc)
			return part;
		g_bytes_unref(part);
		return NULL;
	}
	buf = g_malloc(MAX(row->len, 1));
	if (!read_at(r->fd, buf, row->len, row->at) ||
	    libdeflate_crc32(0, buf, row->len) != row->crc) {
		g_free(buf);
		return NULL;
	}
	return g_bytes_new_take(buf, row->len);
}

void
reuse_keep(struct reuse *r, guint kind, const void *input, gsize len,
    const void *output, gsize outlen)
{
	struct row row;

	/* Not kept if a row cannot say its length. */
	if (r->out.fp == NULL || r->out.err != 0 || outlen > G_MAXUINT32)
		return;
	row.in = digested(kind, input, len);
	/* The same input kept again (a long book's repeated blocks) is
	 * written once: the same bytes made it. */
	if (g_hash_table_contains(r->written, &row.in))
		return;
	g_hash_table_add(r->written, g_memdup2(&row.in, sizeof(row.in)));
	row.at = r->out.written;
	row.len = (guint32)outlen;
	row.crc = (guint32)libdeflate_crc32(0, output, outlen);
	kept_write(&r->out, output, outlen);
	if (r->out.err == 0)
		g_array_append_val(r->kept, row);
}

/* Frees r, its new file ended: kept (keep), or removed. */
static gboolean
reuse_free(struct reuse *r, gboolean keep, GError **err)
{
	gboolean ok = kept_end(&r->out, keep, err);

	if (r->fd != -1)
		close(r->fd);
	g_hash_table_destroy(r->found);
	g_hash_table_destroy(r->written);
	if (r->whole != NULL)
		g_bytes_unref(r->whole);
	g_array_free(r->kept, TRUE);
	g_free(r->rows);
	g_free(r);
	return ok;
}

gboolean
reuse_close(struct reuse *r, GError **err)
{
	gsize bytes = r->kept->len * sizeof(struct row);
	struct trailer t = { r->out.written, r->kept->len,
	    (guint32)libdeflate_crc32(0, r->kept->data, bytes), TRAILER_MAGIC };

	kept_write(&r->out, r->kept->data, bytes);
	kept_write(&r->out, &t, sizeof(t));
	return reuse_free(r, TRUE, err);
}

void
reuse_discard(struct reuse *r)
{
	(void)reuse_free(r, FALSE, NULL);
}
