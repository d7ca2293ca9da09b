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

/* The window stored streams ask for: zlib's smallest. */
#define STORED_BITS	9

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

/*
 * RFC 1950's header: deflate (CM 8), the fastest level (FLEVEL 0), no
 * preset dictionary, its check right; then RFC 1951's first block,
 * stored (BTYPE 00).  Not the window's size, which another zlib (zlib-ng
 * say) may choose otherwise.
 */
gboolean
stored_by_cairo(const char *data, gsize len)
{
	const guchar *z = (const guchar *)data;

	return len >= 3 && (z[0] & 0x0f) == 8 && (z[0] << 8 | z[1]) % 31 == 0 &&
	    (z[1] & 0xe0) == 0 && (z[2] >> 1 & 3) == 0;
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
