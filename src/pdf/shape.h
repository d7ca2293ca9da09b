/*
 * shape.h — a block's text itemized by Pango and shaped by HarfBuzz one
 * word at a time, each word once per font for the whole book.
 *
 * Shaping is the costly part of setting type.  A paragraph is itemized
 * (fonts chosen, scripts found) as a whole; then every word and every run
 * of spaces in an item is looked up in a cache keyed by font and text,
 * and shaped only the first time.  Widths for the line breaker and glyphs
 * for drawing both come from the cache, so nothing is shaped twice.
 * The cache outlives the build: what one build shaped, the next is given
 * before it sets a word (shaper_save, shaper_load), and shapes only the
 * words it has not seen.
 */
#ifndef OCTAVO_PDF_SHAPE_H
#define OCTAVO_PDF_SHAPE_H

#include "galley.h"

/*
 * A word (or a run of spaces) shaped in one font: one block, its glyphs
 * and its text after it, since a book has tens of thousands.
 */
struct shaped {
	const char	*text;		/* the word (not NUL-terminated) */
	guint		 len;		/* its bytes */
	int		 width;		/* Pango units */
	gboolean	 plain;		/* one glyph per character, each the one
					   a PDF reader maps back to it */
	gboolean	 used;		/* set in this build: shaper_save
					   keeps it */
	PangoGlyphString glyphs;	/* log_clusters from the word's start;
					   not Pango's to free or resize */
};

/* Past a piece's last byte. */
static inline guint
piece_end(const struct piece *pc)
{
	return pc->start + pc->sh->len;
}

/* families: those the style names (NULL-terminated); any other is a fallback. */
struct shaper	*shaper_new(PangoContext *, const char *const *families,
		    struct diags *);
void		 shaper_free(struct shaper *);
/*
 * The words set so far, each with what its font's shaping depends on
 * (its file, size and time; its fontconfig pattern; its description;
 * its OpenType features; the script, direction and language), for
 * shaper_load in a later build of this octavo: that build's caller
 * keeps them under a key of the program.  The
 * bytes are this machine's, and this binary's.
 */
GBytes		*shaper_save(const struct shaper *);
/*
 * Adds to the cache the words of kept, shaper_save's bytes, before the
 * first word is set: each font's are taken only by a font that is the
 * same in all shaper_save names, so that they are what shaping would
 * give; a font's file changed, its words are shaped again.  Returns
 * FALSE, nothing added, if the bytes are cut short or damaged.
 */
gboolean	 shaper_load(struct shaper *, GBytes *kept);
/*
 * Whether the words set so far differ from those shaper_load gave (if
 * it gave none, they do) by more than a hundredth of them, counting
 * the words shaped anew and the words given and not set: if not, the
 * bytes it was given serve a later build as well as shaper_save's
 * would, and cost nothing to keep again.
 */
gboolean	 shaper_changed(const struct shaper *);
/*
 * Warns, once a font, of the characters the style's fonts lack that
 * were set in another: at the first, with how many more.
 */
void		 shaper_report(struct shaper *);
/*
 * Whether every character set can be drawn: if some are in no font
 * (boxes in print), an error at the first, and -1.
 */
int		 shaper_drawable(const struct shaper *, struct diags *);
/* The same, said to no one: whether every character set so far is in
 * a font. */
gboolean	 shaper_complete(const struct shaper *);

/*
 * Itemizes and shapes text (len bytes) styled by attrs, which must set
 * the font over the whole text.  The anchors are copied.  A character
 * the requested family lacks is set in a fallback font, and counted for
 * shaper_report, at pos if it is the first.
 */
struct para	*para_new(struct shaper *, const char *text, gsize len,
		    PangoAttrList *attrs, const GArray *anchors,
		    struct srcpos pos);
/*
 * Itemizes text as para_new would, only to make the fonts chosen this
 * build's (para_kept then finds the items kept in them), without
 * shaping or breaking it.
 */
void		 shaper_know_fonts(struct shaper *, const char *text,
		    gsize len, PangoAttrList *attrs);
/*
 * Appends to out pa's items, each with its font's id (font_id), for
 * para_kept in a later build.  FALSE if they cannot be kept: a font
 * that is no file, or an attribute besides the font's other than a
 * rise.
 */
gboolean	 para_items_save(struct shaper *, const struct para *,
		    GString *out);
/*
 * The same paragraph as para_new's, its items those para_items_save
 * wrote at *at (which it moves past them, up to end), each in the font
 * of this build that has the id it was kept with; NULL if the bytes are
 * damaged or a font is not yet one of this build's (the caller then
 * itemizes: shaper_know_fonts, or para_new).  Its fonts are the same files, patterns, descriptions,
 * features, scripts and languages as itemizing would choose, if the
 * fonts installed did not change; a key of the style and text
 * (typeset.c) says the rest.
 */
struct para	*para_kept(struct shaper *, const char *text, gsize len,
		    const GArray *anchors, struct srcpos pos,
		    const guint8 **at, const guint8 *end);

/*
 * The advance from the start of a piece to byte at within it, in Pango
 * units, or -1 if at falls inside a cluster (a ligature).
 */
int		 piece_x(const struct piece *, guint at);
/* The same for every byte of the piece, into xs (one int a byte). */
void		 piece_xs(const struct piece *, int *xs);

/* A hyphen in the font of item: its glyph, and its width in Pango units. */
const struct shaped *shaper_hyphen(struct shaper *, const PangoItem *);

/* A font description for f in the given slant and variant. */
PangoFontDescription *press_font(const struct font *f, PangoStyle,
		    PangoVariant);

#endif
