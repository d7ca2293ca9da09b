/*
 * cite.c — citations of the texts' first publications and of the
 * edition, built from their metadata, for every output: the chapter
 * openings, the imprint, the EPUB's package.
 */
#include <string.h>

#include "out/cite.h"
#include "out/titles.h"
#include "out/words.h"

/* Whether s holds the last four-digit run of date (its year). */
static int
has_year(const char *s, const char *date)
{
	const char *p;
	char year[5];

	for (p = date + strlen(date); p - date >= 4; p--)
		if (g_ascii_isdigit(p[-1]) && g_ascii_isdigit(p[-2]) &&
		    g_ascii_isdigit(p[-3]) && g_ascii_isdigit(p[-4])) {
			memcpy(year, p - 4, 4);
			year[4] = '\0';
			return strstr(s, year) != NULL;
		}
	return 0;
}

char *
cite_source(const struct meta *m)
{
	if (m->source == NULL)
		return m->published != NULL ?
		    g_strdup_printf("First published %s", m->published) : NULL;
	if (m->published == NULL || has_year(m->source, m->published))
		return g_strdup(m->source);
	return g_strdup_printf("%s, %s", m->source, m->published);
}

char *
cite_published(const struct edition *e)
{
	if (e->publisher != NULL && e->date != NULL)
		return g_strdup_printf("%s %s, %s.", word(WORD_PUBLISHED_BY),
		    e->publisher, e->date);
	if (e->publisher != NULL)
		return g_strdup_printf("%s %s.", word(WORD_PUBLISHED_BY),
		    e->publisher);
	if (e->date != NULL)
		return g_strdup_printf("%s %s.", word(WORD_PUBLISHED), e->date);
	return NULL;
}

char *
cite_isbn(const struct edition *e)
{
	const char *id = e->identifier;

	if (id == NULL || g_ascii_strncasecmp(id, "urn:isbn:", 9) != 0 ||
	    id[9] == '\0')
		return NULL;
	return g_strdup_printf("%s %s", word(WORD_ISBN), id + 9);
}

/* Appends s and a full stop, unless s ends in one. */
static void
sentence(GString *out, const char *s)
{
	g_string_append_printf(out, " %s%s", s, g_str_has_suffix(s, ".") ?
	    "" : ".");
}

/* “Title,” by Author. Source. Translated by X. Credits. */
static char *
entry(const char *title, const char *author, const struct meta *m)
{
	GString *s = g_string_new("\xe2\x80\x9c");	/* “ */
	char *src = cite_source(m);
	const char *t;

	/* Quotation marks in the title turn single inside the double. */
	for (t = title; *t != '\0'; t = g_utf8_next_char(t)) {
		gunichar ch = g_utf8_get_char(t);

		g_string_append_unichar(s, ch == 0x201C ? 0x2018 :
		    ch == 0x201D ? 0x2019 : ch);
	}
	if (author != NULL)
		g_string_append_printf(s, ",\xe2\x80\x9d by %s.", author);
	else
		g_string_append(s, ".\xe2\x80\x9d");
	if (src != NULL)
		sentence(s, src);
	if (m->translator != NULL && (m->credits == NULL ||
	    strstr(m->credits, "ranslated by") == NULL))
		g_string_append_printf(s, " %s %s.", word(WORD_TRANSLATED_BY),
		    m->translator);
	if (m->credits != NULL)
		sentence(s, m->credits);
	g_free(src);
	g_strdelimit(s->str, "\n", ' ');
	return g_string_free(s, FALSE);
}

static void
cited_free(struct cited *c)
{
	g_free(c->entry);
	g_free(c);
}

/* Adds a source of chapter c, worded entry (which it takes). */
static void
add(GPtrArray *out, const struct chapter *c, char *entry)
{
	struct cited *ct = g_new(struct cited, 1);

	ct->chapter = c;
	ct->entry = entry;
	ct->published = c->meta.source != NULL || c->meta.published != NULL;
	g_ptr_array_add(out, ct);
}

/* Whether every chapter comes from one source file, and there are two. */
static int
one_source(const struct edition *e)
{
	const struct chapter *first;
	guint i;

	if (e->chapters->len < 2)
		return 0;
	first = g_ptr_array_index(e->chapters, 0);
	for (i = 1; i < e->chapters->len; i++)
		if (first->path == NULL || g_strcmp0(first->path,
		    ((const struct chapter *)g_ptr_array_index(e->chapters,
		    i))->path) != 0)
			return 0;
	return 1;
}

GPtrArray *
cite_sources(const struct edition *e, const struct credits *cr)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)cited_free);
	const struct chapter *c;
	guint i;

	if (one_source(e)) {
		/* The book is the text: cited by its first chapter's source. */
		c = g_ptr_array_index(e->chapters, 0);
		if (c->meta.source != NULL || c->meta.published != NULL ||
		    c->meta.translator != NULL || c->meta.credits != NULL) {
			char *by = credits_join(credits_by(cr));

			add(out, c, entry(e->meta.title != NULL ?
			    e->meta.title : title_of(c), by, &c->meta));
			g_free(by);
		}
		return out;
	}
	for (i = 0; i < e->chapters->len; i++) {
		c = g_ptr_array_index(e->chapters, i);
		if (credits_anthology(cr) || c->meta.source != NULL ||
		    c->meta.published != NULL)
			add(out, c, entry(title_of(c), c->meta.author,
			    &c->meta));
	}
	return out;
}
