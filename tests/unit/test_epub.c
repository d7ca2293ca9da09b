/*
 * test_epub.c — the EPUB back end's container and package: the zip's
 * layout, the package metadata and its creators, well-formed and
 * reproducible files, the embedded face, and failures that leave no
 * book.  The other test_epub_*.c files test the pages.
 */
#include <string.h>

#include <zip.h>

#include "ebook.h"
#include "out/indexing.h"
#include "suites.h"

/* Writes e to path and expects failure with one error about file. */
static void
write_fails(const struct edition *e, const char *style, const char *path,
    const char *file)
{
	struct diags d;
	const struct diag *dg;
	guint i;

	diags_init(&d);
	struct epub_options o = { style, 0, NULL, NULL, NULL, NULL, NULL };

	ck_assert_int_eq(fixture_epub(e, &o, NULL, path, &d), -1);
	ck_assert_int_eq(d.count[DIAG_ERROR], 1);
	for (i = 0; (dg = &g_array_index(d.list, struct diag, i))->level !=
	    DIAG_ERROR; i++)
		continue;
	if (file != NULL)
		ck_assert_str_eq(dg->pos.file, file);
	diags_release(&d);
}

/* The local file header: mimetype first, stored, no extra field. */
START_TEST(test_mimetype_first)
{
	struct edition *e = ebook_sample();
	char *path = ebook_write_ok(e, "book.epub");
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
	struct edition *e = ebook_sample();
	char *path = ebook_write_ok(e, "book.epub");
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
	char *opf = ebook_render(ebook_sample(), "OEBPS/content.opf");

	assert_has(opf, "unique-identifier=\"uid\"");
	assert_has(opf, "<dc:identifier id=\"uid\">" IDENTIFIER "</dc:identifier>");
	assert_has(opf, "<dc:language>en-US</dc:language>");
	assert_has(opf, "<dc:title id=\"title\">Essays &amp; Studies</dc:title>");
	assert_has(opf, "<dc:description>Essays &lt;on&gt; history.</dc:description>");
	assert_has(opf, "<meta property=\"dcterms:modified\">"
	    "2023-11-14T22:13:20Z</meta>");
	assert_has(opf, "<dc:publisher>Lantern Press</dc:publisher>\n"
	    "<dc:date>2026</dc:date>");
	assert_has(opf, "<dc:source>\xe2\x80\x9cThe First,\xe2\x80\x9d by A. "
	    "Writer and B. Writer. Journal of Things 1 (1980).</dc:source>");
	ck_assert_int_eq(ebook_count(opf, "<dc:source"), 1);	/* two has none */
	assert_has(opf, "<meta property=\"schema:accessibilityHazard\">none</meta>");
	assert_has(opf, "<meta property=\"schema:accessMode\">textual</meta>");
	assert_has(opf, "<itemref idref=\"chapter-one\"/>\n"
	    "<itemref idref=\"chapter-two\"/>");
	assert_has(opf, "href=\"chapter-two.xhtml\"");
	g_free(opf);
}
END_TEST

/*
 * Authors split at "and" and listed once each; the editor as editor;
 * each filed as a catalogue files them.
 */
START_TEST(test_opf_creators)
{
	char *opf = ebook_render(ebook_sample(), "OEBPS/content.opf");

	assert_has(opf, "<dc:creator id=\"creator-1\">The Editors</dc:creator>\n"
	    "<meta property=\"file-as\" refines=\"#creator-1\">Editors, The"
	    "</meta>\n<meta property=\"role\" refines=\"#creator-1\" "
	    "scheme=\"marc:relators\">edt</meta>");
	assert_has(opf, "<dc:creator id=\"creator-2\">A. Writer</dc:creator>\n"
	    "<meta property=\"file-as\" refines=\"#creator-2\">Writer, A."
	    "</meta>\n<meta property=\"role\" refines=\"#creator-2\" "
	    "scheme=\"marc:relators\">aut</meta>");
	assert_has(opf, "<dc:creator id=\"creator-3\">B. Writer</dc:creator>");
	ck_assert_int_eq(ebook_count(opf, ">A. Writer<"), 1);
	ck_assert_int_eq(ebook_count(opf, "<dc:creator"), 3);
	g_free(opf);
}
END_TEST

START_TEST(test_modified_now)
{
	char *opf;

	g_unsetenv("SOURCE_DATE_EPOCH");
	opf = ebook_render(ebook_sample(), "OEBPS/content.opf");
	ck_assert_msg(g_regex_match_simple("<meta property=\"dcterms:modified\">"
	    "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</meta>", opf, 0, 0),
	    "no modified time in:\n%s", opf);
	assert_lacks(opf, "2023-11-14T22:13:20Z");
	g_free(opf);
}
END_TEST

/* Every XML file parses: no unbalanced tags or stray entities. */
START_TEST(test_well_formed)
{
	struct edition *e = ebook_sample();
	char *path = ebook_write_ok(e, "book.epub");
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

/*
 * The pages rendered from the text come first in the archive, in
 * reading order, each made as it is zipped; the package document,
 * which needs them all, right after them.
 */
START_TEST(test_text_first)
{
	struct edition *e = ebook_sample();
	char *path = ebook_write_ok(e, "book.epub");
	zip_t *za = zip_open(path, ZIP_RDONLY, NULL);
	guint i, at = 2;

	ck_assert_str_eq(zip_get_name(za, 1, 0), "META-INF/container.xml");
	for (i = 0; i < e->chapters->len; i++, at++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);
		char *want = g_strdup_printf("OEBPS/chapter-%s.xhtml", c->id);

		ck_assert_str_eq(zip_get_name(za, at, 0), want);
		g_free(want);
	}
	if (index_printed(e))
		ck_assert_str_eq(zip_get_name(za, at++, 0), "OEBPS/index.xhtml");
	ck_assert_str_eq(zip_get_name(za, at, 0), "OEBPS/content.opf");
	zip_discard(za);
	g_free(path);
	edition_free(e);
}
END_TEST

/*
 * No entry is written as Zip64, which a book of this size never needs
 * and old reading systems refuse: each local header asks for version
 * 2.0 at most and carries no extra field, the pages made as they are
 * zipped included.
 */
START_TEST(test_no_zip64)
{
	struct edition *e = ebook_sample();
	char *path = ebook_write_ok(e, "book.epub"), *bytes;
	const guchar *b;
	gsize len, i;
	int headers = 0;

	ck_assert(g_file_get_contents(path, &bytes, &len, NULL));
	b = (const guchar *)bytes;
	for (i = 0; i + 30 <= len; i++)
		if (memcmp(b + i, "PK\3\4", 4) == 0) {
			ck_assert_int_le(b[i + 4] | b[i + 5] << 8, 20);
			ck_assert_int_eq(b[i + 28] | b[i + 29] << 8, 0);
			headers++;
		}
	ck_assert_int_ge(headers, 8);
	g_free(bytes);
	g_free(path);
	edition_free(e);
}
END_TEST

/* Same input and SOURCE_DATE_EPOCH: the same bytes, dated in UTC. */
START_TEST(test_reproducible)
{
	struct edition *e = ebook_sample();
	char *p1 = ebook_write_ok(e, "a.epub"), *p2;
	char *b1, *b2;
	gsize n1, n2;

	g_setenv("TZ", "America/New_York", TRUE);
	tzset();
	p2 = ebook_write_ok(e, "b.epub");
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

START_TEST(test_unwritable)
{
	struct edition *e = ebook_sample();
	char *path = g_build_filename(ebook_dir, "missing", "book.epub", NULL);

	write_fails(e, ebook_css, path, path);
	ck_assert(!g_file_test(path, G_FILE_TEST_EXISTS));
	g_free(path);
	edition_free(e);
}
END_TEST

START_TEST(test_missing_stylesheet)
{
	struct edition *e = ebook_sample();
	char *path = g_build_filename(ebook_dir, "book.epub", NULL);
	char *style = g_build_filename(ebook_dir, "none.css", NULL);

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
	struct edition *e = ebook_sample();
	char *path = g_build_filename(ebook_dir, "book.epub", NULL);

	g_setenv("SOURCE_DATE_EPOCH", "yesterday", TRUE);
	write_fails(e, ebook_css, path, NULL);
	g_free(path);
	edition_free(e);
}
END_TEST

START_TEST(test_missing_metadata)
{
	struct edition *e = ebook_sample();
	char *path = g_build_filename(ebook_dir, "book.epub", NULL);

	g_clear_pointer(&e->identifier, g_free);
	write_fails(e, ebook_css, path, NULL);
	g_free(path);
	edition_free(e);
}
END_TEST

/* epub-embed-fonts: the print face's files, declared and used. */
START_TEST(test_embed_fonts)
{
	struct edition *e = ebook_sample();
	char *path, *sheet, *opf, *font, *imprint;

	ebook_fonts = 1;
	path = ebook_write_ok(e, "book.epub");
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

Suite *
epub_suite(void)
{
	Suite *s = suite_create("epub");
	TCase *tc = tcase_create("package");

	tcase_add_checked_fixture(tc, ebook_setup, ebook_teardown);
	tcase_add_test(tc, test_mimetype_first);
	tcase_add_test(tc, test_container);
	tcase_add_test(tc, test_opf_metadata);
	tcase_add_test(tc, test_opf_creators);
	tcase_add_test(tc, test_modified_now);
	tcase_add_test(tc, test_well_formed);
	tcase_add_test(tc, test_text_first);
	tcase_add_test(tc, test_no_zip64);
	tcase_add_test(tc, test_reproducible);
	tcase_add_test(tc, test_unwritable);
	tcase_add_test(tc, test_missing_stylesheet);
	tcase_add_test(tc, test_bad_epoch);
	tcase_add_test(tc, test_missing_metadata);
	tcase_add_test(tc, test_embed_fonts);
	suite_add_tcase(s, tc);
	return s;
}
