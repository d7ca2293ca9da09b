/*
 * tagtree.h — the logical structure Cairo wrote, mended through libqpdf
 * where Cairo 1.16 cannot say what PDF/UA-1 asks: one Note element for
 * each footnote, however many pages it runs over, each with an ID; the
 * language of each element in another than the one holding it.
 */
#ifndef OCTAVO_PDF_TAGTREE_H
#define OCTAVO_PDF_TAGTREE_H

#include <qpdf/qpdf-c.h>

#include "finish.h"

/*
 * The Note elements of the structure tree, in the order the drawing
 * began them, are notes' (struct note_tag): each part of a footnote
 * continued from a page before is merged into its first part (and so
 * are the elements opened anew with it, a paragraph cut by the page
 * break), the parent tree pointing to the merged; each note gets the
 * ID "nN" of its destination, listed in the tree's IDTree.  Counts in
 * done.  Returns 0, or -1 if the tree's Notes are not the drawing's.
 */
int	tagtree_notes(qpdf_data, const GArray *notes, struct finished *done);

/*
 * Each element langs marks, the nth of its type in the tree in the
 * order Cairo began them (so before tagtree_notes mends it), gets its
 * language as /Lang.  Returns 0, or -1 if the tree has not as many
 * elements of a type marked as the drawing began.
 */
int	tagtree_languages(qpdf_data, const struct taglangs *langs);

#endif
