/*
 * fixture.h — helpers shared by the unit tests: temporary files and the
 * entries of an EPUB written, a document model built by hand, a long
 * paragraph of prose, and looks at the diagnostics a stage left.
 */
#ifndef OCTAVO_FIXTURE_H
#define OCTAVO_FIXTURE_H

#include <cairo.h>
#include <glib.h>

#include "diag.h"
#include "model.h"

/*
 * Files of a test's own.  Every folder made here is in one folder of the
 * test's process, under $TMPDIR, removed with all in it when the process
 * exits, even after a failed assertion; a test removes what it made
 * itself all the same, when it is done with it.
 */

/*
 * Asserts that made, a newly allocated string (a test's rendering of
 * what it looks at), is want, and frees it.
 */
#define assert_made(made, want) do { \
	char *made_ = (made); \
	ck_assert_str_eq(made_, (want)); \
	g_free(made_); \
} while (0)

/* A new empty folder; the caller frees the path. */
char	*fixture_dir(void);
/* Removes a folder fixture_dir made, with all in it, and frees its path. */
void	fixture_clean(char *dir);
/* Writes len bytes (len < 0: a string) to name in a new folder; returns its path. */
char	*fixture_file(const char *name, const char *bytes, gssize len);
/* Removes a file fixture_file made, and its folder, and frees its path. */
void	fixture_remove(char *path);
/* An entry of the EPUB (a zip) at path, NUL-terminated; NULL if absent. */
char	*fixture_zip_entry(const char *path, const char *name);

struct epub_options;
struct pagemap;

/*
 * epub_write into memory, then the EPUB written to path if it was made
 * (so that a failure leaves no file, as the front end's writing does).
 * Returns 0, or -1 with an error in d.
 */
int	fixture_epub(const struct edition *, const struct epub_options *,
	    const struct pagemap *, const char *path, struct diags *d);

/*
 * The model by hand, for tests of the stages that read it.  Every node
 * is at test:1:1, as a test's own nodes are; what is made belongs to
 * what it is added to, so freeing the edition frees it all.
 */

/* Appends a new node of type to parent and returns it. */
struct node	*fixture_node(struct node *parent, enum node_type type);
/* Appends a text node of s to parent. */
void		 fixture_text(struct node *parent, const char *s);
/* Appends a paragraph of one text node, s, to parent and returns it. */
struct node	*fixture_para(struct node *parent, const char *s);
/* Appends a heading of level (2 section, 3 subsection) with text s. */
struct node	*fixture_heading(struct node *parent, int level, const char *s);
/* Adds to e a chapter id titled title, with an empty document. */
struct chapter	*fixture_chapter(struct edition *e, const char *id,
		    const char *title);

/*
 * text as the one chapter "t" of a manuscript, run through octavo's
 * pipeline: raw text, or CommonMark if markdown.  Returns the edition,
 * the caller's to free, or NULL if a stage failed.
 */
struct edition	*fixture_edition(const char *text, int markdown,
		    struct diags *d);

struct pipeline;

/*
 * text (len bytes; len < 0: a string) as the source of one raw-text
 * group "t", with keys as its manifest group would give them (NULL for
 * none), run through octavo's pipeline into p, which the caller
 * releases, with the texts kept (the source as read, its
 * normalization, the CommonMark).  The source file is removed after.
 * Returns 0, or -1 if a stage failed (p then is released).
 */
int		 fixture_run(struct pipeline *p, const char *text, gssize len,
		    const char *keys, struct diags *d);
/* The CommonMark of chapter i of a pipeline that ran. */
const char	*fixture_md(const struct pipeline *p, guint i);

/* A paragraph long enough to break into a dozen lines at 4.5 in. */
extern const char fixture_prose[];

/* The first diagnostic, which there must be. */
const struct diag *fixture_first_diag(const struct diags *d);
/* How many diagnostics have needle in their message. */
int		 fixture_diags_matching(const struct diags *d,
		    const char *needle);

/* A Cairo write function that appends to closure, a GByteArray: a
 * surface's file drawn into memory. */
cairo_status_t fixture_to_bytes(void *closure, const unsigned char *data,
	    unsigned int len);

#endif
