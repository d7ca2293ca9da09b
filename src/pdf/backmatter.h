/*
 * backmatter.h — the index of names at the end of the book: its
 * headings in the collation order of the index stage, each with the
 * pages its marks fell on, set small in two columns.
 */
#ifndef OCTAVO_PDF_BACKMATTER_H
#define OCTAVO_PDF_BACKMATTER_H

#include "draw.h"
#include "model.h"

/*
 * Adds to folios the page of the part where each index mark fell, by
 * the mark's id (index_mark_number), its folio as index_pages keeps it,
 * in the text or in a note; the part must be made up.
 */
void	backmatter_mark_part(const struct press *, const struct part *,
	    GArray *folios);

/*
 * Sets the index into index->galley, titled, and makes it up into
 * index->mk: pages of two columns, the last page's balanced.  Each page
 * number of a heading is a link to that page of the file, the text's
 * first page being page text_before + 1; folios gives their folios.
 */
void	backmatter_index(struct press *, const struct edition *,
	    int text_before, const GArray *folios, struct part *index);


#endif
