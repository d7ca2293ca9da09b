/*
 * hyphen.c — libhyphen's patterns, found for a language and asked.
 */
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "read/hyphen.h"

#define HYPHEN_DIR	"/usr/share/hyphen"

struct hyphen {
	HyphenDict	*dict;
};

char *
hyphen_patterns(const char *language, const char *dir)
{
	char *lang = g_strdelimit(g_strdup(language != NULL ? language :
	    "en-US"), "-", '_');
	char *name = g_strdup_printf("hyph_%s.dic", lang);
	char *path = g_build_filename(dir != NULL ? dir : HYPHEN_DIR, name,
	    NULL);

	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		g_free(path);
		g_free(name);
		lang[strcspn(lang, "_")] = '\0';
		name = g_strdup_printf("hyph_%s.dic", lang);
		path = g_build_filename(dir != NULL ? dir : HYPHEN_DIR, name,
		    NULL);
		if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
			g_clear_pointer(&path, g_free);
	}
	g_free(name);
	g_free(lang);
	return path;
}

char *
hyphen_package(const char *language)
{
	char *tag = g_ascii_strdown(language, -1);
	gsize primary = strcspn(tag, "-_");
	char *package;

	g_strdelimit(tag, "_", '-');
	/* Keep the region for the languages Debian splits by country. */
	if (!(primary == 2 && (strncmp(tag, "en", 2) == 0 ||
	    strncmp(tag, "pt", 2) == 0) && tag[2] == '-'))
		tag[primary] = '\0';
	else
		tag[primary + 1 + strcspn(tag + primary + 1, "-")] = '\0';
	package = g_strconcat("hyphen-", tag, NULL);
	g_free(tag);
	return package;
}

struct hyphen *
hyphen_load(const char *path)
{
	HyphenDict *dict = path != NULL ? hnj_hyphen_load(path) : NULL;
	struct hyphen *h;

	if (dict == NULL)
		return NULL;
	h = g_new(struct hyphen, 1);
	h->dict = dict;
	return h;
}

void
hyphen_free(struct hyphen *h)
{
	if (h == NULL)
		return;
	hnj_hyphen_free(h->dict);
	g_free(h);
}

guint8 *
hyphen_points(struct hyphen *h, const char *w, gsize len, int left, int right)
{
	char *hyphens = g_malloc(len + 5);
	guint8 *at = g_malloc0(len);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	gsize i;

	if (hnj_hyphen_hyphenate3(h->dict, w, (int)len, hyphens, NULL, &rep,
	    &pos, &cut, left, right, left, right) == 0)
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
