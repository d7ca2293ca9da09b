/*
 * score.c — each person's evidence tallied from their sightings, and
 * weighed as log-odds into a confidence.  Lists are weighed last: a name
 * listed among people sure to be people is likelier one itself.
 */
#include <math.h>
#include <string.h>

#include "index/lexicon.h"
#include "index/names.h"
#include "index/score.h"

/* The first forename written in full, folded, or NULL. */
static char *
first_forename(const char *forenames)
{
	GArray *words;
	char *out = NULL;
	guint i;

	if (forenames == NULL)
		return NULL;
	words = names_words(forenames);
	for (i = 0; out == NULL && i < words->len; i++) {
		const struct name_word *w = &g_array_index(words,
		    struct name_word, i);

		if (w->capital && g_utf8_strlen(w->fold, -1) > 1)
			out = g_strdup(w->fold);
	}
	names_words_free(words);
	return out;
}

/*
 * Each forename written in full → the set of families it is used with,
 * whose surname is not a common word ("The Prophet Armed", "The
 * Prophet Outcast" make no forename of Prophet).
 */
static GHashTable *
forename_families(const struct people *pp, const struct spotting *sp)
{
	GHashTable *ff = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, (GDestroyNotify)g_hash_table_destroy);
	guint i, k;

	for (i = 0; i < pp->persons->len; i++) {
		const struct person *p = g_ptr_array_index(pp->persons, i);

		for (k = 0; k < p->sightings->len; k++) {
			const struct sighting *s = g_ptr_array_index(
			    p->sightings, k);
			char *f = first_forename(s->forenames);
			GHashTable *set;

			if (f == NULL || spot_common(sp, g_ptr_array_index(
			    p->family->keys, 0))) {
				g_free(f);
				continue;
			}
			if ((set = g_hash_table_lookup(ff, f)) == NULL) {
				set = g_hash_table_new(g_direct_hash,
				    g_direct_equal);
				g_hash_table_insert(ff, f, set);
			} else
				g_free(f);
			g_hash_table_add(set, p->family);
		}
	}
	return ff;
}

/* Whether a family's surname is used alone inside a sentence. */
static int
used_alone(const struct spotting *sp, const struct family *f)
{
	guint i;

	for (i = 0; i < f->keys->len; i++)
		if (spot_word(sp, g_ptr_array_index(f->keys, i)).alone > 0)
			return 1;
	return 0;
}

/*
 * Whether the text confirms a sighting's forenames as forenames: the
 * first is used with several surnames, or the surname is used alone.
 */
static int
confirmed(GHashTable *ff, const struct spotting *sp, const struct person *p,
    const struct sighting *s)
{
	char *f = first_forename(s->forenames);
	GHashTable *set = f != NULL ? g_hash_table_lookup(ff, f) : NULL;

	g_free(f);
	return set != NULL && (g_hash_table_size(set) >= 2 ||
	    used_alone(sp, p->family));
}

/* 1 if the family's surname has a plural among the others, 2 if it is
 * one: Bolshevik and Bolsheviks name no one. */
static int
plural(GHashTable *keys, const struct family *f)
{
	int found = 0;
	guint i;

	for (i = 0; i < f->keys->len; i++) {
		const char *k = g_ptr_array_index(f->keys, i);
		gsize n = strlen(k);
		char *other = g_strconcat(k, "s", NULL);
		const struct family *g = g_hash_table_lookup(keys, other);

		if (g != NULL && g != f)
			found = MAX(found, 1);
		g_free(other);
		if (n > 3 && k[n - 1] == 's') {
			other = g_strndup(k, n - 1);
			g = g_hash_table_lookup(keys, other);
			if (g != NULL && g != f)
				found = 2;
			g_free(other);
		}
	}
	return found;
}

static void
tally(struct tally *t, const struct person *p, const struct spotting *sp,
    GHashTable *ff, GHashTable *keys)
{
	guint i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < p->sightings->len; i++) {
		const struct sighting *s = g_ptr_array_index(p->sightings, i);
		guint ev = s->ev;

		t->sightings++;
		/* A title of a work says nothing of its words. */
		if (ev & EV_WORK)
			continue;
		t->running += !(ev & (EV_HEADING | EV_CAPS | EV_START |
		    EV_EPONYM));
		if (ev & EV_INITIALS || (ev & EV_FORENAMES &&
		    (ev & EV_TITLE || confirmed(ff, sp, p, s))))
			t->named++;
		else if (ev & EV_FORENAMES)
			t->unconfirmed++;
		t->title += !!(ev & EV_TITLE);
		t->role += !!(ev & EV_ROLE);
		t->verb += !!(ev & EV_VERB);
		t->poss += !!(ev & EV_POSS);
		t->cite += !!(ev & EV_CITE);
		t->alias += !!(ev & EV_ALIAS);
		t->by += !!(ev & EV_BY);
		t->eponym += !!(ev & EV_EPONYM);
		t->place += !!(ev & EV_PLACE);
		t->thing += !!(ev & EV_THING);
		t->publisher += !!(ev & EV_PUBLISHER);
		t->starts += !!(ev & EV_START);
	}
	for (i = 0; i < p->family->keys->len; i++) {
		const char *k = g_ptr_array_index(p->family->keys, i);

		struct word_use u = spot_word(sp, k);

		t->other = MAX(t->other, u.other);
		t->common |= spot_common(sp, k);
		t->adjective |= u.adjective >= 3 && 3 * u.adjective >=
		    u.capital;
	}
	/* An institution named after them is not another name. */
	t->other = MAX(t->other - t->eponym, 0);
	t->plural = plural(keys, p->family);
	for (i = 0; p->forenames == NULL && i < p->family->keys->len; i++)
		t->forename |= g_hash_table_contains(ff,
		    g_ptr_array_index(p->family->keys, i));
}

static double
h(int n)
{
	return log2(1.0 + n);
}

/*
 * The weights are log-odds: a forename the text confirms is worth as
 * much as a title; each kind of evidence counts less with each repeat
 * (log2 of the count), so that one kind alone, however often, cannot
 * outweigh all the others.  With no evidence at all a capitalised word
 * is more likely not a person's name (-1.5).
 */
double
score_confidence(const struct tally *t)
{
	int personal = t->named + t->title + t->role + t->verb + t->poss +
	    t->cite + t->alias;
	double s = -1.5;

	if (t->named > 0)
		s += 2.5 + 0.5 * h(t->named - 1);
	else if (t->unconfirmed > 0)
		s += 1.0 + 0.5 * h(t->unconfirmed - 1);
	s += 2.0 * h(t->title) + 1.5 * h(t->role) + 1.2 * h(t->verb) +
	    0.8 * h(t->poss) + 1.2 * h(t->cite) + 2.0 * h(t->alias);
	s += 0.5 * h(t->running) + 0.6 * h(t->by) + 0.3 * (t->eponym > 0);
	s += 1.2 * h(t->with_people) - 1.2 * h(t->with_others) +
	    0.6 * h(t->listed);
	s -= 1.5 * h(t->place) + 1.0 * h(t->thing) + 2.5 * h(t->publisher);
	s -= 0.7 * h(t->other);
	if (t->starts == t->sightings && personal == 0)
		s -= 0.5;
	if (t->common && t->named == 0 && t->title == 0)
		s -= 3.0;
	s -= 2.0 * t->adjective;
	s -= t->plural == 2 ? 3.0 : 1.5 * t->plural;
	s -= 2.5 * t->forename;
	return 1.0 / (1.0 + exp(-s));
}

/* The people in each list, by its number. */
static GHashTable *
lists(const struct people *pp)
{
	GHashTable *out = g_hash_table_new_full(g_direct_hash, g_direct_equal,
	    NULL, (GDestroyNotify)g_ptr_array_unref);
	guint i, k;

	for (i = 0; i < pp->persons->len; i++) {
		struct person *p = g_ptr_array_index(pp->persons, i);

		for (k = 0; k < p->sightings->len; k++) {
			const struct sighting *s = g_ptr_array_index(
			    p->sightings, k);
			GPtrArray *list;

			if (s->list == 0)
				continue;
			list = g_hash_table_lookup(out,
			    GUINT_TO_POINTER(s->list));
			if (list == NULL) {
				list = g_ptr_array_new();
				g_hash_table_insert(out,
				    GUINT_TO_POINTER(s->list), list);
			}
			g_ptr_array_add(list, p);
		}
	}
	return out;
}

/* How a person's lists weigh, by the others' first confidence. */
static void
weigh_lists(struct tally *t, const struct person *p, GHashTable *members)
{
	guint i, k;

	for (i = 0; i < p->sightings->len; i++) {
		const struct sighting *s = g_ptr_array_index(p->sightings, i);
		const GPtrArray *list;
		int people = 0, others = 0;

		if (s->list == 0)
			continue;
		list = g_hash_table_lookup(members, GUINT_TO_POINTER(s->list));
		for (k = 0; k < list->len; k++) {
			const struct person *q = g_ptr_array_index(list, k);

			people += q != p && q->confidence >= 0.8;
			others += q != p && q->confidence <= 0.2;
		}
		t->with_people += people > others;
		t->with_others += others > people;
		t->listed += others == 0 && list->len >= 3;
	}
}

void
score_people(struct people *pp, const struct spotting *sp)
{
	GHashTable *ff = forename_families(pp, sp);
	GHashTable *keys = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *members = lists(pp);
	GArray *second = g_array_new(FALSE, FALSE, sizeof(double));
	guint i, k;

	for (i = 0; i < pp->families->len; i++) {
		const struct family *f = g_ptr_array_index(pp->families, i);

		for (k = 0; k < f->keys->len; k++)
			g_hash_table_insert(keys, g_ptr_array_index(f->keys, k),
			    (gpointer)f);
	}
	for (i = 0; i < pp->persons->len; i++) {
		struct person *p = g_ptr_array_index(pp->persons, i);

		p->tally = g_new(struct tally, 1);
		tally(p->tally, p, sp, ff, keys);
		p->confidence = score_confidence(p->tally);
	}
	/* Lists weigh on the first confidences, all at once. */
	for (i = 0; i < pp->persons->len; i++) {
		struct person *p = g_ptr_array_index(pp->persons, i);
		struct tally t = *p->tally;
		double c;

		weigh_lists(&t, p, members);
		c = score_confidence(&t);
		g_array_append_val(second, c);
		p->tally->with_people = t.with_people;
		p->tally->with_others = t.with_others;
		p->tally->listed = t.listed;
	}
	for (i = 0; i < pp->persons->len; i++)
		((struct person *)g_ptr_array_index(pp->persons,
		    i))->confidence = g_array_index(second, double, i);
	g_array_free(second, TRUE);
	g_hash_table_destroy(members);
	g_hash_table_destroy(keys);
	g_hash_table_destroy(ff);
}
