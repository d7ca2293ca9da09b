/*
 * test_pdf.c — the print back end: the inlines' attributes, the page
 * builder's breaks, and whole PDFs of a hand-built edition read back with
 * poppler's pdftotext, pdfinfo and pdffonts.
 */
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pdf/pdf.h"
#include "pdf/page.h"
#include "pdf/runs.h"
#include "suites.h"

static struct srcpos here = { "test", 1, 1 };
static GRegex *spaces;		/* white space, for page_text */

/* --- runs --------------------------------------------------------------- */

/* The style attribute in force at byte i of the runs' text. */
static PangoStyle
style_at(PangoAttrList *attrs, int i)
{
	PangoAttrIterator *it = pango_attr_list_get_iterator(attrs);
	PangoStyle style = PANGO_STYLE_NORMAL;

	do {
		int start, end;
		PangoAttribute *a;

		pango_attr_iterator_range(it, &start, &end);
		if (i >= start && i < end &&
		    (a = pango_attr_iterator_get(it, PANGO_ATTR_STYLE)) != NULL)
			style = (PangoStyle)((PangoAttrInt *)a)->value;
	} while (pango_attr_iterator_next(it));
	pango_attr_iterator_destroy(it);
	return style;
}

/* Feeds every event of a walk over root to the runs. */
static void
walk(struct runs *r, struct node *root)
{
	struct iter it;

	iter_init(&it, root);
	while (iter_next(&it) != ITER_NONE)
		runs_event(r, it.ev, it.cur);
}

/* "a *b *c* d* e": emphasis within emphasis is roman again. */
START_TEST(test_runs_nested_emphasis)
{
	struct node *p = node_new(NODE_PARAGRAPH, here);
	struct node *em = node_new(NODE_EMPH, here);
	struct node *inner = node_new(NODE_EMPH, here);
	PangoAttrList *attrs;
	struct runs r;

	node_append(p, node_new_text(NODE_TEXT, here, "a ", -1));
	node_append(p, em);
	node_append(em, inner);		/* inner and outer start together */
	node_append(inner, node_new_text(NODE_TEXT, here, "c", -1));
	node_append(em, node_new_text(NODE_TEXT, here, " d", -1));
	node_append(p, node_new(NODE_SOFTBREAK, here));
	node_append(p, node_new_text(NODE_TEXT, here, "e", -1));
	runs_init(&r, FALSE);
	walk(&r, p);
	ck_assert_str_eq(r.text->str, "a c d e");
	attrs = runs_attrs(&r);
	ck_assert_int_eq(style_at(attrs, 0), PANGO_STYLE_NORMAL);
	ck_assert_int_eq(style_at(attrs, 2), PANGO_STYLE_NORMAL);	/* c */
	ck_assert_int_eq(style_at(attrs, 4), PANGO_STYLE_ITALIC);	/* d */
	ck_assert_int_eq(style_at(attrs, 6), PANGO_STYLE_NORMAL);	/* e */
	pango_attr_list_unref(attrs);
	runs_release(&r);
	node_free(p);
}
END_TEST

/* In an italic block emphasis is roman; a note's number is raised. */
START_TEST(test_runs_italic_block_and_noteref)
{
	struct node *p = node_new(NODE_PARAGRAPH, here);
	struct node *em = node_new(NODE_EMPH, here);
	struct node *ref = node_new(NODE_NOTEREF, here);
	struct note *note = note_new(12, "12", here);
	PangoAttrList *attrs;
	PangoAttrIterator *it;
	struct runs r;
	int raised = 0;

	ref->as.noteref.note = note;
	node_append(p, em);
	node_append(em, node_new_text(NODE_TEXT, here, "Title", -1));
	node_append(p, node_new_text(NODE_TEXT, here, " line\nend", -1));
	node_append(p, ref);
	runs_init(&r, TRUE);
	walk(&r, p);
	ck_assert_str_eq(r.text->str, "Title line end12");
	attrs = runs_attrs(&r);
	ck_assert_int_eq(style_at(attrs, 0), PANGO_STYLE_NORMAL);
	it = pango_attr_list_get_iterator(attrs);
	do {
		int start, end;

		pango_attr_iterator_range(it, &start, &end);
		if (pango_attr_iterator_get(it, PANGO_ATTR_BASELINE_SHIFT))
			raised += start == 14 && end == 16;
	} while (pango_attr_iterator_next(it));
	pango_attr_iterator_destroy(it);
	ck_assert_int_eq(raised, 1);
	pango_attr_list_unref(attrs);
	runs_release(&r);
	node_free(p);
	note_free(note);
}
END_TEST

/* --- the page builder ----------------------------------------------------- */

/* A press ten lines of 11 on 14 deep. */
static struct press ten_lines = { NULL, NULL, 324, 11 + 9 * 14 };

/* Appends a block of n lines to a galley of bare lines (no layouts). */
static void
add_block(GArray *g, int n, unsigned flags)
{
	int i;

	for (i = 0; i < n; i++) {
		struct line ln = { 0 };

		ln.ascent = 11;
		ln.advance = 14;
		ln.chapter = 0;
		ln.flags = (flags & LINE_KEEP) | (i == 0 ? LINE_FIRST |
		    (flags & (LINE_NEW_PAGE | LINE_NEW_RECTO)) : 0) |
		    (i == n - 1 ? LINE_LAST : 0);
		g_array_append_val(g, ln);
	}
}

static guint
count_on(GArray *pages, guint i)
{
	ck_assert_uint_gt(pages->len, i);
	return g_array_index(pages, struct page, i).count;
}

START_TEST(test_page_fills_to_depth)
{
	GArray *g = g_array_new(FALSE, FALSE, sizeof(struct line));
	GArray *pages;

	add_block(g, 15, 0);
	add_block(g, 5, 0);
	pages = page_make_up(&ten_lines, g);
	ck_assert_uint_eq(pages->len, 2);
	ck_assert_uint_eq(count_on(pages, 0), 10);
	ck_assert_double_eq_tol(g_array_index(g, struct line, 9).y, 137, 1e-6);
	ck_assert_int_eq(g_array_index(g, struct line, 10).page, 1);
	ck_assert_double_eq_tol(g_array_index(g, struct line, 10).y, 11, 1e-6);
	g_array_free(pages, TRUE);
	g_array_free(g, TRUE);
}
END_TEST

/* Eleven lines: the last would stand alone at the head of page 2. */
START_TEST(test_page_no_widow)
{
	GArray *g = g_array_new(FALSE, FALSE, sizeof(struct line));
	GArray *pages;

	add_block(g, 11, 0);
	pages = page_make_up(&ten_lines, g);
	ck_assert_uint_eq(count_on(pages, 0), 9);
	ck_assert_uint_eq(count_on(pages, 1), 2);
	g_array_free(pages, TRUE);
	g_array_free(g, TRUE);
}
END_TEST

/* A heading at the foot goes over with its paragraph's first lines. */
START_TEST(test_page_heading_kept_with_text)
{
	GArray *g = g_array_new(FALSE, FALSE, sizeof(struct line));
	GArray *pages;

	add_block(g, 8, 0);
	add_block(g, 1, LINE_KEEP);
	add_block(g, 5, 0);
	pages = page_make_up(&ten_lines, g);
	ck_assert_uint_eq(count_on(pages, 0), 8);
	ck_assert_int_eq(g_array_index(g, struct line, 8).page, 1);
	g_array_free(pages, TRUE);
	g_array_free(g, TRUE);
}
END_TEST

/* A chapter after an odd number of pages: a blank verso first. */
START_TEST(test_page_new_recto)
{
	GArray *g = g_array_new(FALSE, FALSE, sizeof(struct line));
	GArray *pages;
	const struct page *pg;

	add_block(g, 3, 0);
	add_block(g, 3, LINE_NEW_RECTO);
	pages = page_make_up(&ten_lines, g);
	ck_assert_uint_eq(pages->len, 3);
	ck_assert_uint_eq(count_on(pages, 1), 0);
	pg = &g_array_index(pages, struct page, 2);
	ck_assert_uint_eq(pg->first, 3);
	ck_assert(pg->opening);
	g_array_free(pages, TRUE);
	g_array_free(g, TRUE);
}
END_TEST

/* --- whole PDFs ----------------------------------------------------------- */

static void
spaces_new(void)
{
	spaces = g_regex_new("\\s+", 0, 0, NULL);
}

static void
spaces_free(void)
{
	g_regex_unref(spaces);
}

static struct node *
add_para(struct node *parent, const char *text)
{
	struct node *p = node_new(NODE_PARAGRAPH, here);

	node_append(parent, p);
	node_append(p, node_new_text(NODE_TEXT, here, text, -1));
	return p;
}

static struct chapter *
add_chapter(struct edition *e, const char *id, const char *title)
{
	struct chapter *c = chapter_new(id);

	c->meta.title = g_strdup(title);
	c->doc = node_new(NODE_DOCUMENT, here);
	g_ptr_array_add(e->chapters, c);
	return c;
}

/*
 * Two chapters: the first with one of every block, the second with one
 * paragraph long enough for several pages.
 */
static struct edition *
sample(void)
{
	struct edition *e = edition_new();
	struct chapter *c;
	struct node *n, *list, *item, *ref;
	struct note *note;
	GString *s = g_string_new("Beginning of the second chapter.");
	int i;

	e->meta.title = g_strdup("A Test Edition");
	e->editor = g_strdup("Ed Itor");
	e->language = g_strdup("en-US");
	e->description = g_strdup("Texts for testing.");
	c = add_chapter(e, "one", "The First Chapter");
	c->meta.author = g_strdup("Au Thor");
	n = add_para(c->doc, "Opening words of the first chapter, ");
	node_append(n, node_new(NODE_EMPH, here));
	node_append(n->last, node_new_text(NODE_TEXT, here, "emphatically", -1));
	ref = node_new(NODE_NOTEREF, here);
	note = note_new(7, "7", here);
	note->ref = ref;
	ref->as.noteref.note = note;
	g_ptr_array_add(c->notes, note);
	node_append(n, ref);
	n = node_new(NODE_HEADING, here);
	n->as.heading.level = 2;
	node_append(c->doc, n);
	node_append(n, node_new_text(NODE_TEXT, here, "A Section", -1));
	add_para(c->doc, "After the section.");
	n = node_new(NODE_BLOCKQUOTE, here);
	node_append(c->doc, n);
	add_para(n, "Quoted words, set smaller.");
	list = node_new(NODE_LIST, here);
	list->as.list.ordered = 1;
	list->as.list.start = 1;
	node_append(c->doc, list);
	for (i = 0; i < 2; i++) {
		item = node_new(NODE_ITEM, here);
		node_append(list, item);
		add_para(item, i == 0 ? "First item." : "Second item.");
	}
	node_append(c->doc, node_new(NODE_BREAK, here));
	add_para(c->doc, "After the break.");
	c = add_chapter(e, "two", "The Second Chapter");
	for (i = 0; i < 600; i++)
		g_string_append(s, " The quick brown fox jumps over the lazy dog.");
	g_string_append(s, " Terminus.");
	add_para(c->doc, s->str);
	g_string_free(s, TRUE);
	return e;
}

/* A path for a new PDF in a directory of its own. */
static char *
pdf_path(const char *name)
{
	char *dir = g_dir_make_tmp("octavo-pdf-XXXXXX", NULL);
	char *path;

	ck_assert_ptr_nonnull(dir);
	path = g_build_filename(dir, name, NULL);
	g_free(dir);
	return path;
}

/* Writes e in the style; fails the test on any diagnostic. */
static char *
write_styled(const struct edition *e, const struct style *st,
    const char *name)
{
	char *path = pdf_path(name);
	struct diags d;

	diags_init(&d);
	ck_assert_int_eq(pdf_write(e, st, path, &d), 0);
	ck_assert_uint_eq(d.list->len, 0);
	diags_release(&d);
	return path;
}

/* Writes e in the default style. */
static char *
write_sample(const struct edition *e, const char *name)
{
	struct style st;
	char *path;

	style_init(&st);
	path = write_styled(e, &st, name);
	style_release(&st);
	return path;
}

/* What a command prints, or NULL if it fails. */
static char *
run(const char *const *argv)
{
	char *out = NULL;
	int status;

	if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH |
	    G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
	    NULL) || !g_spawn_check_wait_status(status, NULL)) {
		g_free(out);
		return NULL;
	}
	return out;
}

/*
 * The text of page n (from 1), or of all pages for 0, as laid out on the
 * page (a contents line keeps its number), every run of white space one
 * space.
 */
static char *
page_text(const char *pdf, int n)
{
	char num[16];
	const char *all[] = { "pdftotext", "-layout", pdf, "-", NULL };
	const char *one[] = { "pdftotext", "-layout", "-f", num, "-l", num,
	    pdf, "-", NULL };
	char *text, *flat;

	g_snprintf(num, sizeof(num), "%d", n);
	text = run(n == 0 ? all : one);
	ck_assert_ptr_nonnull(text);
	flat = g_regex_replace_literal(spaces, text, -1, 0, " ", 0, NULL);
	g_free(text);
	return flat;
}

/* What pdfinfo says of the file, dates in ISO 8601. */
static char *
pdf_info(const char *pdf)
{
	const char *argv[] = { "pdfinfo", "-isodates", pdf, NULL };
	char *info = run(argv);

	ck_assert_ptr_nonnull(info);
	return info;
}

static int
page_count(const char *pdf)
{
	char *info = pdf_info(pdf), *at = strstr(info, "Pages:");
	int n;

	ck_assert_ptr_nonnull(at);
	n = atoi(at + strlen("Pages:"));
	g_free(info);
	return n;
}

/* The first page (from 1) whose text has needle, or 0. */
static int
page_of(const char *pdf, const char *needle)
{
	int i, n = page_count(pdf), found = 0;

	for (i = 1; i <= n && found == 0; i++) {
		char *text = page_text(pdf, i);

		if (strstr(text, needle) != NULL)
			found = i;
		g_free(text);
	}
	return found;
}

static char *
page_text_lower(const char *pdf, int n)
{
	char *text = page_text(pdf, n), *lower = g_ascii_strdown(text, -1);

	g_free(text);
	return lower;
}

static void
remove_pdf(char *path)
{
	char *dir = g_path_get_dirname(path);

	g_remove(path);
	g_rmdir(dir);
	g_free(dir);
	g_free(path);
}

START_TEST(test_write_is_pdf)
{
	struct edition *e = sample();
	char *path = write_sample(e, "a.pdf");
	const char *check[] = { "qpdf", "--check", path, NULL };
	char *bytes, *out;
	gsize len;

	ck_assert(g_file_get_contents(path, &bytes, &len, NULL));
	ck_assert_uint_gt(len, 1000);
	ck_assert_int_eq(memcmp(bytes, "%PDF-", 5), 0);
	out = run(check);
	ck_assert_msg(out != NULL, "qpdf --check fails");
	g_free(out);
	g_free(bytes);
	remove_pdf(path);
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
	struct edition *e = sample();
	char *path = write_sample(e, "a.pdf"), *text = page_text(path, 0);
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(words); i++)
		ck_assert_msg(strstr(text, words[i]) != NULL,
		    "'%s' not in the PDF's text", words[i]);
	g_free(text);
	remove_pdf(path);
	edition_free(e);
}
END_TEST

START_TEST(test_chapters_open_on_rectos)
{
	struct edition *e = sample();
	char *path = write_sample(e, "a.pdf"), *text;
	int one = page_of(path, "Opening words"), two;

	two = page_of(path, "Beginning of the second");
	ck_assert_int_eq(one % 2, 1);
	ck_assert_int_eq(two % 2, 1);
	ck_assert_int_gt(two, one);
	text = page_text(path, two);
	ck_assert_ptr_nonnull(strstr(text, "The Second Chapter"));
	g_free(text);
	remove_pdf(path);
	edition_free(e);
}
END_TEST

/* The contents gives each chapter's page, counted from the text's first. */
START_TEST(test_contents_has_page_numbers)
{
	struct edition *e = sample();
	char *path = write_sample(e, "a.pdf"), *text, *want;
	int contents = page_of(path, "Contents");
	int one = page_of(path, "Opening words");
	int two = page_of(path, "Beginning of the second");

	ck_assert_int_gt(contents, 0);
	ck_assert_int_lt(contents, one);
	text = page_text(path, contents);
	want = g_strdup_printf("The Second Chapter %d", two - one + 1);
	ck_assert_msg(strstr(text, want) != NULL, "no '%s' in '%s'", want,
	    text);
	ck_assert_ptr_nonnull(strstr(text, "The First Chapter 1 Au Thor"));
	g_free(want);
	g_free(text);
	remove_pdf(path);
	edition_free(e);
}
END_TEST

START_TEST(test_long_paragraph_spans_pages)
{
	struct edition *e = sample();
	char *path = write_sample(e, "a.pdf");
	int begin = page_of(path, "Beginning of the second");
	int end = page_of(path, "Terminus.");

	ck_assert_int_gt(begin, 0);
	ck_assert_int_ge(end, begin + 3);
	ck_assert_int_eq(end, page_count(path));
	remove_pdf(path);
	edition_free(e);
}
END_TEST

/* Versos carry the book's title, rectos the chapter's; openings neither. */
START_TEST(test_running_heads)
{
	struct edition *e = sample();
	char *path = write_sample(e, "a.pdf");
	int two = page_of(path, "Beginning of the second");
	char *opening = page_text_lower(path, two);
	char *verso = page_text_lower(path, two + 1);
	char *recto = page_text_lower(path, two + 2);

	ck_assert_ptr_null(strstr(opening, "a test edition"));
	ck_assert_ptr_nonnull(strstr(verso, "a test edition"));
	ck_assert_ptr_nonnull(strstr(recto, "the second chapter"));
	g_free(opening);
	g_free(verso);
	g_free(recto);
	remove_pdf(path);
	edition_free(e);
}
END_TEST

/* Same SOURCE_DATE_EPOCH, same bytes, dated then. */
/* Same SOURCE_DATE_EPOCH, same bytes, dated then. */
START_TEST(test_reproducible)
{
	struct edition *e = sample();
	char *a, *b, *abytes, *bbytes, *info;
	gsize alen, blen;

	g_setenv("SOURCE_DATE_EPOCH", "1700000000", TRUE);
	a = write_sample(e, "a.pdf");
	b = write_sample(e, "b.pdf");
	g_unsetenv("SOURCE_DATE_EPOCH");
	ck_assert(g_file_get_contents(a, &abytes, &alen, NULL));
	ck_assert(g_file_get_contents(b, &bbytes, &blen, NULL));
	ck_assert_uint_eq(alen, blen);
	ck_assert_int_eq(memcmp(abytes, bbytes, alen), 0);
	info = pdf_info(a);
	ck_assert(g_regex_match_simple("^CreationDate: +2023-11-14T22:13:20",
	    info, G_REGEX_MULTILINE, 0));
	g_free(info);
	g_free(abytes);
	g_free(bbytes);
	remove_pdf(a);
	remove_pdf(b);
	edition_free(e);
}
END_TEST

START_TEST(test_metadata_and_fonts)
{
	struct edition *e = sample();
	char *path = write_sample(e, "a.pdf");
	const char *fonts[] = { "pdffonts", path, NULL };
	char *out = pdf_info(path);

	ck_assert(g_regex_match_simple("^Title: +A Test Edition$", out,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^Author: +Ed Itor$", out,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^Creator: +octavo$", out,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^Subject: +Texts for testing.$", out,
	    G_REGEX_MULTILINE, 0));
	g_free(out);
	out = run(fonts);
	ck_assert_ptr_nonnull(out);
	ck_assert_ptr_nonnull(strstr(out, "EBGaramond12-Regular"));
	ck_assert_ptr_nonnull(strstr(out, "EBGaramond12-Italic"));
	g_free(out);
	remove_pdf(path);
	edition_free(e);
}
END_TEST

/* The style's trim is the PDF's page size: A5 from styles/print-a5.ini. */
START_TEST(test_page_size_from_style)
{
	struct edition *e = sample();
	struct style st;
	struct diags d;
	char *path, *info;

	diags_init(&d);
	ck_assert_int_eq(style_read(&st, "../../styles/print-a5.ini", &d), 0);
	path = write_styled(e, &st, "a5.pdf");
	info = pdf_info(path);
	ck_assert(g_regex_match_simple("^Page size: +419.528 x 595.276 pts",
	    info, G_REGEX_MULTILINE, 0));
	g_free(info);
	remove_pdf(path);
	style_release(&st);
	diags_release(&d);
	edition_free(e);
}
END_TEST

START_TEST(test_unwritable_path)
{
	struct edition *e = sample();
	struct style st;
	struct diags d;
	const struct diag *dg;

	style_init(&st);
	diags_init(&d);
	ck_assert_int_eq(pdf_write(e, &st, "/nonexistent/dir/a.pdf", &d), -1);
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
	struct chapter *c = add_chapter(e, "deep", "Deep");
	struct node *n = c->doc;
	char *path, *text;
	int i;

	e->meta.title = g_strdup("Deep");
	for (i = 0; i < 50000; i++) {
		struct node *q = node_new(NODE_BLOCKQUOTE, here);

		node_append(n, q);
		n = q;
	}
	add_para(n, "At the bottom.");
	path = write_sample(e, "deep.pdf");
	text = page_text(path, 0);
	ck_assert_ptr_nonnull(strstr(text, "At the bottom."));
	g_free(text);
	remove_pdf(path);
	edition_free(e);
}
END_TEST

/* pdf_write reads the edition and leaves it as it was. */
START_TEST(test_edition_unchanged)
{
	struct edition *e = sample();
	struct chapter *c = g_ptr_array_index(e->chapters, 0);
	char *before = node_text(c->doc), *after, *path;

	path = write_sample(e, "a.pdf");
	after = node_text(c->doc);
	ck_assert_str_eq(before, after);
	ck_assert_uint_eq(e->chapters->len, 2);
	ck_assert_str_eq(c->meta.title, "The First Chapter");
	g_free(before);
	g_free(after);
	remove_pdf(path);
	edition_free(e);
}
END_TEST

Suite *
pdf_suite(void)
{
	Suite *s = suite_create("pdf");
	TCase *runs = tcase_create("runs");
	TCase *pages = tcase_create("pages");
	TCase *write = tcase_create("write");

	tcase_add_test(runs, test_runs_nested_emphasis);
	tcase_add_test(runs, test_runs_italic_block_and_noteref);
	tcase_add_test(pages, test_page_fills_to_depth);
	tcase_add_test(pages, test_page_no_widow);
	tcase_add_test(pages, test_page_heading_kept_with_text);
	tcase_add_test(pages, test_page_new_recto);
	/* Each test writes whole PDFs and runs poppler over them. */
	tcase_set_timeout(write, 60);
	tcase_add_unchecked_fixture(write, spaces_new, spaces_free);
	tcase_add_test(write, test_write_is_pdf);
	tcase_add_test(write, test_text_is_found);
	tcase_add_test(write, test_chapters_open_on_rectos);
	tcase_add_test(write, test_contents_has_page_numbers);
	tcase_add_test(write, test_long_paragraph_spans_pages);
	tcase_add_test(write, test_running_heads);
	tcase_add_test(write, test_reproducible);
	tcase_add_test(write, test_metadata_and_fonts);
	tcase_add_test(write, test_page_size_from_style);
	tcase_add_test(write, test_unwritable_path);
	tcase_add_test(write, test_deep_nesting);
	tcase_add_test(write, test_edition_unchanged);
	suite_add_tcase(s, runs);
	suite_add_tcase(s, pages);
	suite_add_tcase(s, write);
	return s;
}
