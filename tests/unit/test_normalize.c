/*
 * test_normalize.c — raw text to CommonMark: one line one paragraph,
 * markup characters kept literal, lines mapped back to the source.
 */
#include <string.h>

#include "normalize/kept.h"
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

/* Whether two lists of diagnostics say the same, at the same places. */
static void
assert_same_diags(const struct diags *a, const struct diags *b)
{
	guint i;

	ck_assert_uint_eq(a->list->len, b->list->len);
	for (i = 0; i < a->list->len; i++) {
		const struct diag *x = &g_array_index(a->list, struct diag, i);
		const struct diag *y = &g_array_index(b->list, struct diag, i);

		ck_assert_int_eq(x->level, y->level);
		ck_assert_str_eq(x->pos.file, y->pos.file);
		ck_assert_int_eq(x->pos.line, y->pos.line);
		ck_assert_int_eq(x->pos.col, y->pos.col);
		ck_assert_str_eq(x->msg, y->msg);
	}
}

/*
 * A normalization kept as bytes reads back as it was made, its changes
 * and what normalize said with it; bytes cut short anywhere read back
 * as nothing, and say nothing.
 */
START_TEST(test_normalization_kept)
{
	const char *text = "Share this:\nThe Keeper of Lamps\n\n"
	    "Marta said, \u201cthe lamps are lit at dusk.\n\n"
	    "The wicks were trimmed[1] by hand.\n\n"
	    "[1] Weekly, in winter.\n";
	struct group *g = group_new("t");
	struct normalization nz, again;
	struct diags d, d2;
	GString *made = g_string_new(NULL), *remade = g_string_new(NULL);
	gsize cut;

	g->path = "lamps.txt";
	diags_init(&d);
	diags_init(&d2);
	normalization_init(&nz);
	ck_assert_int_eq(normalize(g, text, &nz, &d), 0);
	ck_assert_uint_gt(nz.changes->len, 0);
	ck_assert_uint_gt(d.list->len, 0);
	normalization_put(made, &nz, &d, 0);
	normalization_init(&again);
	ck_assert(normalization_get((const guint8 *)made->str, made->len,
	    &again, &d2));
	normalization_put(remade, &again, &d2, 0);
	ck_assert_uint_eq(made->len, remade->len);
	ck_assert(memcmp(made->str, remade->str, made->len) == 0);
	ck_assert_str_eq(((struct normalized *)g_ptr_array_index(
	    again.chapters, 0))->md->str, ((struct normalized *)
	    g_ptr_array_index(nz.chapters, 0))->md->str);
	assert_same_diags(&d, &d2);
	normalization_release(&again);
	for (cut = 0; cut < made->len; cut++) {
		guint said = d2.list->len;

		normalization_init(&again);
		ck_assert(!normalization_get((const guint8 *)made->str, cut,
		    &again, &d2));
		ck_assert_uint_eq(again.chapters->len, 0);
		ck_assert_uint_eq(again.changes->len, 0);
		ck_assert_uint_eq(d2.list->len, said);
		normalization_release(&again);
	}
	g_string_free(made, TRUE);
	g_string_free(remade, TRUE);
	normalization_release(&nz);
	diags_release(&d);
	diags_release(&d2);
	group_free(g);
}
END_TEST

/*
 * A kept normalization is found by a key that changes with what
 * normalize reads beside the source: the manifest's path and each
 * group's hyphenation patterns, by which a word broken at a line's end
 * is joined.
 */
START_TEST(test_normalization_key)
{
	struct manuscript *ms;
	struct group *g;
	struct diags d;
	char *a, *b, *c;

	diags_init(&d);
	ms = manifest_read("../fixtures/good.ini", &d);
	ck_assert_ptr_nonnull(ms);
	a = normalization_key(ms);
	b = normalization_key(ms);
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a, b);
	g_free(b);
	/* A group in a language with no patterns here. */
	g = g_ptr_array_index(ms->groups, 0);
	g->language = "xx-YY";
	b = normalization_key(ms);
	ck_assert_str_ne(a, b);
	/* The same manifest named by another path. */
	g->language = ms->edition->language;
	ms->path = "../fixtures/../fixtures/good.ini";
	c = normalization_key(ms);
	ck_assert_str_ne(a, c);
	ck_assert_str_ne(b, c);
	ms->path = "../fixtures/no-such.ini";
	ck_assert_ptr_null(normalization_key(ms));
	g_free(a);
	g_free(b);
	g_free(c);
	manuscript_free(ms);
	diags_release(&d);
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
	tcase_add_test(tc, test_normalization_kept);
	tcase_add_test(tc, test_normalization_key);
	suite_add_tcase(s, tc);
	return s;
}
