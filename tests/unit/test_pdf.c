/*
 * test_pdf.c — whole PDFs of hand-built editions read back with poppler
 * (pdftotext, pdfinfo, pdffonts) and qpdf: the text, the chapters and
 * their openings, the contents, running heads, metadata and fonts,
 * reproducibility and failures.  test_pdf_notes.c and test_pdf_index.c
 * test the footnotes, the structure and the index of names.
 */
#include <string.h>

#include "proof.h"
#include "suites.h"

static const struct srcpos here = { "test", 1, 1 };

START_TEST(test_write_is_pdf)
{
	struct edition *e = proof_sample();
	char *path = proof_write(e, "a.pdf");
	const char *check[] = { "qpdf", "--check", path, NULL };
	char *bytes, *out;
	gsize len;

	ck_assert(g_file_get_contents(path, &bytes, &len, NULL));
	ck_assert_uint_gt(len, 1000);
	ck_assert_int_eq(memcmp(bytes, "%PDF-", 5), 0);
	out = proof_run(check);
	ck_assert_msg(out != NULL, "qpdf --check fails");
	g_free(out);
	g_free(bytes);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

START_TEST(test_text_is_found)
{
	static const char *const words[] = { "The First Chapter", "Au Thor",
	    "Opening words of the first chapter", "emphatically",
	    "A Section", "Quoted words, set smaller.", "First item.",
	    "Second item.", "After the break.", "The Second Chapter",
	    "Terminus." };
	struct edition *e = proof_sample();
	char *path = proof_write(e, "a.pdf"), *text = proof_text(path, 0);
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(words); i++)
		ck_assert_msg(strstr(text, words[i]) != NULL,
		    "'%s' not in the PDF's text", words[i]);
	g_free(text);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

START_TEST(test_chapters_open_on_rectos)
{
	struct edition *e = proof_sample();
	char *path = proof_write(e, "a.pdf"), *text;
	int one = proof_page_of(path, "Opening words"), two;

	two = proof_page_of(path, "Beginning of the second");
	ck_assert_int_eq(one % 2, 1);
	ck_assert_int_eq(two % 2, 1);
	ck_assert_int_gt(two, one);
	text = proof_text(path, two);
	ck_assert_ptr_nonnull(strstr(text, "The Second Chapter"));
	g_free(text);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/* The contents gives each chapter's page, counted from the text's first. */
START_TEST(test_contents_has_page_numbers)
{
	struct edition *e = proof_sample();
	char *path = proof_write(e, "a.pdf"), *text, *want;
	int contents = proof_page_of(path, "Contents");
	int one = proof_page_of(path, "Opening words");
	int two = proof_page_of(path, "Beginning of the second");

	ck_assert_int_gt(contents, 0);
	ck_assert_int_lt(contents, one);
	text = proof_text(path, contents);
	want = g_strdup_printf("The Second Chapter %d", two - one + 1);
	ck_assert_msg(strstr(text, want) != NULL, "no '%s' in '%s'", want,
	    text);
	ck_assert_ptr_nonnull(strstr(text, "The First Chapter 1 Au Thor"));
	g_free(want);
	g_free(text);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

START_TEST(test_long_paragraph_spans_pages)
{
	struct edition *e = proof_sample();
	char *path = proof_write(e, "a.pdf");
	int begin = proof_page_of(path, "Beginning of the second");
	int end = proof_page_of(path, "Terminus.");

	ck_assert_int_gt(begin, 0);
	ck_assert_int_ge(end, begin + 3);
	ck_assert_int_eq(end, proof_page_count(path));
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/* Versos carry the book's title, rectos the chapter's; openings neither. */
START_TEST(test_running_heads)
{
	struct edition *e = proof_sample();
	char *path = proof_write(e, "a.pdf");
	int two = proof_page_of(path, "Beginning of the second");
	char *opening = proof_text_lower(path, two);
	char *verso = proof_text_lower(path, two + 1);
	char *recto = proof_text_lower(path, two + 2);

	ck_assert_ptr_null(strstr(opening, "a test edition"));
	ck_assert_ptr_nonnull(strstr(verso, "a test edition"));
	ck_assert_ptr_nonnull(strstr(recto, "the second chapter"));
	g_free(opening);
	g_free(verso);
	g_free(recto);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/* Same SOURCE_DATE_EPOCH, same bytes, dated then. */
START_TEST(test_reproducible)
{
	struct edition *e = proof_sample();
	char *a, *b, *abytes, *bbytes, *info;
	gsize alen, blen;

	g_setenv("SOURCE_DATE_EPOCH", "1700000000", TRUE);
	a = proof_write(e, "a.pdf");
	b = proof_write(e, "b.pdf");
	g_unsetenv("SOURCE_DATE_EPOCH");
	ck_assert(g_file_get_contents(a, &abytes, &alen, NULL));
	ck_assert(g_file_get_contents(b, &bbytes, &blen, NULL));
	ck_assert_uint_eq(alen, blen);
	ck_assert_int_eq(memcmp(abytes, bbytes, alen), 0);
	info = proof_info(a);
	ck_assert(g_regex_match_simple("^CreationDate: +2023-11-14T22:13:20",
	    info, G_REGEX_MULTILINE, 0));
	g_free(info);
	g_free(abytes);
	g_free(bbytes);
	fixture_remove(a);
	fixture_remove(b);
	edition_free(e);
}
END_TEST

/*
 * A SOURCE_DATE_EPOCH that is no count of seconds is an error for the
 * PDF, as for the EPUB (it was a warning here, and the PDF dated now).
 */
START_TEST(test_bad_epoch)
{
	struct edition *e = proof_sample();
	char *path = fixture_file("a.pdf", "", 0);
	struct style st;
	struct diags d;

	style_init(&st);
	diags_init(&d);
	g_setenv("SOURCE_DATE_EPOCH", "yesterday", TRUE);
	ck_assert_int_eq(pdf_write(e, &st, path, NULL, NULL, &d), -1);
	g_unsetenv("SOURCE_DATE_EPOCH");
	ck_assert_int_eq(d.count[DIAG_ERROR], 1);
	ck_assert_int_eq(fixture_diags_matching(&d, "SOURCE_DATE_EPOCH is "
	    "'yesterday'"), 1);
	diags_release(&d);
	style_release(&st);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/*
 * Characters in no font, one in each chapter: the text drawn as it is
 * set stops drawing at the first, but the error, once the book is laid
 * out, names the first and counts the second.
 */
START_TEST(test_no_font_in_two_chapters)
{
	struct edition *e = proof_sample();
	char *path = proof_path("nofont.pdf");
	struct style st;
	struct diags d;
	guint i;

	for (i = 0; i < 2; i++)
		fixture_para(((struct chapter *)g_ptr_array_index(e->chapters,
		    i))->doc, i == 0 ? "A private sign \xf3\xb0\x80\x80 here." :
		    "Another \xf3\xb0\x80\x81 there.");
	style_init(&st);
	diags_init(&d);
	ck_assert_int_eq(pdf_write(e, &st, path, NULL, NULL, &d), -1);
	ck_assert_int_eq(d.count[DIAG_ERROR], 1);
	ck_assert_int_eq(fixture_diags_matching(&d, "'\xf3\xb0\x80\x80' "
	    "(U+F0000) and 1 other character after it are in no font"), 1);
	ck_assert(!g_file_test(path, G_FILE_TEST_EXISTS));
	diags_release(&d);
	style_release(&st);
	g_free(path);
	edition_free(e);
}
END_TEST

START_TEST(test_metadata_and_fonts)
{
	struct edition *e = proof_sample();
	char *path = proof_write(e, "a.pdf");
	const char *fonts[] = { "pdffonts", path, NULL };
	char *out = proof_info(path);

	ck_assert(g_regex_match_simple("^Title: +A Test Edition$", out,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^Author: +Ed Itor$", out,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^Creator: +octavo$", out,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^Subject: +Texts for testing.$", out,
	    G_REGEX_MULTILINE, 0));
	g_free(out);
	out = proof_run(fonts);
	ck_assert_ptr_nonnull(out);
	ck_assert_ptr_nonnull(strstr(out, "EBGaramond12-Regular"));
	ck_assert_ptr_nonnull(strstr(out, "EBGaramond12-Italic"));
	g_free(out);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/* The style's trim is the PDF's page size: A5 from styles/print-a5.ini. */
START_TEST(test_page_size_from_style)
{
	struct edition *e = proof_sample();
	struct style st;
	struct diags d;
	char *path, *info;

	diags_init(&d);
	ck_assert_int_eq(style_read(&st, "../../styles/print-a5.ini", &d), 0);
	path = proof_write_styled(e, &st, "a5.pdf");
	info = proof_info(path);
	ck_assert(g_regex_match_simple("^Page size: +419.528 x 595.276 pts",
	    info, G_REGEX_MULTILINE, 0));
	g_free(info);
	fixture_remove(path);
	style_release(&st);
	diags_release(&d);
	edition_free(e);
}
END_TEST

START_TEST(test_unwritable_path)
{
	struct edition *e = proof_sample();
	struct style st;
	struct diags d;
	const struct diag *dg;

	style_init(&st);
	diags_init(&d);
	ck_assert_int_eq(pdf_write(e, &st, "/nonexistent/dir/a.pdf", NULL,
	    NULL, &d), -1);
	ck_assert(diags_failed(&d));
	dg = &g_array_index(d.list, struct diag, 0);
	ck_assert_str_eq(dg->pos.file, "/nonexistent/dir/a.pdf");
	ck_assert_ptr_nonnull(strstr(dg->msg, "No such file"));
	diags_release(&d);
	style_release(&st);
	edition_free(e);
}
END_TEST

/* 50,000 quotations deep: no recursion, and the text still fits. */
START_TEST(test_deep_nesting)
{
	struct edition *e = edition_new();
	struct chapter *c = fixture_chapter(e, "deep", "Deep");
	struct node *n = c->doc;
	char *path, *text;
	int i;

	e->meta.title = g_strdup("Deep");
	for (i = 0; i < 50000; i++) {
		struct node *q = node_new(NODE_BLOCKQUOTE, here);

		node_append(n, q);
		n = q;
	}
	fixture_para(n, "At the bottom.");
	path = proof_write(e, "deep.pdf");
	text = proof_text(path, 0);
	ck_assert_ptr_nonnull(strstr(text, "At the bottom."));
	g_free(text);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/*
 * A link is a link annotation over its text, to its URL, percent-encoded
 * where a PDF string would break; a link set as its text only is none.
 */
START_TEST(test_link_annotations)
{
	struct edition *e = edition_new();
	struct chapter *c = fixture_chapter(e, "links", "Links");
	struct node *p = fixture_para(c->doc, "See ");
	struct node *link = fixture_node(p, NODE_LINK);
	char *path, *raw;
	const char *qdf[] = { "qpdf", "--qdf", "--object-streams=disable",
	    NULL, "-", NULL };

	e->meta.title = g_strdup("Links");
	link->as.link->url = g_strdup("https://e.org/a(b\\c");
	fixture_text(link, "the page");
	fixture_text(p, " or ");
	link = fixture_node(p, NODE_LINK);
	link->as.link->url = g_strdup("other.md");
	link->as.link->text_only = 1;
	fixture_text(link, "the other chapter");
	path = proof_write(e, "links.pdf");
	qdf[3] = path;
	raw = proof_run(qdf);
	ck_assert_ptr_nonnull(raw);
	ck_assert_ptr_nonnull(strstr(raw, "/URI (https://e.org/a%28b%5Cc)"));
	ck_assert_ptr_null(strstr(raw, "other.md"));
	g_free(raw);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/*
 * A scene break's line begins in the model at the break, so that a page
 * it begins begins there in the EPUB too (not at the chapter's head).
 */
START_TEST(test_break_line_start)
{
	struct edition *e = edition_new();
	struct chapter *c = fixture_chapter(e, "scenes", "Scenes");
	const struct node *brk;
	struct pagemap pm;
	char *path = proof_path("scenes.pdf");
	guint i, found = 0;

	e->meta.title = g_strdup("Scenes");
	fixture_para(c->doc, "Before the break.");
	brk = fixture_node(c->doc, NODE_BREAK);
	fixture_para(c->doc, "After the break.");
	proof_write_mapped(e, path, &pm);
	for (i = 0; i < pm.starts->len; i++)
		found += g_array_index(pm.starts, struct linestart, i).block ==
		    brk;
	ck_assert_uint_eq(found, 1);
	pagemap_release(&pm);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/* pdf_write reads the edition and leaves it as it was. */
START_TEST(test_edition_unchanged)
{
	struct edition *e = proof_sample();
	struct chapter *c = g_ptr_array_index(e->chapters, 0);
	char *before = node_text(c->doc), *after, *path;

	path = proof_write(e, "a.pdf");
	after = node_text(c->doc);
	ck_assert_str_eq(before, after);
	ck_assert_uint_eq(e->chapters->len, 2);
	ck_assert_str_eq(c->meta.title, "The First Chapter");
	g_free(before);
	g_free(after);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/*
 * A book's author: on the title page, in the PDF's Author, and on the
 * versos of a chapter without a byline; a chapter's label above its
 * title and beside it in the contents.
 */
START_TEST(test_book_author_and_label)
{
	struct edition *e = proof_sample();
	struct chapter *one = g_ptr_array_index(e->chapters, 0);
	char *path, *info, *title, *contents, *opening, *verso;
	int two;

	e->meta.author = g_strdup("Leo Tolstoy");
	one->meta.label = g_strdup("Chapter I");
	path = proof_write(e, "a.pdf");
	info = proof_info(path);
	ck_assert(g_regex_match_simple("^Author: +Leo Tolstoy$", info,
	    G_REGEX_MULTILINE, 0));
	title = proof_text_lower(path, proof_page_of(path, "Edited by"));
	ck_assert_ptr_nonnull(strstr(title, "leo tolstoy edited by ed itor"));
	ck_assert_ptr_nonnull(strstr(title, "with texts by au thor"));
	contents = proof_text(path, proof_page_of(path, "Contents"));
	ck_assert_ptr_nonnull(strstr(contents, "Chapter I: The First Chapter"));
	opening = proof_text_lower(path, proof_page_of(path, "Opening words"));
	ck_assert_ptr_nonnull(strstr(opening, "chapter i the first chapter "
	    "au thor"));
	two = proof_page_of(path, "Beginning of the second");
	verso = proof_text_lower(path, two + 1);
	ck_assert_ptr_nonnull(strstr(verso, "leo tolstoy"));
	g_free(info);
	g_free(title);
	g_free(contents);
	g_free(opening);
	g_free(verso);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

Suite *
pdf_suite(void)
{
	Suite *s = suite_create("pdf");
	TCase *tc = tcase_create("write");

	/* Each test writes whole PDFs and runs poppler over them. */
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_write_is_pdf);
	tcase_add_test(tc, test_text_is_found);
	tcase_add_test(tc, test_chapters_open_on_rectos);
	tcase_add_test(tc, test_contents_has_page_numbers);
	tcase_add_test(tc, test_long_paragraph_spans_pages);
	tcase_add_test(tc, test_running_heads);
	tcase_add_test(tc, test_reproducible);
	tcase_add_test(tc, test_bad_epoch);
	tcase_add_test(tc, test_no_font_in_two_chapters);
	tcase_add_test(tc, test_metadata_and_fonts);
	tcase_add_test(tc, test_page_size_from_style);
	tcase_add_test(tc, test_unwritable_path);
	tcase_add_test(tc, test_deep_nesting);
	tcase_add_test(tc, test_link_annotations);
	tcase_add_test(tc, test_break_line_start);
	tcase_add_test(tc, test_edition_unchanged);
	tcase_add_test(tc, test_book_author_and_label);
	suite_add_tcase(s, tc);
	return s;
}
