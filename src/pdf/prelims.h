/*
 * prelims.h — the preliminary pages: half-title, title page, imprint
 * and contents, numbered in roman apart from the text.  The pages the
 * book's dedication and epigraph stand on come between the imprint and
 * the contents (out/matter.h).
 */
#ifndef OCTAVO_PDF_PRELIMS_H
#define OCTAVO_PDF_PRELIMS_H

#include "galley.h"
#include "model.h"

/* Sets the half-title, the title page and the imprint into the galley. */
void	prelims_opening(struct press *, const struct edition *,
	    struct galley *);

/*
 * Sets the contents into an empty galley: every chapter but those set
 * alone, and the index.  folios gives each chapter's first page as
 * printed ("12", "ix"), or NULL for one that has none, and after them
 * the index's (NULL: no index).
 */
void	prelims_contents(struct press *, const struct edition *,
	    char *const *folios, struct galley *);

#endif
