/*
 * stored.h — Cairo's page streams stored, not deflated: Cairo 1.16
 * deflates every page's content at zlib's default level, and the
 * finishing inflates it straight away to rewrite it (content.h) and
 * deflates it again.  While a page is shown, the deflate streams Cairo
 * opens on this thread only store their data, at level 0 and with the
 * smallest window; the finishing deflates any stored stream it copies
 * (stored_by_cairo), so none reaches the book.
 */
#ifndef OCTAVO_PDF_STORED_H
#define OCTAVO_PDF_STORED_H

#include <glib.h>

/* Between these, on this thread, deflate streams opened store. */
void	stored_begin(void);
void	stored_end(void);

/* Whether data, a stream's deflated bytes, were stored so: a zlib
 * stream of level 0 whose first block is stored. */
gboolean stored_by_cairo(const char *data, gsize len);

#endif
