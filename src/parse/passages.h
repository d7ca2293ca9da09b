/*
 * passages.h — a passage in another language than its chapter's, in
 * pandoc's syntax, which CommonMark has none of: a bracketed span,
 * "[quelques mots]{lang=fr}", and a fenced div, a line "::: {lang=de}"
 * before its blocks and a line ":::" after them (divs nest).  Only in a
 * Markdown source.  The language is a BCP 47 tag ("{lang=fr}" or
 * "{lang="fr"}"); a span or div with other attributes is left as the
 * text it is, with a warning.  The mark-up reaches no output: the
 * ledger is told of its words as dropped (RULE_PASSAGE).
 */
#ifndef OCTAVO_PASSAGES_H
#define OCTAVO_PASSAGES_H

#include "diag.h"
#include "model.h"

#define RULE_PASSAGE	"dropped: the mark-up of a passage in another " \
			"language ({lang=...}, :::)"

/* What follows a stretch of a text: nothing, or the fence of a div. */
enum fence_kind { FENCE_NONE, FENCE_OPEN, FENCE_CLOSE };

/* A stretch of a text between fences, which cmark parses by itself. */
struct stretch {
	GString		*md;
	GArray		*srcline;	/* int: source line of each md line */
	enum fence_kind	 fence;		/* the fence after it */
	char		*lang;		/* FENCE_OPEN: the div's language */
	struct srcpos	 pos;		/* FENCE_OPEN: the fence's */
};

/*
 * Cuts md (its lines from the source lines srcline, in file path) at
 * the fences of its divs, outside fenced code: the stretches in order,
 * each followed by its fence, the fence lines left out.  Opening a div
 * and closing it are always both in the list, so a div never closed
 * (a warning) is closed after the last stretch; a ':::' that closes
 * nothing is left out with a warning; a tag that is no BCP 47 tag is an
 * error.  Each fence's words go to changes (struct change) as dropped.
 */
GPtrArray	*passages_split(const GString *md, const GArray *srcline,
		    const char *path, GArray *changes, struct diags *);

/*
 * Makes each bracketed span among the inlines of tree a NODE_SPAN: its
 * brackets and attributes taken out of the text, what was between them
 * its children.  A span with other attributes than lang is a warning
 * and left as text; a tag that is no BCP 47 tag, an error.
 */
void		 passages_spans(struct node *tree, GArray *changes,
		    struct diags *);

#endif
