/*
 * prelims.h — the preliminary pages: half-title, title page, imprint
 * and contents, numbered in roman apart from the text.
 */
#ifndef OCTAVO_PDF_PRELIMS_H
#define OCTAVO_PDF_PRELIMS_H

#include "galley.h"
#include "model.h"

/*
 * Sets the prelims into the galley.  folios gives each chapter's first
 * page number, or 0 for one that has none, for the contents, and after
 * them the index's (0: no index).
 */
void	prelims(struct press *, const struct edition *, const int *folios,
	    struct galley *);

#endif
