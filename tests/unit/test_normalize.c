/*
 * test_normalize.c — raw text to CommonMark: one line one paragraph,
 * markup characters kept literal, lines mapped back to the source.
 */
#include <string.h>

#include "normalize/normalize.h"
#include "suites.h"

/* Normalizes text as a chapter of the given format; returns the CommonMark. */
static char *
run(const char *text, enum source_format format, GArray **lines)
{
	struct group *g = group_new("t");
	struct normalization nz;
	struct normalized *n;
	struct diags d;
	char *md;

	g->format = format;
	diags_init(&d);
	normalization_init(&nz);
	ck_assert_int_eq(normalize(g, text, &nz, &d), 0);
	n = g_ptr_array_index(nz.chapters, 0);
	md = g_strdup(n->md->str);
	if (lines != NULL) {
		*lines = n->srcline;
		n->srcline = g_array_new(FALSE, FALSE, sizeof(int));
	}
	normalization_release(&nz);
	diags_release(&d);
	group_free(g);
	return md;
}

static char *
escaped(const char *s)
{
	GString *md = g_string_new(NULL);

	normalize_escape(md, s, -1);
	return g_string_free(md, FALSE);
}

START_TEST(test_escape_inline)
{
	char *s = escaped("a *b* [1] <i> & c_d `x` !");

	ck_assert_str_eq(s, "a \\*b\\* \\[1\\] \\<i\\> \\& c\\_d \\`x\\` \\!");
	g_free(s);
}
END_TEST

START_TEST(test_escape_line_start)
{
	char *s;

	s = escaped("# not a heading");
	ck_assert_str_eq(s, "\\# not a heading");
	g_free(s);
	s = escaped("12. not a list");
	ck_assert_str_eq(s, "12\\. not a list");
	g_free(s);
	s = escaped("- not an item");
	ck_assert_str_eq(s, "\\- not an item");
	g_free(s);
	s = escaped("1930 was a year");
	ck_assert_str_eq(s, "1930 was a year");
	g_free(s);
}
END_TEST

START_TEST(test_lines_become_paragraphs)
{
	GArray *lines;
	char *md = run("One.\nTwo.\n\n\nThree.", FORMAT_TEXT, &lines);

	ck_assert_str_eq(md, "One.\n\nTwo.\n\nThree.\n\n");
	ck_assert_uint_eq(lines->len, 6);
	ck_assert_int_eq(g_array_index(lines, int, 0), 1);
	ck_assert_int_eq(g_array_index(lines, int, 2), 2);
	ck_assert_int_eq(g_array_index(lines, int, 4), 5);
	g_array_free(lines, TRUE);
	g_free(md);
}
END_TEST

START_TEST(test_markdown_passes_through)
{
	GArray *lines;
	char *md = run("Text.\n\n*e*\n", FORMAT_MARKDOWN, &lines);

	ck_assert_str_eq(md, "Text.\n\n*e*\n");
	ck_assert_int_eq(g_array_index(lines, int, 2), 3);
	g_array_free(lines, TRUE);
	g_free(md);
}
END_TEST

Suite *
normalize_suite(void)
{
	Suite *s = suite_create("normalize");
	TCase *tc = tcase_create("normalize");

	tcase_add_test(tc, test_escape_inline);
	tcase_add_test(tc, test_escape_line_start);
	tcase_add_test(tc, test_lines_become_paragraphs);
	tcase_add_test(tc, test_markdown_passes_through);
	suite_add_tcase(s, tc);
	return s;
}
