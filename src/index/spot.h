/*
 * spot.h — the capitalised words of an edition that may name people,
 * found where the index would mark them (the chapters' text, their
 * introductions and notes), each occurrence with the evidence around it.
 *
 * A run of capitalised words ("General Ivan N. Smirnov's") is cut into
 * what the name is not (the title, a sentence's first word) and what it
 * is: forenames and initials, then a surname.  Runs that name an
 * institution or a place by their form ("Pathfinder Press", "New York",
 * "Red Square") are counted against their words and give no sighting.
 */
#ifndef OCTAVO_SPOT_H
#define OCTAVO_SPOT_H

#include "model.h"

/* What the text around one sighting says: bits of sighting.ev. */
enum evidence {
	EV_TITLE	= 1 << 0,	/* after a title: "General X" */
	EV_ROLE		= 1 << 1,	/* "his son X", "X, the historian" */
	EV_VERB		= 1 << 2,	/* "X wrote", "X, who" */
	EV_POSS		= 1 << 3,	/* "X's" */
	EV_CITE		= 1 << 4,	/* "X, Title", "X ed.": an author cited */
	EV_ALIAS	= 1 << 5,	/* after "known as", "alias", "named" */
	EV_INITIALS	= 1 << 6,	/* after initials: "I.N. X" */
	EV_FORENAMES	= 1 << 7,	/* after other names: "Ivan X" */
	EV_PLACE	= 1 << 8,	/* after "in", "near", "at" */
	EV_THING	= 1 << 9,	/* after "the", a noun of its own */
	EV_PUBLISHER	= 1 << 10,	/* "(X: Publisher", ": X, 1954" */
	EV_START	= 1 << 11,	/* first word of a sentence */
	EV_HEADING	= 1 << 12,	/* in a heading */
	EV_WORK		= 1 << 13,	/* in a title of a work */
	EV_NOTE		= 1 << 14,	/* in a note */
	EV_CAPS		= 1 << 15,	/* in capitals, "TO X": its case unknown */
	EV_COMMON	= 1 << 16,	/* its surname is also a common word */
	EV_BY		= 1 << 17,	/* after "by": an agent, often a person */
	EV_EPONYM	= 1 << 18	/* "X Commission": named after X */
};

/* One occurrence of what may be a person's name. */
struct sighting {
	const struct chapter	*chapter;
	int			 line;		/* source line of its text */
	guint			 block;		/* its paragraph, in the book */
	guint			 list;		/* its enumeration ("X, Y and Z"),
						   numbered from 1; 0 if none */
	char			*forenames;	/* as written ("I.N.", "Jean van"),
						   or NULL */
	char			*surname;	/* as written, no possessive */
	char			*key;		/* its last word, folded */
	guint			 ev;		/* enum evidence */
};

/* How one word (folded) is written through the text. */
struct word_use {
	int	lower;		/* in lower case */
	int	capital;	/* capitalised inside a sentence */
	int	adjective;	/* so, before a noun: "Soviet government" */
	int	alone;		/* a name of its own, inside a sentence */
	int	other;		/* in the name of an institution or place */
};

struct spotting {
	GPtrArray	*sightings;	/* struct sighting *, in text order */
	GHashTable	*words;		/* fold → struct word_use * */
	guint		 lists;		/* enumerations numbered */
};

void	spot_init(struct spotting *);
void	spot_release(struct spotting *);

/* Finds the sightings of every chapter of e, in reading order. */
void	spot_edition(struct spotting *, const struct edition *e);

/* How word (folded) is used; all zero if it never occurs. */
struct word_use spot_word(const struct spotting *, const char *fold);

/*
 * Whether word (folded) is a common word: in lower case at least half as
 * often as capitalised inside a sentence ("Day" and "day").  A function
 * word is far more often in lower case ("On", "The", "No").
 */
int	spot_common(const struct spotting *, const char *fold);
int	spot_function(const struct spotting *, const char *fold);

/*
 * Whether word (folded) may be a forename: not a common word, a title or
 * the end of an institution's name, seldom used as an adjective
 * (Soviet) and seldom alone (Moscow, Italy).
 */
int	spot_forename_like(const struct spotting *, const char *fold);

#endif
