/*
 * cover.h — the cover image: a typographic design drawn with Cairo and
 * Pango to a PNG, styled by a cover.ini.
 */
#ifndef OCTAVO_EPUB_COVER_H
#define OCTAVO_EPUB_COVER_H

#include "epub/book.h"

/*
 * The cover of edition e, drawn as style (a cover.ini) says: the title,
 * subtitle, and whom credits name.  The same book gives the same bytes,
 * so that a cover kept in the file kept (when not NULL) under the key
 * of what it shows is reused, not drawn again, and one drawn is kept
 * there.  Returns the PNG, or NULL with an error in diags.
 */
GBytes	*cover_png(const struct edition *e, const struct credits *,
	    const char *style, const char *kept, struct diags *);

/* What the cover shows, in words, for its image's alt text. */
char	*cover_alt(const struct book *);

#endif
