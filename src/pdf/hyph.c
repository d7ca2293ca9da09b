/*
 * hyph.c — hyphenation points from libhyphen, cached per word.
 */
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <hyphen.h>

#include "hyph.h"

#define HYPH_DIR	"/usr/share/hyphen"

struct hyph {
	HyphenDict	*dict;
	int		 min_word, left, right;
	GHashTable	*cache;		/* lower-case word → guint8[len] */
	GString		*buf;
};

/* hyph_ll_CC.dic, else hyph_ll.dic, in dir; NULL if neither is there. */
static char *
find_dict(const char *language, const char *dir)
{
	char *lang = g_strdelimit(g_strdup(language), "-", '_');
	char *name = g_strdup_printf("hyph_%s.dic", lang);
	char *path = g_build_filename(dir, name, NULL);

	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		g_free(path);
		g_free(name);
		lang[strcspn(lang, "_")] = '\0';
		name = g_strdup_printf("hyph_%s.dic", lang);
		path = g_build_filename(dir, name, NULL);
		if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
			g_clear_pointer(&path, g_free);
	}
	g_free(name);
	g_free(lang);
	return path;
}

char *
hyph_patterns(const char *language)
{
	return find_dict(language != NULL ? language : "en-US", HYPH_DIR);
}

struct hyph *
hyph_new(const char *language, const char *dir, const struct style *st,
    struct diags *d)
{
	const char *lang = language != NULL ? language : "en-US";
	char *path;
	struct hyph *h;
	HyphenDict *dict;

	if (dir == NULL)
		dir = HYPH_DIR;
	path = find_dict(lang, dir);
	if (path == NULL || (dict = hnj_hyphen_load(path)) == NULL) {
		diag_add(d, DIAG_WARNING, srcpos_at(path != NULL ? path : dir,
		    0, 0), "no hyphenation patterns for %s here; the PDF is "
		    "set without hyphens; install them (hyphen-%s)", lang,
		    lang);
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
	hnj_hyphen_free(h->dict);
	g_hash_table_destroy(h->cache);
	g_string_free(h->buf, TRUE);
	g_free(h);
}

/* The points of a lower-case word, from the patterns. */
static guint8 *
points(struct hyph *h, const char *w, gsize len)
{
	char *hyphens = g_malloc(len + 5);
	guint8 *at = g_malloc0(len);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	gsize i;

	if (hnj_hyphen_hyphenate3(h->dict, w, (int)len, hyphens, NULL, &rep,
	    &pos, &cut, h->left, h->right, h->left, h->right) == 0)
		for (i = 0; i + 1 < len; i++)
			/* An odd value: a break after byte i.  The patterns
			 * for English need no replacements; skip any. */
			at[i + 1] = (hyphens[i] & 1) && (rep == NULL ||
			    rep[i] == NULL);
	if (rep != NULL) {
		for (i = 0; i < len; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
	g_free(hyphens);
	return at;
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
		cached = points(h, h->buf->str, len);
		g_hash_table_insert(h->cache, g_strdup(h->buf->str),
		    (gpointer)cached);
	}
	for (i = 0; i < len; i++)
		n += at[i] = cached[i];
	return n;
}
