/*
 * tagtree.h — the logical structure Cairo wrote, mended where Cairo
 * 1.16 cannot say what PDF/UA-1 asks: one Note element for each
 * footnote, however many pages it runs over, each with an ID; the
 * language of each element in another than the one holding it; and
 * the parts of the book in the reading order, if they were drawn in
 * another.
 *
 * The tree is read in place (pdfobj.h) and the mending planned first,
 * as edits to the few objects it touches; the finishing then writes
 * each object as the plan has it while it copies the file.
 */
#ifndef OCTAVO_PDF_TAGTREE_H
#define OCTAVO_PDF_TAGTREE_H

#include "finish.h"
#include "pdfobj.h"

struct tagplan {
	GHashTable	*edits;		/* object number → struct tagedit */
	GHashTable	*to;		/* an element merged → the one it
					   merged into */
	GHashTable	*repoint;	/* the parent tree's objects that
					   name an element merged */
	GString		*id_tree;	/* the root's /IDTree entry */
	guint		 root;		/* the StructTreeRoot */
};

/*
 * Plans the mending: each Note, in the order of notes (struct
 * note_tag), merged into its footnote's first part or named after it;
 * each element langs recorded given its /Lang; if runs is not NULL, the
 * Document's Parts, one a run (struct page_run), put in the reading
 * order.  Returns 0, or -1 with what failed in *why if the tree is not
 * the drawing's.
 */
int	tagtree_plan(struct tagplan *, const struct pdf_file *,
	    const GArray *notes, const struct taglangs *langs,
	    const GArray *runs, struct finished *done, const char **why);
/*
 * Object o as the plan has it, into out: TRUE if the plan changes it
 * (and *drop if it is to be left out), FALSE if it is as Cairo wrote it.
 */
gboolean tagtree_put(const struct tagplan *, const struct pdf_obj *o,
	    GString *out, gboolean *drop);
void	tagtree_release(struct tagplan *);

#endif
