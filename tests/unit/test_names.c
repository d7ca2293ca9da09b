/*
 * test_names.c — the authority list: its format and its errors at
 * line:col, and the matcher: longest forms, possessives, word boundaries,
 * accents, capitals and initials, and which claim decides a shared form.
 */
#include <string.h>

#include "fixture.h"
#include "index/names.h"
#include "suites.h"

/* Parses text as list.txt; *rc gets names_parse's result. */
static void
parse(struct names *nl, struct diags *d, const char *text, int *rc)
{
	names_init(nl);
	diags_init(d);
	*rc = names_parse(nl, "list.txt", text, d);
}

static void
release(struct names *nl, struct diags *d)
{
	names_release(nl);
	diags_release(d);
}

/* The first diagnostic, as "line:col: message". */
static char *
first_diag(const struct diags *d)
{
	const struct diag *g;

	ck_assert_uint_gt(d->list->len, 0);
	g = &g_array_index(d->list, struct diag, 0);
	return g_strdup_printf("%d:%d: %s", g->pos.line, g->pos.col, g->msg);
}

#define assert_diag(d, prefix, needle) do { \
	char *s_ = first_diag(d); \
	ck_assert_msg(g_str_has_prefix(s_, (prefix)) && \
	    strstr(s_, (needle)) != NULL, "got \"%s\"", s_); \
	g_free(s_); \
} while (0)

/* What the list finds in text, as "matched text=form text|…". */
static char *
found(const struct names *nl, const char *text)
{
	GArray *words = names_words(text);
	GArray *m = names_match(nl, text, words, NULL, NULL);
	GString *s = g_string_new(NULL);
	guint i;

	for (i = 0; i < m->len; i++) {
		const struct name_match *x = &g_array_index(m,
		    struct name_match, i);

		g_string_append_printf(s, "%s%.*s=%s", i > 0 ? "|" : "",
		    (int)(x->end - x->start), text + x->start, x->form->text);
	}
	g_array_free(m, TRUE);
	names_words_free(words);
	return g_string_free(s, FALSE);
}

#define assert_found(nl, text, want) \
	assert_made(found((nl), (text)), want)

/* The form first written as text; it must exist. */
static const struct name_form *
form_named(const struct names *nl, const char *text)
{
	guint i;

	for (i = 0; i < nl->forms->len; i++) {
		const struct name_form *f = g_ptr_array_index(nl->forms, i);

		if (strcmp(f->text, text) == 0)
			return f;
	}
	ck_abort_msg("no form '%s'", text);
	return NULL;
}

static const char list[] =
    "# a comment\n"
    "Trotsky, Leon (1879–1940)   # trailing comment\n"
    "    forms: Trotksy; L. Trotsky\n"
    "    see also: Sedov, Leon\n"
    "    - papers\n"
    "        forms: Trotsky papers\n"
    "Sedov, Leon (1906–1938)\n"
    "    forms: Sedov\n"
    "Sedov, Sergei\n"
    "    in chimes: Sergei\n"
    "Gurov, G.\n"
    "    see: Trotsky, Leon\n"
    "Broué, Pierre\n"
    "Grünstein, Karl\n"
    "Day, Richard B.\n"
    "van Heijenoort, Jean\n"
    "    sort: Heijenoort, Jean van\n"
    "Smirnov, Ivan Nikitich\n"
    "    forms: Smirnov; I.N. Smirnov; IN Smirnov\n"
    "Smirnov, Alexander Petrovich\n"
    "    forms: A.P. Smirnov\n"
    "    at bloc:66#3: Smirnov\n"
    "    at sources/b.txt:70: Smirnov\n"
    "! not names\n"
    "    forms: Institut Léon Trotsky\n";

START_TEST(test_parse_entries)
{
	struct names nl;
	struct diags d;
	const struct name_entry *e;
	int rc;

	parse(&nl, &d, list, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(d.list->len, 0);
	ck_assert_uint_eq(nl.entries->len, 12);
	e = g_ptr_array_index(nl.entries, 0);
	ck_assert_str_eq(e->heading, "Trotsky, Leon");
	ck_assert_str_eq(e->gloss, "(1879–1940)");
	ck_assert_int_eq(e->pos.line, 2);
	ck_assert_uint_eq(e->see_also->len, 1);
	ck_assert_str_eq(((struct name_entry *)g_ptr_array_index(e->see_also,
	    0))->heading, "Sedov, Leon");
	e = g_ptr_array_index(nl.entries, 1);
	ck_assert_str_eq(e->heading, "papers");
	ck_assert_ptr_eq(e->parent, g_ptr_array_index(nl.entries, 0));
	e = g_ptr_array_index(nl.entries, 4);
	ck_assert_str_eq(e->heading, "Gurov, G.");
	ck_assert_ptr_eq(e->see, g_ptr_array_index(nl.entries, 0));
	e = g_ptr_array_index(nl.entries, 8);
	ck_assert_str_eq(e->sort, "Heijenoort, Jean van");
	e = g_ptr_array_index(nl.entries, 11);
	ck_assert(e->not_name);
	release(&nl, &d);
}
END_TEST

/* Malformed lines are errors at line:col, with a hint. */
START_TEST(test_parse_errors)
{
	struct names nl;
	struct diags d;
	int rc;

	parse(&nl, &d, "    forms: Orphan\n", &rc);
	ck_assert_int_eq(rc, -1);
	assert_diag(&d, "1:5: ", "belongs to no heading");
	release(&nl, &d);

	parse(&nl, &d, "Sedov, Leon\n\nTrotsky, Leon (1879\n", &rc);
	ck_assert_int_eq(rc, -1);
	assert_diag(&d, "3:15: ", "unbalanced parentheses");
	release(&nl, &d);

	parse(&nl, &d, "Sedov, Leon\n    frobs: x\n", &rc);
	assert_diag(&d, "2:5: ", "unknown line 'frobs: x'");
	release(&nl, &d);

	parse(&nl, &d, "Sedov, Leon\n    at bloc66: Sedov\n", &rc);
	assert_diag(&d, "2:8: ", "'at CHAPTER:LINE: forms'");
	release(&nl, &d);

	parse(&nl, &d, "Sedov, Leon\n    forms: ; \n", &rc);
	assert_diag(&d, "2:11: ", "no forms after the colon");
	release(&nl, &d);

	parse(&nl, &d, "Sedov, Leon\nforms: Sedov\n", &rc);
	assert_diag(&d, "2:6: ", "indent it under its heading");
	release(&nl, &d);

	parse(&nl, &d, "Sedov, Leon\nSedov, Leon (again)\n", &rc);
	assert_diag(&d, "2:1: ", "already a heading at line 1");
	release(&nl, &d);

	parse(&nl, &d, "Sedov, Leon\nBad, \xff\n", &rc);
	ck_assert_int_eq(rc, -1);
	assert_diag(&d, "2:6: ", "invalid UTF-8");
	release(&nl, &d);
}
END_TEST

/* References name headings that exist and are not references. */
START_TEST(test_parse_reference_errors)
{
	struct names nl;
	struct diags d;
	int rc;

	parse(&nl, &d, "Sedov, Leon\n    see also: Nobody, Else\n", &rc);
	ck_assert_int_eq(rc, -1);
	assert_diag(&d, "2:15: ", "no heading 'Nobody, Else'");
	release(&nl, &d);

	parse(&nl, &d, "A, B\n    see: C, D\nC, D\n    see: E\nE\n", &rc);
	ck_assert_int_eq(rc, -1);
	assert_diag(&d, "1:1: ", "points to a 'see' reference");
	release(&nl, &d);
}
END_TEST

/* A form under 'forms:' of two headings is an error; scoped claims are not. */
START_TEST(test_parse_clash)
{
	struct names nl;
	struct diags d;
	int rc;

	parse(&nl, &d, "Smirnov, Ivan\n    forms: Smirnov\n"
	    "Smirnov, Alexander\n    forms: A.P. Smirnov; Smirnov\n", &rc);
	ck_assert_int_eq(rc, -1);
	assert_diag(&d, "4:26: ", "'Smirnov' is claimed by 'Smirnov, Ivan' "
	    "(line 2) and by 'Smirnov, Alexander'");
	release(&nl, &d);

	parse(&nl, &d, "Smirnov, Ivan\n    in bloc: Smirnov\n"
	    "Smirnov, Alexander\n    in bloc: Smirnov\n", &rc);
	ck_assert_int_eq(rc, -1);
	release(&nl, &d);

	/* Implied forms shared by two headings are no error. */
	parse(&nl, &d, "Bronstein, Alexander\nBronstein, Matvei\n"
	    "Smirnov, Ivan\n    forms: Smirnov\nSmirnov, Alexander\n"
	    "    at bloc:66: Smirnov\n", &rc);
	ck_assert_int_eq(rc, 0);
	release(&nl, &d);
}
END_TEST

/* The longest form wins, and the heading implies its direct form. */
START_TEST(test_longest_match)
{
	struct names nl;
	struct diags d;
	int rc;

	parse(&nl, &d, list, &rc);
	assert_found(&nl, "Leon Sedov met Sedov and Leon Trotsky.",
	    "Leon Sedov=Leon Sedov|Sedov=Sedov|Leon Trotsky=Leon Trotsky");
	assert_found(&nl, "the Trotsky papers, and the Institut Léon Trotsky",
	    "Trotsky papers=Trotsky papers|Institut Léon Trotsky=Institut "
	    "Léon Trotsky");
	release(&nl, &d);
}
END_TEST

START_TEST(test_possessives)
{
	struct names nl;
	struct diags d;
	int rc;

	parse(&nl, &d, list, &rc);
	assert_found(&nl, "Trotsky’s son, Trotsky's son, Trotksy’s letter",
	    "Trotsky’s=Trotsky|Trotsky's=Trotsky|Trotksy’s=Trotksy");
	assert_found(&nl, "Sedov’s and Broue’ wrote", "Sedov’s=Sedov|"
	    "Broue=Broué");
	release(&nl, &d);
}
END_TEST

/* Never inside another word; hyphens and dashes separate names. */
START_TEST(test_word_boundaries)
{
	struct names nl;
	struct diags d;
	int rc;

	parse(&nl, &d, list, &rc);
	assert_found(&nl, "Trotskyist Trotskyists Sedova Daydream "
	    "aTrotsky", "");
	assert_found(&nl, "the Trotsky-Sedov bloc, Sedov–Trotsky letters",
	    "Trotsky=Trotsky|Sedov=Sedov|Sedov=Sedov|Trotsky=Trotsky");
	release(&nl, &d);
}
END_TEST

START_TEST(test_diacritics)
{
	struct names nl;
	struct diags d;
	int rc;

	parse(&nl, &d, list, &rc);
	assert_found(&nl, "Broue, BROUÉ, Broué, Grunstein, Grünstein",
	    "Broue=Broué|BROUÉ=Broué|Broué=Broué|Grunstein=Grünstein|"
	    "Grünstein=Grünstein");
	release(&nl, &d);
	parse(&nl, &d, "Ørsted, Hans Christian\n", &rc);
	assert_found(&nl, "Orsted and Ørsted", "Orsted=Ørsted|Ørsted=Ørsted");
	release(&nl, &d);
}
END_TEST

/* A capital in a form is a capital in the text; initials, not sentences. */
START_TEST(test_capitals_and_initials)
{
	struct names nl;
	struct diags d;
	int rc;

	parse(&nl, &d, list, &rc);
	assert_found(&nl, "day by day, Day 1982", "Day=Day");
	assert_found(&nl, "Jean van Heijenoort, Van Heijenoort",
	    "Jean van Heijenoort=Jean van Heijenoort|"
	    "Van Heijenoort=van Heijenoort");
	assert_found(&nl, "I.N. Smirnov, IN Smirnov, in Smirnov’s group",
	    "I.N. Smirnov=I.N. Smirnov|IN Smirnov=IN Smirnov|"
	    "Smirnov’s=Smirnov");
	assert_found(&nl, "L.Trotsky, L. Trotsky", "L.Trotsky=L. Trotsky|"
	    "L. Trotsky=L. Trotsky");
	/* A full stop after a word is a sentence's end. */
	assert_found(&nl, "He met Leon. Trotsky came.", "Trotsky=Trotsky");
	release(&nl, &d);
}
END_TEST

/*
 * A form starts only at a word in the case one of its claims writes its
 * first word in: "The Case" is no name in "the case", but "of the
 * Oppositions", claimed in lower case, starts at "of" as at "Of".
 */
START_TEST(test_first_word_case)
{
	struct names nl;
	struct diags d;
	int rc;

	parse(&nl, &d, "Trotsky, Leon\n"
	    "    forms: The Case of Leon Trotsky\n"
	    "Broué, Pierre\n"
	    "    forms: of the Oppositions\n"
	    "Dewey, John\n"
	    "    forms: Van Dewey\n"
	    "    in chimes: van Dewey\n", &rc);
	ck_assert_int_eq(rc, 0);
	assert_found(&nl, "in the case of Leon Trotsky, The Case of Leon "
	    "Trotsky", "Leon Trotsky=Leon Trotsky|The Case of Leon Trotsky="
	    "The Case of Leon Trotsky");
	assert_found(&nl, "bloc of the Oppositions; Of the Oppositions",
	    "of the Oppositions=of the Oppositions|Of the Oppositions=of the "
	    "Oppositions");
	assert_found(&nl, "van Dewey, Van Dewey, vAN dewey",
	    "van Dewey=Van Dewey|Van Dewey=Van Dewey");
	release(&nl, &d);
}
END_TEST

/*
 * names_text_scan finds the words names_words finds, with the same
 * folds, and a second text's words take the place of the first's.
 */
START_TEST(test_text_scan)
{
	static const char *const texts[] = {
	    "Broué’s letters to the Œuvres of Ørsted, l’Humanité's",
	    "Dr. I.N. Smirnov, pre-war; the 1930’s it's",
	    "",
	    "  \xcc\x81 one",
	};
	struct name_text nt;
	guint i, k;

	names_text_init(&nt);
	for (i = 0; i < G_N_ELEMENTS(texts); i++) {
		GArray *words = names_words(texts[i]);

		names_text_scan(&nt, texts[i]);
		ck_assert_uint_eq(nt.words->len, words->len);
		for (k = 0; k < words->len; k++) {
			const struct name_word *a = &g_array_index(nt.words,
			    struct name_word, k);
			const struct name_word *b = &g_array_index(words,
			    struct name_word, k);

			ck_assert_uint_eq(a->start, b->start);
			ck_assert_uint_eq(a->end, b->end);
			ck_assert_str_eq(a->fold, b->fold);
			ck_assert_int_eq(a->capital, b->capital);
		}
		names_words_free(words);
	}
	names_text_scan(&nt, texts[0]);
	ck_assert_uint_eq(nt.words->len, 8);
	ck_assert_str_eq(g_array_index(nt.words, struct name_word, 0).fold,
	    "broue");
	ck_assert_str_eq(g_array_index(nt.words, struct name_word, 4).fold,
	    "oeuvres");
	ck_assert_str_eq(g_array_index(nt.words, struct name_word, 5).fold,
	    "of");
	ck_assert_str_eq(g_array_index(nt.words, struct name_word, 6).fold,
	    "orsted");
	ck_assert_str_eq(g_array_index(nt.words, struct name_word, 7).fold,
	    "l'humanite");
	names_text_release(&nt);
}
END_TEST

/* The narrowest claim decides: line and occurrence, chapter, default. */
START_TEST(test_resolve)
{
	struct names nl;
	struct diags d;
	const struct name_form *smirnov, *sergei;
	const struct name_claim *c;
	int rc;

	parse(&nl, &d, list, &rc);
	smirnov = form_named(&nl, "Smirnov");
	sergei = form_named(&nl, "Sergei");
	c = names_resolve(smirnov, "bloc", "m/sources/b.txt", 66, 1);
	ck_assert_str_eq(c->entry->heading, "Smirnov, Ivan Nikitich");
	ck_assert_int_eq(c->scope, SCOPE_ANYWHERE);
	c = names_resolve(smirnov, "bloc", "m/sources/b.txt", 66, 3);
	ck_assert_str_eq(c->entry->heading, "Smirnov, Alexander Petrovich");
	/* A place is a chapter id or the end of the source's path. */
	c = names_resolve(smirnov, "bloc", "m/sources/b.txt", 70, 2);
	ck_assert_str_eq(c->entry->heading, "Smirnov, Alexander Petrovich");
	c = names_resolve(smirnov, "chimes", "m/sources/c.txt", 70, 1);
	ck_assert_str_eq(c->entry->heading, "Smirnov, Ivan Nikitich");
	ck_assert_ptr_nonnull(names_resolve(sergei, "chimes", "c.txt", 1, 1));
	ck_assert_ptr_null(names_resolve(sergei, "bloc", "b.txt", 1, 1));
	ck_assert(names_place_is("sources/b.txt", "x", "m/sources/b.txt"));
	ck_assert(!names_place_is("b.txt", "x", "m/sources/ab.txt"));
	release(&nl, &d);
}
END_TEST

/* Forms only implied by several headings resolve to none of them. */
START_TEST(test_resolve_implied)
{
	struct names nl;
	struct diags d;
	const struct name_form *f;
	int rc;

	parse(&nl, &d, "Bronstein, Alexander\nBronstein, Matvei\n"
	    "    in left: Bronstein\n", &rc);
	f = form_named(&nl, "Bronstein");
	ck_assert_ptr_null(names_resolve(f, "chimes", "c.txt", 1, 1));
	ck_assert_str_eq(names_resolve(f, "left", "l.txt", 1, 1)->entry->heading,
	    "Bronstein, Matvei");
	release(&nl, &d);
}
END_TEST

Suite *
names_suite(void)
{
	Suite *s = suite_create("names");
	TCase *tc = tcase_create("names");

	tcase_add_test(tc, test_parse_entries);
	tcase_add_test(tc, test_parse_errors);
	tcase_add_test(tc, test_parse_reference_errors);
	tcase_add_test(tc, test_parse_clash);
	tcase_add_test(tc, test_longest_match);
	tcase_add_test(tc, test_possessives);
	tcase_add_test(tc, test_word_boundaries);
	tcase_add_test(tc, test_diacritics);
	tcase_add_test(tc, test_capitals_and_initials);
	tcase_add_test(tc, test_first_word_case);
	tcase_add_test(tc, test_text_scan);
	tcase_add_test(tc, test_resolve);
	tcase_add_test(tc, test_resolve_implied);
	suite_add_tcase(s, tc);
	return s;
}
