/*
 * test_source.c — reading sources, and every other file through the
 * one reader: only regular files of bounded size, only UTF-8 text gets
 * through, and a bad byte is reported at its line and column.
 */
#include <string.h>
#include <sys/stat.h>

#include "fixture.h"
#include "read/file.h"
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

/*
 * Every line end made LF (CR LF, a lone CR, one at the very end), and
 * what is no text taken out wherever it stands, before and after
 * other characters: a bell, an escape, U+FFFF.
 */
START_TEST(test_line_ends_and_controls)
{
	char *path = fixture_file("a.txt", "one\r\ntwo\rthree\r\r\nfo"
	    "\x07ur caf\xc3\xa9\x1b\tsix\xef\xbf\xbf seven\r", -1);
	struct diags d;
	gsize len;
	char *text;

	diags_init(&d);
	text = source_read(path, NULL, SOURCE_MAX, &len, &d);
	ck_assert_str_eq(text, "one\ntwo\nthree\n\nfour caf\xc3\xa9\tsix "
	    "seven\n");
	ck_assert_uint_eq(len, strlen(text));
	ck_assert_int_eq(d.count[DIAG_WARNING], 1);
	ck_assert_int_eq(fixture_first_diag(&d)->pos.line, 5);
	ck_assert_int_eq(fixture_first_diag(&d)->pos.col, 3);
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg, "3 control"));
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
	    "more than 9 bytes"));
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg,
	    "--max-source"));
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

/*
 * A FIFO is refused at once, not waited on (its open would block for a
 * writer); a device that never ends, likewise, before a byte is read.
 */
START_TEST(test_fifo_and_device)
{
	char *dir = fixture_dir();
	char *fifo = g_build_filename(dir, "style.ini", NULL);
	struct diags d;
	gsize len;

	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	diags_init(&d);
	ck_assert_ptr_null(file_read(fifo, "the print style", FILE_MAX_INI,
	    "", &len, &d));
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg,
	    "the print style is a FIFO (a named pipe), not a text file"));
	ck_assert_ptr_null(file_read_text("/dev/zero", "the EPUB stylesheet",
	    FILE_MAX_CSS, "", &len, &d));
	ck_assert_int_eq(d.count[DIAG_ERROR], 2);
	ck_assert_int_eq(fixture_diags_matching(&d, "a character device"), 1);
	ck_assert_ptr_null(file_read(fifo, "x", 1, "", &len, NULL));
	diags_release(&d);
	g_free(fifo);
	fixture_clean(dir);
}
END_TEST

/*
 * A text file: a byte-order mark dropped; a NUL byte, which would end
 * a C string there and lose what follows, an error at its place.
 */
START_TEST(test_text_files)
{
	char *bom = fixture_file("names.txt", "\xEF\xBB\xBFSmith, Ann\n", -1);
	char *nul = fixture_file("names.txt", "Smith, Ann\n\0Jones, Bob\n", 23);
	struct diags d;
	gsize len;
	char *text;

	diags_init(&d);
	text = file_read_text(bom, "the list of names", FILE_MAX_NAMES, "",
	    &len, &d);
	ck_assert_str_eq(text, "Smith, Ann\n");
	ck_assert_uint_eq(len, 11);
	g_free(text);
	ck_assert_ptr_null(file_read_text(nul, "the list of names",
	    FILE_MAX_NAMES, "save it as text", &len, &d));
	ck_assert_int_eq(fixture_first_diag(&d)->pos.line, 2);
	ck_assert_int_eq(fixture_first_diag(&d)->pos.col, 1);
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg,
	    "NUL byte"));
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg,
	    "save it as text"));
	fixture_remove(bom);
	fixture_remove(nul);
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
	tcase_add_test(tc, test_line_ends_and_controls);
	tcase_add_test(tc, test_size_cap);
	tcase_add_test(tc, test_missing_and_directory);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_fifo_and_device);
	tcase_add_test(tc, test_text_files);
	suite_add_tcase(s, tc);
	return s;
}
