/*
 * test_numerals.c — the numbers printed for Cairo (pdf/numerals.h) are
 * glibc's, byte for byte: each conversion is printed both ways and
 * compared, for made-up values and for a hundred thousand drawn
 * from a seeded generator, and what is not printed here is said to be.
 */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "pdf/numerals.h"
#include "suites.h"

/* Whether fmt's one conversion was printed here (into a buffer of size
 * bytes); fails the test if glibc's vsnprintf prints it otherwise. */
static int
alike(size_t size, const char *fmt, ...)
{
	char ours[256], glibc[256];
	va_list ap, again;
	int n, m;

	ck_assert_uint_le(size, sizeof(ours));
	memset(ours, 'x', sizeof(ours));
	memset(glibc, 'x', sizeof(glibc));
	va_start(ap, fmt);
	va_copy(again, ap);
	/* glibc is not asked what is not printed here: a test of
	 * formats left to it passes arguments that are not theirs. */
	if ((n = numerals_print(ours, size, fmt, ap)) >= 0)
		m = vsnprintf(glibc, size, fmt, again);
	va_end(again);
	va_end(ap);
	if (n < 0)
		return 0;
	ck_assert_int_eq(n, m);
	ck_assert_msg(memcmp(ours, glibc, sizeof(ours)) == 0,
	    "%s: \"%.*s\", glibc \"%.*s\"", fmt, (int)MIN(size, 64), ours,
	    (int)MIN(size, 64), glibc);
	return 1;
}

/* Integers, as Cairo prints them: signs, widths, zeros, lengths. */
START_TEST(test_numerals_integers)
{
	static const int ints[] = { 0, 1, -1, 9, 10, 99, -100, 65535, 65536,
	    INT_MAX, INT_MIN };
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(ints); i++) {
		ck_assert(alike(64, "%d", ints[i]));
		ck_assert(alike(64, "%u", ints[i]));
		ck_assert(alike(64, "%x", ints[i]));
		ck_assert(alike(64, "%X", ints[i]));
		ck_assert(alike(64, "%o", ints[i]));
		ck_assert(alike(64, "%5d", ints[i]));
		ck_assert(alike(64, "%05d", ints[i]));
		ck_assert(alike(64, "%02x", ints[i]));
		ck_assert(alike(64, "%0*x", 4, ints[i]));
		ck_assert(alike(64, "%*d", 12, ints[i]));
		ck_assert(alike(64, "%ld", (long)ints[i] * 4096));
		ck_assert(alike(64, "%lu", (unsigned long)ints[i]));
		ck_assert(alike(64, "%lld", (long long)ints[i] * 65536));
		ck_assert(alike(64, "%llx", (unsigned long long)ints[i]));
	}
	ck_assert(alike(64, "%ld", LONG_MIN));
	ck_assert(alike(64, "%llu", ULLONG_MAX));
	ck_assert(alike(64, "%llo", ULLONG_MAX));
}
END_TEST

/* Floats at each precision Cairo asks for, ties among them. */
START_TEST(test_numerals_floats)
{
	static const double ds[] = { 0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5,
	    0.125, 0.375, -0.625, 0.1, 0.05, 0.0049999, 1e-7, -3e-12, 1e-19,
	    123.456789012, 595.2755905511812, 841.8897637795276, 1e15,
	    4503599627370495.5, 9007199254740991.0, DBL_MIN, -DBL_MIN,
	    DBL_TRUE_MIN, 999999.9999995, 0.9999995, 0.0000005, 0.0000015 };
	size_t i;
	int p;

	for (i = 0; i < G_N_ELEMENTS(ds); i++) {
		ck_assert(alike(64, "%f", ds[i]));
		ck_assert(alike(64, "%.3f", ds[i]));
		ck_assert(alike(64, "%.18f", ds[i]));
		for (p = 0; p <= 18; p++)
			ck_assert(alike(64, "%.*f", p, ds[i]));
		ck_assert(alike(64, "%012.2f", ds[i]));
		ck_assert(alike(64, "%9.1f", ds[i]));
	}
}
END_TEST

/* Random magnitudes from 2^-70 to 2^53, their bits at random, and
 * numbers of a thousandth: every precision, every one alike. */
START_TEST(test_numerals_drawn)
{
	GRand *r = g_rand_new_with_seed(1787);
	int i;

	for (i = 0; i < 40000; i++) {
		double m = g_rand_double(r), d;

		d = ldexp(m, g_rand_int_range(r, -70, 54));
		if (g_rand_boolean(r))
			d = -d;
		ck_assert(alike(64, "%.*f", g_rand_int_range(r, 0, 19), d));
		d = (double)g_rand_int_range(r, -2000000, 2000000) / 1000;
		ck_assert(alike(64, "%f", d));
		d = (double)g_rand_int_range(r, -2000, 2000) / 8;
		ck_assert(alike(64, "%.*f", g_rand_int_range(r, 0, 4), d));
	}
	g_rand_free(r);
}
END_TEST

/* What is cut to the buffer is cut as glibc cuts it. */
START_TEST(test_numerals_cut)
{
	size_t size;

	for (size = 0; size < 12; size++) {
		ck_assert(alike(size, "%d", -123456789));
		ck_assert(alike(size, "%0*x", 10, 0xbeef));
		ck_assert(alike(size, "%f", -1234.5678));
	}
}
END_TEST

/* What is not one of Cairo's conversions, or not a number rounded here,
 * is left to glibc. */
START_TEST(test_numerals_left)
{
	static const char *const other[] = { "%s", "%g", "%e", "%c", "%%",
	    "%d %d", "x%d", "%d.", "%-5d", "%+d", "% d", "%#x", "%.3d",
	    "%Lf", "%lf", "%hd", "%zu", "%.19f", "%99d", "" };
	char buf[64];
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(other); i++)
		ck_assert_msg(!alike(sizeof(buf), other[i], 1, 2),
		    "%s printed", other[i]);
	ck_assert(!alike(64, "%f", INFINITY));
	ck_assert(!alike(64, "%f", NAN));
	ck_assert(!alike(64, "%f", 1e300));
	ck_assert(!alike(64, "%.*f", 19, 1.0));
	ck_assert(!alike(64, "%0*x", -4, 1));
#ifdef __GLIBC__
	/* And glibc's answer is what __snprintf_chk gives for them. */
	ck_assert_int_eq(__snprintf_chk(buf, sizeof(buf), 1, sizeof(buf),
	    "%s|%g", "a", 0.5), 5);
	ck_assert_str_eq(buf, "a|0.5");
	ck_assert_int_eq(__snprintf_chk(buf, sizeof(buf), 1, sizeof(buf),
	    "%0*x", 6, 0xabc), 6);
	ck_assert_str_eq(buf, "000abc");
#endif
}
END_TEST

Suite *
numerals_suite(void)
{
	Suite *s = suite_create("numerals");
	TCase *tc = tcase_create("numerals");

	tcase_add_test(tc, test_numerals_integers);
	tcase_add_test(tc, test_numerals_floats);
	tcase_add_test(tc, test_numerals_drawn);
	tcase_add_test(tc, test_numerals_cut);
	tcase_add_test(tc, test_numerals_left);
	suite_add_tcase(s, tc);
	return s;
}
