/*
 * opf.c — the package document: metadata (Dublin Core, roles, sources,
 * accessibility, the source of the page numbers), the manifest of every
 * file, and the reading order.
 */
#include "epub/book.h"
#include "epub/escape.h"
#include "out/cite.h"

static const char summary[] =
    "Chapters and their sections are marked with headings and listed in "
    "a table of contents; note references link to their notes and back.";
static const char summary_pages[] =
    " The print edition\xe2\x80\x99s page numbers are marked in the text "
    "and listed in a page list.";
static const char summary_index[] =
    " An index of names links to every place a name occurs.";
static const char summary_cover[] =
    " The only image, the cover, has a text equivalent.";

/* <dc:name id="id">value</dc:name>, or nothing if value is NULL. */
static void
dc(GString *out, const char *name, const char *id, const char *value)
{
	if (value == NULL)
		return;
	g_string_append_printf(out, "<dc:%s", name);
	if (id != NULL)
		g_string_append_printf(out, " id=\"%s\"", id);
	g_string_append_c(out, '>');
	xml_escape(out, value);
	g_string_append_printf(out, "</dc:%s>\n", name);
}

/* A meta element; refines (an id) and scheme may be NULL. */
static void
meta(GString *out, const char *property, const char *refines,
    const char *scheme, const char *value)
{
	g_string_append_printf(out, "<meta property=\"%s\"", property);
	if (refines != NULL)
		g_string_append_printf(out, " refines=\"#%s\"", refines);
	if (scheme != NULL)
		g_string_append_printf(out, " scheme=\"%s\"", scheme);
	g_string_append_c(out, '>');
	xml_escape(out, value);
	g_string_append(out, "</meta>\n");
}

/*
 * Creators or contributors, each with the form a catalogue files the
 * name under and a MARC relator role; *n numbers ids.
 */
static void
agents(GString *out, const char *element, const GPtrArray *names,
    const char *role, int *n)
{
	char *id, *sort;
	guint i;

	for (i = 0; i < names->len; i++) {
		id = g_strdup_printf("%s-%d", element, ++*n);
		dc(out, element, id, g_ptr_array_index(names, i));
		sort = credits_file_as(g_ptr_array_index(names, i));
		meta(out, "file-as", id, NULL, sort);
		g_free(sort);
		meta(out, "role", id, "marc:relators", role);
		g_free(id);
	}
}

/* One accessibility feature (schema.org's accessibilityFeature). */
static void
feature(GString *out, const char *value)
{
	meta(out, "schema:accessibilityFeature", NULL, NULL, value);
}

/*
 * What a reader's assistive technology needs to know before opening,
 * and the standard the book meets: every page octavo writes is made to
 * EPUB Accessibility 1.1 at WCAG 2.1 AA, which 'make check' holds the
 * sample edition and a corpus book to with DAISY Ace.
 */
static void
accessibility(GString *out, const struct book *b)
{
	GString *sum = g_string_new(summary);

	meta(out, "dcterms:conformsTo", NULL, NULL,
	    "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
	meta(out, "schema:accessMode", NULL, NULL, "textual");
	if (b->has_cover)
		meta(out, "schema:accessMode", NULL, NULL, "visual");
	meta(out, "schema:accessModeSufficient", NULL, NULL, "textual");
	feature(out, "tableOfContents");
	feature(out, "readingOrder");
	feature(out, "structuralNavigation");
	if (b->has_index) {
		feature(out, "index");
		g_string_append(sum, summary_index);
	}
	if (b->pages > 0) {
		feature(out, "printPageNumbers");
		feature(out, "pageBreakMarkers");
		feature(out, "pageNavigation");
		g_string_append(sum, summary_pages);
	}
	if (b->has_cover) {
		feature(out, "alternativeText");
		g_string_append(sum, summary_cover);
	}
	meta(out, "schema:accessibilityHazard", NULL, NULL, "none");
	meta(out, "schema:accessibilitySummary", NULL, NULL, sum->str);
	g_string_free(sum, TRUE);
}

/*
 * Where the page numbers come from: the print edition, as a dc:source
 * refined by source-of "pagination" (EPUB 3.2's form; epubcheck 4.2
 * knows no pageBreakSource).
 */
static void
pagination(GString *out, const struct book *b)
{
	const struct edition *e = b->edition;
	char *print;

	if (b->pages == 0)
		return;
	print = e->date != NULL ? g_strdup_printf("%s, print edition (%s)",
	    e->meta.title, e->date) : g_strdup_printf("%s, print edition",
	    e->meta.title);
	dc(out, "source", "pagination", print);
	meta(out, "source-of", "pagination", NULL, "pagination");
	g_free(print);
}

static void
metadata(GString *out, const struct book *b)
{
	const struct edition *e = b->edition;
	const struct credits *cr = &b->credits;
	int agent = 0;
	guint i;

	g_string_append(out,
	    "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
	dc(out, "identifier", "uid", e->identifier);
	dc(out, "title", "title", e->meta.title);
	meta(out, "title-type", "title", NULL, "main");
	if (e->meta.subtitle != NULL) {
		dc(out, "title", "subtitle", e->meta.subtitle);
		meta(out, "title-type", "subtitle", NULL, "subtitle");
	}
	dc(out, "language", NULL, e->language);
	/* The book's authors first: a reading system shows the first. */
	agents(out, "creator", cr->authors, "aut", &agent);
	/* Editors make an anthology; they only help an author's book. */
	agents(out, cr->authors->len > 0 ? "contributor" : "creator",
	    cr->editors, "edt", &agent);
	agents(out, "creator", cr->contributors, "aut", &agent);
	agents(out, "contributor", cr->translators, "trl", &agent);
	dc(out, "publisher", NULL, e->publisher);
	dc(out, "date", NULL, e->date);
	dc(out, "rights", NULL, e->rights);
	dc(out, "description", NULL, e->description);
	for (i = 0; i < b->sources->len; i++) {
		const struct cited *ct = g_ptr_array_index(b->sources, i);

		if (ct->published)
			dc(out, "source", NULL, ct->entry);
	}
	pagination(out, b);
	meta(out, "dcterms:modified", NULL, NULL, b->modified);
	accessibility(out, b);
	if (b->has_cover)
		g_string_append(out, "<meta name=\"cover\" "
		    "content=\"cover-image\"/>\n");
	g_string_append(out, "</metadata>\n");
}

/* The manifest (every item) and the spine (the pages, in order). */
static void
items(GString *out, const struct book *b)
{
	const struct item *it;
	guint i;

	g_string_append(out, "<manifest>\n");
	for (i = 0; i < b->items->len; i++) {
		it = g_ptr_array_index(b->items, i);
		g_string_append_printf(out, "<item id=\"%s\" href=\"%s\" "
		    "media-type=\"%s\"", it->id, it->href, it->type);
		if (it->properties != NULL)
			g_string_append_printf(out, " properties=\"%s\"",
			    it->properties);
		g_string_append(out, "/>\n");
	}
	g_string_append(out, "</manifest>\n<spine toc=\"ncx\">\n");
	for (i = 0; i < b->items->len; i++) {
		it = g_ptr_array_index(b->items, i);
		if (it->spine)
			g_string_append_printf(out,
			    "<itemref idref=\"%s\"/>\n", it->id);
	}
	g_string_append(out, "</spine>\n");
}

GString *
opf_package(const struct book *b)
{
	GString *out = g_string_new(NULL);

	g_string_append(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
	    "unique-identifier=\"uid\" xml:lang=\"");
	xml_escape(out, b->edition->language);
	g_string_append(out, "\">\n");
	metadata(out, b);
	items(out, b);
	g_string_append(out, "</package>\n");
	return out;
}
