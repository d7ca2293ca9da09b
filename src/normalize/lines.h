/*
 * lines.h — a raw source as the normalizer works on it: an array of
 * lines, each with the role the passes have given it.
 *
 * Scraped text has one paragraph per physical line, so the line is the
 * unit: debris, metadata, headings, quotations and notes are all whole
 * lines (or lines split in two, for text glued together).  Each pass in
 * normalize.c reads and sets roles; the last writes CommonMark.
 */
#ifndef OCTAVO_LINES_H
#define OCTAVO_LINES_H

#include "diag.h"
#include "model.h"
#include "read/rules.h"

enum line_role {
	LINE_BLANK,
	LINE_PARA,		/* running text */
	LINE_HEADING,		/* level in .level */
	LINE_QUOTE,		/* a paragraph of block quotation .group */
	LINE_ITEM,		/* an item of ordered list .group */
	LINE_BREAK,		/* a scene break */
	LINE_DROPPED,		/* debris: not the author's text */
	LINE_META,		/* taken into the chapter's metadata */
	LINE_INTRO,		/* an editor's introduction */
	LINE_NOTES		/* the notes block, for the notes parser */
};

struct line {
	char		*text;		/* trimmed; passes may rewrite it */
	int		 no;		/* source line, 1-based */
	int		 indent;	/* leading white space, in characters */
	enum line_role	 role;
	int		 level;		/* LINE_HEADING: 2 or 3 */
	int		 group;		/* LINE_QUOTE, LINE_ITEM: which one */
	int		 join;		/* continues the previous line's paragraph */
	const char	*why;		/* what a pass decided, for check -v */
};

/*
 * A note reference in a line's text, until the writer makes it "[^N]":
 * two private-use characters no source has around the note's label.
 */
#define MARK_OPEN	"\xee\x80\x80"	/* U+E000 */
#define MARK_CLOSE	"\xee\x80\x81"	/* U+E001 */

struct lines {
	GArray		*a;		/* struct line */
	GArray		*notes;		/* struct line: a note each; .group is
					   its number (0: the author's), .text
					   its paragraphs, '\n' between */
	const char	*path;		/* for diagnostics (interned) */
	const struct rules *rules;
	struct diags	*diags;
	struct meta	 meta;		/* what the passes found */
	int		 groups;	/* last quotation or list number used */
	int		 author_marker;	/* the byline had a '*': an author's note */
};

#define LINE(ls, i)	(&g_array_index((ls)->a, struct line, (i)))

void	lines_split(struct lines *, const char *text);
void	lines_release(struct lines *);
/* Sets a line's role and says why at -v. */
void	line_set(struct lines *, guint i, enum line_role, const char *why);
/* Splits line i at byte off: the tail becomes a new line i + 1. */
void	line_split_at(struct lines *, guint i, gsize off);
/* Index of the next line after i that is not blank or dropped; len if none. */
guint	lines_next(const struct lines *, guint i);
guint	lines_prev(const struct lines *, guint i);	/* G_MAXUINT if none */
/* Characters in a line's text. */
glong	line_chars(const struct line *);
/* Words in a line's text, counted no further than most + 1. */
int	line_words(const struct line *, int most);

/* The passes, in the order normalize runs them. */
void	debris_pass(struct lines *);
void	front_pass(struct lines *, const struct meta *manifest);
void	notes_block_pass(struct lines *);
void	structure_pass(struct lines *);

#endif
