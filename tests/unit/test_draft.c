/*
 * test_draft.c — drafting the list of names from a text (octavo names),
 * on made-up prose: the words that classify names, the spelling key,
 * forenames that agree, what scoring makes of people, places and
 * institutions, one heading per person and rules for a shared surname,
 * and merging with a list the edition has.
 */
#include <string.h>

#include "fixture.h"
#include "index/cluster.h"
#include "index/draft.h"
#include "index/lexicon.h"
#include "index/score.h"
#include "index/spot.h"
#include "suites.h"

/* The draft for a one-chapter edition of CommonMark text, merged with
 * list (NULL for none), which must parse. */
static char *
draft(const char *text, const char *list, struct draft_counts *n)
{
	struct diags d;
	struct names nl;
	struct edition *e;
	GString *out;

	diags_init(&d);
	e = fixture_edition(text, 1, &d);
	ck_assert_ptr_nonnull(e);
	names_init(&nl);
	if (list != NULL)
		ck_assert_int_eq(names_parse(&nl, "list.txt", list, &d), 0);
	out = draft_list(e, list != NULL ? &nl : NULL, list, n);
	names_release(&nl);
	edition_free(e);
	diags_release(&d);
	return g_string_free(out, FALSE);
}

/* Whether the draft has line, whole, at the start of one of its lines. */
static int
has_line(const char *text, const char *line)
{
	gsize n = strlen(line);
	const char *p;

	for (p = text; (p = strstr(p, line)) != NULL; p += n)
		if ((p == text || p[-1] == '\n') && (p[n] == '\n' ||
		    p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

#define assert_line(text, line) \
	ck_assert_msg(has_line((text), (line)), "no \"%s\" in:\n%s", (line), \
	    (text))
#define assert_no_line(text, line) \
	ck_assert_msg(!has_line((text), (line)), "\"%s\" in:\n%s", (line), \
	    (text))

START_TEST(test_lexicon)
{
	ck_assert(lexicon_sorted());
	ck_assert(lexicon_title("general") && lexicon_title("dr"));
	ck_assert(!lexicon_title("garden"));
	ck_assert(lexicon_role("historian") && lexicon_role("historians"));
	ck_assert(lexicon_verb("wrote") && !lexicon_verb("the"));
	ck_assert(lexicon_institution("press") && lexicon_institution("party"));
	ck_assert(lexicon_eponym("commission") && !lexicon_eponym("press"));
	ck_assert(lexicon_particle("van") && lexicon_particle("von"));
	ck_assert(lexicon_calendar("march") && lexicon_calendar("twentieth"));
	ck_assert(lexicon_place_word("in") && !lexicon_place_word("of"));
	ck_assert(lexicon_derived("vellinism"));
	ck_assert(lexicon_derived("vellinists"));
	ck_assert(!lexicon_derived("vellin"));
}
END_TEST

/* Whether two folded surnames are one name by lexicon_near. */
static int
near(const char *a, const char *b)
{
	char *x = lexicon_spelling(a), *y = lexicon_spelling(b);
	int yes = lexicon_near(x, y);

	g_free(x);
	g_free(y);
	return yes;
}

START_TEST(test_spelling)
{
	char *a = lexicon_spelling("oskarovich");
	char *b = lexicon_spelling("oskarovitch");

	/* Transliterations: one key. */
	ck_assert_str_eq(a, b);
	g_free(a);
	g_free(b);
	a = lexicon_spelling("byelitsky");
	b = lexicon_spelling("bielitski");
	ck_assert_str_eq(a, b);
	g_free(a);
	g_free(b);
	/* Typos one letter apart inside the word. */
	ck_assert(near("varlitsky", "varltisky"));
	ck_assert(near("dremikhov", "dremichov"));
	ck_assert(near("pellerin", "pelerin"));
	/* Endings tell people apart. */
	ck_assert(!near("dorov", "dorova"));
	ck_assert(!near("marlo", "marla"));
	ck_assert(!near("marlow", "marlows"));
}
END_TEST

START_TEST(test_forenames_agree)
{
	ck_assert(people_forenames_agree("I.N.", "Ivo Nestor"));
	ck_assert(people_forenames_agree("Ivo", "Ivo N."));
	ck_assert(people_forenames_agree("Ivo N.", "I. Nestor"));
	ck_assert(!people_forenames_agree("I.N.", "A.P."));
	ck_assert(!people_forenames_agree("Ivo", "Arvid"));
	/* a second forename used as the first */
	ck_assert(people_forenames_agree("Brin", "T. Brin"));
	/* spellings of one name, and short forms */
	ck_assert(people_forenames_agree("Nikodem", "Nicodem"));
	ck_assert(people_forenames_agree("Lev", "Leon"));
	/* initials written together in capitals */
	ck_assert(people_forenames_agree("VK", "Vesna K."));
	ck_assert(people_forenames_agree(NULL, "Vesna"));
}
END_TEST

START_TEST(test_confidence)
{
	struct tally none = { 0 }, person = { 0 }, place = { 0 };

	none.sightings = none.running = 1;
	person = none;
	person.named = 1;
	person.verb = 2;
	place = none;
	place.running = place.sightings = 6;
	place.place = 4;
	ck_assert(score_confidence(&none) < DRAFT_SURE);
	ck_assert(score_confidence(&person) > 0.9);
	ck_assert(score_confidence(&place) < DRAFT_UNSURE);
	/* more evidence, more confidence */
	person.poss = 1;
	none.title = 1;
	ck_assert(score_confidence(&person) > score_confidence(&none));
	ck_assert(score_confidence(&none) >= DRAFT_SURE);
}
END_TEST

/* Made-up prose: people, a town, a press, a ship, a work. */
static const char harbour[] =
    "# The Harbour Years\n\n"
    "Captain Orrin Vale brought the *Gannet* into Kessburg in 1871. "
    "Vale wrote to his sister, Maris Thorne, that nobody in Kessburg "
    "remembered him.[^1]\n\n"
    "However, the harbour master, Edda Quill, disliked Vale. Quill said "
    "that the Lantern Press would print nothing of his. In Kessburg the "
    "quay was new.\n\n"
    "Dr. Tobin Ash, Pell Ardent and Edda Quill signed the petition.\n\n"
    "[^1]: O. Vale, *Letters from the Salt Road* (Kessburg: Lantern "
    "Press, 1890), 12.\n";

START_TEST(test_people_not_places)
{
	struct draft_counts n;
	char *out = draft(harbour, NULL, &n);

	assert_line(out, "Vale, Orrin");
	assert_line(out, "    forms: O. Vale");
	assert_line(out, "Thorne, Maris");
	assert_line(out, "Quill, Edda");
	assert_line(out, "Ash, Tobin");
	assert_line(out, "Ardent, Pell");
	/* a town, a press, a ship, a sentence's first word */
	ck_assert_ptr_null(strstr(out, "Kessburg  "));
	ck_assert_ptr_null(strstr(out, "Lantern"));
	ck_assert_ptr_null(strstr(out, "Gannet"));
	ck_assert_ptr_null(strstr(out, "However"));
	ck_assert_int_eq(n.sure, 5);
	ck_assert_int_eq(n.known, 0);
	g_free(out);
}
END_TEST

START_TEST(test_one_heading_per_person)
{
	char *out = draft("Ivo N. Varlitsky came in May. I.N. Varlitsky "
	    "left in June, and Varlitsky said nothing.\n\n"
	    "Later, Ivo Varlitsky wrote again; a clerk spelt him "
	    "Varltisky.\n", NULL, NULL);

	/* the fullest forenames, the other forms and the typo under it */
	assert_line(out, "Varlitsky, Ivo N.");
	assert_line(out, "    forms: I.N. Varlitsky; Ivo Varlitsky; "
	    "Varltisky");
	ck_assert_ptr_null(strstr(out, "Varltisky  "));
	g_free(out);
}
END_TEST

START_TEST(test_shared_surname)
{
	char *out = draft("Anna Dross kept the mill.\n\n"
	    "Dross sold flour to the town.\n\n"
	    "Her cousin Pavel Dross came from the coast.\n\n"
	    "Dross wrote to him once.\n\n"
	    "Pavel Dross answered, and Dross came back.\n", NULL, NULL);

	/* two people; the surname alone given to the one named last */
	assert_line(out, "Dross, Anna");
	assert_line(out, "Dross, Pavel");
	assert_line(out, "    forms: Dross");
	assert_line(out, "    at t:3: Dross");
	ck_assert_ptr_nonnull(strstr(out, "# 'Dross' alone"));
	g_free(out);
}
END_TEST

START_TEST(test_unsure_commented)
{
	char *out = draft("They met Sarkel once.\n", NULL, NULL);

	/* no evidence: commented out, at the end */
	assert_line(out, "# Sarkel");
	ck_assert_ptr_nonnull(strstr(out, "# ---- unsure"));
	ck_assert(strstr(out, "# ---- unsure") < strstr(out, "# Sarkel"));
	g_free(out);
}
END_TEST

START_TEST(test_merge)
{
	static const char list[] = "# our list\n"
	    "Vale, Orrin (1840–1902)\n"
	    "    forms: Captain Vale\n";
	struct draft_counts n;
	char *once = draft(harbour, list, &n), *twice;

	/* the list as it was, then what it lacks after a marked line */
	ck_assert(g_str_has_prefix(once, list));
	ck_assert_ptr_nonnull(strstr(once, "\n# ---- new: drafted"));
	assert_no_line(once + strlen(list), "Vale, Orrin");
	assert_line(once, "Quill, Edda");
	ck_assert_int_eq(n.known, 1);
	/* a second run adds nothing */
	twice = draft(harbour, once, &n);
	ck_assert_str_eq(once, twice);
	ck_assert_int_eq(n.sure + n.unsure, 0);
	g_free(once);
	g_free(twice);
}
END_TEST

START_TEST(test_merge_shared_surname)
{
	/* A new Quill would leave the list's "Quill" unindexed. */
	char *out = draft("Edda Quill wrote twice. Bram Quill wrote once. "
	    "Quill said so.\n", "Quill, Edda\n", NULL);

	assert_line(out, "# Quill, Bram");
	ck_assert_ptr_nonnull(strstr(out, "imply 'Quill' too"));
	g_free(out);
}
END_TEST

Suite *
draft_suite(void)
{
	Suite *s = suite_create("draft");
	TCase *tc = tcase_create("draft");

	tcase_add_test(tc, test_lexicon);
	tcase_add_test(tc, test_spelling);
	tcase_add_test(tc, test_forenames_agree);
	tcase_add_test(tc, test_confidence);
	tcase_add_test(tc, test_people_not_places);
	tcase_add_test(tc, test_one_heading_per_person);
	tcase_add_test(tc, test_shared_surname);
	tcase_add_test(tc, test_unsure_commented);
	tcase_add_test(tc, test_merge);
	tcase_add_test(tc, test_merge_shared_surname);
	suite_add_tcase(s, tc);
	return s;
}
