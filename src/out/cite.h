/*
 * cite.h — how the edition cites its texts' first publications and
 * itself: one line under a chapter's title, the imprint's lines on the
 * edition and its sources, and the EPUB's dc:source, all plain text
 * from the metadata.
 */
#ifndef OCTAVO_CITE_H
#define OCTAVO_CITE_H

#include "model.h"
#include "out/credits.h"

/*
 * Where and when it first appeared: the source, followed by the date
 * of publication unless the source already gives its year ("First
 * published DATE" without a source).  NULL if the metadata gives
 * neither.
 */
char	*cite_source(const struct meta *);

/*
 * The imprint's line on the edition itself: "Published by Publisher,
 * 2026.", "Published 2026." or "Published by Publisher."; NULL if the
 * manifest names neither.
 */
char	*cite_published(const struct edition *);

/*
 * The edition's identifier as a reader may cite it: "ISBN 978…" for a
 * urn:isbn, else NULL: a urn:uuid means nothing to a reader.
 */
char	*cite_isbn(const struct edition *);

/* One source the imprint lists. */
struct cited {
	const struct chapter	*chapter;	/* the (first) text it gave */
	char			*entry;		/* “Title,” by Author. Source.
						   Translated by X. Credits. */
	int			 published;	/* it names a first publication
						   (a source or a date) */
};

/*
 * The sources the imprint lists (struct cited *, the array frees them),
 * in reading order.  A book whose chapters all come from one file
 * names it once, as the book, if its metadata cites anything; an
 * anthology (credits.h) names each chapter's; any other book, a
 * monograph, only the chapters first published apart.  Quotation marks
 * in a title turn single inside the entry's double.
 */
GPtrArray *cite_sources(const struct edition *, const struct credits *);

#endif
