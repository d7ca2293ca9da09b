/*
 * markdown.h — a CommonMark source's own metadata: its YAML block, and
 * its chapters' titles in their level-1 headings.
 */
#ifndef OCTAVO_NORMALIZE_MARKDOWN_H
#define OCTAVO_NORMALIZE_MARKDOWN_H

#include "diag.h"
#include "normalize/normalized.h"
#include "read/manifest.h"

/*
 * Reads a group's CommonMark text into out's chapters: one, titled by
 * its first level-1 heading (unless the manifest gives it a title), or
 * (with split = heading) one at each.
 * The YAML block goes into out->book.  Returns 0, or -1 with an error
 * (a second level-1 heading without split).
 */
int	markdown_read(const struct group *, const char *text,
	    struct normalization *out, struct diags *);
/*
 * Whether a line opens or closes a fenced code block (``` or ~~~), in
 * which nothing is Markdown's syntax.
 */
int	markdown_fence(const char *line);

#endif
