/*
 * notes.h — the notes stage: every reference linked to its note, every
 * note numbered in one style, and every problem reported.
 */
#ifndef OCTAVO_NOTES_H
#define OCTAVO_NOTES_H

#include "diag.h"
#include "model.h"

/*
 * Links the NODE_NOTEREFs the parser left (holding the source's labels)
 * to the chapters' notes, numbers the notes (per chapter, or through the
 * book), moves a reference in a heading to its end, and turns "see note
 * 12" in a note into a NODE_XREF.  A reference without a note stays as
 * text; a note without a reference stays in its place.  Both, and
 * duplicates and numbers out of order, are warnings.  Never fails.
 */
void	notes_link(struct edition *, struct diags *);

#endif
