/*
 * test_typeset.c — the print back end's text units: the inlines' runs,
 * hyphenation points, the Knuth–Plass breaker on boxes and glue and on
 * a real paragraph shaped by Pango, and the page builder's breaks.
 */
#include <string.h>

#include <glib/gstdio.h>

#include "fixture.h"
#include "out/reuse.h"
#include "pdf/hyph.h"
#include "pdf/kp.h"
#include "pdf/page.h"
#include "pdf/press.h"
#include "pdf/runs.h"
#include "pdf/shape.h"
#include "pdf/typeset.h"
#include "read/hyphen.h"
#include "suites.h"

static struct srcpos here = { "test", 1, 1 };

/* --- runs --------------------------------------------------------------- */

/* The style attribute in force at byte i of the runs' text. */
static PangoStyle
style_at(PangoAttrList *attrs, int i)
{
	PangoAttrIterator *it = pango_attr_list_get_iterator(attrs);
	PangoStyle style = PANGO_STYLE_NORMAL;

	do {
		int start, end;
		PangoAttribute *a;

		pango_attr_iterator_range(it, &start, &end);
		if (i >= start && i < end &&
		    (a = pango_attr_iterator_get(it, PANGO_ATTR_STYLE)) != NULL)
			style = (PangoStyle)((PangoAttrInt *)a)->value;
	} while (pango_attr_iterator_next(it));
	pango_attr_iterator_destroy(it);
	return style;
}

/* Feeds every event of a walk over root to the runs. */
static void
walk(struct runs *r, struct node *root)
{
	struct iter it;

	iter_init(&it, root);
	while (iter_next(&it) != ITER_NONE)
		runs_event(r, it.ev, it.cur);
}

/* "a *b *c* d* e": emphasis within emphasis is roman again. */
START_TEST(test_runs_nested_emphasis)
{
	struct node *p = node_new(NODE_PARAGRAPH, here);
	struct node *em = node_new(NODE_EMPH, here);
	struct node *inner = node_new(NODE_EMPH, here);
	PangoAttrList *attrs;
	struct runs r;

	node_append(p, node_new_text(NODE_TEXT, here, "a ", -1));
	node_append(p, em);
	node_append(em, inner);		/* inner and outer start together */
	node_append(inner, node_new_text(NODE_TEXT, here, "c", -1));
	node_append(em, node_new_text(NODE_TEXT, here, " d", -1));
	node_append(p, node_new(NODE_SOFTBREAK, here));
	node_append(p, node_new_text(NODE_TEXT, here, "e", -1));
	runs_init(&r, FALSE);
	walk(&r, p);
	ck_assert_str_eq(r.text->str, "a c d e");
	attrs = runs_attrs(&r, 11);
	ck_assert_int_eq(style_at(attrs, 0), PANGO_STYLE_NORMAL);
	ck_assert_int_eq(style_at(attrs, 2), PANGO_STYLE_NORMAL);	/* c */
	ck_assert_int_eq(style_at(attrs, 4), PANGO_STYLE_ITALIC);	/* d */
	ck_assert_int_eq(style_at(attrs, 6), PANGO_STYLE_NORMAL);	/* e */
	pango_attr_list_unref(attrs);
	runs_release(&r);
	node_free(p);
}
END_TEST

/*
 * "Ann met *Bo*, Ann": an index mark is an anchor over no text where it
 * falls in its text (at the start, within, in emphasis, at the end);
 * the text reads, and maps back to node_text, as if it had none.
 */
START_TEST(test_runs_index_marks)
{
	static const guint at[] = { 0, 4, 8, 15 };
	struct node *p = node_new(NODE_PARAGRAPH, here);
	struct node *em = node_new(NODE_EMPH, here);
	struct node *a = node_new_text(NODE_TEXT, here, "Ann met ", -1);
	struct node *b = node_new_text(NODE_TEXT, here, "Bo", -1);
	struct node *c = node_new_text(NODE_TEXT, here, ", Ann", -1);
	struct index_entry *ie = index_entry_new("Smith, Ann", NULL);
	struct index_mark *m[4];
	PangoAttrList *attrs;
	struct runs r;
	guint i;

	node_append(p, a);
	node_append(p, em);
	node_append(em, b);
	node_append(p, c);
	m[0] = index_mark_new(ie, NULL, NULL, a, 0);
	m[1] = index_mark_new(ie, NULL, NULL, a, 4);
	m[2] = index_mark_new(ie, NULL, NULL, b, 0);
	m[3] = index_mark_new(ie, NULL, NULL, c, 5);
	runs_init(&r, FALSE);
	walk(&r, p);
	ck_assert_str_eq(r.text->str, "Ann met Bo, Ann");
	ck_assert_uint_eq(r.anchors->len, G_N_ELEMENTS(m));
	for (i = 0; i < G_N_ELEMENTS(m); i++) {
		const struct anchor *an = &g_array_index(r.anchors,
		    struct anchor, i);

		ck_assert_int_eq(an->kind, ANCHOR_MARK);
		ck_assert_ptr_eq(an->mark, m[i]);
		ck_assert_uint_eq(an->start, at[i]);
		ck_assert_uint_eq(an->end, at[i]);
	}
	for (i = 0; i < r.text->len; i++)
		ck_assert_uint_eq(runs_source(&r, i), i);
	attrs = runs_attrs(&r, 11);
	ck_assert_int_eq(style_at(attrs, 9), PANGO_STYLE_ITALIC);
	pango_attr_list_unref(attrs);
	runs_release(&r);
	node_free(p);
	index_entry_free(ie);
}
END_TEST

/*
 * In an italic block emphasis is roman; a note's number is raised and
 * anchored; every byte of the model's text maps back to node_text.
 */
START_TEST(test_runs_italic_block_and_noteref)
{
	struct node *p = node_new(NODE_PARAGRAPH, here);
	struct node *em = node_new(NODE_EMPH, here);
	struct node *ref = node_new(NODE_NOTEREF, here);
	struct note *note = note_new(12, "12", here);
	const struct anchor *a;
	PangoAttrList *attrs;
	PangoAttrIterator *it;
	struct runs r;
	int raised = 0;

	ref->as.noteref.note = note;
	node_append(p, em);
	node_append(em, node_new_text(NODE_TEXT, here, "Title", -1));
	node_append(p, node_new_text(NODE_TEXT, here, " line\nend", -1));
	node_append(p, ref);
	node_append(p, node_new_text(NODE_TEXT, here, " after", -1));
	runs_init(&r, TRUE);
	walk(&r, p);
	ck_assert_str_eq(r.text->str, "Title line end12 after");
	attrs = runs_attrs(&r, 11);
	ck_assert_int_eq(style_at(attrs, 0), PANGO_STYLE_NORMAL);
	it = pango_attr_list_get_iterator(attrs);
	do {
		int start, end;

		pango_attr_iterator_range(it, &start, &end);
		if (pango_attr_iterator_get(it, PANGO_ATTR_RISE))
			raised += start == 14 && end == 16;
	} while (pango_attr_iterator_next(it));
	pango_attr_iterator_destroy(it);
	ck_assert_int_eq(raised, 1);
	ck_assert_uint_eq(r.anchors->len, 1);
	a = &g_array_index(r.anchors, struct anchor, 0);
	ck_assert_int_eq(a->kind, ANCHOR_REF);
	ck_assert_ptr_eq(a->node, ref);
	ck_assert_uint_eq(a->start, 14);
	/* "Title line end after": the number is not the model's text. */
	ck_assert_uint_eq(runs_source(&r, 6), 6);
	ck_assert_uint_eq(runs_source(&r, 15), 14);
	ck_assert_uint_eq(runs_source(&r, 17), 15);
	pango_attr_list_unref(attrs);
	runs_release(&r);
	node_free(p);
	note_free(note);
}
END_TEST

/* --- hyphenation ----------------------------------------------------------- */

/* The word with its hyphenation points shown as "-". */
static char *
hyphenated(struct hyph *h, const char *word)
{
	gsize len = strlen(word), i;
	guint8 *at = g_malloc(len);
	GString *s = g_string_new(NULL);

	hyph_word(h, word, len, at);
	for (i = 0; i < len; i++) {
		if (at[i])
			g_string_append_c(s, '-');
		g_string_append_c(s, word[i]);
	}
	g_free(at);
	return g_string_free(s, FALSE);
}

START_TEST(test_hyph_points)
{
	static const char *const cases[][2] = {
		{ "hyphenation", "hy-phen-ation" },
		{ "Revolutionary", "Rev-o-lu-tion-ary" },
		{ "bureaucracy", "bu-reau-cracy" },
		{ "table", "table" },		/* shorter than min-word */
		{ "USSR", "USSR" },		/* capitals */
		{ "McCarthyism", "McCarthyism" },
	};
	struct style st;
	struct diags d;
	struct hyph *h;
	size_t i;

	style_init(&st);
	diags_init(&d);
	h = hyph_new("en-US", NULL, &st, &d);
	ck_assert_ptr_nonnull(h);
	ck_assert_uint_eq(d.list->len, 0);
	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *got = hyphenated(h, cases[i][0]);

		ck_assert_str_eq(got, cases[i][1]);
		g_free(got);
	}
	hyph_free(h);
	/* Fragments of at least three letters on each side. */
	st.hyph_min_left = 3;
	h = hyph_new("en-US", NULL, &st, &d);
	{
		char *got = hyphenated(h, "hyphenation");

		ck_assert_str_eq(got, "hyphen-ation");
		g_free(got);
	}
	hyph_free(h);
	diags_release(&d);
	style_release(&st);
}
END_TEST

/*
 * The patterns of en-US, copied into dir (they may then be taken away),
 * hyphenating with the words kept at path, if path is not NULL.
 */
static struct hyph *
hyph_copied(const char *dir, const struct style *st, struct reuse *kept,
    struct diags *d)
{
	char *system = hyphen_patterns("en-US", NULL), *bytes;
	char *copy = g_build_filename(dir, "hyph_en_US.dic", NULL);
	gsize len;
	struct hyph *h;

	ck_assert(g_file_get_contents(system, &bytes, &len, NULL));
	ck_assert(g_file_set_contents(copy, bytes, (gssize)len, NULL));
	h = hyph_new("en-US", dir, st, d);
	ck_assert_ptr_nonnull(h);
	hyph_reuse(h, kept);
	g_free(bytes);
	g_free(copy);
	g_free(system);
	return h;
}

/* Takes away the patterns hyph_copied put in dir. */
static void
patterns_gone(const char *dir)
{
	char *copy = g_build_filename(dir, "hyph_en_US.dic", NULL);

	ck_assert_int_eq(g_unlink(copy), 0);
	g_free(copy);
}

/*
 * The words a build hyphenated are kept for the next, which finds them
 * without its patterns; those it never asks for are kept as they were;
 * a word not kept needs the patterns.
 */
START_TEST(test_hyph_kept)
{
	char *dir = fixture_dir();
	char *path = g_build_filename(dir, "made.paras", NULL);
	struct style st;
	struct diags d;
	struct reuse *r;
	struct hyph *h;

	style_init(&st);
	diags_init(&d);
	r = reuse_open(path, "k");
	h = hyph_copied(dir, &st, r, &d);
	assert_made(hyphenated(h, "hyphenation"), "hy-phen-ation");
	assert_made(hyphenated(h, "Revolutionary"), "Rev-o-lu-tion-ary");
	hyph_keep(h);
	hyph_free(h);
	ck_assert(reuse_close(r, NULL));
	/* A build that hyphenates nothing keeps them all the same. */
	r = reuse_open(path, "k");
	h = hyph_copied(dir, &st, r, &d);
	hyph_keep(h);
	hyph_free(h);
	ck_assert(reuse_close(r, NULL));
	/* The next finds them with its patterns gone... */
	r = reuse_open(path, "k");
	h = hyph_copied(dir, &st, r, &d);
	patterns_gone(dir);
	assert_made(hyphenated(h, "revolutionary"), "rev-o-lu-tion-ary");
	assert_made(hyphenated(h, "hyphenation"), "hy-phen-ation");
	ck_assert_uint_eq(d.list->len, 0);
	/* ...but not a word no build hyphenated. */
	assert_made(hyphenated(h, "bureaucracy"), "bureaucracy");
	ck_assert_int_eq(d.count[DIAG_WARNING], 1);
	hyph_free(h);
	reuse_discard(r);
	diags_release(&d);
	style_release(&st);
	g_free(path);
	fixture_clean(dir);
}
END_TEST

START_TEST(test_hyph_missing_patterns_warn)
{
	struct style st;
	struct diags d;

	style_init(&st);
	diags_init(&d);
	ck_assert_ptr_null(hyph_new("xx-YY", "/nonexistent", &st, &d));
	ck_assert_int_eq(d.count[DIAG_WARNING], 1);
	ck_assert_ptr_nonnull(strstr(g_array_index(d.list, struct diag,
	    0).msg, "xx-YY"));
	ck_assert_ptr_nonnull(strstr(g_array_index(d.list, struct diag,
	    0).msg, "hyphen-xx"));
	/* Without diags, as for a chapter the manifest warned of: quiet. */
	ck_assert_ptr_null(hyph_new("xx-YY", "/nonexistent", &st, NULL));
	ck_assert_int_eq(d.list->len, 1);
	diags_release(&d);
	style_release(&st);
}
END_TEST

/* The Debian package a language's patterns are in. */
START_TEST(test_hyphen_package)
{
	static const char *const cases[][2] = {
		{ "fr", "hyphen-fr" }, { "fr-CA", "hyphen-fr" },
		{ "DE-1996", "hyphen-de" }, { "en-US", "hyphen-en-us" },
		{ "en_GB", "hyphen-en-gb" }, { "pt-BR", "hyphen-pt-br" },
		{ "en", "hyphen-en" }, { "ent", "hyphen-ent" },
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *got = hyphen_package(cases[i][0]);

		ck_assert_str_eq(got, cases[i][1]);
		g_free(got);
	}
}
END_TEST

/* --- the line breaker on boxes and glue -------------------------------- */

static void
kp_add(GArray *items, enum kp_kind kind, double w, double y, double z,
    int penalty, gboolean flagged)
{
	struct kp_item it = { 0 };

	it.kind = kind;
	it.width = w;
	it.stretch = y;
	it.shrink = z;
	it.penalty = penalty;
	it.flagged = flagged;
	it.hyph = flagged;
	g_array_append_val(items, it);
}

/* A paragraph's end: no break, glue that fills, a forced break. */
static void
kp_end(GArray *items)
{
	struct kp_item fill = { 0 };

	kp_add(items, KP_PENALTY, 0, 0, 0, KP_INFINITY, FALSE);
	fill.kind = KP_GLUE;
	fill.fill = 1;
	g_array_append_val(items, fill);
	kp_add(items, KP_PENALTY, 0, 0, 0, -KP_INFINITY, FALSE);
}

/* kp_break on the items, in a work of its own. */
static int
kp_try(const GArray *items, const struct kp_params *pp, GArray *breaks)
{
	struct kp_work w;
	int rc;

	kp_work_init(&w);
	rc = kp_break(&w, (const struct kp_item *)(const void *)items->data,
	    items->len, pp, breaks);
	kp_work_release(&w);
	return rc;
}

/* Words of n syllables, 10 wide each, hyphenable between them. */
static GArray *
syllables(int words, int n)
{
	GArray *items = g_array_new(FALSE, FALSE, sizeof(struct kp_item));
	int i, j;

	for (i = 0; i < words; i++) {
		if (i > 0)
			kp_add(items, KP_GLUE, 4, 2, 1.3, 0, FALSE);
		for (j = 0; j < n; j++) {
			if (j > 0)
				kp_add(items, KP_PENALTY, 3, 0, 0, 50, TRUE);
			kp_add(items, KP_BOX, 10, 0, 0, 0, FALSE);
		}
	}
	kp_end(items);
	return items;
}

/* Words of varied width: every line within its glue, the last filled. */
START_TEST(test_kp_fixed_paragraph)
{
	GArray *items = g_array_new(FALSE, FALSE, sizeof(struct kp_item));
	GArray *breaks = g_array_new(FALSE, FALSE, sizeof(struct kp_break));
	struct kp_params pp;
	guint i;

	for (i = 0; i < 120; i++) {
		if (i > 0)
			kp_add(items, KP_GLUE, 3.3, 1.65, 1.1, 0, FALSE);
		kp_add(items, KP_BOX, 12 + (i * 7) % 11, 0, 0, 0, FALSE);
	}
	kp_end(items);
	kp_params_init(&pp, 200, 200);
	ck_assert_int_eq(kp_try(items, &pp, breaks), 0);
	ck_assert_uint_gt(breaks->len, 10);
	for (i = 0; i < breaks->len; i++) {
		const struct kp_break *b = &g_array_index(breaks,
		    struct kp_break, i);

		ck_assert(b->ratio >= -1);
		ck_assert(b->badness <= 200);
	}
	ck_assert_uint_eq(g_array_index(breaks, struct kp_break,
	    breaks->len - 1).item, items->len - 1);
	/* The last line is filled, or shrunk to hold its last word. */
	ck_assert(g_array_index(breaks, struct kp_break,
	    breaks->len - 1).ratio <= 0);
	g_array_free(items, TRUE);
	g_array_free(breaks, TRUE);
}
END_TEST

/* The most breaks at hyphens in a row, forced, with the limit given. */
static int
hyphen_run(const GArray *items, int limit)
{
	GArray *breaks = g_array_new(FALSE, FALSE, sizeof(struct kp_break));
	const struct kp_item *it = (struct kp_item *)(void *)items->data;
	struct kp_params pp;
	int run = 0, most = 0;
	guint i;

	kp_params_init(&pp, 43, KP_INFINITY);
	pp.max_hyphens = limit;
	pp.force = TRUE;
	ck_assert_int_eq(kp_try(items, &pp, breaks), 0);
	for (i = 0; i < breaks->len; i++) {
		const struct kp_break *b = &g_array_index(breaks,
		    struct kp_break, i);

		ck_assert(b->ratio >= -1);
		run = it[b->item].flagged ? run + 1 : 0;
		most = MAX(most, run);
	}
	g_array_free(breaks, TRUE);
	return most;
}

/*
 * Lines four syllables and a hyphen wide: every line would end in a
 * hyphen if it could.  Within the tolerance there is no other way, so
 * the breaker fails; forced, it hyphenates line after line unless told
 * not to, and then never more than the limit in a row.
 */
START_TEST(test_kp_two_hyphens_in_a_row)
{
	GArray *items = syllables(12, 8);
	GArray *breaks = g_array_new(FALSE, FALSE, sizeof(struct kp_break));
	struct kp_params pp;

	kp_params_init(&pp, 43, 200);
	pp.max_hyphens = 2;
	ck_assert_int_eq(kp_try(items, &pp, breaks), -1);
	ck_assert_uint_eq(breaks->len, 0);
	ck_assert_int_gt(hyphen_run(items, 0), 2);
	ck_assert_int_le(hyphen_run(items, 2), 2);
	ck_assert_int_le(hyphen_run(items, 1), 1);
	g_array_free(items, TRUE);
	g_array_free(breaks, TRUE);
}
END_TEST

/* A box wider than the line: forced, it overflows rather than fail. */
START_TEST(test_kp_force_overfull)
{
	GArray *items = g_array_new(FALSE, FALSE, sizeof(struct kp_item));
	GArray *breaks = g_array_new(FALSE, FALSE, sizeof(struct kp_break));
	struct kp_params pp;

	kp_add(items, KP_BOX, 20, 0, 0, 0, FALSE);
	kp_add(items, KP_GLUE, 4, 2, 1, 0, FALSE);
	kp_add(items, KP_BOX, 80, 0, 0, 0, FALSE);
	kp_end(items);
	kp_params_init(&pp, 50, 200);
	ck_assert_int_eq(kp_try(items, &pp, breaks), -1);
	pp.force = TRUE;
	pp.tolerance = KP_INFINITY;
	ck_assert_int_eq(kp_try(items, &pp, breaks), 0);
	ck_assert_uint_eq(breaks->len, 2);
	g_array_free(items, TRUE);
	g_array_free(breaks, TRUE);
}
END_TEST

/* --- typesetting a real paragraph ---------------------------------------- */

#define PT(u)	((double)(u) / PANGO_SCALE)

/* A line's width as drawn: its pieces, spaces adjusted, and a hyphen. */
static double
line_width(struct press *p, const struct line *ln)
{
	const struct para *pa = ln->para;
	double w = 0;
	guint i;

	for (i = 0; i < pa->npieces; i++) {
		const struct piece *pc = &pa->pieces[i];
		guint from = MAX(ln->start, pc->start), to = MIN(ln->end,
		    piece_end(pc));
		double pw;

		if (from >= to)
			continue;
		pw = PT(piece_x(pc, to) - piece_x(pc, from));
		if (pc->space && ln->justified)
			pw += pw * ln->ratio * (ln->ratio > 0 ?
			    p->st->space_stretch : p->st->space_shrink);
		w += pw;
	}
	if (ln->hyphen)
		w += PT(shaper_hyphen(p->shaper,
		    pa->items[pa->nitems - 1])->width);
	return w;
}

/* Sets text justified on the style's measure. */
static struct galley *
set_prose(struct press *p, const char *text)
{
	struct galley *g = galley_new();
	struct block b;
	struct runs r;

	block_init(&b, &p->st->body);
	b.justify = TRUE;
	b.indent = p->st->indent;
	runs_init(&r, FALSE);
	runs_add(&r, text);
	typeset(p, &b, &r, g);
	runs_release(&r);
	return g;
}

/*
 * Sets text as a paragraph: every line but the last fills the measure
 * exactly, its spaces within their stretch and shrink; the last is not
 * hyphenated; no more than two hyphens in a row; only the first line is
 * its block's first and the last its last; the lines hold every word in
 * order.  Returns the number of lines.
 */
static guint
check_paragraph(const char *text)
{
	struct style st;
	struct diags d;
	struct press *p;
	struct galley *g;
	GString *again = g_string_new(NULL);
	int run = 0;
	guint i, n;

	style_init(&st);
	diags_init(&d);
	p = press_new("en-US", &st, &d);
	g = set_prose(p, text);
	for (i = 0; i < g->lines->len; i++) {
		const struct line *ln = GALLEY_LINE(g, i);
		double w = line_width(p, ln) + (i == 0 ? st.indent : 0);

		if (i + 1 < g->lines->len) {
			ck_assert_msg(ln->ratio >= -1 && ln->ratio <= 2,
			    "line %u: ratio %g", i, ln->ratio);
			ck_assert_double_eq_tol(w, p->measure, 0.01);
		} else {
			ck_assert(!ln->hyphen);
			ck_assert(w <= p->measure);
		}
		ck_assert_int_eq(!!(ln->flags & LINE_FIRST), i == 0);
		ck_assert_int_eq(!!(ln->flags & LINE_LAST),
		    i + 1 == g->lines->len);
		run = ln->hyphen ? run + 1 : 0;
		ck_assert_int_le(run, 2);
		g_string_append_len(again, ln->para->text + ln->start,
		    ln->end - ln->start);
		g_string_append(again, ln->hyphen ? "" : " ");
	}
	g_strchomp(again->str);
	ck_assert_str_eq(again->str, text);
	n = g->lines->len;
	galley_free(g);
	g_string_free(again, TRUE);
	press_free(p);
	diags_release(&d);
	style_release(&st);
	return n;
}

START_TEST(test_typeset_paragraph)
{
	ck_assert_uint_ge(check_paragraph(fixture_prose), 8);
}
END_TEST

/*
 * Sets a heading, then text (a note's number raised in it) in a press
 * whose blocks are kept in, and found in, the reuse at path; returns
 * the text's lines, each "start end ratio hyphen fill x flags" on a
 * line of its own.
 */
static char *
set_with_reuse(const char *path, const char *text, guint *kept)
{
	struct style st;
	struct diags d;
	struct press *p;
	struct galley *g;
	struct block b;
	struct runs r;
	struct note n = { 1, "1", NULL, NULL, NULL, { NULL, 0, 0 } };
	GString *out = g_string_new(NULL);
	guint i, from;

	style_init(&st);
	diags_init(&d);
	p = press_new("en-US", &st, &d);
	p->paras = reuse_open(path, "k");
	/* First a block in both fonts, which a fresh press has not yet
	 * chosen: found all the same, its fonts chosen by itemizing it. */
	g = galley_new();
	block_init(&b, &st.body);
	runs_init(&r, FALSE);
	runs_add(&r, "First");
	runs_add_noteref(&r, &n, NULL);
	typeset(p, &b, &r, g);
	runs_release(&r);
	from = g->lines->len;
	block_init(&b, &st.body);
	b.justify = TRUE;
	b.indent = st.indent;
	runs_init(&r, FALSE);
	runs_add(&r, text);
	runs_add_noteref(&r, &n, NULL);
	runs_add(&r, " And more words after the note, to end it.");
	typeset(p, &b, &r, g);
	runs_release(&r);
	for (i = from; i < g->lines->len; i++) {
		const struct line *ln = GALLEY_LINE(g, i);

		g_string_append_printf(out, "%u %u %.17g %d %d %.17g %u %d\n",
		    ln->start, ln->end, ln->ratio, ln->hyphen, ln->fill, ln->x,
		    ln->flags, ln->para->nitems);
	}
	*kept = p->sets_kept;
	ck_assert(reuse_close(p->paras, NULL));
	galley_free(g);
	press_free(p);
	diags_release(&d);
	style_release(&st);
	return g_string_free(out, FALSE);
}

/*
 * A block set as an earlier press set it (the reuse, typeset.c), the
 * first in its fonts too (itemized to choose them, not set): the same
 * lines as setting it again, its raised number in the same item; a
 * block whose text changed is set anew.
 */
START_TEST(test_typeset_kept)
{
	char *dir = fixture_dir();
	char *path = g_build_filename(dir, "t.paras", NULL);
	char *first, *again, *changed;
	guint kept;

	first = set_with_reuse(path, fixture_prose, &kept);
	ck_assert_uint_eq(kept, 0);
	again = set_with_reuse(path, fixture_prose, &kept);
	ck_assert_uint_eq(kept, 2);
	ck_assert_str_eq(again, first);
	ck_assert_uint_ge(strlen(first), 80);	/* several lines */
	changed = set_with_reuse(path, "Another text.", &kept);
	ck_assert_uint_eq(kept, 1);		/* the first block's */
	g_free(first);
	g_free(again);
	g_free(changed);
	g_free(path);
	fixture_clean(dir);
}
END_TEST

/*
 * A paragraph's items and pieces as para_items_save keeps them, read
 * back by para_kept: whole, the same pieces; cut short anywhere or with
 * any byte changed, NULL or a paragraph whose pieces cover its text in
 * order, each within its item and on a character's first byte, each
 * item's characters counted right (never a read out of bounds, which
 * the sanitizers and valgrind would see, nor what Pango asserts).
 */
START_TEST(test_para_kept_damaged)
{
	struct style st;
	struct diags d;
	struct press *p;
	struct galley *g;
	struct para *pa, *back;
	GString *saved = g_string_new(NULL);
	const guint8 *at;
	guint8 *bytes;
	gsize i, k;

	style_init(&st);
	diags_init(&d);
	p = press_new("en-US", &st, &d);
	g = set_prose(p, "Caf\u00e9 words, na\u00efve \u2014 and some more: "
	    "\u00aba paragraph\u00a0of them\u00bb.");
	pa = GALLEY_LINE(g, 0)->para;
	ck_assert(para_items_save(p->shaper, pa, saved));
	at = (const guint8 *)saved->str;
	back = para_kept(p->shaper, pa->text, strlen(pa->text), NULL, here,
	    &at, at + saved->len);
	ck_assert_ptr_nonnull(back);
	ck_assert_ptr_eq(at, (const guint8 *)saved->str + saved->len);
	ck_assert_uint_eq(back->nitems, pa->nitems);
	ck_assert_uint_eq(back->npieces, pa->npieces);
	for (i = 0; i < pa->npieces; i++) {
		ck_assert_uint_eq(back->pieces[i].start, pa->pieces[i].start);
		ck_assert_ptr_eq(back->pieces[i].sh, pa->pieces[i].sh);
	}
	para_unref(back);
	bytes = g_malloc(saved->len);
	for (i = 0; i <= saved->len; i++)
		for (k = 0; k < (i < saved->len ? 2 : 1); k++) {
			guint end = 0, j;

			memcpy(bytes, saved->str, saved->len);
			if (k == 1)
				bytes[i] ^= 0x41;
			at = bytes;
			back = para_kept(p->shaper, pa->text, strlen(pa->text),
			    NULL, here, &at, bytes + (k == 1 ? saved->len :
			    i));
			if (back == NULL)
				continue;
			for (j = 0; j < back->npieces; j++) {
				const struct piece *pc = &back->pieces[j];
				const PangoItem *it = back->items[pc->item];

				ck_assert_uint_eq(pc->start, end);
				ck_assert_uint_ge(pc->start, (guint)it->offset);
				ck_assert(((guchar)back->text[pc->start] &
				    0xC0) != 0x80);
				end = piece_end(pc);
				ck_assert_uint_le(end, (guint)(it->offset +
				    it->length));
				ck_assert_int_eq(it->num_chars,
				    (int)g_utf8_strlen(back->text + it->offset,
				    it->length));
			}
			para_unref(back);
		}
	g_free(bytes);
	g_string_free(saved, TRUE);
	galley_free(g);
	press_free(p);
	diags_release(&d);
	style_release(&st);
}
END_TEST

/*
 * A paragraph of 30,000 words is set in stretches (typeset.c's
 * CHUNK_ITEMS): the seams are as sound as the rest, and every word is
 * set once, in order.
 */
START_TEST(test_typeset_long_paragraph)
{
	GString *text = g_string_new(NULL);
	int i;

	for (i = 0; text->len < 200000; i++)
		g_string_append_printf(text, "%s%s", i > 0 ? " " : "",
		    fixture_prose);
	ck_assert_uint_ge(check_paragraph(text->str), 2000);
	g_string_free(text, TRUE);
}
END_TEST

/*
 * Characters the style's fonts lack: set in another, with one warning
 * for that font, naming it (not with its size), at the first and with
 * how many more; a joiner, never drawn, is none of them; a character
 * in no font at all is an error when the PDF is to be drawn.
 */
START_TEST(test_typeset_missing_glyph)
{
	struct style st;
	struct diags d;
	struct press *p;
	struct galley *g;
	const struct diag *dg;

	style_init(&st);
	diags_init(&d);
	p = press_new("en-US", &st, &d);
	g = set_prose(p, "A sun \xe2\x98\x80 and a sun \xe2\x98\x80 again, "
	    "a moon \xe2\x98\xbe, a joiner \xe2\x80\x8d.");
	ck_assert_int_eq(d.count[DIAG_WARNING], 0);
	shaper_report(p->shaper);
	ck_assert_int_eq(shaper_drawable(p->shaper, &d), 0);
	ck_assert_int_eq(d.count[DIAG_WARNING], 1);
	dg = &g_array_index(d.list, struct diag, 0);
	ck_assert_str_eq(dg->msg, "'\xe2\x98\x80' (U+2600) and 1 other "
	    "character after it are in none of the style's fonts, and set in "
	    "DejaVu Sans; name a font in the style that has them");
	galley_free(g);
	g = set_prose(p, "A private sign \xf3\xb0\x80\x80 no font has.");
	ck_assert_int_eq(shaper_drawable(p->shaper, &d), -1);
	ck_assert_int_eq(d.count[DIAG_ERROR], 1);
	ck_assert_int_eq(fixture_diags_matching(&d, "'\xf3\xb0\x80\x80' "
	    "(U+F0000) is in no font on this machine: the PDF would print a "
	    "box"), 1);
	galley_free(g);
	press_free(p);
	diags_release(&d);
	style_release(&st);
}
END_TEST

/* On a narrow measure, with at most one hyphen in a row, none follow. */
START_TEST(test_typeset_narrow_hyphen_limit)
{
	struct style st;
	struct diags d;
	struct press *p;
	struct galley *g;
	int run = 0, hyphens = 0;
	guint i;

	style_init(&st);
	st.inner = st.outer = (st.width - 2 * 72) / 2;	/* a 2 in measure */
	st.hyph_max_lines = 1;
	diags_init(&d);
	p = press_new("en-US", &st, &d);
	g = set_prose(p, fixture_prose);
	for (i = 0; i < g->lines->len; i++) {
		const struct line *ln = GALLEY_LINE(g, i);

		ck_assert(ln->ratio >= -1);
		hyphens += ln->hyphen;
		run = ln->hyphen ? run + 1 : 0;
		ck_assert_int_le(run, 1);
	}
	ck_assert_int_gt(hyphens, 2);
	galley_free(g);
	press_free(p);
	diags_release(&d);
	style_release(&st);
}
END_TEST

/* Names and compounds, on a measure narrow enough to want hyphens. */
static const char names_prose[] =
    "The Opposition of Trotsky and Zinoviev met Preobrazhensky, "
    "Ter-Vaganian and the Social-Democratic Mensheviks in Moscow and "
    "Leningrad; Rakovsky and Radek wrote from Astrakhan and Barnaul about "
    "the bureaucratisation of the Communist International, and Sosnovsky "
    "answered them from Tomsk with self-destruction, counter-revolution "
    "and Thermidor, while Smilga and Serebryakov considered capitulation.";

/*
 * Set at 2 in with capitals as asked: how many lines end in a hyphen
 * that breaks a capitalised word.  No line breaks a word that has a
 * hyphen of its own anywhere but there.
 */
static int
capitals_broken(enum capitals capitals)
{
	struct style st;
	struct diags d;
	struct press *p;
	struct galley *g;
	int n = 0;
	guint i;

	style_init(&st);
	st.inner = st.outer = (st.width - 2 * 72) / 2;
	st.capitals = capitals;
	diags_init(&d);
	p = press_new("en-US", &st, &d);
	g = set_prose(p, names_prose);
	for (i = 0; i < g->lines->len; i++) {
		const struct line *ln = GALLEY_LINE(g, i);
		const char *t = ln->para->text;
		guint a = ln->end, b = ln->end;

		if (!ln->hyphen)
			continue;
		while (a > 0 && t[a - 1] != ' ')
			a--;
		while (t[b] != '\0' && t[b] != ' ')
			b++;
		ck_assert_msg(memchr(t + a, '-', b - a) == NULL,
		    "a compound broken a second time: %.*s", (int)(b - a),
		    t + a);
		n += g_ascii_isupper(t[a]) != 0;
	}
	galley_free(g);
	press_free(p);
	diags_release(&d);
	style_release(&st);
	return n;
}

/* Names are hyphenated only where there is no other way, unless the
 * style allows it; this text then breaks some. */
START_TEST(test_typeset_capitals)
{
	ck_assert_int_eq(capitals_broken(CAPITALS_AVOID), 0);
	ck_assert_int_gt(capitals_broken(CAPITALS_ALLOW), 0);
}
END_TEST

/* Set at 2 in as p hyphenates now: how many lines end in a hyphen. */
static int
hyphens_at_two_inches(struct press *p)
{
	struct galley *g = set_prose(p, names_prose);
	int n = 0;
	guint i;

	for (i = 0; i < g->lines->len; i++)
		n += GALLEY_LINE(g, i)->hyphen;
	galley_free(g);
	return n;
}

/*
 * A chapter in another language is hyphenated by its own patterns (en-GB
 * by hyph_en.dic, which hyphen-en-us installs), a language without
 * patterns not at all, and after it the book's patterns are back.
 */
START_TEST(test_press_language)
{
	struct style st;
	struct diags d;
	struct press *p;
	struct hyph *book;

	style_init(&st);
	st.inner = st.outer = (st.width - 2 * 72) / 2;
	diags_init(&d);
	p = press_new("en-US", &st, &d);
	book = p->hyph;
	ck_assert_ptr_nonnull(book);
	ck_assert_int_gt(hyphens_at_two_inches(p), 0);
	press_language(p, "qaa");
	ck_assert_ptr_null(p->hyph);
	ck_assert_int_eq(hyphens_at_two_inches(p), 0);
	press_language(p, "en-GB");
	ck_assert_ptr_nonnull(p->hyph);
	ck_assert_ptr_ne(p->hyph, book);
	ck_assert_int_gt(hyphens_at_two_inches(p), 0);
	press_language(p, NULL);
	ck_assert_ptr_eq(p->hyph, book);
	ck_assert_int_eq(d.list->len, 0);	/* the manifest's to say */
	press_free(p);
	diags_release(&d);
	style_release(&st);
}
END_TEST

/*
 * A passage in another language is hyphenated by its patterns; one in
 * a language without any, not at all, which is said once, at the first
 * passage in it; outside passages, as the chapter is.
 */
START_TEST(test_press_passage)
{
	struct style st;
	struct diags d;
	struct press *p;
	struct node *gb = node_new(NODE_SPAN, here), *qaa = node_new(NODE_DIV,
	    here), *qaa2 = node_new(NODE_SPAN, here);

	gb->as.lang = g_strdup("en-GB");
	qaa->as.lang = g_strdup("qaa");
	qaa2->as.lang = g_strdup("qaa");
	style_init(&st);
	diags_init(&d);
	p = press_new("en-US", &st, &d);
	ck_assert_ptr_eq(press_hyph(p, NULL), p->hyph);
	ck_assert_ptr_nonnull(press_hyph(p, gb));
	ck_assert_ptr_ne(press_hyph(p, gb), p->hyph);
	ck_assert_ptr_null(press_hyph(p, qaa));
	ck_assert_ptr_null(press_hyph(p, qaa2));
	ck_assert_int_eq(d.list->len, 1);
	ck_assert_ptr_nonnull(strstr(fixture_first_diag(&d)->msg, "no "
	    "hyphenation patterns for qaa here: the passage is set without "
	    "hyphens in the PDF; install them (Debian's hyphen-qaa)"));
	press_free(p);
	node_free(gb);
	node_free(qaa);
	node_free(qaa2);
	diags_release(&d);
	style_release(&st);
}
END_TEST

/* --- the page builder ----------------------------------------------------- */

/* A press ten lines of 11 on 14 deep, with the default style. */
static struct style page_style;
static struct press ten_lines;

static void
ten_lines_setup(void)
{
	style_init(&page_style);
	memset(&ten_lines, 0, sizeof(ten_lines));
	ten_lines.st = &page_style;
	ten_lines.measure = 324;
	ten_lines.depth = 11 + 9 * 14;
}

static void
ten_lines_teardown(void)
{
	style_release(&page_style);
}

/* Appends a block of n lines to a galley of bare lines (no text). */
static void
add_block(struct galley *g, int n, unsigned flags)
{
	int i;

	for (i = 0; i < n; i++) {
		struct line ln = { 0 };

		ln.ascent = 11;
		ln.advance = 14;
		ln.chapter = 0;
		ln.page = -1;
		ln.flags = (flags & LINE_KEEP) | (i == 0 ? LINE_FIRST |
		    (flags & (LINE_NEW_PAGE | LINE_NEW_RECTO)) : 0) |
		    (i == n - 1 ? LINE_LAST : 0);
		g_array_append_val(g->lines, ln);
	}
}

static guint
count_on(const struct makeup *mk, guint i)
{
	ck_assert_uint_gt(mk->pages->len, i);
	return g_array_index(mk->pages, struct page, i).count;
}

START_TEST(test_page_fills_to_depth)
{
	struct galley *g = galley_new();
	struct makeup mk;

	add_block(g, 15, 0);
	add_block(g, 5, 0);
	page_make_up(&ten_lines, g, NULL, 0, &mk);
	ck_assert_uint_eq(mk.pages->len, 2);
	ck_assert_uint_eq(count_on(&mk, 0), 10);
	ck_assert_double_eq_tol(GALLEY_LINE(g, 9)->y, 137, 1e-6);
	ck_assert_int_eq(GALLEY_LINE(g, 10)->page, 1);
	ck_assert_double_eq_tol(GALLEY_LINE(g, 10)->y, 11, 1e-6);
	makeup_release(&mk);
	galley_free(g);
}
END_TEST

/*
 * Thirty lines, the tenth and the nineteenth ending in a hyphen: the
 * recto (page 1) breaks a line early rather than split a word over the
 * turn; the verso (page 2) keeps its hyphen at its foot, a short page
 * costing more.
 */
START_TEST(test_page_recto_hyphen)
{
	struct galley *g = galley_new();
	struct makeup mk;

	add_block(g, 30, 0);
	GALLEY_LINE(g, 9)->hyphen = 1;
	GALLEY_LINE(g, 18)->hyphen = 1;
	page_make_up(&ten_lines, g, NULL, 0, &mk);
	ck_assert_uint_eq(count_on(&mk, 0), 9);
	ck_assert_uint_eq(count_on(&mk, 1), 10);
	ck_assert(GALLEY_LINE(g, 18)->page == 1);
	makeup_release(&mk);
	galley_free(g);
}
END_TEST

/* Eleven lines: the last would stand alone at the head of page 2,
 * which eight lines more fill. */
START_TEST(test_page_no_widow)
{
	struct galley *g = galley_new();
	struct makeup mk;

	add_block(g, 11, 0);
	add_block(g, 8, 0);
	page_make_up(&ten_lines, g, NULL, 0, &mk);
	ck_assert_uint_eq(count_on(&mk, 0), 9);
	ck_assert_uint_eq(count_on(&mk, 1), 10);
	ck_assert_int_eq(g_array_index(mk.pages, struct page, 0).short_by, 1);
	makeup_release(&mk);
	galley_free(g);
}
END_TEST

/*
 * The page cut short above still ends at the foot, where its facing
 * page does: one paragraph has no space between paragraphs to stretch,
 * so the line left empty is shared evenly between its eight gaps.
 */
START_TEST(test_page_short_ends_at_foot)
{
	struct galley *g = galley_new();
	struct makeup mk;

	add_block(g, 11, 0);
	add_block(g, 8, 0);
	page_make_up(&ten_lines, g, NULL, 0, &mk);
	ck_assert_uint_eq(count_on(&mk, 0), 9);
	ck_assert_double_eq_tol(GALLEY_LINE(g, 8)->y, 137, 1e-6);
	ck_assert_double_eq_tol(GALLEY_LINE(g, 1)->y, 11 + 14 + 14.0 / 8,
	    1e-6);
	ck_assert_double_eq_tol(GALLEY_LINE(g, 9)->y, 11, 1e-6);
	makeup_release(&mk);
	galley_free(g);
}
END_TEST

/*
 * A heading at the foot goes over with its paragraph's first lines.
 * The page, two lines short, is not spread to the foot: between seven
 * gaps each would open by 4 pt, over a fifth of the leading, and a page
 * left short is better than one that looks double-spaced.
 */
START_TEST(test_page_heading_kept_with_text)
{
	struct galley *g = galley_new();
	struct makeup mk;

	add_block(g, 8, 0);
	add_block(g, 1, LINE_KEEP);
	add_block(g, 5, 0);
	page_make_up(&ten_lines, g, NULL, 0, &mk);
	ck_assert_uint_eq(count_on(&mk, 0), 8);
	ck_assert_int_eq(GALLEY_LINE(g, 8)->page, 1);
	ck_assert_double_eq_tol(GALLEY_LINE(g, 7)->y, 11 + 7 * 14, 1e-6);
	makeup_release(&mk);
	galley_free(g);
}
END_TEST

/* A chapter after an odd number of pages: a blank verso first. */
START_TEST(test_page_new_recto)
{
	struct galley *g = galley_new();
	struct makeup mk;
	const struct page *pg;

	add_block(g, 3, 0);
	add_block(g, 3, LINE_NEW_RECTO);
	page_make_up(&ten_lines, g, NULL, 0, &mk);
	ck_assert_uint_eq(mk.pages->len, 3);
	ck_assert_uint_eq(count_on(&mk, 1), 0);
	pg = &g_array_index(mk.pages, struct page, 2);
	ck_assert_uint_eq(pg->first, 3);
	ck_assert(pg->opening);
	makeup_release(&mk);
	galley_free(g);
}
END_TEST

/*
 * Two lines of a heading (16 on 19, 7 pt above) between body lines:
 * the body line after it is put back on the grid, a whole number of
 * leadings (14) below the first line, and so are the rest.
 */
START_TEST(test_page_grid)
{
	struct galley *g = galley_new();
	struct makeup mk;
	guint i;

	add_block(g, 2, 0);
	add_block(g, 2, LINE_KEEP);
	for (i = 2; i < 4; i++) {
		GALLEY_LINE(g, i)->ascent = 16;
		GALLEY_LINE(g, i)->advance = 19;
	}
	GALLEY_LINE(g, 2)->space = 7;
	add_block(g, 4, 0);
	page_make_up(&ten_lines, g, NULL, 0, &mk);
	ck_assert_double_eq_tol(GALLEY_LINE(g, 3)->y, 25 + 7 + 19 + 19, 1e-6);
	/* 84 by its advance, 95 on the grid */
	ck_assert_double_eq_tol(GALLEY_LINE(g, 4)->y, 11 + 6 * 14, 1e-6);
	ck_assert_double_eq_tol(GALLEY_LINE(g, 7)->y, 11 + 9 * 14, 1e-6);
	makeup_release(&mk);
	galley_free(g);
}
END_TEST

/*
 * A chapter of twelve lines on pages of ten: rather than two lines
 * alone on its last page, it leaves five there.
 */
START_TEST(test_page_chapter_ending)
{
	struct galley *g = galley_new();
	struct makeup mk;

	add_block(g, 12, 0);
	add_block(g, 3, LINE_NEW_PAGE);
	page_make_up(&ten_lines, g, NULL, 0, &mk);
	ck_assert_uint_eq(count_on(&mk, 0), 12 - MIN_ENDING);
	ck_assert_uint_eq(count_on(&mk, 1), MIN_ENDING);
	makeup_release(&mk);
	galley_free(g);
}
END_TEST

/*
 * Paragraphs of every length from one line to eleven, in a mixed order,
 * with headings between some: no page ends in a widow, an orphan or a
 * heading, and none is more than three lines short.
 */
START_TEST(test_page_no_lonely_lines)
{
	struct galley *g = galley_new();
	struct makeup mk;
	guint i;

	for (i = 0; i < 400; i++) {
		if (i % 17 == 5)
			add_block(g, 1, LINE_KEEP);
		add_block(g, 1 + (int)(i * 7 % 11), 0);
	}
	page_make_up(&ten_lines, g, NULL, 0, &mk);
	ck_assert_uint_gt(mk.pages->len, 100);
	for (i = 0; i < mk.pages->len; i++) {
		const struct page *pg = &g_array_index(mk.pages, struct page,
		    i);

		ck_assert_msg(page_fault(g, pg->first + pg->count) ==
		    FAULT_NONE, "page %u ends badly", i + 1);
		ck_assert_int_le(pg->short_by, 3);
	}
	makeup_release(&mk);
	galley_free(g);
}
END_TEST

Suite *
typeset_suite(void)
{
	Suite *s = suite_create("typeset");
	TCase *runs = tcase_create("runs");
	TCase *lines = tcase_create("lines");
	TCase *pages = tcase_create("pages");

	tcase_add_test(runs, test_runs_nested_emphasis);
	tcase_add_test(runs, test_runs_italic_block_and_noteref);
	tcase_add_test(runs, test_runs_index_marks);
	tcase_add_test(lines, test_hyph_points);
	tcase_add_test(lines, test_hyph_kept);
	tcase_add_test(lines, test_hyph_missing_patterns_warn);
	tcase_add_test(lines, test_hyphen_package);
	tcase_add_test(lines, test_kp_fixed_paragraph);
	tcase_add_test(lines, test_kp_two_hyphens_in_a_row);
	tcase_add_test(lines, test_kp_force_overfull);
	tcase_add_test(lines, test_typeset_paragraph);
	tcase_add_test(lines, test_typeset_kept);
	tcase_add_test(lines, test_para_kept_damaged);
	tcase_add_test(lines, test_typeset_long_paragraph);
	tcase_add_test(lines, test_typeset_narrow_hyphen_limit);
	tcase_add_test(lines, test_typeset_missing_glyph);
	tcase_add_test(lines, test_typeset_capitals);
	tcase_add_test(lines, test_press_language);
	tcase_add_test(lines, test_press_passage);
	tcase_add_checked_fixture(pages, ten_lines_setup, ten_lines_teardown);
	tcase_add_test(pages, test_page_fills_to_depth);
	tcase_add_test(pages, test_page_no_widow);
	tcase_add_test(pages, test_page_short_ends_at_foot);
	tcase_add_test(pages, test_page_heading_kept_with_text);
	tcase_add_test(pages, test_page_new_recto);
	tcase_add_test(pages, test_page_recto_hyphen);
	tcase_add_test(pages, test_page_grid);
	tcase_add_test(pages, test_page_chapter_ending);
	tcase_add_test(pages, test_page_no_lonely_lines);
	suite_add_tcase(s, runs);
	suite_add_tcase(s, lines);
	suite_add_tcase(s, pages);
	return s;
}
