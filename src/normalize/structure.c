/*
 * structure.c — the structure pass: which lines are headings, scene
 * breaks, block quotations and list items, and which broken lines are
 * one paragraph.
 *
 * Scraped text keeps few signs of its structure: a short line between
 * blank lines, a numbered line, an indent, a lead-in ending in ':',
 * a line attached to its neighbours by a single newline.  Each rule
 * below reads one such sign; the manifest's explicit line lists come
 * first and override them all.  What is unsure is reported at -v.
 */
#include <stdlib.h>
#include <string.h>

#include "normalize/lines.h"
#include "normalize/typo.h"

/* Opening and closing quotation marks, straight or curly. */
#define OPENERS	"“‘\"'«"
#define CLOSERS	"”’\"'»"

static int
starts_with_any(const char *s, const char *set)
{
	gunichar c = g_utf8_get_char(s);

	return *s != '\0' && g_utf8_strchr(set, -1, c) != NULL;
}

/* The character before s + len, or 0. */
static gunichar
last_char_n(const char *s, gsize len)
{
	return len > 0 ? g_utf8_get_char(g_utf8_prev_char(s + len)) : 0;
}

static gunichar
last_char(const char *s)
{
	return last_char_n(s, strlen(s));
}

/*
 * Where a trailing note marker starts: one the notes pass found, or
 * "…end.”[12]" → the '[' (a marker may be followed by '.', ',' or ';'),
 * or digits glued to closing punctuation, "…the end.’5" → the '5'.
 * strlen(s) if there is none.
 */
static gsize
marker_at(const char *s)
{
	gsize len = strlen(s), end = len, i;
	const char *open;

	while (end > 0 && strchr(".,;", s[end - 1]) != NULL)
		end--;
	/* A marker the notes pass has already recognized. */
	if (end >= 3 && strncmp(s + end - 3, MARK_CLOSE, 3) == 0 &&
	    (open = g_strrstr_len(s, (gssize)end, MARK_OPEN)) != NULL)
		return (gsize)(open - s);
	if (end > 0 && s[end - 1] == ']') {
		for (i = end - 1; i > 0 && g_ascii_isdigit(s[i - 1]); i--)
			;
		return i > 0 && i < end - 1 && s[i - 1] == '[' ? i - 1 : len;
	}
	for (i = len; i > 0 && g_ascii_isdigit(s[i - 1]); i--)
		;
	if (i < len && len - i <= 3 && i > 0 &&
	    g_utf8_strchr(".!?" CLOSERS, -1, last_char_n(s, i)) != NULL)
		return i;
	return len;
}

/*
 * The last character that says how a line ends: before any note marker
 * and any closing quotation mark or bracket ("… Hofrath.”" ends in '.').
 */
static gunichar
last_word_char(const char *s)
{
	gsize len = marker_at(s);
	gunichar c = last_char_n(s, len);

	while (c != 0 && g_utf8_strchr(CLOSERS ")]_*", -1, c) != NULL) {
		len = (gsize)(g_utf8_prev_char(s + len) - s);
		c = last_char_n(s, len);
	}
	return c;
}

static int
ends_with_marker(const char *s)
{
	return marker_at(s) < strlen(s);
}

/*
 * The last character before any note marker, and before the full stop
 * a scrape may have put after a closing quote ("….”.").
 */
static gunichar
last_before_marker(const char *s)
{
	gsize len = marker_at(s);

	while (len > 1 && strchr(".,;", s[len - 1]) != NULL)
		len--;
	return last_char_n(s, len);
}

#define blank_between	lines_blank_between

/* Ends a sentence: . ! ? … or one of them inside a closing quote. */
static int
ends_sentence(const char *s)
{
	gsize len = marker_at(s);
	gunichar c = last_char_n(s, len);

	if (c != 0 && g_utf8_strchr(CLOSERS ")", -1, c) != NULL)
		c = last_char_n(s, (gsize)(g_utf8_prev_char(s + len) - s));
	return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* --- headings and breaks ------------------------------------------- */

static int
is_break(const char *s)
{
	/* It opens with '*', '~', '#', or the first byte of '•' or '·'. */
	return lines_opens_with(s, "*~#\xe2\xc2") &&
	    lines_match("^([*•·~#]\\s*){3,}$|^[*•·]$", s);
}

/*
 * The numbering of section headings: a chapter's headings take their
 * levels from the order in which it first uses each style (I. before
 * 1. before A.), as a reader of its contents would.
 */
enum numbering { NUM_NONE, NUM_ROMAN, NUM_ARABIC, NUM_UPPER, NUM_LOWER };

/* A chapter's styles in the order first used; level 2 + position. */
struct ladder {
	enum numbering	 used[4];
	int		 n;
};

static int
ladder_level(struct ladder *ld, enum numbering style)
{
	int k;

	for (k = 0; k < ld->n; k++)
		if (ld->used[k] == style)
			return 2 + MIN(k, 2);
	if (ld->n < (int)G_N_ELEMENTS(ld->used))
		ld->used[ld->n++] = style;
	return 2 + MIN(ld->n - 1, 2);
}

/*
 * Whether a line's closing full stop still lets it be a heading, as old
 * books print them: a line in capitals, or in title case set off by two
 * blank lines or more.
 */
static int
heading_stop(const struct line *l)
{
	return typo_is_shouting(l->text) ||
	    (l->blanks >= 2 && line_title_cased(l->text));
}

/*
 * A numbered section heading's style: "II. Title", "b. Title", and, in
 * capitals or set off by two blank lines as a plain-text book sets its
 * headings, "2. Title" and "B. Title".
 */
static enum numbering
numbering_of(const struct lines *ls, const struct line *l)
{
	int apart = l->blanks >= 2 || typo_is_shouting(l->text);

	gunichar last = last_word_char(l->text);

	/* A heading is a title: not "I.  What kind of man is he?". */
	if (line_chars(l, 2 * ls->rules->heading_max_chars) >
	    2 * ls->rules->heading_max_chars ||
	    line_count(l) > 2 || (last == '.' && !heading_stop(l)) ||
	    last == ',' || last == ';' ||
	    (!typo_is_shouting(l->text) && !line_title_cased(l->text)))
		return NUM_NONE;
	if (lines_match("^[IVX]{1,5}\\.\\s+\\S", l->text))
		return NUM_ROMAN;
	if (lines_match("^[a-h]\\.\\s+[A-Z]", l->text))
		return NUM_LOWER;
	if (apart && lines_match("^\\d{1,2}\\.\\s+[A-Z]", l->text))
		return NUM_ARABIC;
	if (apart && l->blanks >= 2 &&
	    lines_match("^[A-H]\\.\\s+[A-Z][a-z]", l->text))
		return NUM_UPPER;
	return NUM_NONE;
}

/* The level of a heading the manifest's heading-match names, or 0. */
static int
matched_level(const struct lines *ls, const struct line *l)
{
	guint k;

	for (k = 0; k < ls->rules->heading_match->len; k++) {
		const struct pattern *p =
		    g_ptr_array_index(ls->rules->heading_match, k);

		if (g_regex_match(p->re, l->text, 0, NULL))
			return p->level;
	}
	return 0;
}

/*
 * Whether the block after a heading is the text it heads: a paragraph
 * of some length, or a quotation or verse (an epigraph); not another
 * short line, as after a letter's "Your" comes its signature.
 */
static int
heads_text(const struct lines *ls, guint next)
{
	const struct line *n;

	if (next < ls->a->len && LINE(ls, next)->role == LINE_PRE)
		return 1;	/* a table */
	if (next >= ls->a->len || LINE(ls, next)->role != LINE_PARA)
		return 0;
	n = LINE(ls, next);
	/* Lines in capitals are a title page's, not a text. */
	return !typo_is_shouting(n->text) && (line_words(n, 10) >= 10 ||
	    n->indent >= 2 || line_count(n) >= 2);
}

/*
 * Whether the block before a heading candidate lets a heading follow:
 * the text's start, a heading, or a paragraph that ends its sentence;
 * not a letter's "Your" or "your friend," before the signature.
 */
static int
after_sentence(const struct lines *ls, guint prev)
{
	const struct line *p;
	gunichar c;

	if (prev == G_MAXUINT)
		return 1;
	p = LINE(ls, prev);
	if (p->role != LINE_PARA && p->role != LINE_QUOTE)
		return 1;
	c = last_word_char(p->text);
	return c == '.' || c == '!' || c == '?' || c == 0x2026 ||
	    typo_is_shouting(p->text);
}

/*
 * A short line alone between blank lines, with text after it: "The
 * first years".  Not a quotation ("“…”"), not a lead-in (':'), not
 * sentence-like unless old books' stop ends it (heading_stop).
 */
static int
is_short_heading(const struct lines *ls, guint i)
{
	const struct line *l = LINE(ls, i);
	const struct rules *r = ls->rules;
	guint prev = lines_prev(ls, i), next = lines_next(ls, i);
	gunichar last = last_word_char(l->text);

	if (r->heading_max_words == 0 || l->indent > 0 || line_count(l) > 2 ||
	    line_words(l, r->heading_max_words) > r->heading_max_words ||
	    line_chars(l, r->heading_max_chars) > r->heading_max_chars ||
	    starts_with_any(l->text, OPENERS) ||
	    lines_match("^[A-Z]\\.\\s", l->text) ||
	    g_utf8_strchr(":,;…-—", -1, last) != NULL ||
	    (last == '.' && !heading_stop(l)) ||
	    !g_unichar_isupper(g_utf8_get_char(l->text)))
		return 0;
	/* A plain-text book sets its headings off by two blank lines. */
	if (ls->wrapped && ((l->blanks < 2 && !typo_is_shouting(l->text)) ||
	    last == '!' || last == '?' || !after_sentence(ls, prev)))
		return 0;
	if (!heads_text(ls, next))
		return 0;
	return blank_between(ls, prev, i) && blank_between(ls, i, next);
}

/*
 * A number alone on its line ("216.", "XII.") heading the short title
 * after it ("TO TOBIAS HASLINGER."), as numbered letters and sections
 * are set: one heading of the two, "216. To Tobias Haslinger".
 */
static int
numbered_title(struct lines *ls, guint i)
{
	struct line *l = LINE(ls, i), *t;
	guint next = lines_next(ls, i);
	char *title, *both;

	/*
	 * A year alone ("1819.") is a date line, not a number.  The line
	 * is spared the pattern if it opens with ASCII none of its words
	 * or numbers can: \d is a digit of any script ("١٣."), not ASCII.
	 */
	if (((guchar)l->text[0] < 0x80 &&
	    !lines_opens_with(l->text, "BCILPSVX0123456789")) ||
	    !lines_match("^((CHAPTER|Chapter|BOOK|Book|PART|Part|"
	    "LETTER|Letter|SECTION|Section)\\s+)?([IVXLC]+|\\d{1,3})\\.?$",
	    l->text) || next >= ls->a->len ||
	    (t = LINE(ls, next))->role != LINE_PARA || line_count(t) > 2 ||
	    t->indent > 0 || line_chars(t, 2 * ls->rules->heading_max_chars) >
	    2 * ls->rules->heading_max_chars ||
	    !g_unichar_isalpha(g_utf8_get_char(t->text)) ||
	    lines_match("\\d{4}\\.?$", t->text) ||
	    (!typo_is_shouting(t->text) && !line_title_cased(t->text)))
		return 0;
	title = range_heading_text(t->text);
	both = g_strdup_printf("%s%s %s", l->text,
	    g_str_has_suffix(l->text, ".") ? "" : ".", title);
	/* "CHAPTER IV." in the source's capitals, as the title is set. */
	if (typo_is_shouting(l->text)) {
		char *label = typo_title_case(l->text);

		g_free(both);
		both = g_strdup_printf("%s%s %s", label,
		    g_str_has_suffix(label, ".") ? "" : ".", title);
		g_free(label);
	}
	g_free(l->text);
	l->text = both;
	g_free(title);
	t->role = LINE_DROPPED;
	t->why = "joined to the number above as one heading";
	return 1;
}

static void
headings(struct lines *ls)
{
	const struct rules *r = ls->rules;
	struct ladder ld = { { NUM_NONE }, 0 };
	enum numbering style;
	guint i, k = 0;
	int level;

	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);

		if (k + 1 < ls->chaps->len && i >= CHAP(ls, k + 1)->first) {
			k++;
			ld.n = 0;	/* each chapter its own ladder */
		}
		if (l->role != LINE_PARA)
			continue;
		if (line_listed(&r->not_headings, l))
			continue;
		if (line_listed(&r->headings, l) ||
		    line_listed(&r->subheadings, l)) {
			l->level = line_listed(&r->headings, l) ? 2 : 3;
			line_set(ls, i, LINE_HEADING, "a heading: listed in "
			    "the manifest");
		} else if ((level = matched_level(ls, l)) > 0) {
			l->level = level;
			line_set(ls, i, LINE_HEADING, "a heading: matches "
			    "heading-match");
		} else if (is_break(l->text))
			line_set(ls, i, LINE_BREAK, "a scene break");
		else if ((style = numbering_of(ls, l)) != NUM_NONE) {
			l->level = ladder_level(&ld, style);
			line_set(ls, i, LINE_HEADING, "a heading: numbered");
		} else if (numbered_title(ls, i)) {
			l->level = 2;
			line_set(ls, i, LINE_HEADING, "a heading: a number and "
			    "the title after it");
		} else if (is_short_heading(ls, i)) {
			l->level = 2;
			line_set(ls, i, LINE_HEADING, "a heading: a short "
			    "line alone");
		}
	}
}

/* --- block quotations -------------------------------------------------- */

static void
quote(struct lines *ls, guint i, int group, const char *why)
{
	LINE(ls, i)->group = group;
	line_set(ls, i, LINE_QUOTE, why);
}

/* The manifest's ranges: each range is one quotation. */
static void
listed_quotes(struct lines *ls)
{
	guint i;
	int first = 0, last, cur = 0;

	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		int a = 0, no;

		if (l->role != LINE_PARA)
			continue;
		for (no = l->no; no <= l->last && a == 0; no++)
			if (!lineset_range(&ls->rules->quotes, no, &a, &last))
				a = 0;
		if (a == 0)
			continue;
		if (a != first) {
			first = a;
			cur = ++ls->groups;
		}
		quote(ls, i, cur, "a block quotation: listed in the manifest");
	}
}

/* Q./A. dialogue after a lead-in: one quotation of its exchanges. */
static void
dialogue(struct lines *ls, guint i)
{
	int group = ++ls->groups;

	for (; i < ls->a->len && LINE(ls, i)->role == LINE_PARA &&
	    lines_match("^[QA]\\.\\s", LINE(ls, i)->text);
	    i = lines_next(ls, i))
		quote(ls, i, group, "a block quotation: question and answer");
}

/*
 * Quotations the text shows: indented paragraphs; a quoted paragraph
 * after a lead-in ending in ':'; Q./A. dialogue; and, in a run of lines
 * attached by single newlines, a line that ends in a note marker after a
 * line that stops at ':' or ',' or in mid-sentence.
 */
static void
quote_heuristics(struct lines *ls)
{
	guint i, prev = G_MAXUINT;
	int indented_group = 0;

	for (i = lines_next(ls, G_MAXUINT); i < ls->a->len;
	    prev = i, i = lines_next(ls, i)) {
		struct line *l = LINE(ls, i), *p;
		gunichar before;

		if (l->role != LINE_PARA ||
		    line_listed(&ls->rules->not_quotes, l)) {
			indented_group = 0;
			continue;
		}
		if ((l->indent >= 4 || (l->verse && l->indent >= 2)) &&
		    !lines_match("^\\d+[.)]\\s", l->text)) {
			if (indented_group == 0)
				indented_group = ++ls->groups;
			quote(ls, i, indented_group, "a block quotation: "
			    "indented");
			continue;
		}
		indented_group = 0;
		if (prev == G_MAXUINT || (p = LINE(ls, prev))->role != LINE_PARA)
			continue;
		before = last_char(p->text);
		if (before == ':' && lines_match("^[QA]\\.\\s", l->text)) {
			dialogue(ls, i);
			continue;
		}
		if (before == ':' && starts_with_any(l->text, OPENERS) &&
		    g_utf8_strchr(CLOSERS, -1, last_before_marker(l->text)) !=
		    NULL)
			quote(ls, i, ++ls->groups, "a block quotation: quoted, "
			    "after a lead-in");
		else if (!blank_between(ls, prev, i) && ends_with_marker(l->text) &&
		    (before == ':' || before == ',' || !ends_sentence(p->text)))
			quote(ls, i, ++ls->groups, "a block quotation: set "
			    "off by single newlines");
	}
}

/* --- lists ------------------------------------------------------------- */

/* Records for the ledger an item whose number the list prints anew. */
static void
renumbered(struct lines *ls, const struct line *l, int printed)
{
	char was[16], now[16];

	if (atoi(l->text) == printed)
		return;
	g_snprintf(was, sizeof(was), "%d", atoi(l->text));
	g_snprintf(now, sizeof(now), "%d", printed);
	lines_change(ls, l->no, was, now, "a list item, numbered in order");
}

/*
 * Scraped lists: indented "1. " lines, often all numbered 1 (CommonMark
 * renumbers from the first).  A lone item amid paragraphs is a
 * paragraph that happens to start with a number.
 */
static void
lists(struct lines *ls)
{
	guint i, j;

	for (i = 0; i < ls->a->len; i = j) {
		int n = 0, group;

		j = i + 1;
		if (LINE(ls, i)->role != LINE_PARA || LINE(ls, i)->indent == 0 ||
		    !lines_match("^\\d+[.)]\\s", LINE(ls, i)->text))
			continue;
		for (j = i; j < ls->a->len && LINE(ls, j)->role == LINE_PARA &&
		    LINE(ls, j)->indent > 0 && lines_match(
		    "^\\d+[.)]\\s", LINE(ls, j)->text); j = lines_next(ls, j))
			n++;
		if (n < 2) {
			diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path,
			    LINE(ls, i)->no, 1), "a lone numbered line is kept "
			    "as a paragraph");
			continue;
		}
		group = ++ls->groups;
		for (n = atoi(LINE(ls, i)->text); i < j; i = lines_next(ls, i)) {
			renumbered(ls, LINE(ls, i), n++);
			LINE(ls, i)->group = group;
			line_set(ls, i, LINE_ITEM, "a list item");
		}
	}
}

/* --- joins ------------------------------------------------------------- */

/*
 * A paragraph broken in mid-sentence: a line attached by a single
 * newline that starts in lower case after a line that stops short.
 */
static void
joins(struct lines *ls)
{
	guint i, prev = G_MAXUINT;

	for (i = lines_next(ls, G_MAXUINT); i < ls->a->len;
	    prev = i, i = lines_next(ls, i)) {
		struct line *l = LINE(ls, i), *p;

		if (prev == G_MAXUINT)
			continue;
		p = LINE(ls, prev);
		if (line_listed(&ls->rules->join, p) &&
		    p->role == l->role) {
			l->join = 1;
			continue;
		}
		if (l->role == LINE_PARA && p->role == LINE_PARA &&
		    !blank_between(ls, prev, i) && !ends_sentence(p->text) &&
		    g_unichar_islower(g_utf8_get_char(l->text))) {
			l->join = 1;
			diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path,
			    l->no, 1), "joined to the line before: a "
			    "sentence broken across lines");
		}
	}
}

/* --- what the rules were unsure of ------------------------------------ */

/* Counts the occurrences of the character c (UTF-8) in s. */
static int
count_char(const char *s, const char *c)
{
	int n = 0;

	for (s = strstr(s, c); s != NULL; s = strstr(s + 1, c))
		n++;
	return n;
}

/* Whether a paragraph leaves a double quotation mark open. */
static int
leaves_open(const char *s)
{
	return count_char(s, "“") > count_char(s, "”") ||
	    count_char(s, "\"") % 2 == 1;
}

/* Whether a paragraph opens with a quotation mark. */
static int
opens_quoted(const char *s)
{
	return g_str_has_prefix(s, "“") || *s == '"';
}

/*
 * Whether a quotation this paragraph leaves open is closed later: as
 * English prints a quotation of several paragraphs (each opens with the
 * mark, only the last closes, or a paragraph that does not reopen it
 * closes it), in the next line of a text broken in mid-sentence, after
 * a quotation or verse that interrupts it; within twelve paragraphs.
 */
static int
closed_later(const struct lines *ls, guint i)
{
	guint next = i;
	int looked;

	for (looked = 0; looked < 12; looked++) {
		const struct line *n;

		if ((next = lines_next(ls, next)) >= ls->a->len)
			return 0;
		n = LINE(ls, next);
		if (n->role != LINE_PARA && n->role != LINE_QUOTE)
			return 0;
		if (opens_quoted(n->text) ||
		    count_char(n->text, "”") > count_char(n->text, "“"))
			return 1;
		/* A paragraph parted by a single newline goes on the line. */
		if (!blank_between(ls, i, next) && looked == 0 &&
		    !leaves_open(n->text))
			return 1;
		/* One that opens a quotation of its own is a new one. */
		if (leaves_open(n->text))
			return 0;
	}
	return 0;
}

/*
 * Reports, for `octavo check`, the lines a rule nearly took: short lines
 * alone that missed being a heading by a few words, and paragraphs that
 * open a quotation nothing closes.  Each says the manifest key that
 * settles it, and that key silences it.
 */
static void
doubts(struct lines *ls)
{
	const struct rules *r = ls->rules;
	guint i;

	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		gunichar last = last_word_char(l->text);

		if (l->role != LINE_PARA && l->role != LINE_QUOTE)
			continue;
		if (l->role == LINE_PARA && !line_listed(&r->not_headings, l) &&
		    l->indent == 0 && line_count(l) == 1 &&
		    line_words(l, r->heading_max_words + 6) <=
		    r->heading_max_words + 6 &&
		    g_unichar_isupper(g_utf8_get_char(l->text)) &&
		    g_utf8_strchr(".:,;…!?-—", -1, last) == NULL &&
		    blank_between(ls, lines_prev(ls, i), i) &&
		    blank_between(ls, i, lines_next(ls, i)) &&
		    heads_text(ls, lines_next(ls, i)))
			diag_add(ls->diags, DIAG_DOUBT, srcpos_at(ls->path,
			    l->no, 1), "a short line alone might be a heading; "
			    "say 'headings = %d' if it is, 'not-headings = %d' "
			    "if it is not", l->no, l->no);
		if (leaves_open(l->text) && !closed_later(ls, i) &&
		    !line_listed(&r->not_quotes, l))
			diag_add(ls->diags, DIAG_DOUBT, srcpos_at(ls->path,
			    l->no, 1), "a quotation opened in this paragraph "
			    "is not closed, in it or after it; check the "
			    "source, and say 'not-quotes = %d' to pass it",
			    l->no);
	}
}

void
structure_pass(struct lines *ls)
{
	headings(ls);
	listed_quotes(ls);
	quote_heuristics(ls);
	lists(ls);
	joins(ls);
	doubts(ls);
}
