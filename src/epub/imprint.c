/*
 * imprint.c — the imprint, after the title page: the rights, who
 * published the edition and when (and its ISBN, if it has one), the
 * source of each of its texts, and a colophon saying how the e-book was
 * made.
 */
#include "epub/book.h"
#include "epub/escape.h"
#include "epub/fonts.h"
#include "epub/semantics.h"
#include "epub/xhtml.h"
#include "out/cite.h"
#include "out/words.h"

/* The texts' first publications, as out/cite.c chooses them. */
static void
sources_section(GString *out, const struct book *b)
{
	guint i;

	if (b->sources->len == 0)
		return;
	g_string_append_printf(out, "<section id=\"sources\" "
	    "aria-labelledby=\"sources-title\">\n"
	    "<h2 id=\"sources-title\">%s</h2>\n", word(WORD_SOURCES));
	for (i = 0; i < b->sources->len; i++) {
		const struct cited *ct = g_ptr_array_index(b->sources, i);

		g_string_append_printf(out, "<p class=\"entry\">"
		    "<a href=\"%s\">", book_file(b, ct->chapter));
		xml_escape(out, ct->entry);
		g_string_append(out, "</a></p>\n");
	}
	g_string_append(out, "</section>\n");
}

/* What made the book, what it carries from print, and when. */
static void
colophon_section(GString *out, const struct book *b)
{
	g_string_append(out, "<section id=\"colophon\"");
	semantics_class(out, "colophon");
	g_string_append_printf(out, " aria-labelledby=\"colophon-title\">\n"
	    "<h2 id=\"colophon-title\">%s</h2>\n<p>This e-book",
	    word(WORD_COLOPHON));
	if (b->has_cover)
		g_string_append(out, " and its cover");
	g_string_append(out, " were made by octavo from the manuscript that "
	    "also makes the print edition.");
	if (b->pages > 0)
		g_string_append(out, " The print edition\xe2\x80\x99s page "
		    "numbers are marked in the text and listed in the "
		    "navigation, so that the e-book can be cited by page.");
	if (b->has_fonts)
		g_string_append(out, " It is set in the print edition\xe2\x80\x99s "
		    "face, " FONTS_CREDIT ".");
	else
		g_string_append(out, " Its type and hyphenation are the "
		    "reader\xe2\x80\x99s own choice.");
	g_string_append_printf(out, " Made %.10s.</p>\n</section>\n",
	    b->modified);
}

GString *
imprint_page(const struct book *b)
{
	const struct edition *e = b->edition;
	GString *out = g_string_new(NULL);
	char *published = cite_published(e), *isbn = cite_isbn(e);

	xhtml_begin(out, e->language, word(WORD_IMPRINT), "frontmatter");
	g_string_append(out, "<section id=\"imprint\"");
	semantics_class(out, "imprint");
	g_string_append(out, " aria-labelledby=\"imprint-title\">\n");
	g_string_append(out, b->prelim_marks[PRELIM_IMPRINT]->str);
	g_string_append_printf(out, "<h1 id=\"imprint-title\">%s</h1>\n",
	    word(WORD_IMPRINT));
	xhtml_para(out, "rights", e->rights);
	xhtml_para(out, "date", published);
	xhtml_para(out, "identifier", isbn);
	sources_section(out, b);
	colophon_section(out, b);
	g_string_append(out, "</section>\n");
	xhtml_end(out);
	g_free(published);
	g_free(isbn);
	return out;
}
