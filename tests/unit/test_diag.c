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

Suite *
diag_suite(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("diag");

	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_worst_and_filter);
	suite_add_tcase(s, tc);
	return s;
}
