/*
 * map.h — filling the page map (pages.h) from the made-up book.
 */
#ifndef OCTAVO_PDF_MAP_H
#define OCTAVO_PDF_MAP_H

#include "draw.h"
#include "out/pages.h"

/*
 * Adds to pm the label of every page of the parts, in order; a break for
 * every page (a chapter's head begins at its text's start; a blank page
 * where the next begins); where every line of the model's text and notes
 * begins, and the page (from 1, through the file) of every note
 * reference and index mark.
 */
void	map_pages(struct pagemap *pm, const struct press *,
	    const struct edition *, const struct part *parts, guint nparts);

#endif
