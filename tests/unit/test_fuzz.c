/*
 * test_fuzz.c — replays through the fuzz targets every input a fuzzer
 * once crashed on (tests/fuzz/regress/HARNESS/) and every seed
 * (tests/fuzz/corpus/HARNESS/): none may crash, and under
 * `make check-sanitize` none may trip a sanitizer.
 */
#include <glib.h>

#include "suites.h"
#include "../fuzz/targets.h"

/* Feeds every file of dir (relative to tests/unit) to run; returns how many. */
static int
replay(const char *dir, int (*run)(const uint8_t *, size_t))
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;
	int n = 0;

	if (d == NULL)
		return 0;
	while ((name = g_dir_read_name(d)) != NULL) {
		char *path, *bytes;
		gsize len;

		if (name[0] == '.')
			continue;
		path = g_build_filename(dir, name, NULL);
		ck_assert_msg(g_file_get_contents(path, &bytes, &len, NULL),
		    "cannot read %s", path);
		ck_assert_int_eq(run((const uint8_t *)bytes, len), 0);
		g_free(bytes);
		g_free(path);
		n++;
	}
	g_dir_close(d);
	return n;
}

START_TEST(test_replay)
{
	const struct fuzz_target *t = &fuzz_targets[_i];
	char *regress = g_build_filename("..", "fuzz", "regress", t->name, NULL);
	char *corpus = g_build_filename("..", "fuzz", "corpus", t->name, NULL);

	replay(regress, t->run);
	ck_assert_msg(replay(corpus, t->run) > 0, "no seeds in %s", corpus);
	g_free(regress);
	g_free(corpus);
}
END_TEST

START_TEST(test_empty_input)
{
	const struct fuzz_target *t;

	for (t = fuzz_targets; t->name != NULL; t++)
		ck_assert_int_eq(t->run((const uint8_t *)"", 0), 0);
}
END_TEST

Suite *
fuzz_suite(void)
{
	Suite *s = suite_create("fuzz");
	TCase *tc = tcase_create("replay");
	int n = 0;

	while (fuzz_targets[n].name != NULL)
		n++;
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_replay, 0, n);
	tcase_add_test(tc, test_empty_input);
	suite_add_tcase(s, tc);
	return s;
}
