/*
 * cluster.c — sightings of names gathered into families of one surname
 * (its spellings joined by their transliteration key, and typos of it by
 * one letter) and, within a family, into people by their forenames.
 */
#include <string.h>

#include "index/cluster.h"
#include "index/lexicon.h"
#include "index/names.h"

/* A surname's last word, folded, and what the text does with it. */
struct key {
	char		*key;
	char		*spelling;	/* lexicon_spelling */
	int		 count;
	GPtrArray	*forenames;	/* const char *, each once */
	guint		 parent;	/* union-find */
};

/* One way a family's forenames are written, folded: "ivan n". */
struct variant {
	char		*sig;
	GPtrArray	*words;		/* char *, folded, particles left out */
	int		 full;		/* words that are not initials */
	int		 count;
	GHashTable	*surfaces;	/* forenames as written → count */
	const char	*caps;		/* as written in capitals, if only so */
	struct person	*person;
	guint		 order;
};

static void
key_free(struct key *k)
{
	g_free(k->key);
	g_free(k->spelling);
	g_ptr_array_free(k->forenames, TRUE);
	g_free(k);
}

static void
variant_free(struct variant *v)
{
	g_free(v->sig);
	g_ptr_array_free(v->words, TRUE);
	g_hash_table_destroy(v->surfaces);
	g_free(v);
}

static void
person_free(struct person *p)
{
	g_free(p->surname);
	g_free(p->forenames);
	g_ptr_array_free(p->sightings, TRUE);
	g_free(p->tally);
	g_free(p);
}

static void
family_free(struct family *f)
{
	g_ptr_array_free(f->persons, TRUE);
	g_ptr_array_free(f->bare, TRUE);
	g_ptr_array_free(f->owner, TRUE);
	g_ptr_array_free(f->keys, TRUE);
	g_free(f);
}

void
people_init(struct people *pp)
{
	pp->families = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)family_free);
	pp->persons = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)person_free);
}

void
people_release(struct people *pp)
{
	g_ptr_array_free(pp->families, TRUE);
	g_ptr_array_free(pp->persons, TRUE);
}

/*
 * The words of forenames, folded, without lower-case particles; initials
 * written together in capitals are each a word ("VV" is "V V").
 */
static GPtrArray *
forename_words(const char *forenames)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	GArray *words;
	guint i;

	if (forenames == NULL)
		return out;
	words = names_words(forenames);
	for (i = 0; i < words->len; i++) {
		const struct name_word *w = &g_array_index(words,
		    struct name_word, i);
		char *surface = g_strndup(forenames + w->start, w->end -
		    w->start);
		char *upper = g_utf8_strup(surface, -1);
		const char *c;

		if (w->capital && g_utf8_strlen(w->fold, -1) <= 3 &&
		    strcmp(surface, upper) == 0)
			for (c = w->fold; *c != '\0'; c = g_utf8_next_char(c))
				g_ptr_array_add(out, g_strndup(c,
				    (gsize)(g_utf8_next_char(c) - c)));
		else if (w->capital || !lexicon_particle(w->fold))
			g_ptr_array_add(out, g_strdup(w->fold));
		g_free(upper);
		g_free(surface);
	}
	names_words_free(words);
	return out;
}

/* Whether two initials may stand for one name: Iosif, Josef, Yosif. */
static int
initials_agree(gunichar a, gunichar b)
{
	static const char *const pairs[] = { "ij", "iy", "jy", "ey", "gh",
	    "ck", "vw", NULL };
	guint i;

	if (a == b)
		return 1;
	for (i = 0; pairs[i] != NULL; i++)
		if ((a == (guchar)pairs[i][0] && b == (guchar)pairs[i][1]) ||
		    (b == (guchar)pairs[i][0] && a == (guchar)pairs[i][1]))
			return 1;
	return 0;
}

/*
 * Whether two forenames, folded, are one: an initial agrees with a name
 * it may begin; two names agree if they spell one (Sergei, Sergey), one
 * begins the other, or both are short and begin alike (Lev, Leon).
 */
static int
word_agrees(const char *x, const char *y)
{
	glong lx = g_utf8_strlen(x, -1), ly = g_utf8_strlen(y, -1);
	char *sx, *sy;
	int yes;

	if (!initials_agree(g_utf8_get_char(x), g_utf8_get_char(y)))
		return 0;
	if (lx == 1 || ly == 1)
		return 1;
	sx = lexicon_spelling(x);
	sy = lexicon_spelling(y);
	yes = strcmp(sx, sy) == 0 || lexicon_near(sx, sy) ||
	    (lx >= 3 && ly >= 3 && (g_str_has_prefix(sx, sy) ||
	    g_str_has_prefix(sy, sx))) || (lx <= 4 && ly <= 4 &&
	    strncmp(sx, sy, 2) == 0);
	g_free(sx);
	g_free(sy);
	return yes;
}

/*
 * Whether two lists of forenames agree word by word, the shorter set
 * against the longer from its start or further in: "Arch" agrees with
 * "J. Arch", as a second forename used as the first.
 */
static int
words_agree(const GPtrArray *a, const GPtrArray *b)
{
	const GPtrArray *s = a->len <= b->len ? a : b;
	const GPtrArray *l = a->len <= b->len ? b : a;
	guint i, at;

	for (at = 0; at == 0 || at + s->len <= l->len; at++) {
		for (i = 0; i < s->len; i++)
			if (!word_agrees(g_ptr_array_index(s, i),
			    g_ptr_array_index(l, at + i)))
				break;
		if (i == s->len)
			return 1;
	}
	return 0;
}

int
people_forenames_agree(const char *a, const char *b)
{
	GPtrArray *wa = forename_words(a), *wb = forename_words(b);
	int yes = words_agree(wa, wb);

	g_ptr_array_free(wa, TRUE);
	g_ptr_array_free(wb, TRUE);
	return yes;
}

/* --- families ---------------------------------------------------------- */

static guint
find(GPtrArray *keys, guint i)
{
	struct key *k = g_ptr_array_index(keys, i);

	while (k->parent != i) {
		struct key *up = g_ptr_array_index(keys, k->parent);

		k->parent = up->parent;		/* halve the path */
		i = k->parent;
		k = g_ptr_array_index(keys, i);
	}
	return i;
}

static void
unite(GPtrArray *keys, guint a, guint b)
{
	guint ra = find(keys, a), rb = find(keys, b);
	struct key *k;

	if (ra == rb)
		return;
	k = g_ptr_array_index(keys, ra > rb ? ra : rb);
	k->parent = ra < rb ? ra : rb;
}

/* Whether two surnames are one name: some forenames, written in full
 * with both, agree. */
static int
share_forenames(const struct key *a, const struct key *b)
{
	guint i, k;

	for (i = 0; i < a->forenames->len; i++)
		for (k = 0; k < b->forenames->len; k++) {
			GPtrArray *x = forename_words(g_ptr_array_index(
			    a->forenames, i));
			GPtrArray *y = forename_words(g_ptr_array_index(
			    b->forenames, k));
			int yes = x->len > 0 && y->len > 0 &&
			    g_utf8_strlen(g_ptr_array_index(x, 0), -1) > 1 &&
			    g_utf8_strlen(g_ptr_array_index(y, 0), -1) > 1 &&
			    words_agree(x, y);

			g_ptr_array_free(x, TRUE);
			g_ptr_array_free(y, TRUE);
			if (yes)
				return 1;
		}
	return 0;
}

/*
 * Whether two keys one letter apart may be a typo of one name: neither
 * is mostly an adjective or a word of other names (Greeman is not
 * German), and one is rare and both begin alike, or both come with the
 * same forenames.
 */
static int
typo(const struct spotting *sp, const struct key *a, const struct key *b)
{
	const struct key *k[2] = { a, b };
	guint i;

	for (i = 0; i < 2; i++) {
		struct word_use u = spot_word(sp, k[i]->key);

		if ((u.adjective >= 3 && 3 * u.adjective >= u.capital) ||
		    (u.other >= 3 && 2 * u.other >= u.capital))
			return 0;
	}
	if (share_forenames(a, b))
		return 1;
	return a->spelling[0] == b->spelling[0] &&
	    MIN(a->count, b->count) <= 3;
}

/*
 * Joins the keys that spell one name: the same transliteration key, or
 * keys one letter apart (five letters or more) that may be a typo of one
 * name.  Candidates one letter apart are found by deleting each letter
 * in turn.
 */
static void
join_spellings(GPtrArray *keys, const struct spotting *sp)
{
	GHashTable *near = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, (GDestroyNotify)g_array_unref);
	GHashTableIter hi;
	gpointer v;
	guint i, a, b;

	for (i = 0; i < keys->len; i++) {
		const struct key *k = g_ptr_array_index(keys, i);
		gsize n = strlen(k->spelling), d;

		/* d == n: the spelling whole; else without its letter d. */
		for (d = 0; d <= n; d++) {
			char *variant;
			GArray *list;

			if (d < n && g_utf8_strlen(k->key, -1) < 5)
				break;
			variant = g_strdup(k->spelling);
			if (d < n)
				memmove(variant + d, variant + d + 1, n - d);
			if ((list = g_hash_table_lookup(near, variant)) ==
			    NULL) {
				list = g_array_new(FALSE, FALSE, sizeof(guint));
				g_hash_table_insert(near, variant, list);
			} else
				g_free(variant);
			g_array_append_val(list, i);
		}
	}
	g_hash_table_iter_init(&hi, near);
	while (g_hash_table_iter_next(&hi, NULL, &v)) {
		const GArray *list = v;

		for (a = 0; a < list->len; a++)
			for (b = a + 1; b < list->len; b++) {
				guint x = g_array_index(list, guint, a);
				guint y = g_array_index(list, guint, b);
				const struct key *kx, *ky;

				kx = g_ptr_array_index(keys, x);
				ky = g_ptr_array_index(keys, y);

				if (x == y || find(keys, x) == find(keys, y))
					continue;
				if (strcmp(kx->spelling, ky->spelling) == 0 ||
				    (lexicon_near(kx->spelling, ky->spelling) &&
				    typo(sp, kx, ky)))
					unite(keys, x, y);
			}
	}
	g_hash_table_destroy(near);
}

/* The surnames' last words, each once, with the forenames they take. */
static GPtrArray *
collect_keys(const struct spotting *sp, GHashTable *index)
{
	GPtrArray *keys = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)key_free);
	guint i;

	for (i = 0; i < sp->sightings->len; i++) {
		const struct sighting *s = g_ptr_array_index(sp->sightings, i);
		gpointer at;
		struct key *k;

		if (g_hash_table_lookup_extended(index, s->key, NULL, &at))
			k = g_ptr_array_index(keys, GPOINTER_TO_UINT(at));
		else {
			k = g_new0(struct key, 1);
			k->key = g_strdup(s->key);
			k->spelling = lexicon_spelling(s->key);
			k->forenames = g_ptr_array_new();
			k->parent = keys->len;
			g_hash_table_insert(index, k->key,
			    GUINT_TO_POINTER(keys->len));
			g_ptr_array_add(keys, k);
		}
		k->count++;
		if (s->forenames != NULL && !g_ptr_array_find_with_equal_func(
		    k->forenames, s->forenames, g_str_equal, NULL))
			g_ptr_array_add(k->forenames, s->forenames);
	}
	return keys;
}

/* --- people ------------------------------------------------------------ */

static struct variant *
variant_of(GHashTable *variants, const struct sighting *s, guint order)
{
	GPtrArray *words = forename_words(s->forenames);
	GString *sig = g_string_new(NULL);
	struct variant *v;
	guint i;

	for (i = 0; i < words->len; i++)
		g_string_append_printf(sig, "%s%s", i > 0 ? " " : "",
		    (const char *)g_ptr_array_index(words, i));
	if (words->len == 0) {
		g_ptr_array_free(words, TRUE);
		g_string_free(sig, TRUE);
		return NULL;
	}
	if ((v = g_hash_table_lookup(variants, sig->str)) == NULL) {
		v = g_new0(struct variant, 1);
		v->sig = g_strdup(sig->str);
		v->words = words;
		for (i = 0; i < words->len; i++)
			v->full += g_utf8_strlen(g_ptr_array_index(words, i),
			    -1) > 1;
		v->surfaces = g_hash_table_new(g_str_hash, g_str_equal);
		v->order = order;
		g_hash_table_insert(variants, v->sig, v);
	} else
		g_ptr_array_free(words, TRUE);
	g_string_free(sig, TRUE);
	v->count++;
	if (v->caps == NULL)
		v->caps = s->forenames;
	if (!(s->ev & EV_CAPS))
		g_hash_table_replace(v->surfaces, s->forenames,
		    GINT_TO_POINTER(GPOINTER_TO_INT(g_hash_table_lookup(
		    v->surfaces, s->forenames)) + 1));
	return v;
}

/* Fullest first: more names in full, more words, more often, earlier. */
static gint
by_fullness(gconstpointer a, gconstpointer b)
{
	const struct variant *x = *(struct variant *const *)a;
	const struct variant *y = *(struct variant *const *)b;

	if (x->full != y->full)
		return y->full - x->full;
	if (x->words->len != y->words->len)
		return (int)y->words->len - (int)x->words->len;
	if (x->count != y->count)
		return y->count - x->count;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The key of a hash table of counts with the highest count (first of ties
 * in strcmp order, so that the choice does not hang on hashing). */
static const char *
most(GHashTable *counts)
{
	GHashTableIter hi;
	gpointer k, v;
	const char *best = NULL;
	int n = 0;

	g_hash_table_iter_init(&hi, counts);
	while (g_hash_table_iter_next(&hi, &k, &v))
		if (GPOINTER_TO_INT(v) > n || (GPOINTER_TO_INT(v) == n &&
		    strcmp(k, best) < 0)) {
			best = k;
			n = GPOINTER_TO_INT(v);
		}
	return best;
}

/* Words written in capitals as a name is: "LUIGI VAN" as "Luigi Van". */
static char *
capitalized(const char *s)
{
	GString *out = g_string_new(NULL);
	int start = 1;
	const char *p;

	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		g_string_append_unichar(out, start ? g_unichar_toupper(c) :
		    g_unichar_tolower(c));
		start = !g_unichar_isalpha(c) && c != '\'' && c != 0x2019;
	}
	return g_string_free(out, FALSE);
}

/*
 * The people of a family: each variant of forenames, fullest first,
 * joins the most named person whose fullest forenames it agrees with,
 * or makes a new one.
 */
static void
make_people(struct people *pp, struct family *f, GHashTable *variants)
{
	GPtrArray *order = g_ptr_array_new();
	GArray *named = g_array_new(FALSE, TRUE, sizeof(int));
	GHashTableIter hi;
	gpointer v;
	guint i, k;

	g_hash_table_iter_init(&hi, variants);
	while (g_hash_table_iter_next(&hi, NULL, &v))
		g_ptr_array_add(order, v);
	g_ptr_array_sort(order, by_fullness);
	for (i = 0; i < order->len; i++) {
		struct variant *var = g_ptr_array_index(order, i);
		guint best = f->persons->len, j;

		/* A person agrees if any of their forenames so far does:
		 * "V." with "L. V.", which agrees with "Luigi". */
		for (k = 0; k < f->persons->len; k++)
			for (j = 0; j < i; j++) {
				const struct variant *w = g_ptr_array_index(
				    order, j);

				if (w->person != g_ptr_array_index(f->persons,
				    k) || !words_agree(var->words, w->words))
					continue;
				if (best == f->persons->len ||
				    g_array_index(named, int, k) >
				    g_array_index(named, int, best))
					best = k;
				break;
			}
		if (best == f->persons->len) {
			const char *surface = most(var->surfaces);
			struct person *p = g_new0(struct person, 1);

			p->forenames = surface != NULL ? g_strdup(surface) :
			    capitalized(var->caps);
			p->sightings = g_ptr_array_new();
			p->family = f;
			p->order = var->order;
			g_ptr_array_add(f->persons, p);
			g_ptr_array_add(pp->persons, p);
			g_array_set_size(named, f->persons->len);
		}
		g_array_index(named, int, best) += var->count;
		var->person = g_ptr_array_index(f->persons, best);
	}
	g_array_free(named, TRUE);
	g_ptr_array_free(order, TRUE);
}

/* A family's only person, named by the surname alone. */
static void
bare_person(struct people *pp, struct family *f)
{
	struct person *p = g_new0(struct person, 1);

	p->sightings = g_ptr_array_new();
	p->family = f;
	p->order = f->order;
	g_ptr_array_add(f->persons, p);
	g_ptr_array_add(pp->persons, p);
}

/*
 * Gives each sighting of the surname alone to a person of the family:
 * the one its chapter last named in full, else the one it names next,
 * else the most named.  The family is sure when no chapter with the
 * surname alone names two of its people in full, or none.
 */
static void
attribute(struct family *f, const GPtrArray *all, GHashTable *which)
{
	struct person *most_named = NULL;
	GHashTable *named = g_hash_table_new(g_direct_hash, g_direct_equal);
	struct person *last = NULL;
	const struct chapter *c = NULL;
	guint i, k;

	for (i = 0; i < all->len; i++) {
		const struct variant *v = g_hash_table_lookup(which,
		    g_ptr_array_index(all, i));
		int n;

		if (v == NULL)
			continue;
		n = GPOINTER_TO_INT(g_hash_table_lookup(named, v->person)) + 1;
		g_hash_table_replace(named, v->person, GINT_TO_POINTER(n));
		if (most_named == NULL || n > GPOINTER_TO_INT(
		    g_hash_table_lookup(named, most_named)))
			most_named = v->person;
	}
	if (most_named == NULL)
		most_named = g_ptr_array_index(f->persons, 0);
	f->sure = 1;
	for (i = 0; i < all->len; i++) {
		const struct sighting *s = g_ptr_array_index(all, i);
		const struct variant *v = g_hash_table_lookup(which, s);
		struct person *owner = NULL;

		if (s->chapter != c)
			last = NULL;
		c = s->chapter;
		if (v != NULL) {
			last = v->person;
			continue;
		}
		for (k = i + 1; last == NULL && owner == NULL &&
		    k < all->len; k++) {
			const struct sighting *t = g_ptr_array_index(all, k);
			const struct variant *w = g_hash_table_lookup(which, t);

			if (t->chapter != s->chapter)
				break;
			if (w != NULL)
				owner = w->person;
		}
		if (last != NULL)
			owner = last;
		if (f->persons->len == 1)
			owner = most_named;
		g_ptr_array_add(f->bare, (gpointer)s);
		g_ptr_array_add(f->owner, owner != NULL ? owner : most_named);
		f->sure &= owner != NULL;
	}
	/* Two people named in full in a chapter with the surname alone. */
	for (i = 0; f->persons->len > 1 && i < f->bare->len; i++) {
		const struct sighting *s = g_ptr_array_index(f->bare, i);

		g_hash_table_remove_all(named);
		for (k = 0; k < all->len; k++) {
			const struct sighting *t = g_ptr_array_index(all, k);
			const struct variant *v = g_hash_table_lookup(which, t);

			if (v != NULL && t->chapter == s->chapter)
				g_hash_table_add(named, v->person);
		}
		f->sure &= g_hash_table_size(named) == 1;
	}
	g_hash_table_destroy(named);
}

/* The spelling of the surname a person's sightings use most. */
static char *
surname_of(const struct person *p)
{
	GHashTable *counts = g_hash_table_new(g_str_hash, g_str_equal);
	const struct sighting *any = g_ptr_array_index(p->sightings, 0);
	const char *best;
	char *out;
	guint i;

	for (i = 0; i < p->sightings->len; i++) {
		const struct sighting *s = g_ptr_array_index(p->sightings, i);

		if (!(s->ev & EV_CAPS))
			g_hash_table_replace(counts, s->surname,
			    GINT_TO_POINTER(GPOINTER_TO_INT(g_hash_table_lookup(
			    counts, s->surname)) + 1));
	}
	best = most(counts);
	/* only in capitals: "ZMESKALL" */
	out = best != NULL ? g_strdup(best) : capitalized(any->surname);
	g_hash_table_destroy(counts);
	return out;
}

static gint
by_order(gconstpointer a, gconstpointer b)
{
	const struct person *x = *(struct person *const *)a;
	const struct person *y = *(struct person *const *)b;

	return x->order < y->order ? -1 : x->order > y->order;
}

static gint
by_named(gconstpointer a, gconstpointer b)
{
	const struct person *x = *(struct person *const *)a;
	const struct person *y = *(struct person *const *)b;

	if (x->sightings->len != y->sightings->len)
		return (int)y->sightings->len - (int)x->sightings->len;
	return by_order(a, b);
}

void
people_cluster(struct people *pp, const struct spotting *sp)
{
	GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
	GPtrArray *keys = collect_keys(sp, index);
	GHashTable *families = g_hash_table_new(g_direct_hash, g_direct_equal);
	GHashTable *variants = g_hash_table_new_full(g_direct_hash,
	    g_direct_equal, NULL, (GDestroyNotify)g_hash_table_destroy);
	GHashTable *all = g_hash_table_new_full(g_direct_hash, g_direct_equal,
	    NULL, (GDestroyNotify)g_ptr_array_unref);
	GHashTable *which = g_hash_table_new(g_direct_hash, g_direct_equal);
	guint i, k;

	join_spellings(keys, sp);
	for (i = 0; i < sp->sightings->len; i++) {
		const struct sighting *s = g_ptr_array_index(sp->sightings, i);
		guint root = find(keys, GPOINTER_TO_UINT(g_hash_table_lookup(
		    index, s->key)));
		struct family *f = g_hash_table_lookup(families,
		    GUINT_TO_POINTER(root + 1));
		struct variant *v;

		if (f == NULL) {
			f = g_new0(struct family, 1);
			f->order = i;
			f->persons = g_ptr_array_new();
			f->bare = g_ptr_array_new();
			f->owner = g_ptr_array_new();
			f->keys = g_ptr_array_new_with_free_func(g_free);
			g_hash_table_insert(families,
			    GUINT_TO_POINTER(root + 1), f);
			g_hash_table_insert(variants, f, g_hash_table_new_full(
			    g_str_hash, g_str_equal, NULL,
			    (GDestroyNotify)variant_free));
			g_hash_table_insert(all, f, g_ptr_array_new());
			g_ptr_array_add(pp->families, f);
		}
		if (!g_ptr_array_find_with_equal_func(f->keys, s->key,
		    g_str_equal, NULL))
			g_ptr_array_add(f->keys, g_strdup(s->key));
		g_ptr_array_add(g_hash_table_lookup(all, f), (gpointer)s);
		if ((v = variant_of(g_hash_table_lookup(variants, f), s, i)) !=
		    NULL)
			g_hash_table_insert(which, (gpointer)s, v);
	}
	for (i = 0; i < pp->families->len; i++) {
		struct family *f = g_ptr_array_index(pp->families, i);
		const GPtrArray *list = g_hash_table_lookup(all, f);

		make_people(pp, f, g_hash_table_lookup(variants, f));
		if (f->persons->len == 0)
			bare_person(pp, f);
		attribute(f, list, which);
		for (k = 0; k < list->len; k++) {
			const struct sighting *s = g_ptr_array_index(list, k);
			const struct variant *v = g_hash_table_lookup(which, s);
			struct person *p;
			guint at;

			if (v != NULL)
				p = v->person;
			else {
				g_ptr_array_find(f->bare, s, &at);
				p = g_ptr_array_index(f->owner, at);
			}
			g_ptr_array_add(p->sightings, (gpointer)s);
		}
	}
	for (i = 0; i < pp->persons->len; i++) {
		struct person *p = g_ptr_array_index(pp->persons, i);

		p->surname = surname_of(p);
	}
	for (i = 0; i < pp->families->len; i++)
		g_ptr_array_sort(((struct family *)g_ptr_array_index(
		    pp->families, i))->persons, by_named);
	g_ptr_array_sort(pp->persons, by_order);
	g_hash_table_destroy(which);
	g_hash_table_destroy(all);
	g_hash_table_destroy(variants);
	g_hash_table_destroy(families);
	g_hash_table_destroy(index);
	g_ptr_array_free(keys, TRUE);
}
