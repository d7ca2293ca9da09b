/*
 * stored.c — zlib's deflateInit_, which Cairo calls through the
 * deflateInit macro, taken over by this program so that, while a page
 * is shown, what Cairo deflates is only stored (stored.h).
 *
 * The executable's definition comes first in the dynamic linker's
 * search, so Cairo's call lands here; it asks zlib's deflateInit2_ for
 * what deflateInit_ would have given, but for the level and, when
 * storing, the smallest window and hash (a stored block needs neither,
 * and zlib's default state is a quarter of a megabyte to fault in for
 * each page).
 */
#include <zlib.h>

#include "stored.h"

/* The window stored streams ask for: its bits, and the zlib header it
 * gives with level 0 (RFC 1950: CMF, then FLG with FLEVEL 0). */
#define STORED_BITS	9
#define STORED_CMF	0x18
#define STORED_FLG	0x19

static _Thread_local int storing;

void
stored_begin(void)
{
	storing = 1;
}

void
stored_end(void)
{
	storing = 0;
}

gboolean
stored_by_cairo(const char *data, gsize len)
{
	return len >= 2 && (guchar)data[0] == STORED_CMF &&
	    (guchar)data[1] == STORED_FLG;
}

/* zlib's own, as zlib.h declares it; the defaults are deflateInit's. */
int
deflateInit_(z_streamp strm, int level, const char *version, int size)
{
	if (storing)
		return deflateInit2_(strm, Z_NO_COMPRESSION, Z_DEFLATED,
		    STORED_BITS, 1, Z_DEFAULT_STRATEGY, version, size);
	return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, 8,
	    Z_DEFAULT_STRATEGY, version, size);
}
