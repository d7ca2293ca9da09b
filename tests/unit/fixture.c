/*
 * fixture.c — temporary files for the unit tests, removed by the OS's
 * tmp cleaning; each test makes its own, so forked tests never share.
 */
#include <string.h>

#include <check.h>

#include "fixture.h"

char *
fixture_file(const char *name, const char *bytes, gssize len)
{
	char *dir = g_dir_make_tmp("octavo-XXXXXX", NULL);
	char *path;

	ck_assert_ptr_nonnull(dir);
	path = g_build_filename(dir, name, NULL);
	g_free(dir);
	ck_assert(g_file_set_contents(path, bytes,
	    len < 0 ? (gssize)strlen(bytes) : len, NULL));
	return path;
}
