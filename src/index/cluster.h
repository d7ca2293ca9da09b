/*
 * cluster.h — the sightings of names (spot.h) gathered into people.
 *
 * Sightings whose surnames are spellings of one name (Kuibyshev and
 * Kuibychev, a typist's Trotksy) make a family; within it, forenames
 * and initials that agree (Ivan N., I.N., Ivan) make one person, and
 * forenames that do not (I.N. and A.P.) two.  Where a family has
 * several people, each sighting of the surname alone is given to the
 * one the chapter last named in full.
 */
#ifndef OCTAVO_CLUSTER_H
#define OCTAVO_CLUSTER_H

#include "index/spot.h"

struct family;
struct tally;

/* One person, as a heading of the list will name them. */
struct person {
	char		*surname;	/* the spelling most used */
	char		*forenames;	/* the fullest the text gives, or NULL */
	GPtrArray	*sightings;	/* const struct sighting *, text order:
					   with forenames, and the surname
					   alone where it is theirs */
	struct family	*family;
	struct tally	*tally;		/* its evidence, from score.h */
	double		 confidence;	/* 0 to 1, from score.h */
	guint		 order;		/* of first sighting */
};

/* The people of one surname, in its spellings. */
struct family {
	GPtrArray	*persons;	/* struct person *, most named first */
	GPtrArray	*bare;		/* const struct sighting *: the surname
					   alone, in text order */
	GPtrArray	*owner;		/* struct person * for each of bare */
	GPtrArray	*keys;		/* char *: its surnames' last words */
	int		 sure;		/* one person, or the text tells
					   which each bare surname is */
	guint		 order;		/* of first sighting */
};

struct people {
	GPtrArray	*families;	/* struct family *, by first sighting */
	GPtrArray	*persons;	/* struct person *, all, in order */
};

void	people_init(struct people *);
void	people_release(struct people *);

/* Gathers sp's sightings into families and people. */
void	people_cluster(struct people *, const struct spotting *sp);

/*
 * Whether two forenames may be one person's: word by word, initials
 * agree with names (I. with Ivan), and names are spellings of one
 * (Nikolai, Nicolai); the shorter may stop early (Ivan with Ivan N.).
 */
int	people_forenames_agree(const char *a, const char *b);

#endif
