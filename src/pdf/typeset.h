/*
 * typeset.h — the line breaker: one block of text into lines of the galley.
 *
 * This version lets Pango break each paragraph first-fit.  A
 * Knuth–Plass breaker with hyphenation replaces typeset.c alone: it must
 * append the same struct line, one per line, in order.
 */
#ifndef OCTAVO_PDF_TYPESET_H
#define OCTAVO_PDF_TYPESET_H

#include "galley.h"

/*
 * Sets text, styled by attrs (or NULL), as block b, and appends its lines
 * to the galley.  Empty text still gives one (empty) line.
 */
void	typeset(const struct press *, const struct block *, const char *text,
	    PangoAttrList *attrs, GArray *galley);

/* A block in font f: ranged left, upright, on the full measure. */
void	block_init(struct block *, const struct font *f);

/* A font description for f in the given slant and variant. */
PangoFontDescription *press_font(const struct font *f, PangoStyle,
	    PangoVariant);

#endif
