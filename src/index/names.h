/*
 * names.h — the authority list of personal names (names.txt) and the
 * matcher that finds its forms in running text.
 *
 * The list's format is described at the top of manuscript/names.txt and
 * in README.md.  Each heading owns forms (spellings, transliterations,
 * typos, forms with initials), and each form is claimed by a heading in
 * a scope: implied by the heading itself, anywhere ("forms:"), in one
 * chapter ("in CHAPTER:") or on one source line ("at PLACE:LINE:").  A
 * form claimed by several headings is resolved by the narrowest scope
 * that holds where it occurs.
 *
 * Matching is a trie over words: text is cut into words (letters, digits
 * and inner apostrophes), each folded to lower case without accents and
 * without a possessive "'s"; from each word the longest run of words that
 * spells a form wins.  A name is therefore never found inside a longer
 * word (Smithson, Smithfield), and Rene matches René.
 */
#ifndef OCTAVO_NAMES_H
#define OCTAVO_NAMES_H

#include "diag.h"

/* How far a claim on a form reaches, weakest first. */
enum name_scope {
	SCOPE_IMPLIED,		/* made from the heading: "Jane Smith", "Smith" */
	SCOPE_ANYWHERE,		/* "forms:" */
	SCOPE_CHAPTER,		/* "in CHAPTER:" */
	SCOPE_LINE		/* "at PLACE:LINE:", or "at PLACE:LINE#N:" */
};

/* A heading or sub-heading of the list, or a "!" group of non-names. */
struct name_entry {
	char			*heading;	/* "Smith, Jane" */
	char			*gloss;		/* "(1879–1940)", or NULL */
	char			*sort;		/* "sort:", or NULL for the heading */
	struct name_entry	*parent;	/* a sub-heading's main heading */
	struct name_entry	*see;		/* "see:": its forms mean that one */
	GPtrArray		*see_also;	/* struct name_entry * */
	int			 not_name;	/* "!": what matches is not a name */
	struct srcpos		 pos;		/* its line in the list */
};

struct name_claim {
	struct name_entry	*entry;
	enum name_scope		 scope;
	char			*place;		/* CHAPTER, LINE: chapter id or file */
	int			 line;		/* LINE: the source line */
	int			 nth;		/* LINE: its nth occurrence, 0 all */
	struct srcpos		 pos;		/* where the list says so */
};

/* One form as the matcher knows it, with every claim on it. */
struct name_form {
	char		*text;		/* as first written */
	guint		 words;
	guint64		 capital;	/* bit i: word i must start upper case */
	GPtrArray	*claims;	/* struct name_claim * */
};

struct trie;

struct names {
	char		*path;
	GPtrArray	*entries;	/* struct name_entry *, in list order */
	GPtrArray	*forms;		/* struct name_form * */
	struct trie	*trie;
};

/* A word of running text, as the matcher sees it. */
struct name_word {
	gsize	 start, end;	/* bytes of the text */
	char	*fold;		/* lower case, unaccented, no possessive */
	int	 capital;	/* starts with an upper-case letter */
};

/* A form found in a text: words first..last, bytes start..end. */
struct name_match {
	guint			 first, last;
	gsize			 start, end;
	const struct name_form	*form;
};

void	names_init(struct names *);
void	names_release(struct names *);

/*
 * Reads the list at path, or parses text as if read from path.  Every
 * problem is an error at path:line:col with a hint; returns 0, or -1
 * if any error was added (the list is then incomplete).
 */
int	names_read(struct names *, const char *path, struct diags *);
/* The list's text as names_read reads it (file.h), or NULL with an error. */
char	*names_text(const char *path, struct diags *);
int	names_parse(struct names *, const char *path, const char *text,
	    struct diags *);

/* The words of text (struct name_word); free with names_words_free. */
GArray	*names_words(const char *text);
void	 names_words_free(GArray *);

/*
 * The words of one text after another, for a caller that reads them and
 * keeps none: the folds are in one buffer, the array and the buffer
 * reused from text to text, where names_words costs an allocation a
 * word.  A scan's words and folds last until the next scan.
 */
struct name_text {
	GArray	*words;		/* struct name_word; folds point in folds */
	GString	*folds;		/* each fold, NUL-terminated */
};

void	 names_text_init(struct name_text *);
/* The words of text, in place of the last text's. */
void	 names_text_scan(struct name_text *, const char *text);
void	 names_text_release(struct name_text *);

/*
 * Whether two neighbouring words of text may belong to one name: only
 * spaces, hyphens and an initial's full stop ("I.N. Smirnov") between.
 */
int	 names_joinable(const char *text, const struct name_word *,
	    const struct name_word *);

/*
 * Every form in text (struct name_match), leftmost first; at each word
 * the longest form that accept keeps (all of them if accept is NULL).
 * accept sees each form found there, longest first, and returns nonzero
 * to keep it; a rejected form leaves the shorter ones to try.
 */
typedef int (*names_accept)(const struct name_match *, void *);

GArray	*names_match(const struct names *, const char *text,
	    const GArray *words, names_accept, void *arg);

/*
 * The claim that decides what form means in chapter (its id and source
 * file) at a source line, where it is the nth occurrence of that form
 * on the line: the narrowest scope that holds.  NULL if nothing claims
 * it there, or only the implied forms of several headings.
 */
const struct name_claim *names_resolve(const struct name_form *,
	    const char *chapter, const char *file, int line, int nth);

/* Whether a claim's place names this chapter, by id or source file. */
int	 names_place_is(const char *place, const char *chapter,
	    const char *file);

#endif
