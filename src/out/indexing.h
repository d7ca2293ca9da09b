/*
 * indexing.h — what an index of names prints, however it is drawn:
 * whether there is one, the letter each heading is filed under, its
 * page numbers with their ranges, and how a cross-reference follows it.
 */
#ifndef OCTAVO_INDEXING_H
#define OCTAVO_INDEXING_H

#include "model.h"

/*
 * How an index keeps a page number: folio n of the text as n, page n of
 * the front matter (printed in roman) as n - INDEX_FRONT, below every
 * folio of the text and in the same order, so that runs of pages are
 * runs of numbers there too.
 */
#define INDEX_FRONT	100000

/* Whether the edition's index prints a heading at all. */
int		 index_printed(const struct edition *);

/*
 * The letter a heading is filed under: its sort key's first, without
 * accents, in capitals ('O' for 'Ø'); '#' for what is not a letter.
 */
gunichar	 index_letter(const struct index_entry *);

/*
 * How a printed index shortens a heading's pages: a stretch where the
 * name is on at least half the pages, no page between them more than
 * PASSIM_GAP apart, three groups or more over PASSIM_SPAN pages or
 * more, is one group, "45–53 passim".  If the heading would still print
 * more than max_groups groups (0: no limit), the stretches may be
 * sparser, down to a page in four, the gaps wider.
 */
struct index_passim {
	int		 max_groups;
};

#define PASSIM_SPAN	6
#define PASSIM_GAP	3

/*
 * A heading's page numbers as printed: its marks' pages (folios holds
 * each mark's folio by its id, index_mark_number, as INDEX_FRONT
 * says), each once,
 * the front matter's in roman first, runs of consecutive pages as
 * ranges ("45–47"), a page where it is named only in a note with an
 * "n" ("112n"); with passim (NULL: every page listed), stretches as it
 * says.  Appends to out; if links is not NULL it gets, for each page
 * number, its folio and the bytes of out it covers (three ints).
 * Returns how many groups were listed.
 */
int		 index_pages(const struct index_entry *, const GArray *folios,
		    const struct index_passim *passim, GString *out,
		    GArray *links);

/*
 * What comes between a heading (with its locators, if listed) and a
 * "See": a full stop, unless the heading ends in its own and has
 * nothing after it ("Gurov, G. See…").
 */
const char	*index_see_after(const struct index_entry *, int listed);

#endif
