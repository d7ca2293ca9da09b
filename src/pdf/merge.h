/*
 * merge.h — Cairo's files for one book made one.  A long book is drawn
 * on several Cairo surfaces, each finished before the next is begun, so
 * that what Cairo holds of every page and element until its surface is
 * finished is given back as the drawing goes; this makes of their files
 * the one Cairo would have written for a single surface, which the
 * finishing (finish.h) reads.
 */
#ifndef OCTAVO_PDF_MERGE_H
#define OCTAVO_PDF_MERGE_H

#include <stdio.h>

#include "pdfobj.h"

/*
 * The destination a link to the page drawn n-th (from 1) is given as
 * "PDF_PAGE_DEST<n>" when that page may be on another surface: Cairo
 * points only at pages of its own surface, but writes a name it does
 * not know as it is, and pdf_merge points it at the page.
 */
#define PDF_PAGE_DEST	"octavo-page-"

/*
 * Writes the n files (each a whole PDF Cairo wrote, in the order they
 * were drawn) into out as one: every object renumbered, in that order;
 * one page tree; one structure tree whose Document holds every file's
 * kids, and one parent tree; the named destinations of all; each link
 * to a PDF_PAGE_DEST pointed at its page.  mapped says the files are
 * maps of files, whose pages are given back to the system as they are
 * read (pdfobj.h); not so memory of the caller's, which that would
 * empty.  Returns 0, or -1 with what is wrong in *why (a file Cairo did
 * not write, or a write that failed).
 */
int	pdf_merge(const struct pdf_span *files, guint n, gboolean mapped,
	    FILE *out, const char **why);

#endif
