/*
 * map.h — filling the page map (pages.h) from the made-up book.
 */
#ifndef OCTAVO_PDF_MAP_H
#define OCTAVO_PDF_MAP_H

#include "draw.h"
#include "out/pages.h"

/*
 * Adds to pm the label of every page of the parts, in order (index is
 * NULL if the book has none); a break for every page of the text that
 * has lines (a chapter's head begins at its text's start); and the page
 * (from 1, through the file) of every note reference and index mark in
 * the text and its notes.
 */
void	map_pages(struct pagemap *pm, const struct press *,
	    const struct edition *, const struct part *front,
	    const struct part *text, const struct part *index);

#endif
