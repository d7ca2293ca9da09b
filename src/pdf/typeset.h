/*
 * typeset.h — one block of text into lines of a galley: its words shaped
 * (shape.h), its hyphenation points found (hyph.h), its breaks chosen by
 * total fit (kp.h), as TeX sets a paragraph.
 */
#ifndef OCTAVO_PDF_TYPESET_H
#define OCTAVO_PDF_TYPESET_H

#include "galley.h"
#include "runs.h"

/*
 * Sets the runs' text as block b and appends its lines to the galley, in
 * order, one struct line each.  Empty text still gives one (empty) line.
 * Justified text is tried without hyphens, then with them, then with
 * emergency stretch, and last with any badness, so no line is overfull
 * unless one character is wider than the measure.
 */
void	typeset(struct press *, const struct block *, const struct runs *,
	    struct galley *);

/* The same for text that is not the model's: a title, a page number. */
void	typeset_text(struct press *, const struct block *, const char *text,
	    struct galley *);

/*
 * The arrays typeset works in, which a press keeps from block to block
 * (galley.h): only one block is set at a time.
 */
struct typeset_work *typeset_work_new(void);
void	typeset_work_free(struct typeset_work *);

/* A block in font f: ranged left, upright, on the full measure. */
void	block_init(struct block *, const struct font *f);

/* Plain text shaped in block b's font, for a line's second text. */
struct para *typeset_side(struct press *, const struct block *,
	    const char *text);

/* The natural width of a paragraph's text, in points. */
double	para_width(const struct para *);
/* The width of its widest word, which no line can break. */
double	para_widest_word(const struct para *);

#endif
