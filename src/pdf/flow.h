/*
 * flow.h — the chapters into galleys: each block of the model given its
 * font, indents, space and structure tag, then set by typeset(); each
 * footnote set into the notes' galley when its reference is, and
 * anchored to the line of the reference.
 */
#ifndef OCTAVO_PDF_FLOW_H
#define OCTAVO_PDF_FLOW_H

#include "galley.h"
#include "model.h"

/*
 * Sets every chapter into the galley, each opening on a recto with its
 * head (title, subtitle, author, source, dedication) and its editor's
 * note, and its footnotes into p->notes.  starts gets, for each chapter,
 * the index of its first line (guint).
 */
void	flow_chapters(struct press *, const struct edition *,
	    struct galley *, GArray *starts);


#endif
