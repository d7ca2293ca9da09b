/*
 * escape.h — XML escaping for the EPUB back end, the one place where
 * the model's plain UTF-8 becomes markup-safe text.
 */
#ifndef OCTAVO_EPUB_ESCAPE_H
#define OCTAVO_EPUB_ESCAPE_H

#include <glib.h>

/*
 * Appends s to out, escaped for XML text and double-quoted attribute
 * values.  Drops what XML 1.0 cannot carry (most control characters,
 * U+FFFE, U+FFFF, malformed UTF-8), the C1 controls HTML forbids, and
 * soft hyphens, which break readers' search and dictionary look-up.
 */
void	xml_escape(GString *out, const char *s);

/* The same for the first len bytes of s (fewer if a NUL comes first). */
void	xml_escape_len(GString *out, const char *s, gsize len);

/* The same for a URL: also percent-encodes what a URL may not hold. */
void	xml_escape_url(GString *out, const char *url);

#endif
