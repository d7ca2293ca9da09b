/*
 * titlepage.c — the pages that open the book: the cover (its image,
 * with the words it shows as alt text) and the title page (title,
 * subtitle, editors, and the authors of the chapters).
 */
#include "epub/book.h"
#include "epub/cover.h"
#include "epub/escape.h"
#include "epub/xhtml.h"

GString *
cover_page(const struct book *b)
{
	GString *out = g_string_new(NULL);
	char *alt = cover_alt(b);

	xhtml_begin(out, b->edition->language, "Cover", "frontmatter");
	g_string_append(out, "<section id=\"cover\" epub:type=\"cover\">\n"
	    "<img src=\"" BOOK_COVER_PNG "\" alt=\"");
	xml_escape(out, alt);
	g_string_append(out, "\"/>\n</section>\n");
	xhtml_end(out);
	g_free(alt);
	return out;
}

GString *
titlepage(const struct book *b)
{
	const struct edition *e = b->edition;
	GString *out = g_string_new(NULL);
	char *editors = book_names(b->editors);
	char *authors = book_names(b->authors);

	xhtml_begin(out, e->language, "Title Page", "frontmatter");
	g_string_append(out, "<section id=\"titlepage\" "
	    "epub:type=\"titlepage\">\n");
	g_string_append(out, b->prelim_marks[PRELIM_TITLE]->str);
	g_string_append(out, "<h1>");
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
