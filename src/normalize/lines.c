/*
 * lines.c — splitting a source into lines and the small operations the
 * normalizer's passes share, the ledger's record of changes among them.
 */
#include <string.h>

#include "normalize/lines.h"

/* White space as scrapes have it: ASCII, no-break spaces, and the like. */
static int
is_space(gunichar c)
{
	return g_unichar_isspace(c) || c == 0xA0 || c == 0x2007 ||
	    c == 0x202F || c == 0xFEFF || c == 0x200B;
}

/* The line's text without leading and trailing white space; its indent. */
static char *
trim(const char *s, const char *end, int *indent)
{
	*indent = 0;
	while (s < end && is_space(g_utf8_get_char(s))) {
		s = g_utf8_next_char(s);
		(*indent)++;
	}
	while (end > s) {
		const char *prev = g_utf8_prev_char(end);

		if (!is_space(g_utf8_get_char(prev)))
			break;
		end = prev;
	}
	return g_strndup(s, (gsize)(end - s));
}

/* The mark of a line outside the group's lines: another group's. */
const char LINE_OUTSIDE[] = "outside the group's lines";

void
lines_split(struct lines *ls, const char *text)
{
	const char *p = text, *eol;
	int no = 1;

	ls->a = g_array_new(FALSE, TRUE, sizeof(struct line));
	for (;; p = eol + 1, no++) {
		struct line l = { 0 };

		eol = p + strcspn(p, "\n");
		l.text = trim(p, eol, &l.indent);
		l.no = l.last = no;
		l.role = *l.text == '\0' ? LINE_BLANK : LINE_PARA;
		g_array_append_val(ls->a, l);
		if (*eol == '\0')
			break;
	}
	lines_bounds(ls);
}

void
lines_release(struct lines *ls)
{
	guint i;

	for (i = 0; i < ls->a->len; i++) {
		g_free(LINE(ls, i)->text);
		if (LINE(ls, i)->phys != NULL)
			g_ptr_array_free(LINE(ls, i)->phys, TRUE);
		if (LINE(ls, i)->indents != NULL)
			g_array_free(LINE(ls, i)->indents, TRUE);
	}
	g_array_free(ls->a, TRUE);
	for (i = 0; ls->notes != NULL && i < ls->notes->len; i++) {
		struct srcnote *n = &g_array_index(ls->notes, struct srcnote, i);

		g_free(n->label);
		g_free(n->text);
	}
	if (ls->notes != NULL)
		g_array_free(ls->notes, TRUE);
	for (i = 0; ls->chaps != NULL && i < ls->chaps->len; i++)
		meta_clear(&CHAP(ls, i)->meta);
	if (ls->chaps != NULL)
		g_array_free(ls->chaps, TRUE);
}

void
line_set(struct lines *ls, guint i, enum line_role role, const char *why)
{
	struct line *l = LINE(ls, i);

	l->role = role;
	l->why = why;
	if (why != NULL)
		diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, l->no, 1),
		    "%s", why);
}

void
line_drop(struct lines *ls, guint i, const char *why)
{
	struct line *l = LINE(ls, i);

	lines_change(ls, l->no, l->text, NULL, why);
	line_set(ls, i, LINE_DROPPED, why);
}

void
lines_change(struct lines *ls, int no, const char *removed,
    const char *added, const char *rule)
{
	struct change c = { no, g_strdup(removed), g_strdup(added), rule,
	    strcmp(rule, RULE_NOTE_NUMBER) == 0 };

	g_array_append_val(ls->changes, c);
}

void
line_split_at(struct lines *ls, guint i, gsize off)
{
	struct line tail = *LINE(ls, i);
	struct line *l = LINE(ls, i);
	char *head = g_strndup(l->text, off);
	guint k;

	tail.text = g_strdup(g_strchug(l->text + off));
	tail.indent = 0;
	tail.blanks = 0;
	tail.join = 0;
	tail.why = NULL;
	tail.phys = NULL;
	tail.indents = NULL;
	g_free(l->text);
	l->text = g_strchomp(head);
	/* Its source lines were the block's, which is two now. */
	if (l->phys != NULL)
		g_clear_pointer(&l->phys, g_ptr_array_unref);
	if (l->indents != NULL)
		g_clear_pointer(&l->indents, g_array_unref);
	g_array_insert_val(ls->a, i + 1, tail);
	if (i <= ls->hi)
		ls->hi++;
	/* The chapters after the split line move down by one. */
	for (k = 0; ls->chaps != NULL && k < ls->chaps->len; k++) {
		struct chap *c = CHAP(ls, k);

		c->first += c->first > i;
		c->end += c->end > i;
	}
}

static int
is_content(const struct line *l)
{
	return l->role != LINE_BLANK && l->role != LINE_DROPPED;
}

guint
lines_next(const struct lines *ls, guint i)
{
	/* Past the group's last line, only other groups' lines follow. */
	for (i++; i < ls->a->len && i <= ls->hi; i++)
		if (is_content(LINE(ls, i)))
			return i;
	return ls->a->len;
}

guint
lines_prev(const struct lines *ls, guint i)
{
	if (i > ls->hi + 1)
		i = ls->hi + 1;
	while (i-- > ls->lo)
		if (is_content(LINE(ls, i)))
			return i;
	return G_MAXUINT;
}

void
lines_bounds(struct lines *ls)
{
	guint i;

	ls->lo = 0;
	ls->hi = ls->a->len > 0 ? ls->a->len - 1 : 0;
	for (i = 0; i < ls->a->len && LINE(ls, i)->why == LINE_OUTSIDE; i++)
		ls->lo = i + 1;
	for (i = ls->a->len; i-- > ls->lo &&
	    LINE(ls, i)->why == LINE_OUTSIDE;)
		ls->hi = i > 0 ? i - 1 : 0;
}

glong
line_chars(const struct line *l, glong most)
{
	const char *p;
	glong n = 0;

	for (p = l->text; *p != '\0' && n <= most; p = g_utf8_next_char(p))
		n++;
	return n;
}

int
line_words(const struct line *l, int most)
{
	const char *p = l->text;
	int words = 0, in_word = 0;

	/* A paragraph is long; whether it is a short line is all we ask. */
	for (; *p != '\0' && words <= most; p = g_utf8_next_char(p)) {
		int space = is_space(g_utf8_get_char(p)) ||
		    strncmp(p, BREAK_MARK, 3) == 0;

		if (!space && !in_word)
			words++;
		in_word = !space;
	}
	return words;
}

int
line_listed(const struct lineset *s, const struct line *l)
{
	int no;

	if (lineset_empty(s))
		return 0;
	for (no = l->no; no <= l->last; no++)
		if (lineset_has(s, no))
			return 1;
	return 0;
}

int
lines_blank_between(const struct lines *ls, guint i, guint j)
{
	return i == G_MAXUINT || j >= ls->a->len ||
	    LINE(ls, j)->no - LINE(ls, i)->last > 1;
}

/* Prepositions a title leaves in lower case, however long. */
static int
title_small_word(const char *w, int letters)
{
	static const char *const small[] = { "against", "from", "with",
	    "into", "upon", "over", "under", "about", "after", "before",
	    "between", "through", "during", "without", "within", "among",
	    "toward", "towards", "onto", NULL };
	size_t k;

	for (k = 0; small[k] != NULL; k++)
		if ((int)strlen(small[k]) == letters &&
		    g_ascii_strncasecmp(w, small[k], (gsize)letters) == 0)
			return 1;
	return 0;
}

int
line_title_cased(const char *s)
{
	gchar **words = g_strsplit_set(s, " \t", -1), **w;
	int big = 0, caps = 0;

	for (w = words; *w != NULL; w++) {
		const char *p, *first = NULL;
		int letters = 0;

		for (p = *w; *p != '\0'; p = g_utf8_next_char(p))
			if (g_unichar_isalpha(g_utf8_get_char(p))) {
				if (first == NULL)
					first = p;
				letters++;
			}
		/* "“Bloc”" is a capitalized word; "against" is small. */
		if (letters >= 4 && !title_small_word(first, letters)) {
			big++;
			caps += g_unichar_isupper(g_utf8_get_char(first));
		}
	}
	g_strfreev(words);
	return big > 0 && caps * 10 >= big * 7;
}

char *
lines_plain(const char *s)
{
	GString *out = g_string_new(NULL);
	const char *p, *mark;

	for (p = s; (mark = strstr(p, BREAK_MARK)) != NULL; p = mark + 3) {
		g_string_append_len(out, p, mark - p);
		g_string_append_c(out, ' ');
	}
	g_string_append(out, p);
	return g_string_free(out, FALSE);
}

int
line_is_text(const struct line *l)
{
	return l->role == LINE_PARA || l->role == LINE_INTRO;
}

int
line_count(const struct line *l)
{
	return l->phys != NULL ? (int)l->phys->len : 1;
}

G_LOCK_DEFINE_STATIC(patterns);

int
lines_match(const char *re, const char *s)
{
	static GHashTable *compiled;	/* pattern's address → GRegex */
	GRegex *r;

	G_LOCK(patterns);
	if (compiled == NULL)
		compiled = g_hash_table_new(g_direct_hash, g_direct_equal);
	if ((r = g_hash_table_lookup(compiled, re)) == NULL) {
		r = g_regex_new(re, 0, 0, NULL);
		g_assert(r != NULL);
		g_hash_table_insert(compiled, (gpointer)re, r);
	}
	G_UNLOCK(patterns);
	return g_regex_match(r, s, 0, NULL);
}

int
lines_opens_with(const char *s, const char *firsts)
{
	return firsts == NULL || (*s != '\0' && strchr(firsts, *s) != NULL);
}

int
lines_holds_any(const char *s, const char *needs)
{
	return needs == NULL || strpbrk(s, needs) != NULL;
}

GRegex *
lines_compile_raw(const char *src)
{
	GRegex *re = g_regex_new(src, G_REGEX_RAW, 0, NULL);

	g_assert(re != NULL);
	return re;
}

GHashTable *
lines_word_set(const char *s)
{
	GHashTable *w = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	const char *p = s, *start = NULL;

	for (;; p = g_utf8_next_char(p)) {
		if (*p != '\0' && g_unichar_isalnum(g_utf8_get_char(p))) {
			if (start == NULL)
				start = p;
			continue;
		}
		if (start != NULL) {
			g_hash_table_add(w, g_utf8_strdown(start, p - start));
			start = NULL;
		}
		if (*p == '\0')
			break;
	}
	return w;
}
