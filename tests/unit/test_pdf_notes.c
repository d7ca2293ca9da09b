/*
 * test_pdf_notes.c — footnotes on the page of their reference, the
 * tagged structure, outline and links, page labels, the typesetting
 * report, the page map and the fonts.
 */
#include <string.h>

#include <glib/gstdio.h>

#include "proof.h"
#include "suites.h"

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

/* What qpdf says of the file as JSON, for one key. */
static char *
qpdf_json(const char *pdf, const char *key)
{
	char *arg = g_strdup_printf("--json-key=%s", key);
	const char *argv[] = { "qpdf", "--json", arg, pdf, NULL };
	char *out = proof_run(argv);

	ck_assert_ptr_nonnull(out);
	g_free(arg);
	return out;
}

/* Each note starts on the page of its reference. */
START_TEST(test_footnotes_on_reference_pages)
{
	struct edition *e = proof_annotated();
	const struct chapter *c = g_ptr_array_index(e->chapters, 0);
	char *path = proof_write(e, "notes.pdf"), **pages = proof_all_pages(path);
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
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/*
 * Note 7 is longer than the room left: it begins on the page of its
 * reference and ends overleaf, at the head of that page's notes.
 */
START_TEST(test_long_note_continues)
{
	struct edition *e = proof_annotated();
	char *path = proof_write(e, "long.pdf"), **pages = proof_all_pages(path);
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
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/* Tagged, with chapters in the outline and sections under them, links. */
START_TEST(test_structure_outline_links)
{
	struct edition *e = proof_sample();
	char *path = proof_write(e, "a.pdf"), *info = proof_info(path);
	char *outlines = qpdf_json(path, "outlines"), *kids;
	const char *qdf[] = { "qpdf", "--qdf", "--object-streams=disable",
	    path, "-", NULL };
	char *raw = proof_run(qdf);
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
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/* Page labels: roman in the prelims, arabic from the text. */
START_TEST(test_page_labels)
{
	struct edition *e = proof_sample();
	char *path = proof_write(e, "a.pdf");
	char *labels = qpdf_json(path, "pagelabels");

	const char *roman = strstr(labels, "\"/S\": \"/r\"");
	const char *arabic = strstr(labels, "\"/S\": \"/D\"");

	/* A range of each, the first page's roman, the text's after it. */
	ck_assert_ptr_nonnull(roman);
	ck_assert_ptr_nonnull(arabic);
	ck_assert(strstr(labels, "\"index\": 0") < roman);
	ck_assert(roman < arabic);
	ck_assert_ptr_null(strstr(arabic + 1, "\"/S\": \"/D\""));
	g_free(labels);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/* The report: ratios per paragraph, and no fault in the totals. */
START_TEST(test_report_totals)
{
	struct edition *e = proof_annotated();
	char *path = proof_path("r.pdf"), *report = g_strconcat(path, ".txt",
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
	/* What a typographer looks for on the pages, none of it here. */
	ck_assert(g_regex_match_simple("^capitals hyphenated 0$", text,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^recto-final hyphens 0$", text,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^note parts of one line 0$", text,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^spreads out of line [0-9]+$", text,
	    G_REGEX_MULTILINE, 0));
	ck_assert(g_regex_match_simple("^holes above notes [0-9]+$", text,
	    G_REGEX_MULTILINE, 0));
	g_free(text);
	g_remove(report);
	g_free(report);
	fixture_remove(path);
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
	struct edition *e = proof_sample();
	char *path = proof_path("m.pdf"), **pages;
	struct pagemap pm;
	int total, front, blank = 0, i;
	guint k;

	proof_write_mapped(e, path, &pm);
	pages = proof_all_pages(path);
	total = proof_page_count(path);
	ck_assert_uint_eq(pm.labels->len, (guint)total);
	for (front = 0; front < total && strcmp(g_ptr_array_index(pm.labels,
	    front), "1") != 0; front++)
		;
	ck_assert_str_eq(g_ptr_array_index(pm.labels, 0), "i");
	for (i = front; i < total; i++)
		blank += g_strstrip(pages[i])[0] == '\0';
	ck_assert_int_gt(blank, 0);	/* the verso before chapter two */
	ck_assert_uint_eq(pm.breaks->len, (guint)total);
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
	fixture_remove(path);
	edition_free(e);
}
END_TEST

/* Every font is embedded, and subset. */
START_TEST(test_fonts_embedded)
{
	struct edition *e = proof_annotated();
	char *path = proof_write(e, "f.pdf");
	const char *argv[] = { "pdffonts", path, NULL };
	char *out = proof_run(argv), **lines;
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
	fixture_remove(path);
	edition_free(e);
}
END_TEST

Suite *
pdf_notes_suite(void)
{
	Suite *s = suite_create("pdf notes");
	TCase *tc = tcase_create("notes");

	/* Each test writes whole PDFs and runs poppler over them. */
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_footnotes_on_reference_pages);
	tcase_add_test(tc, test_long_note_continues);
	tcase_add_test(tc, test_structure_outline_links);
	tcase_add_test(tc, test_page_labels);
	tcase_add_test(tc, test_report_totals);
	tcase_add_test(tc, test_page_map);
	tcase_add_test(tc, test_fonts_embedded);
	suite_add_tcase(s, tc);
	return s;
}
