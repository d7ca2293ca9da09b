/*
 * test_style.c — the print style: defaults, units, and the diagnostics
 * for unknown keys, bad values and fonts that are not installed.
 */
#include <string.h>

#include "fixture.h"
#include "read/style.h"
#include "suites.h"

#define EPS	0.001

/* Reads a style file with the given text; returns style_read's result. */
static int
read_text(struct style *st, const char *text, struct diags *d)
{
	char *path = fixture_file("print.ini", text, -1);
	int rc;

	diags_init(d);
	rc = style_read(st, path, d);
	fixture_remove(path);
	return rc;
}

static const struct diag *
diag_at(const struct diags *d, guint i)
{
	ck_assert_uint_gt(d->list->len, i);
	return &g_array_index(d->list, struct diag, i);
}

START_TEST(test_defaults)
{
	struct style st;

	style_init(&st);
	ck_assert_double_eq_tol(st.width, 6 * 72, EPS);
	ck_assert_double_eq_tol(st.height, 9 * 72, EPS);
	/* A 4.5in measure, a little outward of the page's centre. */
	ck_assert_double_eq_tol(st.width - st.inner - st.outer, 4.5 * 72, EPS);
	ck_assert(st.inner > st.outer);
	ck_assert_str_eq(st.body.family, "EB Garamond 12");
	ck_assert_double_eq_tol(st.body.size, 11, EPS);
	ck_assert_double_eq_tol(st.body.leading, 14, EPS);
	/* Derived: the quotation's family is the body's. */
	ck_assert_str_eq(st.quote.family, "EB Garamond 12");
	ck_assert_int_eq(st.folio, FOLIO_HEAD);
	/* TeX's line breaking and hyphenation, with fewer hyphens. */
	ck_assert_int_eq(st.hyph_min_word, 6);
	ck_assert_int_eq(st.hyph_min_left, 2);
	ck_assert_int_eq(st.hyph_min_right, 3);
	ck_assert_int_eq(st.hyph_max_lines, 2);
	ck_assert_double_eq_tol(st.tolerance, 300, EPS);
	ck_assert_double_eq_tol(st.pretolerance, 100, EPS);
	ck_assert_int_eq(st.hyphen_penalty, 500);
	ck_assert_double_eq_tol(st.space_stretch, 0.5, EPS);
	style_release(&st);
}
END_TEST

START_TEST(test_justification_keys)
{
	struct style st;
	struct diags d;

	ck_assert_int_eq(read_text(&st, "[hyphenation]\nmin-word = 8\n"
	    "max-lines = 1\n[justification]\ntolerance = 400\n"
	    "emergency-stretch = 1.5mm\n", &d), 0);
	ck_assert_uint_eq(d.list->len, 0);
	ck_assert_int_eq(st.hyph_min_word, 8);
	ck_assert_int_eq(st.hyph_max_lines, 1);
	ck_assert_double_eq_tol(st.tolerance, 400, EPS);
	ck_assert_double_eq_tol(st.emergency, 1.5 * 72 / 25.4, EPS);
	style_release(&st);
	diags_release(&d);
}
END_TEST

/* What a printer asks: none of it by default. */
START_TEST(test_print_keys)
{
	struct style st;
	struct diags d;

	style_init(&st);
	ck_assert_double_eq_tol(st.bleed, 0, EPS);
	ck_assert_int_eq(st.crop_marks, CROP_MARKS_NONE);
	style_release(&st);
	ck_assert_int_eq(read_text(&st, "[print]\nbleed = 3mm\n"
	    "crop-marks = corners\n", &d), 0);
	ck_assert_uint_eq(d.list->len, 0);
	ck_assert_double_eq_tol(st.bleed, 3 * 72 / 25.4, EPS);
	ck_assert_int_eq(st.crop_marks, CROP_MARKS_CORNERS);
	style_release(&st);
	diags_release(&d);
	ck_assert_int_eq(read_text(&st, "[print]\ncrop-marks = all\n", &d),
	    -1);
	ck_assert_int_eq(d.count[DIAG_ERROR], 1);
	diags_release(&d);
}
END_TEST

/* A count takes a whole number; a number no unit. */
START_TEST(test_bad_count)
{
	struct style st;
	struct diags d;

	ck_assert_int_eq(read_text(&st, "[hyphenation]\nmin-left = 2.5\n"
	    "[justification]\ntolerance = 200pt\n", &d), -1);
	ck_assert_int_eq(d.count[DIAG_ERROR], 2);
	ck_assert_ptr_nonnull(strstr(diag_at(&d, 0)->msg, "whole number"));
	ck_assert_ptr_nonnull(strstr(diag_at(&d, 1)->msg, "a number"));
	diags_release(&d);
}
END_TEST

START_TEST(test_units)
{
	struct style st;
	struct diags d;

	ck_assert_int_eq(read_text(&st, "[page]\nwidth = 152.4mm\n"
	    "height = 9 in\ntop = 54pt\n[body]\nsize = 10.5pt\n", &d), 0);
	ck_assert_uint_eq(d.list->len, 0);
	ck_assert_double_eq_tol(st.width, 432, EPS);
	ck_assert_double_eq_tol(st.height, 648, EPS);
	ck_assert_double_eq_tol(st.top, 54, EPS);
	ck_assert_double_eq_tol(st.body.size, 10.5, EPS);
	/* Keys the file leaves out keep their defaults. */
	ck_assert_double_eq_tol(st.body.leading, 14, EPS);
	style_release(&st);
	diags_release(&d);
}
END_TEST

START_TEST(test_unknown_key_warns_at_line)
{
	struct style st;
	struct diags d;
	const struct diag *dg;

	ck_assert_int_eq(read_text(&st, "# margins\n[page]\nwidth = 6in\n"
	    "widht = 5in\n", &d), 0);
	ck_assert_uint_eq(d.list->len, 1);
	dg = diag_at(&d, 0);
	ck_assert_int_eq(dg->level, DIAG_WARNING);
	ck_assert_int_eq(dg->pos.line, 4);
	ck_assert_ptr_nonnull(strstr(dg->msg, "widht"));
	ck_assert_double_eq_tol(st.width, 432, EPS);
	style_release(&st);
	diags_release(&d);
}
END_TEST

START_TEST(test_unknown_group_warns)
{
	struct style st;
	struct diags d;

	ck_assert_int_eq(read_text(&st, "[page]\nwidth = 6in\n\n[colour]\n"
	    "ink = black\n", &d), 0);
	ck_assert_uint_eq(d.list->len, 1);
	ck_assert_int_eq(diag_at(&d, 0)->pos.line, 4);
	ck_assert_ptr_nonnull(strstr(diag_at(&d, 0)->msg, "[colour]"));
	style_release(&st);
	diags_release(&d);
}
END_TEST

START_TEST(test_negative_size_is_error)
{
	struct style st;
	struct diags d;
	const struct diag *dg;

	ck_assert_int_eq(read_text(&st, "[page]\nheight = -9in\n", &d), -1);
	ck_assert(diags_failed(&d));
	dg = diag_at(&d, 0);
	ck_assert_int_eq(dg->level, DIAG_ERROR);
	ck_assert_int_eq(dg->pos.line, 2);
	ck_assert_int_eq(dg->pos.col, 10);	/* at the value */
	ck_assert_ptr_nonnull(strstr(dg->msg, "height = 9in"));	/* the hint */
	diags_release(&d);
}
END_TEST

START_TEST(test_bad_unit_points_at_unit)
{
	struct style st;
	struct diags d;
	const struct diag *dg;

	ck_assert_int_eq(read_text(&st, "[body]\nsize = 11\nleading = 14 "
	    "furlongs\n", &d), -1);
	ck_assert_int_eq(d.count[DIAG_ERROR], 2);	/* both, not the first */
	dg = diag_at(&d, 0);
	ck_assert_int_eq(dg->pos.line, 2);
	ck_assert_int_eq(dg->pos.col, 10);	/* "size = 11^": no unit */
	dg = diag_at(&d, 1);
	ck_assert_int_eq(dg->pos.line, 3);
	ck_assert_int_eq(dg->pos.col, 14);	/* at "furlongs" */
	diags_release(&d);
}
END_TEST

START_TEST(test_margins_wider_than_page)
{
	struct style st;
	struct diags d;
	const struct diag *dg;

	ck_assert_int_eq(read_text(&st, "[page]\nwidth = 4in\ninner = 2in\n"
	    "outer = 2in\n", &d), -1);
	ck_assert_int_eq(d.count[DIAG_ERROR], 1);
	dg = diag_at(&d, 0);
	ck_assert_int_eq(dg->pos.line, 4);	/* the outer margin */
	ck_assert_ptr_nonnull(strstr(dg->msg, "narrower"));
	diags_release(&d);
}
END_TEST

START_TEST(test_margins_taller_than_page)
{
	struct style st;
	struct diags d;

	ck_assert_int_eq(read_text(&st, "[page]\ntop = 5in\nbottom = 4in\n",
	    &d), -1);
	ck_assert_int_eq(diag_at(&d, 0)->pos.line, 3);
	diags_release(&d);
}
END_TEST

/*
 * A value that would break a page is an error at its line, with the
 * key's bounds: a page past the PDF's 200 inches, a space that shrinks
 * to nothing, an indent wider than half the measure, lines set on less
 * than their size, and a leading of 1000pt, which is the leading's
 * fault, not the margins'.
 */
START_TEST(test_values_that_break_pages)
{
	static const struct {
		const char *text, *says;
		int line, col;
	} cases[] = {
		{ "[page]\nwidth = 1e308in\n", "from 1in to 200in", 2, 9 },
		{ "[justification]\nspace-shrink = 1.5\n", "from 0 to 0.9",
		    2, 16 },
		{ "[body]\nindent = 4in\n", "less than half of the 4.5in",
		    2, 10 },
		{ "[quote]\nindent = 1.5in\n", "less than half", 2, 10 },
		{ "[list]\nindent = 3in\n", "less than half", 2, 10 },
		{ "[body]\nleading = 9pt\n", "less than its size, 11pt",
		    2, 11 },
		{ "[note]\nsize = 12pt\n", "[note] leading = 11pt is less",
		    2, 8 },
		{ "[body]\nleading = 1000pt\n", "from 4pt to 144pt", 2, 11 },
		{ "[page]\nheight = 2in\n[body]\nleading = 100pt\n",
		    "two lines of 11pt on 100pt do not fit", 4, 11 },
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct style st;
		struct diags d;
		const struct diag *dg;

		ck_assert_int_eq(read_text(&st, cases[i].text, &d), -1);
		ck_assert_int_eq(d.count[DIAG_ERROR], 1);
		dg = diag_at(&d, 0);
		ck_assert_msg(strstr(dg->msg, cases[i].says) != NULL,
		    "case %zu: %s", i, dg->msg);
		ck_assert_int_eq(dg->pos.line, cases[i].line);
		ck_assert_int_eq(dg->pos.col, cases[i].col);
		diags_release(&d);
	}
}
END_TEST

START_TEST(test_bad_folio)
{
	struct style st;
	struct diags d;

	ck_assert_int_eq(read_text(&st, "[page]\nfolio = middle\n", &d), -1);
	ck_assert_ptr_nonnull(strstr(diag_at(&d, 0)->msg, "head or foot"));
	diags_release(&d);
}
END_TEST

/* A font the style names but the machine lacks is an error at its line. */
START_TEST(test_unknown_font)
{
	struct style st;
	struct diags d;
	const struct diag *dg;

	ck_assert_int_eq(read_text(&st, "[body]\nfont = No Such Typeface\n"
	    "[running-head]\nfont = EB Garamond\n", &d), -1);
	ck_assert_uint_eq(d.list->len, 1);
	dg = diag_at(&d, 0);
	ck_assert_int_eq(dg->level, DIAG_ERROR);
	ck_assert_int_eq(dg->pos.line, 2);
	ck_assert_int_eq(dg->pos.col, 8);
	ck_assert_ptr_nonnull(strstr(dg->msg, "No Such Typeface"));
	diags_release(&d);
}
END_TEST

START_TEST(test_missing_file)
{
	struct style st;
	struct diags d;

	diags_init(&d);
	ck_assert_int_eq(style_read(&st, "/nonexistent/print.ini", &d), -1);
	ck_assert(diags_failed(&d));
	ck_assert_str_eq(diag_at(&d, 0)->pos.file, "/nonexistent/print.ini");
	diags_release(&d);
}
END_TEST

/* The shipped styles read without a word. */
START_TEST(test_shipped_styles)
{
	static const char *const files[] = { "print.ini", "print-a5.ini",
	    "print-letter.ini" };
	static const double widths[] = { 432, 148 / 25.4 * 72, 8.5 * 72 };
	struct style st;
	struct diags d;
	char *path;

	path = g_build_filename("..", "..", "styles", files[_i], NULL);
	diags_init(&d);
	ck_assert_int_eq(style_read(&st, path, &d), 0);
	ck_assert_uint_eq(d.list->len, 0);
	ck_assert_double_eq_tol(st.width, widths[_i], EPS);
	ck_assert_double_eq_tol(st.body.leading, _i == 0 ? 14 :
	    _i == 1 ? 13.5 : 15, EPS);
	style_release(&st);
	diags_release(&d);
	g_free(path);
}
END_TEST

Suite *
style_suite(void)
{
	Suite *s = suite_create("style");
	TCase *tc = tcase_create("read");

	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_units);
	tcase_add_test(tc, test_justification_keys);
	tcase_add_test(tc, test_print_keys);
	tcase_add_test(tc, test_bad_count);
	tcase_add_test(tc, test_unknown_key_warns_at_line);
	tcase_add_test(tc, test_unknown_group_warns);
	tcase_add_test(tc, test_negative_size_is_error);
	tcase_add_test(tc, test_bad_unit_points_at_unit);
	tcase_add_test(tc, test_margins_wider_than_page);
	tcase_add_test(tc, test_margins_taller_than_page);
	tcase_add_test(tc, test_values_that_break_pages);
	tcase_add_test(tc, test_bad_folio);
	tcase_add_test(tc, test_unknown_font);
	tcase_add_test(tc, test_missing_file);
	tcase_add_loop_test(tc, test_shipped_styles, 0, 3);
	suite_add_tcase(s, tc);
	return s;
}
