/*
 * hyph.c — hyphenation points from libhyphen, cached per word.
 */
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hyph.h"
#include "read/hyphen.h"

struct hyph {
	struct hyphen	*dict;
	int		 min_word, left, right;
	GHashTable	*cache;		/* lower-case word → guint8[len] */
	GString		*buf;
};

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
	struct hyphen *dict = hyphen_load(path);
	struct hyph *h;

	if (dict == NULL && d == NULL) {
		g_free(path);
		return NULL;
	}
	if (dict == NULL) {
		char *package = hyphen_package(lang);

		diag_add(d, DIAG_WARNING, srcpos_at(path != NULL ? path :
		    dir != NULL ? dir : "/usr/share/hyphen", 0, 0), "no "
		    "hyphenation patterns for %s here; the PDF is set without "
		    "hyphens; install them (Debian's %s)", lang, package);
		g_free(package);
		g_free(path);
		return NULL;
	}
	g_free(path);
	h = g_new0(struct hyph, 1);
	h->dict = dict;
	h->min_word = MAX(st->hyph_min_word, st->hyph_min_left +
	    st->hyph_min_right);
	h->left = MAX(st->hyph_min_left, 1);
	h->right = MAX(st->hyph_min_right, 1);
	h->cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);
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
	g_free(h);
}

int
hyph_word(struct hyph *h, const char *word, gsize len, guint8 *at)
{
	const guint8 *cached;
	gsize i, caps = 0;
	int n = 0;

	memset(at, 0, len);
	if (len < (gsize)h->min_word)
		return 0;
	g_string_truncate(h->buf, 0);
	for (i = 0; i < len; i++) {
		if (!g_ascii_isalpha(word[i]))
			return 0;
		caps += g_ascii_isupper(word[i]) != 0;
		g_string_append_c(h->buf, g_ascii_tolower(word[i]));
	}
	if (caps > 1)
		return 0;	/* "USSR", "McCarthy": leave them whole */
	cached = g_hash_table_lookup(h->cache, h->buf->str);
	if (cached == NULL) {
		cached = hyphen_points(h->dict, h->buf->str, len, h->left,
		    h->right);
		g_hash_table_insert(h->cache, g_strdup(h->buf->str),
		    (gpointer)cached);
	}
	for (i = 0; i < len; i++)
		n += at[i] = cached[i];
	return n;
}
