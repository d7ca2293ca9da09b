/*
 * titlepage.c — the pages that open the book: the cover (its image,
 * with the words it shows as alt text) and the title page (title,
 * subtitle, the book's authors, its editors, and the authors of the
 * chapters, if they are others).
 */
#include "epub/book.h"
#include "epub/cover.h"
#include "epub/escape.h"
#include "epub/semantics.h"
#include "epub/xhtml.h"
#include "out/words.h"

GString *
cover_page(const struct book *b)
{
	GString *out = g_string_new(NULL);
	char *alt = cover_alt(b);

	xhtml_begin(out, b->edition->language, word(WORD_COVER),
	    "frontmatter");
	g_string_append(out, "<section id=\"cover\"");
	semantics_class(out, "cover");
	g_string_append(out, ">\n<img src=\"" BOOK_COVER_PNG "\" alt=\"");
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
	const struct credits *cr = &b->credits;
	GString *out = g_string_new(NULL);
	char *authors = credits_join(cr->authors);
	char *translators = credits_line(WORD_TRANSLATED_BY,
	    cr->book_translators);
	char *editors = credits_line(WORD_EDITED_BY, cr->editors);
	char *texts = credits_line(WORD_TEXTS_BY, cr->contributors);

	xhtml_begin(out, e->language, word(WORD_TITLE_PAGE), "frontmatter");
	g_string_append(out, "<section id=\"titlepage\"");
	semantics_class(out, "titlepage");
	g_string_append(out, ">\n");
	g_string_append(out, b->prelim_marks[PRELIM_TITLE]->str);
	g_string_append(out, "<h1>");
	xml_escape(out, e->meta.title);
	g_string_append(out, "</h1>\n");
	xhtml_para(out, "subtitle", e->meta.subtitle);
	xhtml_para(out, "author", authors);
	xhtml_para(out, "translator", translators);
	xhtml_para(out, "editors", editors);
	xhtml_para(out, "authors", texts);
	g_string_append(out, "</section>\n");
	xhtml_end(out);
	g_free(authors);
	g_free(translators);
	g_free(editors);
	g_free(texts);
	return out;
}
