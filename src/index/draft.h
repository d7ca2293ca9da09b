/*
 * draft.h — a draft of the authority list of names (names.txt), made
 * from the edition's text for an editor to correct: 'octavo names'.
 *
 * The capitalised words of the text are sorted into people and other
 * things by the evidence around them (spot.h), gathered into one
 * heading per person (cluster.h) and weighed (score.h).  The people the
 * draft is sure of become entries, "Surname, Forenames" with the forms
 * the text writes them in and, where two people share a surname, the
 * 'in' and 'at' rules that tell them apart; the rest follow commented
 * out.  Merged with a list the edition already has, the draft keeps its
 * text as it is and adds only the people it lacks, after a marked line;
 * a second run adds nothing.
 */
#ifndef OCTAVO_DRAFT_H
#define OCTAVO_DRAFT_H

#include "index/names.h"
#include "model.h"

/* People below this confidence are left out; below DRAFT_SURE they are
 * written commented out. */
#define DRAFT_UNSURE	0.2
#define DRAFT_SURE	0.4

/* What a draft holds, for the command's report. */
struct draft_counts {
	int	sure;		/* entries written */
	int	unsure;		/* entries written commented out */
	int	known;		/* people the list already has */
};

/*
 * The draft list for edition e, as text.  nl and text are the list the
 * edition has (both NULL if none): its text is kept whole, and people
 * any of whose forms with forenames it matches (or a heading it has,
 * even commented out) are not drafted again.  counts may be NULL.
 */
GString	*draft_list(const struct edition *e, const struct names *nl,
	    const char *text, struct draft_counts *counts);

#endif
