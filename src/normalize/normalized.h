/*
 * normalized.h — what the normalizer makes of a group's source, for the
 * stages after it: each chapter's CommonMark with its map back to the
 * source lines, what the rules changed (for the word ledger), and what
 * a Markdown source says of the book.
 */
#ifndef OCTAVO_NORMALIZED_H
#define OCTAVO_NORMALIZED_H

#include "model.h"

/* What a YAML block says of the book, as pandoc reads it; NULL if not. */
struct markdown_meta {
	char	*title;
	char	*subtitle;
	char	*author;	/* "A and B" for a list */
	char	*date;
	char	*language;	/* lang */
	char	*identifier;
	char	*rights;
	char	*description;
	char	*publisher;
};

void	markdown_meta_clear(struct markdown_meta *);

/*
 * One chapter's text, as CommonMark.  The pipeline drops the text and
 * its maps once the chapter is parsed (normalized_drop_text), unless
 * its caller keeps them.
 */
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
/*
 * Frees n's CommonMark and line maps (then NULL), once the parse has
 * read them: only n's id and metadata are read after it.
 */
void	normalized_drop_text(struct normalized *);
void	normalized_free(struct normalized *);

#endif
