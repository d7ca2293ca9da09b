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
#include <string.h>

#include "normalize/lines.h"

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

/* Did a blank line (or the edge of the text) part lines i and j? */
static int
blank_between(const struct lines *ls, guint i, guint j)
{
	return i == G_MAXUINT || j >= ls->a->len ||
	    LINE(ls, j)->no - LINE(ls, i)->no > 1;
}

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
	return g_regex_match_simple("^([*•·~#]\\s*){3,}$|^[*•·]$", s, 0, 0);
}

/* A numbered section heading: "II. Title" (2) or "b. Title" (3). */
static int
numbered_level(const struct lines *ls, const struct line *l)
{
	guint k;

	for (k = 0; k < ls->rules->heading_match->len; k++) {
		const struct pattern *p =
		    g_ptr_array_index(ls->rules->heading_match, k);

		if (g_regex_match(p->re, l->text, 0, NULL))
			return p->level;
	}
	if (line_chars(l) > 2 * ls->rules->heading_max_chars ||
	    g_str_has_suffix(l->text, "."))
		return 0;
	if (g_regex_match_simple("^[IVX]{1,5}\\.\\s+\\S", l->text, 0, 0))
		return 2;
	if (g_regex_match_simple("^[a-h]\\.\\s+[A-Z]", l->text, 0, 0))
		return 3;
	return 0;
}

/*
 * A short unpunctuated line alone between blank lines, with text after
 * it: "The first years".  Not a quotation ("“…”"), not a lead-in (':').
 */
static int
is_short_heading(const struct lines *ls, guint i)
{
	const struct line *l = LINE(ls, i);
	const struct rules *r = ls->rules;
	guint prev = lines_prev(ls, i), next = lines_next(ls, i);
	gunichar last = last_char(l->text);

	if (r->heading_max_words == 0 || l->indent > 0 ||
	    line_words(l, r->heading_max_words) > r->heading_max_words ||
	    line_chars(l) > r->heading_max_chars ||
	    starts_with_any(l->text, OPENERS) ||
	    g_regex_match_simple("^[A-Z]\\.\\s", l->text, 0, 0) ||
	    g_utf8_strchr(".:,;…", -1, last) != NULL ||
	    !g_unichar_isupper(g_utf8_get_char(l->text)))
		return 0;
	if (next >= ls->a->len || LINE(ls, next)->role != LINE_PARA)
		return 0;
	return blank_between(ls, prev, i) && blank_between(ls, i, next);
}

static void
headings(struct lines *ls)
{
	const struct rules *r = ls->rules;
	guint i;
	int level;

	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);

		if (l->role != LINE_PARA)
			continue;
		if (lineset_has(&r->not_headings, l->no))
			continue;
		if (lineset_has(&r->headings, l->no) ||
		    lineset_has(&r->subheadings, l->no)) {
			l->level = lineset_has(&r->headings, l->no) ? 2 : 3;
			line_set(ls, i, LINE_HEADING, "a heading: listed in "
			    "the manifest");
		} else if (is_break(l->text))
			line_set(ls, i, LINE_BREAK, "a scene break");
		else if ((level = numbered_level(ls, l)) > 0) {
			l->level = level;
			line_set(ls, i, LINE_HEADING, "a heading: numbered");
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
		int a;

		if (l->role != LINE_PARA ||
		    !lineset_range(&ls->rules->quotes, l->no, &a, &last))
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
	    g_regex_match_simple("^[QA]\\.\\s", LINE(ls, i)->text, 0, 0);
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
		    lineset_has(&ls->rules->not_quotes, l->no)) {
			indented_group = 0;
			continue;
		}
		if (l->indent >= 4 && !g_regex_match_simple("^\\d+[.)]\\s",
		    l->text, 0, 0)) {
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
		if (before == ':' && g_regex_match_simple("^[QA]\\.\\s",
		    l->text, 0, 0)) {
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
		    !g_regex_match_simple("^\\d+[.)]\\s", LINE(ls, i)->text, 0, 0))
			continue;
		for (j = i; j < ls->a->len && LINE(ls, j)->role == LINE_PARA &&
		    LINE(ls, j)->indent > 0 && g_regex_match_simple(
		    "^\\d+[.)]\\s", LINE(ls, j)->text, 0, 0); j = lines_next(ls, j))
			n++;
		if (n < 2) {
			diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path,
			    LINE(ls, i)->no, 1), "a lone numbered line is kept "
			    "as a paragraph");
			continue;
		}
		group = ++ls->groups;
		for (; i < j; i = lines_next(ls, i)) {
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
		if (lineset_has(&ls->rules->join, p->no) &&
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

/*
 * Reports, for `octavo check`, the lines a rule nearly took: short lines
 * alone that missed being a heading by a few words, and paragraphs that
 * open a quotation they never close.  The manifest settles the first
 * (headings, not-headings); the second is for the editor's eye.
 */
static void
doubts(struct lines *ls)
{
	const struct rules *r = ls->rules;
	guint i;

	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		gunichar last = last_char(l->text);

		if (l->role != LINE_PARA && l->role != LINE_QUOTE)
			continue;
		if (l->role == LINE_PARA && !lineset_has(&r->not_headings, l->no) &&
		    line_words(l, r->heading_max_words + 6) <=
		    r->heading_max_words + 6 &&
		    g_unichar_isupper(g_utf8_get_char(l->text)) &&
		    g_utf8_strchr(".:,;…", -1, last) == NULL &&
		    blank_between(ls, lines_prev(ls, i), i) &&
		    blank_between(ls, i, lines_next(ls, i)))
			diag_add(ls->diags, DIAG_DOUBT, srcpos_at(ls->path,
			    l->no, 1), "a short line alone might be a heading; "
			    "list it in 'headings' or 'not-headings'");
		if (count_char(l->text, "“") > count_char(l->text, "”") ||
		    count_char(l->text, "\"") % 2 == 1)
			diag_add(ls->diags, DIAG_DOUBT, srcpos_at(ls->path,
			    l->no, 1), "a quotation opened in this paragraph "
			    "is not closed in it");
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
