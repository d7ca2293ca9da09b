/*
 * test_epub_text.c — a chapter's page in the e-book: its text escaped
 * and marked up, headings, lists and quotations at any depth, its
 * opening and its editor's introduction, and its notes.
 */
#include <string.h>

#include <zip.h>

#include "ebook.h"
#include "epub/escape.h"
#include "suites.h"

static const struct srcpos here = { "test", 1, 1 };

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
	char *x = ebook_render(ebook_sample(), "OEBPS/chapter-one.xhtml");

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
	char *x = ebook_render(ebook_sample(), "OEBPS/chapter-one.xhtml");

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
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "c", "C");
	char *x;

	fixture_heading(c->doc, 1, "one");
	fixture_heading(c->doc, 9, "nine");
	x = ebook_render(e, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<h2 id=\"s-1\">one</h2>");
	assert_has(x, "<h6 id=\"s-2\">nine</h6>");
	ck_assert_int_eq(ebook_count(x, "<h1>"), 1);
	g_free(x);
}
END_TEST

START_TEST(test_lists)
{
	struct edition *e = ebook_bare();
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
	x = ebook_render(e, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<ol start=\"3\">\n<li>\n<p>three</p>\n</li>\n"
	    "<li>\n<p>four</p>\n</li>\n</ol>\n");
	assert_has(x, "<ol>\n<li>\n<p>one</p>\n</li>\n</ol>\n");
	assert_has(x, "<ul>\n<li>\n<p>dot</p>\n</li>\n</ul>\n");
	g_free(x);
}
END_TEST

START_TEST(test_blockquote_nesting)
{
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct node *q = fixture_node(c->doc, NODE_BLOCKQUOTE);
	char *x;

	fixture_para(q, "outer");
	fixture_para(fixture_node(q, NODE_BLOCKQUOTE), "inner");
	fixture_para(c->doc, "after");
	x = ebook_render(e, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<blockquote>\n<p>outer</p>\n<blockquote>\n"
	    "<p>inner</p>\n</blockquote>\n</blockquote>\n<p>after</p>");
	g_free(x);
}
END_TEST

/* 50,000 nested quotations: the renderer must not recurse. */
START_TEST(test_deep_tree)
{
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct node *n = c->doc;
	char *x;
	int i;

	for (i = 0; i < 50000; i++)
		n = fixture_node(n, NODE_BLOCKQUOTE);
	fixture_para(n, "deep");
	x = ebook_render(e, "OEBPS/chapter-c.xhtml");
	ck_assert_int_eq(ebook_count(x, "<blockquote>"), 50000);
	ck_assert_int_eq(ebook_count(x, "</blockquote>"), 50000);
	assert_has(x, "<blockquote>\n<p>deep</p>\n</blockquote>");
	g_free(x);
}
END_TEST

/*
 * The notes, a list of endnotes after the text.  Two references to one
 * note: only the first carries the id its backlink returns to, at the
 * end of its last paragraph, or in a paragraph of its own after a
 * quotation; a note without a reference has no backlink.
 */
START_TEST(test_notes)
{
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct note *n1 = note_new(1, "1", here), *n2 = note_new(2, "2", here),
	    *n3 = note_new(3, "3", here);
	struct node *p = fixture_para(c->doc, "text");
	char *x;

	n1->ref = fixture_node(p, NODE_NOTEREF);
	n1->ref->as.noteref.note = n1;
	fixture_node(p, NODE_NOTEREF)->as.noteref.note = n1;
	n2->ref = fixture_node(p, NODE_NOTEREF);
	n2->ref->as.noteref.note = n2;
	fixture_para(n1->body, "First & note.");
	fixture_para(n1->body, "More.");
	fixture_para(fixture_node(n2->body, NODE_BLOCKQUOTE), "Quoted.");
	fixture_para(n3->body, "Unreferenced.");
	g_ptr_array_add(c->notes, n1);
	g_ptr_array_add(c->notes, n2);
	g_ptr_array_add(c->notes, n3);
	x = ebook_render(e, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<p>text<sup><a href=\"#note-1\" id=\"noteref-1\" "
	    "class=\"noteref\" epub:type=\"noteref\" role=\"doc-noteref\">1"
	    "</a></sup><sup><a href=\"#note-1\" class=\"noteref\" "
	    "epub:type=\"noteref\"");
	ck_assert_int_eq(ebook_count(x, "id=\"noteref-1\""), 1);
	assert_has(x, "<section class=\"endnotes\" epub:type=\"endnotes\" "
	    "role=\"doc-endnotes\" aria-labelledby=\"notes\">\n"
	    "<h2 id=\"notes\">Notes</h2>\n<ol>\n"
	    "<li id=\"note-1\" class=\"endnote\" epub:type=\"endnote\">\n"
	    "<p><span class=\"note-number\">1.</span> First &amp; note.</p>\n"
	    "<p>More. <a href=\"#noteref-1\" class=\"backlink\" "
	    "epub:type=\"backlink\" role=\"doc-backlink\" aria-label=\"Back "
	    "to the text\">\xe2\x86\xa9</a></p>\n</li>\n");
	assert_has(x, "<li id=\"note-2\" class=\"endnote\" epub:type=\"endnote\">"
	    "\n<p><span class=\"note-number\">2.</span> </p>\n<blockquote>\n"
	    "<p>Quoted.</p>\n</blockquote>\n<p><a href=\"#noteref-2\" "
	    "class=\"backlink\"");
	assert_has(x, "<li id=\"note-3\" class=\"endnote\" epub:type=\"endnote\">"
	    "\n<p><span class=\"note-number\">3.</span> Unreferenced.</p>\n"
	    "</li>\n</ol>\n</section>\n</section>\n");
	ck_assert_int_eq(ebook_count(x, "class=\"backlink\""), 2);
	g_free(x);
}
END_TEST

/*
 * A book that numbers its notes through: the chapter prints 45 and 46,
 * and its ids count from its own first note, as in any other book.
 */
START_TEST(test_note_ids_continuous)
{
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct note *n = note_new(45, "1", here);
	struct node *p = fixture_para(c->doc, "text");
	char *x;

	e->notes_continuous = 1;
	g_strlcpy(n->mark, "45", sizeof(n->mark));
	n->ref = fixture_node(p, NODE_NOTEREF);
	n->ref->as.noteref.note = n;
	fixture_para(n->body, "A note.");
	g_ptr_array_add(c->notes, n);
	x = ebook_render(e, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<a href=\"#note-1\" id=\"noteref-1\" class=\"noteref\" "
	    "epub:type=\"noteref\" role=\"doc-noteref\">45</a>");
	assert_has(x, "<li id=\"note-1\" class=\"endnote\" epub:type=\"endnote\">"
	    "\n<p><span class=\"note-number\">45.</span> A note. <a href=\""
	    "#noteref-1\"");
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
	struct edition *e = ebook_bare();
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
	path = ebook_write_ok(e, "book.epub");
	x = fixture_zip_entry(path, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<header>\n<h1>C</h1>\n<p class=\"author\">A. Writer"
	    "<sup><a href=\"#note-author\" id=\"noteref-author\" "
	    "class=\"noteref\" epub:type=\"noteref\" role=\"doc-noteref\">*"
	    "</a></sup></p>\n"
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

/*
 * A chapter in another language: its page is in it, and so are its
 * title and headings in the contents (the nav, the NCX and the
 * landmarks); octavo's own words on its page stay in the book's.  The
 * other chapters say nothing of language but at their page's top.
 */
START_TEST(test_chapter_language)
{
	struct edition *e = ebook_sample();
	struct chapter *c = g_ptr_array_index(e->chapters, 1);
	char *path, *x, *one, *nav, *ncx;

	c->language = g_strdup("fr");
	c->meta.translator = g_strdup("T. Ranslator");
	ebook_note(c, 1, "Une note.");
	path = ebook_write_ok(e, "book.epub");
	x = fixture_zip_entry(path, "OEBPS/chapter-two.xhtml");
	assert_has(x, "xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"fr\" "
	    "xml:lang=\"fr\">");
	assert_has(x, "<p class=\"translator\" lang=\"en-US\" "
	    "xml:lang=\"en-US\">Translated by T. Ranslator</p>");
	assert_has(x, "<h2 id=\"s-1\">Only Section</h2>");
	assert_has(x, "<h2 id=\"notes\" lang=\"en-US\" xml:lang=\"en-US\">"
	    "Notes</h2>");
	one = fixture_zip_entry(path, "OEBPS/chapter-one.xhtml");
	ck_assert_int_eq(ebook_count(one, "lang="), 2);
	nav = fixture_zip_entry(path, "OEBPS/nav.xhtml");
	assert_has(nav, "<li><a href=\"chapter-one.xhtml\">The First</a>");
	assert_has(nav, "<li><a href=\"chapter-two.xhtml\" lang=\"fr\" "
	    "xml:lang=\"fr\">The Second</a>");
	assert_has(nav, "<li><a href=\"chapter-two.xhtml#s-1\" lang=\"fr\" "
	    "xml:lang=\"fr\">Only Section</a></li>");
	assert_has(nav, "<li><a href=\"chapter-two.xhtml#notes\">Notes</a>");
	ncx = fixture_zip_entry(path, "OEBPS/toc.ncx");
	assert_has(ncx, "<navLabel xml:lang=\"fr\"><text>The Second</text>");
	ck_assert_int_eq(ebook_count(ncx, "<navLabel xml:lang=\"fr\">"), 2);
	g_free(ncx);
	g_free(nav);
	g_free(one);
	g_free(x);
	g_free(path);
	edition_free(e);
}
END_TEST

/* Soft hyphens leave the text, wherever they were. */
/* A passage in another language: a span inline, a div of blocks. */
START_TEST(test_passages)
{
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct node *p = fixture_para(c->doc, "Said ");
	struct node *span = fixture_node(p, NODE_SPAN);
	struct node *div = fixture_node(c->doc, NODE_DIV);
	char *x;

	span->as.lang = g_strdup("fr");
	fixture_text(span, "au revoir");
	div->as.lang = g_strdup("de");
	fixture_para(div, "Ein Absatz.");
	x = ebook_render(e, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<p>Said <span lang=\"fr\" xml:lang=\"fr\">au revoir"
	    "</span></p>\n");
	assert_has(x, "<div lang=\"de\" xml:lang=\"de\">\n<p>Ein Absatz.</p>\n"
	    "</div>\n");
	g_free(x);
}
END_TEST

START_TEST(test_no_soft_hyphens)
{
	struct edition *e = ebook_sample();
	struct chapter *c = g_ptr_array_index(e->chapters, 0);
	char *path, *s;
	zip_t *za;
	zip_int64_t i;

	g_free(c->meta.title);
	c->meta.title = g_strdup("The Hy" SHY "phen");
	fixture_para(c->doc, "in" SHY "di" SHY "vis" SHY "i" SHY "ble");
	ebook_note(c, 1, "a no" SHY "te");
	ebook_cover_style();
	path = ebook_write_ok(e, "book.epub");
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

/* A note too long for Kobo's pop-ups is a warning; the book is made. */
START_TEST(test_long_note)
{
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "c", "C");
	char *big = g_strnfill(5001, 'x'), *path;

	ebook_note(c, 1, big);
	path = ebook_write(e, NULL, "book.epub", 1);
	g_free(path);
	g_free(big);
	edition_free(e);
}
END_TEST

Suite *
epub_text_suite(void)
{
	Suite *s = suite_create("epub text");
	TCase *tc = tcase_create("text");

	tcase_add_checked_fixture(tc, ebook_setup, ebook_teardown);
	tcase_add_test(tc, test_escape);
	tcase_add_test(tc, test_chapter_text_escaped);
	tcase_add_test(tc, test_chapter_markup);
	tcase_add_test(tc, test_heading_levels);
	tcase_add_test(tc, test_lists);
	tcase_add_test(tc, test_blockquote_nesting);
	tcase_add_test(tc, test_deep_tree);
	tcase_add_test(tc, test_notes);
	tcase_add_test(tc, test_note_ids_continuous);
	tcase_add_test(tc, test_opening_and_preface);
	tcase_add_test(tc, test_chapter_language);
	tcase_add_test(tc, test_passages);
	tcase_add_test(tc, test_no_soft_hyphens);
	tcase_add_test(tc, test_long_note);
	suite_add_tcase(s, tc);
	return s;
}
