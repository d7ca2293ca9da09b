/*
 * ledger.c — the word ledger: the words of each source, less what the
 * rules took out of it, against the words of the chapters made from it.
 *
 * A word is a run of letters and digits, compared case-folded, so that
 * typography (quotes, dashes), headings set in title case and the
 * escapes of CommonMark change nothing; what the normalizer changes on
 * purpose (a broken word joined, a fix, a note's number) it records as
 * a change, and the ledger applies it to the source's count.
 */
#include <string.h>

#include "ledger.h"
#include "normalize/normalize.h"
#include "read/source.h"

/* At most this many lines with unaccounted words are named, per source. */
#define MAX_REPORTED	20
#define RULE_NO_GROUP	"dropped: in no group's lines"

/* Whether the character at p belongs to a word: a letter, digit, mark. */
static int
in_word(const char *p)
{
	gunichar c;

	if ((unsigned char)*p < 0x80)
		return g_ascii_isalnum(*p);
	c = g_utf8_get_char(p);
	return g_unichar_isalnum(c) || g_unichar_ismark(c);
}

/* The count of word w in counts, made 0 if it has none. */
static gssize *
slot(GHashTable *counts, const char *w)
{
	gssize *v = g_hash_table_lookup(counts, w);

	if (v == NULL) {
		v = g_new0(gssize, 1);
		g_hash_table_insert(counts, g_strdup(w), v);
	}
	return v;
}

/*
 * Adds sign × each word of s to counts (word → gssize count); returns
 * how many words s has.  Words are case-folded and compared in NFC; a
 * word of ASCII, as most are, needs neither.
 */
static gsize
add_words(GHashTable *counts, const char *s, gssize sign)
{
	GString *key;
	const char *p, *start = NULL;
	gsize words = 0;
	int wide = 0;

	if (s == NULL)
		return 0;
	key = g_string_sized_new(32);
	for (p = s;; p = g_utf8_next_char(p)) {
		if (*p != '\0' && in_word(p)) {
			if (start == NULL)
				start = p;
			wide |= (unsigned char)*p >= 0x80;
			continue;
		}
		if (start != NULL) {
			g_string_truncate(key, 0);
			if (!wide)
				for (; start < p; start++)
					g_string_append_c(key,
					    g_ascii_tolower(*start));
			else {
				char *nfc = g_utf8_normalize(start, p - start,
				    G_NORMALIZE_NFC);
				char *folded = g_utf8_casefold(nfc, -1);

				g_string_assign(key, folded);
				g_free(folded);
				g_free(nfc);
			}
			*slot(counts, key->str) += sign;
			start = NULL;
			wide = 0;
			words++;
		}
		if (*p == '\0')
			break;
	}
	g_string_free(key, TRUE);
	return words;
}

/* Counts n more words dropped by rule. */
static void
tally(struct ledger *lg, const char *rule, gsize n)
{
	gsize had = GPOINTER_TO_SIZE(g_hash_table_lookup(lg->by_rule, rule));

	if (n > 0)
		g_hash_table_replace(lg->by_rule, (gpointer)rule,
		    GSIZE_TO_POINTER(had + n));
}

static GHashTable *
counts_new(void)
{
	return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
}

static gssize
count_of(GHashTable *counts, const char *w)
{
	gssize *v = g_hash_table_lookup(counts, w);

	return v != NULL ? *v : 0;
}

/* The sum of the positive counts. */
static gsize
total(GHashTable *counts)
{
	GHashTableIter it;
	gpointer v;
	gsize sum = 0;

	g_hash_table_iter_init(&it, counts);
	while (g_hash_table_iter_next(&it, NULL, &v))
		if (*(gssize *)v > 0)
			sum += (gsize)*(gssize *)v;
	return sum;
}

/* The node after n in document order, within root; NULL after the last. */
static const struct node *
next_node(const struct node *n, const struct node *root)
{
	if (n->first != NULL)
		return n->first;
	for (; n != root; n = n->parent)
		if (n->next != NULL)
			return n->next;
	return NULL;
}

/*
 * The words a tree prints: its text, its code, a link's address, an
 * ordered list's numbers.  A note's reference prints a new number, for
 * which the normalizer recorded the source's label as changed.
 */
static void
add_tree(GHashTable *counts, const struct node *root)
{
	const struct node *n;

	for (n = root; n != NULL; n = next_node(n, root)) {
		if (n->type == NODE_TEXT || n->type == NODE_CODE ||
		    n->type == NODE_CODEBLOCK)
			add_words(counts, n->text, 1);
		else if (n->type == NODE_LINK) {
			add_words(counts, n->as.link.url, 1);
			if (n->as.link.title != NULL)
				add_words(counts, n->as.link.title, 1);
		}
		else if (n->type == NODE_XREF && n->as.noteref.note != NULL)
			add_words(counts, n->as.noteref.note->mark, 1);
		else if (n->type == NODE_ITEM && n->parent != NULL &&
		    n->parent->as.list.ordered) {
			const struct node *k;
			int number = n->parent->as.list.start;
			char buf[16];

			for (k = n->parent->first; k != n; k = k->next)
				number++;
			g_snprintf(buf, sizeof(buf), "%d", number);
			add_words(counts, buf, 1);
		}
	}
}

/* A field of the text's metadata that the chapter shows. */
static void
add_shown(GHashTable *counts, const char *shown, const char *found)
{
	if (found != NULL && shown != NULL && strcmp(shown, found) == 0)
		add_words(counts, found, 1);
}

/* The words of a chapter: text, introduction, notes, what the text gave. */
static void
add_chapter(GHashTable *counts, const struct chapter *c,
    const struct normalized *n)
{
	const struct meta *m = &c->meta, *f = &n->meta;
	guint k;

	add_tree(counts, c->doc);
	add_tree(counts, c->preface);
	for (k = 0; k < c->notes->len; k++)
		add_tree(counts, ((const struct note *)g_ptr_array_index(
		    c->notes, k))->body);
	add_shown(counts, m->label, f->label);
	add_shown(counts, m->title, f->title);
	add_shown(counts, m->subtitle, f->subtitle);
	add_shown(counts, m->author, f->author);
	add_shown(counts, m->translator, f->translator);
	add_shown(counts, m->published, f->published);
	add_shown(counts, m->source, f->source);
	add_shown(counts, m->credits, f->credits);
	add_shown(counts, m->dedication, f->dedication);
	add_shown(counts, m->affiliation, f->affiliation);
}

/* How many groups take line no of the source (their lines, or all of it). */
static int
takers(const GPtrArray *groups, int no)
{
	guint i;
	int n = 0;

	for (i = 0; i < groups->len; i++) {
		const struct group *g = g_ptr_array_index(groups, i);

		n += lineset_empty(&g->rules.lines) ||
		    lineset_has(&g->rules.lines, no);
	}
	return n;
}

/*
 * The source's words in want, line by line, once for each of its groups
 * that takes the line (two chapters made of the same lines print their
 * words twice); those of lines no group takes in dropped (said at -v by
 * ranges).  Returns the words counted: a line's once for each group
 * that takes it, or once if none does.
 */
static gsize
source_words(struct ledger *lg, const char *path, const GPtrArray *groups,
    gchar **lines, GHashTable *want, GHashTable *dropped, struct diags *d)
{
	int no, from = 0;
	gsize n = 0;

	for (no = 1; lines[no - 1] != NULL; no++) {
		int take = takers(groups, no);

		if (take > 0)
			n += add_words(want, lines[no - 1], take) * (gsize)take;
		else {
			gsize words = add_words(dropped, lines[no - 1], 1);

			tally(lg, RULE_NO_GROUP, words);
			n += words;
		}
		if (take == 0 && from == 0)
			from = no;
		if ((take > 0 || lines[no] == NULL) && from > 0) {
			diag_add(d, DIAG_INFO, srcpos_at(path, from, 1),
			    "%s, lines %d-%d", RULE_NO_GROUP, from,
			    take > 0 ? no - 1 : no);
			from = 0;
		}
	}
	return n;
}

/*
 * Applies a group's changes: what rules took out (dropped), what they
 * put in its place, and the notes' numbers, which the edition prints
 * anew (renumbered: in the edition, though not as the source wrote).
 */
static void
apply_changes(struct ledger *lg, const struct normalization *nz,
    GHashTable *want, GHashTable *dropped, GHashTable *renumbered)
{
	guint k;

	for (k = 0; k < nz->changes->len; k++) {
		const struct change *ch = &g_array_index(nz->changes,
		    struct change, k);

		add_words(want, ch->removed, -1);
		add_words(want, ch->added, 1);
		if (ch->added == NULL && !ch->renumbered)
			tally(lg, ch->rule, add_words(dropped, ch->removed, 1));
		else if (ch->added == NULL)
			add_words(renumbered, ch->removed, 1);
	}
}

/*
 * Warns at each line that holds a word the edition lacks, naming the
 * words: the first occurrence of each takes the blame.
 */
static void
report(const char *path, gchar **lines, GHashTable *missing,
    struct diags *d)
{
	int no, reported = 0;

	if (total(missing) == 0)
		return;
	for (no = 1; lines[no - 1] != NULL && reported < MAX_REPORTED; no++) {
		GHashTable *here = counts_new();
		GString *words = g_string_new(NULL);
		GHashTableIter it;
		gpointer k;

		add_words(here, lines[no - 1], 1);
		g_hash_table_iter_init(&it, here);
		while (g_hash_table_iter_next(&it, &k, NULL))
			if (count_of(missing, k) > 0) {
				*slot(missing, k) = 0;
				g_string_append_printf(words, "%s'%s'",
				    words->len > 0 ? ", " : "", (char *)k);
			}
		if (words->len > 0) {
			diag_add(d, DIAG_WARNING, srcpos_at(path, no, 1),
			    "words of this line are in no chapter, and no rule "
			    "took them out: %s; check the rules that touch it",
			    words->str);
			reported++;
		}
		g_string_free(words, TRUE);
		g_hash_table_destroy(here);
	}
}

/*
 * The ledger of one source: its words, its groups, its chapters.  A
 * source several groups take is counted as often as they take each
 * line, against all their changes and all their chapters: a word one
 * of its chapters lost is unaccounted for, though another has it.
 */
static void
count_source(struct ledger *lg, const struct ledger_input *p, const char *path,
    const char *text, struct diags *d)
{
	GHashTable *want = counts_new(), *have = counts_new();
	GHashTable *dropped = counts_new(), *missing = counts_new();
	GHashTable *renumbered = counts_new();
	GPtrArray *groups = g_ptr_array_new();
	gchar **lines = g_strsplit(text, "\n", -1);
	GHashTableIter it;
	gpointer k, v;
	guint i;

	for (i = 0; i < p->ms->groups->len; i++) {
		const struct group *g = g_ptr_array_index(p->ms->groups, i);

		if (strcmp(g->path, path) != 0)
			continue;
		g_ptr_array_add(groups, (gpointer)g);
		apply_changes(lg, &g_array_index(p->normalizations,
		    struct normalization, i), want, dropped, renumbered);
	}
	lg->sources += source_words(lg, path, groups, lines, want, dropped, d);
	for (i = 0; i < p->edition->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(p->edition->chapters,
		    i);

		if (strcmp(c->path, path) == 0)
			add_chapter(have, c, g_ptr_array_index(p->normalized, i));
	}
	lg->dropped += total(dropped);
	lg->edition += total(renumbered);
	g_hash_table_iter_init(&it, want);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		gssize w = *(gssize *)v, h = count_of(have, k);

		if (w <= 0)
			continue;
		lg->edition += (gsize)MIN(w, MAX(h, 0));
		if (w > h) {
			lg->unaccounted += (gsize)(w - MAX(h, 0));
			*slot(missing, k) = w - MAX(h, 0);
		}
	}
	report(path, lines, missing, d);
	g_strfreev(lines);
	g_ptr_array_free(groups, TRUE);
	g_hash_table_destroy(want);
	g_hash_table_destroy(have);
	g_hash_table_destroy(dropped);
	g_hash_table_destroy(missing);
	g_hash_table_destroy(renumbered);
}

void
ledger_count(struct ledger *lg, const struct ledger_input *p, struct diags *d)
{
	guint i;

	memset(lg, 0, sizeof(*lg));
	lg->by_rule = g_hash_table_new(g_str_hash, g_str_equal);
	for (i = 0; i < p->sources->len; i++) {
		const struct source *s = &g_array_index(p->sources,
		    struct source, i);

		count_source(lg, p, s->path, s->text, d);
	}
}

/* n with a comma between each group of three digits: 78,720. */
static void
append_count(GString *s, gsize n)
{
	char digits[32];
	size_t len, k;

	g_snprintf(digits, sizeof(digits), "%" G_GSIZE_FORMAT, n);
	len = strlen(digits);
	for (k = 0; k < len; k++) {
		if (k > 0 && (len - k) % 3 == 0)
			g_string_append_c(s, ',');
		g_string_append_c(s, digits[k]);
	}
}

char *
ledger_summary(const struct ledger *lg)
{
	GString *s = g_string_new("words: ");

	append_count(s, lg->sources);
	g_string_append(s, " in the sources; ");
	append_count(s, lg->edition);
	g_string_append(s, " in the edition; ");
	append_count(s, lg->dropped);
	g_string_append(s, " dropped by rules (octavo check -v lists them); ");
	append_count(s, lg->unaccounted);
	g_string_append(s, " unaccounted");
	return g_string_free(s, FALSE);
}

static gint
by_count(gconstpointer a, gconstpointer b, gpointer counts)
{
	gsize x = GPOINTER_TO_SIZE(g_hash_table_lookup(counts,
	    *(const char *const *)a));
	gsize y = GPOINTER_TO_SIZE(g_hash_table_lookup(counts,
	    *(const char *const *)b));

	if (x != y)
		return x > y ? -1 : 1;
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *
ledger_rules(const struct ledger *lg)
{
	GPtrArray *rules = g_ptr_array_new();
	GString *s = g_string_new(NULL);
	GHashTableIter it;
	gpointer k;
	guint i;

	g_hash_table_iter_init(&it, lg->by_rule);
	while (g_hash_table_iter_next(&it, &k, NULL))
		g_ptr_array_add(rules, k);
	g_ptr_array_sort_with_data(rules, by_count, lg->by_rule);
	for (i = 0; i < rules->len; i++) {
		const char *rule = g_ptr_array_index(rules, i);

		append_count(s, GPOINTER_TO_SIZE(g_hash_table_lookup(
		    lg->by_rule, rule)));
		if (g_str_has_prefix(rule, "dropped: "))
			rule += strlen("dropped: ");
		g_string_append_printf(s, " words dropped: %s\n", rule);
	}
	g_ptr_array_free(rules, TRUE);
	return g_string_free(s, FALSE);
}

void
ledger_release(struct ledger *lg)
{
	if (lg->by_rule != NULL)
		g_hash_table_destroy(lg->by_rule);
	memset(lg, 0, sizeof(*lg));
}
