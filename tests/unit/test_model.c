/*
 * test_model.c — the tree: building, walking without recursion, freeing.
 */
#include <string.h>

#include "model.h"
#include "suites.h"
#include "tree/tree.h"

static struct srcpos here = { "test", 1, 1 };

/* A paragraph "a *b* c" under a document. */
static struct node *
small_tree(void)
{
	struct node *doc = node_new(NODE_DOCUMENT, here);
	struct node *p = node_new(NODE_PARAGRAPH, here);
	struct node *em = node_new(NODE_EMPH, here);

	node_append(doc, p);
	node_append(p, node_new_text(NODE_TEXT, here, "a ", -1));
	node_append(p, em);
	node_append(em, node_new_text(NODE_TEXT, here, "b", -1));
	node_append(p, node_new_text(NODE_TEXT, here, " c", -1));
	return doc;
}

START_TEST(test_iter_order)
{
	struct node *doc = small_tree();
	GString *trace = g_string_new(NULL);
	struct iter it;

	iter_init(&it, doc);
	while (iter_next(&it) != ITER_NONE)
		g_string_append_printf(trace, "%c%s ",
		    it.ev == ITER_ENTER ? '+' : '-', node_type_name(it.cur->type));
	ck_assert_str_eq(trace->str, "+document +paragraph +text +emph +text "
	    "-emph +text -paragraph -document ");
	g_string_free(trace, TRUE);
	node_free(doc);
}
END_TEST

START_TEST(test_iter_empty_container)
{
	struct node *doc = node_new(NODE_DOCUMENT, here);
	struct iter it;
	int events = 0;

	iter_init(&it, doc);
	while (iter_next(&it) != ITER_NONE)
		events++;
	ck_assert_int_eq(events, 2);
	node_free(doc);
}
END_TEST

START_TEST(test_node_text)
{
	struct node *doc = small_tree();
	char *s = node_text(doc);

	ck_assert_str_eq(s, "a b c");
	g_free(s);
	node_free(doc);
}
END_TEST

/*
 * Index marks stay in their text, which stays whole: at its start, in
 * it and at its end, several at one offset, listed in text order; only
 * a text lists marks.  The dump shows each where it falls.
 */
START_TEST(test_text_marks)
{
	struct edition *e = edition_new();
	struct chapter *c = chapter_new("c");
	struct index_entry *ann = index_entry_new("Smith, Ann", NULL);
	struct index_entry *papers = index_entry_new("papers", NULL);
	struct node *p = node_new(NODE_PARAGRAPH, here);
	struct node *t = node_new_text(NODE_TEXT, here, "Ann met Bo", -1);
	const struct index_mark *const *m;
	struct index_mark *first, *end;
	GString *dump;
	char *s;

	g_ptr_array_add(e->chapters, c);
	g_ptr_array_add(e->index, ann);
	papers->parent = ann;
	g_ptr_array_add(ann->subs, papers);
	c->doc = node_new(NODE_DOCUMENT, here);
	node_append(c->doc, p);
	node_append(p, t);
	ck_assert_ptr_null(*node_marks(t));
	first = index_mark_new(ann, c, NULL, t, 0);
	index_mark_new(papers, c, NULL, t, 0);
	index_mark_new(ann, c, NULL, t, 8);
	end = index_mark_new(papers, c, NULL, t, 10);
	m = node_marks(t);
	ck_assert_ptr_eq(m[0], first);
	ck_assert_ptr_eq(m[3], end);
	ck_assert_ptr_null(m[4]);
	ck_assert_uint_eq(m[1]->offset, 0);
	ck_assert_uint_eq(m[2]->offset, 8);
	ck_assert_ptr_eq(m[2]->text, t);
	ck_assert_ptr_eq(m[2]->entry, ann);
	ck_assert_uint_eq(ann->marks->len, 2);
	ck_assert_ptr_eq(g_ptr_array_index(papers->marks, 1), end);
	ck_assert_ptr_null(*node_marks(p));
	ck_assert_ptr_eq(p->first, p->last);
	s = node_text(c->doc);
	ck_assert_str_eq(s, "Ann met Bo");
	g_free(s);
	ck_assert_uint_eq(node_text_length(t), 10);
	dump = tree_dump(e);
	ck_assert_msg(strstr(dump->str, "  text\n"
	    "    paragraph @1:1\n"
	    "      indexmark \"Smith, Ann\" @1:1\n"
	    "      indexmark \"papers\" of \"Smith, Ann\" @1:1\n"
	    "      text @1:1 \"Ann met \"\n"
	    "      indexmark \"Smith, Ann\" @1:1\n"
	    "      text @1:1 \"Bo\"\n"
	    "      indexmark \"papers\" of \"Smith, Ann\" @1:1\n"
	    "      text @1:1 \"\"\n") != NULL, "%s", dump->str);
	g_string_free(dump, TRUE);
	edition_free(e);
}
END_TEST

/* 100,000 nested quotations: walking and freeing must not recurse. */
START_TEST(test_deep_tree)
{
	struct node *doc = node_new(NODE_DOCUMENT, here), *n = doc;
	struct iter it;
	long enters = 0;
	int i;

	for (i = 0; i < 100000; i++) {
		struct node *q = node_new(NODE_BLOCKQUOTE, here);

		node_append(n, q);
		n = q;
	}
	iter_init(&it, doc);
	while (iter_next(&it) != ITER_NONE)
		enters += it.ev == ITER_ENTER;
	ck_assert_int_eq(enters, 100001);
	node_free(doc);
}
END_TEST

START_TEST(test_unlink_and_insert)
{
	struct node *doc = small_tree();
	struct node *p = doc->first, *em = p->first->next;
	char *s;

	node_unlink(em);
	node_insert_before(p->first, em);
	s = node_text(doc);
	ck_assert_str_eq(s, "ba  c");
	ck_assert_ptr_eq(p->first, em);
	ck_assert_ptr_eq(em->next->prev, em);
	g_free(s);
	node_free(doc);
}
END_TEST

START_TEST(test_free_subtree_keeps_siblings)
{
	struct node *doc = small_tree();
	struct node *p = doc->first;

	node_free(p->first->next);	/* the emphasis and its text */
	ck_assert_ptr_eq(p->first->next, p->last);
	ck_assert_str_eq(p->last->text, " c");
	node_free(doc);
}
END_TEST

START_TEST(test_intern)
{
	struct edition *e = edition_new();
	char buf[] = "sources/a.txt";
	const char *a = edition_intern(e, buf);

	buf[0] = 'X';
	ck_assert_str_eq(a, "sources/a.txt");
	ck_assert_ptr_eq(a, edition_intern(e, "sources/a.txt"));
	edition_free(e);
}
END_TEST

Suite *
model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("tree");

	tcase_add_test(tc, test_iter_order);
	tcase_add_test(tc, test_iter_empty_container);
	tcase_add_test(tc, test_node_text);
	tcase_add_test(tc, test_text_marks);
	tcase_add_test(tc, test_deep_tree);
	tcase_add_test(tc, test_unlink_and_insert);
	tcase_add_test(tc, test_free_subtree_keeps_siblings);
	tcase_add_test(tc, test_intern);
	suite_add_tcase(s, tc);
	return s;
}
