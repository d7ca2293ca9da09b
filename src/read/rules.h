/*
 * rules.h — what is particular to one source, as the manifest says it.
 *
 * The normalizer's heuristics are generic; a chapter's rules steer or
 * override them for its source.  Line numbers are the source's physical
 * lines, 1-based, as an editor sees them in any text editor.
 */
#ifndef OCTAVO_RULES_H
#define OCTAVO_RULES_H

#include "read/ini.h"

/* A set of source lines: "3", "14-20", "35-" (to the end), comma-separated. */
struct lineset {
	GArray		*ranges;	/* pairs of int: first, last (0: to the end) */
	struct srcpos	 pos;		/* the manifest key, if given */
};

/* A regular expression with where the manifest wrote it. */
struct pattern {
	GRegex		*re;
	struct srcpos	 pos;
	int		 level;		/* heading patterns: the level */
	char		*replacement;	/* fix rules: the text to put in */
};

enum notes_style {
	NOTES_AUTO,		/* guess from the text */
	NOTES_NONE,
	NOTES_BRACKET,		/* [N] markers; "[N] text" notes */
	NOTES_NUMBERED,		/* [N] markers; "N. text" note paragraphs */
	NOTES_GLUED,		/* bare digits glued to punctuation; "N text" run-in notes */
	NOTES_PATTERN		/* the manifest's note-marker and note-text */
};

/* How a source parts its paragraphs. */
enum paragraphs {
	PARAGRAPHS_AUTO,	/* found from the text */
	PARAGRAPHS_LINE,	/* one paragraph per line (a scrape) */
	PARAGRAPHS_BLANK	/* wrapped lines, blank lines between */
};

/* How a plain text marks italics. */
enum emphasis {
	EMPHASIS_AUTO,		/* _underscores_ if the text has them */
	EMPHASIS_UNDERSCORE,	/* _italic_ */
	EMPHASIS_ASTERISK,	/* *italic* */
	EMPHASIS_NONE		/* '_' and '*' are literal */
};

struct rules {
	/* reading */
	char		*encoding;	/* the source's, if not UTF-8 */
	struct lineset	 lines;		/* the source lines this group takes */
	struct pattern	*split;		/* one chapter per matching line */
	int		 split_heading;	/* Markdown: a chapter per # heading */
	enum paragraphs	 paragraphs;
	enum emphasis	 emphasis;
	/* debris */
	struct lineset	 drop;		/* lines that are not the text */
	GPtrArray	*drop_match;	/* struct pattern *: matching lines go */
	GPtrArray	*drop_text;	/* struct pattern *: matching text goes */
	struct lineset	 keep;		/* lines the built-in debris rules must keep */
	/* metadata, taken out of the running text */
	struct lineset	 title_lines, author_lines, date_lines, source_lines,
			 credit_lines, dedication_lines, intro_lines;
	char		*affiliation;	/* text glued to the end of the body */
	/* structure */
	struct lineset	 headings;	/* explicit level-2 headings */
	struct lineset	 subheadings;	/* explicit level-3 headings */
	struct lineset	 not_headings;
	GPtrArray	*heading_match;	/* struct pattern * with a level */
	int		 heading_max_words;	/* short-line headings; 0: off */
	int		 heading_max_chars;
	struct lineset	 quotes;	/* block quotations, one per range */
	struct lineset	 not_quotes;
	struct lineset	 join;		/* lines to join to the next one */
	GPtrArray	*fix;		/* struct pattern * with replacement */
	/* notes */
	enum notes_style notes;
	int		 notes_start;	/* first line of the notes; 0: find it */
	struct srcpos	 notes_start_pos;
	struct pattern	*note_marker;	/* group 1: the label */
	struct pattern	*note_text;	/* at a paragraph's start; group 1 */
	/* the keys set, for the checks that a rule applies to the format */
	GPtrArray	*keys;		/* char *: each text-only key given */
	GArray		*key_pos;	/* struct srcpos of each */
};

void	rules_init(struct rules *);
void	rules_release(struct rules *);
struct rules *rules_new(void);
void	rules_free(struct rules *);

/* Reads the normalization keys of a [chapter] group; errors to diags. */
void	rules_read(struct rules *, const struct ini *, const char *group,
	    struct diags *);

/* The keys rules_read understands, for the manifest's unknown-key check. */
extern const char *const rules_keys[];

/*
 * Checks every line the rules name against a source of nlines lines:
 * a line past its end is an error at the manifest's key.  Returns the
 * number of errors added.
 */
int	rules_check_lines(const struct rules *, int nlines, const char *source,
	    struct diags *);

int	lineset_has(const struct lineset *, int line);
/* Whether the set is empty (its key was not given). */
int	lineset_empty(const struct lineset *);
/* The highest line named, 0 for none; a range "35-" counts as 35. */
int	lineset_max(const struct lineset *);
/* The range holding line, as first and last (last 0: to the end); 0 if none. */
int	lineset_range(const struct lineset *, int line, int *first, int *last);

#endif
