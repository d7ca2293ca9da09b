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
 * The pages of the parts where each index mark fell (struct index_mark *
 * → its folio as index_pages keeps it, GINT_TO_POINTER), in the text or
 * in a note; the parts must be made up.  The caller destroys it.
 */
GHashTable *backmatter_mark_pages(const struct press *,
	    const struct part *parts, guint nparts);

/*
 * Sets the index into index->galley, titled, and makes it up into
 * index->mk: pages of two columns, the last page's balanced.  Each page
 * number of a heading is a link to that page of the file, the text's
 * first page being page text->before + 1; marks gives their folios.
 */
void	backmatter_index(struct press *, const struct edition *,
	    const struct part *text, GHashTable *marks, struct part *index);


#endif
