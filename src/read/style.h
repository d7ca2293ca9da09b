/*
 * style.h — the print style: page size, margins and type, read from an
 * INI file (styles/print.ini) that may set any key and leaves the rest at
 * the defaults below.
 *
 * Every length is in PostScript points (1/72 in); the file may write
 * lengths in in, mm or pt ("6in", "152.4mm", "11pt").  Font names are
 * fontconfig families ("EB Garamond 12"), never Pango description strings:
 * "EB Garamond 12" would read as EB Garamond at 12 points.
 *
 * The defaults are a 6 × 9 in octavo set in EB Garamond 11 on 14 pt to a
 * 4.5 in measure, with the folio in the running head at the outer corner,
 * justified and hyphenated as TeX would (Knuth–Plass, TeX's penalties).
 */
#ifndef OCTAVO_STYLE_H
#define OCTAVO_STYLE_H

#include "diag.h"

enum folio_place {
	FOLIO_HEAD,		/* outer corner of the running head; drop folio on openings */
	FOLIO_FOOT		/* centred at the foot of every page */
};

/* Where a chapter opens: on a recto, as books do, or on the next page. */
enum opening {
	OPENS_RECTO,
	OPENS_ANY
};

/* Whether a capitalised word is hyphenated like any other. */
enum capitals {
	CAPITALS_AVOID,		/* only where nothing else will do */
	CAPITALS_ALLOW
};

/* Marks at the trim's corners, outside the bleed, for the guillotine. */
enum crop_marks {
	CROP_MARKS_NONE,
	CROP_MARKS_CORNERS
};

/* One kind of type: a family, a size, and the distance between baselines. */
struct font {
	char	*family;
	double	 size;
	double	 leading;
};

struct style {
	/* [page] */
	double		 width, height;		/* the trim */
	double		 inner, outer;		/* mirrored: inner is at the spine */
	double		 top, bottom;		/* to the text block's edges */
	enum folio_place folio;
	/* [body] */
	struct font	 body;
	double		 indent;		/* first line of a paragraph */
	/* [heading]: one family; titles, level-2 and level-3 headings */
	struct font	 chapter, section, subsection;
	double		 sink;			/* text top to a chapter's title */
	enum opening	 opening;
	/* [quote] */
	struct font	 quote;
	double		 quote_indent;		/* both sides */
	/* [list] */
	double		 list_indent;		/* the item's text from the marker's */
	/* [note] */
	struct font	 note;
	/* [running-head] (the folio is set in it too) */
	struct font	 head;
	/* [break] */
	char		*break_mark;		/* a scene break; "" leaves a blank line */
	/* [hyphenation]: counts of characters, and of lines */
	int		 hyph_min_word;		/* shorter words are never broken */
	int		 hyph_min_left;		/* before the hyphen, at least */
	int		 hyph_min_right;	/* after it */
	int		 hyph_max_lines;	/* hyphenated lines in a row */
	/* [justification]: the line breaker's, as in TeX */
	double		 tolerance;		/* largest badness of a line */
	double		 pretolerance;		/* the same for a first try without
						   hyphens; 0 skips that try */
	int		 hyphen_penalty;	/* the cost of a break at a hyphen */
	double		 space_stretch;		/* how far a space may stretch, */
	double		 space_shrink;		/* and shrink, as a share of it */
	double		 emergency;		/* stretch assumed in a last try */
	/* [hyphenation] capitals: whether a capitalised word may be broken
	   before the last tries (a name: "Trot-sky") */
	enum capitals	 capitals;
	/* [index] */
	int		 index_max_groups;	/* a heading's page groups at
						   most, or 0 */
	/* [print]: what a printer asks of the file */
	double		 bleed;			/* beyond the trim, each side */
	enum crop_marks	 crop_marks;
	char		*path;			/* the file read, for diagnostics */
};

/* Fills in the defaults; style_read does this first. */
void	style_init(struct style *);

/*
 * Reads the style at path over the defaults.  Unknown keys and fonts that
 * are not installed are warnings (a missing font falls back to the
 * default family); bad values are errors at file:line:col.  Returns 0, or
 * -1 with nothing left to release.
 */
int	style_read(struct style *, const char *path, struct diags *);
void	style_release(struct style *);

#endif
