/*
 * parse.h — CommonMark to the document model, through cmark.
 */
#ifndef OCTAVO_PARSE_H
#define OCTAVO_PARSE_H

#include "diag.h"
#include "model.h"
#include "normalize/normalize.h"

/*
 * Parses the normalized text of chapter c into c->doc.  Positions map
 * back to the source through in->srcline.  Constructs the model cannot
 * hold (raw HTML, images) are warnings; their text is kept.
 */
int	parse_chapter(struct edition *, struct chapter *c,
	    const struct normalized *in, struct diags *);

#endif
