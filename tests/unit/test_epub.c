/*
 * test_epub.c — the EPUB back end: editions built by hand are written
 * to a temporary directory, then read back with libzip and checked:
 * container layout, package metadata, escaping, markup, navigation,
 * notes, the print pages (markers, page list, index locators), the
 * cover and the front matter, reproducibility and failures; and one
 * sample with everything goes through epubcheck.
 */
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <zip.h>

#include "diag.h"
#include "epub/epub.h"
#include "epub/escape.h"
#include "fixture.h"
#include "model.h"
#include "out/pages.h"
#include "suites.h"

#define EPOCH		"1700000000"	/* 2023-11-14T22:13:20Z */
#define IDENTIFIER	"urn:uuid:0b1c6f0e-6a53-4c4b-9d42-0f3b7f2ad001"
#define COVER_STYLE	"../../styles/cover.ini"	/* from tests/unit */
#define EPUBCHECK	"/usr/share/java/epubcheck.jar"
#define SHY		"\xc2\xad"			/* U+00AD */
/* The marker of print page N. */
#define PB(n)		"<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" " \
			"id=\"page-" n "\" aria-label=\"" n "\"/>"

static struct srcpos here = { "test", 1, 1 };
static char *tmpdir;		/* each test's own, made by setup */
static char *css;		/* a stylesheet in it */
static int embed_fonts;		/* the next write embeds the print face */

static void
setup(void)
{
	tmpdir = g_dir_make_tmp("octavo-epub-XXXXXX", NULL);
	ck_assert_ptr_nonnull(tmpdir);
	css = g_build_filename(tmpdir, "epub.css", NULL);
	ck_assert(g_file_set_contents(css, "p { margin: 0; }\n", -1, NULL));
	g_setenv("SOURCE_DATE_EPOCH", EPOCH, TRUE);
	embed_fonts = 0;
}

static void
teardown(void)
{
	GDir *dir = g_dir_open(tmpdir, 0, NULL);
	const char *name;
	char *path;

	while ((name = g_dir_read_name(dir)) != NULL) {
		path = g_build_filename(tmpdir, name, NULL);
		g_unlink(path);
		g_free(path);
	}
	g_dir_close(dir);
	g_rmdir(tmpdir);
	g_free(tmpdir);
	g_free(css);
}

/* An edition with its required metadata and no chapters. */
static struct edition *
bare_edition(void)
{
	struct edition *e = edition_new();

	e->meta.title = g_strdup("Essays & Studies");
	e->meta.subtitle = g_strdup("Five Texts");
	e->editor = g_strdup("The Editors");
	e->language = g_strdup("en-US");
	e->identifier = g_strdup(IDENTIFIER);
	e->date = g_strdup("2026");
	e->rights = g_strdup("Reprinted for study.");
	e->description = g_strdup("Essays <on> history.");
	return e;
}

/* Two chapters, the first with some of every kind of node. */
static struct edition *
sample_edition(void)
{
	struct edition *e = bare_edition();
	struct chapter *c = fixture_chapter(e, "one", "The First");
	struct node *doc = c->doc, *p, *n;

	c->meta.subtitle = g_strdup("A Subtitle");
	c->meta.author = g_strdup("A. Writer and B. Writer");
	c->meta.published = g_strdup("January 1980");
	c->meta.source = g_strdup("Journal of Things 1 (1980)");
	fixture_para(doc, "a < b & c");
	fixture_heading(doc, 2, "Part One");
	p = fixture_para(doc, "plain ");
	fixture_text(fixture_node(p, NODE_EMPH), "em");
	fixture_text(fixture_node(p, NODE_STRONG), "strong");
	node_append(p, node_new_text(NODE_CODE, here, "x<y", -1));
	fixture_node(p, NODE_LINEBREAK);
	n = fixture_node(p, NODE_LINK);
	n->as.link.url = g_strdup("http://example.org/?a=1&b=2 c");
	fixture_text(n, "link");
	fixture_heading(doc, 3, "Detail");
	fixture_node(doc, NODE_BREAK);
	node_append(doc, node_new_text(NODE_CODEBLOCK, here, "if (a < b)\n", -1));

	c = fixture_chapter(e, "two", "The Second");
	c->meta.author = g_strdup("A. Writer");
	fixture_heading(c->doc, 2, "Only Section");
	fixture_para(c->doc, "text");
	return e;
}

/*
 * Writes e with the page map pm (or NULL) to tmpdir/name and returns the
 * path; the write must succeed with exactly warnings warnings.
 */
static char *
write_pages(const struct edition *e, const struct pagemap *pm,
    const char *name, int warnings)
{
	char *path = g_build_filename(tmpdir, name, NULL);
	struct diags d;
	struct epub_options o = { css, embed_fonts };

	diags_init(&d);
	ck_assert_int_eq(epub_write(e, &o, pm, path, &d), 0);
	ck_assert_int_eq(d.count[DIAG_ERROR], 0);
	ck_assert_int_eq(d.count[DIAG_WARNING], warnings);
	diags_release(&d);
	return path;
}

/* Writes e to tmpdir/name and returns the path; the write must succeed. */
static char *
write_ok(const struct edition *e, const char *name)
{
	return write_pages(e, NULL, name, 0);
}

/* Writes the edition, frees it, and returns one entry of the EPUB. */
static char *
render(struct edition *e, const char *name)
{
	char *path = write_ok(e, "book.epub");
	char *s = fixture_zip_entry(path, name);

	ck_assert_msg(s != NULL, "no %s in the EPUB", name);
	edition_free(e);
	g_free(path);
	return s;
}

#define assert_has(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) != NULL, \
	    "expected \"%s\" in:\n%s", (needle), (hay))
#define assert_lacks(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) == NULL, \
	    "unexpected \"%s\" in:\n%s", (needle), (hay))

static int
count(const char *hay, const char *needle)
{
	const char *end = hay + strlen(hay);
	int n = 0;

	/* g_strstr_len, not strstr: ASan's strstr measures the whole
	 * haystack on every call, which makes this loop quadratic. */
	while ((hay = g_strstr_len(hay, end - hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

/* The local file header: mimetype first, stored, no extra field. */
START_TEST(test_mimetype_first)
{
	struct edition *e = sample_edition();
	char *path = write_ok(e, "book.epub");
	char *bytes;
	gsize len;
	zip_t *za;
	zip_stat_t st;

	ck_assert(g_file_get_contents(path, &bytes, &len, NULL));
	ck_assert_uint_ge(len, 58);
	ck_assert_mem_eq(bytes, "PK\3\4", 4);
	ck_assert_int_eq(bytes[8] | bytes[9] << 8, 0);		/* stored */
	ck_assert_int_eq(bytes[26] | bytes[27] << 8, 8);	/* name length */
	ck_assert_int_eq(bytes[28] | bytes[29] << 8, 0);	/* extra length */
	ck_assert_mem_eq(bytes + 30, "mimetypeapplication/epub+zip", 28);
	za = zip_open(path, ZIP_RDONLY, NULL);
	ck_assert_str_eq(zip_get_name(za, 0, 0), "mimetype");
	ck_assert_int_eq(zip_stat_index(za, 0, 0, &st), 0);
	ck_assert_int_eq(st.comp_method, ZIP_CM_STORE);
	ck_assert_int_eq(zip_stat_index(za, 2, 0, &st), 0);
	ck_assert_int_eq(st.comp_method, ZIP_CM_DEFLATE);
	zip_discard(za);
	g_free(bytes);
	g_free(path);
	edition_free(e);
}
END_TEST

START_TEST(test_container)
{
	struct edition *e = sample_edition();
	char *path = write_ok(e, "book.epub");
	char *container = fixture_zip_entry(path, "META-INF/container.xml");
	char *opf = fixture_zip_entry(path, "OEBPS/content.opf");

	ck_assert_ptr_nonnull(container);
	assert_has(container, "full-path=\"OEBPS/content.opf\"");
	assert_has(container,
	    "media-type=\"application/oebps-package+xml\"");
	ck_assert_ptr_nonnull(opf);
	g_free(opf);
	g_free(container);
	g_free(path);
	edition_free(e);
}
END_TEST

START_TEST(test_opf_metadata)
{
	char *opf = render(sample_edition(), "OEBPS/content.opf");

	assert_has(opf, "unique-identifier=\"uid\"");
	assert_has(opf, "<dc:identifier id=\"uid\">" IDENTIFIER "</dc:identifier>");
	assert_has(opf, "<dc:language>en-US</dc:language>");
	assert_has(opf, "<dc:title id=\"title\">Essays &amp; Studies</dc:title>");
	assert_has(opf, "<dc:description>Essays &lt;on&gt; history.</dc:description>");
	assert_has(opf, "<meta property=\"dcterms:modified\">"
	    "2023-11-14T22:13:20Z</meta>");
	assert_has(opf, "<dc:date>2026</dc:date>");
	assert_has(opf, "<dc:source>\xe2\x80\x9cThe First,\xe2\x80\x9d by A. "
	    "Writer and B. Writer. Journal of Things 1 (1980).</dc:source>");
	ck_assert_int_eq(count(opf, "<dc:source"), 1);	/* two has none */
	assert_has(opf, "<meta property=\"schema:accessibilityHazard\">none</meta>");
	assert_has(opf, "<meta property=\"schema:accessMode\">textual</meta>");
	assert_has(opf, "<itemref idref=\"chapter-one\"/>\n"
	    "<itemref idref=\"chapter-two\"/>");
	assert_has(opf, "href=\"chapter-two.xhtml\"");
	g_free(opf);
}
END_TEST

/* Authors split at "and" and listed once each; the editor as editor. */
START_TEST(test_opf_creators)
{
	char *opf = render(sample_edition(), "OEBPS/content.opf");

	assert_has(opf, "<dc:creator id=\"creator-1\">The Editors</dc:creator>\n"
	    "<meta property=\"role\" refines=\"#creator-1\" "
	    "scheme=\"marc:relators\">edt</meta>");
	assert_has(opf, "<dc:creator id=\"creator-2\">A. Writer</dc:creator>\n"
	    "<meta property=\"role\" refines=\"#creator-2\" "
	    "scheme=\"marc:relators\">aut</meta>");
	assert_has(opf, "<dc:creator id=\"creator-3\">B. Writer</dc:creator>");
	ck_assert_int_eq(count(opf, ">A. Writer<"), 1);
	ck_assert_int_eq(count(opf, "<dc:creator"), 3);
	g_free(opf);
}
END_TEST

START_TEST(test_modified_now)
{
	char *opf;

	g_unsetenv("SOURCE_DATE_EPOCH");
	opf = render(sample_edition(), "OEBPS/content.opf");
	ck_assert_msg(g_regex_match_simple("<meta property=\"dcterms:modified\">"
	    "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</meta>", opf, 0, 0),
	    "no modified time in:\n%s", opf);
	assert_lacks(opf, "2023-11-14T22:13:20Z");
	g_free(opf);
}
END_TEST

START_TEST(test_escape)
{
	GString *s = g_string_new(NULL);

	xml_escape(s, "a < b & c > \"d\"");
	ck_assert_str_eq(s->str, "a &lt; b &amp; c &gt; &quot;d&quot;");
	g_string_truncate(s, 0);
	/* controls, U+FFFE, a stray byte and a C1 control go; tab, é stay */
	xml_escape(s, "\x01x\ty\xef\xbf\xbez\xff\xc2\x85\xc3\xa9\n");
	ck_assert_str_eq(s->str, "x\tyz\xc3\xa9\n");
	g_string_truncate(s, 0);
	xml_escape_url(s, "http://x.org/a b?q=\xc3\xa9&r=\"1\"#f");
	ck_assert_str_eq(s->str, "http://x.org/a%20b?q=%C3%A9&amp;r=%221%22#f");
	g_string_free(s, TRUE);
}
END_TEST

START_TEST(test_chapter_text_escaped)
{
	char *x = render(sample_edition(), "OEBPS/chapter-one.xhtml");

	assert_has(x, "<p>a &lt; b &amp; c</p>");
	assert_has(x, "<code>x&lt;y</code>");
	assert_has(x, "<a href=\"http://example.org/?a=1&amp;b=2%20c\">link</a>");
	assert_has(x, "<pre><code>if (a &lt; b)\n</code></pre>");
	assert_has(x, "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
	    "xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"en-US\" "
	    "xml:lang=\"en-US\">");
	g_free(x);
}
END_TEST

START_TEST(test_chapter_markup)
{
	char *x = render(sample_edition(), "OEBPS/chapter-one.xhtml");

	assert_has(x, "<section epub:type=\"chapter\" role=\"doc-chapter\">\n"
	    "<header>\n<h1>The First</h1>\n<p class=\"subtitle\">A Subtitle</p>\n"
	    "<p class=\"author\">A. Writer and B. Writer</p>\n"
	    "<p class=\"source\">Journal of Things 1 (1980)</p>\n"
	    "</header>\n");
	assert_has(x, "<h2 id=\"s-1\">Part One</h2>");
	assert_has(x, "<h3 id=\"s-2\">Detail</h3>");
	assert_has(x, "<p>plain <em>em</em><strong>strong</strong>"
	    "<code>x&lt;y</code><br/>\n");
	assert_has(x, "<hr/>");
	assert_has(x, "<link href=\"css/epub.css\" rel=\"stylesheet\"");
	g_free(x);
}
END_TEST

/* Levels outside 2..6 are clamped: h1 is the chapter's own title. */
START_TEST(test_heading_levels)
{
	struct edition *e = bare_edition();
	struct chapter *c = fixture_chapter(e, "c", "C");
	char *x;

	fixture_heading(c->doc, 1, "one");
	fixture_heading(c->doc, 9, "nine");
	x = render(e, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<h2 id=\"s-1\">one</h2>");
	assert_has(x, "<h6 id=\"s-2\">nine</h6>");
	ck_assert_int_eq(count(x, "<h1>"), 1);
	g_free(x);
}
END_TEST

START_TEST(test_lists)
{
	struct edition *e = bare_edition();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct node *ol = fixture_node(c->doc, NODE_LIST), *ul;
	char *x;

	ol->as.list.ordered = 1;
	ol->as.list.start = 3;
	fixture_para(fixture_node(ol, NODE_ITEM), "three");
	fixture_para(fixture_node(ol, NODE_ITEM), "four");
	ol = fixture_node(c->doc, NODE_LIST);
	ol->as.list.ordered = 1;
	ol->as.list.start = 1;
	fixture_para(fixture_node(ol, NODE_ITEM), "one");
	ul = fixture_node(c->doc, NODE_LIST);
	fixture_para(fixture_node(ul, NODE_ITEM), "dot");
	x = render(e, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<ol start=\"3\">\n<li>\n<p>three</p>\n</li>\n"
	    "<li>\n<p>four</p>\n</li>\n</ol>\n");
	assert_has(x, "<ol>\n<li>\n<p>one</p>\n</li>\n</ol>\n");
	assert_has(x, "<ul>\n<li>\n<p>dot</p>\n</li>\n</ul>\n");
	g_free(x);
}
END_TEST

START_TEST(test_blockquote_nesting)
{
	struct edition *e = bare_edition();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct node *q = fixture_node(c->doc, NODE_BLOCKQUOTE);
	char *x;

	fixture_para(q, "outer");
	fixture_para(fixture_node(q, NODE_BLOCKQUOTE), "inner");
	fixture_para(c->doc, "after");
	x = render(e, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<blockquote>\n<p>outer</p>\n<blockquote>\n"
	    "<p>inner</p>\n</blockquote>\n</blockquote>\n<p>after</p>");
	g_free(x);
}
END_TEST

/* 50,000 nested quotations: the renderer must not recurse. */
START_TEST(test_deep_tree)
{
	struct edition *e = bare_edition();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct node *n = c->doc;
	char *x;
	int i;

	for (i = 0; i < 50000; i++)
		n = fixture_node(n, NODE_BLOCKQUOTE);
	fixture_para(n, "deep");
	x = render(e, "OEBPS/chapter-c.xhtml");
	ck_assert_int_eq(count(x, "<blockquote>"), 50000);
	ck_assert_int_eq(count(x, "</blockquote>"), 50000);
	assert_has(x, "<blockquote>\n<p>deep</p>\n</blockquote>");
	g_free(x);
}
END_TEST

START_TEST(test_nav)
{
	char *nav = render(sample_edition(), "OEBPS/nav.xhtml");

	assert_has(nav, "<nav id=\"toc\" epub:type=\"toc\" role=\"doc-toc\">");
	assert_has(nav, "<li><a href=\"titlepage.xhtml\">Title Page</a></li>\n"
	    "<li><a href=\"imprint.xhtml\">Imprint</a></li>\n"
	    "<li><a href=\"chapter-one.xhtml\">The First</a>\n<ol>\n"
	    "<li><a href=\"chapter-one.xhtml#s-1\">Part One</a>\n<ol>\n"
	    "<li><a href=\"chapter-one.xhtml#s-2\">Detail</a></li>\n"
	    "</ol>\n</li>\n</ol>\n</li>\n"
	    "<li><a href=\"chapter-two.xhtml\">The Second</a>\n<ol>\n"
	    "<li><a href=\"chapter-two.xhtml#s-1\">Only Section</a></li>\n"
	    "</ol>\n</li>\n</ol>\n</nav>");
	assert_has(nav, "epub:type=\"landmarks\"");
	assert_has(nav, "<a href=\"chapter-one.xhtml\" epub:type=\"bodymatter\">");
	g_free(nav);
}
END_TEST

/*
 * h2 h4 h3 h2, an empty heading, and a leading h3: a skipped level
 * nests one step, a later h3 becomes the h4's sibling, and the empty
 * heading has an id but no entry.
 */
START_TEST(test_nav_uneven_levels)
{
	struct edition *e = bare_edition();
	struct chapter *c = fixture_chapter(e, "c", "C");
	char *nav, *ncx, *path;

	fixture_heading(c->doc, 3, "lead");
	fixture_heading(c->doc, 2, "a");
	fixture_heading(c->doc, 4, "b");
	fixture_heading(c->doc, 3, "c");
	fixture_node(c->doc, NODE_HEADING)->as.heading.level = 2;
	fixture_heading(c->doc, 2, "d");
	path = write_ok(e, "book.epub");
	nav = fixture_zip_entry(path, "OEBPS/nav.xhtml");
	ncx = fixture_zip_entry(path, "OEBPS/toc.ncx");
	assert_has(nav, "<li><a href=\"chapter-c.xhtml\">C</a>\n<ol>\n"
	    "<li><a href=\"chapter-c.xhtml#s-1\">lead</a></li>\n"
	    "<li><a href=\"chapter-c.xhtml#s-2\">a</a>\n<ol>\n"
	    "<li><a href=\"chapter-c.xhtml#s-3\">b</a></li>\n"
	    "<li><a href=\"chapter-c.xhtml#s-4\">c</a></li>\n</ol>\n</li>\n"
	    "<li><a href=\"chapter-c.xhtml#s-6\">d</a></li>\n</ol>\n</li>\n");
	assert_lacks(nav, "#s-5");
	assert_has(ncx, "<meta name=\"dtb:depth\" content=\"3\"/>");
	assert_has(ncx, "<text>c</text></navLabel><content "
	    "src=\"chapter-c.xhtml#s-4\"/>\n</navPoint>\n</navPoint>\n"
	    "<navPoint id=\"navpoint-8\" playOrder=\"8\"><navLabel><text>d");
	g_free(nav);
	g_free(ncx);
	g_free(path);
	edition_free(e);
}
END_TEST

START_TEST(test_ncx)
{
	char *ncx = render(sample_edition(), "OEBPS/toc.ncx");

	assert_has(ncx, "<meta name=\"dtb:uid\" content=\"" IDENTIFIER "\"/>");
	assert_has(ncx, "<docTitle><text>Essays &amp; Studies</text></docTitle>");
	assert_has(ncx, "<navPoint id=\"navpoint-1\" playOrder=\"1\">"
	    "<navLabel><text>Title Page</text></navLabel>"
	    "<content src=\"titlepage.xhtml\"/>\n</navPoint>\n");
	ck_assert_int_eq(count(ncx, "<navPoint "), 7);
	ck_assert_int_eq(count(ncx, "</navPoint>"), 7);
	assert_lacks(ncx, "<pageList>");
	assert_has(ncx, "<meta name=\"dtb:totalPageCount\" content=\"0\"/>");
	g_free(ncx);
}
END_TEST

START_TEST(test_titlepage)
{
	char *x = render(sample_edition(), "OEBPS/titlepage.xhtml");

	assert_has(x, "<h1>Essays &amp; Studies</h1>\n"
	    "<p class=\"subtitle\">Five Texts</p>\n"
	    "<p class=\"editors\">Edited by The Editors</p>\n"
	    "<p class=\"authors\">With texts by A. Writer and B. Writer</p>");
	g_free(x);
}
END_TEST

/* Two references to one note: only the first carries the id. */
START_TEST(test_notes)
{
	struct edition *e = bare_edition();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct note *n1 = note_new(1, "1", here), *n2 = note_new(2, "*", here);
	struct node *p = fixture_para(c->doc, "text");
	char *x;

	n1->ref = fixture_node(p, NODE_NOTEREF);
	n1->ref->as.noteref.note = n1;
	fixture_node(p, NODE_NOTEREF)->as.noteref.note = n1;
	fixture_para(n1->body, "First & note.");
	fixture_para(n1->body, "More.");
	fixture_node(fixture_node(n2->body, NODE_BLOCKQUOTE), NODE_PARAGRAPH);
	g_ptr_array_add(c->notes, n1);
	g_ptr_array_add(c->notes, n2);
	x = render(e, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<p>text<sup><a href=\"#note-1\" id=\"noteref-1\" "
	    "epub:type=\"noteref\" role=\"doc-noteref\">1</a></sup>"
	    "<sup><a href=\"#note-1\" epub:type=\"noteref\"");
	ck_assert_int_eq(count(x, "id=\"noteref-1\""), 1);
	assert_has(x, "<section epub:type=\"endnotes\" role=\"doc-endnotes\" "
	    "aria-labelledby=\"notes\">\n"
	    "<h2 id=\"notes\">Notes</h2>\n<aside id=\"note-1\" epub:type=\"footnote\" "
	    "role=\"doc-footnote\">\n<p><a href=\"#noteref-1\" "
	    "role=\"doc-backlink\">1.</a> "
	    "First &amp; note.</p>\n<p>More.</p>\n</aside>\n");
	assert_has(x, "<aside id=\"note-2\" epub:type=\"footnote\" "
	    "role=\"doc-footnote\">\n<p><span class=\"note-number\">2.</span> "
	    "</p>\n<blockquote>\n<p></p>\n</blockquote>\n</aside>\n"
	    "</section>\n</section>\n");
	g_free(x);
}
END_TEST

/* Every XML file parses: no unbalanced tags or stray entities. */
START_TEST(test_well_formed)
{
	struct edition *e = sample_edition();
	char *path = write_ok(e, "book.epub");
	zip_t *za = zip_open(path, ZIP_RDONLY, NULL);
	static const GMarkupParser none = { 0 };
	GMarkupParseContext *ctx;
	GError *err = NULL;
	const char *name;
	char *s;
	zip_int64_t i;

	ck_assert_int_eq(zip_get_num_entries(za, 0), 10);
	for (i = 0; i < zip_get_num_entries(za, 0); i++) {
		name = zip_get_name(za, (zip_uint64_t)i, 0);
		if (!g_str_has_suffix(name, "ml") && !g_str_has_suffix(name,
		    ".opf") && !g_str_has_suffix(name, ".ncx"))
			continue;
		s = fixture_zip_entry(path, name);
		ctx = g_markup_parse_context_new(&none, 0, NULL, NULL);
		ck_assert_msg(g_markup_parse_context_parse(ctx, s, -1, &err) &&
		    g_markup_parse_context_end_parse(ctx, &err),
		    "%s: %s", name, err != NULL ? err->message : "");
		g_markup_parse_context_free(ctx);
		g_free(s);
	}
	zip_discard(za);
	g_free(path);
	edition_free(e);
}
END_TEST

/* Same input and SOURCE_DATE_EPOCH: the same bytes, dated in UTC. */
START_TEST(test_reproducible)
{
	struct edition *e = sample_edition();
	char *p1 = write_ok(e, "a.epub"), *p2;
	char *b1, *b2;
	gsize n1, n2;

	g_setenv("TZ", "America/New_York", TRUE);
	tzset();
	p2 = write_ok(e, "b.epub");
	ck_assert(g_file_get_contents(p1, &b1, &n1, NULL));
	ck_assert(g_file_get_contents(p2, &b2, &n2, NULL));
	ck_assert_uint_eq(n1, n2);
	ck_assert_msg(memcmp(b1, b2, n1) == 0, "the two EPUBs differ");
	/* 22:13:20 on 2023-11-14, in MS-DOS form */
	ck_assert_int_eq((guchar)b1[10] | (guchar)b1[11] << 8,
	    22 << 11 | 13 << 5 | 20 / 2);
	ck_assert_int_eq((guchar)b1[12] | (guchar)b1[13] << 8,
	    (2023 - 1980) << 9 | 11 << 5 | 14);
	g_free(b1);
	g_free(b2);
	g_free(p1);
	g_free(p2);
	edition_free(e);
}
END_TEST

/* Writes e to path and expects failure with one error about file. */
static void
write_fails(const struct edition *e, const char *style, const char *path,
    const char *file)
{
	struct diags d;
	const struct diag *dg;
	guint i;

	diags_init(&d);
	struct epub_options o = { style, 0 };

	ck_assert_int_eq(epub_write(e, &o, NULL, path, &d), -1);
	ck_assert_int_eq(d.count[DIAG_ERROR], 1);
	for (i = 0; (dg = &g_array_index(d.list, struct diag, i))->level !=
	    DIAG_ERROR; i++)
		continue;
	if (file != NULL)
		ck_assert_str_eq(dg->pos.file, file);
	diags_release(&d);
}

START_TEST(test_unwritable)
{
	struct edition *e = sample_edition();
	char *path = g_build_filename(tmpdir, "missing", "book.epub", NULL);

	write_fails(e, css, path, path);
	ck_assert(!g_file_test(path, G_FILE_TEST_EXISTS));
	g_free(path);
	edition_free(e);
}
END_TEST

START_TEST(test_missing_stylesheet)
{
	struct edition *e = sample_edition();
	char *path = g_build_filename(tmpdir, "book.epub", NULL);
	char *style = g_build_filename(tmpdir, "none.css", NULL);

	write_fails(e, style, path, style);
	write_fails(e, NULL, path, NULL);
	ck_assert(!g_file_test(path, G_FILE_TEST_EXISTS));
	g_free(style);
	g_free(path);
	edition_free(e);
}
END_TEST

START_TEST(test_bad_epoch)
{
	struct edition *e = sample_edition();
	char *path = g_build_filename(tmpdir, "book.epub", NULL);

	g_setenv("SOURCE_DATE_EPOCH", "yesterday", TRUE);
	write_fails(e, css, path, NULL);
	g_free(path);
	edition_free(e);
}
END_TEST

START_TEST(test_missing_metadata)
{
	struct edition *e = sample_edition();
	char *path = g_build_filename(tmpdir, "book.epub", NULL);

	g_clear_pointer(&e->identifier, g_free);
	write_fails(e, css, path, NULL);
	g_free(path);
	edition_free(e);
}
END_TEST

/* No chapters still makes a valid book: title page and contents. */
START_TEST(test_no_chapters)
{
	char *opf = render(bare_edition(), "OEBPS/content.opf");

	assert_has(opf, "<spine toc=\"ncx\">\n<itemref idref=\"titlepage\"/>\n"
	    "<itemref idref=\"imprint\"/>\n<itemref idref=\"nav\"/>\n"
	    "</spine>");
	assert_lacks(opf, "<dc:creator id=\"creator-2\"");
	g_free(opf);
}
END_TEST

/* Adds page label to pm, and a break there: block, offset bytes in. */
static void
page(struct pagemap *pm, const struct node *block, gsize offset,
    const char *label)
{
	struct pagebreak pb = { block, offset, NULL, 0, PRELIM_NONE, "" };

	g_strlcpy(pb.label, label, sizeof(pb.label));
	g_ptr_array_add(pm->labels, g_strdup(label));
	if (block != NULL)
		g_array_append_val(pm->breaks, pb);
}

/* A note numbered n in chapter c, its body one paragraph of s. */
static struct note *
note(struct chapter *c, int n, const char *s)
{
	char label[12];
	struct note *nt;

	g_snprintf(label, sizeof(label), "%d", n);
	nt = note_new(n, label, here);
	fixture_para(nt->body, s);
	g_ptr_array_add(c->notes, nt);
	return nt;
}

/*
 * A chapter "c" whose text and note hold print pages 1 to 7: at the
 * chapter's head, a heading's start, inside a text node, in the note
 * (a footnote run over onto page 4, whose marker follows the reference
 * on page 3, as the note itself comes after page 7), at the start of
 * an inline's text, inside a two-byte character (moved back to its
 * start), and past the end of a paragraph.  Then chapter "d", page 8.
 */
static struct edition *
paged_edition(struct pagemap *pm)
{
	struct edition *e = bare_edition();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct node *h = fixture_heading(c->doc, 2, "Head");
	struct node *p = fixture_para(c->doc, "plain ");	/* bytes 0-5 */
	struct note *n = note(c, 1, "note text");

	n->ref = fixture_node(p, NODE_NOTEREF);
	n->ref->as.noteref.note = n;
	fixture_text(fixture_node(p, NODE_EMPH),
	    "caf\xc3\xa9");					/* 6-10, é at 9 */
	fixture_text(p, " tail");				/* 11-15 */
	pagemap_init(pm);
	page(pm, c->doc, 0, "1");
	page(pm, h, 0, "2");
	page(pm, p, 3, "3");
	page(pm, n->body->first, 5, "4");
	page(pm, p, 6, "5");
	page(pm, p, 10, "6");
	page(pm, p, 99, "7");
	c = fixture_chapter(e, "d", "D");
	page(pm, fixture_para(c->doc, "second"), 0, "8");
	return e;
}

START_TEST(test_pagebreaks)
{
	struct pagemap pm;
	struct edition *e = paged_edition(&pm);
	char *path = write_pages(e, &pm, "book.epub", 0);
	char *x = fixture_zip_entry(path, "OEBPS/chapter-c.xhtml");
	char *y = fixture_zip_entry(path, "OEBPS/chapter-d.xhtml");

	assert_has(x, "<section epub:type=\"chapter\" role=\"doc-chapter\">\n"
	    PB("1") "<header>\n<h1>C</h1>");
	assert_has(x, "<h2 id=\"s-1\">" PB("2") "Head</h2>");
	assert_has(x, "<p>pla" PB("3") "in <sup><a href=\"#note-1\" "
	    "id=\"noteref-1\" epub:type=\"noteref\" role=\"doc-noteref\">1"
	    "</a></sup>" PB("4") "<em>" PB("5") "caf" PB("6") "\xc3\xa9</em> "
	    "tail" PB("7") "</p>");
	assert_has(x, "role=\"doc-backlink\">1.</a> note text</p>");
	assert_has(y, "<p>" PB("8") "second</p>");
	ck_assert_int_eq(count(x, "epub:type=\"pagebreak\""), 7);
	g_free(x);
	g_free(y);
	g_free(path);
	edition_free(e);
	pagemap_release(&pm);
}
END_TEST

/* The page list, in the NCX and the nav; the package says where from. */
START_TEST(test_page_list)
{
	struct pagemap pm;
	struct edition *e = paged_edition(&pm);
	char *path = write_pages(e, &pm, "book.epub", 0);
	char *nav = fixture_zip_entry(path, "OEBPS/nav.xhtml");
	char *ncx = fixture_zip_entry(path, "OEBPS/toc.ncx");
	char *opf = fixture_zip_entry(path, "OEBPS/content.opf");

	assert_has(nav, "<nav id=\"page-list\" epub:type=\"page-list\" "
	    "hidden=\"hidden\">\n<h2>Pages</h2>\n<ol>\n"
	    "<li><a href=\"chapter-c.xhtml#page-1\">1</a></li>\n"
	    "<li><a href=\"chapter-c.xhtml#page-2\">2</a></li>\n");
	assert_has(nav, "<li><a href=\"chapter-c.xhtml#page-3\">3</a></li>\n"
	    "<li><a href=\"chapter-c.xhtml#page-4\">4</a></li>\n"
	    "<li><a href=\"chapter-c.xhtml#page-5\">5</a></li>\n");
	assert_has(nav, "<li><a href=\"chapter-c.xhtml#page-7\">7</a></li>\n"
	    "<li><a href=\"chapter-d.xhtml#page-8\">8</a></li>\n</ol>\n</nav>");
	assert_has(ncx, "<meta name=\"dtb:totalPageCount\" content=\"8\"/>\n"
	    "<meta name=\"dtb:maxPageNumber\" content=\"8\"/>");
	assert_has(ncx, "<pageList>\n<navLabel><text>Pages</text></navLabel>\n"
	    "<pageTarget id=\"pt-1\" type=\"normal\" value=\"1\"><navLabel>"
	    "<text>1</text></navLabel><content src=\"chapter-c.xhtml#page-1\"/>"
	    "</pageTarget>\n");
	ck_assert_int_eq(count(ncx, "<pageTarget "), 8);
	assert_has(opf, "<dc:source id=\"pagination\">Essays &amp; Studies, "
	    "print edition (2026)</dc:source>\n<meta property=\"source-of\" "
	    "refines=\"#pagination\">pagination</meta>");
	assert_has(opf, "<meta property=\"schema:accessibilityFeature\">"
	    "printPageNumbers</meta>");
	g_free(nav);
	g_free(ncx);
	g_free(opf);
	g_free(path);
	edition_free(e);
	pagemap_release(&pm);
}
END_TEST

/* Without a page map: no markers, no page list, no claim of pages. */
START_TEST(test_no_pages)
{
	struct edition *e = sample_edition();
	char *path = write_ok(e, "book.epub");
	char *nav = fixture_zip_entry(path, "OEBPS/nav.xhtml");
	char *opf = fixture_zip_entry(path, "OEBPS/content.opf");
	char *x = fixture_zip_entry(path, "OEBPS/chapter-one.xhtml");

	assert_lacks(nav, "page-list");
	assert_lacks(opf, "printPageNumbers");
	assert_lacks(opf, "source-of");
	assert_lacks(x, "pagebreak");
	g_free(nav);
	g_free(opf);
	g_free(x);
	g_free(path);
	edition_free(e);
}
END_TEST

/*
 * A label used twice keeps its first marker; a page that begins in a
 * block no chapter holds has none: each a warning, and the page list
 * leaves them out.  A page that begins in a note without a reference
 * keeps its marker there, after the next page's: a warning too.
 */
START_TEST(test_pages_lost)
{
	struct pagemap pm;
	struct edition *e = bare_edition();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct node *p = fixture_para(c->doc, "one two"), *stray = node_new(
	    NODE_PARAGRAPH, here);
	struct note *n = note(c, 1, "unreferenced");
	char *path, *nav;

	pagemap_init(&pm);
	page(&pm, p, 0, "1");
	page(&pm, p, 4, "1");
	page(&pm, stray, 0, "2");
	page(&pm, n->body->first, 2, "3");
	page(&pm, p, 5, "4");
	path = write_pages(e, &pm, "book.epub", 3);
	nav = fixture_zip_entry(path, "OEBPS/nav.xhtml");
	ck_assert_int_eq(count(nav, "#page-"), 3);
	assert_lacks(nav, "page-2");
	g_free(nav);
	g_free(path);
	node_free(stray);
	edition_free(e);
	pagemap_release(&pm);
}
END_TEST

/* An index mark before text, with its entry: mark id, para, note. */
static struct index_mark *
mark(struct index_entry *ie, struct chapter *c, struct node *block,
    const struct note *n, int id)
{
	struct node *at = index_mark_new(ie, c, n, here);

	at->as.mark->para = 1;
	at->as.mark->id = id;
	node_insert_before(block->first, at);
	return at->as.mark;
}

/*
 * Index locators from the page map: "12" and "5 n. 1" in page order,
 * one per page; a mark the map lacks keeps its chapter and paragraph.
 * An index page's marker goes at the entry's heading, or before the
 * page number the page begins with.
 */
START_TEST(test_index_pages)
{
	struct pagemap pm;
	struct edition *e = bare_edition();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct index_entry *ie = index_entry_new("Name, A.", NULL);
	struct node *p1 = fixture_para(c->doc, "first");
	struct node *p2 = fixture_para(c->doc, "again");
	struct node *p3 = fixture_para(c->doc, "unpaged");
	struct note *n = note(c, 1, "in a note");
	char *x, *path;
	guint i;

	ie->id = 1;
	g_ptr_array_add(e->index, ie);
	mark(ie, c, p1, NULL, 1);
	mark(ie, c, p2, NULL, 2)->para = 2;
	mark(ie, c, p3, NULL, 3)->para = 3;
	mark(ie, c, n->body->first, n, 4);
	pagemap_init(&pm);
	for (i = 1; i <= 12; i++) {
		char label[4];

		g_snprintf(label, sizeof(label), "%u", i);
		page(&pm, NULL, 0, label);
	}
	g_hash_table_insert(pm.page_of, p1->first, GINT_TO_POINTER(12));
	g_hash_table_insert(pm.page_of, p2->first, GINT_TO_POINTER(12));
	g_hash_table_insert(pm.page_of, n->body->first->first,
	    GINT_TO_POINTER(5));
	/* The index: page 13 begins at the entry, 14 amid its numbers. */
	for (i = 13; i <= 14; i++) {
		struct pagebreak pb = { NULL, 0, ie, i == 13 ? 0 : 12,
		    PRELIM_NONE, "" };

		g_snprintf(pb.label, sizeof(pb.label), "%u", i);
		g_ptr_array_add(pm.labels, g_strdup(pb.label));
		g_array_append_val(pm.breaks, pb);
	}
	path = write_pages(e, &pm, "book.epub", 0);
	x = fixture_zip_entry(path, "OEBPS/index.xhtml");
	assert_has(x, "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" "
	    "id=\"page-13\" aria-label=\"13\"/><span epub:type=\"index-term\">"
	    "Name, A.</span>, "
	    "<a epub:type=\"index-locator\" href=\"chapter-c.xhtml#ix-4\">"
	    "5 n.\xc2\xa0" "1</a>, <span epub:type=\"pagebreak\" "
	    "role=\"doc-pagebreak\" id=\"page-14\" aria-label=\"14\"/>"
	    "<a epub:type=\"index-locator\" "
	    "href=\"chapter-c.xhtml#ix-1\">12</a>, <a epub:type=\""
	    "index-locator\" href=\"chapter-c.xhtml#ix-3\">c \xc2\xb6\xc2\xa0"
	    "3</a></li>");
	g_free(x);
	g_free(path);
	edition_free(e);
	pagemap_release(&pm);
}
END_TEST

/* Copies the repository's cover style beside the test's stylesheet. */
static void
cover_style(void)
{
	char *text, *path = g_build_filename(tmpdir, "cover.ini", NULL);

	ck_assert(g_file_get_contents(COVER_STYLE, &text, NULL, NULL));
	ck_assert(g_file_set_contents(path, text, -1, NULL));
	g_free(text);
	g_free(path);
}

/* What png_read has left to read of a PNG in memory. */
struct png_buf {
	const char	*p;
	gsize		 left;
};

static cairo_status_t
png_read(void *closure, unsigned char *data, unsigned int len)
{
	struct png_buf *b = closure;

	if (len > b->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, b->p, len);
	b->p += len;
	b->left -= len;
	return CAIRO_STATUS_SUCCESS;
}

/* The share of pixels of a PNG unlike its top-left one. */
static double
inked(const char *png, gsize len, int *width, int *height)
{
	struct png_buf b = { png, len };
	cairo_surface_t *s;
	const guint32 *row;
	guint32 ground;
	int x, y, stride, n = 0;

	s = cairo_image_surface_create_from_png_stream(png_read, &b);
	ck_assert_int_eq(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	*width = cairo_image_surface_get_width(s);
	*height = cairo_image_surface_get_height(s);
	stride = cairo_image_surface_get_stride(s);
	ground = *(const guint32 *)cairo_image_surface_get_data(s);
	for (y = 0; y < *height; y++) {
		row = (const guint32 *)(cairo_image_surface_get_data(s) +
		    y * stride);
		for (x = 0; x < *width; x++)
			n += row[x] != ground;
	}
	cairo_surface_destroy(s);
	return (double)n / (*width * *height);
}

/* The cover: drawn, the same bytes twice, declared and shown. */
START_TEST(test_cover)
{
	struct edition *e = sample_edition();
	char *p1, *p2, *png1, *png2, *opf, *page, *nav;
	zip_t *za;
	zip_stat_t st;
	int w, h;
	double ink;

	cover_style();
	p1 = write_ok(e, "a.epub");
	p2 = write_ok(e, "b.epub");
	za = zip_open(p1, ZIP_RDONLY, NULL);
	ck_assert_int_eq(zip_stat(za, "OEBPS/images/cover.png", 0, &st), 0);
	zip_discard(za);
	png1 = fixture_zip_entry(p1, "OEBPS/images/cover.png");
	png2 = fixture_zip_entry(p2, "OEBPS/images/cover.png");
	ck_assert_mem_eq(png1, png2, st.size);
	ck_assert_mem_eq(png1, "\x89PNG", 4);
	ink = inked(png1, st.size, &w, &h);
	ck_assert_int_eq(w, 1600);
	ck_assert_int_eq(h, 2400);
	ck_assert_msg(ink > 0.02 && ink < 0.6, "ink covers %.3f", ink);
	opf = fixture_zip_entry(p1, "OEBPS/content.opf");
	assert_has(opf, "<item id=\"cover-image\" href=\"images/cover.png\" "
	    "media-type=\"image/png\" properties=\"cover-image\"/>");
	assert_has(opf, "<meta name=\"cover\" content=\"cover-image\"/>");
	assert_has(opf, "<spine toc=\"ncx\">\n<itemref idref=\"cover\"/>\n"
	    "<itemref idref=\"titlepage\"/>\n");
	assert_has(opf, "<meta property=\"schema:accessMode\">visual</meta>");
	assert_has(opf, "<meta property=\"schema:accessibilityFeature\">"
	    "alternativeText</meta>");
	page = fixture_zip_entry(p1, "OEBPS/cover.xhtml");
	assert_has(page, "<section id=\"cover\" epub:type=\"cover\">\n"
	    "<img src=\"images/cover.png\" alt=\"The cover: Essays &amp; "
	    "Studies: Five Texts, edited by The Editors, with texts by A. "
	    "Writer and B. Writer.\"/>");
	nav = fixture_zip_entry(p1, "OEBPS/nav.xhtml");
	assert_has(nav, "<li><a href=\"cover.xhtml\" epub:type=\"cover\">");
	g_free(nav);
	g_free(page);
	g_free(opf);
	g_free(png1);
	g_free(png2);
	g_free(p1);
	g_free(p2);
	edition_free(e);
}
END_TEST

/* A bad cover style: an error at its line, and no book. */
START_TEST(test_cover_style_errors)
{
	struct edition *e = sample_edition();
	char *ini = g_build_filename(tmpdir, "cover.ini", NULL);
	char *path = g_build_filename(tmpdir, "book.epub", NULL);
	struct diags d;
	guint i;

	ck_assert(g_file_set_contents(ini, "[cover]\nwidth = 1600\n"
	    "height = 2400\nfont = EB Garamond 12\nbackground = #000000\n"
	    "ink = red\naccent = #ffffff\ntitle-size = 0.07\n", -1, NULL));
	diags_init(&d);
	struct epub_options o = { css, 0 };

	ck_assert_int_eq(epub_write(e, &o, NULL, path, &d), -1);
	ck_assert_int_eq(d.count[DIAG_ERROR], 2);	/* ink; text-size */
	for (i = 0; i < d.list->len; i++) {
		const struct diag *dg = &g_array_index(d.list, struct diag, i);

		if (strstr(dg->msg, "ink must be a colour") != NULL)
			ck_assert_int_eq(dg->pos.line, 6);
	}
	ck_assert(!g_file_test(path, G_FILE_TEST_EXISTS));
	diags_release(&d);
	g_free(path);
	g_free(ini);
	edition_free(e);
}
END_TEST

/* The imprint: rights, each chapter's source, and how it was made. */
START_TEST(test_imprint)
{
	char *x = render(sample_edition(), "OEBPS/imprint.xhtml");

	assert_has(x, "<section id=\"imprint\" epub:type=\"imprint\"");
	assert_has(x, "<p class=\"rights\">Reprinted for study.</p>");
	assert_has(x, "<h2 id=\"sources-title\">Sources</h2>\n"
	    "<p class=\"entry\"><a href=\"chapter-one.xhtml\">\xe2\x80\x9cThe "
	    "First,\xe2\x80\x9d by A. Writer and B. Writer. Journal of Things 1 "
	    "(1980).</a></p>\n<p class=\"entry\"><a href=\"chapter-two.xhtml\">"
	    "\xe2\x80\x9cThe Second,\xe2\x80\x9d by A. Writer.</a></p>");
	assert_has(x, "<section id=\"colophon\" epub:type=\"colophon\"");
	assert_has(x, "made by octavo");
	assert_has(x, "Made 2023-11-14.");
	g_free(x);
}
END_TEST

/*
 * The opening gives what the metadata has, the author's note marked at
 * the byline; the editor's note comes before the text, set apart and in
 * the contents with the notes.
 */
START_TEST(test_opening_and_preface)
{
	struct edition *e = bare_edition();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct note *star = note_new(0, "*", here);
	char *path, *x, *nav;

	c->meta.author = g_strdup("A. Writer");
	c->meta.affiliation = g_strdup("A University");
	c->meta.translator = g_strdup("T. Ranslator");
	c->meta.source = g_strdup("A Review 3");
	c->meta.published = g_strdup("May 1930");
	c->meta.dedication = g_strdup("To the memory of B.");
	c->preface = node_new(NODE_DOCUMENT, here);
	fixture_para(c->preface, "Why this text.");
	fixture_para(c->doc, "The text.");
	g_strlcpy(star->mark, "*", sizeof(star->mark));
	fixture_para(star->body, "The author teaches.");
	g_ptr_array_add(c->notes, star);
	path = write_ok(e, "book.epub");
	x = fixture_zip_entry(path, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<header>\n<h1>C</h1>\n<p class=\"author\">A. Writer"
	    "<sup><a href=\"#note-author\" id=\"noteref-author\" "
	    "epub:type=\"noteref\" role=\"doc-noteref\">*</a></sup></p>\n"
	    "<p class=\"affiliation\">A University</p>\n"
	    "<p class=\"translator\">Translated by T. Ranslator</p>\n"
	    "<p class=\"source\">A Review 3, May 1930</p>\n"
	    "<p class=\"dedication\">To the memory of B.</p>\n</header>\n"
	    "<section class=\"preface\" epub:type=\"preface\" "
	    "role=\"doc-preface\" aria-labelledby=\"preface\">\n"
	    "<h2 id=\"preface\">Editor\xe2\x80\x99s note</h2>\n"
	    "<p>Why this text.</p>\n</section>\n<p>The text.</p>\n");
	nav = fixture_zip_entry(path, "OEBPS/nav.xhtml");
	assert_has(nav, "<li><a href=\"chapter-c.xhtml\">C</a>\n<ol>\n"
	    "<li><a href=\"chapter-c.xhtml#preface\">Editor\xe2\x80\x99s "
	    "note</a></li>\n<li><a href=\"chapter-c.xhtml#notes\">Notes</a>"
	    "</li>\n</ol>");
	g_free(nav);
	g_free(x);
	g_free(path);
	edition_free(e);
}
END_TEST

/* Soft hyphens leave the text, wherever they were. */
START_TEST(test_no_soft_hyphens)
{
	struct edition *e = sample_edition();
	struct chapter *c = g_ptr_array_index(e->chapters, 0);
	char *path, *s;
	zip_t *za;
	zip_int64_t i;

	g_free(c->meta.title);
	c->meta.title = g_strdup("The Hy" SHY "phen");
	fixture_para(c->doc, "in" SHY "di" SHY "vis" SHY "i" SHY "ble");
	note(c, 1, "a no" SHY "te");
	cover_style();
	path = write_ok(e, "book.epub");
	za = zip_open(path, ZIP_RDONLY, NULL);
	for (i = 0; i < zip_get_num_entries(za, 0); i++) {
		const char *name = zip_get_name(za, (zip_uint64_t)i, 0);

		if (g_str_has_suffix(name, ".png"))
			continue;
		s = fixture_zip_entry(path, name);
		ck_assert_msg(strstr(s, SHY) == NULL, "a soft hyphen in %s",
		    name);
		g_free(s);
	}
	zip_discard(za);
	s = fixture_zip_entry(path, "OEBPS/chapter-one.xhtml");
	assert_has(s, "<p>indivisible</p>");
	g_free(s);
	g_free(path);
	edition_free(e);
}
END_TEST

/* Every accessibility property a reader looks for, with pages and cover. */
START_TEST(test_accessibility)
{
	static const char *const features[] = { "tableOfContents",
	    "readingOrder", "structuralNavigation", "index",
	    "printPageNumbers", "pageBreakMarkers", "pageNavigation",
	    "alternativeText" };
	struct pagemap pm;
	struct edition *e = paged_edition(&pm);
	struct chapter *c = g_ptr_array_index(e->chapters, 0);
	struct index_entry *ie = index_entry_new("Name, A.", NULL);
	char *path, *opf, *want;
	guint i;

	ie->id = 1;
	g_ptr_array_add(e->index, ie);
	mark(ie, c, c->doc->last, NULL, 1);
	cover_style();
	path = write_pages(e, &pm, "book.epub", 0);
	opf = fixture_zip_entry(path, "OEBPS/content.opf");
	for (i = 0; i < G_N_ELEMENTS(features); i++) {
		want = g_strdup_printf("<meta property=\"schema:"
		    "accessibilityFeature\">%s</meta>", features[i]);
		assert_has(opf, want);
		g_free(want);
	}
	assert_has(opf, "<meta property=\"schema:accessModeSufficient\">"
	    "textual</meta>");
	assert_has(opf, "<meta property=\"schema:accessibilityHazard\">none"
	    "</meta>");
	assert_has(opf, "<meta property=\"schema:accessibilitySummary\">"
	    "Chapters and their sections");
	assert_has(opf, "page numbers are marked in the text");
	g_free(opf);
	g_free(path);
	edition_free(e);
	pagemap_release(&pm);
}
END_TEST

/* epub-embed-fonts: the print face's files, declared and used. */
START_TEST(test_embed_fonts)
{
	struct edition *e = sample_edition();
	char *path, *sheet, *opf, *font, *imprint;

	embed_fonts = 1;
	path = write_ok(e, "book.epub");
	sheet = fixture_zip_entry(path, "OEBPS/css/epub.css");
	assert_has(sheet, "p { margin: 0; }\n");
	assert_has(sheet, "@font-face {\n\tfont-family: \"EB Garamond\";\n"
	    "\tfont-style: italic;\n\tfont-weight: normal;\n"
	    "\tsrc: url(\"../fonts/EBGaramond12-Italic.otf\");\n}\n");
	opf = fixture_zip_entry(path, "OEBPS/content.opf");
	assert_has(opf, "<item id=\"font-1\" href=\"fonts/EBGaramond12-"
	    "Regular.otf\" media-type=\"font/otf\"/>");
	font = fixture_zip_entry(path, "OEBPS/fonts/EBGaramond12-Regular.otf");
	ck_assert_ptr_nonnull(font);
	ck_assert_mem_eq(font, "OTTO", 4);
	imprint = fixture_zip_entry(path, "OEBPS/imprint.xhtml");
	assert_has(imprint, "SIL Open Font License");
	g_free(imprint);
	g_free(font);
	g_free(opf);
	g_free(sheet);
	g_free(path);
	edition_free(e);
}
END_TEST

/* A note too long for Kobo's pop-ups is a warning; the book is made. */
START_TEST(test_long_note)
{
	struct edition *e = bare_edition();
	struct chapter *c = fixture_chapter(e, "c", "C");
	char *big = g_strnfill(5001, 'x'), *path;

	note(c, 1, big);
	path = write_pages(e, NULL, "book.epub", 1);
	g_free(path);
	g_free(big);
	edition_free(e);
}
END_TEST

/*
 * A sample with everything: cover, print pages, notes, an editor's
 * note, an index and the embedded face, checked by epubcheck.
 */
START_TEST(test_epubcheck)
{
	struct pagemap pm;
	struct edition *e = paged_edition(&pm);
	struct chapter *c = g_ptr_array_index(e->chapters, 0);
	struct index_entry *ie = index_entry_new("Name, A.",
	    "(1900\xe2\x80\x93" "1990)");
	char *path, **argv = g_new0(char *, 5);
	char *out = NULL, *err = NULL;
	int status;

	ie->id = 1;
	g_ptr_array_add(e->index, ie);
	mark(ie, c, c->doc->last, NULL, 1);
	c->preface = node_new(NODE_DOCUMENT, here);
	fixture_para(c->preface, "An introduction.");
	c->meta.dedication = g_strdup("For B.");
	embed_fonts = 1;
	cover_style();
	path = write_pages(e, &pm, "book.epub", 0);
	argv[0] = g_strdup("java");
	argv[1] = g_strdup("-jar");
	argv[2] = g_strdup(EPUBCHECK);
	argv[3] = path;
	argv[4] = NULL;
	ck_assert(g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL,
	    NULL, &out, &err, &status, NULL));
	ck_assert_msg(g_spawn_check_wait_status(status, NULL) &&
	    strstr(out, "No errors or warnings detected") != NULL,
	    "epubcheck:\n%s%s", out, err);
	g_free(out);
	g_free(err);
	g_strfreev(argv);
	edition_free(e);
	pagemap_release(&pm);
}
END_TEST

Suite *
epub_suite(void)
{
	Suite *s = suite_create("epub");
	TCase *tc = tcase_create("epub");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_mimetype_first);
	tcase_add_test(tc, test_container);
	tcase_add_test(tc, test_opf_metadata);
	tcase_add_test(tc, test_opf_creators);
	tcase_add_test(tc, test_modified_now);
	tcase_add_test(tc, test_escape);
	tcase_add_test(tc, test_chapter_text_escaped);
	tcase_add_test(tc, test_chapter_markup);
	tcase_add_test(tc, test_heading_levels);
	tcase_add_test(tc, test_lists);
	tcase_add_test(tc, test_blockquote_nesting);
	tcase_add_test(tc, test_deep_tree);
	tcase_add_test(tc, test_nav);
	tcase_add_test(tc, test_nav_uneven_levels);
	tcase_add_test(tc, test_ncx);
	tcase_add_test(tc, test_titlepage);
	tcase_add_test(tc, test_notes);
	tcase_add_test(tc, test_well_formed);
	tcase_add_test(tc, test_reproducible);
	tcase_add_test(tc, test_unwritable);
	tcase_add_test(tc, test_missing_stylesheet);
	tcase_add_test(tc, test_bad_epoch);
	tcase_add_test(tc, test_missing_metadata);
	tcase_add_test(tc, test_no_chapters);
	tcase_add_test(tc, test_pagebreaks);
	tcase_add_test(tc, test_page_list);
	tcase_add_test(tc, test_no_pages);
	tcase_add_test(tc, test_pages_lost);
	tcase_add_test(tc, test_index_pages);
	tcase_add_test(tc, test_cover);
	tcase_add_test(tc, test_cover_style_errors);
	tcase_add_test(tc, test_imprint);
	tcase_add_test(tc, test_opening_and_preface);
	tcase_add_test(tc, test_no_soft_hyphens);
	tcase_add_test(tc, test_accessibility);
	tcase_add_test(tc, test_embed_fonts);
	tcase_add_test(tc, test_long_note);
	suite_add_tcase(s, tc);
	/* epubcheck starts a Java VM: seconds, not milliseconds. */
	tc = tcase_create("epubcheck");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_epubcheck);
	suite_add_tcase(s, tc);
	return s;
}
