/*
 * test_epub_pages.c — the print edition's pages in the e-book: markers
 * where they begin, the page list, the index's locators by page, and
 * the accessibility metadata of a book with pages, an index and a cover.
 */
#include <string.h>

#include "ebook.h"
#include "suites.h"

static const struct srcpos here = { "test", 1, 1 };

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

/*
 * A chapter "c" whose text and note hold print pages 1 to 7: at the
 * chapter's head, a heading's start (its marker before the heading),
 * inside a text node, in the note
 * (a footnote run over onto page 4, whose marker follows the reference
 * on page 3, as the note itself comes after page 7), at the start of
 * an inline's text, inside a two-byte character (moved back to its
 * start), and past the end of a paragraph.  Then chapter "d", page 8.
 */
static struct edition *
paged_edition(struct pagemap *pm)
{
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct node *h = fixture_heading(c->doc, 2, "Head");
	struct node *p = fixture_para(c->doc, "plain ");	/* bytes 0-5 */
	struct note *n = ebook_note(c, 1, "note text");

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

/*
 * An index mark at the start of a block's first text, with its entry:
 * mark id, para, note.
 */
static struct index_mark *
mark(struct index_entry *ie, struct chapter *c, struct node *block,
    const struct note *n, int id)
{
	struct index_mark *m = index_mark_new(ie, c, n, block->first, 0);

	m->para = 1;
	m->id = id;
	return m;
}

START_TEST(test_pagebreaks)
{
	struct pagemap pm;
	struct edition *e = paged_edition(&pm);
	char *path = ebook_write(e, &pm, "book.epub", 0);
	char *x = fixture_zip_entry(path, "OEBPS/chapter-c.xhtml");
	char *y = fixture_zip_entry(path, "OEBPS/chapter-d.xhtml");

	assert_has(x, "<section epub:type=\"chapter\" role=\"doc-chapter\">\n"
	    PB("1") "<header>\n<h1>C</h1>");
	/* Outside the heading, which a reader would read it out with. */
	assert_has(x, PB("2") "<h2 id=\"s-1\">Head</h2>");
	assert_has(x, "<p>pla" PB("3") "in <sup><a href=\"#note-1\" "
	    "id=\"noteref-1\" class=\"noteref\" epub:type=\"noteref\" "
	    "role=\"doc-noteref\">1"
	    "</a></sup>" PB("4") "<em>" PB("5") "caf" PB("6") "\xc3\xa9</em> "
	    "tail" PB("7") "</p>");
	assert_has(x, "<span class=\"note-number\">1.</span> note text <a "
	    "href=\"#noteref-1\" class=\"backlink\"");
	assert_has(y, "<p>" PB("8") "second</p>");
	ck_assert_int_eq(ebook_count(x, "epub:type=\"pagebreak\""), 7);
	g_free(x);
	g_free(y);
	g_free(path);
	edition_free(e);
	pagemap_release(&pm);
}
END_TEST

/*
 * A page that begins where an index mark falls: the mark's anchor, then
 * the page's marker, as when the mark began the text after it; within a
 * text and at its end.
 */
START_TEST(test_break_at_mark)
{
	struct pagemap pm;
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct node *p = fixture_para(c->doc, "Ann met Bo");
	struct index_entry *ann = index_entry_new("Smith, Ann", NULL);
	struct index_entry *bo = index_entry_new("Bo", NULL);
	char *path, *x;

	ann->id = 1;
	bo->id = 2;
	g_ptr_array_add(e->index, ann);
	g_ptr_array_add(e->index, bo);
	index_mark_new(bo, c, NULL, p->first, 8)->id = 1;
	index_mark_new(ann, c, NULL, p->first, 10)->id = 2;
	pagemap_init(&pm);
	page(&pm, c->doc, 0, "1");
	page(&pm, p, 8, "2");
	page(&pm, p, 99, "3");
	path = ebook_write(e, &pm, "book.epub", 0);
	x = fixture_zip_entry(path, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<p>Ann met <span id=\"ix-1\"></span>" PB("2") "Bo"
	    "<span id=\"ix-2\"></span>" PB("3") "</p>");
	g_free(x);
	g_free(path);
	edition_free(e);
	pagemap_release(&pm);
}
END_TEST

/* A page that begins with a scene break has its marker before it. */
START_TEST(test_break_begins_page)
{
	struct pagemap pm;
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct node *brk;
	char *path, *x;

	fixture_para(c->doc, "before");
	brk = fixture_node(c->doc, NODE_BREAK);
	fixture_para(c->doc, "after");
	pagemap_init(&pm);
	page(&pm, c->doc, 0, "1");
	page(&pm, brk, 0, "2");
	path = ebook_write(e, &pm, "book.epub", 0);
	x = fixture_zip_entry(path, "OEBPS/chapter-c.xhtml");
	assert_has(x, "<p>before</p>\n" PB("2") "<hr/>\n<p>after</p>");
	g_free(x);
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
	char *path = ebook_write(e, &pm, "book.epub", 0);
	char *nav = fixture_zip_entry(path, "OEBPS/nav.xhtml");
	char *ncx = fixture_zip_entry(path, "OEBPS/toc.ncx");
	char *opf = fixture_zip_entry(path, "OEBPS/content.opf");

	assert_has(nav, "<nav id=\"page-list\" epub:type=\"page-list\" "
	    "role=\"doc-pagelist\" hidden=\"hidden\">\n<h2>Pages</h2>\n<ol>\n"
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
	ck_assert_int_eq(ebook_count(ncx, "<pageTarget "), 8);
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
	struct edition *e = ebook_sample();
	char *path = ebook_write_ok(e, "book.epub");
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
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct node *p = fixture_para(c->doc, "one two"), *stray = node_new(
	    NODE_PARAGRAPH, here);
	struct note *n = ebook_note(c, 1, "unreferenced");
	char *path, *nav;

	pagemap_init(&pm);
	page(&pm, p, 0, "1");
	page(&pm, p, 4, "1");
	page(&pm, stray, 0, "2");
	page(&pm, n->body->first, 2, "3");
	page(&pm, p, 5, "4");
	path = ebook_write(e, &pm, "book.epub", 3);
	nav = fixture_zip_entry(path, "OEBPS/nav.xhtml");
	ck_assert_int_eq(ebook_count(nav, "#page-"), 3);
	assert_lacks(nav, "page-2");
	g_free(nav);
	g_free(path);
	node_free(stray);
	edition_free(e);
	pagemap_release(&pm);
}
END_TEST

/*
 * Index locators from the page map: "12" and "5 n. 1" in page order,
 * one per page; a mark the map lacks keeps its chapter and paragraph.
 * An index page's marker goes at the entry's heading, or before the
 * page number the page begins with.
 */
START_TEST(test_index_pages)
{
	struct pagemap pm;
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct index_entry *ie = index_entry_new("Name, A.", NULL);
	struct node *p1 = fixture_para(c->doc, "first");
	struct node *p2 = fixture_para(c->doc, "again");
	struct node *p3 = fixture_para(c->doc, "unpaged");
	struct note *n = ebook_note(c, 1, "in a note");
	struct index_mark *m1, *m2, *m4;
	char *x, *path;
	guint i;

	ie->id = 1;
	g_ptr_array_add(e->index, ie);
	m1 = mark(ie, c, p1, NULL, 1);
	m2 = mark(ie, c, p2, NULL, 2);
	m2->para = 2;
	mark(ie, c, p3, NULL, 3)->para = 3;
	m4 = mark(ie, c, n->body->first, n, 4);
	pagemap_init(&pm);
	for (i = 1; i <= 12; i++) {
		char label[4];

		g_snprintf(label, sizeof(label), "%u", i);
		page(&pm, NULL, 0, label);
	}
	pagemap_set_mark_page(&pm, m1, 12);
	pagemap_set_mark_page(&pm, m2, 12);
	pagemap_set_mark_page(&pm, m4, 5);
	/* The index: page 13 begins at the entry, 14 amid its numbers. */
	for (i = 13; i <= 14; i++) {
		struct pagebreak pb = { NULL, 0, ie, i == 13 ? 0 : 12,
		    PRELIM_NONE, "" };

		g_snprintf(pb.label, sizeof(pb.label), "%u", i);
		g_ptr_array_add(pm.labels, g_strdup(pb.label));
		g_array_append_val(pm.breaks, pb);
	}
	path = ebook_write(e, &pm, "book.epub", 0);
	x = fixture_zip_entry(path, "OEBPS/index.xhtml");
	assert_has(x, "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" "
	    "id=\"page-13\" aria-label=\"13\"></span><span epub:type=\"index-term\">"
	    "Name, A.</span>, "
	    "<a epub:type=\"index-locator\" href=\"chapter-c.xhtml#ix-4\">"
	    "5\xc2\xa0n.\xc2\xa0" "1</a>, <span epub:type=\"pagebreak\" "
	    "role=\"doc-pagebreak\" id=\"page-14\" aria-label=\"14\"></span>"
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
	ebook_cover_style();
	path = ebook_write(e, &pm, "book.epub", 0);
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
	assert_has(opf, "<meta property=\"dcterms:conformsTo\">EPUB "
	    "Accessibility 1.1 - WCAG 2.1 Level AA</meta>");
	g_free(opf);
	/* The imprint, made after the text's pages, says so too. */
	opf = fixture_zip_entry(path, "OEBPS/imprint.xhtml");
	assert_has(opf, "are marked in the text and listed");
	g_free(opf);
	g_free(path);
	edition_free(e);
	pagemap_release(&pm);
}
END_TEST

Suite *
epub_pages_suite(void)
{
	Suite *s = suite_create("epub pages");
	TCase *tc = tcase_create("pages");

	tcase_add_checked_fixture(tc, ebook_setup, ebook_teardown);
	tcase_add_test(tc, test_pagebreaks);
	tcase_add_test(tc, test_break_begins_page);
	tcase_add_test(tc, test_break_at_mark);
	tcase_add_test(tc, test_page_list);
	tcase_add_test(tc, test_no_pages);
	tcase_add_test(tc, test_pages_lost);
	tcase_add_test(tc, test_index_pages);
	tcase_add_test(tc, test_accessibility);
	suite_add_tcase(s, tc);
	return s;
}
