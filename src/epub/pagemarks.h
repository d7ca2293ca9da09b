/*
 * pagemarks.h — the print edition's pages in the e-book: a page-break
 * marker in the XHTML where each printed page begins, and a record of
 * where each one went, for the page list.
 *
 * The page map (pages.h) says a page begins in a block, so many bytes
 * into node_text(block).  Before rendering, each break is pinned to a
 * spot the renderer passes through: a byte of one text node (or just
 * after its last), the start of a NODE_DOCUMENT (a chapter's head), an
 * index entry's heading or one of its page numbers (a page of the
 * index), or the start of the e-book's page for a prelim (the title
 * page, imprint or contents).
 * A break inside a heading is pinned to the heading, whose marker the
 * renderer writes before it: a marker is never part of a heading.
 * The renderer then hands every text node and every other node it
 * enters to this module, which writes the markers due.
 *
 * Reading systems want the page list in reading order.  A page that
 * holds only the rest of a footnote begins in the note, which the
 * e-book sets at the chapter's end, after the pages that follow; its
 * marker goes after the note's reference instead, which is on the page
 * before.
 */
#ifndef OCTAVO_EPUB_PAGEMARKS_H
#define OCTAVO_EPUB_PAGEMARKS_H

#include "diag.h"
#include "out/pages.h"

struct pagemarks {
	const struct pagemap	*map;		/* or NULL: no print pages */
	GHashTable		*spots;		/* a node, index entry or prelim →
						   GArray of struct spot, in
						   text order */
	const char		**file;		/* per break: the file its marker
						   went into, or NULL (not yet) */
	char			**id;		/* per break: "page-12", or NULL
						   if it gets no marker */
	guint			*order;		/* per break: 1, 2… as written */
	struct srcpos		*pos;		/* per break: where a diagnostic
						   about it points, taken before
						   the text may be let go of */
	guint			 written;	/* markers written so far */
	GHashTable		*notes;		/* a note's body → the note */
};

/*
 * Pins every break of map (which may be NULL) in e's text to its spot.
 * A break whose label would repeat an earlier one's id is dropped with
 * a warning; map must outlive the pagemarks.
 */
void	pagemarks_init(struct pagemarks *, const struct pagemap *map,
	    const struct edition *e, struct diags *);
void	pagemarks_release(struct pagemarks *);

/*
 * Writes n's markers that come before its output, for a node without
 * text of its own (a block just opened, a line break, a document);
 * file is the page being written.
 */
void	pagemarks_node(struct pagemarks *, GString *out, const struct node *n,
	    const char *file);

/* Writes the markers of the prelims' pages that begin with what. */
void	pagemarks_prelim(struct pagemarks *, GString *out, enum prelim what,
	    const char *file);

/*
 * Writes the markers of the index pages that begin in ie before one of
 * its page numbers that gives page (of the file, from 1): 0 at its
 * heading, G_MAXINT after its last.
 */
void	pagemarks_entry(struct pagemarks *, GString *out,
	    const struct index_entry *ie, int page, const char *file);

/*
 * Writes n's text from byte from to byte to, or to its end if to is
 * G_MAXSIZE, escaped, with n's markers where they fall at from or after
 * and before to: one at the end of the text only with G_MAXSIZE.  So a
 * marker where an index mark falls, between two calls, comes after the
 * mark's anchor.
 */
void	pagemarks_text(struct pagemarks *, GString *out, const struct node *n,
	    gsize from, gsize to, const char *file);

/*
 * Warns about each break that no rendered page had a place for (the
 * page list leaves it out), and each marker written before the marker
 * of an earlier page (a page that begins in a note without reference).
 */
void	pagemarks_check(const struct pagemarks *, struct diags *);

#endif
