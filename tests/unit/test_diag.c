/*
 * test_diag.c — diagnostics: format, severity, flushing once.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "suites.h"

/* What diag_flush prints, as a string. */
static char *
flushed(struct diags *d, enum diag_level least)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	char *s;

	diag_flush(d, f, least);
	fclose(f);
	s = g_strdup(buf);
	free(buf);
	return s;
}

START_TEST(test_format)
{
	struct diags d;
	char *out;

	diags_init(&d);
	diag_add(&d, DIAG_ERROR, srcpos_at("a.txt", 3, 7), "invalid UTF-8 byte 0x%02x", 0xff);
	out = flushed(&d, DIAG_INFO);
	ck_assert_str_eq(out, "octavo: a.txt:3:7: error: invalid UTF-8 byte 0xff\n");
	g_free(out);
	diags_release(&d);
}
END_TEST

START_TEST(test_worst_and_filter)
{
	struct diags d;
	char *out;

	diags_init(&d);
	diag_add(&d, DIAG_INFO, srcpos_at("a", 1, 0), "dropped");
	ck_assert(!diags_failed(&d));
	diag_add(&d, DIAG_WARNING, srcpos_at(NULL, 0, 0), "careful");
	ck_assert_int_eq(d.worst, DIAG_WARNING);
	out = flushed(&d, DIAG_WARNING);
	ck_assert_str_eq(out, "octavo: warning: careful\n");
	g_free(out);
	diag_add(&d, DIAG_ERROR, srcpos_at("b", 2, 0), "bad");
	ck_assert(diags_failed(&d));
	out = flushed(&d, DIAG_INFO);
	ck_assert_str_eq(out, "octavo: b:2: error: bad\n");	/* once only */
	g_free(out);
	diags_release(&d);
}
END_TEST

/*
 * Warnings that say the same of one file are one line, with how many
 * more and where the last is; each is still counted.  Other levels, and
 * the same words of another file, are printed each.
 */
START_TEST(test_repeated_warnings)
{
	struct diags d;
	char *out;
	int i;

	diags_init(&d);
	for (i = 1; i <= 19999; i++)
		diag_add(&d, DIAG_WARNING, srcpos_at("a.md", i + 2, 1),
		    "note a is referred to twice");
	diag_add(&d, DIAG_WARNING, srcpos_at("b.md", 4, 1),
	    "note a is referred to twice");
	diag_add(&d, DIAG_INFO, srcpos_at("a.md", 1, 0), "dropped");
	diag_add(&d, DIAG_INFO, srcpos_at("a.md", 2, 0), "dropped");
	out = flushed(&d, DIAG_INFO);
	ck_assert_str_eq(out, "octavo: a.md:3:1: warning: note a is referred "
	    "to twice (and 19998 more like it, the last at line 20001)\n"
	    "octavo: b.md:4:1: warning: note a is referred to twice\n"
	    "octavo: a.md:1: info: dropped\n"
	    "octavo: a.md:2: info: dropped\n");
	ck_assert_int_eq(d.count[DIAG_WARNING], 20000);
	g_free(out);
	diags_release(&d);
}
END_TEST

Suite *
diag_suite(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("diag");

	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_worst_and_filter);
	tcase_add_test(tc, test_repeated_warnings);
	suite_add_tcase(s, tc);
	return s;
}
