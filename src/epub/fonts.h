/*
 * fonts.h — the print edition's face in the e-book, when the manifest
 * asks for it (epub-embed-fonts): its files and their @font-face rules.
 */
#ifndef OCTAVO_EPUB_FONTS_H
#define OCTAVO_EPUB_FONTS_H

#include "epub/book.h"

/* Whom the face is by and under what licence, for the imprint. */
#define FONTS_CREDIT	"EB Garamond, by Georg Duffner and Octavio Pardo, " \
			"under the SIL Open Font License"

/*
 * Adds the face's files to the book and their @font-face rules to css.
 * Returns 0, or -1 with an error in diags if a file cannot be read.
 */
int	fonts_embed(struct book *, GString *css, struct diags *);

#endif
