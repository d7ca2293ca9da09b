/*
 * anchors.h — where the index of names links into the text: each
 * heading's locators, one per place it names (a paragraph or a note, or
 * a print page when there are pages), and the anchors they link to.
 *
 * Only a mark a locator links to gets an anchor.  Its id counts the
 * marks of its own chapter ("ix-12": the chapter's twelfth, in its
 * introduction, text and notes), so that an edit elsewhere in the book,
 * or a page that moves, changes no id of the chapter.
 */
#ifndef OCTAVO_EPUB_ANCHORS_H
#define OCTAVO_EPUB_ANCHORS_H

#include "model.h"
#include "out/pages.h"

/* One locator: a place a heading names, as the index prints it. */
struct locator {
	int			 page;	/* its print page; G_MAXINT if none */
	const struct index_mark	*mark;	/* the first mark of its place */
};

/*
 * A long book has some 180,000 marks: a locator is its page and mark,
 * its text written when it is printed, and a mark's anchor a number in
 * an array by the mark's id, not a string in a table by its address.
 */
struct anchors {
	const struct pagemap *pages;	/* or NULL */
	GHashTable	*locators;	/* index entry → GArray of struct
					   locator, in the order printed */
	GArray		*numbers;	/* gint32 per index mark, by its id
					   (mark 1 at 0): its anchor's
					   number in its chapter, 0 if
					   nothing links to it */
};

/*
 * The locators of every heading of e's index that has marks, labelled
 * by the print pages of pages (which may be NULL: then by chapter and
 * paragraph), and the ids of the marks they link to.
 */
void		 anchors_init(struct anchors *, const struct edition *e,
		    const struct pagemap *pages);
void		 anchors_release(struct anchors *);

/* A heading's locators; an empty array if it has none. */
const GArray	*anchors_locators(const struct anchors *,
		    const struct index_entry *);

/* Appends a locator's text: "12", "12 n. 3", "essay ¶ 3". */
void		 anchors_locator_text(const struct anchors *,
		    const struct locator *, GString *out);

/*
 * The number of an index mark's anchor, its id "ix-N", or 0 if nothing
 * links to it.
 */
int		 anchors_number(const struct anchors *,
		    const struct index_mark *);

#endif
