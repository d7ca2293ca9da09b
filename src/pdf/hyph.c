/*
 * hyph.c — hyphenation points from libhyphen, cached per word, and the
 * cache kept between builds: a rebuild hyphenates the words of the
 * blocks it sets anew, nearly all of them words an earlier build
 * hyphenated, and reading the patterns costs more than a block does.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bytes.h"
#include "hyph.h"
#include "out/reuse.h"
#include "read/hyphen.h"


struct hyph {
	char		*path;		/* the patterns' file */
	struct hyphen	*dict;		/* read from it, or NULL: not yet */
	gboolean	 unread;	/* it could not be read after all */
	struct diags	*d;		/* where that is said, or NULL */
	int		 min_word, left, right;
	GHashTable	*cache;		/* struct known *, by their words */
	GString		*buf;		/* the word looked up, in lower case */
	struct reuse	*kept;		/* where the words an earlier build
					   hyphenated are, and this one's go
					   (hyph_keep); or NULL */
	gboolean	 kept_read;	/* they are in the cache */
};

/* A word hyphenated: one block, found again by its letters. */
struct known {
	const char	*word;		/* lower case, not NUL-terminated */
	gsize		 len;
	guint8		*points;	/* len of them, as hyph_word sets */
};

static guint
known_hash(gconstpointer p)
{
	const struct known *k = p;

	return bytes_hash(k->word, k->len);
}

static gboolean
known_equal(gconstpointer a, gconstpointer b)
{
	const struct known *x = a, *y = b;

	return bytes_equal(x->word, x->len, y->word, y->len);
}

/* The word w (len bytes) with its points, copied into one block. */
static struct known *
known_new(const char *w, gsize len, const guint8 *points)
{
	struct known *k = g_malloc(sizeof(*k) + 2 * len);
	char *at = (char *)(k + 1);

	k->word = memcpy(at, w, len);
	k->points = memcpy(at + len, points, len);
	k->len = len;
	return k;
}

/* What the kept row of h's words is found by: its patterns and the
 * limits that cut what they give. */
static GString *
kept_key(const struct hyph *h)
{
	GString *key = g_string_new(h->path);

	g_string_append_printf(key, "\n%d %d %d", h->min_word, h->left,
	    h->right);
	return key;
}

/*
 * The words an earlier build hyphenated with h's patterns, into the
 * cache: each a count of bytes, the word (lower-case ASCII letters, as
 * hyph_word looks it up) and its points; what is not so is not read.
 */
static void
read_kept(struct hyph *h)
{
	GString *key = kept_key(h);
	GBytes *row = reuse_find(h->kept, KEPT_HYPHENS, key->str, key->len);
	struct bytes_reader r;
	const guchar *w;
	guint32 len, i;

	h->kept_read = TRUE;
	g_string_free(key, TRUE);
	if (row == NULL)
		return;
	r.at = g_bytes_get_data(row, &r.left);
	while (bytes_read_u32(&r, &len) && len > 0 &&
	    (w = bytes_read(&r, 2 * (gsize)len)) != NULL) {
		for (i = 0; i < len; i++)
			if (!g_ascii_islower(w[i]) || w[len + i] > 1)
				break;
		if (i < len)
			break;
		g_hash_table_add(h->cache, known_new((const char *)w, len,
		    w + len));
	}
	g_bytes_unref(row);
}

char *
hyph_patterns(const char *language)
{
	return hyphen_patterns(language, NULL);
}

struct hyph *
hyph_new(const char *language, const char *dir, const struct style *st,
    struct diags *d)
{
	const char *lang = language != NULL ? language : "en-US";
	char *path = hyphen_patterns(lang, dir);
	/* Read once a word asks (hyph_word): a rebuild that sets its blocks
	 * as the last build did (typeset.c) needs none of them.  libhyphen
	 * fails only where it cannot open the file, which is seen here. */
	gboolean readable = path != NULL && g_access(path, R_OK) == 0;
	struct hyph *h;

	if (!readable && d == NULL) {
		g_free(path);
		return NULL;
	}
	if (!readable) {
		char *package = hyphen_package(lang);

		diag_add(d, DIAG_WARNING, srcpos_at(path != NULL ? path :
		    dir != NULL ? dir : "/usr/share/hyphen", 0, 0), "no "
		    "hyphenation patterns for %s here; the PDF is set without "
		    "hyphens; install them (Debian's %s)", lang, package);
		g_free(package);
		g_free(path);
		return NULL;
	}
	h = g_new0(struct hyph, 1);
	h->path = path;
	h->d = d;
	h->min_word = MAX(st->hyph_min_word, st->hyph_min_left +
	    st->hyph_min_right);
	h->left = MAX(st->hyph_min_left, 1);
	h->right = MAX(st->hyph_min_right, 1);
	h->cache = g_hash_table_new_full(known_hash, known_equal, g_free, NULL);
	h->buf = g_string_new(NULL);
	return h;
}

void
hyph_free(struct hyph *h)
{
	if (h == NULL)
		return;
	hyphen_free(h->dict);
	g_hash_table_destroy(h->cache);
	g_string_free(h->buf, TRUE);
	g_free(h->path);
	g_free(h);
}

const char *
hyph_file(const struct hyph *h)
{
	return h != NULL ? h->path : "";
}

int
hyph_word(struct hyph *h, const char *word, gsize len, guint8 *at)
{
	struct known key, *k;
	guint8 *points;
	gsize i, caps = 0;
	int n = 0;

	memset(at, 0, len);
	if (len < (gsize)h->min_word)
		return 0;
	g_string_set_size(h->buf, len);
	for (i = 0; i < len; i++) {
		if (!g_ascii_isalpha(word[i]))
			return 0;
		caps += g_ascii_isupper(word[i]) != 0;
		h->buf->str[i] = g_ascii_tolower(word[i]);
	}
	if (caps > 1)
		return 0;	/* "USSR", "McCarthy": leave them whole */
	key.word = h->buf->str;
	key.len = len;
	k = g_hash_table_lookup(h->cache, &key);
	if (k == NULL && h->kept != NULL && !h->kept_read) {
		read_kept(h);
		k = g_hash_table_lookup(h->cache, &key);
	}
	if (k == NULL) {
		if (h->dict == NULL && !h->unread &&
		    (h->dict = hyphen_load(h->path)) == NULL) {
			/* Gone since hyph_new: said once, then no points. */
			h->unread = TRUE;
			if (h->d != NULL)
				diag_add(h->d, DIAG_WARNING, srcpos_at(h->path,
				    0, 0), "the hyphenation patterns cannot be "
				    "read; the PDF is set without hyphens");
		}
		if (h->dict == NULL)
			return 0;
		points = hyphen_points(h->dict, h->buf->str, len, h->left,
		    h->right);
		k = known_new(h->buf->str, len, points);
		g_free(points);
		g_hash_table_add(h->cache, k);
	}
	for (i = 0; i < len; i++)
		n += at[i] = k->points[i];
	return n;
}

void
hyph_reuse(struct hyph *h, struct reuse *r)
{
	if (h != NULL)
		h->kept = r;
}

void
hyph_keep(struct hyph *h)
{
	GHashTableIter it;
	GString *key, *row;
	GBytes *last;
	gpointer p;

	if (h == NULL || h->kept == NULL)
		return;
	key = kept_key(h);
	if (!h->kept_read) {
		/* Not a word asked for anew: the last build's, as it was. */
		if ((last = reuse_find(h->kept, KEPT_HYPHENS, key->str,
		    key->len)) != NULL) {
			reuse_keep(h->kept, KEPT_HYPHENS, key->str, key->len,
			    g_bytes_get_data(last, NULL),
			    g_bytes_get_size(last));
			g_bytes_unref(last);
		}
	} else {
		row = g_string_new(NULL);
		g_hash_table_iter_init(&it, h->cache);
		while (g_hash_table_iter_next(&it, &p, NULL)) {
			const struct known *k = p;

			bytes_put_counted(row, k->word, k->len);
			bytes_put(row, k->points, k->len);
		}
		reuse_keep(h->kept, KEPT_HYPHENS, key->str, key->len, row->str,
		    row->len);
		g_string_free(row, TRUE);
	}
	g_string_free(key, TRUE);
	h->kept = NULL;
}
