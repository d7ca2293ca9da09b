/*
 * cite.c — citations of the chapters' first publications, built from
 * their metadata, for both outputs: the chapter openings, the sources in
 * the imprint, the EPUB's package.
 */
#include <string.h>

#include "out/cite.h"

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

/* Appends s and a full stop, unless s ends in one. */
static void
sentence(GString *out, const char *s)
{
	g_string_append_printf(out, " %s%s", s, g_str_has_suffix(s, ".") ?
	    "" : ".");
}

char *
cite_entry(const struct chapter *c)
{
	const struct meta *m = &c->meta;
	GString *s = g_string_new("\xe2\x80\x9c");	/* “ */
	char *src = cite_source(m);
	const char *t;

	/* Quotation marks in the title turn single inside the double. */
	for (t = c->meta.title != NULL ? c->meta.title : c->id; *t != '\0'; t = g_utf8_next_char(t)) {
		gunichar ch = g_utf8_get_char(t);

		g_string_append_unichar(s, ch == 0x201C ? 0x2018 :
		    ch == 0x201D ? 0x2019 : ch);
	}
	if (m->author != NULL)
		g_string_append_printf(s, ",\xe2\x80\x9d by %s.", m->author);
	else
		g_string_append(s, ".\xe2\x80\x9d");
	if (src != NULL)
		sentence(s, src);
	if (m->translator != NULL && (m->credits == NULL ||
	    strstr(m->credits, "ranslated by") == NULL))
		g_string_append_printf(s, " Translated by %s.", m->translator);
	if (m->credits != NULL)
		sentence(s, m->credits);
	g_free(src);
	g_strdelimit(s->str, "\n", ' ');
	return g_string_free(s, FALSE);
}
