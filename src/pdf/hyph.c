/*
 * hyph.c — hyphenation points from libhyphen, cached per word.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bytes.h"
#include "hyph.h"
#include "read/hyphen.h"

struct hyph {
	char		*path;		/* the patterns' file */
	struct hyphen	*dict;		/* read from it, or NULL: not yet */
	gboolean	 unread;	/* it could not be read after all */
	struct diags	*d;		/* where that is said, or NULL */
	int		 min_word, left, right;
	GHashTable	*cache;		/* struct known *, by their words */
	GString		*buf;		/* the word looked up, in lower case */
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
	if ((k = g_hash_table_lookup(h->cache, &key)) == NULL) {
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
