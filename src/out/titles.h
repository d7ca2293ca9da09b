/*
 * titles.h — what a chapter is called wherever the edition names it:
 * at its opening, in the contents and the navigation, and in the
 * running heads.
 */
#ifndef OCTAVO_TITLES_H
#define OCTAVO_TITLES_H

#include "model.h"
#include "out/credits.h"

/*
 * The chapter's title: its own, else its label ("Chapter I"), else its
 * id (a chapter without metadata, made by hand).
 */
const char	*title_of(const struct chapter *);

/* The label printed above the title, or NULL: none, or it is the title. */
const char	*title_label(const struct chapter *);

/*
 * The chapter as the contents list it: the label beside the title,
 * "Chapter I: The Title", "IV. The Title" after a label of one word (no
 * stop is added after a label ending in one), or the title alone.
 */
char		*title_contents(const struct chapter *);

/*
 * The running head over a page of chapter c (NULL: a page of no
 * chapter).  On a verso, whom the chapter is by: its byline, else the
 * book's authors, else the book's title; on a recto, the chapter's
 * title, else the book's.  NULL if there is nothing to print.
 */
char		*title_running(const struct edition *, const struct credits *,
		    const struct chapter *c, int verso);

#endif
