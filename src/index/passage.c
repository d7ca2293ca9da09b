/*
 * passage.c — the edition's blocks gathered as passages of text, each
 * cut into tokens: the matcher's words (names.h), those a hyphen joins
 * made one, each with its case, its place in the sentence, and what
 * follows it (an initial's full stop, a possessive).
 */
#include <string.h>

#include "index/names.h"
#include "index/passage.h"

/* Where a text node's source line starts in the passage. */
struct seg {
	gsize	 at;
	int	 line;
};

static void
passage_free(struct passage *p)
{
	guint i;

	g_string_free(p->text, TRUE);
	g_array_free(p->lines, TRUE);
	g_array_free(p->emph, TRUE);
	for (i = 0; i < p->tokens->len; i++)
		g_free(PASSAGE_TOKEN(p, i)->fold);
	g_array_free(p->tokens, TRUE);
	g_free(p);
}

static struct passage *
passage_new(GPtrArray *out, const struct chapter *c, const struct node *n,
    int note)
{
	struct passage *p = g_new0(struct passage, 1);

	p->text = g_string_new(NULL);
	p->lines = g_array_new(FALSE, FALSE, sizeof(struct seg));
	p->emph = g_array_new(FALSE, FALSE, sizeof(gsize));
	p->tokens = g_array_new(FALSE, FALSE, sizeof(struct token));
	p->chapter = c;
	p->block = out->len;
	p->heading = n->type == NODE_HEADING;
	p->note = note;
	g_ptr_array_add(out, p);
	return p;
}

/*
 * Gathers the blocks of a tree (a chapter's text, its introduction, a
 * note) as passages: each paragraph's or heading's inline text, with
 * where each source line and each stretch of italics starts.
 */
static void
gather(GPtrArray *out, const struct chapter *c, struct node *root, int note)
{
	GArray *open = g_array_new(FALSE, FALSE, sizeof(gsize));
	struct passage *p = NULL;
	struct iter it;

	iter_init(&it, root);
	while (root != NULL && iter_next(&it) != ITER_NONE) {
		const struct node *n = it.cur;

		if (n->type == NODE_PARAGRAPH || n->type == NODE_HEADING)
			p = it.ev == ITER_ENTER ? passage_new(out, c, n, note) :
			    NULL;
		else if (p == NULL)
			continue;
		else if (n->type == NODE_TEXT || n->type == NODE_CODE) {
			struct seg s = { p->text->len, n->pos.line };

			g_array_append_val(p->lines, s);
			g_string_append(p->text, n->text);
		} else if (n->type == NODE_SOFTBREAK ||
		    n->type == NODE_LINEBREAK)
			g_string_append_c(p->text, ' ');
		else if (n->type == NODE_EMPH && it.ev == ITER_ENTER)
			g_array_append_val(open, p->text->len);
		else if (n->type == NODE_EMPH && open->len > 0) {
			g_array_append_val(p->emph, g_array_index(open, gsize,
			    open->len - 1));
			g_array_append_val(p->emph, p->text->len);
			g_array_set_size(open, open->len - 1);
		}
	}
	g_array_free(open, TRUE);
}

int
passage_line(const struct passage *p, gsize at)
{
	int line = 0;
	guint i;

	for (i = 0; i < p->lines->len; i++) {
		const struct seg *s = &g_array_index(p->lines, struct seg, i);

		if (s->at > at)
			break;
		line = s->line;
	}
	return line;
}

static int
in_emph(const struct passage *p, gsize at)
{
	guint i;

	for (i = 0; i + 1 < p->emph->len; i += 2)
		if (at >= g_array_index(p->emph, gsize, i) &&
		    at < g_array_index(p->emph, gsize, i + 1))
			return 1;
	return 0;
}

static int
is_hyphen_at(const char *s)
{
	return *s == '-' || strncmp(s, "\xe2\x80\x90", 3) == 0 ||
	    strncmp(s, "\xe2\x80\x91", 3) == 0;
}

static int
is_apostrophe_at(const char *s)
{
	return *s == '\'' || strncmp(s, "\xe2\x80\x99", 3) == 0;
}

/* Quotation marks and brackets, which a sentence may start or end in. */
static int
quote_or_bracket(gunichar c)
{
	return c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' ||
	    c == ']' || c == 0x201C || c == 0x201D || c == 0x2018 ||
	    c == 0x2019 || c == 0xAB || c == 0xBB;
}

/*
 * Whether the token starting at byte at begins a sentence: nothing but
 * spaces, quotation marks and brackets between it and the passage's
 * start, or a full stop (not an initial's or a short abbreviation's),
 * a question or exclamation mark, an ellipsis or a colon; the last
 * sentence may have ended inside quotation marks (.” Then).
 */
static int
sentence_start(const char *text, gsize at, const struct token *prev)
{
	const char *p = text + at;

	while (p > text) {
		const char *q = g_utf8_prev_char(p);
		gunichar c = g_utf8_get_char(q);

		if (g_unichar_isspace(c) || quote_or_bracket(c)) {
			p = q;
			continue;
		}
		if (c == '.' && prev != NULL && text + prev->end == q &&
		    prev->capital && prev->end - prev->start <= 3)
			return 0;	/* "I.N. Smirnov", "Mr. Smith" */
		return c == '.' || c == '!' || c == '?' || c == ':' ||
		    c == 0x2026;
	}
	return 1;
}

/* Whether the token at words[i] is followed by a hyphen and words[k]. */
static int
hyphened(const char *text, const GArray *words, guint i, guint k)
{
	gsize end = g_array_index(words, struct name_word, i).end;
	gsize next = g_array_index(words, struct name_word, k).start;

	return (next - end == 1 && text[end] == '-') ||
	    (next - end == 3 && is_hyphen_at(text + end));
}

/*
 * The token of words[i..k), its case and what follows it.  It takes the
 * first word's fold (words[i].fold is NULL after).
 */
static struct token
token(const struct passage *p, GArray *words, guint i, guint k)
{
	const char *text = p->text->str, *q;
	struct name_word *w = &g_array_index(words, struct name_word, i);
	struct token t = { 0 };
	int upper = 0, small = 0;
	guint n;

	t.fold = w->fold;
	w->fold = NULL;
	for (n = i + 1; n < k; n++) {
		char *joined = g_strconcat(t.fold, "-", g_array_index(words,
		    struct name_word, n).fold, NULL);

		g_free(t.fold);
		t.fold = joined;
	}
	t.start = w->start;
	t.end = t.bare = g_array_index(words, struct name_word, k - 1).end;
	t.capital = w->capital;
	for (q = text + t.start; q < text + t.end; q = g_utf8_next_char(q)) {
		gunichar c = g_utf8_get_char(q);

		upper += g_unichar_isupper(c);
		small += g_unichar_islower(c);
	}
	t.caps = upper >= 2 && small == 0;
	t.small = small > 0;
	/* "I." but not the "E." of a section "1.E." */
	t.initial = upper == 1 && g_utf8_strlen(text + t.start, t.end -
	    t.start) == 1 && text[t.end] == '.' && !(t.start >= 2 &&
	    text[t.start - 1] == '.' && g_ascii_isdigit(text[t.start - 2]));
	if (t.end - t.start > 2 && text[t.end - 2] == '\'' &&
	    (text[t.end - 1] == 's' || text[t.end - 1] == 'S'))
		t.bare = t.end - 2;
	else if (t.end - t.start > 4 && strncmp(text + t.end - 4,
	    "\xe2\x80\x99", 3) == 0 && (text[t.end - 1] == 's' ||
	    text[t.end - 1] == 'S'))
		t.bare = t.end - 4;
	t.poss = t.bare < t.end || (text[t.end - 1] == 's' &&
	    is_apostrophe_at(text + t.end));
	t.first = sentence_start(text, t.start, p->tokens->len > 0 ?
	    PASSAGE_TOKEN(p, p->tokens->len - 1) : NULL);
	t.emph = in_emph(p, t.start);
	return t;
}

/*
 * Three initials or more, full stop to full stop (U.S.S.R., N.E.P.),
 * are an acronym: no part of a name, and no capitals.
 */
static void
acronyms(struct passage *p)
{
	guint i = 0, k;

	while (i < p->tokens->len) {
		for (k = i; k < p->tokens->len &&
		    PASSAGE_TOKEN(p, k)->initial && (k == i ||
		    PASSAGE_TOKEN(p, k)->start ==
		    PASSAGE_TOKEN(p, k - 1)->end + 1); k++)
			;
		if (k - i >= 3)
			for (; i < k; i++)
				PASSAGE_TOKEN(p, i)->initial =
				    PASSAGE_TOKEN(p, i)->capital = 0;
		i = k > i ? k : i + 1;
	}
}

/* Whether token k is followed by one space and a capitalised word. */
static int
before_name(const struct passage *p, guint k)
{
	const struct token *t = PASSAGE_TOKEN(p, k), *n;

	if (k + 1 >= p->tokens->len)
		return 0;
	n = PASSAGE_TOKEN(p, k + 1);
	return n->capital && !n->caps && n->start == t->end + 1 &&
	    p->text->str[t->end] == ' ';
}

/*
 * Initials without full stops: one capital between a forename and a
 * surname ("Yuri P Gaven"), or two before a surname ("VV Kossior", not
 * "PM Eduard Benes").  Not in a passage all in capitals, where every
 * word looks so.
 */
static void
bare_initials(struct passage *p)
{
	const char *text = p->text->str;
	guint k;

	for (k = 0; k < p->tokens->len && !p->caps; k++) {
		struct token *t = PASSAGE_TOKEN(p, k);
		const struct token *b = k > 0 ? PASSAGE_TOKEN(p, k - 1) : NULL;
		glong len = g_utf8_strlen(text + t->start, t->end - t->start);

		if (!t->capital || t->initial || t->poss || !before_name(p, k))
			continue;
		if (len == 1)
			t->initial = b != NULL && b->capital && !b->caps &&
			    before_name(p, k - 1);
		else if (len == 2 && t->caps)
			t->initial = !before_name(p, k + 1);
	}
}

/* The passage's tokens: its words, with hyphenated ones joined. */
static void
tokenize(struct passage *p)
{
	GArray *words = names_words(p->text->str);
	guint i, k;

	for (i = 0; i < words->len; i = k) {
		struct token t;

		for (k = i + 1; k < words->len &&
		    hyphened(p->text->str, words, k - 1, k); k++)
			;
		t = token(p, words, i, k);
		g_array_append_val(p->tokens, t);
	}
	for (i = 0, p->caps = 1; i < p->tokens->len && p->caps; i++)
		p->caps = !PASSAGE_TOKEN(p, i)->small;
	acronyms(p);
	bare_initials(p);
	/* A heading's number is no initial: "I. Midnight". */
	if (p->heading && p->tokens->len > 0)
		PASSAGE_TOKEN(p, 0)->initial = 0;
	names_words_free(words);
}

GPtrArray *
passages_gather(const struct edition *e)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)passage_free);
	guint i, k;

	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);

		gather(out, c, c->preface, 0);
		gather(out, c, c->doc, 0);
		for (k = 0; k < c->notes->len; k++)
			gather(out, c, ((const struct note *)
			    g_ptr_array_index(c->notes, k))->body, 1);
	}
	for (i = 0; i < out->len; i++)
		tokenize(g_ptr_array_index(out, i));
	return out;
}
