/*
 * normalize.h — raw source text to clean CommonMark.
 *
 * A raw text is not Markdown: a scrape has one paragraph per line, a
 * plain-text book paragraphs of wrapped lines between blank lines, and
 * any '*' or '[' in either is literal.  The normalizer decides what each
 * line is and writes CommonMark that says so, one text per chapter, with
 * a map from each of its lines back to the source line it came from.
 */
#ifndef OCTAVO_NORMALIZE_H
#define OCTAVO_NORMALIZE_H

#include "diag.h"
#include "model.h"
#include "normalize/normalized.h"
#include "read/manifest.h"

/*
 * Normalizes a group's source text (as read by source_read) into out,
 * following the group's rules: one chapter, or one per split line.
 * Markdown sources pass through with an identity line map.  What the
 * heuristics decided is reported at DIAG_INFO, what they were unsure
 * of at DIAG_DOUBT with the manifest key that settles it.  Returns 0,
 * or -1 with errors in diags (a rule that cannot apply, a chapter left
 * without text).
 */
int	normalize(const struct group *, const char *text,
	    struct normalization *out, struct diags *);

/* Appends s to md with every character CommonMark would act on escaped. */
void	normalize_escape(GString *md, const char *s, gssize len);

#endif
