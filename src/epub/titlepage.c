/*
 * titlepage.c — the title page: the edition's title and subtitle, its
 * editors, and the authors of its chapters.
 */
#include "epub/book.h"
#include "epub/escape.h"
#include "epub/xhtml.h"

/* "A", "A and B", "A, B and C"; NULL for no names. */
static char *
join_names(const GPtrArray *names)
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

GString *
titlepage(const struct book *b)
{
	const struct edition *e = b->edition;
	GString *out = g_string_new(NULL);
	char *editors = join_names(b->editors);
	char *authors = join_names(b->authors);

	xhtml_begin(out, e->language, "Title Page", "frontmatter");
	g_string_append(out, "<section id=\"titlepage\" "
	    "epub:type=\"titlepage\">\n<h1>");
	xml_escape(out, e->meta.title);
	g_string_append(out, "</h1>\n");
	xhtml_para(out, "subtitle", "", e->meta.subtitle);
	xhtml_para(out, "editors", "Edited by ", editors);
	xhtml_para(out, "authors", "With texts by ", authors);
	g_string_append(out, "</section>\n");
	xhtml_end(out);
	g_free(editors);
	g_free(authors);
	return out;
}
