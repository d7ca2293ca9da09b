/*
 * pdf.h — the print back end: typesets an edition with Pango, draws it with Cairo.
 */
#ifndef OCTAVO_PDF_H
#define OCTAVO_PDF_H

#include "diag.h"
#include "model.h"
#include "style.h"

/*
 * Typesets the edition into a PDF at path (the caller renames it into
 * place).  Returns 0, or -1 with an error in diags.  Never changes the
 * edition.
 */
int	pdf_write(const struct edition *, const struct style *, const char *path,
	    struct diags *);

#endif
