/*
 * part.h — a run of made-up pages numbered as one: the opening prelims,
 * the contents, the front matter, the text, the index.  Each begins on
 * a recto; the parts before it give its pages' place in the file.
 */
#ifndef OCTAVO_PDF_PART_H
#define OCTAVO_PDF_PART_H

#include "galley.h"
#include "page.h"

struct part {
	struct galley	*galley;
	struct makeup	 mk;
	guint		 pages;		/* how many mk had, once let go (the
					   page labels are made after) */
	gboolean	 roman;		/* folios in roman, else arabic */
	gboolean	 heads;		/* running heads, and folios where the
					   style puts them; else folios at
					   the foot, or none */
	int		 before;	/* pages of the file before it; for a
					   chapter of the text, of the text
					   (the prelims, laid out after it,
					   are added in the page map) */
	guint		 folios_from;	/* without heads: lines from which
					   pages show their folio */
	int		 folio_base;	/* the folio before its first page:
					   the index's continue the text's */
	const char	*running;	/* the running head of both pages, or
					   NULL for the chapter's */
};

/* The folio of page n (from 1) of a part, as printed: "12", "iv". */
void	part_label(const struct part *, int n, char *buf, size_t size);

/*
 * Calls fn for every anchor of the model on the part's lines and on the
 * lines of the footnotes its pages hold (p->notes'), with the line it
 * begins on, whose page is the part's.
 */
void	part_each_anchor(const struct press *, const struct part *,
	    void (*fn)(const struct line *, const struct anchor *, void *),
	    void *arg);

#endif
