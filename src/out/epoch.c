/*
 * epoch.c — SOURCE_DATE_EPOCH, checked alike for the PDF and the EPUB:
 * a bad value is an error before either is written, not a warning for
 * one and an error for the other.
 */
#include "out/epoch.h"

#define EPOCH_MAX	G_GINT64_CONSTANT(253402300799)	/* 9999-12-31 */

int
source_date_epoch(gint64 *secs, struct diags *d)
{
	const char *env = g_getenv("SOURCE_DATE_EPOCH");

	if (env == NULL)
		return 0;
	if (g_ascii_string_to_signed(env, 10, 0, EPOCH_MAX, secs, NULL))
		return 1;
	diag_add(d, DIAG_ERROR, srcpos_at(NULL, 0, 0), "SOURCE_DATE_EPOCH is "
	    "'%s'; it must be a number of seconds since 1970 (date +%%s), "
	    "or unset", env);
	return -1;
}
