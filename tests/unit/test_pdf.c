/*
 * test_pdf.c — whole PDFs of hand-built editions read back with poppler
 * (pdftotext, pdfinfo, pdffonts) and qpdf: the text, the book's
 * structure, footnotes on the page of their reference, the outline,
 * tags and links, the report and the page map.
 */
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fixture.h"
#include "out/pages.h"
#include "pdf/pdf.h"
#include "suites.h"

static struct srcpos here = { "test", 1, 1 };
static GRegex *spaces;		/* white space, for page_text */

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
	c = fixture_chapter(e, "one", "The First Chapter");
	c->meta.author = g_strdup("Au Thor");
	n = fixture_para(c->doc, "Opening words of the first chapter, ");
	node_append(n, node_new(NODE_EMPH, here));
	node_append(n->last, node_new_text(NODE_TEXT, here, "emphatically", -1));
	ref = node_new(NODE_NOTEREF, here);
	note = note_new(7, "7", here);
	note->ref = ref;
	ref->as.noteref.note = note;
	fixture_para(note->body, "The seventh note, at the foot.");
	g_ptr_array_add(c->notes, note);
	node_append(n, ref);
	n = node_new(NODE_HEADING, here);
	n->as.heading.level = 2;
	node_append(c->doc, n);
	node_append(n, node_new_text(NODE_TEXT, here, "A Section", -1));
	fixture_para(c->doc, "After the section.");
	n = node_new(NODE_BLOCKQUOTE, here);
	node_append(c->doc, n);
	fixture_para(n, "Quoted words, set smaller.");
	list = node_new(NODE_LIST, here);
	list->as.list.ordered = 1;
	list->as.list.start = 1;
	node_append(c->doc, list);
	for (i = 0; i < 2; i++) {
		item = node_new(NODE_ITEM, here);
		node_append(list, item);
		fixture_para(item, i == 0 ? "First item." : "Second item.");
	}
	node_append(c->doc, node_new(NODE_BREAK, here));
	fixture_para(c->doc, "After the break.");
	c = fixture_chapter(e, "two", "The Second Chapter");
	for (i = 0; i < 600; i++)
		g_string_append(s, " The quick brown fox jumps over the lazy dog.");
	g_string_append(s, " Terminus.");
	fixture_para(c->doc, s->str);
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
	ck_assert_int_eq(pdf_write(e, st, path, NULL, NULL, &d), 0);
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

/* --- footnotes, structure, report and page map --------------------------- */

/* The text of every page, split at pdftotext's form feeds; NULL-ended. */
static char **
all_pages(const char *pdf)
{
	const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
	char *text = run(argv), **pages;

	ck_assert_ptr_nonnull(text);
	pages = g_strsplit(text, "\f", -1);
	g_free(text);
	return pages;
}

/* The page (from 1) whose text has needle, or 0. */
static int
find_page(char **pages, const char *needle)
{
	int i;

	for (i = 0; pages[i] != NULL; i++)
		if (strstr(pages[i], needle) != NULL)
			return i + 1;
	return 0;
}

/* A note numbered n referred to at the end of paragraph p after the
 * word "marker<n>z", whose body begins "Foot<n>" and is words long. */
static struct note *
add_note(struct chapter *c, struct node *p, int n, int words)
{
	struct note *note = note_new(n, "", here);
	struct node *ref = node_new(NODE_NOTEREF, here);
	GString *s = g_string_new(NULL);
	int i;

	g_string_printf(s, "Foot%d begins the note", n);
	for (i = 0; i < words; i++)
		g_string_append(s, i % 9 == 8 ? " and so on." : " words");
	g_string_append_printf(s, " End%d.", n);
	fixture_para(note->body, s->str);
	g_string_free(s, TRUE);
	if (p != NULL) {
		char *marker = g_strdup_printf(" marker%dz", n);

		node_append(p, node_new_text(NODE_TEXT, here, marker, -1));
		node_append(p, ref);
		ref->as.noteref.note = note;
		note->ref = ref;
		g_free(marker);
	} else
		node_free(ref);
	g_ptr_array_add(c->notes, note);
	return note;
}

/*
 * One chapter of forty paragraphs with a note after every third, one of
 * them long enough to continue overleaf, one note without a reference
 * (after note 5), and the author's note on the byline.
 */
static struct edition *
annotated(void)
{
	struct edition *e = edition_new();
	struct chapter *c = fixture_chapter(e, "notes", "A Chapter with Notes");
	struct note *author;
	int i, n = 0;

	e->meta.title = g_strdup("Annotated");
	e->language = g_strdup("en-US");
	c->meta.author = g_strdup("An Author");
	author = note_new(0, "*", here);
	g_strlcpy(author->mark, "*", sizeof(author->mark));
	fixture_para(author->body, "AuthorNote: the author teaches history.");
	g_ptr_array_add(c->notes, author);
	for (i = 0; i < 40; i++) {
		struct node *p = fixture_para(c->doc, fixture_prose);

		if (i % 3 == 0) {
			n++;
			add_note(c, p, n, n == 7 ? 700 : 12 + 5 * (n % 4));
		}
		if (n == 5 && i % 3 == 0)
			add_note(c, NULL, ++n, 10);
	}
	return e;
}

/* Each note starts on the page of its reference. */
START_TEST(test_footnotes_on_reference_pages)
{
	struct edition *e = annotated();
	const struct chapter *c = g_ptr_array_index(e->chapters, 0);
	char *path = write_sample(e, "notes.pdf"), **pages = all_pages(path);
	guint i;
	int checked = 0;

	for (i = 0; i < c->notes->len; i++) {
		const struct note *n = g_ptr_array_index(c->notes, i);
		char *marker, *foot;

		if (n->ref == NULL)
			continue;
		marker = g_strdup_printf("marker%dz", n->number);
		foot = g_strdup_printf("Foot%d ", n->number);
		ck_assert_int_gt(find_page(pages, marker), 0);
		ck_assert_msg(find_page(pages, marker) == find_page(pages, foot),
		    "note %d: reference on page %d, note on page %d",
		    n->number, find_page(pages, marker), find_page(pages, foot));
		checked++;
		g_free(marker);
		g_free(foot);
	}
	ck_assert_int_gt(checked, 10);
	/* The unreferenced note 6 with note 5; the author's with the byline. */
	ck_assert_int_eq(find_page(pages, "Foot6 "), find_page(pages,
	    "marker5z"));
	ck_assert_int_eq(find_page(pages, "AuthorNote"), find_page(pages,
	    "The history of the struggle"));
	g_strfreev(pages);
	remove_pdf(path);
	edition_free(e);
}
END_TEST

/*
 * Note 7 is longer than the room left: it begins on the page of its
 * reference and ends overleaf, at the head of that page's notes.
 */
START_TEST(test_long_note_continues)
{
	struct edition *e = annotated();
	char *path = write_sample(e, "long.pdf"), **pages = all_pages(path);
	int at = find_page(pages, "marker7z"), end = find_page(pages, "End7.");
	const char *p, *next_note;

	ck_assert_int_gt(at, 0);
	ck_assert_int_eq(find_page(pages, "Foot7 "), at);
	ck_assert_int_gt(end, at);
	/* Between, the note fills each page's notes; overleaf it comes first. */
	p = pages[end - 1];
	next_note = strstr(p, "Foot8 ");
	if (next_note != NULL)
		ck_assert(strstr(p, "End7.") < next_note);
	g_strfreev(pages);
	remove_pdf(path);
	edition_free(e);
}
END_TEST

/* What qpdf says of the file as JSON, for one key. */
static char *
qpdf_json(const char *pdf, const char *key)
{
	char *arg = g_strdup_printf("--json-key=%s", key);
	const char *argv[] = { "qpdf", "--json", arg, pdf, NULL };
	char *out = run(argv);

	ck_assert_ptr_nonnull(out);
	g_free(arg);
	return out;
}

/* Tagged, with chapters in the outline and sections under them, links. */
START_TEST(test_structure_outline_links)
{
	struct edition *e = sample();
	char *path = write_sample(e, "a.pdf"), *info = pdf_info(path);
	char *outlines = qpdf_json(path, "outlines"), *kids;
	const char *qdf[] = { "qpdf", "--qdf", "--object-streams=disable",
	    path, "-", NULL };
	char *raw = run(qdf);
	int links = 0;
	const char *at;

	ck_assert(g_regex_match_simple("^Tagged: +yes$", info,
	    G_REGEX_MULTILINE, 0));
	ck_assert_ptr_nonnull(strstr(outlines, "\"title\": \"Contents\""));
	ck_assert_ptr_nonnull(strstr(outlines,
	    "\"title\": \"The First Chapter\""));
	ck_assert_ptr_nonnull(strstr(outlines,
	    "\"title\": \"The Second Chapter\""));
	/* The section is a kid of its chapter, not a sibling. */
	kids = strstr(strstr(outlines, "\"title\": \"The First Chapter\"") -
	    600, "\"kids\"");
	ck_assert_ptr_nonnull(kids);
	ck_assert(strstr(kids, "A Section") < strstr(outlines,
	    "\"title\": \"The First Chapter\""));
	/* Contents → two chapters, reference → note, note → reference. */
	ck_assert_ptr_nonnull(raw);
	for (at = raw; (at = strstr(at, "/Subtype /Link")) != NULL; at++)
		links++;
	ck_assert_int_ge(links, 4);
	ck_assert_ptr_nonnull(strstr(raw, "/S /Note"));
	ck_assert_ptr_nonnull(strstr(raw, "/S /TOC"));
	ck_assert_ptr_nonnull(strstr(raw, "/S /H2"));
	g_free(raw);
	g_free(outlines);
	g_free(info);
	remove_pdf(path);
	edition_free(e);
}
END_TEST

/* Page labels: roman in the prelims, arabic from the text. */
START_TEST(test_page_labels)
{
	struct edition *e = sample();
	char *path = write_sample(e, "a.pdf");
	char *labels = qpdf_json(path, "pagelabels");

	ck_assert_ptr_nonnull(strstr(labels, "\"u:iv\""));
	/* Cairo writes the text's folios as decimal numbering. */
	ck_assert_ptr_nonnull(strstr(labels, "\"/S\": \"/D\""));
	g_free(labels);
	remove_pdf(path);
	edition_free(e);
}
END_TEST

/* The report: ratios per paragraph, and no fault in the totals. */
START_TEST(test_report_totals)
{
	struct edition *e = annotated();
	char *path = pdf_path("r.pdf"), *report = g_strconcat(path, ".txt",
	    NULL), *text;
	struct style st;
	struct diags d;

	style_init(&st);
	diags_init(&d);
	ck_assert_int_eq(pdf_write(e, &st, path, NULL, report, &d), 0);
	ck_assert(g_file_get_contents(report, &text, NULL, NULL));
	ck_assert(g_regex_match_simple("^notes test:1  p\\. 1: -?[0-9]", text,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^overfull +0 ", text,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^widows +0$", text,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^orphans +0$", text,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^hyphens +[0-9]+ \\(at most [0-2] ",
	    text, G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^lines +[0-9]{3}$", text,
	    G_REGEX_MULTILINE, 0));
	g_free(text);
	g_remove(report);
	g_free(report);
	remove_pdf(path);
	diags_release(&d);
	style_release(&st);
	edition_free(e);
}
END_TEST

/*
 * The page map of a hand-built edition: a label for every page, and a
 * break for every page in page order, each where the page begins: a
 * prelim for the prelims', the text the page begins with for the
 * text's, the next page's for a blank page; and the page of the note
 * reference.
 */
START_TEST(test_page_map)
{
	struct edition *e = sample();
	const struct chapter *one = g_ptr_array_index(e->chapters, 0);
	const struct note *note = g_ptr_array_index(one->notes, 0);
	char *path = pdf_path("m.pdf"), **pages;
	struct pagemap pm;
	struct style st;
	struct diags d;
	int total, front, blank = 0, i;
	guint k;

	style_init(&st);
	diags_init(&d);
	pagemap_init(&pm);
	ck_assert_int_eq(pdf_write(e, &st, path, &pm, NULL, &d), 0);
	pages = all_pages(path);
	total = page_count(path);
	ck_assert_uint_eq(pm.labels->len, (guint)total);
	for (front = 0; front < total && strcmp(g_ptr_array_index(pm.labels,
	    front), "1") != 0; front++)
		;
	ck_assert_str_eq(g_ptr_array_index(pm.labels, 0), "i");
	for (i = front; i < total; i++)
		blank += g_strstrip(pages[i])[0] == '\0';
	ck_assert_int_gt(blank, 0);	/* the verso before chapter two */
	ck_assert_uint_eq(pm.breaks->len, (guint)total);
	ck_assert_str_eq(pagemap_label(&pm, note->ref), "1");
	for (k = 0; k < pm.breaks->len; k++) {
		const struct pagebreak *pb = &g_array_index(pm.breaks,
		    struct pagebreak, k);
		const struct pagebreak *next = k + 1 < pm.breaks->len ?
		    &g_array_index(pm.breaks, struct pagebreak, k + 1) : NULL;
		char *text, *start;

		ck_assert_str_eq(pb->label, g_ptr_array_index(pm.labels, k));
		if (pages[k][0] == '\0') {
			/* A blank page: its break is the next page's. */
			ck_assert_ptr_nonnull(next);
			ck_assert_ptr_eq(pb->block, next->block);
			ck_assert_int_eq(pb->prelim, next->prelim);
		} else if ((int)k < front)
			ck_assert_int_ne(pb->prelim, PRELIM_NONE);
		else {
			text = node_text(pb->block);
			start = g_strndup(text + pb->offset, 12);
			ck_assert_msg(strstr(pages[k], start) != NULL,
			    "page %s does not begin with '%s'", pb->label,
			    start);
			g_free(start);
			g_free(text);
		}
	}
	g_strfreev(pages);
	pagemap_release(&pm);
	remove_pdf(path);
	diags_release(&d);
	style_release(&st);
	edition_free(e);
}
END_TEST

/* Every font is embedded, and subset. */
START_TEST(test_fonts_embedded)
{
	struct edition *e = annotated();
	char *path = write_sample(e, "f.pdf");
	const char *argv[] = { "pdffonts", path, NULL };
	char *out = run(argv), **lines;
	int i, fonts = 0;

	ck_assert_ptr_nonnull(out);
	lines = g_strsplit(out, "\n", -1);
	for (i = 2; lines[i] != NULL && lines[i][0] != '\0'; i++) {
		char **f = g_strsplit_set(g_strstrip(lines[i]), " ", -1);
		GPtrArray *cols = g_ptr_array_new();
		int j;

		for (j = 0; f[j] != NULL; j++)
			if (f[j][0] != '\0')
				g_ptr_array_add(cols, f[j]);
		ck_assert_uint_ge(cols->len, 7);
		ck_assert_str_eq(g_ptr_array_index(cols, cols->len - 5), "yes");
		ck_assert_str_eq(g_ptr_array_index(cols, cols->len - 4), "yes");
		fonts++;
		g_ptr_array_free(cols, TRUE);
		g_strfreev(f);
	}
	ck_assert_int_gt(fonts, 0);
	g_strfreev(lines);
	g_free(out);
	remove_pdf(path);
	edition_free(e);
}
END_TEST

/* --- the index of names --------------------------------------------------- */

/* A mark of ie before the first inline of paragraph p, in note n or not. */
static const struct node *
add_mark(struct index_entry *ie, const struct chapter *c, const struct note *n,
    struct node *p)
{
	struct node *mk = index_mark_new(ie, c, n, here);

	mk->as.mark->id = (int)ie->marks->len;
	node_insert_before(p->first, mk);
	return mk;
}

static struct index_entry *
add_entry(struct edition *e, const char *heading, const char *gloss)
{
	struct index_entry *ie = index_entry_new(heading, gloss);

	ie->id = (int)e->index->len + 1;
	g_ptr_array_add(e->index, ie);
	return ie;
}

/* The paragraphs of annotated()'s chapter, and its notes' first. */
static struct node *
nth_para(const struct chapter *c, int i)
{
	struct node *p = c->doc->first;

	while (i-- > 0)
		p = p->next;
	return p;
}

/* The folio where each paragraph of annotated() begins, and each note. */
static void
probe_pages(int *para, int *note)
{
	struct edition *e = annotated();
	const struct chapter *c = g_ptr_array_index(e->chapters, 0);
	struct index_entry *ie = add_entry(e, "Probe, A", NULL);
	const struct node *marks[40], *nmarks[64];
	char *path = pdf_path("probe.pdf");
	struct pagemap pm;
	struct style st;
	struct diags d;
	guint i;

	for (i = 0; i < 40; i++)
		marks[i] = add_mark(ie, c, NULL, nth_para(c, (int)i));
	for (i = 0; i < c->notes->len && i < 64; i++) {
		const struct note *n = g_ptr_array_index(c->notes, i);

		nmarks[i] = add_mark(ie, c, n, n->body->first);
	}
	style_init(&st);
	diags_init(&d);
	pagemap_init(&pm);
	ck_assert_int_eq(pdf_write(e, &st, path, &pm, NULL, &d), 0);
	for (i = 0; i < 40; i++)
		para[i] = atoi(pagemap_label(&pm, marks[i]));
	for (i = 0; i < 64; i++)
		note[i] = i < c->notes->len ? atoi(pagemap_label(&pm,
		    nmarks[i])) : 0;
	pagemap_release(&pm);
	remove_pdf(path);
	diags_release(&d);
	style_release(&st);
	edition_free(e);
}

/* The links in a PDF. */
static int
count_links(const char *pdf)
{
	const char *qdf[] = { "qpdf", "--qdf", "--object-streams=disable",
	    pdf, "-", NULL };
	char *raw = run(qdf);
	const char *at;
	int links = 0;

	ck_assert_ptr_nonnull(raw);
	for (at = raw; (at = strstr(at, "/Subtype /Link")) != NULL; at++)
		links++;
	g_free(raw);
	return links;
}

/* The lowest baselines of a page's two columns, in points from its top. */
static void
column_feet(const char *pdf, int page, const struct style *st, double *left,
    double *right)
{
	char num[16];
	const char *argv[] = { "pdftotext", "-bbox", "-f", num, "-l", num, pdf,
	    "-", NULL };
	GRegex *word = g_regex_new("<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" "
	    "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\"", 0, 0, NULL);
	GMatchInfo *mi;
	GArray *w = g_array_new(FALSE, FALSE, sizeof(double));
	double lo = G_MAXDOUBLE, hi = 0, mid;
	char *out;
	guint i;

	g_snprintf(num, sizeof(num), "%d", page);
	out = run(argv);
	ck_assert_ptr_nonnull(out);
	g_regex_match(word, out, 0, &mi);
	for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
		double v[3];
		int k;

		for (k = 0; k < 3; k++) {
			char *s = g_match_info_fetch(mi, k + 1);

			v[k] = g_ascii_strtod(s, NULL);
			g_free(s);
		}
		/* The text block's words: no running head, no folio. */
		if (v[2] < st->top || v[2] > st->height - st->bottom + 2)
			continue;
		g_array_append_vals(w, v, 3);
		lo = MIN(lo, v[0]);
		hi = MAX(hi, v[1]);
	}
	g_match_info_free(mi);
	mid = (lo + hi) / 2;
	*left = *right = 0;
	for (i = 0; i < w->len; i += 3) {
		double *v = &g_array_index(w, double, i);

		if (v[0] < mid)
			*left = MAX(*left, v[2]);
		else
			*right = MAX(*right, v[2]);
	}
	g_array_free(w, TRUE);
	g_regex_unref(word);
	g_free(out);
}

/*
 * The index: after the text on a recto of its own, in the contents, its
 * page numbers the pages of the marks, compressed and linked, a note's
 * with an "n", references in place, the last page's columns balanced.
 */
START_TEST(test_index_of_names)
{
	int para[40], note[64], a, b = 0, c = 0, i, j, first, last;
	struct edition *e, *plain = annotated();
	const struct chapter *ch;
	struct index_entry *name, *alias, *other;
	char *path, *base = write_sample(plain, "plain.pdf"), **pages;
	char *want, *text, *contents;
	struct pagemap pm;
	struct style st;
	struct diags d;
	double left, right;

	probe_pages(para, note);
	/* Pages a, b…b+2 and, in a note only, c. */
	a = para[0];
	for (i = 0; i < 40 && b == 0; i++) {
		int have = 0;

		for (j = 0; j < 40; j++)
			have |= para[j] >= para[i] && para[j] <= para[i] + 2 ?
			    1 << (para[j] - para[i]) : 0;
		if (para[i] >= a + 2 && have == 7)
			b = para[i];
	}
	ck_assert_int_gt(b, 0);
	for (i = 0; i < 64 && c == 0; i++)
		if (note[i] >= b + 4) {
			c = note[i];
			for (j = 0; j < 40; j++)
				if (para[j] == c)
					c = 0;
		}
	ck_assert_int_gt(c, 0);

	e = annotated();
	ch = g_ptr_array_index(e->chapters, 0);
	alias = add_entry(e, "Alias, Al", NULL);
	for (i = 1; i <= 70; i++) {
		char *h = g_strdup_printf("Filler%02d, Some", i);

		add_mark(add_entry(e, h, NULL), ch, NULL, nth_para(ch, i % 40));
		g_free(h);
	}
	name = add_entry(e, "Name, Forename", NULL);
	other = add_entry(e, "Other, Person", "(1900\xe2\x80\x93" "1950)");
	alias->see = name;
	g_ptr_array_add(other->see_also, name);
	add_mark(other, ch, NULL, nth_para(ch, 39));
	add_mark(name, ch, NULL, nth_para(ch, 0));
	for (j = 0; j < 40; j++)
		if (para[j] >= b && para[j] <= b + 2)
			add_mark(name, ch, NULL, nth_para(ch, j));
	for (i = 0; i < 64; i++)
		if (note[i] == c) {
			const struct note *n = g_ptr_array_index(ch->notes, i);

			add_mark(name, ch, n, n->body->first);
			break;
		}

	style_init(&st);
	diags_init(&d);
	pagemap_init(&pm);
	path = pdf_path("index.pdf");
	ck_assert_int_eq(pdf_write(e, &st, path, &pm, NULL, &d), 0);
	ck_assert_uint_eq(d.list->len, 0);
	pages = all_pages(path);
	for (first = 0, i = 0; pages[i] != NULL; i++)
		if (strstr(pages[i], "Index of Names") != NULL)
			first = i + 1;	/* the contents', then the index's */
	last = page_count(path);
	ck_assert_int_gt(first, 8);
	ck_assert_int_eq(atoi(g_ptr_array_index(pm.labels, first - 1)) % 2, 1);
	/* Page labels go on from the text's. */
	ck_assert_int_eq(atoi(g_ptr_array_index(pm.labels, first - 1)),
	    atoi(g_ptr_array_index(pm.labels, first - 2)) + 1);
	contents = page_text(path, 5);
	want = g_strdup_printf("Index of Names %s", (const char *)
	    g_ptr_array_index(pm.labels, first - 1));
	ck_assert_msg(strstr(contents, want) != NULL, "contents: %s", contents);
	g_free(want);
	for (text = g_strdup(""), i = first; i <= last; i++) {
		const char *argv[] = { "pdftotext", "-f", NULL, "-l", NULL, path,
		    "-", NULL };
		char num[16], *t, *flat, *all;

		g_snprintf(num, sizeof(num), "%d", i);
		argv[2] = argv[4] = num;
		t = run(argv);
		ck_assert_ptr_nonnull(t);
		flat = g_regex_replace_literal(spaces, t, -1, 0, " ", 0, NULL);
		all = g_strconcat(text, " ", flat, NULL);
		g_free(text);
		g_free(t);
		g_free(flat);
		text = all;
	}
	want = g_strdup_printf("Name, Forename, %d, %d\xe2\x80\x93%d, %dn ",
	    a, b, b + 2, c);
	ck_assert_msg(strstr(text, want) != NULL, "want '%s' in: %s", want,
	    text);
	ck_assert_ptr_nonnull(strstr(text, "Alias, Al. See Name, Forename"));
	ck_assert_ptr_nonnull(strstr(text, "Other, Person (1900\xe2\x80\x93"
	    "1950), "));
	ck_assert_ptr_nonnull(strstr(text, ". See also Name, Forename"));
	ck_assert_ptr_nonnull(strstr(text, "Filler70, Some, "));
	/* The index's own running head, after its first page. */
	if (last > first) {
		char *lower = page_text_lower(path, first + 1);

		ck_assert_ptr_nonnull(strstr(lower, "index"));
		g_free(lower);
	}
	/* Balanced: the last lines of the columns a line apart at most. */
	column_feet(path, last, &st, &left, &right);
	ck_assert_double_gt(right, 0);
	ck_assert_msg(left >= right - 0.5 && left - right <= st.note.leading
	    + 0.5, "columns end at %g and %g", left, right);
	/* A link for each page number, and the contents' to the index. */
	ck_assert_int_ge(count_links(path) - count_links(base), 70 + 5 + 1);
	g_free(want);
	g_free(text);
	g_free(contents);
	g_strfreev(pages);
	pagemap_release(&pm);
	remove_pdf(path);
	remove_pdf(base);
	diags_release(&d);
	style_release(&st);
	edition_free(e);
	edition_free(plain);
}
END_TEST

/* A book laid out and written to a PDF of its own, with its page map. */
struct laid {
	char		*path;
	struct pagemap	 pm;
	struct style	 st;
	struct diags	 d;
};

static void
lay(struct laid *l, const struct edition *e, const char *name)
{
	l->path = pdf_path(name);
	style_init(&l->st);
	diags_init(&l->d);
	pagemap_init(&l->pm);
	ck_assert_int_eq(pdf_write(e, &l->st, l->path, &l->pm, NULL, &l->d),
	    0);
}

static void
laid_release(struct laid *l)
{
	pagemap_release(&l->pm);
	remove_pdf(l->path);
	diags_release(&l->d);
	style_release(&l->st);
}

/*
 * The last layout, kept: loaded under the same key, the folios its line
 * starts give every index mark, at a paragraph's start or amid it, are
 * the pages the layout set them on; under another key or for another
 * text nothing is loaded.
 */
START_TEST(test_page_map_kept)
{
	struct edition *e = annotated(), *other = annotated();
	struct chapter *c = g_ptr_array_index(e->chapters, 0);
	struct index_entry *ie = add_entry(e, "Kept, A", NULL);
	const struct node *marks[80];
	GHashTable *folios, *again;
	struct pagemap back;
	struct laid l;
	char *saved;
	guint i;

	for (i = 0; i < 40; i++) {
		struct node *p = nth_para(c, (int)i), *t = p->first;
		gsize half = strlen(t->text) / 2;

		/* A mark at a word half-way through, then one at the start. */
		while (t->text[half] != ' ')
			half++;
		marks[2 * i + 1] = add_mark(ie, c, NULL, p);
		node_insert_before(p->first, node_new_text(NODE_TEXT, here,
		    t->text, (gssize)half + 1));
		memmove(t->text, t->text + half + 1, strlen(t->text + half));
		marks[2 * i] = add_mark(ie, c, NULL, p);
	}
	lay(&l, e, "k.pdf");
	folios = pagemap_folios(&l.pm, e);
	ck_assert_uint_eq(g_hash_table_size(folios), G_N_ELEMENTS(marks));
	saved = g_strconcat(l.path, ".pages", NULL);
	ck_assert(pagemap_save(&l.pm, e, "key-1", saved, NULL));
	pagemap_init(&back);
	ck_assert(pagemap_load(&back, e, "key-1", saved));
	again = pagemap_folios(&back, e);
	ck_assert_uint_eq(g_hash_table_size(again), G_N_ELEMENTS(marks));
	for (i = 0; i < G_N_ELEMENTS(marks); i++) {
		const struct node *mk = marks[i];

		ck_assert_ptr_eq(g_hash_table_lookup(again, mk->as.mark),
		    g_hash_table_lookup(folios, mk->as.mark));
	}
	pagemap_release(&back);
	pagemap_init(&back);
	ck_assert(!pagemap_load(&back, e, "key-2", saved));
	ck_assert_uint_eq(back.labels->len, 0);
	/* A text with fewer paragraphs than the lines name. */
	c = g_ptr_array_index(other->chapters, 0);
	while (c->doc->first->next != NULL)
		node_free(c->doc->last);
	ck_assert(!pagemap_load(&back, other, "key-1", saved));
	ck_assert_uint_eq(back.starts->len, 0);
	pagemap_release(&back);
	g_hash_table_destroy(again);
	g_hash_table_destroy(folios);
	g_remove(saved);
	g_free(saved);
	laid_release(&l);
	edition_free(other);
	edition_free(e);
}
END_TEST

/*
 * A kept layout that is damaged, cut short or made by hand is not
 * read: each such file leaves the map empty, and nothing crashes.
 */
START_TEST(test_page_map_bad_files)
{
	struct edition *e = sample();
	char *saved, *good, *bad, *big;
	const char *cut;
	struct pagemap back;
	struct laid l;
	guint i;

	lay(&l, e, "b.pdf");
	saved = g_strconcat(l.path, ".pages", NULL);
	ck_assert(pagemap_save(&l.pm, e, "k", saved, NULL));
	ck_assert(g_file_get_contents(saved, &good, NULL, NULL));
	cut = strstr(good, "\nline ");
	ck_assert_ptr_nonnull(cut);
	big = g_strnfill(300, 'x');
	{
		char *cases[] = {
			g_strdup(""),
			g_strdup("octavo pages 1\n"),
			g_strdup("octavo pages 1\nkey k\nend 0 0\n"),
			/* no end line */
			g_strndup(good, (gsize)(strstr(good, "end ") - good)),
			/* a line before the labels */
			g_strdup_printf("octavo pages 1\nkey k\n%s", cut + 1),
			/* numbers that do not fit, or are not numbers */
			g_strdup_printf("%.*s\nline one text 0 0 4294967297%s",
			    (int)(cut - good), good, cut),
			g_strdup_printf("%.*s\nline one text -1 0 1%s",
			    (int)(cut - good), good, cut),
			g_strdup_printf("%.*s\nline one text 0 0 1junk%s",
			    (int)(cut - good), good, cut),
			g_strdup_printf("%.*s\nline %s text 0 0 1%s",
			    (int)(cut - good), good, big, cut),
			/* a blank line, then the rest */
			g_strdup_printf("%.*s\n%s", (int)(cut - good), good, cut),
			/* something after the end */
			g_strconcat(good, "label x\n", NULL),
		};

		for (i = 0; i < G_N_ELEMENTS(cases); i++) {
			ck_assert(g_file_set_contents(saved, cases[i], -1,
			    NULL));
			pagemap_init(&back);
			ck_assert_msg(!pagemap_load(&back, e, "k", saved),
			    "case %u was read", i);
			ck_assert_uint_eq(back.labels->len, 0);
			ck_assert_uint_eq(back.starts->len, 0);
			pagemap_release(&back);
			g_free(cases[i]);
		}
	}
	/* The good file reads; a directory where it should be does not. */
	ck_assert(g_file_set_contents(saved, good, -1, NULL));
	pagemap_init(&back);
	ck_assert(pagemap_load(&back, e, "k", saved));
	ck_assert_uint_eq(back.labels->len, l.pm.labels->len);
	pagemap_release(&back);
	g_remove(saved);
	bad = g_strdup(saved);
	ck_assert_int_eq(g_mkdir(bad, 0700), 0);
	pagemap_init(&back);
	ck_assert(!pagemap_load(&back, e, "k", bad));
	pagemap_release(&back);
	g_rmdir(bad);
	g_free(bad);
	g_free(big);
	g_free(good);
	g_free(saved);
	laid_release(&l);
	edition_free(e);
}
END_TEST

Suite *
pdf_suite(void)
{
	Suite *s = suite_create("pdf");
	TCase *write = tcase_create("write");

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
	tcase_add_test(write, test_footnotes_on_reference_pages);
	tcase_add_test(write, test_long_note_continues);
	tcase_add_test(write, test_structure_outline_links);
	tcase_add_test(write, test_page_labels);
	tcase_add_test(write, test_index_of_names);
	tcase_add_test(write, test_report_totals);
	tcase_add_test(write, test_page_map);
	tcase_add_test(write, test_page_map_kept);
	tcase_add_test(write, test_page_map_bad_files);
	tcase_add_test(write, test_fonts_embedded);
	suite_add_tcase(s, write);
	return s;
}
