/*
 * contents.c — the source's own table of contents, which an edition
 * replaces with its own: a "CONTENTS" line, then entries that repeat
 * the headings found further on (their numbers, their words), with page
 * numbers of a book that is not this one.  They leave the text by a
 * rule that check -v names and the word ledger counts.
 *
 * An entry is a line whose number or words a later short line of the
 * text (a heading, a chapter's title) has too.  A few lines that are no
 * entries may stand among them (a part's title that the text does not
 * repeat); two in a row after the entries end the list.
 */
#include <string.h>

#include "normalize/lines.h"

/* A heading-like line: this short, in lines and characters. */
#define SHORT_LINES	2
#define SHORT_CHARS	100
/* Lines that are no entries: at most this many before the first. */
#define LEAD_GAPS	3

static const char *const title_re =
    "^(TABLE OF )?CONTENTS\\b|^(Table of )?Contents\\.?$";

/* A later short line: its words, and its number if it opens with one. */
struct target {
	guint		 line;		/* its index */
	GHashTable	*words;
	char		*label;
};

/*
 * The words of s, lower case, letters and digits: a page number at the
 * end, "page" and "chapter" aside.  *label, if label is not NULL, is the
 * number s opens with ("CHAPTER IV." → "IV"), or NULL.
 */
static GHashTable *
words_of(const char *s, char **label)
{
	static const char num[] = "^(?:(?:CHAPTER|Chapter|PART|Part|BOOK|"
	    "Book)\\s+)?([IVXLC]+|\\d{1,4})\\b\\.?";
	char *text = g_strchomp(g_strdup(s));
	gsize n = strlen(text);
	GHashTable *w;

	while (n > 0 && g_ascii_isdigit(text[n - 1]))
		text[--n] = '\0';
	if (label != NULL) {
		*label = NULL;
		if (lines_match(num, text)) {
			const char *p = text;

			/* The number: the first run of digits or numerals. */
			if (g_ascii_strncasecmp(p, "chapter ", 8) == 0 ||
			    g_ascii_strncasecmp(p, "part ", 5) == 0 ||
			    g_ascii_strncasecmp(p, "book ", 5) == 0)
				p = strchr(p, ' ') + strspn(strchr(p, ' '), " ");
			*label = g_strndup(p, strspn(p, "IVXLC0123456789"));
		}
	}
	w = lines_word_set(text);
	g_hash_table_remove(w, "page");
	g_hash_table_remove(w, "chapter");
	g_free(text);
	return w;
}

/* Whether most of a's words are in b. */
static int
mostly_in(GHashTable *a, GHashTable *b)
{
	GHashTableIter it;
	gpointer k;
	guint shared = 0, n = g_hash_table_size(a);

	g_hash_table_iter_init(&it, a);
	while (g_hash_table_iter_next(&it, &k, NULL))
		shared += g_hash_table_contains(b, k);
	return n > 0 && shared * 10 >= n * 7;
}

/* Whether every word of a is in b. */
static int
all_in(GHashTable *a, GHashTable *b)
{
	GHashTableIter it;
	gpointer k;

	g_hash_table_iter_init(&it, a);
	while (g_hash_table_iter_next(&it, &k, NULL))
		if (!g_hash_table_contains(b, k))
			return 0;
	return 1;
}

static int
is_short(const struct line *l)
{
	return (l->phys == NULL || l->phys->len <= SHORT_LINES) &&
	    line_chars(l, SHORT_CHARS) <= SHORT_CHARS;
}

/* The short lines of text from line index from on, with their words. */
static GArray *
targets_from(const struct lines *ls, guint from)
{
	GArray *t = g_array_new(FALSE, FALSE, sizeof(struct target));
	guint i;

	for (i = from; i < ls->a->len; i++) {
		const struct line *l = LINE(ls, i);
		struct target tg;

		/* Lines outside the group count: another group's headings. */
		if (l->role == LINE_BLANK || (l->role == LINE_DROPPED &&
		    l->why != LINE_OUTSIDE) || !is_short(l))
			continue;
		tg.line = i;
		tg.words = words_of(l->text, &tg.label);
		g_array_append_val(t, tg);
	}
	return t;
}

static void
targets_free(GArray *t)
{
	guint k;

	for (k = 0; k < t->len; k++) {
		g_hash_table_destroy(g_array_index(t, struct target, k).words);
		g_free(g_array_index(t, struct target, k).label);
	}
	g_array_free(t, TRUE);
}

/*
 * Whether a line of the list is an entry: a later short line has its
 * number, or most of its words.  Targets before index skip are not
 * later: the entry's own line, or lines of the list before it.
 */
static int
is_entry(const char *line, const GArray *t, guint skip)
{
	char *label;
	GHashTable *w = words_of(line, &label);
	int yes = 0;
	guint k;

	for (k = skip; k < t->len && !yes; k++) {
		const struct target *tg = &g_array_index(t, struct target, k);

		/* Its number, most of its words, or a heading's words all. */
		yes = (label != NULL && tg->label != NULL &&
		    strcmp(label, tg->label) == 0) ||
		    (g_hash_table_size(w) > 0 && mostly_in(w, tg->words)) ||
		    (g_hash_table_size(tg->words) >= 2 &&
		    all_in(tg->words, w));
	}
	g_hash_table_destroy(w);
	g_free(label);
	return yes;
}

/* How many of a block's lines are entries: all, or none if few are. */
static int
entry_lines(const struct line *l, const GArray *t, guint skip)
{
	guint k, n, yes = 0;

	if (l->phys == NULL)
		return is_entry(l->text, t, skip);
	n = l->phys->len;
	for (k = 0; k < n; k++)
		yes += is_entry(g_ptr_array_index(l->phys, k), t, skip);
	return yes * 2 >= n ? (int)n : 0;
}

/* Drops the list: its title at line index from, its entries to last. */
static void
drop_list(struct lines *ls, guint from, guint last)
{
	const char *why = "dropped: the source's own contents";
	guint i;

	for (i = from; i <= last; i++) {
		struct line *l = LINE(ls, i);

		if (l->role != LINE_PARA && l->role != LINE_PRE)
			continue;
		lines_change(ls, l->no, l->text, NULL, why);
		l->role = LINE_DROPPED;
		l->why = why;
	}
	diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, LINE(ls, from)->no,
	    1), "%s, lines %d-%d (keep = %d-%d keeps it)", why,
	    LINE(ls, from)->no, LINE(ls, last)->last, LINE(ls, from)->no,
	    LINE(ls, last)->last);
}

/* The list after its title at line index at, if the lines after it are one. */
static void
contents_at(struct lines *ls, guint at)
{
	GArray *t = targets_from(ls, at + 1);
	guint i, last = G_MAXUINT, skip = 0;
	int gaps = 0, entries = 0, n;

	for (i = lines_next(ls, at); i < ls->a->len; i = lines_next(ls, i)) {
		const struct line *l = LINE(ls, i);

		/* Only lines after this one can be what it lists. */
		while (skip < t->len &&
		    g_array_index(t, struct target, skip).line <= i)
			skip++;
		if ((l->role != LINE_PARA && l->role != LINE_PRE) ||
		    lineset_has(&ls->rules->keep, l->no))
			break;
		if ((l->phys != NULL || is_short(l)) &&
		    (n = entry_lines(l, t, skip)) > 0) {
			entries += n;
			last = i;
			gaps = 0;
		} else if (++gaps > (entries == 0 ? LEAD_GAPS : 1))
			break;
	}
	targets_free(t);
	if (entries >= 2)
		drop_list(ls, at, last);
}

void
contents_pass(struct lines *ls)
{
	GRegex *title = g_regex_new(title_re, 0, 0, NULL);
	guint i;

	for (i = 0; i < ls->a->len; i++) {
		const struct line *l = LINE(ls, i);

		if (l->role == LINE_PARA && is_short(l) &&
		    g_regex_match(title, l->text, 0, NULL)) {
			contents_at(ls, i);
			break;
		}
	}
	g_regex_unref(title);
}
