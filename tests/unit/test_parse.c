/*
 * test_parse.c — normalized CommonMark into the model, with positions
 * that point into the original source.
 */
#include <string.h>

#include "fixture.h"
#include "pipeline.h"
#include "read/source.h"
#include "suites.h"

/* The good.ini fixture through octavo's pipeline; chapter i in *c. */
static struct edition *
load(guint i, struct chapter **c)
{
	struct pipeline_opts o = { 0 };
	struct pipeline p;
	struct diags d;
	struct edition *e;

	diags_init(&d);
	o.max_source = SOURCE_MAX;
	ck_assert_int_eq(pipeline_run(&p, "../fixtures/good.ini", &o, &d), 0);
	ck_assert_int_eq(d.count[DIAG_ERROR], 0);
	e = p.edition;
	p.ms->edition = NULL;
	pipeline_release(&p);
	*c = g_ptr_array_index(e->chapters, i);
	diags_release(&d);
	return e;
}

/* The types of the document's children, as a string. */
static char *
shape(const struct node *doc)
{
	GString *s = g_string_new(NULL);
	const struct node *n;

	for (n = doc->first; n != NULL; n = n->next)
		g_string_append_printf(s, "%s ", node_type_name(n->type));
	return g_string_free(s, FALSE);
}

START_TEST(test_text_stays_literal)
{
	struct chapter *c;
	struct edition *e = load(0, &c);
	char *s = shape(c->doc);
	char *t = node_text(c->doc->first);

	ck_assert_str_eq(s, "paragraph paragraph paragraph paragraph ");
	ck_assert_str_eq(t, "First paragraph, with *stars* and [brackets].");
	ck_assert_int_eq(c->doc->first->first->type, NODE_TEXT);
	ck_assert_ptr_null(c->doc->first->first->next);	/* merged */
	g_free(t);
	t = node_text(c->doc->last);
	ck_assert_str_eq(t, "# Not a heading");
	g_free(t);
	g_free(s);
	edition_free(e);
}
END_TEST

START_TEST(test_positions_map_to_source)
{
	struct chapter *c;
	struct edition *e = load(0, &c);
	const struct node *p = c->doc->first->next;

	ck_assert_str_eq(p->pos.file, "../fixtures/one.txt");
	ck_assert_int_eq(p->pos.line, 3);
	ck_assert_int_eq(c->doc->last->pos.line, 5);
	edition_free(e);
}
END_TEST

START_TEST(test_markdown_structure)
{
	struct chapter *c;
	struct edition *e = load(1, &c);
	char *s = shape(c->doc);
	const struct node *n = c->doc->first;

	ck_assert_str_eq(s, "heading paragraph blockquote list ");
	ck_assert_int_eq(n->as.heading.level, 1);
	n = n->next;
	ck_assert_int_eq(n->first->next->type, NODE_EMPH);
	ck_assert_int_eq(n->last->prev->type, NODE_LINK);
	ck_assert_str_eq(n->last->prev->as.link->url, "http://example.com/");
	n = c->doc->last;
	ck_assert(n->as.list.ordered);
	ck_assert_int_eq(n->as.list.start, 3);
	ck_assert_int_eq(n->last->type, NODE_ITEM);
	ck_assert_int_eq(n->pos.line, 7);
	g_free(s);
	edition_free(e);
}
END_TEST

/* Markdown's text nodes get typography, across inline boundaries too. */
START_TEST(test_markdown_typography)
{
	struct diags d;
	struct edition *e;
	struct chapter *c;
	char *t;

	diags_init(&d);
	e = fixture_edition("He said \"*this*\" -- in 1926-1938...\n\n"
	    "[^1]: It's so.\n\nA note[^1].\n", 1, &d);
	ck_assert_ptr_nonnull(e);
	c = g_ptr_array_index(e->chapters, 0);
	t = node_text(c->doc->first);
	ck_assert_str_eq(t, "He said “this”—in 1926–1938…");
	g_free(t);
	t = node_text(((struct note *)g_ptr_array_index(c->notes, 0))->body);
	ck_assert_str_eq(t, "It’s so.");
	g_free(t);
	ck_assert_int_eq(c->doc->last->last->type, NODE_TEXT);
	ck_assert_int_eq(c->doc->last->last->prev->type, NODE_NOTEREF);
	diags_release(&d);
	edition_free(e);
}
END_TEST

/*
 * A link both outputs can follow goes to a URL with a scheme, and keeps
 * its title; one to a file that is no chapter's is set as its text,
 * with a warning at it; a fragment alone goes to its own chapter's
 * start, with a warning when it names no heading; a note reference in
 * a link's text comes after it.
 */
START_TEST(test_links)
{
	struct diags d;
	struct edition *e;
	const struct node *p, *link;

	diags_init(&d);
	e = fixture_edition("See [one](https://e.org \"Its title\"), "
	    "[two](two.md), [three](#top) and [four[^1]](mailto:a@e.org).\n\n"
	    "[^1]: A note.\n", 1, &d);
	ck_assert_ptr_nonnull(e);
	p = ((struct chapter *)g_ptr_array_index(e->chapters, 0))->doc->first;
	link = p->first->next;
	ck_assert_int_eq(link->type, NODE_LINK);
	ck_assert_str_eq(link->as.link->title, "Its title");
	ck_assert_int_eq(link->as.link->text_only, 0);
	link = link->next->next;
	ck_assert_str_eq(link->as.link->url, "two.md");
	ck_assert_int_eq(link->as.link->text_only, 1);
	link = link->next->next;
	ck_assert_int_eq(link->as.link->text_only, 0);
	ck_assert_ptr_eq(link->as.link->chapter, g_ptr_array_index(e->chapters,
	    0));
	ck_assert_ptr_null(link->as.link->heading);
	link = link->next->next;
	ck_assert_str_eq(link->as.link->url, "mailto:a@e.org");
	ck_assert_int_eq(link->as.link->text_only, 0);
	ck_assert_int_eq(link->last->type, NODE_TEXT);
	ck_assert_int_eq(link->next->type, NODE_NOTEREF);
	ck_assert_int_eq(d.count[DIAG_WARNING], 2);
	ck_assert_int_eq(fixture_diags_matching(&d, "'two.md' goes nowhere"),
	    1);
	ck_assert_int_eq(fixture_diags_matching(&d, "no heading of it is "
	    "'#top'"), 1);
	diags_release(&d);
	edition_free(e);
}
END_TEST

/*
 * A fragment names a heading as GitHub and pandoc name it: the link
 * points at that heading, without a warning.
 */
START_TEST(test_link_to_heading)
{
	struct diags d;
	struct edition *e;
	const struct node *doc, *link;

	diags_init(&d);
	e = fixture_edition("# Title\n\nSee [below](#the-harbours-1850).\n\n"
	    "## The Harbours, 1850\n\nText.\n", 1, &d);
	ck_assert_ptr_nonnull(e);
	doc = ((struct chapter *)g_ptr_array_index(e->chapters, 0))->doc;
	link = doc->first->first->next;
	ck_assert_int_eq(link->type, NODE_LINK);
	ck_assert_ptr_eq(link->as.link->heading, doc->first->next);
	ck_assert_int_eq(d.count[DIAG_WARNING], 0);
	diags_release(&d);
	edition_free(e);
}
END_TEST

/* The text of a table's cell: row r, cell k, from 0. */
static char *
cell_text(const struct node *table, int r, int k)
{
	const struct node *row = table->first, *cell;

	while (r-- > 0)
		row = row->next;
	for (cell = row->first; k-- > 0;)
		cell = cell->next;
	return node_text(cell);
}

/*
 * A paragraph whose second line is a delimiter row with as many cells
 * as its first is a table: a head row, body rows, every row as many
 * cells as the widest, the alignment each column's; an escaped pipe is
 * a cell's text; the delimiter row is no text.  A pipe in running text,
 * or a delimiter row of another count of cells, leaves a paragraph.
 */
START_TEST(test_tables)
{
	struct diags d;
	struct edition *e;
	const struct node *doc, *t;
	char *s, *x;

	diags_init(&d);
	e = fixture_edition("A pipe | in a sentence.\n\n"
	    "| Town | Boats |\n|:--|--:|\n| Whitby \\| Staithes | *7* |\n"
	    "Robin Hood's Bay | 3 | extra\n\n"
	    "Name | Age\n--- | --- | ---\nA | 1\n", 1, &d);
	ck_assert_ptr_nonnull(e);
	doc = ((struct chapter *)g_ptr_array_index(e->chapters, 0))->doc;
	s = shape(doc);
	ck_assert_str_eq(s, "paragraph table paragraph ");
	t = doc->first->next;
	ck_assert_int_eq(t->first->as.row.head, 1);
	ck_assert_int_eq(t->first->next->as.row.head, 0);
	ck_assert_int_eq(t->first->first->as.cell.align, ALIGN_LEFT);
	ck_assert_int_eq(t->first->first->next->as.cell.align, ALIGN_RIGHT);
	x = cell_text(t, 0, 1);
	ck_assert_str_eq(x, "Boats");
	g_free(x);
	x = cell_text(t, 1, 0);
	ck_assert_str_eq(x, "Whitby | Staithes");
	g_free(x);
	ck_assert_int_eq(t->first->next->first->next->first->type, NODE_EMPH);
	x = cell_text(t, 2, 2);
	ck_assert_str_eq(x, "extra");	/* a third column, kept */
	g_free(x);
	x = cell_text(t, 0, 2);
	ck_assert_str_eq(x, "");
	g_free(x);
	x = node_text(t);
	ck_assert_ptr_null(strstr(x, "-"));
	g_free(x);
	ck_assert_int_eq(d.count[DIAG_WARNING], 0);
	g_free(s);
	diags_release(&d);
	edition_free(e);
}
END_TEST

/*
 * An image is its description: its file's name and title are no words
 * of the text, and the ledger finds none lost, only the image's own
 * warning.
 */
START_TEST(test_image_words)
{
	struct diags d;
	struct edition *e;
	char *t;

	diags_init(&d);
	e = fixture_edition("See ![a gull on the quay](photos/kittiwake-3.png "
	    "\"Taken at dawn\") here.\n", 1, &d);
	ck_assert_ptr_nonnull(e);
	t = node_text(((struct chapter *)g_ptr_array_index(e->chapters,
	    0))->doc);
	ck_assert_str_eq(t, "See a gull on the quay here.");
	g_free(t);
	ck_assert_int_eq(d.count[DIAG_WARNING], 1);
	ck_assert_int_eq(fixture_diags_matching(&d, "image 'photos/"
	    "kittiwake-3.png' is left out"), 1);
	ck_assert_int_eq(fixture_diags_matching(&d, "in no chapter"), 0);
	diags_release(&d);
	edition_free(e);
}
END_TEST

/*
 * Raw HTML is kept as literal text, with a warning: a block of it as a
 * paragraph of its own (a bare text in the document would be drawn by
 * neither output), inline HTML in emphasis too.
 */
START_TEST(test_raw_html)
{
	struct diags d;
	struct edition *e;
	const struct node *doc;
	char *s, *t;

	diags_init(&d);
	e = fixture_edition("<div>\nA block.\n</div>\n\nSome *<b>bold</b>* "
	    "text.\n", 1, &d);
	ck_assert_ptr_nonnull(e);
	doc = ((struct chapter *)g_ptr_array_index(e->chapters, 0))->doc;
	s = shape(doc);
	ck_assert_str_eq(s, "paragraph paragraph ");
	t = node_text(doc->first);
	ck_assert_str_eq(t, "<div> A block. </div>");
	g_free(t);
	t = node_text(doc->last);
	ck_assert_str_eq(t, "Some <b>bold</b> text.");
	g_free(t);
	ck_assert_int_eq(d.count[DIAG_WARNING], 3);
	g_free(s);
	diags_release(&d);
	edition_free(e);
}
END_TEST

Suite *
parse_suite(void)
{
	Suite *s = suite_create("parse");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, test_text_stays_literal);
	tcase_add_test(tc, test_positions_map_to_source);
	tcase_add_test(tc, test_markdown_structure);
	tcase_add_test(tc, test_markdown_typography);
	tcase_add_test(tc, test_links);
	tcase_add_test(tc, test_link_to_heading);
	tcase_add_test(tc, test_tables);
	tcase_add_test(tc, test_image_words);
	tcase_add_test(tc, test_raw_html);
	suite_add_tcase(s, tc);
	return s;
}
