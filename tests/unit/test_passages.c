/*
 * test_passages.c — passages in another language, in pandoc's syntax:
 * bracketed spans and fenced divs made NODE_SPAN and NODE_DIV, their
 * mark-up out of the text and told to the ledger, and what octavo does
 * not take said where it is written.
 */
#include <string.h>

#include "fixture.h"
#include "tree/tree.h"
#include "suites.h"

/*
 * md as a Markdown chapter: the model as octavo dump prints it, the
 * chapter's part only (from its text on), or NULL if a stage failed.
 */
static char *
dump(const char *md, struct diags *d)
{
	struct edition *e;
	GString *s;
	char *text;

	diags_init(d);
	if ((e = fixture_edition(md, 1, d)) == NULL)
		return NULL;
	s = tree_dump(e);
	text = g_strdup(strstr(s->str, "  text\n"));
	g_string_free(s, TRUE);
	edition_free(e);
	return text;
}

/* A span: its words its children, its brackets and braces no text. */
START_TEST(test_span)
{
	struct diags d;
	char *t = dump("The sign read [fermé le lundi]{lang=fr} all week.\n",
	    &d);

	ck_assert_str_eq(t, "  text\n"
	    "    paragraph @1:1\n"
	    "      text @1:1 \"The sign read \"\n"
	    "      span lang \"fr\" @1:15\n"
	    "        text @1:16 \"fermé le lundi\"\n"
	    "      text @1:41 \" all week.\"\n");
	ck_assert_int_eq(d.list->len, 0);	/* the ledger's too */
	g_free(t);
	diags_release(&d);
}
END_TEST

/*
 * Emphasis inside a span, a quoted tag, a span inside a span, a note's
 * reference inside one, and brackets or braces alone left as text.
 */
START_TEST(test_span_nested)
{
	struct diags d;
	char *t = dump("She wrote [ein *sehr* [petit]{lang=fr} Wort[^1]]"
	    "{lang=\"de\"} and [this] {that}.\n\n[^1]: A note.\n", &d);

	ck_assert_str_eq(t, "  text\n"
	    "    paragraph @1:1\n"
	    "      text @1:1 \"She wrote \"\n"
	    "      span lang \"de\" @1:11\n"
	    "        text @1:12 \"ein \"\n"
	    "        emph @1:16\n"
	    "          text @1:17 \"sehr\"\n"
	    "        text @1:22 \" \"\n"
	    "        span lang \"fr\" @1:23\n"
	    "          text @1:24 \"petit\"\n"
	    "        text @1:39 \" Wort\"\n"
	    "        noteref note 1 @1:39 \"1\"\n"
	    "      text @1:60 \" and [this] {that}.\"\n"
	    "  note 1 (1)\n"
	    "    paragraph @3:1\n"
	    "      text @3:1 \"A note.\"\n");
	ck_assert_int_eq(d.list->len, 0);
	g_free(t);
	diags_release(&d);
}
END_TEST

/* A div: its blocks in it, a list among them, its fences no text. */
START_TEST(test_div)
{
	struct diags d;
	char *t = dump("Before.\n\n::: {lang=de}\nEin Absatz.\n\n- eins\n"
	    "- zwei\n:::\n\nAfter.\n", &d);

	ck_assert_str_eq(t, "  text\n"
	    "    paragraph @1:1\n"
	    "      text @1:1 \"Before.\"\n"
	    "    div lang \"de\" @3:1\n"
	    "      paragraph @4:1\n"
	    "        text @4:1 \"Ein Absatz.\"\n"
	    "      list bullet @6:1\n"
	    "        item @6:1\n"
	    "          paragraph @6:3\n"
	    "            text @6:3 \"eins\"\n"
	    "        item @7:1\n"
	    "          paragraph @7:3\n"
	    "            text @7:3 \"zwei\"\n"
	    "    paragraph @10:1\n"
	    "      text @10:1 \"After.\"\n");
	ck_assert_int_eq(d.list->len, 0);
	g_free(t);
	diags_release(&d);
}
END_TEST

/*
 * Divs nest, with colons to close the opening line as pandoc allows; a
 * fence inside fenced code is code.
 */
START_TEST(test_div_nested)
{
	struct diags d;
	char *t = dump("::: {lang=fr} :::\nUn.\n\n:::: {lang=en-GB}\nTwo.\n"
	    "::::\n```\n:::\n```\n:::\n", &d);

	ck_assert_str_eq(t, "  text\n"
	    "    div lang \"fr\" @1:1\n"
	    "      paragraph @2:1\n"
	    "        text @2:1 \"Un.\"\n"
	    "      div lang \"en-GB\" @4:1\n"
	    "        paragraph @5:1\n"
	    "          text @5:1 \"Two.\"\n"
	    "      codeblock @7:1 \":::\\n\"\n");
	ck_assert_int_eq(d.list->len, 0);
	g_free(t);
	diags_release(&d);
}
END_TEST

/*
 * A div never closed runs to the end, with a warning at its fence that
 * says how to close it; a ':::' that closes nothing is left out, with
 * one too.
 */
START_TEST(test_div_unclosed)
{
	struct diags d;
	char *t = dump("Text.\n:::\n\n  ::: {lang=de}\nNoch.\n", &d);

	ck_assert_str_eq(t, "  text\n"
	    "    paragraph @1:1\n"
	    "      text @1:1 \"Text.\"\n"
	    "    div lang \"de\" @4:3\n"
	    "      paragraph @5:1\n"
	    "        text @5:1 \"Noch.\"\n");
	ck_assert_int_eq(d.list->len, 2);
	ck_assert_int_eq(fixture_diags_matching(&d, "a ':::' that closes no "
	    "div; it is left out"), 1);
	ck_assert_int_eq(g_array_index(d.list, struct diag, 0).pos.line, 2);
	ck_assert_int_eq(fixture_diags_matching(&d, "this div is never "
	    "closed: it runs to the end of the text; close it with a line "
	    "':::'"), 1);
	ck_assert_int_eq(g_array_index(d.list, struct diag, 1).pos.line, 4);
	ck_assert_int_eq(g_array_index(d.list, struct diag, 1).pos.col, 3);
	g_free(t);
	diags_release(&d);
}
END_TEST

/* A tag that is no BCP 47 tag: an error at the attributes, span or div. */
START_TEST(test_bad_tag)
{
	struct diags d;
	char *t = dump("Un [mot]{lang=fr_FR}.\n\n::: {lang=\"\"}\nText.\n"
	    ":::\n", &d);

	ck_assert_ptr_null(t);
	ck_assert_int_eq(d.count[DIAG_ERROR], 2);
	/* The div's first: fences are read before the spans. */
	ck_assert_int_eq(fixture_diags_matching(&d, "language '' is no BCP "
	    "47 tag"), 1);
	ck_assert_int_eq(g_array_index(d.list, struct diag, 0).pos.line, 3);
	ck_assert_int_eq(g_array_index(d.list, struct diag, 0).pos.col, 5);
	ck_assert_int_eq(fixture_diags_matching(&d, "'{lang=fr_FR}': language "
	    "'fr_FR' is no BCP 47 tag; write one such as"), 1);
	ck_assert_int_eq(g_array_index(d.list, struct diag, 1).pos.line, 1);
	ck_assert_int_eq(g_array_index(d.list, struct diag, 1).pos.col, 9);
	diags_release(&d);
}
END_TEST

/*
 * Other attributes than lang, on a span or a div, are not taken: the
 * text is left as it is, its closing ':::' too, with a warning at each
 * that says what is not.
 */
START_TEST(test_other_attributes)
{
	struct diags d;
	char *t = dump("A [word]{.smallcaps} and [mot]{lang=fr #x}.\n\n"
	    "::: warning\nCareful.\n:::\n", &d);

	ck_assert_str_eq(t, "  text\n"
	    "    paragraph @1:1\n"
	    "      text @1:1 \"A [word]{.smallcaps} and [mot]{lang=fr #x}.\"\n"
	    "    paragraph @3:1\n"
	    "      text @3:1 \"::: warning\"\n"
	    "      softbreak @3:1\n"
	    "      text @4:1 \"Careful.\"\n"
	    "      softbreak @3:1\n"
	    "      text @5:1 \":::\"\n");
	ck_assert_int_eq(d.count[DIAG_WARNING], 3);
	ck_assert_int_eq(fixture_diags_matching(&d, "'{.smallcaps}': octavo "
	    "takes only a language on a span ({lang=TAG}), not other "
	    "attributes; it is left as text"), 1);
	ck_assert_int_eq(g_array_index(d.list, struct diag, 1).pos.line, 1);
	ck_assert_int_eq(g_array_index(d.list, struct diag, 1).pos.col, 9);
	ck_assert_int_eq(fixture_diags_matching(&d, "'{lang=fr #x}'"), 1);
	ck_assert_int_eq(fixture_diags_matching(&d, "'warning': octavo takes "
	    "only a language on a div"), 1);
	g_free(t);
	diags_release(&d);
}
END_TEST

/* A raw-text source has no such syntax: its brackets are its text. */
START_TEST(test_text_source)
{
	struct diags d;
	struct edition *e;
	char *t;

	diags_init(&d);
	e = fixture_edition("A line with [quelques mots]{lang=fr} in it, long "
	    "enough to be taken for a paragraph of running text.\n", 0, &d);
	ck_assert_ptr_nonnull(e);
	t = node_text(((struct chapter *)g_ptr_array_index(e->chapters,
	    0))->doc);
	ck_assert_ptr_nonnull(strstr(t, "[quelques mots]{lang=fr}"));
	g_free(t);
	edition_free(e);
	diags_release(&d);
}
END_TEST

Suite *
passages_suite(void)
{
	Suite *s = suite_create("passages");
	TCase *tc = tcase_create("passages");

	tcase_add_test(tc, test_span);
	tcase_add_test(tc, test_span_nested);
	tcase_add_test(tc, test_div);
	tcase_add_test(tc, test_div_nested);
	tcase_add_test(tc, test_div_unclosed);
	tcase_add_test(tc, test_bad_tag);
	tcase_add_test(tc, test_other_attributes);
	tcase_add_test(tc, test_text_source);
	suite_add_tcase(s, tc);
	return s;
}
