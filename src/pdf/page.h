/*
 * page.h — the page builder: the galley made up into pages.
 *
 * This version fills each page to the foot and moves a break back a few
 * lines to keep headings with their text and to avoid single lines at the
 * head or foot of a page.  A builder that balances facing pages, places
 * footnotes or stretches the space between blocks replaces page.c alone.
 */
#ifndef OCTAVO_PDF_PAGE_H
#define OCTAVO_PDF_PAGE_H

#include "galley.h"

/*
 * Makes the galley up into pages of the press's depth: sets each line's
 * page and y, and returns the pages (struct page), the first a recto.
 * A blank verso is added before a line that must begin a recto.
 */
GArray	*page_make_up(const struct press *, GArray *galley);

#endif
