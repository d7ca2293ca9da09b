/*
 * typo.c — en-US typography of running text (see typo.h for the rules):
 * one left-to-right pass over a node, deciding each quotation mark, dash,
 * run of dots and run of white space from its near neighbours.
 */
#include <string.h>

#include "normalize/typo.h"

#define NBSP		0x00A0
#define SHY		0x00AD
#define NDASH		0x2013
#define MDASH		0x2014
#define LSQUO		0x2018
#define RSQUO		0x2019
#define LDQUO		0x201C
#define RDQUO		0x201D
#define ELLIPSIS	0x2026

/* One call of typo_text: the cleaned input, the output, pending space. */
struct pass {
	struct typo	*t;
	GString		*out;
	const char	*p, *end;	/* next character to read; end */
	gboolean	 space;		/* white space read, not yet written */
	gboolean	 bound;		/* and all of it no-break spaces */
};

/*
 * ASCII, most of any text, is classed without the Unicode tables: the
 * answers are GLib's, whose white space in ASCII is these five.
 */
static gboolean
is_space(gunichar c)
{
	if (c < 0x80)
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f';
	return g_unichar_isspace(c);
}

/* Letters, digits and combining marks: what a word is made of. */
static gboolean
is_word(gunichar c)
{
	if (c < 0x80)
		return g_ascii_isalnum(c);
	return g_unichar_isalnum(c) || g_unichar_ismark(c);
}

static gboolean
is_digit(gunichar c)
{
	return c < 0x80 && g_ascii_isdigit(c);
}

/* Characters after which a quotation mark opens. */
static gboolean
is_opener(gunichar c)
{
	switch (c) {
	case '(': case '[': case '{': case LSQUO: case LDQUO:
	case 0x00AB: case 0x2039: case 0x201A: case 0x201E:
		return TRUE;
	default:
		return FALSE;
	}
}

static gboolean
is_dash(gunichar c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2015);
}

/* Punctuation that ends a word: before it, a quotation mark closes. */
static gboolean
is_closer(gunichar c)
{
	switch (c) {
	case ',': case ';': case ':': case '.': case '!': case '?':
	case ')': case ']': case '}': case ELLIPSIS:
	case RDQUO: case 0x00BB: case 0x203A:
		return TRUE;
	default:
		return FALSE;
	}
}

/*
 * Characters deleted outright: a line-break hint or a stray mark.  The
 * joiners (U+200C, U+200D, U+2060) stay: they bind what the source
 * binds, and they spell words in some scripts.
 */
static gboolean
is_invisible(gunichar c)
{
	return c == 0x200B || c == 0xFEFF || c == SHY;
}

/* The no-break spaces: a source that binds two words with one means it. */
static gboolean
is_nbsp(gunichar c)
{
	return c == NBSP || c == 0x202F || c == 0x2007;
}

/* The character at q, which is before the end of the node. */
static gunichar
char_at(const char *q)
{
	return (guchar)*q < 0x80 ? (guchar)*q : g_utf8_get_char(q);
}

/* The character at q, or 0 at the end of the node. */
static gunichar
peek(const struct pass *x, const char *q)
{
	return q < x->end ? char_at(q) : 0;
}

static const char *
skip_space(const struct pass *x, const char *q)
{
	while (is_space(peek(x, q)))
		q = g_utf8_next_char(q);
	return q;
}

/*
 * Appends the n bytes at s: where they fit, as GString's inline path
 * appends a byte, not through its general (and far costlier) insert.
 */
static void
put_bytes(struct pass *x, const char *s, gsize n)
{
	GString *o = x->out;

	if (o->len + n >= o->allocated_len) {
		g_string_append_len(o, s, (gssize)n);
		return;
	}
	memcpy(o->str + o->len, s, n);
	o->len += n;
	o->str[o->len] = '\0';
}

/* Appends c; ASCII, most of any text, through GString's inline path. */
static void
put(struct pass *x, gunichar c)
{
	if (c < 0x80)
		g_string_append_c(x->out, (char)c);
	else
		g_string_append_unichar(x->out, c);
	x->t->prev = c;
}

/*
 * Writes the pending white space as one space, unless a space precedes:
 * a no-break space if the source had only no-break spaces there.
 */
static void
flush(struct pass *x)
{
	if (x->space && x->t->prev != 0 && !is_space(x->t->prev))
		put(x, x->bound ? NBSP : ' ');
	x->space = FALSE;
}

/* Reads a run of white space, noting whether it binds. */
static void
read_space(struct pass *x)
{
	gboolean only_nbsp = !x->space || x->bound;

	while (is_space(peek(x, x->p))) {
		only_nbsp = only_nbsp && is_nbsp(peek(x, x->p));
		x->p = g_utf8_next_char(x->p);
	}
	x->space = TRUE;
	x->bound = only_nbsp;
}

/* Whether a quotation mark at the read position may open. */
static gboolean
opens_here(const struct pass *x)
{
	gunichar prev = x->t->prev;

	return x->space || prev == 0 || is_space(prev) || is_opener(prev) ||
	    is_dash(prev);
}

/*
 * Whether what follows an opening-context ' makes it an elision's
 * apostrophe: two digits ('30s, '36) or one of a few clipped words.
 */
static gboolean
is_elision(const struct pass *x, const char *q)
{
	static const char *const words[] = {
		"em", "n", "tis", "Tis", "twas", "Twas", "twere", "Twere",
		"twould", "Twould", "twill", "Twill", "til", "Til"
	};
	size_t i, n;

	if (x->end - q >= 2 && g_ascii_isdigit(q[0]) && g_ascii_isdigit(q[1]))
		return !is_digit(peek(x, q + 2));
	for (i = 0; i < G_N_ELEMENTS(words); i++) {
		n = strlen(words[i]);
		if ((size_t)(x->end - q) >= n && strncmp(q, words[i], n) == 0 &&
		    !is_word(peek(x, q + n)))
			return TRUE;
	}
	return FALSE;
}

/*
 * Whether white space or closing punctuation follows the character at q;
 * the end of the node does not count, as the next node may go on.
 */
static gboolean
break_follows(const struct pass *x, const char *q)
{
	gunichar next = peek(x, g_utf8_next_char(q));

	return next != 0 && (is_space(next) || is_closer(next));
}

/* Writes the curly form of the straight quotation mark c. */
static void
straight_quote(struct pass *x, gunichar c)
{
	const char *after = x->p + 1;
	gboolean opening;

	if (c == '\'' && !x->space && is_word(x->t->prev))
		opening = FALSE;
	else
		opening = opens_here(x) && !break_follows(x, x->p) &&
		    !(c == '\'' && is_elision(x, after));
	flush(x);
	if (c == '"')
		put(x, opening ? LDQUO : RDQUO);
	else
		put(x, opening ? LSQUO : RSQUO);
	x->p = after;
}

/* Whether the character at q closes what comes before it. */
static gboolean
closes_here(const struct pass *x, const char *q)
{
	gunichar c = peek(x, q);

	if (c == '"' || c == '\'')
		return peek(x, q + 1) == 0 || break_follows(x, q);
	if (c == RSQUO)
		return !is_word(peek(x, g_utf8_next_char(q)));
	return is_closer(c) && c != ELLIPSIS;
}

/*
 * Returns the curly quotation mark c, turned where its direction is
 * certainly wrong: ‘ “ glued to a word and followed by a break close;
 * ” after white space or an opening mark and followed by a word opens.
 * ’ is never turned.
 */
static gunichar
curly_quote(const struct pass *x, gunichar c)
{
	const char *q = g_utf8_next_char(x->p);
	gunichar next = peek(x, q);

	if ((c == LSQUO || c == LDQUO) && !x->space && is_word(x->t->prev) &&
	    (next == 0 || is_space(next) || is_closer(next) ||
	    ((next == '"' || next == '\'') && closes_here(x, q))))
		return c == LSQUO ? RSQUO : RDQUO;
	if (c == RDQUO && is_word(next) && (x->space || x->t->prev == 0 ||
	    is_space(x->t->prev) || is_opener(x->t->prev)))
		return LDQUO;
	return c;
}

/*
 * At a '.' or '…': if a run of three or more dots starts here ("...",
 * ". . .", "….", "… ."; white space is taken into the run only before a
 * '.'), writes it as an ellipsis, spaced as typo.h says, and returns
 * TRUE; else returns FALSE.
 */
static gboolean
ellipsis(struct pass *x)
{
	const char *q = x->p, *s;
	gunichar c, left = x->t->prev;
	gboolean glued;
	int dots = 0;

	for (;;) {
		c = peek(x, q);
		if (c == '.')
			dots++;
		else if (c == ELLIPSIS)
			dots += 3;
		else
			break;
		q = g_utf8_next_char(q);
		s = skip_space(x, q);
		if (s != q && peek(x, s) == '.')
			q = s;
	}
	if (dots < 3)
		return FALSE;
	glued = !x->space && left != 0 && !is_space(left) && !is_opener(left);
	s = skip_space(x, q);
	/*
	 * An ellipsis that trails a word is glued to it, never to begin a
	 * line: "leaders ... and" → "leaders… and".  One that leads into
	 * the word after it ("of …approaching") keeps the space before.
	 */
	if (left == 0 || is_opener(left))
		x->space = FALSE;
	else if ((is_word(left) || left == RDQUO || left == RSQUO ||
	    left == ')' || left == ']') && !(s == q && is_word(peek(x, q)))) {
		x->space = FALSE;
		glued = TRUE;
	}
	flush(x);
	put(x, ELLIPSIS);
	if (dots > 3 && (is_word(left) || left == RDQUO || left == RSQUO ||
	    left == ')' || left == ']'))
		put(x, '.');
	if (closes_here(x, s))
		q = s;
	else if (s == q && glued && (is_word(peek(x, s)) ||
	    is_opener(peek(x, s))))
		x->space = TRUE;
	x->p = q;
	return TRUE;
}

/*
 * Whether the hyphen ending at q, glued between two numbers, is one link
 * of a chain of three or more (a date, a phone or ISBN number) rather
 * than a range.  Looks back over the output, forward over the input; a
 * group of digits is scanned at most once from each side, so a long
 * chain stays linear.
 */
static gboolean
in_chain(const struct pass *x, const char *q)
{
	const char *s = x->out->str;
	gsize i = x->out->len;
	gunichar c;

	while (i > 0 && g_ascii_isdigit(s[i - 1]))
		i--;
	if (i >= 2 && s[i - 1] == '-' && g_ascii_isdigit(s[i - 2]))
		return TRUE;
	if (i >= 4 && memcmp(s + i - 3, "\xe2\x80\x93", 3) == 0 &&
	    g_ascii_isdigit(s[i - 4]))
		return TRUE;
	while (q < x->end && g_ascii_isdigit(*q))
		q++;
	c = peek(x, q);
	return (c == '-' || c == NDASH) &&
	    is_digit(peek(x, g_utf8_next_char(q)));
}

/* Whether the len bytes at s are the name of a month. */
static gboolean
is_month(const char *s, gsize len)
{
	static const char *const months[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };
	size_t k;

	for (k = 0; k < G_N_ELEMENTS(months); k++)
		if (strlen(months[k]) == len && strncmp(s, months[k], len) == 0)
			return TRUE;
	return FALSE;
}

/*
 * Whether the hyphen ending at q joins two months or two dates, a range
 * that takes an en dash ("January-March 1980", "May 26-June 10"): the
 * output ends with a month, or a month and a day, and the input goes on
 * with another month.
 */
static gboolean
month_range(const struct pass *x, const char *q)
{
	const char *s = x->out->str;
	gsize i = x->out->len, j = 0, day = i;

	while (i > 0 && g_ascii_isdigit(s[i - 1]))
		i--;
	if (i < day && day - i <= 2 && i > 0 && s[i - 1] == ' ')
		day = --i;
	while (i > 0 && g_ascii_isalpha(s[i - 1]))
		i--;
	if (!is_month(s + i, day - i) ||
	    (i > 0 && is_word(g_utf8_get_char(g_utf8_prev_char(s + i)))))
		return FALSE;
	while (q + j < x->end && g_ascii_isalpha(q[j]))
		j++;
	return is_month(q, j) && !is_word(peek(x, q + j));
}

/*
 * At a run of hyphens and dashes, white space between them included:
 * writes the dash it stands for.
 */
static void
dash(struct pass *x)
{
	const char *q = x->p, *s;
	gunichar c, left = x->t->prev, right;
	gboolean after, sides, gaps = FALSE;
	int hy = 0, en = 0, em = 0;

	for (;;) {
		c = peek(x, q);
		if (c == '-' || c == NDASH || c == MDASH) {
			hy += c == '-';
			en += c == NDASH;
			em += c == MDASH;
			q = g_utf8_next_char(q);
			continue;
		}
		s = skip_space(x, q);
		if (s == q || (c = peek(x, s)) == 0 ||
		    (c != '-' && c != NDASH && c != MDASH))
			break;
		gaps = TRUE;
		q = s;
	}
	s = skip_space(x, q);
	right = peek(x, s);
	after = s != q;
	sides = left != 0 && !is_space(left) && right != 0;

	if (is_digit(left) && is_digit(right) && em == 0 &&
	    x->space == after) {
		/* A range, unless one link of a chain of numbers. */
		if (!after && hy == 1 && en == 0 && in_chain(x, q)) {
			put(x, '-');
			x->p = q;
			return;
		}
		x->space = FALSE;
		put(x, NDASH);
		x->p = s;
		return;
	}
	if (em >= 2 && hy + en == 0 && !gaps) {
		/* A 2-em or 3-em dash, as written. */
		flush(x);
		for (; x->p < q; x->p = g_utf8_next_char(x->p))
			put(x, MDASH);
		return;
	}
	/*
	 * A single hyphen or en dash is a dash when spaced on both sides, or
	 * glued to closing punctuation and spaced after ("October’- a"): a
	 * suspended hyphen ("pre- and post-war") follows a letter.
	 */
	if (hy + en + em >= 2 || em == 1 || (sides && after &&
	    (x->space || is_closer(left) || left == RSQUO))) {
		if (sides) {
			x->space = FALSE;
			x->p = s;
		} else {
			flush(x);
			x->p = q;
		}
		put(x, MDASH);
		return;
	}
	/* A hyphen or en dash glued to a word on one side at least. */
	flush(x);
	put(x, hy == 1 && !after && month_range(x, q) ? NDASH :
	    g_utf8_get_char(x->p));
	x->p = q;
}

/*
 * Whether the output ends with one of the abbreviations that a number
 * follows (p. pp. No. vol. …), standing as a word of its own.
 */
static gboolean
after_abbreviation(const struct pass *x)
{
	static const char *const abbrevs[] = {
		"p", "pp", "No", "no", "Nos", "nos", "Vol", "vol", "Vols",
		"vols"
	};
	const char *s = x->out->str;
	gsize end = x->out->len, i;
	size_t k;

	if (end == 0 || s[end - 1] != '.')
		return FALSE;
	end--;
	for (i = end; i > 0 && end - i < 5 && g_ascii_isalpha(s[i - 1]); i--)
		continue;
	if (i > 0 && is_word(g_utf8_get_char(g_utf8_prev_char(s + i))))
		return FALSE;
	for (k = 0; k < G_N_ELEMENTS(abbrevs); k++)
		if (strlen(abbrevs[k]) == end - i &&
		    strncmp(s + i, abbrevs[k], end - i) == 0)
			return TRUE;
	return FALSE;
}

/*
 * Whether c, read after white space, is punctuation that ends a clause
 * (followed by white space or a closing mark), so the space goes:
 * "Paris , a".  Not ".NET", not ":)".
 */
static gboolean
ends_clause(const struct pass *x, gunichar c)
{
	gunichar next = peek(x, g_utf8_next_char(x->p));

	switch (c) {
	case ',': case ';': case ':': case '.': case '?': case '!':
		break;
	default:
		return FALSE;
	}
	return next == 0 || is_space(next) || next == RDQUO ||
	    next == RSQUO || next == '"' || next == '\'';
}

/*
 * Copies in to a new string with invalid UTF-8 replaced by U+FFFD, and
 * NULs and invisible characters deleted, so the pass reads clean text.
 */
static GString *
clean(const char *in, gssize len)
{
	const char *p = in, *end = in + (len < 0 ? (gssize)strlen(in) : len);
	const char *run;
	GString *s = g_string_sized_new(end - p);
	gunichar c;

	while (p < end) {
		/* A run of ASCII but NUL, most of any text, in one copy. */
		for (run = p; p < end && (guchar)(*p - 1) < 0x7f; p++)
			continue;
		if (p > run)
			g_string_append_len(s, run, p - run);
		if (p == end)
			break;
		if (*p == '\0') {
			p++;
			continue;
		}
		c = g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			g_string_append_unichar(s, 0xFFFD);
			p++;
			continue;
		}
		if (!is_invisible(c))
			g_string_append_unichar(s, c);
		p = g_utf8_next_char(p);
	}
	return s;
}

void
typo_init(struct typo *t)
{
	t->prev = 0;
}

char *
typo_text(struct typo *t, const char *in, gssize len)
{
	GString *src = clean(in, len);
	struct pass x;
	gunichar c;

	x.t = t;
	x.out = g_string_sized_new(src->len + 16);
	x.p = src->str;
	x.end = src->str + src->len;
	x.space = FALSE;
	x.bound = FALSE;
	while (x.p < x.end) {
		c = char_at(x.p);
		if (is_space(c)) {
			read_space(&x);
			continue;
		}
		switch (c) {
		case '-': case NDASH: case MDASH:
			dash(&x);
			continue;
		case '"': case '\'':
			straight_quote(&x, c);
			continue;
		case LSQUO: case LDQUO: case RDQUO:
			c = curly_quote(&x, c);
			break;
		case '.': case ELLIPSIS:
			if (ellipsis(&x))
				continue;
			break;
		default:
			break;
		}
		if (is_digit(c) && (x.space || t->prev == '.') &&
		    after_abbreviation(&x)) {
			x.space = FALSE;
			put(&x, NBSP);
		} else if (x.space && ends_clause(&x, c))
			x.space = FALSE;
		flush(&x);
		put(&x, c);
		x.p = g_utf8_next_char(x.p);
		/*
		 * The rest of an ASCII word or number: nothing in it is to be
		 * decided (no space is pending, no '.' precedes a digit).
		 */
		if (c < 0x80 && g_ascii_isalnum(c)) {
			const char *q = x.p;

			while (q < x.end && g_ascii_isalnum(*q))
				q++;
			if (q > x.p) {
				put_bytes(&x, x.p, (gsize)(q - x.p));
				t->prev = (guchar)q[-1];
				x.p = q;
			}
		}
	}
	flush(&x);
	g_string_free(src, TRUE);
	return g_string_free(x.out, FALSE);
}

char *
typo_paragraph(const char *in, gssize len)
{
	struct typo t;
	char *s;

	typo_init(&t);
	s = typo_text(&t, in, len);
	g_strchomp(s);
	/* A no-break space the source ended the paragraph with binds nothing. */
	while (g_str_has_suffix(s, "\xc2\xa0")) {
		s[strlen(s) - 2] = '\0';
		g_strchomp(s);
	}
	return s;
}

/* The fault found by typo_lint at offset off, reported through at. */
static const char *
fault(const char *name, gsize off, gsize *at)
{
	if (at != NULL)
		*at = off;
	return name;
}

const char *
typo_lint(const char *s, gssize len, gsize *at)
{
	static const struct {
		const char	*text;
		const char	*name;
	} faults[] = {
		{ "\"", "straight double quote" },
		{ "'", "straight single quote" },
		{ "--", "double hyphen" },
		{ "...", "three periods" },
		{ ". . .", "spaced periods" },
		{ " - ", "spaced hyphen" },
		{ " \xe2\x80\x93 ", "spaced en dash" },
		{ "  ", "double space" },
	};
	const char *end, *p, *bad;
	gunichar c;
	size_t k, n;

	if (len < 0)
		len = strlen(s);
	end = s + len;
	if (!g_utf8_validate(s, len, &bad))
		return fault("invalid UTF-8", bad - s, at);
	if (len > 0 && s[0] == ' ')
		return fault("leading space", 0, at);
	if (len > 0 && end[-1] == ' ')
		return fault("trailing space", len - 1, at);
	for (p = s; p < end; p = g_utf8_next_char(p)) {
		for (k = 0; k < G_N_ELEMENTS(faults); k++) {
			n = strlen(faults[k].text);
			if ((size_t)(end - p) >= n &&
			    memcmp(p, faults[k].text, n) == 0)
				return fault(faults[k].name, p - s, at);
		}
		c = g_utf8_get_char(p);
		if (c == 0 || is_invisible(c))
			return fault("invisible character", p - s, at);
	}
	return NULL;
}

/*
 * Reads only as far as the answer is open: a paragraph's first tenth or
 * so of lower case, more than its capitals could make up for in the
 * bytes left, says no.
 */
int
typo_is_shouting(const char *s)
{
	const char *end = s + strlen(s);
	int upper = 0, lower = 0;

	for (; *s != '\0'; s = g_utf8_next_char(s)) {
		gunichar c = char_at(s);

		if ((gsize)lower * 10 > (gsize)upper + (gsize)(end - s))
			return 0;
		if (c < 0x80) {
			upper += g_ascii_isupper(c) != 0;
			lower += g_ascii_islower(c) != 0;
		} else {
			upper += g_unichar_isupper(c);
			lower += g_unichar_islower(c);
		}
	}
	return upper >= 4 && lower * 10 <= upper;
}

/* Words a title leaves in lower case after its first word. */
static int
small_word(const char *w, gsize len)
{
	static const char *const small[] = {
		"a", "an", "the", "and", "but", "or", "nor", "for", "of",
		"in", "on", "at", "to", "by", "with", "from", "as", "into",
		"upon", "van", "von", "de", "du", "des", "del", "der", "la",
		"le", "les", "di", "da", NULL
	};
	size_t i;

	for (i = 0; small[i] != NULL; i++)
		if (strlen(small[i]) == len &&
		    g_ascii_strncasecmp(w, small[i], len) == 0)
			return 1;
	return 0;
}

/* Whether the word (ASCII letters) is a roman numeral: IV, XII, MCM. */
static int
roman(const char *w, gsize len)
{
	static GRegex *re;
	static gsize once;
	char *word;
	int yes;

	if (g_once_init_enter(&once)) {
		re = g_regex_new("^(?=[MDCLXVI])M{0,3}(CM|CD|D?C{0,3})"
		    "(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$", 0, 0, NULL);
		g_once_init_leave(&once, 1);
	}
	word = g_strndup(w, len);
	yes = g_regex_match(re, word, 0, NULL);
	g_free(word);
	return yes;
}

char *
typo_title_case(const char *s)
{
	GString *out = g_string_new(NULL);
	const char *p = s;
	int first = 1;

	while (*p != '\0') {
		const char *w = p, *q;
		gsize len;

		/* A word: letters, with apostrophes and hyphens inside. */
		while (*p != '\0' && !g_unichar_isalpha(g_utf8_get_char(p))) {
			/* After a colon, a stop or a dash, a title starts anew. */
			if (*p == ':' || *p == '.' || g_utf8_get_char(p) == 0x2014)
				first = 1;
			p = g_utf8_next_char(p);
		}
		g_string_append_len(out, w, p - w);
		if (*p == '\0')
			break;
		for (q = p; *q != '\0'; q = g_utf8_next_char(q)) {
			gunichar c = g_utf8_get_char(q);

			if (!g_unichar_isalpha(c) && c != '\'' && c != 0x2019)
				break;
		}
		len = (gsize)(q - p);
		/* A numeral, or a letter that numbers ("Appendix A."). */
		if (roman(p, len) || (len == 1 && (*q == '.' || *q == '\0')))
			g_string_append_len(out, p, (gssize)len);
		else {
			char *down = g_utf8_strdown(p, (gssize)len);
			gunichar c = g_utf8_get_char(down);

			if (first || !small_word(p, len))
				g_string_append_unichar(out,
				    g_unichar_toupper(c));
			else
				g_string_append_unichar(out, c);
			g_string_append(out, g_utf8_next_char(down));
			g_free(down);
		}
		first = 0;
		p = q;
	}
	return g_string_free(out, FALSE);
}
