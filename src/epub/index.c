/*
 * index.c — the index of names as an EPUB Indexes document: headings
 * grouped by initial letter in the order the index stage collated them,
 * each locator a link to the mark where the name occurs, and "see" and
 * "see also" links to other headings.
 */
#include "epub/book.h"
#include "epub/escape.h"
#include "epub/xhtml.h"

/* The file that holds a chapter's text and notes, and so its marks. */
static const char *
file_of(const struct book *b, const struct chapter *c)
{
	guint i;

	for (i = 0; i < b->parts->len; i++) {
		const struct part *p = g_ptr_array_index(b->parts, i);

		if (p->chapter == c)
			return p->file;
	}
	g_assert_not_reached();
	return NULL;
}

/* The letter a heading is filed under: its sort key's first, unaccented. */
static gunichar
letter(const char *sort)
{
	gunichar c = g_utf8_get_char(sort), base[4];

	if (c == 0xD8 || c == 0xF8)	/* Ø, which does not decompose */
		return 'O';
	if (g_unichar_fully_decompose(c, FALSE, base, G_N_ELEMENTS(base)) > 0)
		c = base[0];
	return g_unichar_isalpha(c) ? g_unichar_toupper(c) : '#';
}

/* One link per place: "chimes ¶3", "chimes n. 12"; later a page number. */
static void
locators(GString *out, const struct book *b, const struct index_entry *ie)
{
	guint i;

	for (i = 0; i < ie->marks->len; i++) {
		const struct index_mark *m = g_ptr_array_index(ie->marks, i);

		if (i > 0 && index_mark_same_place(g_ptr_array_index(ie->marks,
		    i - 1), m))
			continue;
		g_string_append_printf(out, ", <a epub:type=\"index-locator\" "
		    "href=\"%s#ix-%d\">", file_of(b, m->chapter), m->id);
		xml_escape(out, m->chapter->id);
		if (m->note != NULL) {
			g_string_append(out, " n.\xc2\xa0");
			xml_escape(out, m->note->mark);
		} else
			g_string_append_printf(out, " \xc2\xb6\xc2\xa0%d",
			    m->para);
		g_string_append(out, "</a>");
	}
}

/*
 * A reference: "See" or "See also" opens a sentence after the heading or
 * its locators (after a heading's own full stop, "Gurov, G. See…").
 */
static void
xref(GString *out, const char *type, const char *words,
    const struct index_entry *from, const struct index_entry *to, int first)
{
	int stop = from->gloss == NULL && from->marks->len == 0 &&
	    g_str_has_suffix(from->heading, ".");

	if (first)
		g_string_append_printf(out, "%s<span epub:type=\"%s\">%s ",
		    stop ? " " : ". ", type, words);
	else
		g_string_append(out, "; ");
	g_string_append_printf(out, "<a epub:type=\"index-term\" "
	    "href=\"#ixe-%d\">", to->id);
	xml_escape(out, to->heading);
	g_string_append(out, "</a>");
}

static void
entry(GString *out, const struct book *b, const struct index_entry *ie)
{
	int first = 1;
	guint i;

	g_string_append_printf(out, "<li epub:type=\"index-entry\" "
	    "id=\"ixe-%d\"><span epub:type=\"index-term\">", ie->id);
	xml_escape(out, ie->heading);
	g_string_append(out, "</span>");
	if (ie->gloss != NULL) {
		g_string_append(out, " <span class=\"gloss\">");
		xml_escape(out, ie->gloss);
		g_string_append(out, "</span>");
	}
	locators(out, b, ie);
	if (ie->see != NULL) {
		xref(out, "index-xref-preferred", "See", ie, ie->see, 1);
		g_string_append(out, "</span>");
	}
	for (i = 0; i < ie->see_also->len; i++) {
		const struct index_entry *to = g_ptr_array_index(ie->see_also,
		    i);

		if (index_entry_printed(to)) {
			xref(out, "index-xref-related", "See also", ie, to,
			    first);
			first = 0;
		}
	}
	if (!first)
		g_string_append(out, "</span>");
	for (i = 0; i < ie->subs->len; i++) {
		const struct index_entry *sub = g_ptr_array_index(ie->subs, i);

		if (!index_entry_printed(sub))
			continue;
		if (first >= 0)
			g_string_append(out, "\n<ul epub:type=\""
			    "index-entry-list\">\n");
		first = -1;
		entry(out, b, sub);
	}
	if (first < 0)
		g_string_append(out, "</ul>\n");
	g_string_append(out, "</li>\n");
}

GString *
index_document(const struct book *b)
{
	const GPtrArray *index = b->edition->index;
	GString *out = g_string_new(NULL);
	gunichar group = 0;
	char utf8[8];
	guint i;

	xhtml_begin(out, b->edition->language, BOOK_INDEX_TITLE, "index");
	g_string_append(out, "<h1>" BOOK_INDEX_TITLE "</h1>\n");
	for (i = 0; i < index->len; i++) {
		const struct index_entry *ie = g_ptr_array_index(index, i);

		if (!index_entry_printed(ie))
			continue;
		if (letter(ie->sort) != group) {
			if (group != 0)
				g_string_append(out, "</ul>\n</section>\n");
			group = letter(ie->sort);
			utf8[g_unichar_to_utf8(group, utf8)] = '\0';
			g_string_append_printf(out, "<section epub:type=\""
			    "index-group\">\n<h2>%s</h2>\n<ul epub:type=\""
			    "index-entry-list\">\n", utf8);
		}
		entry(out, b, ie);
	}
	if (group != 0)
		g_string_append(out, "</ul>\n</section>\n");
	xhtml_end(out);
	return out;
}
