/*
 * passage.h — an edition's text as the index sees it, block by block:
 * each paragraph or heading of the chapters' text, their introductions
 * and their notes as one string (a passage), cut into words (tokens)
 * that know their case, whether they begin a sentence, and whether they
 * are initials, possessives or in italics.
 */
#ifndef OCTAVO_PASSAGE_H
#define OCTAVO_PASSAGE_H

#include "model.h"

/* A word of a passage; words joined by a hyphen are one (Ter-Vaganian). */
struct token {
	gsize		 start, end;	/* bytes of the passage's text */
	gsize		 bare;		/* end without a possessive */
	char		*fold;		/* as names_words folds it */
	unsigned	 capital : 1;	/* starts with a capital */
	unsigned	 caps : 1;	/* all capitals, two letters or more */
	unsigned	 small : 1;	/* has a lower-case letter */
	unsigned	 initial : 1;	/* "I.", or "P" and "VV" before a name */
	unsigned	 poss : 1;	/* ends in 's or s' */
	unsigned	 first : 1;	/* first word of a sentence */
	unsigned	 emph : 1;	/* in italics */
};

struct passage {
	GString			*text;		/* the block's inline text */
	GArray			*lines;		/* internal: source lines */
	GArray			*emph;		/* internal: italics */
	const struct chapter	*chapter;
	guint			 block;		/* through the edition, from 0 */
	int			 heading;	/* a heading's text */
	int			 note;		/* a note's */
	int			 caps;		/* all in capitals: "TO X." */
	GArray			*tokens;	/* struct token */
};

/*
 * The passages of every chapter of e, in reading order (each chapter's
 * introduction, text, then notes), with their tokens.  Note references
 * and index marks are left out of the text; line breaks become spaces.
 */
GPtrArray	*passages_gather(const struct edition *e);

/* The source line of the text at byte at of a passage (0 if unknown). */
int		 passage_line(const struct passage *, gsize at);

/* The token k of a passage. */
#define PASSAGE_TOKEN(p, k) \
	(&g_array_index((p)->tokens, struct token, (k)))

#endif
