/*
 * spot.c — finding what may be people's names in the edition's passages:
 * how each word is used through the text is counted first (in lower
 * case, capitalised, as an adjective, alone); then runs of capitalised
 * words are found, their fronts cut (a sentence's first word, a title),
 * sorted into names of people, of other things, and no names at all by
 * those counts, and each person's run made a sighting with the evidence
 * of the words around it.
 */
#include <string.h>

#include "index/lexicon.h"
#include "index/names.h"
#include "index/passage.h"
#include "index/spot.h"

#define TOK(p, k)	PASSAGE_TOKEN(p, k)

/* What a run of capitalised words names. */
enum kind {
	KIND_WORD,		/* a word outside any run */
	KIND_NONE,		/* a capitalised common word, a date */
	KIND_PERSON,		/* perhaps a person: a sighting */
	KIND_INSTITUTION,	/* "Pathfinder Press" */
	KIND_OTHER		/* another name: "New York", "St. Peter" */
};

/* A run of capitalised words: tokens i..j, the name from a; the words
 * before c are a sentence's first or function words. */
struct run {
	guint		 i, j, a, c;
	int		 title;		/* a title was cut off its front */
	enum kind	 kind;
};

/* The fields of struct word_use, for word_use_count. */
enum use { USE_LOWER, USE_CAPITAL, USE_ADJECTIVE, USE_ALONE, USE_OTHER };

static void
word_use_count(struct spotting *sp, const char *fold, enum use field)
{
	struct word_use *u = g_hash_table_lookup(sp->words, fold);

	if (u == NULL) {
		u = g_new0(struct word_use, 1);
		g_hash_table_insert(sp->words, g_strdup(fold), u);
	}
	switch (field) {
	case USE_LOWER:
		u->lower++;
		break;
	case USE_CAPITAL:
		u->capital++;
		break;
	case USE_ADJECTIVE:
		u->adjective++;
		break;
	case USE_ALONE:
		u->alone++;
		break;
	default:
		u->other++;
		break;
	}
}

struct word_use
spot_word(const struct spotting *sp, const char *fold)
{
	const struct word_use *u = g_hash_table_lookup(sp->words, fold);
	struct word_use none = { 0, 0, 0, 0, 0 };

	return u != NULL ? *u : none;
}

int
spot_common(const struct spotting *sp, const char *fold)
{
	struct word_use u = spot_word(sp, fold);

	return u.lower > 0 && 2 * u.lower >= u.capital;
}

int
spot_function(const struct spotting *sp, const char *fold)
{
	struct word_use u = spot_word(sp, fold);

	return u.lower >= 3 && u.lower > 4 * u.capital;
}

/* What plural() finds. */
enum plural { NOT_PLURAL, PLURAL_NOUN, PLURAL_NAME };

/*
 * Whether word (folded) is the plural of another word of the text: of
 * a word it writes in lower case, a common noun ("Professors",
 * "Parties", "Judges"), or of a name ("Bolsheviks").
 */
static enum plural
plural(const struct spotting *sp, const char *fold)
{
	gsize n = strlen(fold);
	enum plural found = NOT_PLURAL;
	char *one;

	if (n < 4 || fold[n - 1] != 's')
		return NOT_PLURAL;
	one = g_strndup(fold, n - 1);
	if (spot_word(sp, one).lower > 0)
		found = PLURAL_NOUN;
	else if (g_hash_table_contains(sp->words, one))
		found = PLURAL_NAME;
	else if (n > 4 && strcmp(fold + n - 3, "ies") == 0) {
		strcpy(one + n - 3, "y");
		found = spot_word(sp, one).lower > 0 ? PLURAL_NOUN : NOT_PLURAL;
	} else if (fold[n - 2] == 'e') {
		one[n - 2] = '\0';
		found = spot_word(sp, one).lower > 0 ? PLURAL_NOUN : NOT_PLURAL;
	}
	g_free(one);
	return found;
}

int
spot_forename_like(const struct spotting *sp, const char *fold)
{
	struct word_use u = spot_word(sp, fold);

	return !spot_common(sp, fold) && !lexicon_institution(fold) &&
	    !lexicon_title(fold) && plural(sp, fold) == NOT_PLURAL &&
	    (u.adjective < 2 || 5 * u.adjective <= u.capital) &&
	    (u.alone < 3 || 3 * u.alone <= u.capital) &&
	    (u.other < 3 || 3 * u.other <= u.capital);
}

static void
sighting_free(struct sighting *s)
{
	g_free(s->forenames);
	g_free(s->surname);
	g_free(s->key);
	g_free(s);
}

void
spot_init(struct spotting *sp)
{
	sp->sightings = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)sighting_free);
	sp->words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);
	sp->lists = 0;
}

void
spot_release(struct spotting *sp)
{
	g_ptr_array_free(sp->sightings, TRUE);
	g_hash_table_destroy(sp->words);
}

/* --- around a token ------------------------------------------------------ */

/* The text after byte at, past spaces (no-break ones too). */
static const char *
text_after(const struct passage *p, gsize at)
{
	const char *s = p->text->str + at;

	for (;;) {
		gunichar c;

		if (*s == ' ') {	/* most spaces */
			s++;
			continue;
		}
		if ((guchar)*s < 0x80 && !g_ascii_isspace(*s))
			return s;
		c = g_utf8_get_char(s);
		if (!g_unichar_isspace(c) && c != 0xA0 && c != 0x202F)
			return s;
		s = g_utf8_next_char(s);
	}
}

/* Whether only spaces lie between bytes from and to of a passage. */
static int
spaces(const struct passage *p, gsize from, gsize to)
{
	return text_after(p, from) >= p->text->str + to;
}

/* The token before token k, if only spaces separate them. */
static const struct token *
before(const struct passage *p, guint k)
{
	if (k == 0 || !spaces(p, TOK(p, k - 1)->end, TOK(p, k)->start))
		return NULL;
	return TOK(p, k - 1);
}

/* The token after token k, if only spaces separate them. */
static const struct token *
after(const struct passage *p, guint k)
{
	if (k + 1 >= p->tokens->len || TOK(p, k)->poss ||
	    !spaces(p, TOK(p, k)->end, TOK(p, k + 1)->start))
		return NULL;
	return TOK(p, k + 1);
}

/*
 * Whether token k is an abbreviation: a full stop after it, then not a
 * new sentence but a number, a hyphen or a word in lower case ("Jan.
 * 1921", "Jan.-Mar.").
 */
static int
abbreviation(const struct passage *p, guint k)
{
	const char *s = text_after(p, TOK(p, k)->end);

	if (*s != '.')
		return 0;
	s = text_after(p, (gsize)(s + 1 - p->text->str));
	return g_ascii_isdigit(*s) || *s == '-' || g_ascii_islower(*s);
}

static int
lower_is(const struct token *t, const char *word)
{
	return t != NULL && !t->capital && strcmp(t->fold, word) == 0;
}

static int
lower_in(const struct token *t, const char *const *words)
{
	guint i;

	for (i = 0; t != NULL && words[i] != NULL; i++)
		if (lower_is(t, words[i]))
			return 1;
	return 0;
}

/* Small words a title of a work runs through: "Life and Terror in". */
static int
title_glue(const struct token *t)
{
	static const char *const glue[] = { "a", "after", "against", "an",
	    "and", "as", "at", "by", "for", "from", "in", "of", "on", "or",
	    "the", "to", "under", "with", NULL };

	return lower_in(t, glue);
}

/*
 * Whether a word after a name is a verb: a verb a person takes, a past
 * tense in -ed, or one of the commonest others.
 */
static int
verb(const struct token *n)
{
	static const char *const verbs[] = { "are", "became", "began",
	    "brought", "came", "could", "did", "found", "gave", "got",
	    "had", "has", "held", "is", "kept", "knew", "led", "left",
	    "lost", "made", "may", "might", "must", "put", "ran", "sat",
	    "saw", "sent", "should", "sold", "stood", "took", "went", "was",
	    "were", "will", "won", "would", NULL };
	gsize len = strlen(n->fold);

	return lexicon_verb(n->fold) || lower_in(n, verbs) || (len > 4 &&
	    strcmp(n->fold + len - 2, "ed") == 0);
}

/*
 * Whether a name is used as an adjective, its noun after it: "the
 * Trotsky papers" (not "the Kremlin was", "the Kremlin and", "Dross
 * sold").
 */
static int
attributive(const struct token *n)
{
	static const char *const words[] = { "that", "which", "who", NULL };

	return n != NULL && !n->capital && !title_glue(n) && !verb(n) &&
	    !lower_in(n, words);
}

/* Counts each word in lower case, and capitalised inside a sentence. */
static void
count_words(struct spotting *sp, const struct passage *p)
{
	guint k;

	for (k = 0; k < p->tokens->len && !p->caps; k++) {
		const struct token *t = TOK(p, k);

		if (!t->capital && g_unichar_isalpha(g_utf8_get_char(t->fold)))
			word_use_count(sp, t->fold, USE_LOWER);
		else if (t->capital && !t->first && !t->caps && !t->emph &&
		    !p->heading && !abbreviation(p, k)) {
			word_use_count(sp, t->fold, USE_CAPITAL);
			if (attributive(after(p, k)))
				word_use_count(sp, t->fold, USE_ADJECTIVE);
		}
	}
}

/* --- runs ---------------------------------------------------------------- */

/* Whether the token may be part of a name: capitalised, or an initial. */
static int
capitalised(const struct spotting *sp, const struct passage *p, guint k)
{
	const struct token *t = TOK(p, k);
	struct word_use u;

	if (t->initial)
		return 1;
	if (!t->capital || g_utf8_strlen(t->fold, -1) < 2 ||
	    strpbrk(t->fold, "0123456789") != NULL)
		return 0;
	if (!t->caps)
		return 1;
	/* In capitals: a word seen capitalised elsewhere, not common. */
	u = spot_word(sp, t->fold);
	return u.capital > 0 && !spot_common(sp, t->fold);
}

/*
 * Whether tokens k and k + 1 are one name's: only spaces between, or a
 * full stop after an initial or a title (I.N. Smirnov, Dr. Levine).
 */
static int
joined(const struct passage *p, guint k)
{
	const struct token *a = TOK(p, k), *b = TOK(p, k + 1);
	const char *s = p->text->str;
	gsize at = a->end;

	/* "Merchants’ Council" is one name, "Trotsky’s Opposition" two. */
	if (a->poss && a->bare < a->end)
		return 0;
	if (a->poss)
		at += s[at] == '\'' ? 1 : 3;
	if (s[at] == '.' && (a->initial || lexicon_title(a->fold) ||
	    strcmp(a->fold, "st") == 0 || strcmp(a->fold, "jr") == 0 ||
	    strcmp(a->fold, "v") == 0))	/* "L. v. Beethoven" */
		at++;
	return spaces(p, at, b->start);
}

/* A word a run's front may lose: a sentence's first word, if common,
 * and a function word anywhere ("On Grover Furr"). */
static int
cut(const struct spotting *sp, const struct passage *p, const struct run *r)
{
	const struct token *t = TOK(p, r->a);

	return !t->initial && ((t->first && r->a == r->i &&
	    spot_common(sp, t->fold)) || spot_function(sp, t->fold));
}

/* Whether token k starts particles that lead to a capitalised word
 * ("van der Linden"). */
static int
particles(const struct spotting *sp, const struct passage *p, guint k)
{
	for (; k + 1 < p->tokens->len && !TOK(p, k)->capital &&
	    lexicon_particle(TOK(p, k)->fold) && joined(p, k); k++)
		if (capitalised(sp, p, k + 1))
			return 1;
	return 0;
}

/* The runs of capitalised words of a passage, their fronts cut. */
static GArray *
find_runs(const struct spotting *sp, const struct passage *p)
{
	GArray *runs = g_array_new(FALSE, FALSE, sizeof(struct run));
	guint n = p->tokens->len, i = 0, j, k;

	while (i < n) {
		struct run r = { 0 };

		if (!capitalised(sp, p, i)) {
			i++;
			continue;
		}
		/* An institution's noun ends a run, unless it starts it
		 * (Institut Léon Trotsky): "Winter Palace Vladimir
		 * Antonov-Ovseenko" is two. */
		for (j = i; j + 1 < n && joined(p, j) && (j == i ||
		    !lexicon_institution(TOK(p, j)->fold)); j++) {
			if (capitalised(sp, p, j + 1))
				continue;
			if (!particles(sp, p, j + 1))
				break;
		}
		r.i = r.a = i;
		r.j = j;
		while (r.a <= j && cut(sp, p, &r))
			r.a++;
		r.c = r.a;
		/* The name follows its title: "the White General Wrangel". */
		for (k = r.a; k < j; k++)
			if (lexicon_title(TOK(p, k)->fold)) {
				r.a = k + 1;
				r.title = 1;
			}
		g_array_append_val(runs, r);
		i = j + 1;
	}
	return runs;
}

/* Counts single names inside sentences: surnames (or places) alone. */
static void
count_alone(struct spotting *sp, const struct passage *p, const GArray *runs)
{
	static const char *const determiners[] = { "a", "an", "another",
	    "any", "each", "every", "her", "his", "its", "my", "no", "our",
	    "some", "that", "the", "their", "these", "this", "those", "your",
	    NULL };
	guint k;

	for (k = 0; k < runs->len; k++) {
		const struct run *r = &g_array_index(runs, struct run, k);
		const struct token *t = TOK(p, r->j);

		if (r->a != r->j || (t->first && r->a == r->i) || t->caps ||
		    t->initial || p->heading || t->emph ||
		    lower_in(before(p, r->a), determiners) ||
		    abbreviation(p, r->j) ||
		    spot_common(sp, t->fold) || lexicon_institution(t->fold) ||
		    lexicon_derived(t->fold))
			continue;
		word_use_count(sp, t->fold, USE_ALONE);
	}
}

/* The first forename in full of a run's name (not an initial, not a
 * particle), or NULL. */
static const struct token *
first_forename(const struct passage *p, const struct run *r)
{
	guint k;

	for (k = r->a; k < r->j; k++)
		if (!TOK(p, k)->initial && !lexicon_particle(TOK(p, k)->fold))
			return TOK(p, k);
	return NULL;
}

/* --- evidence ------------------------------------------------------------ */

/* A capitalised common word inside a sentence: a title's, not a name's. */
static int
title_word(const struct spotting *sp, const struct token *t, guint8 kind)
{
	return t->capital && !t->first && !t->caps && !t->initial &&
	    (kind == KIND_NONE || kind == KIND_OTHER) &&
	    spot_common(sp, t->fold) && !lexicon_title(t->fold);
}

/*
 * Whether the run stands in the title of a work: in italics, or among
 * capitalised common words with nothing but small words and spaces
 * between ("Life and Terror in Stalin's Russia", "Stalin in Power").
 * kinds gives the kind of run of each token.
 */
static int
in_work(const struct spotting *sp, const struct passage *p,
    const struct run *r, const guint8 *kinds)
{
	guint k, steps;

	for (k = r->a; k <= r->j; k++)
		if (TOK(p, k)->emph)
			return 1;
	/* The words cut off its front: "The Prophet Outcast". */
	for (k = r->i; k < r->c; k++)
		if (title_word(sp, TOK(p, k), KIND_NONE))
			return 1;
	for (k = r->i, steps = 0; k > 0 && steps < 4 &&
	    spaces(p, TOK(p, k - 1)->end, TOK(p, k)->start) &&
	    !TOK(p, k - 1)->poss; k--, steps++) {
		const struct token *t = TOK(p, k - 1);

		if (title_word(sp, t, kinds[k - 1]))
			return 1;
		if (!t->capital && !title_glue(t))
			break;
	}
	for (k = r->j, steps = 0; k + 1 < p->tokens->len && steps < 4 &&
	    spaces(p, TOK(p, k)->end, TOK(p, k + 1)->start); k++, steps++) {
		const struct token *t = TOK(p, k + 1);

		if (title_word(sp, t, kinds[k + 1]))
			return 1;
		if (!t->capital && !title_glue(t))
			break;
	}
	return 0;
}

/* The first character other than a space before byte at, or 0. */
static gunichar
char_before(const struct passage *p, gsize at)
{
	const char *s = p->text->str, *q = s + at;

	while (q > s) {
		gunichar c;

		q = g_utf8_prev_char(q);
		c = g_utf8_get_char(q);
		if (!g_unichar_isspace(c))
			return c;
	}
	return 0;
}

/* "1954", perhaps after ", " */
static int
year_at(const char *s)
{
	if (*s == ',')
		s++;
	while (*s == ' ')
		s++;
	return g_ascii_isdigit(s[0]) && g_ascii_isdigit(s[1]) &&
	    g_ascii_isdigit(s[2]) && g_ascii_isdigit(s[3]) &&
	    !g_ascii_isdigit(s[4]);
}

/*
 * Where a work was published, or by whom: "(Oxford:", ": Verso, 1994",
 * ": W. W. Norton & Company, 1980".
 */
static int
publisher(const struct passage *p, const struct run *r)
{
	gunichar b = char_before(p, TOK(p, r->i)->start);
	const char *a = text_after(p, TOK(p, r->j)->end), *q;

	if (b == '(' && *a == ':')
		return 1;
	for (q = a; b == ':' && q - a < 24 && *q != '\0' &&
	    strchr(";()", *q) == NULL; q++)
		if (*q == ',' && year_at(q))
			return 1;
	return 0;
}

/*
 * An author, editor or translator cited: "X ed.", "X (ed.)", "edited by
 * X", or in a note "X, Title", "X, ‘Title’", "X, op. cit.", "X, p. 12".
 */
static int
cited(const struct passage *p, const struct run *r)
{
	static const char *const lead[] = { "also", "and", "cf", "see",
	    NULL };
	const struct token *b = r->i > 0 ? TOK(p, r->i - 1) : NULL;
	gunichar c = char_before(p, TOK(p, r->i)->start);
	const char *a = text_after(p, TOK(p, r->j)->end);
	gunichar next;

	if (g_str_has_prefix(a, "ed.") || g_str_has_prefix(a, "(ed") ||
	    g_str_has_prefix(a, ", ed.") || g_str_has_prefix(a, "eds") ||
	    (b != NULL && r->i >= 2 && lower_is(b, "by") &&
	    (lower_is(TOK(p, r->i - 2), "edited") ||
	    lower_is(TOK(p, r->i - 2), "translated"))))
		return 1;
	if (!p->note || *a != ',' || TOK(p, r->j)->poss)
		return 0;
	a = text_after(p, (gsize)(a + 1 - p->text->str));
	next = g_utf8_get_char(a);
	if (!g_unichar_isupper(next) && next != 0x201C && next != 0x2018 &&
	    next != '"' && strncmp(a, "ed", 2) != 0 &&
	    strncmp(a, "op. cit", 7) != 0 &&
	    strncmp(a, "ibid", 4) != 0 && strncmp(a, "p.", 2) != 0 &&
	    strncmp(a, "pp.", 3) != 0)
		return 0;
	/* at the note's start, after a ';' or a number, after "see" */
	return c == 0 || c == ';' || g_unichar_isdigit(c) ||
	    lower_in(b, lead) || (b != NULL && (strcmp(b->fold, "see") == 0 ||
	    strcmp(b->fold, "cf") == 0));
}

/* An adverb that may stand between a name and its verb. */
static int
adverb(const struct token *t)
{
	static const char *const words[] = { "again", "also", "always",
	    "later", "never", "once", "still", "then", NULL };
	gsize n = strlen(t->fold);

	return !t->capital && ((n > 4 && strcmp(t->fold + n - 2, "ly") == 0) ||
	    lower_in(t, words));
}

/*
 * "X and his followers", "X & other oppositionists": a name joined to
 * people by their role.  k is the name's last token.
 */
static int
companions(const struct passage *p, guint k)
{
	static const char *const whose[] = { "her", "his", "other", "their",
	    NULL };
	const char *a = text_after(p, TOK(p, k)->end);
	const struct token *w, *x;
	guint n = k + 1;
	int amp;

	if (TOK(p, k)->poss || n >= p->tokens->len)
		return 0;
	amp = *a == '&' && text_after(p, (gsize)(a + 1 - p->text->str)) ==
	    p->text->str + TOK(p, n)->start;
	if (!amp && !lower_is(after(p, k), "and"))
		return 0;
	n += !amp;
	w = amp ? TOK(p, n) : after(p, n - 1);
	if (!lower_in(w, whose))
		return 0;
	/* the role, perhaps after an adjective */
	x = after(p, n);
	if (x != NULL && !x->capital && !lexicon_role(x->fold))
		x = after(p, n + 1);
	return x != NULL && !x->capital && lexicon_role(x->fold);
}

/* What the words after the name say: a verb, or ", who", or a role. */
static guint
evidence_after(const struct passage *p, const struct run *r)
{
	static const char *const who[] = { "who", "whom", "whose", NULL };
	static const char *const his[] = { "a", "an", "her", "his", "the",
	    NULL };
	const struct token *t = TOK(p, r->j), *n = after(p, r->j);
	guint k = r->j + 1;

	if (t->poss)
		return EV_POSS;
	if (n != NULL && !n->capital && (lexicon_verb(n->fold) ||
	    lower_in(n, who)))
		return EV_VERB;
	if (n != NULL && adverb(n) && after(p, k) != NULL &&
	    !after(p, k)->capital && lexicon_verb(after(p, k)->fold))
		return EV_VERB;
	if (companions(p, r->j))
		return EV_ROLE;
	if (*text_after(p, t->end) != ',' || k >= p->tokens->len)
		return 0;
	n = TOK(p, k);
	if (lower_in(n, who))
		return EV_VERB;
	if (lower_is(n, "alias") || (lower_is(n, "known") && k + 1 <
	    p->tokens->len && lower_is(TOK(p, k + 1), "as")))
		return EV_ALIAS;
	if (!n->capital && lexicon_role(n->fold))
		return EV_ROLE;
	if (!lower_in(n, his))
		return 0;
	/* ", the historian", ", his elder son" */
	for (k++; k < p->tokens->len && k <= r->j + 3; k++) {
		if (!TOK(p, k)->capital && lexicon_role(TOK(p, k)->fold))
			return EV_ROLE;
		if (!spaces(p, TOK(p, k - 1)->end, TOK(p, k)->start))
			break;
	}
	return 0;
}

/* What the words before the name say: a role, "known as", a place. */
static guint
evidence_before(const struct passage *p, const struct run *r)
{
	const struct token *b = r->i > 0 ? TOK(p, r->i - 1) : NULL;
	gsize gap;

	/* "the Pole, Lensky," "the Georgian, Kavtaradze," */
	if (b != NULL && b->capital && r->i >= 2 && *text_after(p, b->end) ==
	    ',' && lower_is(before(p, r->i - 1), "the") &&
	    *text_after(p, TOK(p, r->j)->end) == ',')
		return EV_ROLE;
	if (b == NULL || b->capital)
		return 0;
	gap = TOK(p, r->i)->start - b->end;
	if (gap <= 8 && (lower_is(b, "alias") || lower_is(b, "pseudonym") ||
	    (lower_is(b, "named") && r->i >= 2 &&
	    lexicon_role(TOK(p, r->i - 2)->fold)) ||
	    (lower_is(b, "as") && r->i >= 2 &&
	    lower_is(TOK(p, r->i - 2), "known"))))
		return EV_ALIAS;
	if (before(p, r->i) == NULL)	/* "his son, Leon Sedov" */
		return lexicon_role(b->fold) && *text_after(p, b->end) ==
		    ',' ? EV_ROLE : 0;
	if (lexicon_role(b->fold))
		return EV_ROLE;
	if (lower_is(b, "by"))
		return EV_BY;
	if (TOK(p, r->j)->poss || r->title)
		return 0;
	/* "in Moscow", not "quoted in Mike Haynes" */
	if (lexicon_place_word(b->fold) && r->a == r->j)
		return EV_PLACE;
	/* "the Kremlin", but not "the Trotsky papers". */
	if (lower_is(b, "the") && r->a == r->j && !attributive(after(p, r->j)))
		return EV_THING;
	return 0;
}

/* "St.", "Sainte": a church, a parish, a feast more often than a saint. */
static int
saint(const char *fold)
{
	return strcmp(fold, "st") == 0 || strcmp(fold, "ste") == 0 ||
	    strcmp(fold, "saint") == 0 || strcmp(fold, "sainte") == 0;
}

/* A definite article, which a surname may begin with: "Le Patourel". */
static int
article(const char *fold)
{
	return strcmp(fold, "le") == 0 || strcmp(fold, "la") == 0 ||
	    strcmp(fold, "les") == 0 || strcmp(fold, "l'") == 0;
}

/* "Sten-Lominadze": two names joined, each used alone elsewhere. */
static int
two_names(const struct spotting *sp, const char *fold)
{
	char **parts;
	int yes;
	guint i;

	if (strchr(fold, '-') == NULL)
		return 0;
	parts = g_strsplit(fold, "-", -1);
	for (i = 0, yes = 1; yes && parts[i] != NULL; i++)
		yes = spot_word(sp, parts[i]).alone > 0;
	g_strfreev(parts);
	return yes;
}

/*
 * Sorts a run into a kind by its words and how the text uses them.  Not
 * a person's: a saint's or an institution's name, a date, a common word
 * inside it (New York) unless its surname is used alone (Mark
 * Zborowski), a phrase after an article (Le Petit Albert), a title or a
 * role at its end, an initial, a derived word, a function word or a
 * plural noun as its surname, two names joined (Sten-Lominadze), a
 * sentence's first word never capitalised elsewhere (Furthermore,), a
 * common word as its surname unless a forename comes first (Robert
 * Conquest), more than four names in a row.
 */
static enum kind
classify(const struct spotting *sp, const struct passage *p,
    const struct run *r)
{
	const struct token *last = TOK(p, r->j), *f;
	int alone = spot_word(sp, last->fold).alone > 0;
	guint k, full = 0;

	if (r->a > r->j)
		return KIND_NONE;
	if (saint(TOK(p, r->a)->fold))
		return KIND_OTHER;
	for (k = r->a; k <= r->j; k++) {
		if (lexicon_institution(TOK(p, k)->fold))
			return KIND_INSTITUTION;
		if (lexicon_calendar(TOK(p, k)->fold))
			return k == r->a && k < r->j ? KIND_OTHER : KIND_NONE;
	}
	for (k = r->a; k <= r->j; k++) {
		const struct token *t = TOK(p, k);

		full += !t->initial && !lexicon_particle(t->fold);
		if (k < r->j && !t->initial && !lexicon_particle(t->fold) &&
		    spot_common(sp, t->fold) && (!alone || spot_word(sp,
		    t->fold).capital < spot_word(sp, t->fold).lower))
			return KIND_OTHER;
	}
	/* "Le Petit Albert", "La Fontaine de la Beilleuse": a phrase of
	 * another language; "Le Marchant" a surname. */
	if (TOK(p, r->a)->capital && article(TOK(p, r->a)->fold) &&
	    r->j > r->a + 1 && !r->title)
		return KIND_OTHER;
	if (last->initial || lexicon_derived(last->fold) ||
	    spot_function(sp, last->fold) || (!r->title &&
	    plural(sp, last->fold) == PLURAL_NOUN))
		return KIND_NONE;
	if (lexicon_title(last->fold) || (r->a == r->j &&
	    lexicon_role(last->fold)))
		return KIND_OTHER;
	f = first_forename(p, r);
	if (r->a == r->j && two_names(sp, last->fold))
		return KIND_NONE;
	/* "Furthermore," "Indeed," but not "Nicolaevsky, op. cit." */
	if (r->a == r->j && !r->title && (spot_common(sp, last->fold) ||
	    (last->first && r->a == r->i && spot_word(sp,
	    last->fold).capital == 0 && *text_after(p, last->end) == ',' &&
	    !cited(p, r))))
		return KIND_NONE;
	if (r->a < r->j && spot_common(sp, last->fold) && f != NULL &&
	    !spot_forename_like(sp, f->fold))
		return KIND_OTHER;
	return full > 4 ? KIND_OTHER : KIND_PERSON;
}

/*
 * The sighting of a run of kind PERSON: its forenames (dropped if the
 * first is no forename: "Moscow Comintern"), its surname, and the
 * evidence around it.
 */
static struct sighting *
sighting_new(const struct spotting *sp, const struct passage *p,
    const struct run *r, const guint8 *kinds)
{
	struct sighting *s = g_new0(struct sighting, 1);
	const char *text = p->text->str;
	guint k, from = r->j, a = r->a;

	/* A capitalised particle starts the surname: "Le Blanc", "Van
	 * Heijenoort" (but Al is Al Richardson's forename). */
	if (from > a && TOK(p, from - 1)->capital &&
	    lexicon_particle(TOK(p, from - 1)->fold) &&
	    g_utf8_strlen(TOK(p, from - 1)->fold, -1) >= 2 &&
	    strcmp(TOK(p, from - 1)->fold, "al") != 0 &&
	    strcmp(TOK(p, from - 1)->fold, "el") != 0)
		from--;
	/* Words before the forenames: "the American John Dewey". */
	while (a < from && !TOK(p, a)->initial &&
	    !lexicon_particle(TOK(p, a)->fold) &&
	    !spot_forename_like(sp, TOK(p, a)->fold))
		a++;
	s->chapter = p->chapter;
	s->line = passage_line(p, TOK(p, a)->start);
	s->block = p->block;
	s->surname = g_strndup(text + TOK(p, from)->start,
	    TOK(p, r->j)->bare - TOK(p, from)->start);
	s->key = g_strdup(TOK(p, r->j)->fold);
	/* Particles alone are no forenames: "v. Beethoven". */
	for (k = a; k < from && lexicon_particle(TOK(p, k)->fold) &&
	    !TOK(p, k)->capital; k++)
		;
	if (k == from)
		a = from;
	if (from > a) {
		const struct token *l = TOK(p, from - 1);

		/* with an initial's or a particle's full stop: "Ivan N.",
		 * "Antonie v." */
		s->forenames = g_strndup(text + TOK(p, a)->start, l->end +
		    ((l->initial || lexicon_particle(l->fold)) &&
		    text[l->end] == '.') - TOK(p, a)->start);
	}
	for (k = a; k < from; k++)
		s->ev |= TOK(p, k)->initial ? EV_INITIALS :
		    lexicon_particle(TOK(p, k)->fold) ? 0 : EV_FORENAMES;
	s->ev |= r->title ? EV_TITLE : 0;
	/* The words before were another name's ("in Italy Mussolini"). */
	s->ev |= (a == r->a ? evidence_before(p, r) : 0) |
	    evidence_after(p, r);
	s->ev |= publisher(p, r) ? EV_PUBLISHER : 0;
	s->ev |= cited(p, r) ? EV_CITE : 0;
	/* Only a name of one word is in doubt at a sentence's start. */
	s->ev |= TOK(p, r->i)->first && r->a == r->i && a == r->j ?
	    EV_START : 0;
	s->ev |= p->heading ? EV_HEADING : 0;
	s->ev |= p->note ? EV_NOTE : 0;
	s->ev |= p->caps || TOK(p, r->j)->caps ? EV_CAPS : 0;
	s->ev |= in_work(sp, p, r, kinds) ? EV_WORK : 0;
	s->ev |= spot_common(sp, TOK(p, r->j)->fold) ? EV_COMMON : 0;
	return s;
}

/*
 * "X, Y and Z": only a comma (1), or "and", "or" or "&" (2) between two
 * names; else 0.
 */
static int
listed(const struct passage *p, const struct run *x, const struct run *y)
{
	const char *s = p->text->str + TOK(p, x->j)->end;
	const char *end = p->text->str + TOK(p, y->i)->start;
	char *between;
	int how = 0;

	if (TOK(p, x->j)->poss || end - s > 7)
		return 0;
	between = g_strstrip(g_strndup(s, (gsize)(end - s)));
	if (strcmp(between, ",") == 0)
		how = 1;
	else if (strcmp(between, "and") == 0 || strcmp(between, ", and") ==
	    0 || strcmp(between, "&") == 0 || strcmp(between, "or") == 0)
		how = 2;
	g_free(between);
	return how;
}

/*
 * Numbers the lists among a passage's sightings (from first on): two
 * names with only a comma between are no list ("Ries, London"), three
 * or more, or two with "and", are.
 */
static void
number_lists(struct spotting *sp, GPtrArray *found, GArray *joins)
{
	guint i, k;

	for (i = 0; i < found->len; i = k) {
		int conj = 0;

		for (k = i + 1; k < found->len &&
		    g_array_index(joins, int, k) > 0; k++)
			conj |= g_array_index(joins, int, k) == 2;
		if (k - i < 2 || (k - i == 2 && !conj))
			continue;
		sp->lists++;
		for (; i < k; i++)
			((struct sighting *)g_ptr_array_index(found,
			    i))->list = sp->lists;
	}
}

/*
 * The name an institution is named after, a sighting with no more
 * evidence than that: "Dewey" of "the Dewey Commission", "John Dewey"
 * of "the John Dewey Commission".
 */
static void
eponym(struct spotting *sp, const struct passage *p, const struct run *r,
    const guint8 *kinds)
{
	struct run name = *r;
	struct sighting *s;
	guint k;

	for (k = r->a; k <= r->j && !lexicon_institution(TOK(p, k)->fold); k++)
		if (TOK(p, k)->initial || spot_common(sp, TOK(p, k)->fold))
			return;
	/* one name, or forenames and a surname: not "Kessburg Maritime" */
	if (k == r->a || k > r->j || k - r->a > 3 ||
	    !lexicon_eponym(TOK(p, k)->fold) || (k - r->a > 1 &&
	    !spot_forename_like(sp, TOK(p, r->a)->fold)))
		return;
	name.i = name.c = r->a;
	name.j = k - 1;
	s = sighting_new(sp, p, &name, kinds);
	s->ev = (s->ev & (EV_INITIALS | EV_FORENAMES | EV_HEADING | EV_NOTE |
	    EV_CAPS | EV_WORK)) | EV_EPONYM;
	g_ptr_array_add(sp->sightings, s);
}

/* Classifies a passage's runs, and adds a sighting for each person's. */
static void
sightings(struct spotting *sp, const struct passage *p, GArray *runs)
{
	guint8 *kinds = g_malloc0(p->tokens->len + 1);
	GPtrArray *found = g_ptr_array_new();
	GArray *joins = g_array_new(FALSE, FALSE, sizeof(int));
	const struct run *prev = NULL;
	guint k, t;

	for (k = 0; k < runs->len; k++) {
		struct run *r = &g_array_index(runs, struct run, k);

		r->kind = classify(sp, p, r);
		for (t = r->i; t <= r->j; t++) {
			kinds[t] = (guint8)r->kind;
			if (r->kind == KIND_OTHER)
				word_use_count(sp, TOK(p, t)->fold, USE_OTHER);
		}
	}
	for (k = 0; k < runs->len; k++) {
		const struct run *r = &g_array_index(runs, struct run, k);
		struct sighting *s;
		int how;

		if (r->kind == KIND_INSTITUTION)
			eponym(sp, p, r, kinds);
		if (r->kind != KIND_PERSON)
			continue;
		s = sighting_new(sp, p, r, kinds);
		g_ptr_array_add(sp->sightings, s);
		if (s->ev & EV_WORK)
			continue;
		how = prev != NULL ? listed(p, prev, r) : 0;
		g_ptr_array_add(found, s);
		g_array_append_val(joins, how);
		prev = r;
	}
	number_lists(sp, found, joins);
	g_array_free(joins, TRUE);
	g_ptr_array_free(found, TRUE);
	g_free(kinds);
}

/* Counts the words of institutions' names ("Central Committee"), which
 * forenames seldom are. */
static void
count_institutions(struct spotting *sp, const struct passage *p,
    const GArray *runs)
{
	guint k, t;

	for (k = 0; k < runs->len; k++) {
		const struct run *r = &g_array_index(runs, struct run, k);
		int institution = 0;

		for (t = r->i; t <= r->j; t++)
			institution |= lexicon_institution(TOK(p, t)->fold);
		for (t = r->i; institution && t <= r->j; t++)
			word_use_count(sp, TOK(p, t)->fold, USE_OTHER);
	}
}

/* The words of a sighting's forenames, folded. */
static GArray *
forename_words(const struct sighting *s)
{
	return s->forenames != NULL ? names_words(s->forenames) :
	    g_array_new(FALSE, FALSE, sizeof(struct name_word));
}

/*
 * Drops what stands before a forename the text confirms, a forename
 * used with two surnames or more, when the first of the forenames is
 * not one and is used otherwise (as an adjective, alone, in other
 * names): "the American John Dewey" names John Dewey.
 */
static void
confirm_forenames(struct spotting *sp)
{
	GHashTable *keys = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, (GDestroyNotify)g_hash_table_destroy);
	guint i, k;

	for (i = 0; i < sp->sightings->len; i++) {
		const struct sighting *s = g_ptr_array_index(sp->sightings, i);
		GArray *words = forename_words(s);
		GHashTable *set;

		if (words->len > 0 && !spot_common(sp, s->key) &&
		    g_array_index(words, struct name_word, 0).capital &&
		    g_utf8_strlen(g_array_index(words, struct name_word,
		    0).fold, -1) > 1) {
			const char *f = g_array_index(words, struct name_word,
			    0).fold;

			if ((set = g_hash_table_lookup(keys, f)) == NULL) {
				set = g_hash_table_new(g_str_hash, g_str_equal);
				g_hash_table_insert(keys, g_strdup(f), set);
			}
			g_hash_table_add(set, s->key);
		}
		names_words_free(words);
	}
	for (i = 0; i < sp->sightings->len; i++) {
		struct sighting *s = g_ptr_array_index(sp->sightings, i);
		GArray *words = forename_words(s);
		const char *f = words->len > 1 ? g_array_index(words,
		    struct name_word, 0).fold : "";
		GHashTable *first = g_hash_table_lookup(keys, f);
		struct word_use u = spot_word(sp, f);

		if (u.adjective + u.alone + u.other == 0)
			f = "";

		for (k = 1; k < words->len && g_utf8_strlen(f, -1) > 1 &&
		    (first == NULL || g_hash_table_size(first) < 2); k++) {
			const struct name_word *w = &g_array_index(words,
			    struct name_word, k);
			GHashTable *set = g_hash_table_lookup(keys, w->fold);
			char *rest;

			if (set == NULL || g_hash_table_size(set) < 2 ||
			    !w->capital || g_utf8_strlen(w->fold, -1) < 2)
				continue;
			rest = g_strdup(s->forenames + w->start);
			g_free(s->forenames);
			s->forenames = rest;
			break;
		}
		names_words_free(words);
	}
	g_hash_table_destroy(keys);
}

void
spot_edition(struct spotting *sp, const struct edition *e)
{
	GPtrArray *passages = passages_gather(e);
	GPtrArray *runs = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)g_array_unref);
	guint i;

	for (i = 0; i < passages->len; i++)
		count_words(sp, g_ptr_array_index(passages, i));
	for (i = 0; i < passages->len; i++) {
		const struct passage *p = g_ptr_array_index(passages, i);

		g_ptr_array_add(runs, find_runs(sp, p));
		count_alone(sp, p, g_ptr_array_index(runs, i));
		count_institutions(sp, p, g_ptr_array_index(runs, i));
	}
	for (i = 0; i < passages->len; i++)
		sightings(sp, g_ptr_array_index(passages, i),
		    g_ptr_array_index(runs, i));
	confirm_forenames(sp);
	g_ptr_array_free(runs, TRUE);
	g_ptr_array_free(passages, TRUE);
}
