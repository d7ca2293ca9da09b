/*
 * page.h — the page builder: a galley made up into pages, with the
 * footnotes its lines anchor set at the foot of the same pages.
 *
 * Each page is filled as far as it goes, then the break is chosen among
 * the last few lines by cost: a heading at the foot is barred, a widow
 * or an orphan nearly so, and each line a page is left short costs more
 * than the one before.  A footnote starts on the page of its reference;
 * the last one on a page may be split, the rest continuing at the head
 * of the next page's notes, as in LaTeX.
 */
#ifndef OCTAVO_PDF_PAGE_H
#define OCTAVO_PDF_PAGE_H

#include "galley.h"

/* A run of a footnote's lines on one page. */
struct placed {
	guint		 fn;		/* index into the press's footnotes */
	guint		 from, to;	/* lines of the notes' galley */
};

/* The lines a chapter's last page holds at least, where it can. */
#define MIN_ENDING	5

/* One page: a run of lines of the galley, or none if it is blank. */
struct page {
	guint		 first, count;	/* lines of the galley */
	guint		 notes, nnotes;	/* its footnotes: placed[notes…] */
	int		 chapter;	/* whose text it holds, or -1 */
	gboolean	 opening;	/* a chapter begins at its head */
	double		 rule;		/* y of the rule above the notes */
	int		 short_by;	/* lines left empty for a better break */
};

struct makeup {
	GArray		*pages;		/* struct page, the first a recto */
	GArray		*placed;	/* struct placed, by page */
};

/*
 * Makes the galley up into pages of the press's depth: sets each line's
 * page and y, and each footnote line's (notes may be NULL, for a galley
 * without notes).  Before pages of the book come before its first, the
 * book's first being a recto: a blank verso is added before a line
 * that must begin a recto.
 */
void	page_make_up(const struct press *, struct galley *,
	    struct galley *notes, guint before, struct makeup *);
void	makeup_release(struct makeup *);

/* What a page break before line b of a galley would do wrong. */
enum page_fault {
	FAULT_NONE,
	FAULT_WIDOW,		/* a paragraph's last line alone at the head */
	FAULT_ORPHAN,		/* its first line alone at the foot */
	FAULT_KEEP		/* a heading (or what must stay) at the foot */
};
enum page_fault page_fault(const struct galley *, guint b);

#endif
