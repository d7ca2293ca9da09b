/*
 * pdf.h — the print back end: typesets an edition with Pango and draws
 * it with Cairo, and says where its pages fell.
 */
#ifndef OCTAVO_PDF_H
#define OCTAVO_PDF_H

#include "diag.h"
#include "model.h"
#include "pages.h"
#include "style.h"

/*
 * Typesets the edition into a PDF at path (the caller renames it into
 * place), or, if path is NULL, only lays it out.  If pages is not NULL it is filled: a label for every page,
 * a break for every page that begins in a chapter's text or notes, and
 * the page of every note reference and index mark.  If report is not
 * NULL, the typesetting report is written there.  Returns 0, or -1 with
 * an error in diags.  Never changes the edition.
 */
int	pdf_write(const struct edition *, const struct style *, const char *path,
	    struct pagemap *pages, const char *report, struct diags *);

#endif
