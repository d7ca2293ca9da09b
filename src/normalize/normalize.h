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
#include "normalize/markdown.h"
#include "read/manifest.h"

/* One chapter's text, as CommonMark. */
struct normalized {
	char		*id;		/* the chapter's id */
	GString		*md;		/* the CommonMark text */
	GArray		*srcline;	/* int: source line of each md line */
	GString		*preface;	/* an editor's introduction, CommonMark */
	GArray		*preface_srcline;
	struct meta	 meta;		/* metadata found in the text */
	int		 markdown;	/* the source was CommonMark: its
					   columns hold, its typography is
					   still to be done */
	int		 split;		/* it begins at a split line */
};

/*
 * What a rule took out of the source, or put in its place: the word
 * ledger's account of every word that is not in the edition as the
 * source has it.  removed or added may be NULL.
 */
struct change {
	int		 line;		/* source line */
	char		*removed;
	char		*added;
	const char	*rule;		/* static: the rule's name */
	int		 renumbered;	/* a note's number, which the edition
					   prints anew: not dropped */
};

/* A group's source, normalized: its chapters and the rules' changes. */
struct normalization {
	GPtrArray		*chapters;	/* struct normalized *, in order */
	GArray			*changes;	/* struct change, in source order */
	struct markdown_meta	 book;		/* a Markdown source's YAML */
};

void	normalization_init(struct normalization *);
void	normalization_release(struct normalization *);
/* A new chapter's text, empty; normalized_free frees it. */
struct normalized *normalized_new(const char *id);
void	normalized_free(struct normalized *);

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
