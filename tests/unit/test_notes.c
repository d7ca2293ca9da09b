/*
 * test_notes.c — notes from raw text to the model: each convention's
 * recognizer with the catalogue's traps, then linking, numbering,
 * headings and cross-references.
 */
#include <string.h>

#include "fixture.h"
#include "parse/notes.h"
#include "suites.h"

/* A one-chapter edition made from text by octavo's pipeline. */
static struct edition *
build(const char *text, struct diags *d)
{
	struct edition *e;

	diags_init(d);
	e = fixture_edition(text, 0, d);
	ck_assert_ptr_nonnull(e);
	return e;
}

static struct chapter *
first_chapter(struct edition *e)
{
	return g_ptr_array_index(e->chapters, 0);
}

/* Note i's text. */
static char *
note_text(struct edition *e, guint i)
{
	struct note *n = g_ptr_array_index(first_chapter(e)->notes, i);

	return node_text(n->body);
}

/* The references of the chapter's body, as "label>number " pairs. */
static char *
refs(struct edition *e)
{
	GString *s = g_string_new(NULL);
	struct iter it;

	iter_init(&it, first_chapter(e)->doc);
	while (iter_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && it.cur->type == NODE_NOTEREF)
			g_string_append_printf(s, "%s>%d ", it.cur->text,
			    it.cur->as.noteref.note->number);
	return g_string_free(s, FALSE);
}

#define LONG "This paragraph is long enough to be running text rather than " \
	"a title, a byline or a date, which the front matter pass would take " \
	"for the chapter's metadata if it were shorter than two hundred " \
	"characters, as this one is not."

START_TEST(test_bracket_spaced_numbered_notes)
{
	struct diags d;
	struct edition *e = build(LONG " Researchers [1] made a find.\n\n"
	    "It was from the GPU. [2]. Ivan knew.\n\n\n"
	    "1. This work-group consisted of six.\n\n"
	    "2. A letter, dated 1.11.2011.\nA second paragraph of note 2.\n", &d);
	char *s = refs(e), *t;

	ck_assert_str_eq(s, "1>1 2>2 ");
	ck_assert_uint_eq(first_chapter(e)->notes->len, 2);
	t = note_text(e, 1);
	ck_assert_str_eq(t, "A letter, dated 1.11.2011.A second paragraph of note 2.");
	ck_assert_int_eq(((struct note *)g_ptr_array_index(
	    first_chapter(e)->notes, 1))->body->first->next->type, NODE_PARAGRAPH);
	g_free(t);
	t = node_text(first_chapter(e)->doc);
	ck_assert_ptr_nonnull(strstr(t, "Researchers made a find."));
	ck_assert_ptr_null(strstr(t, "[1]"));
	g_free(t);
	g_free(s);
	edition_free(e);
	diags_release(&d);
}
END_TEST

START_TEST(test_bracket_runon_notes)
{
	struct diags d;
	struct edition *e = build("IV. Bloc and Break[2]\n\n" LONG
	    " live then.”[1] And more.\n\n\n[1] Deutscher, The Prophet, 1963, "
	    "pp. 301-394. [2] See (note 1) and Ibid. 316", &d);
	char *s = refs(e), *t;

	ck_assert_str_eq(s, "2>2 1>1 ");
	ck_assert_int_eq(fixture_diags_matching(&d, "out of order"), 1);
	t = note_text(e, 0);
	ck_assert_str_eq(t, "Deutscher, The Prophet, 1963, pp.\xc2\xa0" "301–394.");
	g_free(t);
	/* The heading's marker is at its end, out of its text. */
	t = node_text(first_chapter(e)->doc->first);
	ck_assert_str_eq(t, "IV. Bloc and Break");
	ck_assert_int_eq(first_chapter(e)->doc->first->last->type, NODE_NOTEREF);
	g_free(t);
	g_free(s);
	edition_free(e);
	diags_release(&d);
}
END_TEST

/* The catalogue's traps for notes run on as "1 … 2 …" with glued markers. */
START_TEST(test_glued_digits)
{
	struct diags d;
	struct edition *e = build(LONG " crisis.1 When he wrote, in 1929-32, "
	    "‘a corpse.’2 On 15 March.3Trotsky’s letter.\n\n\n"
	    "1 Deutscher, op. cit. (New York, 1963) pp. 172-5.2 Most writers "
	    "say BO, No. 36-37, pp. 1-12 (dated 1 October 1933) and the "
	    "Soviet government. 3 The editors see the 1 October article.", &d);
	char *s = refs(e), *t;

	ck_assert_str_eq(s, "1>1 2>2 3>3 ");
	t = note_text(e, 0);
	ck_assert_str_eq(t, "Deutscher, op. cit. (New York, 1963) pp.\xc2\xa0" "172–5.");
	g_free(t);
	t = note_text(e, 1);
	ck_assert(g_str_has_prefix(t, "Most writers"));
	ck_assert(g_str_has_suffix(t, "Soviet government."));
	g_free(t);
	t = note_text(e, 2);
	ck_assert(g_str_has_prefix(t, "The editors"));
	g_free(t);
	t = node_text(first_chapter(e)->doc);
	ck_assert_ptr_nonnull(strstr(t, "in 1929–32,"));
	ck_assert_ptr_nonnull(strstr(t, "15 March. Trotsky’s"));
	g_free(t);
	g_free(s);
	edition_free(e);
	diags_release(&d);
}
END_TEST

START_TEST(test_unreferenced_note_kept)
{
	struct diags d;
	struct edition *e = build(LONG " one.1 two.3\n\n\n1 First note. 2 "
	    "Second note, no marker. 3 Third note.", &d);
	char *s = refs(e);

	ck_assert_str_eq(s, "1>1 3>3 ");
	ck_assert_uint_eq(first_chapter(e)->notes->len, 3);
	ck_assert_int_eq(fixture_diags_matching(&d, "has no marker"), 1);
	ck_assert_int_eq(fixture_diags_matching(&d,
	    "markers between are missing"), 1);
	g_free(s);
	edition_free(e);
	diags_release(&d);
}
END_TEST

START_TEST(test_marker_without_note_stays)
{
	struct diags d;
	struct edition *e = build(LONG " one [1] two [3]\n\n\n1. One.\n"
	    "\n2. Two.\n", &d);
	char *t = node_text(first_chapter(e)->doc);

	ck_assert_int_eq(fixture_diags_matching(&d, "has no note"), 1);
	ck_assert_int_eq(fixture_diags_matching(&d, "has no marker"), 1);
	ck_assert_ptr_nonnull(strstr(t, "two [3]"));
	g_free(t);
	edition_free(e);
	diags_release(&d);
}
END_TEST

START_TEST(test_author_note)
{
	struct diags d;
	struct edition *e = build("By A. Writer*\n\n" LONG " end.1 More.2\n\n"
	    "* The author thanks a fund.\n\n1 A note. 2 Another.", &d);
	struct note *n = g_ptr_array_index(first_chapter(e)->notes, 0);
	char *t;

	ck_assert_uint_eq(first_chapter(e)->notes->len, 3);
	ck_assert_str_eq(n->label, "*");
	ck_assert_int_eq(n->number, 0);
	t = node_text(n->body);
	ck_assert_str_eq(t, "The author thanks a fund.");
	g_free(t);
	edition_free(e);
	diags_release(&d);
}
END_TEST

START_TEST(test_cross_references)
{
	struct diags d;
	struct edition *e = build(LONG " a.[1] b.[2] c.[3]\n\n\n[1] Ibid. [2] "
	    "See note 3, and Cf. n.1. [3] L. Sedov, Livre Rouge, p. 59, note 6; "
	    "Document n.2.", &d);
	struct note *n2 = g_ptr_array_index(first_chapter(e)->notes, 1);
	struct note *n3 = g_ptr_array_index(first_chapter(e)->notes, 2);
	struct iter it;
	int xrefs = 0;

	iter_init(&it, n2->body);
	while (iter_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && it.cur->type == NODE_XREF)
			xrefs++;
	ck_assert_int_eq(xrefs, 2);
	iter_init(&it, n3->body);
	while (iter_next(&it) != ITER_NONE)
		ck_assert(it.cur->type != NODE_XREF);
	edition_free(e);
	diags_release(&d);
}
END_TEST

START_TEST(test_continuous_numbering)
{
	struct diags d;
	struct edition *e = build(LONG " a.[1] b.[2]\n\n\n[1] One. [2] Two.", &d);
	struct chapter *c2 = chapter_new("u");
	struct note *n = note_new(0, "1", first_chapter(e)->pos);

	g_ptr_array_add(c2->notes, n);
	c2->doc = node_new(NODE_DOCUMENT, n->pos);
	g_ptr_array_add(e->chapters, c2);
	e->notes_continuous = 1;
	notes_link(e, &d);
	ck_assert_int_eq(n->number, 3);
	e->notes_continuous = 0;
	notes_link(e, &d);
	ck_assert_int_eq(n->number, 1);
	edition_free(e);
	diags_release(&d);
}
END_TEST

Suite *
notes_suite(void)
{
	Suite *s = suite_create("notes");
	TCase *tc = tcase_create("notes");

	tcase_add_test(tc, test_bracket_spaced_numbered_notes);
	tcase_add_test(tc, test_bracket_runon_notes);
	tcase_add_test(tc, test_glued_digits);
	tcase_add_test(tc, test_unreferenced_note_kept);
	tcase_add_test(tc, test_marker_without_note_stays);
	tcase_add_test(tc, test_author_note);
	tcase_add_test(tc, test_cross_references);
	tcase_add_test(tc, test_continuous_numbering);
	suite_add_tcase(s, tc);
	return s;
}
