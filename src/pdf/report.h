/*
 * report.h — the typesetting measured: each paragraph's lines with their
 * adjustment ratios, and totals of loose, tight and overfull lines,
 * hyphens, widows and orphans, and of what a typographer looks for on
 * the pages (spreads out of line, holes above the notes, hyphens at a
 * page's foot, short chapter endings), for `octavo build --report
 * FILE`.
 */
#ifndef OCTAVO_PDF_REPORT_H
#define OCTAVO_PDF_REPORT_H

#include "draw.h"

/* What the report counts over the text and its notes. */
struct tally {
	int	 paragraphs, lines;	/* justified lines, last lines apart */
	int	 loose, tight, overfull;	/* badness > 1000, r < -0.5, r < -1 */
	int	 hyphens, hyphen_run;	/* and the most in a row */
	int	 capitals;		/* hyphens that break a capitalised
					   word ("Trot-sky") */
	int	 widows, orphans, keeps;	/* at page breaks */
	int	 short_pages, pages;
	int	 page_hyphens, recto_hyphens;	/* a page's last line
					   hyphenated; a recto's */
	int	 spreads;		/* facing pages whose last lines are
					   not level, the text running on */
	int	 holes;			/* pages with a line's room or more
					   between the text and the notes' rule */
	int	 note_lines;		/* parts of a split note of one line */
	int	 short_endings;		/* a chapter's last page, not its
					   first, of fewer than MIN_ENDING
					   lines */
};


/* Counts the faults of a made-up part and its notes' lines. */
void	tally_part(const struct press *, const struct part *,
	    struct tally *);

/*
 * The report, made as the text is, chapter by chapter: its totals, and
 * a line for each paragraph of the text and of its notes.
 */
struct report {
	struct tally	 t;
	GString		*text, *notes;
};

void	report_init(struct report *);
/* Adds a made-up part of the text, with the notes its pages hold (the
 * press's, set with it). */
void	report_part(struct report *, const struct press *,
	    const struct edition *, const struct part *);
/* Writes the report to path.  Returns 0, or -1 with an error in diags. */
int	report_write(const struct report *, const char *path,
	    struct diags *);
void	report_release(struct report *);

#endif
