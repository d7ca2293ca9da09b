/*
 * test_source.c — reading sources: only UTF-8 text gets through, and a
 * bad byte is reported at its line and column.
 */
#include <string.h>

#include "fixture.h"
#include "read/source.h"
#include "suites.h"

START_TEST(test_reads_text)
{
	char *path = fixture_file("a.txt", "caf\xc3\xa9\nline two", -1);
	struct diags d;
	gsize len;
	char *text;

	diags_init(&d);
	text = source_read(path, NULL, SOURCE_MAX, &len, &d);
	ck_assert_str_eq(text, "caf\xc3\xa9\nline two");
	ck_assert_uint_eq(len, 14);
	ck_assert_int_eq(d.list->len, 0);
	g_free(text);
	fixture_remove(path);
	diags_release(&d);
}
END_TEST

START_TEST(test_invalid_utf8_position)
{
	char *path = fixture_file("a.txt", "one\ntw\xc3\xa9 \xff here\n", -1);
	struct diags d;
	gsize len;

	diags_init(&d);
	ck_assert_ptr_null(source_read(path, NULL, SOURCE_MAX, &len, &d));
	ck_assert_int_eq(fixture_first_diag(&d)->pos.line, 2);
	/* characters, not bytes */
	ck_assert_int_eq(fixture_first_diag(&d)->pos.col, 5);
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg,
	    "invalid UTF-8"));
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg, "0xff"));
	fixture_remove(path);
	diags_release(&d);
}
END_TEST

START_TEST(test_nul_byte)
{
	char *path = fixture_file("a.bin", "ab\0cd", 5);
	struct diags d;
	gsize len;

	diags_init(&d);
	ck_assert_ptr_null(source_read(path, NULL, SOURCE_MAX, &len, &d));
	ck_assert_int_eq(fixture_first_diag(&d)->pos.col, 3);
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg, "NUL"));
	fixture_remove(path);
	diags_release(&d);
}
END_TEST

START_TEST(test_bom_and_crlf)
{
	char *path = fixture_file("a.txt", "\xEF\xBB\xBFone\r\ntwo\r\n", -1);
	struct diags d;
	gsize len;
	char *text;

	diags_init(&d);
	text = source_read(path, NULL, SOURCE_MAX, &len, &d);
	ck_assert_str_eq(text, "one\ntwo\n");
	ck_assert_uint_eq(len, 8);
	g_free(text);
	fixture_remove(path);
	diags_release(&d);
}
END_TEST

START_TEST(test_size_cap)
{
	char *path = fixture_file("a.txt", "0123456789", -1);
	struct diags d;
	gsize len;

	diags_init(&d);
	ck_assert_ptr_null(source_read(path, NULL, 9, &len, &d));
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg,
	    "over the limit"));
	fixture_remove(path);
	diags_release(&d);
}
END_TEST

START_TEST(test_missing_and_directory)
{
	struct diags d;
	gsize len;

	diags_init(&d);
	ck_assert_ptr_null(source_read("no-such-file.txt", NULL, SOURCE_MAX, &len, &d));
	ck_assert_str_eq(fixture_first_diag(&d)->pos.file, "no-such-file.txt");
	ck_assert_ptr_null(source_read(".", NULL, SOURCE_MAX, &len, &d));
	ck_assert_int_eq(d.count[DIAG_ERROR], 2);
	diags_release(&d);
}
END_TEST

/* An empty or blank source is a mistake in the manifest, not a chapter. */
START_TEST(test_empty_file)
{
	char *path = fixture_file("a.txt", "", -1);
	char *blank = fixture_file("b.txt", " \n\xc2\xa0\n\n", -1);
	struct diags d;
	gsize len;

	diags_init(&d);
	ck_assert_ptr_null(source_read(path, NULL, SOURCE_MAX, &len, &d));
	ck_assert_ptr_null(source_read(blank, NULL, SOURCE_MAX, &len, &d));
	ck_assert_int_eq(d.count[DIAG_ERROR], 2);
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg, "empty"));
	fixture_remove(path);
	fixture_remove(blank);
	diags_release(&d);
}
END_TEST

Suite *
source_suite(void)
{
	Suite *s = suite_create("source");
	TCase *tc = tcase_create("source");

	tcase_add_test(tc, test_reads_text);
	tcase_add_test(tc, test_invalid_utf8_position);
	tcase_add_test(tc, test_nul_byte);
	tcase_add_test(tc, test_bom_and_crlf);
	tcase_add_test(tc, test_size_cap);
	tcase_add_test(tc, test_missing_and_directory);
	tcase_add_test(tc, test_empty_file);
	suite_add_tcase(s, tc);
	return s;
}
