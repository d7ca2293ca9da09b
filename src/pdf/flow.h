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
 * Sets chapters from…to (excluded) into the galley, each opening on a
 * recto with its head (title, subtitle, author, source, dedication) and
 * its editor's note, or alone and centred if it is a dedication or an
 * epigraph (out/matter.h), and their footnotes into p->notes.  starts
 * gets, for each chapter, the index of its first line (guint).
 */
void	flow_chapters(struct press *, const struct edition *, guint from,
	    guint to, struct galley *, GArray *starts);

/*
 * Names, before anything is set, the destination of every chapter with
 * a heading and of every heading of a chapter's text that a link goes
 * to (p->dests): the text is drawn chapter by chapter, and a link to a
 * chapter not yet set must know where it goes.  What a link goes to
 * always gets its destination when it is set.
 */
void	flow_dests(struct press *, const struct edition *);


#endif
