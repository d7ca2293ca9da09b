/*
 * lines.h — a raw source as the normalizer works on it, and its passes
 * in the order normalize.c runs them (as mandoc's libmdoc.h lists its
 * own): the internal header of src/normalize/.
 *
 * The unit is the line: first each physical line of the source, then,
 * once the paragraphs pass has joined a source's wrapped lines, each
 * block of lines between blank lines.  Debris, metadata, headings,
 * quotations and notes are all whole lines (or lines split in two, for
 * text glued together).  Each pass reads and sets roles; the writer
 * turns the lines of each chapter into CommonMark.
 */
#ifndef OCTAVO_NORMALIZE_LINES_H
#define OCTAVO_NORMALIZE_LINES_H

#include "diag.h"
#include "model.h"
#include "normalize/normalize.h"
#include "read/rules.h"

enum line_role {
	LINE_BLANK,
	LINE_PARA,		/* running text */
	LINE_HEADING,		/* level in .level */
	LINE_QUOTE,		/* a paragraph of block quotation .group */
	LINE_ITEM,		/* an item of ordered list .group */
	LINE_BREAK,		/* a scene break */
	LINE_DROPPED,		/* not the text: .why names the rule */
	LINE_META,		/* taken into the chapter's metadata */
	LINE_INTRO,		/* an editor's introduction */
	LINE_NOTES,		/* a note's text, for the notes parser */
	LINE_CHAPTER,		/* a split line: a chapter starts here */
	LINE_PRE		/* set out in columns: kept as it stands */
};

struct line {
	char		*text;		/* trimmed; passes may rewrite it */
	int		 no;		/* source line, 1-based */
	int		 last;		/* last source line of a block */
	int		 indent;	/* leading white space, in characters */
	int		 blanks;	/* blank source lines just before it */
	enum line_role	 role;
	int		 level;		/* LINE_HEADING: 2 or 3 */
	int		 group;		/* LINE_QUOTE, LINE_ITEM: which one */
	int		 join;		/* continues the previous line's paragraph */
	int		 verse;		/* its source lines are kept as lines:
					   BREAK_MARK between them in text */
	GPtrArray	*phys;		/* char *: a block's source lines, or
					   NULL for a line of its own */
	GArray		*indents;	/* int: with phys, each line's indent */
	const char	*why;		/* what a pass decided, for check -v */
};

/*
 * A note reference in a line's text, until the writer makes it "[^N]":
 * two private-use characters no source has around the note's label.
 */
#define MARK_OPEN	"\xee\x80\x80"	/* U+E000 */
#define MARK_CLOSE	"\xee\x80\x81"	/* U+E001 */
/* Emphasis, until the writer makes it '*'; a verse line's end. */
#define EMPH_OPEN	"\xee\x80\x82"	/* U+E002 */
#define EMPH_CLOSE	"\xee\x80\x83"	/* U+E003 */
#define BREAK_MARK	"\xee\x80\x84"	/* U+E004 */

/* A heading over a block of notes: "Notes", "FOOTNOTES:". */
#define NOTES_HEADING_RE	"^(FOOT)?NOTES?[.:]?$|^(Foot)?[Nn]otes?[.:]?$"
#define NOTES_HEADING_OPENS	"FNn"	/* its first byte, lines_opens_with */

/* The ledger's rule for a note's label or marker, which gets a new number. */
#define RULE_NOTE_NUMBER	"a note's number, printed anew"

/* A chapter of the group: its lines, and what its front matter gave. */
struct chap {
	guint		 first, end;	/* line indices, end exclusive */
	struct meta	 meta;		/* what the passes found */
	int		 author_marker;	/* the byline had a '*' */
};

/* A note of the group, in the order of the source. */
struct srcnote {
	char		*label;		/* as the source numbers it */
	char		*text;		/* its paragraphs, '\n' between */
	int		 no;		/* source line */
	int		 at;		/* line index where it stands */
	int		 ref;		/* line index of its marker, or -1 */
	int		 number;	/* its number in its chapter, from 1;
					   0: the author's note */
	guint		 chapter;	/* its marker's chapter (else its own) */
};

struct lines {
	GArray		*a;		/* struct line */
	GArray		*notes;		/* struct srcnote */
	GArray		*chaps;		/* struct chap, in order */
	GArray		*changes;	/* struct change (normalize.h) */
	const char	*path;		/* for diagnostics (interned) */
	const struct rules *rules;
	const struct meta *manifest;	/* what the manifest says of the group */
	const char	*language;	/* the edition's, BCP 47, or NULL */
	struct diags	*diags;
	int		 groups;	/* last quotation or list number used */
	guint		 lo, hi;	/* the first and last line index of
					   the group's: outside, none is */
	int		 width;		/* the source's wrapping width, or 0 */
	int		 wrapped;	/* paragraphs of wrapped lines */
};

#define LINE(ls, i)	(&g_array_index((ls)->a, struct line, (i)))
#define CHAP(ls, k)	(&g_array_index((ls)->chaps, struct chap, (k)))

/* The why of a line outside the group's lines (range.c). */
extern const char LINE_OUTSIDE[];

void	lines_split(struct lines *, const char *text);
/* Finds lo and hi again, after lines are made or marked outside. */
void	lines_bounds(struct lines *);
void	lines_release(struct lines *);
/* Sets a line's role and says why at -v. */
void	line_set(struct lines *, guint i, enum line_role, const char *why);
/* Drops line i by the rule why: said at -v, and kept for the ledger. */
void	line_drop(struct lines *, guint i, const char *why);
/* Records for the ledger that a rule took text away or put it in. */
void	lines_change(struct lines *, int no, const char *removed,
	    const char *added, const char *rule);
/* Splits line i at byte off: the tail becomes a new line i + 1. */
void	line_split_at(struct lines *, guint i, gsize off);
/* Index of the next line after i that is not blank or dropped; len if none. */
guint	lines_next(const struct lines *, guint i);
guint	lines_prev(const struct lines *, guint i);	/* G_MAXUINT if none */
/*
 * Whether a line is running text a note's marker may stand in: the
 * text's, or an editor's introduction's.
 */
int	line_is_text(const struct line *);
/*
 * Characters in a line's text, counted no further than most + 1: a
 * paragraph is long, and whether a line is longer than a heading or a
 * title can be is most of what the passes ask.
 */
glong	line_chars(const struct line *, glong most);
/* Words in a line's text, counted no further than most + 1. */
int	line_words(const struct line *, int most);
/* How many source lines a line holds: 1, or a block's. */
int	line_count(const struct line *);
/* Whether s lists any source line of l. */
int	line_listed(const struct lineset *s, const struct line *l);
/*
 * Whether most of a line's longer words are capitalized, as a title's
 * are ("A Guernseyman Three Centuries Ago") and a sentence's are not.
 */
int	line_title_cased(const char *);
/*
 * Whether s matches re, a pattern of the program's own (a string that
 * lives as long as it), compiled once: the passes try a few fixed
 * patterns on every line.
 */
int	lines_match(const char *re, const char *s);
/*
 * Whether s opens with one of the bytes in firsts, all that a pattern
 * anchored at the start can open with; any s if firsts is NULL.  Most
 * lines fail it and are spared the pattern, and GLib's check of the
 * whole line as UTF-8 that comes with every match.
 */
int	lines_opens_with(const char *s, const char *firsts);
/*
 * Whether s holds one of the bytes in needs, one of which any match of
 * a pattern holds; any s if needs is NULL.  lines_opens_with for a
 * pattern matched anywhere in a line.
 */
int	lines_holds_any(const char *s, const char *needs);
/*
 * A pattern of the program's own, ASCII, compiled to match bytes: PCRE
 * checks a UTF-8 subject whole at every match, which makes a long line
 * with many matches quadratic (the source reader has checked the text
 * once).  Aborts if the pattern is wrong.
 *
 * GLib compiles every pattern with Unicode classes (PCRE2_UCP), under
 * which PCRE cannot tell from \d or \s where a match may start, and
 * tries every byte.  Where a match starts with a digit, write [0-9],
 * which in bytes matches just what \d does (as [\t\n\v\f\r \x85\xa0]
 * matches what \s does).
 */
GRegex	*lines_compile_raw(const char *re);
/* The words of s, lower case: runs of letters and digits; a set. */
GHashTable *lines_word_set(const char *s);
/* A copy of s with verse line ends as spaces: for metadata, headings. */
char	*lines_plain(const char *s);
/* Did a blank line (or the edge of the text) part lines i and j? */
int	lines_blank_between(const struct lines *, guint i, guint j);

/* A chapter's number on a line of its own: "CHAPTER IV.", "XII.", "216." */
#define LABEL_RE	"^((CHAPTER|Chapter|BOOK|Book|PART|Part|LETTER|Letter|" \
			"SECTION|Section)\\s+)?([IVXLC]+|\\d{1,4})\\.?$"

/*
 * A heading as the edition prints it: its closing stop or colon gone,
 * and in title case if the source shouts it ("CHAPTER IV." → "Chapter
 * IV").  Returns a new string.
 */
char	*range_heading_text(const char *);

/* The passes, in the order normalize runs them. */
void	range_pass(struct lines *);		/* range.c: the group's lines */
void	debris_pass(struct lines *);		/* debris.c */
void	paragraphs_pass(struct lines *);	/* paragraphs.c */
void	fix_pass(struct lines *);		/* normalize.c */
void	contents_pass(struct lines *);		/* contents.c */
void	chapters_pass(struct lines *);		/* range.c: split */
void	front_pass(struct lines *);		/* front.c, per chapter */
void	notes_block_pass(struct lines *);	/* footnotes.c, labelled.c */
void	structure_pass(struct lines *);		/* structure.c */
/* Writes chapter k's lines and notes into out (write.c). */
void	write_chapter(struct normalized *out, const struct lines *, guint k);

/* Notes in the labelled conventions (labelled.c); returns how many. */
int	labelled_notes(struct lines *);

#endif
