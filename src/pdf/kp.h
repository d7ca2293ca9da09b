/*
 * kp.h — Knuth and Plass's total-fit line breaking ("Breaking Paragraphs
 * into Lines", 1981), as in TeX: a paragraph is boxes, glue and
 * penalties; the breaks chosen minimise the sum of the lines' demerits
 * over the whole paragraph.  Knows nothing of fonts: widths are points.
 */
#ifndef OCTAVO_PDF_KP_H
#define OCTAVO_PDF_KP_H

#include <glib.h>

#define KP_INFINITY	10000	/* a penalty this high forbids; this low forces */

enum kp_kind { KP_BOX, KP_GLUE, KP_PENALTY };

struct kp_item {
	enum kp_kind	 kind;
	double		 width;		/* a penalty's: of the hyphen it adds */
	double		 stretch, shrink;	/* glue */
	int		 penalty;
	unsigned	 flagged : 1;	/* a penalty at a hyphen */
	unsigned	 fill : 1;	/* glue that stretches without limit */
	unsigned	 hyph : 1;	/* a hyphenation point, not an explicit hyphen */
	unsigned	 capital : 1;	/* a hyphenation point in a capitalised
					   word ("Trot-sky") */
	guint		 at;		/* the caller's: a byte offset */
};

struct kp_params {
	double		 first, rest;	/* widths of the first line and the others */
	double		 tolerance;	/* the largest badness allowed */
	double		 emergency;	/* stretch every line is assumed to have */
	double		 ragged;	/* stretch at each line's end (not justified) */
	gboolean	 hyphenate;	/* whether hyphenation points may break, */
	gboolean	 capitals;	/* and those in capitalised words */
	gboolean	 force;		/* never fail: overfull lines if need be */
	int		 line_penalty;
	int		 adj_demerits;	/* fitness classes more than one apart */
	int		 double_hyphen_demerits;
	int		 final_hyphen_demerits;	/* the last full line hyphenated */
	int		 max_hyphens;	/* hyphenated lines in a row (at most
					   3 are counted); 0: any */
	/* The line before the items, when they continue a paragraph set
	 * in stretches: its adjustment ratio, and the hyphenated lines in
	 * a row it ends (0 and 0 at a paragraph's start). */
	double		 start_ratio;
	int		 start_hyphens;
};

/* A break chosen: the line it ends, and how its glue was set. */
struct kp_break {
	guint		 item;		/* the glue or penalty broken at */
	double		 ratio;		/* < 0 shrunk, > 0 stretched, by the glue's */
	double		 natural;	/* the line's natural width */
	double		 badness;
};

/*
 * What kp_break works in, kept by its caller from paragraph to
 * paragraph: its nodes' arrays are grown once to what the longest
 * needs, not made anew (and copied at each doubling) for every try.
 */
struct kp_work {
	GArray		*active;	/* struct active (kp.c's) */
	GArray		*passive;	/* struct passive (kp.c's) */
};

void	kp_work_init(struct kp_work *);
void	kp_work_release(struct kp_work *);

/* TeX's values for the demerits, with the given limits. */
void	kp_params_init(struct kp_params *, double width, double tolerance);

/*
 * Breaks the items, which must end with a forced break, into lines:
 * appends one struct kp_break per line to breaks.  Returns 0, or -1
 * (with breaks untouched) if no breaks keep every line within the
 * tolerance and force is not set.  Linear in the number of items for a
 * given measure.
 */
int	kp_break(struct kp_work *, const struct kp_item *, guint n,
	    const struct kp_params *, GArray *breaks);

/* The ratio's badness: 100 |r|³, at most KP_INFINITY. */
double	kp_badness(double ratio);

#endif
