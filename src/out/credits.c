/*
 * credits.c — the people of the book, from the metadata: names split at
 * "and", listed once each, joined again as prose.
 */
#include <string.h>

#include "out/credits.h"

/* Adds to names each name of field ("A and B") it does not hold yet. */
static void
add_names(GPtrArray *names, const char *field)
{
	char **v;
	guint i;

	if (field == NULL)
		return;
	v = g_strsplit(field, " and ", -1);
	for (i = 0; v[i] != NULL; i++) {
		g_strstrip(v[i]);
		if (*v[i] != '\0' && !g_ptr_array_find_with_equal_func(names,
		    v[i], g_str_equal, NULL))
			g_ptr_array_add(names, g_strdup(v[i]));
	}
	g_strfreev(v);
}

/* Whether every name of field is among names. */
static int
all_among(GPtrArray *names, const char *field)
{
	GPtrArray *own = g_ptr_array_new_with_free_func(g_free);
	guint i;
	int all = 1;

	add_names(own, field);
	for (i = 0; i < own->len && all; i++)
		all = g_ptr_array_find_with_equal_func(names,
		    g_ptr_array_index(own, i), g_str_equal, NULL);
	g_ptr_array_free(own, TRUE);
	return all;
}

void
credits_init(struct credits *cr, const struct edition *e)
{
	guint i;

	cr->authors = g_ptr_array_new_with_free_func(g_free);
	cr->editors = g_ptr_array_new_with_free_func(g_free);
	cr->contributors = g_ptr_array_new_with_free_func(g_free);
	cr->book_translators = g_ptr_array_new_with_free_func(g_free);
	cr->translators = g_ptr_array_new_with_free_func(g_free);
	add_names(cr->authors, e->meta.author);
	add_names(cr->editors, e->editor);
	add_names(cr->book_translators, e->translator);
	add_names(cr->translators, e->translator);
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);

		if (!all_among(cr->authors, c->meta.author))
			add_names(cr->contributors, c->meta.author);
		add_names(cr->translators, c->meta.translator);
	}
	/* A chapter by the book's author and another: only the other. */
	for (i = cr->contributors->len; i > 0; i--)
		if (g_ptr_array_find_with_equal_func(cr->authors,
		    g_ptr_array_index(cr->contributors, i - 1), g_str_equal,
		    NULL))
			g_ptr_array_remove_index(cr->contributors, i - 1);
}

void
credits_release(struct credits *cr)
{
	GPtrArray *lists[] = { cr->authors, cr->editors, cr->contributors,
	    cr->book_translators, cr->translators };
	guint i;

	for (i = 0; i < G_N_ELEMENTS(lists); i++)
		g_ptr_array_free(lists[i], TRUE);
}

char *
credits_join(const GPtrArray *names)
{
	GString *s;
	guint i;

	if (names->len == 0)
		return NULL;
	s = g_string_new(g_ptr_array_index(names, 0));
	for (i = 1; i < names->len; i++)
		g_string_append_printf(s, "%s%s",
		    i + 1 == names->len ? " and " : ", ",
		    (const char *)g_ptr_array_index(names, i));
	return g_string_free(s, FALSE);
}

char *
credits_line(enum word w, const GPtrArray *names)
{
	char *joined = credits_join(names), *line = word_before(w, joined);

	g_free(joined);
	return line;
}

GPtrArray *
credits_by(const struct credits *cr)
{
	return cr->authors->len > 0 ? cr->authors : cr->contributors;
}

const char *
credits_byline(const struct credits *cr, const struct chapter *c)
{
	if (c->meta.author == NULL || all_among(cr->authors, c->meta.author))
		return NULL;
	return c->meta.author;
}

char *
credits_translation(const struct credits *cr, const struct chapter *c)
{
	if (c->meta.translator == NULL ||
	    all_among(cr->book_translators, c->meta.translator))
		return NULL;
	return word_before(WORD_TRANSLATED_BY, c->meta.translator);
}

int
credits_anthology(const struct credits *cr)
{
	return cr->contributors->len > 0;
}

/* Whether a word ends a name as a suffix: "Jr.", "III". */
static int
suffix(const char *w)
{
	static const char *const suffixes[] = { "Jr.", "Jr", "Sr.", "Sr",
	    "II", "III", "IV", NULL };

	return g_strv_contains(suffixes, w);
}

/* Whether a word is an article, which no person's name begins with. */
static int
article(const char *w)
{
	static const char *const articles[] = { "The", "A", "An", NULL };

	return g_strv_contains(articles, w);
}

char *
credits_file_as(const char *name)
{
	char **v = g_strsplit(name, " ", -1);
	GPtrArray *w = g_ptr_array_new();
	GString *s;
	guint i, last;

	for (i = 0; v[i] != NULL; i++)
		if (*v[i] != '\0')
			g_ptr_array_add(w, v[i]);
	if (strchr(name, ',') != NULL || w->len < 2)
		s = g_string_new(name);
	else if (article(g_ptr_array_index(w, 0))) {
		/* A body, not a person: "The Editors" under E. */
		s = g_string_new(NULL);
		for (i = 1; i < w->len; i++)
			g_string_append_printf(s, "%s%s", i > 1 ? " " : "",
			    (const char *)g_ptr_array_index(w, i));
		g_string_append_printf(s, ", %s",
		    (const char *)g_ptr_array_index(w, 0));
	} else {
		last = w->len > 2 && suffix(g_ptr_array_index(w, w->len - 1)) ?
		    w->len - 2 : w->len - 1;
		s = g_string_new(g_ptr_array_index(w, last));
		g_string_append_c(s, ',');
		for (i = 0; i < last; i++)
			g_string_append_printf(s, " %s",
			    (const char *)g_ptr_array_index(w, i));
		if (last + 1 < w->len)
			g_string_append_printf(s, ", %s",
			    (const char *)g_ptr_array_index(w, last + 1));
	}
	g_ptr_array_free(w, TRUE);
	g_strfreev(v);
	return g_string_free(s, FALSE);
}
