/*
 * bytes.h — a word's bytes as a key where they stand, without a copy
 * and its terminating NUL: the caches of shaped words (shape.c) and of
 * hyphenation points (hyph.c) look words up this way.
 */
#ifndef OCTAVO_PDF_BYTES_H
#define OCTAVO_PDF_BYTES_H

#include <string.h>

#include <glib.h>

/* djb2 over len bytes, each unsigned, without strlen. */
static inline guint
bytes_hash(const char *s, gsize len)
{
	guint h = 5381;
	gsize i;

	for (i = 0; i < len; i++)
		h = h * 33 + (guchar)s[i];
	return h;
}

static inline gboolean
bytes_equal(const char *a, gsize alen, const char *b, gsize blen)
{
	return alen == blen && memcmp(a, b, alen) == 0;
}

#endif
