/*
 * proof.h — what the tests of the print back end share: editions built
 * by hand, written as PDFs in folders of their own (fixture.h), and read
 * back with poppler's tools.
 */
#ifndef OCTAVO_PROOF_H
#define OCTAVO_PROOF_H

#include <check.h>

#include "fixture.h"
#include "model.h"
#include "out/pages.h"
#include "pdf/pdf.h"
#include "read/style.h"

/*
 * Two chapters: the first with one of every block and a note, by an
 * author, the second with one paragraph long enough for several pages.
 */
struct edition	*proof_sample(void);
/*
 * One chapter of forty paragraphs with a note after every third, one of
 * them long enough to continue overleaf, one note without a reference
 * (after note 5), and the author's note on the byline.
 */
struct edition	*proof_annotated(void);

/* A path for a new PDF in a folder of its own (fixture_remove it). */
char		*proof_path(const char *name);
/* Writes e in the style to a new path; fails the test on any diagnostic. */
char		*proof_write_styled(const struct edition *e,
		    const struct style *st, const char *name);
/* The same in the default style. */
char		*proof_write(const struct edition *e, const char *name);
/* Writes e in the default style to path, filling pm (pagemap_init'd
 * here, the caller's to release); fails the test if writing fails.
 * Returns how many diagnostics the writing gave. */
guint		 proof_write_mapped(const struct edition *e, const char *path,
		    struct pagemap *pm);

/* What a command prints, or NULL if it fails. */
char		*proof_run(const char *const *argv);
/* text with every run of white space one space. */
char		*proof_flat(const char *text);
/*
 * The text of page n (from 1), or of all pages for 0, as laid out on the
 * page (a contents line keeps its number), every run of white space one
 * space.
 */
char		*proof_text(const char *pdf, int n);
/* The same in lower case (small capitals come out as capitals). */
char		*proof_text_lower(const char *pdf, int n);
/* The text of every page, split at pdftotext's form feeds; NULL-ended. */
char		**proof_all_pages(const char *pdf);
/* What pdfinfo says of the file, dates in ISO 8601. */
char		*proof_info(const char *pdf);
int		 proof_page_count(const char *pdf);
/* The first page (from 1) whose text has needle, or 0. */
int		 proof_page_of(const char *pdf, const char *needle);

#endif
