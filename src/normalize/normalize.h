/*
 * normalize.h — raw source text to clean CommonMark.
 *
 * A scraped text is not Markdown: one line is one paragraph, and any
 * '*' or '[' in it is literal.  The normalizer decides what each line is
 * and writes CommonMark that says so, with a map from each of its lines
 * back to the source line it came from.
 */
#ifndef OCTAVO_NORMALIZE_H
#define OCTAVO_NORMALIZE_H

#include "diag.h"
#include "model.h"
#include "read/manifest.h"

struct normalized {
	GString		*md;		/* the CommonMark text */
	GArray		*srcline;	/* int: source line of each md line */
	GString		*preface;	/* an editor's introduction, CommonMark */
	GArray		*preface_srcline;
	struct meta	 meta;		/* metadata found in the text */
	int		 markdown;	/* the source was CommonMark: its
					   columns hold, its typography is
					   still to be done */
};

void	normalized_init(struct normalized *);
void	normalized_release(struct normalized *);

/*
 * Normalizes a group's source text (as read by source_read) into out,
 * following the group's rules.  Markdown sources pass through
 * with an identity line map.  What the heuristics decided is reported
 * at DIAG_INFO.  Returns 0, or -1 with errors in diags.
 */
int	normalize(const struct group *, const char *text,
	    struct normalized *out, struct diags *);

/* Appends s to md with every character CommonMark would act on escaped. */
void	normalize_escape(GString *md, const char *s, gssize len);

#endif
