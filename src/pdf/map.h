/*
 * map.h — filling the page map (pages.h) from the made-up book.
 */
#ifndef OCTAVO_PDF_MAP_H
#define OCTAVO_PDF_MAP_H

#include "draw.h"
#include "out/pages.h"

/*
 * Filling a page map part by part, in the order of the pages: a break
 * for every page (a chapter's head begins at its text's start; a blank
 * page where the next begins), where every line of the model's text
 * and notes begins, and the page (from 1, through the file) of every
 * note reference and index mark.
 */
struct mapper {
	struct pagemap	*pm;
	GArray		*blank;		/* struct pagebreak: blank pages
					   waiting for the next page's start */
};

void	map_init(struct mapper *, struct pagemap *);
/* Adds the label and break of every page of the part, and its lines;
 * the part's before gives their pages (map_prepend moves the text's on
 * by the prelims'). */
void	map_part(struct mapper *, const struct press *,
	    const struct edition *, const struct part *);
/*
 * Puts the pages front has mapped (on a map of its own, whose pages
 * come first in the file) before those m has, which move on by as many.
 * The prelims are laid out after the text, whose pages they give.
 */
void	map_prepend(struct mapper *m, struct mapper *front);
void	map_release(struct mapper *);

#endif
