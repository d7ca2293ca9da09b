/*
 * test_ledger.c — the word ledger on made-up text: what a word is, how
 * words are compared (case, accents composed or not), and the warning
 * that names the words of a line the edition lost.
 */
#include <string.h>

#include "fixture.h"
#include "ledger.h"
#include "pipeline.h"
#include "suites.h"

/* The ledger of p again, after a test took something out of its edition. */
static void
recount(const struct pipeline *p, struct ledger *lg, struct diags *d)
{
	struct ledger_input in = { p->ms, p->sources, p->normalizations,
	    p->normalized, p->edition };

	diags_init(d);
	ledger_count(lg, &in, d);
}

/* The message of the diagnostic at line no of the source, or "". */
static const char *
message_at(const struct diags *d, int no)
{
	guint i;

	for (i = 0; i < d->list->len; i++) {
		const struct diag *x = &g_array_index(d->list, struct diag, i);

		if (x->pos.line == no)
			return x->msg;
	}
	return "";
}

/* The chapter's paragraph holding needle; the test fails if none does. */
static struct node *
paragraph_with(const struct pipeline *p, const char *needle)
{
	const struct chapter *c = g_ptr_array_index(p->edition->chapters, 0);
	struct node *n;

	for (n = c->doc->first; n != NULL; n = n->next)
		if (n->first != NULL && n->first->text != NULL &&
		    strstr(n->first->text, needle) != NULL)
			return n;
	ck_abort_msg("no paragraph holds '%s'", needle);
	return NULL;
}

/*
 * Words are runs of letters, digits and marks, compared case-folded and
 * composed: a word in capitals, a word with its accent apart (e and a
 * combining acute) and one with a digit all count as the edition has
 * them; losing a paragraph names its words at the line they stood on.
 */
START_TEST(test_words_and_loss)
{
	static const char text[] =
	    "The QUIET ferryman of Vrell crossed twice at dawn.\n"
	    "\n"
	    "Ninety-9 gulls followed the cafe\xcc\x81 boat past \xc3\x98ster\n"
	    "and the caf\xc3\xa9 owner counted them, gull after gull.\n"
	    "\n"
	    "The last paragraph stays where it is.\n";
	struct pipeline p;
	struct ledger lg;
	struct diags d;
	struct node *para;

	diags_init(&d);
	ck_assert_int_eq(fixture_run(&p, text, -1, NULL, &d), 0);
	ck_assert_uint_eq(p.ledger.unaccounted, 0);
	ck_assert_uint_eq(p.ledger.sources, 34);
	ck_assert_uint_eq(p.ledger.edition, 34);
	diags_release(&d);
	para = paragraph_with(&p, "gulls");
	node_unlink(para);
	node_free(para);
	recount(&p, &lg, &d);
	ck_assert_uint_eq(lg.unaccounted, 18);
	ck_assert_str_eq(message_at(&d, 3), "words of this line are in no "
	    "chapter, and no rule took them out: 'caf\xc3\xa9', "
	    "'\xc3\xb8ster', 'past', '9', 'ninety', 'boat', 'followed', "
	    "'gulls'; check the rules that touch it");
	ck_assert_str_eq(message_at(&d, 4), "words of this line are in no "
	    "chapter, and no rule took them out: 'after', 'gull', 'them', "
	    "'and', 'owner', 'counted'; check the rules that touch it");
	ledger_release(&lg);
	diags_release(&d);
	pipeline_release(&p);
}
END_TEST

/*
 * Thousands of words, none of them twice: every one counted, none lost,
 * and the count of a word seen again stays its own.
 */
START_TEST(test_many_words)
{
	GString *text = g_string_new(NULL);
	struct pipeline p;
	struct diags d;
	int i;

	for (i = 0; i < 3000; i++)
		g_string_append_printf(text, "Zorb%dq%s", i, i % 10 == 9 ?
		    ".\n" : " ");
	g_string_append(text, "\nzorb1q ZORB2Q zorb3Q.\n");
	diags_init(&d);
	ck_assert_int_eq(fixture_run(&p, text->str, -1, NULL, &d), 0);
	ck_assert_uint_eq(p.ledger.sources, 3003);
	ck_assert_uint_eq(p.ledger.edition, 3003);
	ck_assert_uint_eq(p.ledger.unaccounted, 0);
	diags_release(&d);
	pipeline_release(&p);
	g_string_free(text, TRUE);
}
END_TEST

Suite *
ledger_suite(void)
{
	Suite *s = suite_create("ledger");
	TCase *tc = tcase_create("words");

	tcase_add_test(tc, test_words_and_loss);
	tcase_add_test(tc, test_many_words);
	suite_add_tcase(s, tc);
	return s;
}
