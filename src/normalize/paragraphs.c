/*
 * paragraphs.c — the paragraphs of a source, whatever its shape.
 *
 * A scrape has one paragraph per line.  A plain-text book (Project
 * Gutenberg's, say) wraps its paragraphs at about seventy columns and
 * parts them by blank lines.  This pass tells the two apart (or reads
 * the manifest's paragraphs = line | blank), and in the second shape
 * makes each run of lines between blank lines one block: its text the
 * lines joined, a hyphen at a line's end kept where the word is a
 * hyphenated one, and its source lines kept for what must stay line by
 * line (verse, an address, a letter's closing).
 */
#include <string.h>

#include "normalize/lines.h"
#include "read/hyphen.h"

/* A line this long is a paragraph of its own: a scrape's. */
#define LONG_LINE	100
/* Wrapped text: lines about this long at least, and this many wrapped. */
#define MIN_WIDTH	40
#define MIN_WRAPPED	4

/*
 * Words of the source, to decide a hyphen at a line's end: how often
 * each word stands solid ("today"), how often hyphenated ("to-day").
 */
struct wordstats {
	GHashTable	*solid;		/* lower-case word → count */
	GHashTable	*hyphenated;	/* "to-day" → count */
	struct hyphen	*dict;		/* the language's patterns, or NULL */
};

static void
count(GHashTable *t, const char *w, gsize len)
{
	char *k = g_utf8_strdown(w, (gssize)len);
	gpointer v = g_hash_table_lookup(t, k);

	g_hash_table_replace(t, k, GINT_TO_POINTER(GPOINTER_TO_INT(v) + 1));
}

static int
lookup(GHashTable *t, const char *w, gsize len)
{
	char *k = g_utf8_strdown(w, (gssize)len);
	int n = GPOINTER_TO_INT(g_hash_table_lookup(t, k));

	g_free(k);
	return n;
}

static int
is_letter(const char *p)
{
	return *p != '\0' && g_unichar_isalpha(g_utf8_get_char(p));
}

/* Counts the words of one line: letters, with hyphens between them. */
static void
count_words(struct wordstats *ws, const char *s)
{
	const char *p = s;

	while (*p != '\0') {
		const char *w, *part;

		if (!is_letter(p)) {
			p = g_utf8_next_char(p);
			continue;
		}
		w = part = p;
		for (;;) {
			while (is_letter(p))
				p = g_utf8_next_char(p);
			count(ws->solid, part, (gsize)(p - part));
			if (*p != '-' || !is_letter(p + 1))
				break;
			part = ++p;
		}
		if (part != w)
			count(ws->hyphenated, w, (gsize)(p - w));
	}
}

static void
wordstats_init(struct wordstats *ws, const struct lines *ls)
{
	char *path;
	guint i;

	ws->solid = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	ws->hyphenated = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);
	for (i = 0; i < ls->a->len; i++)
		if (LINE(ls, i)->role != LINE_DROPPED)
			count_words(ws, LINE(ls, i)->text);
	path = hyphen_patterns(ls->language, NULL);
	ws->dict = hyphen_load(path);
	g_free(path);
}

static void
wordstats_release(struct wordstats *ws)
{
	g_hash_table_destroy(ws->solid);
	g_hash_table_destroy(ws->hyphenated);
	hyphen_free(ws->dict);
}

/*
 * Whether the hyphenation patterns would break "ab" between a and b, as
 * a compositor breaks a word at a line's end.  Only for words of ASCII
 * letters, which the patterns know.
 */
static int
breakable(const struct wordstats *ws, const char *a, gsize alen,
    const char *b, gsize blen)
{
	char *w = g_strdup_printf("%.*s%.*s", (int)alen, a, (int)blen, b);
	guint8 *at;
	gsize i;
	int yes = 1;

	for (i = 0; w[i] != '\0' && yes; i++) {
		yes = g_ascii_isalpha(w[i]);
		w[i] = g_ascii_tolower(w[i]);
	}
	if (yes) {
		at = hyphen_points(ws->dict, w, alen + blen, 2, 2);
		yes = at[alen];
		g_free(at);
	}
	g_free(w);
	return yes;
}

/*
 * Whether the hyphen of "a-" at a line's end, before "b" on the next,
 * stays: the text's own usage decides ("to-day" or "today" elsewhere);
 * without it, a hyphen between two words the text uses alone is a
 * compound's ("guild-master"), and one between two pieces it never
 * uses alone is a break's ("consti-tution").  With no evidence either
 * way, the language's hyphenation patterns say whether a compositor
 * would have broken the word there (then the hyphen goes); else it
 * stays: no letter is lost, and -v says so.
 */
static int
keep_hyphen(const struct wordstats *ws, const char *a, gsize alen,
    const char *b, gsize blen, const char **why)
{
	char *joined = g_strndup(a, alen), *hy;
	int solid, hyph, as, bs;

	hy = g_strdup_printf("%s-%.*s", joined, (int)blen, b);
	g_free(joined);
	joined = g_strdup_printf("%.*s%.*s", (int)alen, a, (int)blen, b);
	solid = lookup(ws->solid, joined, strlen(joined));
	hyph = lookup(ws->hyphenated, hy, strlen(hy));
	g_free(joined);
	g_free(hy);
	as = lookup(ws->solid, a, alen);
	bs = lookup(ws->solid, b, blen);
	if (hyph != solid) {
		*why = hyph > solid ? "the text hyphenates it elsewhere" :
		    "the text writes it solid elsewhere";
		return hyph > solid;
	}
	if (as > 1 && bs > 1) {
		*why = "both parts are words of the text";
		return 1;
	}
	if (as <= 1 && bs <= 1 && g_unichar_islower(g_utf8_get_char(b))) {
		*why = "neither part is a word of the text";
		return 0;
	}
	if (ws->dict != NULL && (as <= 1 || bs <= 1) &&
	    g_unichar_islower(g_utf8_get_char(b)) &&
	    breakable(ws, a, alen, b, blen)) {
		*why = "the hyphenation patterns break the word there";
		return 0;
	}
	*why = "no evidence either way; the hyphen stays";
	return 1;
}

/*
 * Joins next to the block's text so far: with a space, or with nothing
 * after a hyphen at the line's end that joins a word broken in two.
 */
static void
join_line(struct lines *ls, const struct wordstats *ws, GString *s,
    const char *next, int no)
{
	const char *end = s->str + s->len, *a = end - 1, *b = next;
	const char *why;
	gsize blen;

	if (s->len < 2 || *a != '-' || !is_letter(g_utf8_prev_char(a)) ||
	    !is_letter(next)) {
		g_string_append_c(s, ' ');
		g_string_append(s, next);
		return;
	}
	while (a > s->str && is_letter(g_utf8_prev_char(a)))
		a = g_utf8_prev_char(a);
	while (is_letter(b))
		b = g_utf8_next_char(b);
	blen = (gsize)(b - next);
	if (keep_hyphen(ws, a, (gsize)(end - 1 - a), next, blen, &why)) {
		diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, no - 1, 1),
		    "a hyphen at the line's end kept: %.*s%.*s (%s)",
		    (int)(end - a), a, (int)blen, next, why);
	} else {
		char *removed = g_strdup_printf("%.*s %.*s", (int)(end - 1 - a),
		    a, (int)blen, next);
		char *added = g_strdup_printf("%.*s%.*s", (int)(end - 1 - a),
		    a, (int)blen, next);

		diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, no - 1, 1),
		    "a hyphen at the line's end taken out: %s (%s)", added,
		    why);
		lines_change(ls, no - 1, removed, added, "a word broken at a "
		    "line's end joined");
		g_free(removed);
		g_free(added);
		g_string_truncate(s, s->len - 1);
	}
	g_string_append(s, next);
}

static gint
by_int(gconstpointer a, gconstpointer b)
{
	return *(const int *)a - *(const int *)b;
}

/*
 * Finds the shape: lines of more than LONG_LINE characters are a
 * scrape's paragraphs; many lines followed by another line of text,
 * with no blank line between, are a wrapped text's.  Sets ls->width to
 * the wrapping width: the length nine lines in ten of those followed by
 * another do not pass.
 */
static enum paragraphs
find_shape(struct lines *ls)
{
	GArray *lens = g_array_new(FALSE, FALSE, sizeof(int));
	guint i, text = 0, longer = 0;

	for (i = 0; i < ls->a->len; i++) {
		const struct line *l = LINE(ls, i);
		int len;

		if (l->role == LINE_BLANK || l->role == LINE_DROPPED)
			continue;
		len = (int)line_chars(l, G_MAXLONG) + l->indent;
		text++;
		longer += len > LONG_LINE;
		if (i + 1 < ls->a->len && LINE(ls, i + 1)->role != LINE_BLANK &&
		    LINE(ls, i + 1)->role != LINE_DROPPED)
			g_array_append_val(lens, len);
	}
	if (lens->len > 0) {
		g_array_sort(lens, by_int);
		ls->width = g_array_index(lens, int, lens->len * 9 / 10);
	}
	i = lens->len;
	g_array_free(lens, TRUE);
	if (text == 0 || longer * 4 > text || i * 10 < text * 3 ||
	    i < MIN_WRAPPED || ls->width < MIN_WIDTH)
		return PARAGRAPHS_LINE;
	return PARAGRAPHS_BLANK;
}

/*
 * Whether a block's lines are verse, or what is set like it (an
 * address, a list of short lines): two lines or more, every one but
 * the last well short of the width the text is wrapped to.
 */
static int
is_verse(const struct lines *ls, const GPtrArray *phys, const GArray *indents)
{
	guint k;

	if (phys->len < 2 || ls->width <= 0)
		return 0;
	for (k = 0; k + 1 < phys->len; k++) {
		glong len = g_utf8_strlen(g_ptr_array_index(phys, k), -1) +
		    g_array_index(indents, int, k);

		if (len * 4 > (glong)ls->width * 3)
			return 0;
	}
	return 1;
}

/*
 * Whether a block is set out in columns, as a table or a pedigree:
 * two lines or more, most of them with a stretch of four spaces inside
 * them, or ruled with '|' and "+--".
 */
static int
column_lines(const char *text, const GPtrArray *phys)
{
	static const char *const re = "\\S {4,}\\S|\\+--|--\\+|^\\|| \\| ";
	guint k;
	int n = 0;

	if (phys == NULL)
		return lines_match(re, text);
	for (k = 0; k < phys->len; k++)
		n += lines_match(re, g_ptr_array_index(phys, k));
	return n;
}

static int
is_columns(const GPtrArray *phys)
{
	return phys->len >= 2 &&
	    (guint)column_lines(NULL, phys) * 2 >= phys->len;
}

/*
 * A table's rows may stand apart, a blank line between: a block with a
 * line in columns next to a block in columns is one of its rows.
 */
static void
table_rows(struct lines *ls)
{
	guint i, changed = 1;

	while (changed) {
		changed = 0;
		for (i = 0; i < ls->a->len; i++) {
			struct line *l = LINE(ls, i);
			guint p = lines_prev(ls, i), n = lines_next(ls, i);

			if (l->role != LINE_PARA ||
			    column_lines(l->text, l->phys) == 0)
				continue;
			if ((p != G_MAXUINT && LINE(ls, p)->role == LINE_PRE) ||
			    (n < ls->a->len && LINE(ls, n)->role == LINE_PRE)) {
				l->role = LINE_PRE;
				l->verse = 0;
				changed = 1;
			}
		}
	}
}

/*
 * Where a block holds several paragraphs that open with an indent and
 * no blank line between (a shape some books have): the indices of the
 * lines after the first that open one, deeper than the lines around
 * them.  NULL unless two or more do.
 */
static GArray *
indented_starts(const GPtrArray *phys, const GArray *indents)
{
	GArray *at = g_array_new(FALSE, FALSE, sizeof(guint));
	int least = G_MAXINT;
	guint k;

	for (k = 0; k < indents->len; k++)
		least = MIN(least, g_array_index(indents, int, k));
	for (k = 1; k + 1 < phys->len; k++)
		if (g_array_index(indents, int, k) > least &&
		    g_array_index(indents, int, k + 1) == least &&
		    g_array_index(indents, int, k - 1) == least)
			g_array_append_val(at, k);
	if (at->len < 2) {
		g_array_free(at, TRUE);
		return NULL;
	}
	return at;
}

/* The block being gathered: its source lines and their indents. */
struct block {
	struct line	 head;		/* the first line, which the block
					   becomes */
	GPtrArray	*phys;		/* char * */
	GArray		*indents;	/* int */
};

static void	end_one(struct lines *, const struct wordstats *,
		    struct block *, GArray *);

/*
 * Ends the block being gathered into out, if there is one: as several
 * blocks where paragraphs open with an indent and no blank line parts
 * them.
 */
static void
end_block(struct lines *ls, const struct wordstats *ws, struct block *b,
    GArray *out)
{
	GArray *at;
	guint k, from = 0;

	if (b->phys == NULL || is_verse(ls, b->phys, b->indents) ||
	    is_columns(b->phys) ||
	    (at = indented_starts(b->phys, b->indents)) == NULL) {
		end_one(ls, ws, b, out);
		return;
	}
	for (k = 0; k <= at->len; k++) {
		guint to = k < at->len ? g_array_index(at, guint, k) :
		    b->phys->len, j;
		struct block part = { b->head, NULL, NULL };

		part.head.no = b->head.no + (int)from;
		part.head.last = b->head.no + (int)to - 1;
		part.head.blanks = from == 0 ? b->head.blanks : 0;
		part.head.indent = g_array_index(b->indents, int, from);
		part.head.text = g_strdup(g_ptr_array_index(b->phys, from));
		part.phys = g_ptr_array_new_with_free_func(g_free);
		part.indents = g_array_new(FALSE, FALSE, sizeof(int));
		for (j = from; j < to; j++) {
			g_ptr_array_add(part.phys,
			    g_strdup(g_ptr_array_index(b->phys, j)));
			g_array_append_val(part.indents,
			    g_array_index(b->indents, int, j));
		}
		end_one(ls, ws, &part, out);
		from = to;
	}
	diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, b->head.no, 1),
	    "%u paragraphs that open with an indent, no blank line between",
	    at->len + 1);
	g_array_free(at, TRUE);
	g_free(b->head.text);
	g_ptr_array_free(b->phys, TRUE);
	g_array_free(b->indents, TRUE);
	b->phys = NULL;
}

/* Ends one block being gathered into out. */
static void
end_one(struct lines *ls, const struct wordstats *ws, struct block *b,
    GArray *out)
{
	GString *s;
	guint k;

	if (b->phys == NULL)
		return;
	if (is_columns(b->phys))
		b->head.role = LINE_PRE;
	else
		b->head.verse = is_verse(ls, b->phys, b->indents);
	s = g_string_new(g_ptr_array_index(b->phys, 0));
	for (k = 1; k < b->phys->len; k++) {
		int no = b->head.no + (int)k;

		if (b->head.verse)
			g_string_append_printf(s, " " BREAK_MARK " %s",
			    (const char *)g_ptr_array_index(b->phys, k));
		else
			join_line(ls, ws, s, g_ptr_array_index(b->phys, k), no);
		b->head.indent = MIN(b->head.indent,
		    g_array_index(b->indents, int, k));
	}
	g_free(b->head.text);
	b->head.text = g_string_free(s, FALSE);
	if (b->phys->len > 1) {
		b->head.phys = b->phys;
		b->head.indents = b->indents;
	} else {
		g_ptr_array_free(b->phys, TRUE);
		g_array_free(b->indents, TRUE);
	}
	g_array_append_val(out, b->head);
	b->phys = NULL;
}

/* Makes each run of lines between blank lines one block. */
static void
gather(struct lines *ls)
{
	GArray *out = g_array_new(FALSE, TRUE, sizeof(struct line));
	GArray *dropped = g_array_new(FALSE, TRUE, sizeof(struct line));
	struct wordstats ws;
	struct block b = { { 0 }, NULL, NULL };
	int blanks = 0;
	guint i;

	wordstats_init(&ws, ls);
	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);

		if (l->role == LINE_DROPPED) {
			/* Transparent: a dropped line parts no paragraph. */
			g_array_append_val(dropped, *l);
			continue;
		}
		if (l->role == LINE_BLANK) {
			end_block(ls, &ws, &b, out);
			g_array_append_vals(out, dropped->data, dropped->len);
			g_array_set_size(dropped, 0);
			g_array_append_val(out, *l);
			blanks++;
			continue;
		}
		if (b.phys == NULL) {
			b.head = *l;
			b.head.text = g_strdup(l->text);
			b.head.blanks = blanks;
			b.phys = g_ptr_array_new_with_free_func(g_free);
			b.indents = g_array_new(FALSE, FALSE, sizeof(int));
		}
		b.head.last = l->no;
		g_ptr_array_add(b.phys, l->text);
		g_array_append_val(b.indents, l->indent);
		blanks = 0;
	}
	end_block(ls, &ws, &b, out);
	g_array_append_vals(out, dropped->data, dropped->len);
	g_array_free(dropped, TRUE);
	g_array_free(ls->a, TRUE);
	ls->a = out;
	lines_bounds(ls);
	wordstats_release(&ws);
}

/* Counts the blank lines before each line, in a source of one per line. */
static void
count_blanks(struct lines *ls)
{
	int blanks = 0;
	guint i;

	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);

		if (l->role == LINE_BLANK)
			blanks++;
		else if (l->role != LINE_DROPPED) {
			l->blanks = blanks;
			blanks = 0;
		}
	}
}

void
paragraphs_pass(struct lines *ls)
{
	enum paragraphs shape = find_shape(ls);

	if (ls->rules->paragraphs != PARAGRAPHS_AUTO)
		shape = ls->rules->paragraphs;
	else
		diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, 0, 0),
		    shape == PARAGRAPHS_BLANK ? "paragraphs of wrapped lines, "
		    "a blank line between them (paragraphs = line reads a "
		    "paragraph per line)" : "a paragraph per line "
		    "(paragraphs = blank reads wrapped lines, a blank line "
		    "between paragraphs)");
	count_blanks(ls);
	ls->wrapped = shape == PARAGRAPHS_BLANK;
	if (ls->wrapped) {
		gather(ls);
		table_rows(ls);
	}
}
