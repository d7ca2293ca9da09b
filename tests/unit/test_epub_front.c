/*
 * test_epub_front.c — the pages around the text: the navigation (its
 * contents and the NCX), the cover, the title page and the imprint.
 */
#include <string.h>

#include <cairo.h>
#include <zip.h>

#include "ebook.h"
#include "out/kept.h"
#include "suites.h"

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

START_TEST(test_nav)
{
	char *nav = ebook_render(ebook_sample(), "OEBPS/nav.xhtml");

	assert_has(nav, "<nav id=\"toc\" class=\"toc\" epub:type=\"toc\" "
	    "role=\"doc-toc\">");
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
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "c", "C");
	char *nav, *ncx, *path;

	fixture_heading(c->doc, 3, "lead");
	fixture_heading(c->doc, 2, "a");
	fixture_heading(c->doc, 4, "b");
	fixture_heading(c->doc, 3, "c");
	fixture_node(c->doc, NODE_HEADING)->as.heading.level = 2;
	fixture_heading(c->doc, 2, "d");
	path = ebook_write_ok(e, "book.epub");
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
	char *ncx = ebook_render(ebook_sample(), "OEBPS/toc.ncx");

	assert_has(ncx, "<meta name=\"dtb:uid\" content=\"" IDENTIFIER "\"/>");
	assert_has(ncx, "<docTitle><text>Essays &amp; Studies</text></docTitle>");
	assert_has(ncx, "<navPoint id=\"navpoint-1\" playOrder=\"1\">"
	    "<navLabel><text>Title Page</text></navLabel>"
	    "<content src=\"titlepage.xhtml\"/>\n</navPoint>\n");
	ck_assert_int_eq(ebook_count(ncx, "<navPoint "), 7);
	ck_assert_int_eq(ebook_count(ncx, "</navPoint>"), 7);
	assert_lacks(ncx, "<pageList>");
	assert_has(ncx, "<meta name=\"dtb:totalPageCount\" content=\"0\"/>");
	g_free(ncx);
}
END_TEST

START_TEST(test_titlepage)
{
	char *x = ebook_render(ebook_sample(), "OEBPS/titlepage.xhtml");

	assert_has(x, "<h1>Essays &amp; Studies</h1>\n"
	    "<p class=\"subtitle\">Five Texts</p>\n"
	    "<p class=\"editors\">Edited by The Editors</p>\n"
	    "<p class=\"authors\">With texts by A. Writer and B. Writer</p>");
	g_free(x);
}
END_TEST

/* No chapters still makes a valid book: title page and contents. */
START_TEST(test_no_chapters)
{
	char *opf = ebook_render(ebook_bare(), "OEBPS/content.opf");

	assert_has(opf, "<spine toc=\"ncx\">\n<itemref idref=\"titlepage\"/>\n"
	    "<itemref idref=\"imprint\"/>\n<itemref idref=\"nav\"/>\n"
	    "</spine>");
	assert_lacks(opf, "<dc:creator id=\"creator-2\"");
	g_free(opf);
}
END_TEST

/* The cover: drawn, the same bytes twice, declared and shown. */
START_TEST(test_cover)
{
	struct edition *e = ebook_sample();
	char *p1, *p2, *png1, *png2, *opf, *page, *nav;
	zip_t *za;
	zip_stat_t st;
	int w, h;
	double ink;

	ebook_cover_style();
	p1 = ebook_write_ok(e, "a.epub");
	p2 = ebook_write_ok(e, "b.epub");
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
	assert_has(page, "<section id=\"cover\" class=\"cover\" "
	    "epub:type=\"cover\">\n"
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

/*
 * A kept cover is reused while what it shows is unchanged (its bytes,
 * here not a drawing at all, go into the book as they are), and drawn
 * anew, the same as without keeping, once the title changes.
 */
START_TEST(test_cover_kept)
{
	struct edition *e = ebook_sample();
	char *kept = g_build_filename(ebook_dir, "book.cover", NULL);
	char *text, *nl, *key, *p, *png, *fresh;
	GBytes *other = g_bytes_new_static("kept", 4);
	gsize len;

	ebook_cover_style();
	ebook_cover_kept = kept;
	g_free(ebook_write_ok(e, "a.epub"));
	ck_assert(g_file_get_contents(kept, &text, &len, NULL));
	ck_assert(g_str_has_prefix(text, "octavo-kept "));
	ck_assert((nl = strchr(text, '\n')) != NULL);
	ck_assert_mem_eq(nl + 1, "\x89PNG", 4);
	/* Other bytes kept under the cover's key, as kept.c writes them. */
	key = g_strndup(text + strlen("octavo-kept "),
	    strcspn(text + strlen("octavo-kept "), " "));
	ck_assert(kept_save(kept, key, other, NULL));
	p = ebook_write_ok(e, "b.epub");
	png = fixture_zip_entry(p, "OEBPS/images/cover.png");
	ck_assert_str_eq(png, "kept");
	g_free(png);
	g_free(p);

	g_free(e->meta.title);
	e->meta.title = g_strdup("Another Title");
	p = ebook_write_ok(e, "c.epub");
	png = fixture_zip_entry(p, "OEBPS/images/cover.png");
	ck_assert_mem_eq(png, "\x89PNG", 4);
	g_free(p);
	ebook_cover_kept = NULL;
	p = ebook_write_ok(e, "d.epub");
	fresh = fixture_zip_entry(p, "OEBPS/images/cover.png");
	ck_assert_mem_eq(png, fresh, 4096);
	g_free(fresh);
	g_free(png);
	g_free(p);
	g_free(text);
	g_free(key);
	g_bytes_unref(other);
	g_free(kept);
	edition_free(e);
}
END_TEST

/*
 * The cover drawn ahead (epub_cover), as a build draws it beside the
 * layout: none without a cover style, and nothing said; else the bytes
 * epub_write draws itself; and a cover given in the options is the
 * book's, not drawn again.
 */
START_TEST(test_cover_ahead)
{
	struct edition *e = ebook_sample();
	struct epub_options o = { ebook_css, 0, NULL, NULL, NULL, NULL,
	    NULL };
	GBytes *png;
	const char *bytes;
	char *path, *entry;
	gsize len;
	zip_t *za;
	zip_stat_t st;
	struct diags d;

	diags_init(&d);
	ck_assert_ptr_null(epub_cover(e, &o, &d));
	ck_assert_uint_eq(d.list->len, 0);
	ebook_cover_style();
	png = epub_cover(e, &o, &d);
	ck_assert_ptr_nonnull(png);
	ck_assert_int_eq(d.count[DIAG_ERROR], 0);
	bytes = g_bytes_get_data(png, &len);
	path = ebook_write_ok(e, "drawn.epub");
	za = zip_open(path, ZIP_RDONLY, NULL);
	ck_assert_int_eq(zip_stat(za, "OEBPS/images/cover.png", 0, &st), 0);
	ck_assert_uint_eq(st.size, len);
	zip_discard(za);
	entry = fixture_zip_entry(path, "OEBPS/images/cover.png");
	ck_assert_mem_eq(entry, bytes, len);
	g_free(entry);
	g_free(path);
	g_bytes_unref(png);
	o.cover = g_bytes_new_static("given", 5);
	path = g_build_filename(ebook_dir, "given.epub", NULL);
	ck_assert_int_eq(fixture_epub(e, &o, NULL, path, &d), 0);
	entry = fixture_zip_entry(path, "OEBPS/images/cover.png");
	ck_assert_str_eq(entry, "given");
	g_free(entry);
	g_free(path);
	g_bytes_unref(o.cover);
	diags_release(&d);
	edition_free(e);
}
END_TEST

/* A bad cover style: an error at its line, and no book. */
START_TEST(test_cover_style_errors)
{
	struct edition *e = ebook_sample();
	char *ini = g_build_filename(ebook_dir, "cover.ini", NULL);
	char *path = g_build_filename(ebook_dir, "book.epub", NULL);
	struct diags d;
	guint i;

	ck_assert(g_file_set_contents(ini, "[cover]\nwidth = 1600\n"
	    "height = 2400\nfont = EB Garamond 12\nbackground = #000000\n"
	    "ink = red\naccent = #ffffff\ntitle-size = 0.07\n", -1, NULL));
	diags_init(&d);
	struct epub_options o = { ebook_css, 0, NULL, NULL, NULL, NULL,
	    NULL };

	ck_assert_int_eq(fixture_epub(e, &o, NULL, path, &d), -1);
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
	char *x = ebook_render(ebook_sample(), "OEBPS/imprint.xhtml");

	assert_has(x, "<section id=\"imprint\" class=\"imprint\" "
	    "epub:type=\"imprint\"");
	assert_has(x, "<p class=\"rights\">Reprinted for study.</p>\n"
	    "<p class=\"date\">Published by Lantern Press, 2026.</p>\n");
	/* A urn:uuid means nothing to a reader: no identifier is shown. */
	ck_assert_ptr_null(strstr(x, "urn:"));
	assert_has(x, "<h2 id=\"sources-title\">Sources</h2>\n"
	    "<p class=\"entry\"><a href=\"chapter-one.xhtml\">\xe2\x80\x9cThe "
	    "First,\xe2\x80\x9d by A. Writer and B. Writer. Journal of Things 1 "
	    "(1980).</a></p>\n<p class=\"entry\"><a href=\"chapter-two.xhtml\">"
	    "\xe2\x80\x9cThe Second,\xe2\x80\x9d by A. Writer.</a></p>");
	assert_has(x, "<section id=\"colophon\" class=\"colophon\" "
	    "epub:type=\"colophon\" role=\"doc-colophon\"");
	assert_has(x, "made by octavo");
	assert_has(x, "Made 2023-11-14.");
	g_free(x);
}
END_TEST

/*
 * A monograph: its author on the title page, the cover and in the
 * package, filed under the surname, its editors only contributors; its chapters, by the same author,
 * carry no byline, and a chapter's label opens its heading and its
 * entry in the contents.
 */
START_TEST(test_book_author)
{
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "one", "The First");
	char *path, *x;

	e->meta.author = g_strdup("Leo Tolstoy");
	c->meta.author = g_strdup("Leo Tolstoy");
	c->meta.label = g_strdup("Chapter I");
	ebook_cover_style();
	path = ebook_write_ok(e, "book.epub");
	x = fixture_zip_entry(path, "OEBPS/titlepage.xhtml");
	assert_has(x, "<p class=\"subtitle\">Five Texts</p>\n<p class=\""
	    "author\">Leo Tolstoy</p>\n<p class=\"editors\">Edited by The "
	    "Editors</p>\n</section>");
	g_free(x);
	x = fixture_zip_entry(path, "OEBPS/content.opf");
	assert_has(x, "<dc:creator id=\"creator-1\">Leo Tolstoy</dc:creator>\n"
	    "<meta property=\"file-as\" refines=\"#creator-1\">Tolstoy, Leo"
	    "</meta>\n<meta property=\"role\" refines=\"#creator-1\" "
	    "scheme=\"marc:relators\">aut</meta>\n<dc:contributor "
	    "id=\"contributor-2\">The Editors</dc:contributor>");
	ck_assert_int_eq(ebook_count(x, "<dc:creator"), 1);
	g_free(x);
	x = fixture_zip_entry(path, "OEBPS/cover.xhtml");
	assert_has(x, "alt=\"The cover: Essays &amp; Studies: Five Texts, by "
	    "Leo Tolstoy, edited by The Editors.\"");
	g_free(x);
	x = fixture_zip_entry(path, "OEBPS/chapter-one.xhtml");
	assert_has(x, "<header>\n<p class=\"label\">Chapter I</p>\n"
	    "<h1>The First</h1>\n</header>");
	g_free(x);
	x = fixture_zip_entry(path, "OEBPS/nav.xhtml");
	assert_has(x, "<a href=\"chapter-one.xhtml\">Chapter I: The First</a>");
	g_free(x);
	g_free(path);
	edition_free(e);
}
END_TEST

Suite *
epub_front_suite(void)
{
	Suite *s = suite_create("epub front");
	TCase *tc = tcase_create("front");

	tcase_add_checked_fixture(tc, ebook_setup, ebook_teardown);
	tcase_add_test(tc, test_nav);
	tcase_add_test(tc, test_nav_uneven_levels);
	tcase_add_test(tc, test_ncx);
	tcase_add_test(tc, test_titlepage);
	tcase_add_test(tc, test_no_chapters);
	tcase_add_test(tc, test_cover);
	tcase_add_test(tc, test_cover_kept);
	tcase_add_test(tc, test_cover_ahead);
	tcase_add_test(tc, test_cover_style_errors);
	tcase_add_test(tc, test_imprint);
	tcase_add_test(tc, test_book_author);
	suite_add_tcase(s, tc);
	return s;
}
