/*
 * flow.h — the chapters into the galley: each block of the model given
 * its font, indents and space, then set by typeset().
 */
#ifndef OCTAVO_PDF_FLOW_H
#define OCTAVO_PDF_FLOW_H

#include "galley.h"
#include "model.h"

/*
 * Sets every chapter, opening on a recto with its title, subtitle and
 * author, and appends the lines to the galley.  starts gets, for each
 * chapter, the index of its first line (guint).
 */
void	flow_chapters(const struct press *, const struct edition *,
	    GArray *galley, GArray *starts);

#endif
