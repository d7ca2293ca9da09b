/*
 * draft.c — the draft list written: one entry per person, its forms and
 * the rules for a surname two people share, collated; the people the
 * draft is unsure of commented out after them; and the merging with a
 * list the edition already has.
 */
#include <string.h>

#include <unicode/ucol.h>

#include "index/cluster.h"
#include "index/draft.h"
#include "index/score.h"
#include "index/spot.h"

#define COMMENT_COLUMN	40	/* where a heading's comment starts */
#define LINE_WIDTH	76	/* where a line of forms is wrapped */

/* A person's entry: the heading, and the lines under it. */
struct entry {
	const struct person	*person;
	char			*heading;
	GPtrArray		*forms;		/* char *, for "forms:" */
	GPtrArray		*rules;		/* char *: "in c: X" */
	GPtrArray		*notes;		/* char *: for the editor */
	int			 sure;
};

struct draft {
	const struct edition	*e;
	const struct names	*nl;		/* the edition's list, or NULL */
	GHashTable		*commented;	/* lines of its comments */
	GHashTable		*headings;	/* the list's and the draft's */
	GHashTable		*claimed;	/* signature → "forms:" heading */
	GHashTable		*entries;	/* person → struct entry */
	GPtrArray		*order;		/* struct entry *, to write */
	GHashTable		*signatures;	/* form → its signature */
};

static void
entry_free(struct entry *en)
{
	g_free(en->heading);
	g_ptr_array_free(en->forms, TRUE);
	g_ptr_array_free(en->rules, TRUE);
	g_ptr_array_free(en->notes, TRUE);
	g_free(en);
}

/*
 * A form's words, folded, as the matcher compares them: "i n smirnov".
 * The draft keeps each, and the caller must not free it.
 */
static const char *
signature(struct draft *d, const char *form)
{
	GArray *words;
	GString *s;
	guint i;
	char *sig = g_hash_table_lookup(d->signatures, form);

	if (sig != NULL)
		return sig;
	words = names_words(form);
	s = g_string_new(NULL);
	for (i = 0; i < words->len; i++)
		g_string_append_printf(s, "%s%s", i > 0 ? " " : "",
		    g_array_index(words, struct name_word, i).fold);
	names_words_free(words);
	sig = g_string_free(s, FALSE);
	g_hash_table_insert(d->signatures, g_strdup(form), sig);
	return sig;
}

/*
 * The form of the edition's list that is all of form, or NULL if the
 * list has no such form.
 */
static const struct name_form *
list_form(const struct draft *d, const char *form)
{
	const struct name_form *f = NULL;
	GArray *words, *m;

	if (d->nl == NULL)
		return NULL;
	words = names_words(form);
	m = names_match(d->nl, form, words, NULL, NULL);
	if (m->len == 1 && words->len > 0 &&
	    g_array_index(m, struct name_match, 0).first == 0 &&
	    g_array_index(m, struct name_match, 0).last == words->len - 1)
		f = g_array_index(m, struct name_match, 0).form;
	g_array_free(m, TRUE);
	names_words_free(words);
	return f;
}

/* Whether the edition's list has form, all of it, as one of its forms. */
static int
listed(const struct draft *d, const char *form)
{
	return list_form(d, form) != NULL;
}

/*
 * Whether a heading of the list that claims the person's surname has
 * forenames that agree with theirs: "Brotherstone, Terry" is the draft's
 * T. Brotherstone.
 */
static int
listed_surname(const struct draft *d, const struct person *p)
{
	const struct name_form *f = list_form(d, p->surname);
	guint i;

	for (i = 0; f != NULL && i < f->claims->len; i++) {
		const struct name_entry *e = ((const struct name_claim *)
		    g_ptr_array_index(f->claims, i))->entry;
		const char *comma = strchr(e->heading, ',');

		if (e->not_name || comma == NULL ||
		    people_forenames_agree(comma + 1, p->forenames))
			return 1;
	}
	return 0;
}

static char *
form_of(const struct sighting *s)
{
	return s->forenames != NULL ? g_strconcat(s->forenames, " ",
	    s->surname, NULL) : g_strdup(s->surname);
}

/*
 * Whether the list has the person already: their heading, even
 * commented out, one of their forms with forenames (the surname alone,
 * if the text gives no forenames), or their surname under a heading
 * whose forenames agree with theirs.
 */
static int
known(const struct draft *d, const struct person *p, const char *heading)
{
	guint i;

	if (g_hash_table_contains(d->headings, heading) ||
	    g_hash_table_contains(d->commented, heading) ||
	    listed_surname(d, p))
		return 1;
	for (i = 0; i < p->sightings->len; i++) {
		const struct sighting *s = g_ptr_array_index(p->sightings, i);
		char *form;
		int yes;

		if (s->forenames == NULL && p->forenames != NULL)
			continue;
		form = form_of(s);
		yes = listed(d, form);
		g_free(form);
		if (yes)
			return 1;
	}
	return 0;
}

static char *
heading_of(const struct person *p)
{
	return p->forenames != NULL ? g_strconcat(p->surname, ", ",
	    p->forenames, NULL) : g_strdup(p->surname);
}

/* Adds form to the entry's "forms:" unless a heading implies or claims
 * it, or the list has it. */
static void
add_form(struct draft *d, struct entry *en, const char *form)
{
	const char *sig = signature(d, form);

	if (*sig != '\0' && !g_hash_table_contains(d->claimed, sig) &&
	    !listed(d, form)) {
		g_hash_table_insert(d->claimed, (gpointer)sig, en->heading);
		g_ptr_array_add(en->forms, g_strdup(form));
	}
}

/* The entry's forms with forenames, each once, as first written. */
static void
named_forms(struct draft *d, struct entry *en)
{
	const struct person *p = en->person;
	char *direct = p->forenames != NULL ? g_strconcat(p->forenames, " ",
	    p->surname, NULL) : NULL;
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	guint i, pass;

	g_hash_table_add(seen, (gpointer)signature(d, p->surname));
	if (direct != NULL)
		g_hash_table_add(seen, (gpointer)signature(d, direct));
	/* Capitals last: "TOBIAS HASLINGER" is Tobias Haslinger. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < p->sightings->len; i++) {
			const struct sighting *s = g_ptr_array_index(
			    p->sightings, i);
			const char *sig;
			char *form;

			if (s->forenames == NULL || !(s->ev & EV_CAPS) != !pass)
				continue;
			form = form_of(s);
			sig = signature(d, form);
			if (!g_hash_table_contains(seen, sig)) {
				g_hash_table_add(seen, (gpointer)sig);
				add_form(d, en, form);
			}
			g_free(form);
		}
	g_hash_table_destroy(seen);
	g_free(direct);
}

/* Adds the surnames of sightings spelt otherwise than the heading's. */
static void
spellings_of(struct draft *d, struct entry *en, const GPtrArray *sightings)
{
	const char *own = signature(d, en->person->surname);
	guint i;

	for (i = 0; i < sightings->len; i++) {
		const struct sighting *s = g_ptr_array_index(sightings, i);

		if (strcmp(signature(d, s->surname), own) != 0 &&
		    !(s->ev & EV_CAPS))
			add_form(d, en, s->surname);
	}
}

/*
 * The entry that the surname alone means takes its other spellings: of
 * the surname alone (Trotksy) and of the entry's own forms (Lifshits of
 * Boris Lifshits), so that the surname alone is found in each.
 */
static void
bare_forms(struct draft *d, struct entry *en, const struct family *f)
{
	spellings_of(d, en, en->person->sightings);
	spellings_of(d, en, f->bare);
}

/* The sure entry that the surname alone at bare[i] means. */
static struct entry *
owner(const struct draft *d, const struct family *f, guint i,
    struct entry *fallback)
{
	struct entry *en = g_hash_table_lookup(d->entries,
	    g_ptr_array_index(f->owner, i));

	return en != NULL && en->sure ? en : fallback;
}

/* The spellings of the surname alone in sightings (each once), "A; B". */
static char *
spellings(GPtrArray *sightings)
{
	GString *s = g_string_new(NULL);
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	guint i;

	for (i = 0; i < sightings->len; i++) {
		const struct sighting *x = g_ptr_array_index(sightings, i);

		if (g_hash_table_contains(seen, x->surname))
			continue;
		g_hash_table_add(seen, x->surname);
		g_string_append_printf(s, "%s%s", s->len > 0 ? "; " : "",
		    x->surname);
	}
	g_hash_table_destroy(seen);
	return g_string_free(s, FALSE);
}

/*
 * One chapter's surname alone, shared by several sure entries: the one
 * it means most often takes the chapter ("in"), unless that is main,
 * whose "forms:" take it everywhere; the others take their lines
 * ("at"), where a line is not shared.  Returns how many lines several
 * people share.
 */
static int
chapter_rules(const struct family *f, const struct chapter *c,
    GPtrArray *owners, struct entry *main)
{
	GHashTable *count = g_hash_table_new(g_direct_hash, g_direct_equal);
	GPtrArray *all = g_ptr_array_new();
	struct entry *most = NULL;
	int shared = 0;
	guint i, k;

	for (i = 0; i < f->bare->len; i++) {
		const struct sighting *s = g_ptr_array_index(f->bare, i);
		struct entry *en = g_ptr_array_index(owners, i);
		int n;

		if (s->chapter != c)
			continue;
		g_ptr_array_add(all, (gpointer)s);
		n = GPOINTER_TO_INT(g_hash_table_lookup(count, en)) + 1;
		g_hash_table_replace(count, en, GINT_TO_POINTER(n));
		if (most == NULL || n > GPOINTER_TO_INT(g_hash_table_lookup(
		    count, most)) || (n == GPOINTER_TO_INT(g_hash_table_lookup(
		    count, most)) && en == main))
			most = en;
	}
	if (most != NULL && most != main) {
		char *sp = spellings(all);

		g_ptr_array_add(most->rules, g_strdup_printf("in %s: %s", c->id,
		    sp));
		g_free(sp);
	}
	for (i = 0; i < f->bare->len; i++) {
		const struct sighting *s = g_ptr_array_index(f->bare, i);
		struct entry *en = g_ptr_array_index(owners, i);
		GPtrArray *line;
		int mixed = 0, done = 0;

		if (s->chapter != c || en == most || s->line <= 0)
			continue;
		line = g_ptr_array_new();
		for (k = 0; k < f->bare->len; k++) {
			const struct sighting *t;

			t = g_ptr_array_index(f->bare, k);
			if (t->chapter != c || t->line != s->line)
				continue;
			mixed |= g_ptr_array_index(owners, k) != en;
			done |= k < i;
			g_ptr_array_add(line, (gpointer)t);
		}
		if (!done && !mixed) {
			char *sp = spellings(line);

			g_ptr_array_add(en->rules, g_strdup_printf(
			    "at %s:%d: %s", c->id, s->line, sp));
			g_free(sp);
		} else if (!done)
			shared++;
		g_ptr_array_free(line, TRUE);
	}
	g_ptr_array_free(all, TRUE);
	g_hash_table_destroy(count);
	return shared;
}

/*
 * The surname alone of a family with several sure entries: the entry it
 * means most often takes it with "forms:", the others chapter by
 * chapter or line by line.  Where the text cannot tell, each entry says
 * so in a comment.
 */
static void
share_surname(struct draft *d, const struct family *f, GPtrArray *sure)
{
	GPtrArray *owners = g_ptr_array_new();
	GHashTable *count = g_hash_table_new(g_direct_hash, g_direct_equal);
	struct entry *main = g_ptr_array_index(sure, 0);
	int shared = 0;
	guint i;

	for (i = 0; i < f->bare->len; i++) {
		struct entry *en = owner(d, f, i, g_ptr_array_index(sure, 0));
		int n = GPOINTER_TO_INT(g_hash_table_lookup(count, en)) + 1;

		g_ptr_array_add(owners, en);
		g_hash_table_replace(count, en, GINT_TO_POINTER(n));
		if (n > GPOINTER_TO_INT(g_hash_table_lookup(count, main)))
			main = en;
	}
	if (f->bare->len > 0) {
		add_form(d, main, main->person->surname);
		bare_forms(d, main, f);
	}
	for (i = 0; i < d->e->chapters->len; i++)
		shared += chapter_rules(f, g_ptr_array_index(d->e->chapters, i),
		    owners, main);
	for (i = 0; i < sure->len && f->bare->len > 0; i++) {
		struct entry *en = g_ptr_array_index(sure, i);

		if (!f->sure)
			g_ptr_array_add(en->notes, g_strdup_printf("'%s' alone "
			    "is given to the %s named last before it; check "
			    "the rules", main->person->surname,
			    main->person->surname));
		if (shared > 0 && en == main)
			g_ptr_array_add(en->notes, g_strdup_printf("%d lines "
			    "name two people '%s' alone: give each "
			    "occurrence with 'at PLACE:LINE#N:'", shared,
			    main->person->surname));
	}
	g_hash_table_destroy(count);
	g_ptr_array_free(owners, TRUE);
}

/* The forms and rules of a family's entries. */
static void
family_lines(struct draft *d, const struct family *f)
{
	GPtrArray *sure = g_ptr_array_new();
	guint i;

	for (i = 0; i < f->persons->len; i++) {
		struct entry *en = g_hash_table_lookup(d->entries,
		    g_ptr_array_index(f->persons, i));

		if (en == NULL)
			continue;
		named_forms(d, en);
		if (en->sure)
			g_ptr_array_add(sure, en);
		else if (f->persons->len == 1)
			bare_forms(d, en, f);
	}
	if (sure->len == 1)
		bare_forms(d, g_ptr_array_index(sure, 0), f);
	else if (sure->len > 1)
		share_surname(d, f, sure);
	g_ptr_array_free(sure, TRUE);
}

/* "0.97, 54×: in full 3, verb 5; against: in 2" */
static void
evidence(GString *out, const struct person *p)
{
	const struct tally *t = p->tally;
	const struct {
		const char	*what;
		int		 n, against;
	} items[] = {
		{ "in full", t->named, 0 },
		{ "with forenames", t->unconfirmed, 0 },
		{ "title", t->title, 0 },
		{ "role", t->role, 0 }, { "verb", t->verb, 0 },
		{ "possessive", t->poss, 0 }, { "cited", t->cite, 0 },
		{ "alias", t->alias, 0 }, { "by", t->by, 0 },
		{ "eponym", t->eponym, 0 },
		{ "listed with people", t->with_people, 0 },
		{ "in a list", t->listed, 0 },
		{ "in/at", t->place, 1 }, { "the", t->thing, 1 },
		{ "publisher", t->publisher, 1 },
		{ "in other names", t->other, 1 },
		{ "listed with things", t->with_others, 1 },
		{ "a common word", t->common, 1 },
		{ "an adjective", t->adjective, 1 }, { "plural", t->plural, 1 },
		{ "a forename", t->forename, 1 },
	};
	const char *sep = ": ";
	int against = 0;
	guint i;

	g_string_append_printf(out, "%.2f, %d\xc3\x97", p->confidence,
	    t->sightings);
	for (i = 0; i < G_N_ELEMENTS(items); i++) {
		if (items[i].n == 0)
			continue;
		if (items[i].against && !against) {
			sep = sep[0] == ':' ? ": against: " : "; against: ";
			against = 1;
		}
		if (items[i].what[0] == 'a' || strcmp(items[i].what,
		    "plural") == 0)
			g_string_append_printf(out, "%s%s", sep, items[i].what);
		else
			g_string_append_printf(out, "%s%s %d", sep,
			    items[i].what, items[i].n);
		sep = ", ";
	}
}

/* Appends "KEY a; b; c" lines, wrapped, each after prefix. */
static void
wrapped(GString *out, const char *prefix, const char *key,
    const GPtrArray *items)
{
	gsize start = out->len;
	guint i;

	for (i = 0; i < items->len; i++) {
		const char *item = g_ptr_array_index(items, i);

		if (i == 0 || out->len - start + strlen(item) + 2 >
		    LINE_WIDTH) {
			if (i > 0)
				g_string_append_c(out, '\n');
			start = out->len;
			g_string_append_printf(out, "%s    %s %s", prefix, key,
			    item);
		} else
			g_string_append_printf(out, "; %s", item);
	}
	if (items->len > 0)
		g_string_append_c(out, '\n');
}

static void
write_entry(GString *out, const struct entry *en)
{
	const char *prefix = en->sure ? "" : "# ";
	gsize start = out->len;
	guint i;

	g_string_append_printf(out, "%s%s", prefix, en->heading);
	do
		g_string_append_c(out, ' ');
	while (g_utf8_strlen(out->str + start, out->len - start) <
	    COMMENT_COLUMN);
	g_string_append(out, "# ");
	evidence(out, en->person);
	g_string_append_c(out, '\n');
	wrapped(out, prefix, "forms:", en->forms);
	for (i = 0; i < en->rules->len; i++)
		g_string_append_printf(out, "%s    %s\n", prefix,
		    (const char *)g_ptr_array_index(en->rules, i));
	for (i = 0; i < en->notes->len; i++)
		g_string_append_printf(out, "%s    # %s\n", prefix,
		    (const char *)g_ptr_array_index(en->notes, i));
}

static gint
collate(gconstpointer a, gconstpointer b, gpointer coll)
{
	const struct entry *x = *(struct entry *const *)a;
	const struct entry *y = *(struct entry *const *)b;
	UErrorCode err = U_ZERO_ERROR;
	int r = coll != NULL ? ucol_strcollUTF8(coll, x->heading, -1,
	    y->heading, -1, &err) : 0;

	return r != 0 ? r : strcmp(x->heading, y->heading);
}

/* The entries in the order of the index: ICU's English collation. */
static void
sort_entries(GPtrArray *entries)
{
	UErrorCode err = U_ZERO_ERROR;
	UCollator *coll = ucol_open("en", &err);

	g_ptr_array_sort_with_data(entries, collate, U_FAILURE(err) ? NULL :
	    coll);
	if (!U_FAILURE(err))
		ucol_close(coll);
}

/* The text of every commented line of the list, up to its own comment:
 * "# Smirnov, Ivan    # 0.31" gives "Smirnov, Ivan". */
static void
read_comments(GHashTable *commented, const char *text)
{
	char **lines = g_strsplit(text, "\n", -1);
	guint i;

	for (i = 0; lines[i] != NULL; i++) {
		char *line = lines[i], *end;

		if (strncmp(line, "# ", 2) != 0)
			continue;
		line += 2;
		if ((end = strstr(line, " #")) != NULL)
			*end = '\0';
		g_hash_table_add(commented, g_strdup(g_strstrip(line)));
	}
	g_strfreev(lines);
}

/*
 * Whether the list has form only as one its headings imply, which a new
 * heading implying it too would make unindexed.
 */
static int
only_implied(const struct draft *d, const char *form)
{
	const struct name_form *f = list_form(d, form);
	guint i;

	for (i = 0; f != NULL && i < f->claims->len; i++)
		if (((const struct name_claim *)g_ptr_array_index(f->claims,
		    i))->scope != SCOPE_IMPLIED)
			return 0;
	return f != NULL;
}

/* The people to write, sure or not, that the list does not have. */
static void
choose(struct draft *d, const struct people *pp, struct draft_counts *n)
{
	guint i;

	for (i = 0; i < pp->persons->len; i++) {
		const struct person *p = g_ptr_array_index(pp->persons, i);
		char *heading = heading_of(p);
		struct entry *en;

		if (p->confidence < DRAFT_UNSURE) {
			g_free(heading);
			continue;
		}
		if (known(d, p, heading)) {
			n->known++;
			g_free(heading);
			continue;
		}
		en = g_new0(struct entry, 1);
		en->person = p;
		en->heading = heading;
		en->forms = g_ptr_array_new_with_free_func(g_free);
		en->rules = g_ptr_array_new_with_free_func(g_free);
		en->notes = g_ptr_array_new_with_free_func(g_free);
		en->sure = p->confidence >= DRAFT_SURE;
		/* Taken in, it would leave the list's surname unindexed. */
		if (only_implied(d, p->surname)) {
			en->sure = 0;
			g_ptr_array_add(en->notes, g_strdup_printf("the list's "
			    "headings imply '%s' too: say whose it is with "
			    "'forms:', 'in' or 'at', then uncomment this",
			    p->surname));
		}
		n->sure += en->sure;
		n->unsure += !en->sure;
		g_hash_table_add(d->headings, en->heading);
		g_hash_table_insert(d->entries, (gpointer)p, en);
		g_ptr_array_add(d->order, en);
	}
}

static const char header[] =
    "# names.txt — the authority list for this edition's index of names,\n"
    "# drafted from the text by 'octavo names'.  Correct it, then run\n"
    "# 'octavo index'; README.md (\"Names\") describes the format.\n"
    "#\n"
    "# Each heading's comment gives how sure the draft is that it names\n"
    "# a person (0 to 1), how often the text names them, and what the\n"
    "# text says for and against.  The names the draft is less sure of\n"
    "# follow the others, commented out: uncomment the people among them.\n";

static const char new_line[] =
    "# ---- new: drafted from the text by 'octavo names' ----\n";

static const char unsure_line[] =
    "# ---- unsure: the text says little of these; uncomment the people "
    "----\n";

GString *
draft_list(const struct edition *e, const struct names *nl,
    const char *text, struct draft_counts *counts)
{
	struct draft d = { e, nl, NULL, NULL, NULL, NULL, NULL, NULL };
	struct draft_counts n = { 0, 0, 0 };
	struct spotting sp;
	struct people pp;
	GString *out = g_string_new(text);
	guint i, pass;

	d.commented = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	d.headings = g_hash_table_new(g_str_hash, g_str_equal);
	d.claimed = g_hash_table_new(g_str_hash, g_str_equal);
	d.signatures = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);
	d.entries = g_hash_table_new(g_direct_hash, g_direct_equal);
	d.order = g_ptr_array_new_with_free_func((GDestroyNotify)entry_free);
	if (text != NULL)
		read_comments(d.commented, text);
	for (i = 0; nl != NULL && i < nl->entries->len; i++)
		g_hash_table_add(d.headings, ((const struct name_entry *)
		    g_ptr_array_index(nl->entries, i))->heading);
	spot_init(&sp);
	spot_edition(&sp, e);
	people_init(&pp);
	people_cluster(&pp, &sp);
	score_people(&pp, &sp);
	choose(&d, &pp, &n);
	for (i = 0; i < pp.families->len; i++)
		family_lines(&d, g_ptr_array_index(pp.families, i));
	sort_entries(d.order);
	if (text == NULL)
		g_string_append(out, header);
	else if (d.order->len > 0) {
		if (out->len > 0 && out->str[out->len - 1] != '\n')
			g_string_append_c(out, '\n');
		g_string_append_printf(out, "\n%s", new_line);
	}
	/* Each entry after a blank line: the sure, then the unsure. */
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1 && n.unsure > 0)
			g_string_append_printf(out, "\n%s", unsure_line);
		for (i = 0; i < d.order->len; i++) {
			const struct entry *en = g_ptr_array_index(d.order, i);

			if (en->sure != !pass)
				continue;
			g_string_append_c(out, '\n');
			write_entry(out, en);
		}
	}
	if (counts != NULL)
		*counts = n;
	g_ptr_array_free(d.order, TRUE);
	g_hash_table_destroy(d.entries);
	g_hash_table_destroy(d.claimed);
	g_hash_table_destroy(d.signatures);
	g_hash_table_destroy(d.headings);
	g_hash_table_destroy(d.commented);
	people_release(&pp);
	spot_release(&sp);
	return out;
}
