/*
 * lexicon.h — the English words that tell what kind of thing a
 * capitalised word names: titles and roles of people, verbs whose
 * subject is a person, the nouns that end the names of institutions and
 * places, particles of surnames, months, days and ordinals.  No name of any
 * person, place or institution is listed: the draft of the list of
 * names (draft.h) learns those from the text around these words.
 *
 * Every function takes a word folded as names_words folds it (lower
 * case, no accents, no possessive).
 */
#ifndef OCTAVO_LEXICON_H
#define OCTAVO_LEXICON_H

#include <glib.h>

/* A title before a name: "General", "Mr", "Comrade", "Lady". */
int	lexicon_title(const char *fold);
/* A noun for a person's role, as in "his son X", "the historian X". */
int	lexicon_role(const char *fold);
/* A verb whose subject is a person: "X wrote", "X said", "X died". */
int	lexicon_verb(const char *fold);
/* A noun ending the name of an institution or a place: "Press", "Party". */
int	lexicon_institution(const char *fold);
/* One of those that often follow a person's name: "Dewey Commission". */
int	lexicon_eponym(const char *fold);
/* A particle of a surname written in lower case: "van", "von", "de". */
int	lexicon_particle(const char *fold);
/* A month (or its abbreviation), a day of the week, or an ordinal
 * ("Twentieth Century"). */
int	lexicon_calendar(const char *fold);
/* A preposition of place: "in", "near", "at". */
int	lexicon_place_word(const char *fold);
/* A word made from a name or a noun: "Stalinism", "Trotskyists",
 * "Christianity". */
int	lexicon_derived(const char *fold);

/* Whether every list is in strcmp order, as bisection needs (tests). */
int	lexicon_sorted(void);

/*
 * A key for comparing spellings of one name across transliterations:
 * folded, apostrophes dropped, doubled letters made single, and the
 * usual alternatives made one ("tch" and "ch", "y" and "i", "w" and
 * "v", "tz" and "ts", "kh" and "h", "zh", "dj" and "j", "ck" and "k").
 * Kuibyshev and Kuibychev differ by one letter; Riutin and Ryutin not
 * at all.  The caller frees it.
 */
char	*lexicon_spelling(const char *fold);

/*
 * Whether the spellings a and b (lexicon_spelling keys) are one edit
 * apart inside the word: a letter changed, added or dropped, or two
 * neighbours swapped (Trotksy).  A name's ending tells people apart
 * (Sedov and Sedova, Franco and France, Lewin and Levine): a letter
 * added at the end never counts, a last letter changed only in a word
 * of eight letters or more (Preobrazhenskv).
 */
int	lexicon_near(const char *a, const char *b);

#endif
