/*
 * index.c — the index of names as an EPUB Indexes document: headings
 * grouped by initial letter in the order the index stage collated them,
 * each locator a link to the mark where the name occurs (named by its
 * print page when there is a page map, else by chapter and paragraph),
 * and "see" and "see also" links to other headings.
 */
#include "epub/book.h"
#include "epub/escape.h"
#include "epub/semantics.h"
#include "epub/xhtml.h"
#include "out/indexing.h"
#include "out/words.h"

/*
 * The heading's locators, each a link to its anchor in the text (see
 * anchors.h), with the markers of the index's print pages that begin
 * among them.
 */
static void
locators(GString *out, struct book *b, const struct index_entry *ie)
{
	const GArray *locs = anchors_locators(&b->anchors, ie);
	GString *text = g_string_new(NULL);
	guint i;

	for (i = 0; i < locs->len; i++) {
		const struct locator *l = &g_array_index(locs, struct locator,
		    i);

		g_string_append(out, ", ");
		/* A page that begins at "12n" after "12" gets its marker
		 * before "12": the e-book cannot tell the two apart. */
		pagemarks_entry(&b->marks, out, ie, l->page, BOOK_INDEX);
		g_string_append_printf(out, "<a epub:type=\"index-locator\" "
		    "href=\"%s#ix-%d\">", book_file(b, l->mark->chapter),
		    anchors_number(&b->anchors, l->mark));
		g_string_truncate(text, 0);
		anchors_locator_text(&b->anchors, l, text);
		xml_escape(out, text->str);
		g_string_append(out, "</a>");
	}
	g_string_free(text, TRUE);
	pagemarks_entry(&b->marks, out, ie, G_MAXINT, BOOK_INDEX);
}

/*
 * A reference: "See" or "See also" opens a sentence after the heading or
 * its locators.
 */
static void
xref(GString *out, const char *type, enum word w,
    const struct index_entry *from, const struct index_entry *to, int first)
{
	if (first)
		g_string_append_printf(out, "%s<span epub:type=\"%s\">%s ",
		    index_see_after(from, from->marks->len > 0), type,
		    word(w));
	else
		g_string_append(out, "; ");
	g_string_append_printf(out, "<a epub:type=\"index-term\" "
	    "href=\"#ixe-%d\">", to->id);
	xml_escape(out, to->heading);
	g_string_append(out, "</a>");
}

static void
entry(GString *out, struct book *b, const struct index_entry *ie)
{
	int first = 1;
	guint i;

	g_string_append_printf(out, "<li epub:type=\"index-entry\" "
	    "id=\"ixe-%d\">", ie->id);
	pagemarks_entry(&b->marks, out, ie, 0, BOOK_INDEX);
	g_string_append(out, "<span epub:type=\"index-term\">");
	xml_escape(out, ie->heading);
	g_string_append(out, "</span>");
	if (ie->gloss != NULL) {
		g_string_append(out, " <span class=\"gloss\">");
		xml_escape(out, ie->gloss);
		g_string_append(out, "</span>");
	}
	locators(out, b, ie);
	if (ie->see != NULL) {
		xref(out, "index-xref-preferred", WORD_SEE, ie, ie->see, 1);
		g_string_append(out, "</span>");
	}
	for (i = 0; i < ie->see_also->len; i++) {
		const struct index_entry *to = g_ptr_array_index(ie->see_also,
		    i);

		if (index_entry_printed(to)) {
			xref(out, "index-xref-related", WORD_SEE_ALSO, ie, to,
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
index_document(struct book *b)
{
	const GPtrArray *index = b->edition->index;
	GString *out = g_string_new(NULL);
	gunichar group = 0;
	char utf8[8];
	guint i;

	/*
	 * The index is a section, which can take the role a body cannot;
	 * its title, before it, opens the page like a chapter's (epubcheck
	 * wants the body typed as the index if the index is all it holds).
	 */
	xhtml_begin(out, b->edition->language, word(WORD_INDEX), "backmatter");
	g_string_append_printf(out, "<header>\n<h1 id=\"index-title\">%s"
	    "</h1>\n</header>\n<section id=\"index\"", word(WORD_INDEX));
	semantics_class(out, "index");
	g_string_append(out, " aria-labelledby=\"index-title\">\n");
	for (i = 0; i < index->len; i++) {
		const struct index_entry *ie = g_ptr_array_index(index, i);

		if (!index_entry_printed(ie))
			continue;
		if (index_letter(ie) != group) {
			if (group != 0)
				g_string_append(out, "</ul>\n</section>\n");
			group = index_letter(ie);
			utf8[g_unichar_to_utf8(group, utf8)] = '\0';
			g_string_append(out, "<section");
			semantics_class(out, "index-group");
			g_string_append_printf(out, ">\n<h2>%s</h2>\n<ul "
			    "epub:type=\"index-entry-list\">\n", utf8);
		}
		entry(out, b, ie);
	}
	if (group != 0)
		g_string_append(out, "</ul>\n</section>\n");
	g_string_append(out, "</section>\n");
	xhtml_end(out);
	return out;
}
