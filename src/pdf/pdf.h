/*
 * pdf.h — the print back end: typesets an edition with Pango and draws
 * it with Cairo, and says where its pages fell.
 */
#ifndef OCTAVO_PDF_H
#define OCTAVO_PDF_H

#include "diag.h"
#include "model.h"
#include "out/pages.h"
#include "out/sink.h"
#include "read/style.h"

/*
 * Typesets the edition and makes it up into pages.  If drawn is not
 * NULL (the PDF's name, for errors), the text is drawn as it is set,
 * chapter by chapter, each let go once drawn, and pdf_draw draws the
 * rest; else nothing is drawn.  If pages is not NULL it is filled: a
 * label for every page, a break for every page of the chapters and the
 * index, and the page of every note reference and index mark.  If
 * report is not NULL, the typesetting report is written there.  Returns
 * the layout, or NULL with an error in diags: when drawing, a character
 * in no font, which would print as a box, is one.  A layout not drawn
 * holds nothing of the typesetting once made (the page map has what it
 * tells, and pdf_layout_shapes the words it shaped); one drawn holds
 * what the rest's drawing needs.  Never changes the edition, which must
 * outlive the layout.  shapes, if not NULL, are the words an earlier
 * layout shaped (pdf_layout_shapes), set again without shaping where
 * their fonts are the same; the layout lets go of them once it has read
 * them.  paras, if not NULL, gives each block as an earlier layout set
 * it from the same text, style and measure (typeset.c), and keeps this
 * layout's: kept under pdf_paras_key.
 */
struct pdf_layout;
struct reuse;

struct pdf_layout *pdf_lay_out(const struct edition *, const struct style *,
		    struct pagemap *pages, const char *report,
		    const char *drawn, GBytes *shapes, struct reuse *paras,
		    struct diags *);
/*
 * The words the layout set, shaped or given, each with what its font's
 * shaping depends on, for a later pdf_lay_out (shape.h); to be kept
 * under pdf_shapes_key.  NULL if they are those it was given but for a
 * hundredth of them (shaper_changed): those serve as well, as kept.
 * Once the layout's typesetting is let go of (a layout not drawn, or
 * drawn through pdf_draw_rest), it gives them up to the caller: a
 * second call returns NULL.
 */
GBytes		*pdf_layout_shapes(struct pdf_layout *);
/*
 * Draws the rest of a layout made with drawn (the prelims and the
 * index, after the text) and ends Cairo's drawing, letting go of what
 * Cairo held of every page, and of the typesetting (the press): the
 * most a build holds at once is the end of this drawing, so that work
 * done beside the finishing (the EPUB) is best begun after it.  Returns
 * 0, or -1 with an error in diags; a second call returns the first's
 * result.
 */
int		 pdf_draw_rest(struct pdf_layout *, struct diags *);
/* How many Cairo surfaces the layout was drawn on so far: 0 if it is
 * not drawn, more than 1 for a long book (merge.h). */
guint		 pdf_layout_surfaces(const struct pdf_layout *);
/*
 * The first chapter drawn with the text, as pdf_lay_out draws it: those
 * before it, the front matter, are drawn with the prelims, by
 * pdf_draw_rest.
 */
guint		 pdf_layout_text_from(const struct pdf_layout *);
/*
 * pdf_draw_rest if it is not done, then finishes the PDF into out;
 * returns 0, or -1 with an error in diags.  contents, if not NULL,
 * gives each page's content as an earlier build finished it from the
 * same drawing, and keeps this build's (finish.h).  Only
 * pdf_layout_shapes and pdf_layout_free may follow.
 */
int		 pdf_draw(struct pdf_layout *, struct sink *,
		    struct reuse *contents, struct diags *);
void		 pdf_layout_free(struct pdf_layout *);

/*
 * The key a layout is kept under (pages.h): a digest of what it is made
 * from.  That is the manifest and the print style (files), a digest
 * of the sources' text as read, and this octavo:
 * its executable's size and time, the Pango, Cairo and HarfBuzz it runs
 * with, and the hyphenation patterns with the libhyphen that reads
 * them.  Fonts installed or removed are not seen.  NULL if the manifest
 * or the style cannot be read.
 */
char		*pdf_layout_key(const struct edition *, const char *manifest,
		    const char *print_style, const char *sources_digest);
/*
 * The key the words a layout shaped are kept under: this octavo (as
 * pdf_layout_key has it).  Not the print style: what of it shapes a
 * word (its fonts, their sizes and features) is each font's id, checked
 * when they are read (shape.h), so a style's margins or leading changed
 * leave the words kept; nor the text: a word is shaped alike wherever
 * it stands.
 */
char		*pdf_shapes_key(void);
/*
 * The key the blocks a layout set are kept under: this octavo, the
 * print style, the hyphenation patterns (as pdf_layout_key has them),
 * the fonts installed (each file and face) and fontconfig's version and
 * configuration files; not the text, each block's own key (typeset.c).
 * NULL if the style cannot be read.
 */
char		*pdf_paras_key(const struct edition *, const char *print_style);

/*
 * pdf_lay_out, then pdf_draw into the file at path (for tests; the
 * front end writes through a temporary file): returns 0, or -1 with an
 * error in diags.
 */
int	pdf_write(const struct edition *, const struct style *, const char *path,
	    struct pagemap *pages, const char *report, struct diags *);

#endif
