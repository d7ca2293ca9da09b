/*
 * credits.h — who made the book, as every output names them: the
 * book's authors, its editors, the chapters' own authors (an
 * anthology's contributors) and their translators, each named once, in
 * reading order, and the byline each chapter prints.
 *
 * A field of the metadata may name several people: "A and B".  A
 * chapter has an author of its own when its names are not all among the
 * book's authors; only then does it print a byline, and only such
 * chapters make the book an anthology, "With texts by" its contributors
 * and a source for each text in its imprint (cite.h).
 */
#ifndef OCTAVO_CREDITS_H
#define OCTAVO_CREDITS_H

#include "model.h"
#include "out/words.h"

struct credits {
	GPtrArray	*authors;	/* char *: the book's ([edition] author) */
	GPtrArray	*editors;	/* the edition's */
	GPtrArray	*contributors;	/* the chapters' authors, not the book's */
	GPtrArray	*book_translators; /* the book's ([edition] translator) */
	GPtrArray	*translators;	/* the book's, then the chapters' */
};

void		 credits_init(struct credits *, const struct edition *);
void		 credits_release(struct credits *);

/* "A", "A and B", "A, B and C"; NULL if there are no names. */
char		*credits_join(const GPtrArray *names);

/* A phrase and the names: "Edited by A and B"; NULL if there are none. */
char		*credits_line(enum word, const GPtrArray *names);

/*
 * Whom the book is by, as its cover names them: its authors, or, if it
 * has none, its contributors (the array is the credits').
 */
GPtrArray	*credits_by(const struct credits *);

/* The chapter's byline: its author, or NULL if none or the book's own. */
const char	*credits_byline(const struct credits *, const struct chapter *);

/*
 * The chapter's "Translated by" line: NULL if it names no translator or
 * only the book's, which its title page names once.  The caller frees.
 */
char		*credits_translation(const struct credits *,
		    const struct chapter *);

/* Whether some chapter has an author of its own: an anthology. */
int		 credits_anthology(const struct credits *);

/*
 * A name as a catalogue files it: "Tolstoy, Leo", "Beethoven, Ludwig
 * van", "King, Martin Luther, Jr."; a body's name that opens with an
 * article, after it: "Octavo Editors, The"; a name with a comma
 * already, or of one word, as it is.
 */
char		*credits_file_as(const char *name);

#endif
