/*
 * index.c — the index stage: the authority list's forms found in every
 * text node of the chapters and their notes, each occurrence marked in
 * the tree and listed under its heading; then the headings collated.
 *
 * The stage also keeps what 'octavo index' reports: headings that never
 * matched, forms several headings share and how each occurrence was
 * decided, and capitalised words the list does not know.
 */
#include <string.h>

#include <unicode/ucol.h>

#include "index/index.h"
#include "out/indexing.h"

/* How often one claim decided an ambiguous form, and where first. */
struct ruling {
	const struct name_claim	*claim;
	int			 count;
	struct srcpos		 first;
};

/* A run of capitalised words no form matched: perhaps a missing name. */
struct candidate {
	char		*surface;	/* as first written */
	GArray		*words;		/* struct name_word, in surface */
	int		 count;
	int		 known_as;	/* after "known as" or "alias" */
	guint		 order;		/* of first occurrence */
	struct srcpos	 first;
};

struct stage {
	struct edition		*e;
	const struct names	*nl;
	struct index_log	*log;
	struct diags		*d;
	GHashTable		*entries;	/* name_entry * → index_entry * */
	GHashTable		*nth;		/* struct on_line, a set */
	GHashTable		*hits;		/* name_entry * → count */
	GHashTable		*unsure;	/* form * → GPtrArray of ruling */
	GPtrArray		*unsure_order;	/* forms, first seen first */
	GHashTable		*warned;	/* forms left unmarked */
	int			 marks;
	GHashTable		*lower;		/* folded words seen in lower case */
	GHashTable		*stems;		/* one-word forms: Darwin… */
	GHashTable		*things;	/* words seen after "the", "in" */
	GHashTable		*candidates;	/* surface → struct candidate */
	struct name_text	 words;		/* of the text node being marked */
};

/* A text node with the paragraph it is in. */
struct text {
	struct node	*node;
	int		 para;
	int		 preface;	/* of the chapter's introduction */
};

void
index_log_init(struct index_log *log)
{
	memset(log, 0, sizeof(*log));
	log->unmatched = g_ptr_array_new_with_free_func(g_free);
	log->ambiguous = g_ptr_array_new_with_free_func(g_free);
	log->candidates = g_ptr_array_new_with_free_func(g_free);
}

void
index_log_release(struct index_log *log)
{
	g_ptr_array_free(log->unmatched, TRUE);
	g_ptr_array_free(log->ambiguous, TRUE);
	g_ptr_array_free(log->candidates, TRUE);
}

static void
candidate_free(struct candidate *c)
{
	g_free(c->surface);
	names_words_free(c->words);
	g_free(c);
}

/* The index's entries, one per heading of the list, linked as it says. */
static void
make_entries(struct stage *st)
{
	const GPtrArray *list = st->nl->entries;
	guint i, k;

	for (i = 0; i < list->len; i++) {
		const struct name_entry *ne = g_ptr_array_index(list, i);
		struct index_entry *ie;

		if (ne->not_name)
			continue;
		ie = index_entry_new(ne->heading, ne->gloss);
		if (ne->sort != NULL) {
			g_free(ie->sort);
			ie->sort = g_strdup(ne->sort);
		}
		g_hash_table_insert(st->entries, (gpointer)ne, ie);
	}
	for (i = 0; i < list->len; i++) {
		const struct name_entry *ne = g_ptr_array_index(list, i);
		struct index_entry *ie = g_hash_table_lookup(st->entries, ne);

		if (ie == NULL)
			continue;
		if (ne->parent != NULL) {
			ie->parent = g_hash_table_lookup(st->entries,
			    ne->parent);
			g_ptr_array_add(ie->parent->subs, ie);
		} else
			g_ptr_array_add(st->e->index, ie);
		if (ne->see != NULL)
			ie->see = g_hash_table_lookup(st->entries, ne->see);
		for (k = 0; k < ne->see_also->len; k++)
			g_ptr_array_add(ie->see_also, g_hash_table_lookup(
			    st->entries, g_ptr_array_index(ne->see_also, k)));
	}
}

/* A rule for a place the manifest does not have is a warning. */
static void
check_places(struct stage *st)
{
	guint i, k, j;

	for (i = 0; i < st->nl->forms->len; i++) {
		const struct name_form *f = g_ptr_array_index(st->nl->forms, i);

		for (k = 0; k < f->claims->len; k++) {
			const struct name_claim *c =
			    g_ptr_array_index(f->claims, k);
			int found = c->place == NULL;

			for (j = 0; !found && j < st->e->chapters->len; j++) {
				const struct chapter *ch = g_ptr_array_index(
				    st->e->chapters, j);

				found = names_place_is(c->place, ch->id,
				    ch->path);
			}
			if (!found)
				diag_add(st->d, DIAG_WARNING, c->pos, "no "
				    "chapter '%s' in the manifest; name a "
				    "chapter id or a source file", c->place);
		}
	}
}

static const char *
rule_words(const struct name_claim *c, char *buf, gsize len)
{
	switch (c->scope) {
	case SCOPE_IMPLIED:
		return "implied by the heading";
	case SCOPE_ANYWHERE:
		return "forms:, the default";
	case SCOPE_CHAPTER:
		g_snprintf(buf, len, "in %s", c->place);
		return buf;
	default:
		if (c->nth > 0)
			g_snprintf(buf, len, "at %s:%d#%d", c->place, c->line,
			    c->nth);
		else
			g_snprintf(buf, len, "at %s:%d", c->place, c->line);
		return buf;
	}
}

/* Whether more than one heading (or the non-names) claims the form. */
static int
shared(const struct name_form *f)
{
	guint i;

	for (i = 1; i < f->claims->len; i++)
		if (((const struct name_claim *)g_ptr_array_index(f->claims,
		    i))->entry != ((const struct name_claim *)
		    g_ptr_array_index(f->claims, 0))->entry)
			return 1;
	return 0;
}

static void
note_ruling(struct stage *st, const struct name_form *f,
    const struct name_claim *c, struct srcpos pos)
{
	GPtrArray *rulings = g_hash_table_lookup(st->unsure, f);
	struct ruling *r;
	guint i;

	if (rulings == NULL) {
		rulings = g_ptr_array_new_with_free_func(g_free);
		g_hash_table_insert(st->unsure, (gpointer)f, rulings);
		g_ptr_array_add(st->unsure_order, (gpointer)f);
	}
	for (i = 0; i < rulings->len; i++) {
		r = g_ptr_array_index(rulings, i);
		if (r->claim == c) {
			r->count++;
			return;
		}
	}
	r = g_new0(struct ruling, 1);
	r->claim = c;
	r->count = 1;
	r->first = pos;
	g_ptr_array_add(rulings, r);
}

/* Several headings imply the form and no rule says which: a warning. */
static void
unresolved(struct stage *st, const struct name_form *f, const char *chapter,
    struct srcpos pos)
{
	GString *who = g_string_new(NULL);
	guint i;

	if (g_hash_table_contains(st->warned, f))
		return;
	g_hash_table_add(st->warned, (gpointer)f);
	for (i = 0; i < f->claims->len; i++) {
		const struct name_claim *c = g_ptr_array_index(f->claims, i);

		if (c->scope == SCOPE_IMPLIED)
			g_string_append_printf(who, "%s'%s'", who->len == 0 ?
			    "" : " or ", c->entry->heading);
	}
	diag_add(st->d, DIAG_WARNING, pos, "'%s' could be %s, and is not "
	    "indexed; say which in %s with 'forms:', 'in %s:' or 'at "
	    "%s:%d:'", f->text, who->str, st->nl->path, chapter, chapter,
	    pos.line);
	g_string_free(who, TRUE);
}

static int
possessive(const char *text, const struct name_word *w)
{
	gsize len = w->end - w->start;

	return (len > 2 && memcmp(text + w->end - 2, "'s", 2) == 0) ||
	    (len > 4 && memcmp(text + w->end - 4, "\xe2\x80\x99s", 4) == 0);
}

/*
 * Remembers words seen in lower case, capitalised words after "the" or
 * "in" (things and places, not people), and runs of capitalised words.
 */
static void
gather_candidates(struct stage *st, const char *text, const GArray *words,
    const GArray *matches, struct srcpos pos)
{
	char *covered = g_malloc0(words->len + 1);
	guint i, j, k;

	for (i = 0; i < matches->len; i++) {
		const struct name_match *m = &g_array_index(matches,
		    struct name_match, i);

		memset(covered + m->first, 1, m->last - m->first + 1);
	}
	for (i = 0; i < words->len; i = j) {
		const struct name_word *w = &g_array_index(words,
		    struct name_word, i);
		struct candidate *c;
		char *surface;

		if (i > 0 && w->capital && (strcmp(w[-1].fold, "the") == 0 ||
		    strcmp(w[-1].fold, "in") == 0) && !possessive(text, w) &&
		    !g_hash_table_contains(st->things, w->fold))
			g_hash_table_add(st->things, g_strdup(w->fold));
		if (!w->capital) {
			if (g_unichar_isalpha(g_utf8_get_char(w->fold)) &&
			    !g_hash_table_contains(st->lower, w->fold))
				g_hash_table_add(st->lower, g_strdup(w->fold));
			j = i + 1;
			continue;
		}
		for (j = i; j < words->len && !covered[j] &&
		    g_array_index(words, struct name_word, j).capital &&
		    (j == i || names_joinable(text, &g_array_index(words,
		    struct name_word, j - 1), &g_array_index(words,
		    struct name_word, j))); j++)
			;
		if (j == i) {
			j = i + 1;
			continue;
		}
		surface = g_strndup(text + w->start, g_array_index(words,
		    struct name_word, j - 1).end - w->start);
		c = g_hash_table_lookup(st->candidates, surface);
		if (c == NULL) {
			c = g_new0(struct candidate, 1);
			c->surface = surface;
			c->words = g_array_new(FALSE, FALSE,
			    sizeof(struct name_word));
			for (k = i; k < j; k++) {
				struct name_word cw = g_array_index(words,
				    struct name_word, k);

				cw.start -= w->start;
				cw.end -= w->start;
				cw.fold = g_strdup(cw.fold);
				g_array_append_val(c->words, cw);
			}
			c->order = g_hash_table_size(st->candidates);
			c->first = pos;
			g_hash_table_insert(st->candidates, c->surface, c);
		} else
			g_free(surface);
		c->count++;
		c->known_as |= (i >= 2 && strcmp(g_array_index(words,
		    struct name_word, i - 2).fold, "known") == 0 &&
		    strcmp(g_array_index(words, struct name_word, i - 1).fold,
		    "as") == 0) || (i >= 1 && strcmp(g_array_index(words,
		    struct name_word, i - 1).fold, "alias") == 0);
	}
	g_free(covered);
}

/*
 * A new mark of entry ie at byte offset of a text, with its place,
 * numbered in text order.
 */
static void
new_mark(struct stage *st, struct index_entry *ie, const struct chapter *c,
    const struct note *note, const struct text *tx, gsize offset)
{
	struct index_mark *m = index_mark_new(ie, c, note, tx->node,
	    (guint)offset);

	m->preface = tx->preface;
	m->para = tx->para;
	m->id = ++st->marks;
}

/* A text node being matched, and the claim that decided each match. */
struct matching {
	struct stage		*st;
	const struct chapter	*chapter;
	struct node		*node;
	GPtrArray		*decided;	/* const struct name_claim * */
};

/*
 * A form on a source line, with how often it has occurred there so far
 * (for "at PLACE:LINE#N"): the key is the file, the line and the form.
 */
struct on_line {
	const char		*file;
	int			 line;
	const struct name_form	*form;
	int			 count;
};

static guint
on_line_hash(gconstpointer p)
{
	const struct on_line *k = p;

	return (k->file != NULL ? g_str_hash(k->file) : 0) ^
	    (guint)k->line * 31u ^ g_direct_hash(k->form);
}

static gboolean
on_line_equal(gconstpointer a, gconstpointer b)
{
	const struct on_line *x = a, *y = b;

	return x->line == y->line && x->form == y->form &&
	    g_strcmp0(x->file, y->file) == 0;
}

/* Whether only the implied forms of several headings claim f. */
static int
implied_by_several(const struct name_form *f)
{
	const struct name_entry *first = NULL;
	guint i;

	for (i = 0; i < f->claims->len; i++) {
		const struct name_claim *c = g_ptr_array_index(f->claims, i);

		if (c->scope != SCOPE_IMPLIED)
			continue;
		if (first != NULL && first != c->entry)
			return 1;
		first = c->entry;
	}
	return 0;
}

/*
 * names_match's judge: counts the form's occurrences on the source line
 * (for "at PLACE:LINE#N") and keeps it if a claim decides it here.
 */
static int
accept(const struct name_match *m, void *arg)
{
	struct matching *mt = arg;
	struct stage *st = mt->st;
	const struct srcpos pos = mt->node->pos;
	struct on_line k = { pos.file, pos.line, m->form, 0 }, *seen;
	const struct name_claim *cl;

	if ((seen = g_hash_table_lookup(st->nth, &k)) == NULL) {
		seen = g_memdup2(&k, sizeof(k));
		g_hash_table_add(st->nth, seen);
	}
	cl = names_resolve(m->form, mt->chapter->id, mt->chapter->path,
	    pos.line, ++seen->count);
	if (cl == NULL) {
		if (implied_by_several(m->form))
			unresolved(st, m->form, mt->chapter->id, pos);
		return 0;
	}
	g_ptr_array_add(mt->decided, (gpointer)cl);
	return 1;
}

/*
 * Finds the forms in one text node and marks each name where it begins
 * in the node's text, which stays whole.
 */
static void
mark_text(struct stage *st, const struct chapter *c, const struct note *note,
    const struct text *tx)
{
	struct node *t = tx->node;
	struct matching mt = { st, c, t, g_ptr_array_new() };
	GArray *matches;
	guint i;

	names_text_scan(&st->words, t->text);
	matches = names_match(st->nl, t->text, st->words.words, accept, &mt);
	if (st->log != NULL)
		gather_candidates(st, t->text, st->words.words, matches,
		    t->pos);
	for (i = 0; i < matches->len; i++) {
		const struct name_match *m = &g_array_index(matches,
		    struct name_match, i);
		const struct name_claim *cl = g_ptr_array_index(mt.decided, i);
		const struct name_entry *ne = cl->entry;
		struct index_entry *ie;

		g_hash_table_replace(st->hits, (gpointer)ne, GINT_TO_POINTER(
		    GPOINTER_TO_INT(g_hash_table_lookup(st->hits, ne)) + 1));
		if (shared(m->form))
			note_ruling(st, m->form, cl, t->pos);
		if (ne->not_name)
			continue;
		ie = g_hash_table_lookup(st->entries, ne->see != NULL ?
		    ne->see : ne);
		new_mark(st, ie, c, note, tx, m->start);
	}
	g_ptr_array_free(mt.decided, TRUE);
	g_array_free(matches, TRUE);
}

/*
 * Marks a tree's text nodes as the walk meets them, each with the number
 * of its paragraph or heading; marks change no node's place in the tree.
 * preface says the tree is the chapter's introduction.
 */
static void
mark_tree(struct stage *st, const struct chapter *c, const struct note *note,
    struct node *root, int preface)
{
	struct iter it;
	int para = 0;

	if (root == NULL)
		return;
	iter_init(&it, root);
	while (iter_next(&it) != ITER_NONE) {
		struct text tx = { it.cur, para, preface };

		if (it.ev != ITER_ENTER)
			continue;
		if (it.cur->type == NODE_PARAGRAPH ||
		    it.cur->type == NODE_HEADING)
			para++;
		else if (it.cur->type == NODE_TEXT)
			mark_text(st, c, note, &tx);
	}
}

/* Headings by their sort key, then gloss and heading, as ICU collates. */
static gint
collate(gconstpointer a, gconstpointer b, gpointer coll)
{
	const struct index_entry *x = *(struct index_entry *const *)a;
	const struct index_entry *y = *(struct index_entry *const *)b;
	UErrorCode err = U_ZERO_ERROR;
	int r = coll == NULL ? g_utf8_collate(x->sort, y->sort) :
	    ucol_strcollUTF8(coll, x->sort, -1, y->sort, -1, &err);

	if (r == 0 && coll != NULL)
		r = ucol_strcollUTF8(coll, x->heading, -1, y->heading, -1,
		    &err);
	if (r == 0)
		r = g_strcmp0(x->gloss, y->gloss);
	return r != 0 ? r : strcmp(x->heading, y->heading);
}

/* Sorts the headings and their sub-headings; numbers them in that order. */
static void
sort_index(struct stage *st)
{
	UErrorCode err = U_ZERO_ERROR;
	UCollator *coll = ucol_open("en", &err);
	int id = 0;
	guint i, k;

	if (U_FAILURE(err)) {
		diag_add(st->d, DIAG_WARNING, srcpos_at(st->nl->path, 0, 0),
		    "ICU has no English collation (%s); the index is sorted "
		    "by code point", u_errorName(err));
		coll = NULL;
	}
	g_ptr_array_sort_with_data(st->e->index, collate, coll);
	for (i = 0; i < st->e->index->len; i++) {
		struct index_entry *ie = g_ptr_array_index(st->e->index, i);

		g_ptr_array_sort_with_data(ie->subs, collate, coll);
		ie->id = ++id;
		for (k = 0; k < ie->subs->len; k++)
			((struct index_entry *)g_ptr_array_index(ie->subs,
			    k))->id = ++id;
	}
	if (coll != NULL)
		ucol_close(coll);
}

/* How many places an entry's marks and its sub-headings' are in. */
static int
places(const struct index_entry *ie)
{
	int n = 0;
	guint i;

	for (i = 0; i < ie->marks->len; i++)
		n += i == 0 || !index_mark_same_place(g_ptr_array_index(
		    ie->marks, i - 1), g_ptr_array_index(ie->marks, i));
	for (i = 0; i < ie->subs->len; i++)
		n += places(g_ptr_array_index(ie->subs, i));
	return n;
}

static gint
by_order(gconstpointer a, gconstpointer b)
{
	const struct candidate *x = *(struct candidate *const *)a;
	const struct candidate *y = *(struct candidate *const *)b;

	if (x->known_as != y->known_as)
		return y->known_as - x->known_as;
	if (x->count != y->count)
		return y->count - x->count;
	return x->order < y->order ? -1 : x->order > y->order;
}

/*
 * A word that is no part of a name: a common word, a thing or place, an
 * acronym, a date, an adverb, or a word made from a name (Darwinist).
 */
static int
not_a_name(const struct stage *st, const char *fold, const char *surface)
{
	static const char *const months[] = { "january", "february", "march",
	    "april", "may", "june", "july", "august", "september", "october",
	    "november", "december", "monday", "tuesday", "wednesday",
	    "thursday", "friday", "saturday", "sunday", NULL };
	const char *p;
	int upper = 0, lower = 0;
	guint i;

	for (i = 0; months[i] != NULL; i++)
		if (strcmp(fold, months[i]) == 0)
			return 1;
	/* Darwinist, Marxism, Hegelians: words made from names. */
	for (i = 4; i < strlen(fold); i++) {
		char *stem = g_strndup(fold, i);
		int made = g_hash_table_contains(st->stems, stem);

		g_free(stem);
		if (made)
			return 1;
	}
	for (p = surface; *p != '\0'; p = g_utf8_next_char(p)) {
		upper += g_unichar_isupper(g_utf8_get_char(p));
		lower += g_unichar_islower(g_utf8_get_char(p));
	}
	return g_hash_table_contains(st->lower, fold) ||
	    g_hash_table_contains(st->things, fold) ||
	    g_str_has_suffix(fold, "ly") || (upper > 1 &&
	    lower == 0) || g_utf8_strlen(fold, -1) < 2 ||
	    !g_unichar_isalpha(g_utf8_get_char(fold));
}

/* s without a possessive "’s" or "'s". */
static char *
no_possessive(const char *s)
{
	gsize n = strlen(s);

	if (g_str_has_suffix(s, "\xe2\x80\x99s"))
		n -= 4;
	else if (g_str_has_suffix(s, "'s"))
		n -= 2;
	return g_strndup(s, n);
}

/*
 * Whether word k of a candidate is no part of a name; an initial is one
 * at the start ("P.A. Galkin") but not alone or at the end.
 */
static int
skip_word(const struct stage *st, const struct candidate *c, guint k,
    int leading)
{
	const struct name_word *w = &g_array_index(c->words, struct name_word,
	    k);
	char *surface = g_strndup(c->surface + w->start, w->end - w->start);
	int skip = not_a_name(st, w->fold, surface) && !(leading &&
	    g_utf8_strlen(w->fold, -1) == 1 && c->surface[w->end] == '.');

	g_free(surface);
	return skip;
}

/*
 * The candidates as lines to paste into the list: a run's words that
 * are common words, places, acronyms or dates are trimmed from its ends,
 * and what is left is written "Surname, Forenames" with a comment.
 */
static void
report_candidates(struct stage *st)
{
	GPtrArray *list = g_ptr_array_new();
	GHashTable *printed = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);
	GHashTableIter hi;
	gpointer v;
	guint i;

	for (i = 0; i < st->nl->forms->len; i++) {
		const struct name_form *f = g_ptr_array_index(st->nl->forms, i);
		GArray *words = names_words(f->text);

		if (words->len == 1)
			g_hash_table_add(st->stems, g_strdup(g_array_index(
			    words, struct name_word, 0).fold));
		names_words_free(words);
	}
	g_hash_table_iter_init(&hi, st->candidates);
	while (g_hash_table_iter_next(&hi, NULL, &v))
		g_ptr_array_add(list, v);
	g_ptr_array_sort(list, by_order);
	for (i = 0; i < list->len; i++) {
		const struct candidate *c = g_ptr_array_index(list, i);
		guint first = 0, last = c->words->len;
		const struct name_word *a, *z;
		char *surname, *forenames, *line, *space;

		while (first < last && skip_word(st, c, first, 1))
			first++;
		while (last > first && skip_word(st, c, last - 1, 0))
			last--;
		if (first == last)
			continue;
		a = &g_array_index(c->words, struct name_word, first);
		z = &g_array_index(c->words, struct name_word, last - 1);
		/* The surname is what follows the last space. */
		line = g_strndup(c->surface + a->start, z->end - a->start);
		space = strrchr(line, ' ');
		surname = no_possessive(space != NULL ? space + 1 : line);
		if (space != NULL)
			*space = '\0';
		forenames = g_strstrip(g_strdup(space != NULL ? line : ""));
		g_free(line);
		line = g_strdup_printf("%s%s%s", surname, *forenames != '\0' ?
		    ", " : "", forenames);
		if (!g_hash_table_contains(printed, line)) {
			g_ptr_array_add(st->log->candidates, g_strdup_printf(
			    "%-36s # %d×, first %s:%d%s", line, c->count,
			    c->first.file, c->first.line, c->known_as ?
			    ", after \"known as\"" : ""));
			g_hash_table_add(printed, line);
		} else
			g_free(line);
		g_free(surname);
		g_free(forenames);
	}
	g_hash_table_destroy(printed);
	g_ptr_array_free(list, TRUE);
}

static void
report(struct stage *st)
{
	struct index_log *log = st->log;
	char buf[256];
	guint i, k;

	for (i = 0; i < st->e->index->len; i++) {
		const struct index_entry *ie = g_ptr_array_index(st->e->index,
		    i);

		log->headings += index_entry_printed(ie);
		log->locators += places(ie);
	}
	log->marks = st->marks;
	for (i = 0; i < st->nl->entries->len; i++) {
		const struct name_entry *ne = g_ptr_array_index(
		    st->nl->entries, i);

		if (ne->not_name || g_hash_table_contains(st->hits, ne))
			continue;
		g_ptr_array_add(log->unmatched, g_strdup_printf("%s:%d: %s%s%s",
		    ne->pos.file, ne->pos.line, ne->parent != NULL ?
		    ne->parent->heading : "", ne->parent != NULL ? " — " : "",
		    ne->heading));
	}
	for (i = 0; i < st->unsure_order->len; i++) {
		const struct name_form *f = g_ptr_array_index(st->unsure_order,
		    i);
		GPtrArray *rulings = g_hash_table_lookup(st->unsure, f);

		g_ptr_array_add(log->ambiguous, g_strdup_printf("\"%s\":",
		    f->text));
		for (k = 0; k < rulings->len; k++) {
			const struct ruling *r = g_ptr_array_index(rulings, k);
			const struct name_entry *parent =
			    r->claim->entry->parent;

			g_ptr_array_add(log->ambiguous, g_strdup_printf(
			    "  %5d× %s%s%s (%s), first %s:%d", r->count,
			    parent != NULL ? parent->heading : "",
			    parent != NULL ? " — " : "",
			    r->claim->entry->not_name ? "not a name" :
			    r->claim->entry->heading, rule_words(r->claim, buf,
			    sizeof(buf)), r->first.file, r->first.line));
		}
	}
	report_candidates(st);
}

void
index_names(struct edition *e, const struct names *nl, struct index_log *log,
    struct diags *d)
{
	struct stage st = { e, nl, log, d, NULL, NULL, NULL, NULL, NULL,
	    NULL, 0, NULL, NULL, NULL, NULL, { NULL, NULL } };
	guint i, k;

	st.entries = g_hash_table_new(g_direct_hash, g_direct_equal);
	st.nth = g_hash_table_new_full(on_line_hash, on_line_equal, g_free,
	    NULL);
	st.hits = g_hash_table_new(g_direct_hash, g_direct_equal);
	st.unsure = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
	    (GDestroyNotify)g_ptr_array_unref);
	st.unsure_order = g_ptr_array_new();
	st.warned = g_hash_table_new(g_direct_hash, g_direct_equal);
	st.lower = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	st.stems = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	st.things = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	st.candidates = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
	    (GDestroyNotify)candidate_free);
	names_text_init(&st.words);
	make_entries(&st);
	check_places(&st);
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);

		mark_tree(&st, c, NULL, c->preface, 1);
		mark_tree(&st, c, NULL, c->doc, 0);
		for (k = 0; k < c->notes->len; k++) {
			const struct note *n = g_ptr_array_index(c->notes, k);

			mark_tree(&st, c, n, n->body, 0);
		}
	}
	sort_index(&st);
	if (log != NULL)
		report(&st);
	diag_add(d, DIAG_INFO, srcpos_at(nl->path, 0, 0), "index: %u "
	    "headings, %d occurrences marked", e->index->len, st.marks);
	g_hash_table_destroy(st.candidates);
	g_hash_table_destroy(st.lower);
	g_hash_table_destroy(st.stems);
	g_hash_table_destroy(st.things);
	g_hash_table_destroy(st.warned);
	g_ptr_array_free(st.unsure_order, TRUE);
	g_hash_table_destroy(st.unsure);
	g_hash_table_destroy(st.hits);
	g_hash_table_destroy(st.nth);
	g_hash_table_destroy(st.entries);
	names_text_release(&st.words);
}

/* One heading's locators: "essay ¶2, ¶9, n.4; letters ¶1". */
static void
locators(GString *out, const struct index_entry *ie)
{
	const struct chapter *c = NULL;
	guint i;

	for (i = 0; i < ie->marks->len; i++) {
		const struct index_mark *m = g_ptr_array_index(ie->marks, i);

		if (i > 0 && index_mark_same_place(g_ptr_array_index(ie->marks,
		    i - 1), m))
			continue;
		if (m->chapter != c)
			g_string_append_printf(out, "%s%s ", c != NULL ? "; " :
			    "", m->chapter->id);
		else
			g_string_append(out, ", ");
		c = m->chapter;
		if (m->note != NULL)
			g_string_append_printf(out, "n.%s", m->note->mark);
		else
			g_string_append_printf(out, "%s\xc2\xb6%d",
			    m->preface ? "intro " : "", m->para);
	}
}

static void
references(GString *out, const char *indent, const struct index_entry *ie)
{
	const char *sep = "";
	guint i;

	if (ie->see != NULL)
		g_string_append_printf(out, "%ssee %s\n", indent,
		    ie->see->heading);
	for (i = 0; i < ie->see_also->len; i++) {
		const struct index_entry *to = g_ptr_array_index(ie->see_also,
		    i);

		if (!index_entry_printed(to))
			continue;
		g_string_append_printf(out, "%s%s%s", *sep == '\0' ? indent :
		    sep, *sep == '\0' ? "see also " : "", to->heading);
		sep = "; ";
	}
	if (*sep != '\0')
		g_string_append_c(out, '\n');
}

/* A heading's print pages, if there are any, on a line of their own. */
static void
pages_line(GString *out, const char *indent, const struct index_entry *ie,
    const GArray *folios)
{
	gsize at = out->len;

	if (folios == NULL)
		return;
	g_string_append_printf(out, "%spages ", indent);
	if (index_pages(ie, folios, NULL, out, NULL) > 0)
		g_string_append_c(out, '\n');
	else
		g_string_truncate(out, at);
}

GString *
index_text(const struct edition *e, const GArray *folios)
{
	GString *out = g_string_new("# The index of names, made by 'octavo "
	    "index' from the list of names; do not edit.\n# A locator is "
	    "CHAPTER \xc2\xb6N, paragraph or heading N of the chapter's text, "
	    "CHAPTER intro \xc2\xb6N, of its introduction, or CHAPTER n.N, "
	    "note N; then the print pages, 12n for a note.\n");
	guint i, k;

	for (i = 0; i < e->index->len; i++) {
		const struct index_entry *ie = g_ptr_array_index(e->index, i);

		if (!index_entry_printed(ie))
			continue;
		g_string_append_printf(out, "\n%s%s%s\n", ie->heading,
		    ie->gloss != NULL ? " " : "", ie->gloss != NULL ?
		    ie->gloss : "");
		if (ie->marks->len > 0) {
			g_string_append(out, "  ");
			locators(out, ie);
			g_string_append_c(out, '\n');
			pages_line(out, "  ", ie, folios);
		}
		for (k = 0; k < ie->subs->len; k++) {
			const struct index_entry *sub = g_ptr_array_index(
			    ie->subs, k);

			if (!index_entry_printed(sub))
				continue;
			g_string_append_printf(out, "  %s\n    ", sub->heading);
			locators(out, sub);
			g_string_append_c(out, '\n');
			pages_line(out, "    ", sub, folios);
		}
		references(out, "  ", ie);
	}
	return out;
}
