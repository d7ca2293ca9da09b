/*
 * test_notes.c — the notes stage's API: numbering through the book.
 * What each convention's recognizer makes of raw text is held to the
 * model's dump in tests/data/model/notes-*.
 */
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

#define LONG "This paragraph is long enough to be running text rather than " \
	"a title, a byline or a date, which the front matter pass would take " \
	"for the chapter's metadata if it were shorter than two hundred " \
	"characters, as this one is not."

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

	tcase_add_test(tc, test_continuous_numbering);
	suite_add_tcase(s, tc);
	return s;
}
