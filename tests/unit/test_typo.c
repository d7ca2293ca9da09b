/*
 * test_typo.c — en-US typography of running text: quotes, dashes,
 * ellipses and spaces, the traps of the five sources, and every line of
 * the sources run through the pass.
 */
#include <string.h>

#include "suites.h"
#include "normalize/typo.h"

#define NBSP	"\xc2\xa0"
#define SOURCES	"../../manuscript/sources"

/* Asserts that typo_paragraph turns in into want, and want into itself. */
static void
check(const char *in, const char *want)
{
	char *got = typo_paragraph(in, -1), *again;

	ck_assert_msg(strcmp(got, want) == 0,
	    "typo(\"%s\") = \"%s\", want \"%s\"", in, got, want);
	again = typo_paragraph(got, -1);
	ck_assert_msg(strcmp(again, got) == 0,
	    "not idempotent: \"%s\" -> \"%s\"", got, again);
	g_free(again);
	g_free(got);
}

/* The letters and digits of s, in order: what typography must not touch. */
static GString *
word_chars(const char *s)
{
	GString *w = g_string_new(NULL);

	for (; *s != '\0'; s = g_utf8_next_char(s))
		if (g_unichar_isalnum(g_utf8_get_char(s)))
			g_string_append_unichar(w, g_utf8_get_char(s));
	return w;
}

START_TEST(test_double_quotes)
{
	check("He said \"yes\" and \"no\".", "He said “yes” and “no”.");
	check("\"Tools of the bourgeoisie!\"[27] Trotsky",
	    "“Tools of the bourgeoisie!”[27] Trotsky");
	check("(\"a\") [\"b\"]", "(“a”) [“b”]");
	check("a fight—\"Now!\"", "a fight—“Now!”");
}
END_TEST

START_TEST(test_nested_quotes)
{
	check("\"He cried 'Down with them!' at us.\"",
	    "“He cried ‘Down with them!’ at us.”");
	check("slogans “'Strike against the kulak!', 'Down with opportunism!', "
	    "'Preserve unity!'”[34]",
	    "slogans “‘Strike against the kulak!’, ‘Down with opportunism!’, "
	    "‘Preserve unity!’”[34]");
	check("'He said \"no\".'", "‘He said “no”.’");
	check("the way.”'[95] Rakovsky", "the way.”’[95] Rakovsky");
}
END_TEST

START_TEST(test_apostrophes)
{
	check("don't, Trotsky's, the Sedovs' house, Reiss' letter, G.P.U.'s",
	    "don’t, Trotsky’s, the Sedovs’ house, Reiss’ letter, G.P.U.’s");
	check("a 'workers' state'", "a ‘workers’ state’");
}
END_TEST

START_TEST(test_elisions)
{
	check("the '30s, the '36 trial, the 1930's USSR",
	    "the ’30s, the ’36 trial, the 1930’s USSR");
	check("'tis, 'Twas, give 'em, rock 'n' roll",
	    "’tis, ’Twas, give ’em, rock ’n’ roll");
	check("the year '1930' and 'Em Dash', 'Tis",
	    "the year ‘1930’ and ‘Em Dash’, ’Tis");
}
END_TEST

/* ’ also transliterates the Russian soft sign: it is never a quote. */
START_TEST(test_soft_sign)
{
	check("Byullenten’, Sokol’nikov, Gol’tsman, Nel’zya bol’she "
	    "ostavat’ sya", "Byullenten’, Sokol’nikov, Gol’tsman, Nel’zya "
	    "bol’she ostavat’ sya");
	check("Gol'tsman in Byullenten'.", "Gol’tsman in Byullenten’.");
	check("(‘Explanation’ of Sokol’nikov)",
	    "(‘Explanation’ of Sokol’nikov)");
}
END_TEST

START_TEST(test_wrong_direction)
{
	check("his May ‘Explanation‘ to the", "his May ‘Explanation’ to the");
	check("International Was Conceived‘, op. cit.",
	    "International Was Conceived’, op. cit.");
	check("the “Left Opposition“, op. cit.",
	    "the “Left Opposition”, op. cit.");
	check("Lerner, ‘”The Caged Lion”; Trotsky",
	    "Lerner, ‘“The Caged Lion”; Trotsky");
	/* Not certain: left alone. */
	check("the Bolshevik-Leninists “ would",
	    "the Bolshevik-Leninists “ would");
	check("Sokol‘nikov", "Sokol‘nikov");
}
END_TEST

/* A paragraph fed node by node: quotes look at the node before. */
START_TEST(test_node_boundaries)
{
	const char *in[] = { "He called it \"", "Pravda", "\" and 'left'",
	    " it; Trotsky", "'s", " '", "quote'  ", "  end" };
	const char *want[] = { "He called it “", "Pravda", "” and ‘left’",
	    " it; Trotsky", "’s", " ‘", "quote’ ", "end" };
	struct typo t;
	size_t i;

	typo_init(&t);
	for (i = 0; i < G_N_ELEMENTS(in); i++) {
		char *got = typo_text(&t, in[i], -1);

		ck_assert_str_eq(got, want[i]);
		g_free(got);
	}
	typo_init(&t);
	ck_assert_uint_eq(t.prev, 0);
}
END_TEST

START_TEST(test_em_dashes)
{
	check("shaped--often disastrously -- by",
	    "shaped—often disastrously—by");
	check("and Karl Radek - they totally", "and Karl Radek—they totally");
	check("(i.e., terrorism – Raj)", "(i.e., terrorism—Raj)");
	check("groupings — the Trotskyists", "groupings—the Trotskyists");
	check("October 13, 2017 —" NBSP "Links", "October 13, 2017—Links");
	check("‘Lessons of October’- a subtle",
	    "‘Lessons of October’—a subtle");
	check("1938 – Trial of", "1938—Trial of");
	check("going---", "going—");
}
END_TEST

/* Hyphens between letters cannot be told from dashes: kept. */
START_TEST(test_hyphens_kept)
{
	check("the Jews-this was", "the Jews-this was");
	check("pre- and post-war, anti-Stalinist",
	    "pre- and post-war, anti-Stalinist");
	check("assassinate him-.", "assassinate him-.");
	check("- a line that opens with a hyphen",
	    "- a line that opens with a hyphen");
	check("Safar(ov)–Tarkhan(ov), the Sten–Lominadze group",
	    "Safar(ov)–Tarkhan(ov), the Sten–Lominadze group");
	check("(old “—”)’22, a D——", "(old “—”)’22, a D——");
}
END_TEST

START_TEST(test_ranges)
{
	check("the USSR 1926-1938", "the USSR 1926–1938");
	check("pp. 172-5.", "pp." NBSP "172–5.");
	check("in 1929-32 and WLT [1933-34]", "in 1929–32 and WLT [1933–34]");
	check("pp. 1-12 (dated 1 October 1933)",
	    "pp." NBSP "1–12 (dated 1 October 1933)");
	check("received 8-10-year sentences", "received 8–10-year sentences");
	check("Bulletin, No. 36-37;", "Bulletin, No." NBSP "36–37;");
	check("no. 5, January-March 1980", "no." NBSP "5, January–March 1980");
	check("May 26-June 10 1937", "May 26–June 10 1937");
}
END_TEST

/* Chains of three numbers or more and dates with words: kept. */
START_TEST(test_ranges_kept)
{
	check("on 1-12-1933, ISBN 0-19-500000-4",
	    "on 1-12-1933, ISBN 0-19-500000-4");
	check("a March-like day, 26-June, Mayday-March",
	    "a March-like day, 26-June, Mayday-March");
	check("a 5-year plan", "a 5-year plan");
}
END_TEST

START_TEST(test_broken_ranges)
{
	check("Tomsky (1880-–1936) was", "Tomsky (1880–1936) was");
	check("pp." NBSP "65-–66", "pp." NBSP "65–66");
	check("manoeuvres for 1936 – 37. They", "manoeuvres for 1936–37. They");
	check("1936--37, 1936 - 37", "1936–37, 1936–37");
	check("pp.161–189", "pp." NBSP "161–189");
}
END_TEST

START_TEST(test_ellipses)
{
	/* Trailing a word, it is glued to it: it never begins a line. */
	check("Party leaders ... including", "Party leaders… including");
	check("would be incorrect . . . It is", "would be incorrect… It is");
	check("about itself yet . . .”[122] In", "about itself yet…”[122] In");
	check("Hotel Bristol … which", "Hotel Bristol… which");
	check("They must renounce their organizational level… They",
	    "They must renounce their organizational level… They");
}
END_TEST

/* The space a scrape put between an ellipsis and its closing mark goes. */
START_TEST(test_ellipsis_before_close)
{
	check("courage to capitulate. . . ” Trotsky:",
	    "courage to capitulate…” Trotsky:");
	check("a rigid answer . . .’. He", "a rigid answer…’. He");
	check("so . . . , and", "so…, and");
	check("the end . . . \"", "the end…”");
}
END_TEST

START_TEST(test_four_dots)
{
	check("eyes only for them.... this point",
	    "eyes only for them…. this point");
	check("over our capitalists....But from",
	    "over our capitalists…. But from");
	check("difficulties, heroism. . . .", "difficulties, heroism….");
	check("my approval . . . .’ Trotsky", "my approval….’ Trotsky");
	check("they crush us….”.", "they crush us….”.");
	check("“….Put a stop", "“…Put a stop");
	check("to be beaten! …..We are", "to be beaten! …We are");
}
END_TEST

START_TEST(test_ellipsis_spacing)
{
	check("to the peasantry...The answer", "to the peasantry… The answer");
	check("means?…..constitutional", "means?… constitutional");
	check("“ … I see that", "“… I see that");
	check("the banner of ...approaching victory",
	    "the banner of …approaching victory");
	check(". . .we have not entered", "…we have not entered");
	check("an etc.. and so on", "an etc.. and so on");
}
END_TEST

START_TEST(test_spaces)
{
	check("Yakov Alsnis." NBSP " The trail", "Yakov Alsnis. The trail");
	check("framed. " NBSP "Rather", "framed. Rather");
	check(NBSP NBSP NBSP " The existence" NBSP, "The existence");
	/* A no-break space alone binds: the source means it. */
	check("In February," NBSP "1931 Stalin", "In February," NBSP "1931 Stalin");
	check("  two\t\tspaces \n and\xe2\x80\x83more  ",
	    "two spaces and more");
	check("Moscow , a lesson ; A Tragic Lesson , in 271 .",
	    "Moscow, a lesson; A Tragic Lesson, in 271.");
	check("the .NET way, spread the word :)",
	    "the .NET way, spread the word :)");
}
END_TEST

START_TEST(test_invisible)
{
	check("a\xe2\x80\x8b" "b e\xef\xbb\xbf" "f g\xc2\xad" "h",
	    "ab ef gh");
	/* The joiners bind what the source binds: they stay. */
	check("c\xe2\x81\xa0" "d i\xe2\x80\x8c" "j\xe2\x80\x8d" "k",
	    "c\xe2\x81\xa0" "d i\xe2\x80\x8c" "j\xe2\x80\x8d" "k");
	check("word \xe2\x80\x8b word", "word word");
	check("a\xe2\x80\x8b--\xe2\x80\x8b" "b", "a—b");
}
END_TEST

START_TEST(test_nbsp_after_abbreviations)
{
	check("From Revolutionary History, Vol." NBSP "9 No." NBSP "4, 2008, "
	    "pp.161–189 (Appendix, pp." NBSP "189–192).",
	    "From Revolutionary History, Vol." NBSP "9 No." NBSP "4, 2008, "
	    "pp." NBSP "161–189 (Appendix, pp." NBSP "189–192).");
	check("p. 12, no.5, vol. 3, Nos. 4",
	    "p." NBSP "12, no." NBSP "5, vol." NBSP "3, Nos." NBSP "4");
	check("op. cit. 3 Deutscher, Gosp. 5, Ip. 5, p. xii",
	    "op. cit. 3 Deutscher, Gosp. 5, Ip. 5, p. xii");
}
END_TEST

START_TEST(test_invalid_utf8)
{
	char *got = typo_paragraph("a\xff" "b \"c\xc3", -1);

	ck_assert(g_utf8_validate(got, -1, NULL));
	ck_assert_str_eq(got, "a\xef\xbf\xbd" "b “c\xef\xbf\xbd");
	g_free(got);
	got = typo_paragraph("a\0b", 3);
	ck_assert_str_eq(got, "ab");
	g_free(got);
}
END_TEST

/* Text that is already correct comes out as it went in. */
/*
 * A heading in capitals: four capitals or more, at most one lower-case
 * letter to ten of them, wherever they stand; a long text in lower case
 * is told early, capitals after lower case at the start late.
 */
START_TEST(test_shouting)
{
	GString *long_text = g_string_new(NULL);
	int i;

	ck_assert(typo_is_shouting("THE MILLER'S LEDGER"));
	ck_assert(typo_is_shouting("ab CDEFGHIJKLMNOPQRSTUV"));
	ck_assert(!typo_is_shouting("abc CDEFGHIJKLMNOPQRSTUV"));
	ck_assert(typo_is_shouting("\xc3\xa9T\xc3\x89\xc3\x89\xc3\x89"
	    "\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89"));
	ck_assert(!typo_is_shouting("\xc3\xa9\xc3\xa9T\xc3\x89\xc3\x89"
	    "\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89"
	    "\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89"
	    "\xc3\x89\xc3\x89\xc3\x89\xc3\x89"));
	ck_assert(!typo_is_shouting("ABC"));
	ck_assert(!typo_is_shouting(""));
	for (i = 0; i < 200; i++)
		g_string_append(long_text, "the quiet river ");
	ck_assert(!typo_is_shouting(long_text->str));
	g_string_assign(long_text, "a");
	for (i = 0; i < 200; i++)
		g_string_append(long_text, "THE QUIET RIVER ");
	ck_assert(typo_is_shouting(long_text->str));
	g_string_free(long_text, TRUE);
}
END_TEST

START_TEST(test_clean_unchanged)
{
	static const char *const clean[] = {
		"“It is sometimes asked… they crush us….”.",
		"Trotsky’s ‘Explanation’ (1926–1938) came—late—in "
		    "pp." NBSP "5–7.",
		"the ’30s, “Gol’tsman’s ‘bloc’,” and… more",
		"",
		"a",
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(clean); i++)
		check(clean[i], clean[i]);
}
END_TEST

START_TEST(test_lint)
{
	static const struct {
		const char	*text;
		const char	*fault;
		gsize		 at;
	} cases[] = {
		{ "a \"b", "straight double quote", 2 },
		{ "it's", "straight single quote", 2 },
		{ "a--b", "double hyphen", 1 },
		{ "a...", "three periods", 1 },
		{ "a . . . b", "spaced periods", 2 },
		{ "Radek - they", "spaced hyphen", 5 },
		{ "a – b", "spaced en dash", 1 },
		{ "a  b", "double space", 1 },
		{ " a", "leading space", 0 },
		{ "a ", "trailing space", 1 },
		{ "a\xe2\x80\x8b" "b", "invisible character", 1 },
		{ "a\xff", "invalid UTF-8", 1 },
	};
	gsize at;
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		const char *f = typo_lint(cases[i].text, -1, &at);

		ck_assert_msg(f != NULL && strcmp(f, cases[i].fault) == 0,
		    "lint(\"%s\") = %s", cases[i].text, f ? f : "NULL");
		ck_assert_uint_eq(at, cases[i].at);
	}
	ck_assert_ptr_null(typo_lint("“Yes”—p." NBSP "5–7 … don’t.", -1, NULL));
}
END_TEST

/*
 * 20 MB of the patterns that make a pass go back or look ahead: it must
 * stay linear (Check's timeout fails a quadratic one).
 */
START_TEST(test_long_line)
{
	static const char *const units[] = {
		"1-", ". ", "  ", "'", "- ", "..", "word ", "--", "p.", "\"a\" "
	};
	GString *in = g_string_new(NULL);
	size_t i;
	char *got;

	for (i = 0; i < G_N_ELEMENTS(units); i++)
		while (in->len < (i + 1) * 2 * 1024 * 1024)
			g_string_append(in, units[i]);
	got = typo_paragraph(in->str, in->len);
	ck_assert(g_utf8_validate(got, -1, NULL));
	ck_assert_uint_gt(strlen(got), in->len / 4);
	g_free(got);
	g_string_free(in, TRUE);
}
END_TEST

/*
 * Random strings of the characters the rules act on, with a fixed seed:
 * the output is valid UTF-8, keeps every letter and digit in order, and
 * is left as it is by a second pass.
 */
START_TEST(test_random)
{
	static const char *const atoms[] = {
		"a", "é", "1", "30", "em", "p", "pp", "No", " ", "  ", "\t",
		NBSP, "\xe2\x80\x83", ".", "…", "-", "–", "—", "'", "\"", "‘",
		"’", "“", "”", "(", ")", "[", ",", ":", "?", "!",
		"\xe2\x80\x8b", "\xc2\xad", "\xff"
	};
	GRand *r = g_rand_new_with_seed(1930);
	int i, k, n;

	for (i = 0; i < 50000; i++) {
		GString *in = g_string_new(NULL), *a, *b;
		char *got, *again;

		n = g_rand_int_range(r, 1, 16);
		for (k = 0; k < n; k++)
			g_string_append(in, atoms[g_rand_int_range(r, 0,
			    G_N_ELEMENTS(atoms))]);
		got = typo_paragraph(in->str, in->len);
		again = typo_paragraph(got, -1);
		a = word_chars(in->str);
		b = word_chars(got);
		ck_assert_msg(g_utf8_validate(got, -1, NULL), "invalid: %s",
		    in->str);
		ck_assert_msg(strcmp(a->str, b->str) == 0, "lost: %s", in->str);
		ck_assert_msg(strcmp(got, again) == 0, "not idempotent: %s",
		    in->str);
		g_string_free(a, TRUE);
		g_string_free(b, TRUE);
		g_string_free(in, TRUE);
		g_free(again);
		g_free(got);
	}
	g_rand_free(r);
}
END_TEST

/*
 * Every line of every source: nothing typo_lint catches is left, and the
 * letters and digits come out exactly as they went in.
 */
START_TEST(test_sources)
{
	GDir *dir = g_dir_open(SOURCES, 0, NULL);
	const char *name;
	int files = 0;

	ck_assert_msg(dir != NULL, "cannot open " SOURCES);
	while ((name = g_dir_read_name(dir)) != NULL) {
		char *path = g_build_filename(SOURCES, name, NULL), *text;
		char **lines;
		int i;

		ck_assert(g_file_get_contents(path, &text, NULL, NULL));
		lines = g_strsplit(text, "\n", -1);
		for (i = 0; lines[i] != NULL; i++) {
			char *got = typo_paragraph(lines[i], -1), *again;
			GString *a = word_chars(lines[i]), *b = word_chars(got);
			const char *f;
			gsize at = 0;

			f = got[0] == '\0' ? NULL : typo_lint(got, -1, &at);
			ck_assert_msg(f == NULL, "%s:%d: %s at \"%.40s\"",
			    name, i + 1, f, got + at);
			ck_assert_msg(strcmp(a->str, b->str) == 0,
			    "%s:%d: letters or digits changed", name, i + 1);
			again = typo_paragraph(got, -1);
			ck_assert_msg(strcmp(again, got) == 0,
			    "%s:%d: not idempotent", name, i + 1);
			g_free(again);
			g_string_free(a, TRUE);
			g_string_free(b, TRUE);
			g_free(got);
		}
		g_strfreev(lines);
		g_free(text);
		g_free(path);
		files++;
	}
	g_dir_close(dir);
	ck_assert_int_ge(files, 5);
}
END_TEST

Suite *
typo_suite(void)
{
	Suite *s = suite_create("typo");
	TCase *rules = tcase_create("rules");
	TCase *texts = tcase_create("texts");

	tcase_add_test(rules, test_double_quotes);
	tcase_add_test(rules, test_nested_quotes);
	tcase_add_test(rules, test_apostrophes);
	tcase_add_test(rules, test_elisions);
	tcase_add_test(rules, test_soft_sign);
	tcase_add_test(rules, test_wrong_direction);
	tcase_add_test(rules, test_node_boundaries);
	tcase_add_test(rules, test_em_dashes);
	tcase_add_test(rules, test_hyphens_kept);
	tcase_add_test(rules, test_ranges);
	tcase_add_test(rules, test_ranges_kept);
	tcase_add_test(rules, test_broken_ranges);
	tcase_add_test(rules, test_ellipses);
	tcase_add_test(rules, test_ellipsis_before_close);
	tcase_add_test(rules, test_four_dots);
	tcase_add_test(rules, test_ellipsis_spacing);
	tcase_add_test(rules, test_spaces);
	tcase_add_test(rules, test_invisible);
	tcase_add_test(rules, test_nbsp_after_abbreviations);
	tcase_add_test(rules, test_invalid_utf8);
	tcase_add_test(rules, test_shouting);
	tcase_add_test(rules, test_clean_unchanged);
	tcase_add_test(rules, test_lint);
	suite_add_tcase(s, rules);

	tcase_add_test(texts, test_long_line);
	tcase_add_test(texts, test_random);
	tcase_add_test(texts, test_sources);
	tcase_set_timeout(texts, 30);
	suite_add_tcase(s, texts);
	return s;
}
