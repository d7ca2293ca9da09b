/*
 * opf.c — the package document: metadata (Dublin Core, roles,
 * accessibility), the manifest of every file, and the reading order.
 */
#include "epub/book.h"
#include "epub/escape.h"

#define XHTML_TYPE	"application/xhtml+xml"

static const char summary[] =
    "Chapters and their sections are marked with headings and listed "
    "in a table of contents; note references link to their notes and "
    "back.  The publication is text only, with no images.";

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

/* Creators or contributors, each with a MARC relator role; *n numbers ids. */
static void
agents(GString *out, const char *element, const GPtrArray *names,
    const char *role, int *n)
{
	char *id;
	guint i;

	for (i = 0; i < names->len; i++) {
		id = g_strdup_printf("%s-%d", element, ++*n);
		dc(out, element, id, g_ptr_array_index(names, i));
		meta(out, "role", id, "marc:relators", role);
		g_free(id);
	}
}

static void
metadata(GString *out, const struct book *b)
{
	const struct edition *e = b->edition;
	const struct part *p;
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
	agents(out, "creator", b->editors, "edt", &agent);
	agents(out, "creator", b->authors, "aut", &agent);
	agents(out, "contributor", b->translators, "trl", &agent);
	dc(out, "date", NULL, e->date);
	dc(out, "rights", NULL, e->rights);
	dc(out, "description", NULL, e->description);
	for (i = 0; i < b->parts->len; i++) {
		p = g_ptr_array_index(b->parts, i);
		dc(out, "source", NULL, p->chapter->meta.source);
	}
	meta(out, "dcterms:modified", NULL, NULL, b->modified);
	meta(out, "schema:accessMode", NULL, NULL, "textual");
	meta(out, "schema:accessModeSufficient", NULL, NULL, "textual");
	meta(out, "schema:accessibilityFeature", NULL, NULL, "tableOfContents");
	meta(out, "schema:accessibilityFeature", NULL, NULL, "readingOrder");
	meta(out, "schema:accessibilityFeature", NULL, NULL,
	    "structuralNavigation");
	if (b->has_index)
		meta(out, "schema:accessibilityFeature", NULL, NULL, "index");
	meta(out, "schema:accessibilityHazard", NULL, NULL, "none");
	meta(out, "schema:accessibilitySummary", NULL, NULL, summary);
	g_string_append(out, "</metadata>\n");
}

static void
item(GString *out, const char *id, const char *href, const char *type,
    const char *properties)
{
	g_string_append_printf(out, "<item id=\"%s\" href=\"%s\" "
	    "media-type=\"%s\"", id, href, type);
	if (properties != NULL)
		g_string_append_printf(out, " properties=\"%s\"", properties);
	g_string_append(out, "/>\n");
}

GString *
opf_package(const struct book *b)
{
	GString *out = g_string_new(NULL);
	const struct part *p;
	guint i;

	g_string_append(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
	    "unique-identifier=\"uid\" xml:lang=\"");
	xml_escape(out, b->edition->language);
	g_string_append(out, "\">\n");
	metadata(out, b);
	g_string_append(out, "<manifest>\n");
	item(out, "css", BOOK_CSS, "text/css", NULL);
	item(out, "nav", BOOK_NAV, XHTML_TYPE, "nav");
	item(out, "ncx", BOOK_NCX, "application/x-dtbncx+xml", NULL);
	item(out, "titlepage", BOOK_TITLEPAGE, XHTML_TYPE, NULL);
	for (i = 0; i < b->parts->len; i++) {
		p = g_ptr_array_index(b->parts, i);
		item(out, p->id, p->file, XHTML_TYPE, NULL);
	}
	if (b->has_index)
		item(out, "index", BOOK_INDEX, XHTML_TYPE, "index");
	g_string_append(out, "</manifest>\n<spine toc=\"ncx\">\n"
	    "<itemref idref=\"titlepage\"/>\n<itemref idref=\"nav\"/>\n");
	for (i = 0; i < b->parts->len; i++) {
		p = g_ptr_array_index(b->parts, i);
		g_string_append_printf(out, "<itemref idref=\"%s\"/>\n", p->id);
	}
	if (b->has_index)
		g_string_append(out, "<itemref idref=\"index\"/>\n");
	g_string_append(out, "</spine>\n</package>\n");
	return out;
}
