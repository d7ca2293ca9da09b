/*
 * ebook.h — what the tests of the EPUB back end share: a folder and a
 * stylesheet for each test (its checked fixture), editions built by
 * hand, and writing them to read their entries back.
 */
#ifndef OCTAVO_EBOOK_H
#define OCTAVO_EBOOK_H

#include <check.h>

#include "diag.h"
#include "epub/epub.h"
#include "fixture.h"
#include "model.h"
#include "out/pages.h"

#define EPOCH		"1700000000"	/* 2023-11-14T22:13:20Z */
#define IDENTIFIER	"urn:uuid:0b1c6f0e-6a53-4c4b-9d42-0f3b7f2ad001"
#define COVER_STYLE	"../../styles/cover.ini"	/* from tests/unit */
#define SHY		"\xc2\xad"			/* U+00AD */
/* The marker of print page N. */
#define PB(n)		"<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" " \
			"id=\"page-" n "\" aria-label=\"" n "\"></span>"

#define assert_has(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) != NULL, \
	    "expected \"%s\" in:\n%s", (needle), (hay))
#define assert_lacks(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) == NULL, \
	    "unexpected \"%s\" in:\n%s", (needle), (hay))

extern char	*ebook_dir;		/* each test's own folder */
extern char	*ebook_css;		/* a stylesheet in it */
extern int	 ebook_fonts;		/* the next write embeds the print face */
extern char	*ebook_cover_kept;	/* where writes keep the cover */

/* The checked fixture: a folder and a stylesheet, SOURCE_DATE_EPOCH set. */
void		 ebook_setup(void);
void		 ebook_teardown(void);

/* An edition with its required metadata and no chapters. */
struct edition	*ebook_bare(void);
/* Two chapters, the first with some of every kind of node. */
struct edition	*ebook_sample(void);
/* A note numbered n in chapter c, its body one paragraph of s. */
struct note	*ebook_note(struct chapter *c, int n, const char *s);
/* Copies the repository's cover style beside the test's stylesheet. */
void		 ebook_cover_style(void);

/*
 * Writes e with the page map pm (or NULL) to ebook_dir/name and returns
 * the path; the write must succeed with exactly warnings warnings.
 */
char		*ebook_write(const struct edition *e, const struct pagemap *pm,
		    const char *name, int warnings);
/* The same without a page map or a warning. */
char		*ebook_write_ok(const struct edition *e, const char *name);
/* Writes the edition, frees it, and returns one entry of the EPUB. */
char		*ebook_render(struct edition *e, const char *name);
/* How many times needle is in hay. */
int		 ebook_count(const char *hay, const char *needle);

#endif
