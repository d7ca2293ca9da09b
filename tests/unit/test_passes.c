/*
 * test_passes.c — the normalizer's passes on small raw texts: debris,
 * front matter, headings, quotations, lists, joins, and the manifest's
 * rules that steer them.  Each test feeds text through normalize() and
 * reads the CommonMark it writes.
 */
#include <string.h>

#include "normalize/lines.h"
#include "normalize/normalize.h"
#include "read/rules.h"
#include "suites.h"

/* Normalizes text with rules written as a manifest group's keys. */
static char *
run_with(const char *text, const char *keys, struct meta *found)
{
	struct group *g = group_new("t");
	struct normalization nz;
	struct normalized *n;
	struct diags d;
	char *md;

	g->path = "t.txt";
	diags_init(&d);
	if (keys != NULL) {
		struct ini ini = { 0 };
		char *group = g_strconcat("[chapter t]\n", keys, "\n", NULL);

		ini.kf = g_key_file_new();
		ini.path = "t.ini";
		ini.text = group;
		ck_assert(g_key_file_load_from_data(ini.kf, group, (gsize)-1,
		    G_KEY_FILE_NONE, NULL));
		rules_read(&g->rules, &ini, "chapter t", &d);
		ck_assert_int_eq(d.count[DIAG_ERROR], 0);
		ini_close(&ini);
	}
	normalization_init(&nz);
	ck_assert_int_eq(normalize(g, text, &nz, &d), 0);
	n = g_ptr_array_index(nz.chapters, 0);
	md = g_strdup(n->md->str);
	if (found != NULL) {
		*found = n->meta;
		memset(&n->meta, 0, sizeof(n->meta));
	}
	normalization_release(&nz);
	diags_release(&d);
	group_free(g);
	return md;
}

static char *
run(const char *text)
{
	return run_with(text, NULL, NULL);
}

#define BODY "This is the first paragraph of the essay, long enough to be " \
	"running text and not a title or a byline, as any paragraph of an " \
	"essay would be when it is more than two hundred characters long, " \
	"which this one now is."

START_TEST(test_debris_builtin)
{
	char *md = run(BODY "\n\nLeave a Reply\n\nYour email address will "
	    "not be published. Required fields are marked *\n\nImage removed.");

	ck_assert_ptr_null(strstr(md, "Reply"));
	ck_assert_ptr_null(strstr(md, "email"));
	ck_assert_ptr_null(strstr(md, "Image"));
	ck_assert_ptr_nonnull(strstr(md, "first paragraph"));
	g_free(md);
}
END_TEST

/*
 * Every kind of page furniture goes, whatever letter it opens with (the
 * pass tries the pattern only on lines that open as one of them may).
 */
START_TEST(test_furniture_openings)
{
	static const char *const furniture[] = {
		"Leave a Comment", "Similar Posts", "Related Post",
		"Share this post:", "Like this", "Please follow and like us",
		"Post navigation", "Comments", "Your email address will not "
		"be published", "Enjoy this blog?", "Please spread the word",
		"Image not available.", "Last modified on 3 May", "Posted in "
		"Essays", "Filed under Essays", "Share via Email",
		"Click here to print", "Tap to share",
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(furniture); i++) {
		char *text = g_strconcat(BODY "\n\n", furniture[i], NULL);
		char *md = run(text);

		ck_assert_msg(strstr(md, furniture[i]) == NULL, "kept '%s'",
		    furniture[i]);
		g_free(md);
		g_free(text);
	}
}
END_TEST

/* A line is spared a pattern only when no match of it could be there. */
START_TEST(test_pattern_prechecks)
{
	ck_assert(lines_opens_with("Leave", "CL"));
	ck_assert(!lines_opens_with("leave", "CL"));
	ck_assert(!lines_opens_with("", "CL"));
	ck_assert(lines_opens_with("", NULL));
	ck_assert(lines_holds_any("as [12] says", "["));
	ck_assert(lines_holds_any("the year 1926", "0123456789"));
	ck_assert(!lines_holds_any("no marker here", "[0123456789"));
	ck_assert(!lines_holds_any("", "["));
	ck_assert(lines_holds_any("", NULL));
}
END_TEST

START_TEST(test_comment_thread)
{
	char *md = run(BODY "\n\n3 thoughts on “A Post”\n\n  1. Great stuff.\n"
	    "\n  2. Rubbish.\n    More rubbish.\n\nLeave a Reply\n");

	ck_assert_ptr_null(strstr(md, "thoughts"));
	ck_assert_ptr_null(strstr(md, "Great"));
	ck_assert_ptr_null(strstr(md, "ubbish"));
	g_free(md);
}
END_TEST

START_TEST(test_drop_rules)
{
	char *md = run_with("Blog title\n\n" BODY "\n\nShare the love!\n\n"
	    "Footer one\nFooter two", "drop = 1, 7-\ndrop-match = ^Share",
	    NULL);

	ck_assert_str_eq(md, BODY "\n\n");
	g_free(md);
}
END_TEST

START_TEST(test_drop_text_and_fix)
{
	char *md = run_with(BODY " Click here for more. Trotksy wrote.",
	    "drop-text = \\s*Click here for more\\.\n"
	    "fix = Trotksy => Trotsky", NULL);

	ck_assert_ptr_null(strstr(md, "Click"));
	ck_assert_ptr_nonnull(strstr(md, "which this one now is. Trotsky wrote."));
	g_free(md);
}
END_TEST

START_TEST(test_front_matter)
{
	struct meta m;
	char *md = run_with("By Jane Roe\n\nThe Long Title of\nan Essay\n\n"
	    "(March 1931)\n\nFrom A Journal, Vol. 3 No. 2, 1990.\n"
	    "Translated by John Doe.\nTranscribed by Someone for a site.\n\n"
	    BODY, NULL, &m);

	ck_assert_str_eq(m.title, "The Long Title of an Essay");
	ck_assert_str_eq(m.published, "March 1931");
	ck_assert_str_eq(m.source, "From A Journal, Vol.\xc2\xa0" "3 No.\xc2\xa0" "2, 1990.");
	ck_assert_str_eq(m.translator, "John Doe");
	ck_assert_ptr_nonnull(strstr(m.credits, "Transcribed by Someone"));
	ck_assert_str_eq(md, BODY "\n\n");
	meta_clear(&m);
	g_free(md);
}
END_TEST

START_TEST(test_byline_and_dedication)
{
	struct meta m;
	char *md = run_with("A Title\n\nTo the memory of my teachers.\nBy Jo "
	    "Smith*\n\n" BODY, NULL, &m);

	ck_assert_str_eq(m.title, "A Title");
	ck_assert_str_eq(m.author, "Jo Smith");
	ck_assert_str_eq(m.dedication, "To the memory of my teachers.");
	meta_clear(&m);
	g_free(md);
}
END_TEST

START_TEST(test_glued_dateline)
{
	struct meta m;
	char *md = run_with("October 13, 2017 —\xc2\xa0Some Journal\xc2\xa0 "
	    "In the novel, two men talk. " BODY, NULL, &m);

	ck_assert_str_eq(m.published, "October 13, 2017");
	ck_assert_str_eq(m.source, "Some Journal");
	ck_assert(g_str_has_prefix(md, "In the novel, two men talk."));
	meta_clear(&m);
	g_free(md);
}
END_TEST

START_TEST(test_closing_bio)
{
	struct meta m;
	char *md;

	md = run_with(BODY "\n\nJo Smith is a historian in Leeds.", NULL, &m);
	/* Without an author known, the line stays. */
	ck_assert_ptr_nonnull(strstr(md, "historian"));
	meta_clear(&m);
	g_free(md);
	md = run_with("By Jo Smith\n\n" BODY "\n\nJo Smith is a historian in "
	    "Leeds.", NULL, &m);
	ck_assert_ptr_null(strstr(md, "historian"));
	ck_assert_str_eq(m.affiliation, "Jo Smith is a historian in Leeds.");
	meta_clear(&m);
	g_free(md);
}
END_TEST

START_TEST(test_headings_short_and_numbered)
{
	char *md = run(BODY "\n\nLenin’s concerns\n\n" BODY "\n\nII. The Opposition\n\n"
	    "a. Program of the Opposition\n\n" BODY "\n\nNot a heading, it ends.\n\n"
	    BODY "\n\nWhat is the USSR?\n\n" BODY);

	ck_assert_ptr_nonnull(strstr(md, "\n## Lenin’s concerns\n"));
	ck_assert_ptr_nonnull(strstr(md, "\n## II. The Opposition\n"));
	ck_assert_ptr_nonnull(strstr(md, "\n### a. Program of the Opposition\n"));
	ck_assert_ptr_nonnull(strstr(md, "\n## What is the USSR?\n"));
	ck_assert_ptr_null(strstr(md, "## Not a heading"));
	g_free(md);
}
END_TEST

START_TEST(test_heading_rules)
{
	char *md = run_with(BODY "\n\nShort line\n\n" BODY "\n\nA longer "
	    "sentence that is listed.\n\n" BODY, "not-headings = 3\n"
	    "subheadings = 7", NULL);

	ck_assert_ptr_null(strstr(md, "## Short line"));
	/* A heading keeps no closing full stop. */
	ck_assert_ptr_nonnull(strstr(md, "### A longer sentence that is listed\n"));
	g_free(md);
}
END_TEST

START_TEST(test_quote_after_leadin)
{
	char *md = run(BODY "\n\nAnd I quote:\n\n“Socialism in one country "
	    "is a dream.”\n\n" BODY);

	ck_assert_ptr_nonnull(strstr(md, "\n> “Socialism in one country is a dream.”\n"));
	g_free(md);
}
END_TEST

START_TEST(test_quote_single_newlines)
{
	char *md = run(BODY " He wrote that\nthe party must decide its "
	    "course.[7]\nThus the matter stood.\n");

	ck_assert_ptr_nonnull(strstr(md, "\n> the party must decide"));
	ck_assert_ptr_nonnull(strstr(md, "\nThus the matter stood."));
	g_free(md);
}
END_TEST

START_TEST(test_quote_listed_ranges_one_block)
{
	char *md = run_with(BODY "\n\nOne.\n\nTwo.\n\n" BODY, "quotes = 3-5",
	    NULL);

	ck_assert_ptr_nonnull(strstr(md, "\n> One.\n>\n> Two.\n"));
	g_free(md);
}
END_TEST

START_TEST(test_quote_indented_and_dialogue)
{
	char *md = run(BODY "\n\n\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0 Indented words."
	    "\n\n\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0 More of them.\n\nHe said:\n\n"
	    "Q. Will you?\n\nA. I will.\n\n" BODY);

	ck_assert_ptr_nonnull(strstr(md, "> Indented words.\n>\n> More of them.\n"));
	ck_assert_ptr_nonnull(strstr(md, "> Q. Will you?\n>\n> A. I will.\n"));
	g_free(md);
}
END_TEST

START_TEST(test_lists)
{
	char *md = run(BODY "\n\n  1. First trial.\n\n\n  1. Second trial.\n"
	    "\n\n  1. Third trial.\n\n" BODY "\n\n  1. A lone one.\n\n" BODY);

	ck_assert_ptr_nonnull(strstr(md, "1. First trial.\n\n2. Second trial."
	    "\n\n3. Third trial.\n"));
	ck_assert_ptr_nonnull(strstr(md, "\n1\\. A lone one."));
	g_free(md);
}
END_TEST

START_TEST(test_runin_lists)
{
	char *md = run(BODY " It said:\n1.Abrogation of the decree. 2.The "
	    "workday of eight hours. 3.The food quota.[9]\nAnd so on.");

	ck_assert_ptr_nonnull(strstr(md, "> 1. Abrogation of the decree.\n>\n"
	    "> 2. The workday of eight hours.\n>\n> 3. The food quota.\\[9\\]\n"));
	ck_assert_ptr_null(strstr(md, "1.Abrogation"));
	g_free(md);
}
END_TEST

START_TEST(test_join_broken_line)
{
	char *md = run(BODY " They believed that “policies were still\n"
	    "uncertain, unstable” and waited.");

	ck_assert_ptr_nonnull(strstr(md, "were still uncertain, unstable”"));
	g_free(md);
}
END_TEST

START_TEST(test_scene_break)
{
	char *md = run(BODY "\n\n* * *\n\n" BODY);

	ck_assert_ptr_nonnull(strstr(md, "\n* * *\n"));
	g_free(md);
}
END_TEST

START_TEST(test_introduction_lines)
{
	struct group *g = group_new("t");
	struct normalization nz;
	struct normalized *n;
	struct diags d;
	struct ini ini = { 0 };
	char keys[] = "[chapter t]\nintroduction-lines = 1\n";

	g->path = "t.txt";
	diags_init(&d);
	ini.kf = g_key_file_new();
	ini.text = g_strdup(keys);
	ck_assert(g_key_file_load_from_data(ini.kf, keys, (gsize)-1, 0, NULL));
	rules_read(&g->rules, &ini, "chapter t", &d);
	ini_close(&ini);
	normalization_init(&nz);
	normalize(g, BODY " (editor)\n\n* * * * * *\n\n" BODY, &nz, &d);
	n = g_ptr_array_index(nz.chapters, 0);
	ck_assert_ptr_nonnull(strstr(n->preface->str, "(editor)"));
	ck_assert_ptr_null(strstr(n->md->str, "(editor)"));
	ck_assert_ptr_null(strstr(n->md->str, "* * *"));
	normalization_release(&nz);
	diags_release(&d);
	group_free(g);
}
END_TEST

START_TEST(test_bad_rules)
{
	struct rules r;
	struct diags d;
	struct ini ini = { 0 };
	char keys[] = "[c]\ndrop = 5-3\nheading-match = 7:^x\nnotes = wild\n"
	    "drop-match = (unclosed\nfix = no arrow\nheading-max-words = -1\n";

	rules_init(&r);
	diags_init(&d);
	ini.kf = g_key_file_new();
	ini.path = "t.ini";
	ini.text = g_strdup(keys);
	ck_assert(g_key_file_load_from_data(ini.kf, keys, (gsize)-1, 0, NULL));
	rules_read(&r, &ini, "c", &d);
	ck_assert_int_eq(d.count[DIAG_ERROR], 6);
	ck_assert_int_eq(g_array_index(d.list, struct diag, 0).pos.line, 2);
	ini_close(&ini);
	rules_release(&r);
	diags_release(&d);
}
END_TEST

/* What the rules nearly did is reported as unsure, at its line. */
START_TEST(test_doubts)
{
	struct group *g = group_new("t");
	struct normalization nz;
	struct normalized *n;
	struct diags d;
	guint i;
	int heading = 0, quote = 0;

	g->path = "t.txt";
	diags_init(&d);
	normalization_init(&nz);
	normalize(g, BODY "\n\nDocument No. 1: Letter from Someone to Someone Else, "
	    "3 July 1937\n\n" BODY " He said “it was so, and left.\n", &nz, &d);
	n = g_ptr_array_index(nz.chapters, 0);
	(void)n;
	for (i = 0; i < d.list->len; i++) {
		const struct diag *dg = &g_array_index(d.list, struct diag, i);

		if (dg->level != DIAG_DOUBT)
			continue;
		heading += dg->pos.line == 3 && strstr(dg->msg, "heading") != NULL;
		quote += dg->pos.line == 5 && strstr(dg->msg, "not closed") != NULL;
	}
	ck_assert_int_eq(heading, 1);
	ck_assert_int_eq(quote, 1);
	ck_assert_int_eq(d.count[DIAG_DOUBT], 2);
	normalization_release(&nz);
	diags_release(&d);
	group_free(g);
}
END_TEST

Suite *
passes_suite(void)
{
	Suite *s = suite_create("passes");
	TCase *tc = tcase_create("passes");

	tcase_add_test(tc, test_debris_builtin);
	tcase_add_test(tc, test_furniture_openings);
	tcase_add_test(tc, test_pattern_prechecks);
	tcase_add_test(tc, test_comment_thread);
	tcase_add_test(tc, test_drop_rules);
	tcase_add_test(tc, test_drop_text_and_fix);
	tcase_add_test(tc, test_front_matter);
	tcase_add_test(tc, test_byline_and_dedication);
	tcase_add_test(tc, test_glued_dateline);
	tcase_add_test(tc, test_closing_bio);
	tcase_add_test(tc, test_headings_short_and_numbered);
	tcase_add_test(tc, test_heading_rules);
	tcase_add_test(tc, test_quote_after_leadin);
	tcase_add_test(tc, test_quote_single_newlines);
	tcase_add_test(tc, test_quote_listed_ranges_one_block);
	tcase_add_test(tc, test_quote_indented_and_dialogue);
	tcase_add_test(tc, test_lists);
	tcase_add_test(tc, test_runin_lists);
	tcase_add_test(tc, test_join_broken_line);
	tcase_add_test(tc, test_scene_break);
	tcase_add_test(tc, test_introduction_lines);
	tcase_add_test(tc, test_bad_rules);
	tcase_add_test(tc, test_doubts);
	suite_add_tcase(s, tc);
	return s;
}
