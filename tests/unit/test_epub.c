/*
 * test_epub.c — the EPUB back end: editions built by hand are written
 * to a temporary directory, then read back with libzip and checked:
 * container layout, package metadata, escaping, markup, navigation,
 * notes, reproducibility and failures.
 */
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <zip.h>

#include "diag.h"
#include "epub/epub.h"
#include "epub/escape.h"
#include "model.h"
#include "suites.h"

#define EPOCH		"1700000000"	/* 2023-11-14T22:13:20Z */
#define IDENTIFIER	"urn:uuid:0b1c6f0e-6a53-4c4b-9d42-0f3b7f2ad001"

static struct srcpos here = { "test", 1, 1 };
static char *tmpdir;		/* each test's own, made by setup */
static char *css;		/* a stylesheet in it */

static void
setup(void)
{
	tmpdir = g_dir_make_tmp("octavo-epub-XXXXXX", NULL);
	ck_assert_ptr_nonnull(tmpdir);
	css = g_build_filename(tmpdir, "epub.css", NULL);
	ck_assert(g_file_set_contents(css, "p { margin: 0; }\n", -1, NULL));
	g_setenv("SOURCE_DATE_EPOCH", EPOCH, TRUE);
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

/* Appends a new node of type to parent and returns it. */
static struct node *
add(struct node *parent, enum node_type type)
{
	struct node *n = node_new(type, here);

	node_append(parent, n);
	return n;
}

static void
text(struct node *parent, const char *s)
{
	node_append(parent, node_new_text(NODE_TEXT, here, s, -1));
}

static struct node *
para(struct node *parent, const char *s)
{
	struct node *p = add(parent, NODE_PARAGRAPH);

	text(p, s);
	return p;
}

static struct node *
heading(struct node *parent, int level, const char *s)
{
	struct node *h = add(parent, NODE_HEADING);

	h->as.heading.level = level;
	text(h, s);
	return h;
}

static struct chapter *
chapter(struct edition *e, const char *id, const char *title)
{
	struct chapter *c = chapter_new(id);

	c->meta.title = g_strdup(title);
	c->doc = node_new(NODE_DOCUMENT, here);
	g_ptr_array_add(e->chapters, c);
	return c;
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
	struct chapter *c = chapter(e, "one", "The First");
	struct node *doc = c->doc, *p, *n;

	c->meta.subtitle = g_strdup("A Subtitle");
	c->meta.author = g_strdup("A. Writer and B. Writer");
	c->meta.published = g_strdup("January 1980");
	c->meta.source = g_strdup("Journal of Things 1 (1980)");
	para(doc, "a < b & c");
	heading(doc, 2, "Part One");
	p = para(doc, "plain ");
	text(add(p, NODE_EMPH), "em");
	text(add(p, NODE_STRONG), "strong");
	node_append(p, node_new_text(NODE_CODE, here, "x<y", -1));
	add(p, NODE_LINEBREAK);
	n = add(p, NODE_LINK);
	n->as.link.url = g_strdup("http://example.org/?a=1&b=2 c");
	text(n, "link");
	heading(doc, 3, "Detail");
	add(doc, NODE_BREAK);
	node_append(doc, node_new_text(NODE_CODEBLOCK, here, "if (a < b)\n", -1));

	c = chapter(e, "two", "The Second");
	c->meta.author = g_strdup("A. Writer");
	heading(c->doc, 2, "Only Section");
	para(c->doc, "text");
	return e;
}

/* Writes e to tmpdir/name and returns the path; the write must succeed. */
static char *
write_ok(const struct edition *e, const char *name)
{
	char *path = g_build_filename(tmpdir, name, NULL);
	struct diags d;

	diags_init(&d);
	ck_assert_int_eq(epub_write(e, css, path, &d), 0);
	ck_assert_int_eq(d.list->len, 0);
	diags_release(&d);
	return path;
}

/* An entry of the EPUB at path, NUL-terminated; NULL if absent. */
static char *
entry(const char *path, const char *name)
{
	zip_t *za = zip_open(path, ZIP_RDONLY, NULL);
	zip_stat_t st;
	zip_file_t *f;
	char *buf = NULL;

	ck_assert_ptr_nonnull(za);
	if (zip_stat(za, name, 0, &st) == 0) {
		buf = g_malloc0(st.size + 1);
		ck_assert_ptr_nonnull(f = zip_fopen(za, name, 0));
		ck_assert_int_eq(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
		zip_fclose(f);
	}
	zip_discard(za);
	return buf;
}

/* Writes the edition, frees it, and returns one entry of the EPUB. */
static char *
render(struct edition *e, const char *name)
{
	char *path = write_ok(e, "book.epub");
	char *s = entry(path, name);

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
	char *container = entry(path, "META-INF/container.xml");
	char *opf = entry(path, "OEBPS/content.opf");

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
	assert_has(opf, "<dc:source>Journal of Things 1 (1980)</dc:source>");
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
	    "<p class=\"published\">January 1980</p>\n");
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
	struct chapter *c = chapter(e, "c", "C");
	char *x;

	heading(c->doc, 1, "one");
	heading(c->doc, 9, "nine");
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
	struct chapter *c = chapter(e, "c", "C");
	struct node *ol = add(c->doc, NODE_LIST), *ul;
	char *x;

	ol->as.list.ordered = 1;
	ol->as.list.start = 3;
	para(add(ol, NODE_ITEM), "three");
	para(add(ol, NODE_ITEM), "four");
	ol = add(c->doc, NODE_LIST);
	ol->as.list.ordered = 1;
	ol->as.list.start = 1;
	para(add(ol, NODE_ITEM), "one");
	ul = add(c->doc, NODE_LIST);
	para(add(ul, NODE_ITEM), "dot");
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
	struct chapter *c = chapter(e, "c", "C");
	struct node *q = add(c->doc, NODE_BLOCKQUOTE);
	char *x;

	para(q, "outer");
	para(add(q, NODE_BLOCKQUOTE), "inner");
	para(c->doc, "after");
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
	struct chapter *c = chapter(e, "c", "C");
	struct node *n = c->doc;
	char *x;
	int i;

	for (i = 0; i < 50000; i++)
		n = add(n, NODE_BLOCKQUOTE);
	para(n, "deep");
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
	struct chapter *c = chapter(e, "c", "C");
	char *nav, *ncx, *path;

	heading(c->doc, 3, "lead");
	heading(c->doc, 2, "a");
	heading(c->doc, 4, "b");
	heading(c->doc, 3, "c");
	add(c->doc, NODE_HEADING)->as.heading.level = 2;
	heading(c->doc, 2, "d");
	path = write_ok(e, "book.epub");
	nav = entry(path, "OEBPS/nav.xhtml");
	ncx = entry(path, "OEBPS/toc.ncx");
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
	    "<navPoint id=\"navpoint-7\" playOrder=\"7\"><navLabel><text>d");
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
	ck_assert_int_eq(count(ncx, "<navPoint "), 6);
	ck_assert_int_eq(count(ncx, "</navPoint>"), 6);
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
	struct chapter *c = chapter(e, "c", "C");
	struct note *n1 = note_new(1, "1", here), *n2 = note_new(2, "*", here);
	struct node *p = para(c->doc, "text");
	char *x;

	n1->ref = add(p, NODE_NOTEREF);
	n1->ref->as.noteref.note = n1;
	add(p, NODE_NOTEREF)->as.noteref.note = n1;
	para(n1->body, "First & note.");
	para(n1->body, "More.");
	add(add(n2->body, NODE_BLOCKQUOTE), NODE_PARAGRAPH);
	g_ptr_array_add(c->notes, n1);
	g_ptr_array_add(c->notes, n2);
	x = render(e, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<p>text<sup><a href=\"#note-1\" id=\"noteref-1\" "
	    "epub:type=\"noteref\" role=\"doc-noteref\">1</a></sup>"
	    "<sup><a href=\"#note-1\" epub:type=\"noteref\"");
	ck_assert_int_eq(count(x, "id=\"noteref-1\""), 1);
	assert_has(x, "<section epub:type=\"endnotes\" role=\"doc-endnotes\">\n"
	    "<h2>Notes</h2>\n<aside id=\"note-1\" epub:type=\"footnote\" "
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

	ck_assert_int_eq(zip_get_num_entries(za, 0), 9);
	for (i = 0; i < zip_get_num_entries(za, 0); i++) {
		name = zip_get_name(za, (zip_uint64_t)i, 0);
		if (!g_str_has_suffix(name, "ml") && !g_str_has_suffix(name,
		    ".opf") && !g_str_has_suffix(name, ".ncx"))
			continue;
		s = entry(path, name);
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

	diags_init(&d);
	ck_assert_int_eq(epub_write(e, style, path, &d), -1);
	ck_assert_int_eq(d.count[DIAG_ERROR], 1);
	dg = &g_array_index(d.list, struct diag, 0);
	ck_assert_int_eq(dg->level, DIAG_ERROR);
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
	    "<itemref idref=\"nav\"/>\n</spine>");
	assert_lacks(opf, "<dc:creator id=\"creator-2\"");
	g_free(opf);
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
	suite_add_tcase(s, tc);
	return s;
}
