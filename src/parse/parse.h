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
 * hold (raw HTML, images) are warnings; their text is kept, and what
 * they drop (an image's file and title) is added to changes (struct
 * change, normalized.h) for the word ledger.  A Markdown paragraph that
 * is a pipe table is a table (tables.h).  Links are resolved once every
 * chapter is parsed (links.h).
 */
int	parse_chapter(struct edition *, struct chapter *c,
	    const struct normalized *in, GArray *changes, struct diags *);

#endif
