/*
 * score.h — how sure the text makes the draft that each of its people
 * (cluster.h) is a person: the evidence of their sightings tallied, and
 * weighed into a confidence from 0 to 1.
 *
 * For a person: forenames or initials the text confirms (a forename
 * used with several surnames, a surname also used alone), titles and
 * roles, verbs only a person takes, possessives, citations as an
 * author, a place in a list among other people, and recurrence in
 * running text.  Against: "in X" and "the X", places of publication
 * and publishers, a surname that is a common word or a plural, the
 * word's use inside names of institutions and places, and a list among
 * such names.
 */
#ifndef OCTAVO_SCORE_H
#define OCTAVO_SCORE_H

#include "index/cluster.h"

/* What a person's sightings say, counted. */
struct tally {
	int	sightings;
	int	running;	/* inside a sentence of running text */
	int	named;		/* with forenames the text confirms, or initials */
	int	unconfirmed;	/* with forenames it does not confirm */
	int	title, role, verb, poss, cite, alias;
	int	by;		/* after "by" */
	int	eponym;		/* an institution is named after them */
	int	with_people;	/* listed with people */
	int	listed;		/* in a list of three or more, none of them
				   other things */
	int	place, thing, publisher;
	int	with_others;	/* listed with what are not people */
	int	other;		/* the surname's word in names of other things */
	int	common;		/* the surname is a common word */
	int	adjective;	/* the surname is mostly an adjective: Soviet */
	int	plural;		/* the surname is a plural, or has one */
	int	forename;	/* no forenames, and the name is a forename
				   of others: "Natalia" */
	int	starts;		/* sightings that begin a sentence */
};

/* Tallies each person's evidence (person.tally) and sets their
 * confidence. */
void	score_people(struct people *, const struct spotting *);

/* The confidence a tally gives, from 0 to 1. */
double	score_confidence(const struct tally *);

#endif
