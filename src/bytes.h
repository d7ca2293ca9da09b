/*
 * bytes.h — a word's bytes as a key where they stand, without a copy
 * and its terminating NUL: the caches of shaped words (pdf/shape.c)
 * and of hyphenation points (pdf/hyph.c) look words up this way.  And
 * bytes put one after another into what is kept between builds
 * (shape.c's words and items, typeset.c's blocks and their keys,
 * normalize/kept.c's normalizations), and read back, every length
 * checked against what is left.
 */
#ifndef OCTAVO_BYTES_H
#define OCTAVO_BYTES_H

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

/* Whether byte at of text (len bytes) begins a UTF-8 character, or ends
 * the text: where a kept offset into it may stand. */
static inline gboolean
bytes_starts_char(const char *text, gsize len, gsize at)
{
	return at == len || (at < len && ((guchar)text[at] & 0xC0) != 0x80);
}

/* Appends len bytes at p, as they are in memory. */
static inline void
bytes_put(GString *out, const void *p, gsize len)
{
	g_string_append_len(out, (const char *)p, (gssize)len);
}

/* Appends a 32-bit number, as it is in memory. */
static inline void
bytes_put_u32(GString *out, guint32 v)
{
	bytes_put(out, &v, sizeof(v));
}

/*
 * Appends a count of len (32 bits) and the bytes: two lists of parts
 * put so never put the same bytes.
 */
static inline void
bytes_put_counted(GString *out, const void *p, gsize len)
{
	bytes_put_u32(out, (guint32)len);
	bytes_put(out, p, len);
}

/* What is left to read of kept bytes. */
struct bytes_reader {
	const guchar	*at;
	gsize		 left;
};

/* The next n bytes, or NULL if there are fewer. */
static inline const guchar *
bytes_read(struct bytes_reader *r, gsize n)
{
	const guchar *p = r->at;

	if (n > r->left)
		return NULL;
	r->at += n;
	r->left -= n;
	return p;
}

/* The next 32-bit number, as bytes_put_u32 put it. */
static inline gboolean
bytes_read_u32(struct bytes_reader *r, guint32 *v)
{
	const guchar *p = bytes_read(r, sizeof(*v));

	if (p != NULL)
		memcpy(v, p, sizeof(*v));
	return p != NULL;
}

#endif
