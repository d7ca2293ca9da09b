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

/*
 * The words of one source, each with two counts: how often the edition
 * should print it (want: the source's, less what rules took out) and
 * how often it does (have).  Open addressing over a power of two of
 * entries, the words' bytes in one buffer, all of it kept from source
 * to source: a ledger looks up every word of every line and every text
 * node, and a GHashTable would give each a g_str_hash, a copy of the key
 * and a boxed count, and fresh memory to fault in.
 */
struct counts {
	struct count	*slots;
	guint		 size;		/* slots: a power of two */
	guint		 used;		/* at most 3/4 of them */
	GString		*keys;		/* "\0", then the words, each
					   NUL-terminated */
	GString		*word;		/* the word being folded */
};

struct count {
	guint32	 key;		/* offset in keys; 0: the slot is free */
	guint32	 hash;
	gssize	 want;
	gssize	 have;
};

#define COUNTS_SIZE	1024	/* slots to begin with */

static void
counts_init(struct counts *t)
{
	t->size = COUNTS_SIZE;
	t->used = 0;
	t->slots = g_new0(struct count, t->size);
	t->keys = g_string_new_len("", 1);
	t->word = g_string_sized_new(64);
}

/* Empties t for another source, keeping its memory. */
static void
counts_clear(struct counts *t)
{
	memset(t->slots, 0, t->size * sizeof(*t->slots));
	t->used = 0;
	g_string_truncate(t->keys, 1);
}

static void
counts_release(struct counts *t)
{
	g_free(t->slots);
	g_string_free(t->keys, TRUE);
	g_string_free(t->word, TRUE);
}

/* FNV-1a, a byte at a time: a good enough spread for words. */
#define HASH_START	2166136261u
#define HASH_STEP(h, c)	(((h) ^ (guchar)(c)) * 16777619u)

static guint32
word_hash(const char *w, gsize len)
{
	guint32 h = HASH_START;
	gsize i;

	for (i = 0; i < len; i++)
		h = HASH_STEP(h, w[i]);
	return h;
}

/* The entry of word w (len bytes, hash h), or the free one it would take. */
static struct count *
counts_find(const struct counts *t, const char *w, gsize len, guint32 h)
{
	guint i = h & (t->size - 1);

	for (;; i = (i + 1) & (t->size - 1)) {
		struct count *c = &t->slots[i];

		if (c->key == 0 || (c->hash == h && strncmp(t->keys->str +
		    c->key, w, len) == 0 && t->keys->str[c->key + len] == '\0'))
			return c;
	}
}

/* Doubles the slots; the search for a word of no bytes ends at a free slot. */
static void
counts_grow(struct counts *t)
{
	struct count *old = t->slots;
	guint i, size = t->size;

	t->size *= 2;
	t->slots = g_new0(struct count, t->size);
	for (i = 0; i < size; i++)
		if (old[i].key != 0)
			*counts_find(t, "", 0, old[i].hash) = old[i];
	g_free(old);
}

/* The entry of word w (len bytes, hash h), made with no counts if new. */
static struct count *
counts_at(struct counts *t, const char *w, gsize len, guint32 h)
{
	struct count *c = counts_find(t, w, len, h);

	if (c->key != 0)
		return c;
	if (t->keys->len + len + 1 > G_MAXUINT32)
		g_error("the ledger's words take over 4 GiB");
	if (4 * (t->used + 1) > 3 * t->size) {
		counts_grow(t);
		c = counts_find(t, w, len, h);
	}
	c->key = (guint32)t->keys->len;
	c->hash = h;
	g_string_append_len(t->keys, w, (gssize)len);
	g_string_append_c(t->keys, '\0');
	t->used++;
	return c;
}

/*
 * The length in bytes of the character at p, not ASCII, if it belongs
 * to a word (a letter, digit, mark); else 0.
 */
static int
wide_word_char(const guchar *p)
{
	gunichar c = g_utf8_get_char((const char *)p);

	if (g_unichar_isalnum(c) || g_unichar_ismark(c))
		return g_utf8_skip[*p];
	return 0;
}

/*
 * Finds the next word of the text at *s: a run of letters, digits and
 * marks.  Sets *start to it and *s past it, and *wide if it is not all
 * ASCII; FALSE if no word is left.  ASCII, most of any text, is told
 * without a call.
 */
static gboolean
next_word(const char **s, const char **start, int *wide)
{
	const guchar *p = (const guchar *)*s;
	int n;

	for (;; p = (const guchar *)g_utf8_next_char(p)) {
		while ((guchar)(*p - 1) < 0x7f && !g_ascii_isalnum(*p))
			p++;
		if (*p == '\0')
			return FALSE;
		if (*p < 0x80 || wide_word_char(p) > 0)
			break;
	}
	*start = (const char *)p;
	*wide = 0;
	for (;; p += n) {
		while (g_ascii_isalnum(*p))
			p++;
		if (*p < 0x80 || (n = wide_word_char(p)) == 0)
			break;
		*wide = 1;
	}
	*s = (const char *)p;
	return TRUE;
}

/*
 * The word at w (len bytes) into key as words are compared: case-folded
 * and in NFC, which a word of ASCII, as most are, needs no call for.
 * Returns the word's hash.
 */
static guint32
fold_word(const char *w, gsize len, int wide, GString *key)
{
	guint32 h = HASH_START;
	char *out;
	gsize i;

	if (wide) {
		char *nfc = g_utf8_normalize(w, (gssize)len, G_NORMALIZE_NFC);
		char *folded = g_utf8_casefold(nfc, -1);

		g_string_assign(key, folded);
		g_free(folded);
		g_free(nfc);
		return word_hash(key->str, key->len);
	}
	g_string_set_size(key, len);
	for (out = key->str, i = 0; i < len; i++) {
		char c = (char)(w[i] + ((guint)(w[i] - 'A') < 26 ? 'a' - 'A' :
		    0));

		out[i] = c;
		h = HASH_STEP(h, c);
	}
	return h;
}

/* How many words s has (none if it is NULL). */
static gsize
count_words(const char *s)
{
	const char *start;
	gsize words = 0;
	int wide;

	if (s != NULL)
		while (next_word(&s, &start, &wide))
			words++;
	return words;
}

/*
 * Adds want and have to the counts of each word of s (none if it is
 * NULL) in t; returns how many words s has.
 */
static gsize
add_words(struct counts *t, const char *s, gssize want, gssize have)
{
	const char *start;
	gsize words = 0;
	int wide;

	if (s == NULL)
		return 0;
	for (; next_word(&s, &start, &wide); words++) {
		guint32 h = fold_word(start, (gsize)(s - start), wide, t->word);
		struct count *c = counts_at(t, t->word->str, t->word->len, h);

		c->want += want;
		c->have += have;
	}
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
add_tree(struct counts *t, const struct node *root)
{
	const struct node *n;

	for (n = root; n != NULL; n = next_node(n, root)) {
		if (n->type == NODE_TEXT || n->type == NODE_CODE ||
		    n->type == NODE_CODEBLOCK)
			add_words(t, n->text, 0, 1);
		else if (n->type == NODE_LINK) {
			add_words(t, n->as.link->url, 0, 1);
			if (n->as.link->title != NULL)
				add_words(t, n->as.link->title, 0, 1);
		}
		else if (n->type == NODE_XREF && n->as.noteref.note != NULL)
			add_words(t, n->as.noteref.note->mark, 0, 1);
		else if (n->type == NODE_ITEM && n->parent != NULL &&
		    n->parent->as.list.ordered) {
			const struct node *k;
			int number = n->parent->as.list.start;
			char buf[16];

			for (k = n->parent->first; k != n; k = k->next)
				number++;
			g_snprintf(buf, sizeof(buf), "%d", number);
			add_words(t, buf, 0, 1);
		}
	}
}

/* A field of the text's metadata that the chapter shows. */
static void
add_shown(struct counts *t, const char *shown, const char *found)
{
	if (found != NULL && shown != NULL && strcmp(shown, found) == 0)
		add_words(t, found, 0, 1);
}

/* The words of a chapter: text, introduction, notes, what the text gave. */
static void
add_chapter(struct counts *t, const struct chapter *c,
    const struct normalized *n)
{
	const struct meta *m = &c->meta, *f = &n->meta;
	guint k;

	add_tree(t, c->doc);
	add_tree(t, c->preface);
	for (k = 0; k < c->notes->len; k++)
		add_tree(t, ((const struct note *)g_ptr_array_index(
		    c->notes, k))->body);
	add_shown(t, m->label, f->label);
	add_shown(t, m->title, f->title);
	add_shown(t, m->subtitle, f->subtitle);
	add_shown(t, m->author, f->author);
	add_shown(t, m->translator, f->translator);
	add_shown(t, m->published, f->published);
	add_shown(t, m->source, f->source);
	add_shown(t, m->credits, f->credits);
	add_shown(t, m->dedication, f->dedication);
	add_shown(t, m->affiliation, f->affiliation);
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
 * words twice); those of lines no group takes are dropped (said at -v
 * by ranges).  Returns the words counted: a line's once for each group
 * that takes it, or once if none does.
 */
static gsize
source_words(struct ledger *lg, const char *path, const GPtrArray *groups,
    gchar **lines, struct counts *t, struct diags *d)
{
	int no, from = 0;
	gsize n = 0;

	for (no = 1; lines[no - 1] != NULL; no++) {
		int take = takers(groups, no);

		if (take > 0)
			n += add_words(t, lines[no - 1], take, 0) *
			    (gsize)take;
		else {
			gsize words = count_words(lines[no - 1]);

			tally(lg, RULE_NO_GROUP, words);
			lg->dropped += words;
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
 * Applies a group's changes to want: what rules took out (dropped),
 * what they put in its place, and the notes' numbers, which the edition
 * prints anew (in the edition, though not as the source wrote them).
 */
static void
apply_changes(struct ledger *lg, const struct normalization *nz,
    struct counts *t)
{
	guint k;

	for (k = 0; k < nz->changes->len; k++) {
		const struct change *ch = &g_array_index(nz->changes,
		    struct change, k);
		gsize words = add_words(t, ch->removed, -1, 0);

		add_words(t, ch->added, 1, 0);
		if (ch->added == NULL && !ch->renumbered) {
			tally(lg, ch->rule, words);
			lg->dropped += words;
		} else if (ch->added == NULL)
			lg->edition += words;
	}
}

/* How many times the edition lacks the word of c. */
static gssize
missing(const struct count *c)
{
	return c->want > c->have ? c->want - MAX(c->have, 0) : 0;
}

/*
 * Warns at each line that holds a word the edition lacks, naming the
 * words: the first occurrence of each takes the blame.
 */
static void
report(const char *path, gchar **lines, struct counts *t, struct diags *d)
{
	int no, reported = 0;

	for (no = 1; lines[no - 1] != NULL && reported < MAX_REPORTED; no++) {
		GHashTable *here = g_hash_table_new_full(g_str_hash,
		    g_str_equal, g_free, NULL);
		GString *words = g_string_new(NULL);
		const char *line = lines[no - 1], *start;
		GHashTableIter it;
		gpointer k;
		int wide;

		while (next_word(&line, &start, &wide)) {
			fold_word(start, (gsize)(line - start), wide, t->word);
			if (!g_hash_table_contains(here, t->word->str))
				g_hash_table_add(here, g_strdup(t->word->str));
		}
		g_hash_table_iter_init(&it, here);
		while (g_hash_table_iter_next(&it, &k, NULL)) {
			gsize len = strlen(k);
			struct count *c = counts_find(t, k, len,
			    word_hash(k, len));

			if (c->key != 0 && missing(c) > 0) {
				c->have = c->want;
				g_string_append_printf(words, "%s'%s'",
				    words->len > 0 ? ", " : "", (char *)k);
			}
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
 * The ledger of one source: its words, its groups, its chapters, counted
 * in t.  A source several groups take is counted as often as they take
 * each line, against all their changes and all their chapters: a word
 * one of its chapters lost is unaccounted for, though another has it.
 */
static void
count_source(struct ledger *lg, const struct ledger_input *p, const char *path,
    const char *text, struct counts *t, struct diags *d)
{
	GPtrArray *groups = g_ptr_array_new();
	gchar **lines = g_strsplit(text, "\n", -1);
	gsize lost = 0;
	guint i;

	counts_clear(t);
	for (i = 0; i < p->ms->groups->len; i++) {
		const struct group *g = g_ptr_array_index(p->ms->groups, i);

		if (strcmp(g->path, path) != 0)
			continue;
		g_ptr_array_add(groups, (gpointer)g);
		apply_changes(lg, &g_array_index(p->normalizations,
		    struct normalization, i), t);
	}
	lg->sources += source_words(lg, path, groups, lines, t, d);
	for (i = 0; i < p->edition->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(p->edition->chapters,
		    i);

		if (strcmp(c->path, path) == 0)
			add_chapter(t, c, g_ptr_array_index(p->normalized, i));
	}
	for (i = 0; i < t->size; i++) {
		const struct count *c = &t->slots[i];

		if (c->key == 0 || c->want <= 0)
			continue;
		lg->edition += (gsize)MIN(c->want, MAX(c->have, 0));
		lost += (gsize)missing(c);
	}
	lg->unaccounted += lost;
	if (lost > 0)
		report(path, lines, t, d);
	g_strfreev(lines);
	g_ptr_array_free(groups, TRUE);
}

void
ledger_count(struct ledger *lg, const struct ledger_input *p, struct diags *d)
{
	struct counts t;
	guint i;

	memset(lg, 0, sizeof(*lg));
	lg->by_rule = g_hash_table_new(g_str_hash, g_str_equal);
	counts_init(&t);
	for (i = 0; i < p->sources->len; i++) {
		const struct source *s = &g_array_index(p->sources,
		    struct source, i);

		count_source(lg, p, s->path, s->text, &t, d);
	}
	counts_release(&t);
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
