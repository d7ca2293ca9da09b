/*
 * test_manifest.c — edition.ini: metadata, chapters in order, and the
 * diagnostics a user sees when the manifest is wrong.
 */
#include <string.h>

#include "fixture.h"
#include "read/manifest.h"
#include "suites.h"

/* Reads a manifest from text; the diags are left for the test to inspect. */
static struct manuscript *
read_text(const char *text, struct diags *d)
{
	char *path = fixture_file("edition.ini", text, -1);
	struct manuscript *ms;

	diags_init(d);
	ms = manifest_read(path, d);
	fixture_remove(path);
	return ms;
}

#define HEAD "[edition]\ntitle = T\neditor = E\nlanguage = en\n" \
	"identifier = urn:uuid:1\n"

START_TEST(test_good)
{
	struct diags d;
	struct manuscript *ms;
	struct group *g;

	diags_init(&d);
	ms = manifest_read("../fixtures/good.ini", &d);
	ck_assert_ptr_nonnull(ms);
	ck_assert_int_eq(d.list->len, 0);
	ck_assert_str_eq(ms->edition->meta.title, "A Test Edition");
	ck_assert_str_eq(ms->edition->language, "en-US");
	ck_assert_str_eq(ms->edition->publisher, "Lantern Press");
	ck_assert_str_eq(ms->output, "edition");
	ck_assert_uint_eq(ms->groups->len, 2);
	ck_assert_uint_eq(ms->edition->chapters->len, 0);
	g = g_ptr_array_index(ms->groups, 0);
	ck_assert_str_eq(g->id, "one");
	ck_assert_str_eq(g->path, "../fixtures/one.txt");
	ck_assert_int_eq(g->format, FORMAT_TEXT);
	g = g_ptr_array_index(ms->groups, 1);
	ck_assert_str_eq(g->id, "two");
	ck_assert_int_eq(g->format, FORMAT_MARKDOWN);
	ck_assert_str_eq(g->meta.author, "Au Thor");
	manuscript_free(ms);
	diags_release(&d);
}
END_TEST

START_TEST(test_unknown_key_warns_with_line)
{
	struct diags d;
	struct manuscript *ms = read_text(HEAD "\n[chapter a]\nsource = a.txt\n"
	    "colour = red\n", &d);

	ck_assert_ptr_nonnull(ms);
	ck_assert_int_eq(d.count[DIAG_WARNING], 1);
	ck_assert_int_eq(fixture_first_diag(&d)->pos.line, 9);
	ck_assert_int_eq(fixture_first_diag(&d)->pos.col, 10);
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg, "colour"));
	manuscript_free(ms);
	diags_release(&d);
}
END_TEST

/* A byte-order mark, as some editors write one, is read past; lines
 * keep their numbers. */
START_TEST(test_byte_order_mark)
{
	struct diags d;
	struct manuscript *ms = read_text("\xEF\xBB\xBF" HEAD "\n[chapter a]\n"
	    "source = a.txt\ncolour = red\n", &d);

	ck_assert_ptr_nonnull(ms);
	ck_assert_str_eq(ms->edition->meta.title, "T");
	ck_assert_int_eq(d.count[DIAG_ERROR], 0);
	ck_assert_int_eq(fixture_first_diag(&d)->pos.line, 9);
	manuscript_free(ms);
	diags_release(&d);
}
END_TEST

START_TEST(test_missing_required)
{
	struct diags d;
	struct manuscript *ms = read_text("[edition]\ntitle = T\neditor = E\n"
	    "\n[chapter a]\nsource = a.txt\n", &d);

	ck_assert_ptr_null(ms);
	ck_assert_int_eq(d.count[DIAG_ERROR], 2);	/* language, identifier */
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg, "language"));
	ck_assert_int_eq(fixture_first_diag(&d)->pos.line, 1);
	diags_release(&d);
}
END_TEST

START_TEST(test_chapter_without_source)
{
	struct diags d;
	struct manuscript *ms = read_text(HEAD "[chapter a]\ntitle = A\n", &d);

	ck_assert_ptr_null(ms);
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg, "'source'"));
	ck_assert_int_eq(fixture_first_diag(&d)->pos.line, 6);
	diags_release(&d);
}
END_TEST

START_TEST(test_unknown_format)
{
	struct diags d;
	struct manuscript *ms = read_text(HEAD "[chapter a]\nsource = a\n"
	    "format = docx\n", &d);

	ck_assert_ptr_null(ms);
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg, "docx"));
	ck_assert_int_eq(fixture_first_diag(&d)->pos.line, 8);
	diags_release(&d);
}
END_TEST

START_TEST(test_no_chapters)
{
	struct diags d;
	struct manuscript *ms = read_text(HEAD, &d);

	ck_assert_ptr_null(ms);
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg,
	    "no chapters"));
	diags_release(&d);
}
END_TEST

START_TEST(test_bad_chapter_id)
{
	struct diags d;
	struct manuscript *ms = read_text(HEAD "[chapter 1 two]\nsource = a\n", &d);

	ck_assert_ptr_null(ms);
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg,
	    "chapter id"));
	diags_release(&d);
}
END_TEST

START_TEST(test_syntax_error)
{
	struct diags d;
	struct manuscript *ms = read_text("[edition]\n# fine\ntitle = x\nstray words\n", &d);

	ck_assert_ptr_null(ms);
	ck_assert_int_eq(d.count[DIAG_ERROR], 1);
	ck_assert_int_eq(fixture_first_diag(&d)->pos.line, 4);
	diags_release(&d);
	ms = read_text("[edition\ntitle = x\n", &d);
	ck_assert_ptr_null(ms);
	ck_assert_int_eq(fixture_first_diag(&d)->pos.line, 1);
	diags_release(&d);
}
END_TEST

START_TEST(test_missing_file)
{
	struct diags d;
	struct manuscript *ms;

	diags_init(&d);
	ms = manifest_read("no/such/edition.ini", &d);
	ck_assert_ptr_null(ms);
	ck_assert_str_eq(fixture_first_diag(&d)->pos.file,
	    "no/such/edition.ini");
	diags_release(&d);
}
END_TEST

START_TEST(test_chapter_order_kept)
{
	struct diags d;
	struct manuscript *ms = read_text(HEAD "[chapter z]\nsource = z\n"
	    "[chapter a]\nsource = a\n[chapter m]\nsource = m\n", &d);

	ck_assert_ptr_nonnull(ms);
	ck_assert_str_eq(((struct group *)g_ptr_array_index(ms->groups, 0))->id,
	    "z");
	ck_assert_str_eq(((struct group *)g_ptr_array_index(ms->groups, 2))->id,
	    "m");
	manuscript_free(ms);
	diags_release(&d);
}
END_TEST

/*
 * A chapter's own language: kept as written, the edition's where it
 * has none; one that only differs from the edition's in case is not
 * its own.  English patterns are installed: no warning.
 */
START_TEST(test_chapter_language)
{
	struct diags d;
	struct manuscript *ms = read_text(HEAD "[chapter a]\nsource = a\n"
	    "language = en-GB\n[chapter b]\nsource = b\n[chapter c]\n"
	    "source = c\nlanguage = EN\n", &d);
	const struct group *a, *b, *c;

	ck_assert_ptr_nonnull(ms);
	ck_assert_int_eq(d.list->len, 0);
	a = g_ptr_array_index(ms->groups, 0);
	b = g_ptr_array_index(ms->groups, 1);
	c = g_ptr_array_index(ms->groups, 2);
	ck_assert_str_eq(a->language, "en-GB");
	ck_assert_int_eq(a->language_pos.line, 8);
	ck_assert_str_eq(group_own_language(a, ms->edition), "en-GB");
	ck_assert_str_eq(b->language, "en");
	ck_assert_ptr_null(group_own_language(b, ms->edition));
	ck_assert_ptr_null(group_own_language(c, ms->edition));
	manuscript_free(ms);
	diags_release(&d);
}
END_TEST

/* A chapter's language that is no BCP 47 tag: an error at its value. */
START_TEST(test_chapter_language_bad)
{
	struct diags d;
	struct manuscript *ms = read_text(HEAD "[chapter a]\nsource = a\n"
	    "language = en_GB\n", &d);

	ck_assert_ptr_null(ms);
	ck_assert_int_eq(d.count[DIAG_ERROR], 1);
	ck_assert_int_eq(fixture_first_diag(&d)->pos.line, 8);
	ck_assert_int_eq(fixture_first_diag(&d)->pos.col, 12);
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg,
	    "'en_GB' is no BCP 47 tag"));
	diags_release(&d);
}
END_TEST

/*
 * A language with no patterns here (qaa is reserved for local use, so
 * none has any): one warning, at the first key that names it, naming
 * the package to install.
 */
START_TEST(test_chapter_language_no_patterns)
{
	struct diags d;
	struct manuscript *ms = read_text(HEAD "[chapter a]\nsource = a\n"
	    "language = qaa\n[chapter b]\nsource = b\nlanguage = qaa\n", &d);

	ck_assert_ptr_nonnull(ms);
	ck_assert_int_eq(d.list->len, 1);
	ck_assert_int_eq(d.count[DIAG_WARNING], 1);
	ck_assert_int_eq(fixture_first_diag(&d)->pos.line, 8);
	ck_assert_int_eq(fixture_first_diag(&d)->pos.col, 12);
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg,
	    "[chapter a] is set without hyphens"));
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg,
	    "hyphen-qaa"));
	manuscript_free(ms);
	diags_release(&d);
}
END_TEST

Suite *
manifest_suite(void)
{
	Suite *s = suite_create("manifest");
	TCase *tc = tcase_create("manifest");

	tcase_add_test(tc, test_good);
	tcase_add_test(tc, test_unknown_key_warns_with_line);
	tcase_add_test(tc, test_byte_order_mark);
	tcase_add_test(tc, test_missing_required);
	tcase_add_test(tc, test_chapter_without_source);
	tcase_add_test(tc, test_unknown_format);
	tcase_add_test(tc, test_no_chapters);
	tcase_add_test(tc, test_bad_chapter_id);
	tcase_add_test(tc, test_syntax_error);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_chapter_order_kept);
	tcase_add_test(tc, test_chapter_language);
	tcase_add_test(tc, test_chapter_language_bad);
	tcase_add_test(tc, test_chapter_language_no_patterns);
	suite_add_tcase(s, tc);
	return s;
}
