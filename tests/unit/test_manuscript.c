/*
 * test_manuscript.c — the real manuscript through read, normalize, parse
 * and notes, checked against the catalogue of its sources: nothing but
 * debris is lost, the headings and quotations are where the catalogue
 * says, and the notes come out in the numbers it counts.
 */
#include <stdlib.h>
#include <string.h>

#include "normalize/normalize.h"
#include "pipeline.h"
#include "read/rules.h"
#include "read/source.h"
#include "suites.h"

#define MANIFEST "../../manuscript/edition.ini"
#define DEBRIS "../fixtures/debris.txt"

static struct pipeline pipeline;
static struct edition *edition;
static GHashTable *found_words;		/* chapter id → GHashTable word → count */

/* Adds each alphabetic word of s, folded to lower case, to counts. */
static void
count_words(GHashTable *counts, const char *s, int sign)
{
	char *norm = g_utf8_normalize(s, -1, G_NORMALIZE_NFC);
	const char *p = norm, *start = NULL;

	for (;; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (*p != '\0' && g_unichar_isalpha(c)) {
			if (start == NULL)
				start = p;
			continue;
		}
		if (start != NULL) {
			char *w = g_utf8_strdown(start, p - start);
			long n = GPOINTER_TO_INT(g_hash_table_lookup(counts, w));

			g_hash_table_replace(counts, w, GINT_TO_POINTER(n + sign));
			start = NULL;
		}
		if (*p == '\0')
			break;
	}
	g_free(norm);
}

static void
count_tree(GHashTable *counts, const struct node *root)
{
	char *s;

	if (root == NULL)
		return;
	s = node_text(root);
	count_words(counts, s, 1);
	g_free(s);
}

static void
count_meta(GHashTable *counts, const struct meta *m)
{
	const char *fields[] = { m->title, m->subtitle, m->author,
	    m->published, m->source, m->credits, m->dedication,
	    m->affiliation };
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(fields); i++)
		if (fields[i] != NULL)
			count_words(counts, fields[i], 1);
}

/* node_text glues blocks together ("end.Next"); a space between keeps words apart. */
static void
count_blocks(GHashTable *counts, const struct node *doc)
{
	const struct node *b;

	if (doc == NULL)
		return;
	for (b = doc->first; b != NULL; b = b->next)
		if (b->type == NODE_BLOCKQUOTE || b->type == NODE_LIST ||
		    b->type == NODE_ITEM)
			count_blocks(counts, b);
		else
			count_tree(counts, b);
}

/* The manuscript through the pipeline octavo runs, its CommonMark kept. */
static void
setup(void)
{
	struct pipeline_opts o = { 0 };
	struct diags d;
	guint i;

	diags_init(&d);
	o.max_source = SOURCE_MAX;
	o.keep_texts = TRUE;
	ck_assert_int_eq(pipeline_run(&pipeline, MANIFEST, &o, &d), 0);
	ck_assert_int_eq(d.count[DIAG_ERROR], 0);
	diags_release(&d);
	edition = pipeline.edition;
	found_words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    (GDestroyNotify)g_hash_table_destroy);
	for (i = 0; i < edition->chapters->len; i++) {
		struct chapter *c = g_ptr_array_index(edition->chapters, i);
		const struct normalized *n =
		    g_ptr_array_index(pipeline.normalized, i);
		GHashTable *w = g_hash_table_new_full(g_str_hash, g_str_equal,
		    g_free, NULL);
		guint k;

		/* What the text gave, not what the manifest added. */
		count_meta(w, &n->meta);
		count_blocks(w, c->doc);
		count_blocks(w, c->preface);
		for (k = 0; k < c->notes->len; k++)
			count_blocks(w, ((struct note *)
			    g_ptr_array_index(c->notes, k))->body);
		g_hash_table_insert(found_words, g_strdup(c->id), w);
	}
}

static void
teardown(void)
{
	pipeline_release(&pipeline);
	g_hash_table_destroy(found_words);
}

static struct chapter *
chapter(const char *id)
{
	guint i;

	for (i = 0; i < edition->chapters->len; i++) {
		struct chapter *c = g_ptr_array_index(edition->chapters, i);

		if (strcmp(c->id, id) == 0)
			return c;
	}
	ck_abort_msg("no chapter %s", id);
	return NULL;
}

/* Subtracts from counts the words of the catalogue's debris in file. */
static void
remove_debris(GHashTable *counts, const char *file, gchar **lines)
{
	gchar *fixture, **rows, **r;

	ck_assert(g_file_get_contents(DEBRIS, &fixture, NULL, NULL));
	rows = g_strsplit(fixture, "\n", -1);
	for (r = rows; *r != NULL; r++) {
		gchar **f = g_strsplit(*r, " ", 2);

		if (f[0] != NULL && f[1] != NULL && g_str_has_suffix(file, f[0])) {
			if (g_str_has_prefix(f[1], "text:"))
				count_words(counts, f[1] + 5, -1);
			else {
				int a = atoi(f[1]), b = strchr(f[1], '-') ?
				    atoi(strchr(f[1], '-') + 1) : a, i;

				for (i = a; i <= b && lines[i - 1] != NULL; i++)
					count_words(counts, lines[i - 1], -1);
			}
		}
		g_strfreev(f);
	}
	g_strfreev(rows);
	g_free(fixture);
}

/* Counts the words of the source's lines as the manifest's fixes leave them. */
static void
count_fixed(GHashTable *counts, gchar **lines, const struct rules *r)
{
	gchar **l;
	guint k;

	for (l = lines; *l != NULL; l++) {
		char *line = g_strdup(*l), *out;

		for (k = 0; k < r->fix->len; k++) {
			const struct pattern *p = g_ptr_array_index(r->fix, k);

			out = g_regex_replace(p->re, line, -1, 0,
			    p->replacement, 0, NULL);
			ck_assert_ptr_nonnull(out);
			g_free(line);
			line = out;
		}
		count_words(counts, line, 1);
		g_free(line);
	}
}

/*
 * Every word of every source, debris aside and the manifest's fixes
 * made, is in the edition: the two multisets of alphabetic words, case
 * folded, are equal.  The one word the normalizer may take away is a
 * byline's "By".
 */
START_TEST(test_no_word_lost)
{
	struct chapter *c = g_ptr_array_index(edition->chapters, _i);
	GHashTable *want = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);
	GHashTable *got = g_hash_table_lookup(found_words, c->id);
	GString *diff = g_string_new(NULL);
	GHashTableIter it;
	gpointer k, v;
	gchar *text, **lines;

	ck_assert(g_file_get_contents(c->path, &text, NULL, NULL));
	lines = g_strsplit(text, "\n", -1);
	count_fixed(want, lines, &((const struct group *)g_ptr_array_index(
	    pipeline.ms->groups, _i))->rules);
	remove_debris(want, c->path, lines);
	g_hash_table_iter_init(&it, want);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		int w = GPOINTER_TO_INT(v);
		int g = GPOINTER_TO_INT(g_hash_table_lookup(got, k));

		if (w != g && !(strcmp(k, "by") == 0 && w - g == 1))
			g_string_append_printf(diff, " %s(%d/%d)", (char *)k,
			    g, w);
	}
	g_hash_table_iter_init(&it, got);
	while (g_hash_table_iter_next(&it, &k, &v))
		if (GPOINTER_TO_INT(v) != 0 &&
		    !g_hash_table_contains(want, k))
			g_string_append_printf(diff, " +%s", (char *)k);
	ck_assert_msg(diff->len == 0, "%s: words differ (found/source):%s",
	    c->id, diff->str);
	g_string_free(diff, TRUE);
	g_strfreev(lines);
	g_free(text);
	g_hash_table_destroy(want);
}
END_TEST

/* The headings the catalogue lists, each at its level, and no others. */
START_TEST(test_headings)
{
	static const struct { const char *id; int h2, h3; } want[] = {
		{ "left-opposition", 18, 0 }, { "bloc", 6, 0 },
		{ "chimes", 6, 12 }, { "exile", 0, 0 },
		{ "moscow-trials", 0, 0 },
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(want); i++) {
		const struct node *n;
		int h2 = 0, h3 = 0;

		for (n = chapter(want[i].id)->doc->first; n != NULL; n = n->next)
			if (n->type == NODE_HEADING) {
				h2 += n->as.heading.level == 2;
				h3 += n->as.heading.level == 3;
			}
		ck_assert_msg(h2 == want[i].h2 && h3 == want[i].h3,
		    "%s: %d h2 and %d h3, want %d and %d", want[i].id, h2, h3,
		    want[i].h2, want[i].h3);
	}
}
END_TEST

static int
quotes(const char *id)
{
	const struct node *n;
	int q = 0;

	for (n = chapter(id)->doc->first; n != NULL; n = n->next)
		q += n->type == NODE_BLOCKQUOTE;
	return q;
}

/* The catalogue's block quotations, each one block. */
START_TEST(test_quotations)
{
	ck_assert_int_eq(quotes("moscow-trials"), 6);
	ck_assert_int_eq(quotes("exile"), 5);
	ck_assert_int_eq(quotes("left-opposition"), 2);
	ck_assert_int_eq(quotes("bloc"), 4);
	ck_assert_int_eq(quotes("chimes"), 24);
}
END_TEST

static int
refs(const char *id)
{
	struct iter it;
	int n = 0;

	iter_init(&it, chapter(id)->doc);
	while (iter_next(&it) != ITER_NONE)
		n += it.ev == ITER_ENTER && it.cur->type == NODE_NOTEREF;
	return n;
}

/* The catalogue's counts of notes and references. */
START_TEST(test_note_counts)
{
	ck_assert_int_eq(chapter("exile")->notes->len, 39);	/* 38 and '*' */
	ck_assert_int_eq(refs("exile"), 37);
	ck_assert_int_eq(chapter("bloc")->notes->len, 108);
	ck_assert_int_eq(refs("bloc"), 108);
	ck_assert_int_eq(chapter("chimes")->notes->len, 189);
	ck_assert_int_eq(refs("chimes"), 189);
	ck_assert_int_eq(chapter("left-opposition")->notes->len, 0);
	ck_assert_int_eq(chapter("moscow-trials")->notes->len, 0);
}
END_TEST

/* Each note starts with its own first words, as the catalogue quotes them. */
START_TEST(test_note_starts)
{
	static const struct { const char *id; int n; const char *start; } want[] = {
		{ "exile", 2, "Most writers" }, { "exile", 4, "‘Tragediya" },
		{ "exile", 12, "The editors" }, { "exile", 27, "Hard-liners" },
		{ "exile", 38, "See J. Arch Getty" },
		{ "bloc", 1, "This work-group" }, { "bloc", 108, "Ibid." },
		{ "chimes", 1, "Victor Serge, Midnight" },
		{ "chimes", 142, "Getty 1986121." },
		{ "chimes", 189, "Leon Trotsky, “The Transitional" },
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(want); i++) {
		struct chapter *c = chapter(want[i].id);
		guint k;

		for (k = 0; k < c->notes->len; k++) {
			struct note *n = g_ptr_array_index(c->notes, k);
			char *t;

			if (n->number != want[i].n)
				continue;
			t = node_text(n->body);
			ck_assert_msg(g_str_has_prefix(t, want[i].start),
			    "%s note %d starts '%.40s'", want[i].id, want[i].n, t);
			g_free(t);
			break;
		}
		ck_assert_uint_lt(k, c->notes->len);
	}
}
END_TEST

/* No source marker is left in running text: "[12]", "word.12 Next". */
START_TEST(test_no_markers_left)
{
	GRegex *re = g_regex_new("\\[\\d+\\]|\\p{L}[.’”]\\d{1,2}(\\s|$)", 0, 0,
	    NULL);
	guint i;

	for (i = 0; i < edition->chapters->len; i++) {
		struct chapter *c = g_ptr_array_index(edition->chapters, i);
		char *t = node_text(c->doc);

		ck_assert_msg(!g_regex_match(re, t, 0, NULL), "%s has a "
		    "marker left", c->id);
		g_free(t);
	}
	g_regex_unref(re);
}
END_TEST

Suite *
manuscript_suite(void)
{
	Suite *s = suite_create("manuscript");
	TCase *tc = tcase_create("manuscript");

	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_no_word_lost, 0, 5);
	tcase_add_test(tc, test_headings);
	tcase_add_test(tc, test_quotations);
	tcase_add_test(tc, test_note_counts);
	tcase_add_test(tc, test_note_starts);
	tcase_add_test(tc, test_no_markers_left);
	suite_add_tcase(s, tc);
	return s;
}
