/*
 * ledger.h — the word ledger: every word of every source accounted for.
 *
 * A word of a source is in the edition (its text, its notes, or the
 * metadata it shows: a title, a byline, a source line), or a named rule
 * took it out (debris, the licence, the manifest's drop, a contents
 * list, lines no group takes).  What is neither is unaccounted: a
 * warning at the line where it stands.  The ledger reads the model and
 * the sources, never the outputs.
 */
#ifndef OCTAVO_LEDGER_H
#define OCTAVO_LEDGER_H

#include "diag.h"
#include "model.h"
#include "read/manifest.h"

struct ledger {
	gsize		 sources;	/* words in the sources, as read: a
					   line two groups take counts twice */
	gsize		 edition;	/* of those, the words in the edition */
	gsize		 dropped;	/* taken out by rules (check -v lists
					   them) */
	gsize		 unaccounted;	/* neither: each a warning */
	GHashTable	*by_rule;	/* rule → words it dropped (gsize) */
};

/* What the ledger reads: the pipeline's stages' results. */
struct ledger_input {
	const struct manuscript	*ms;		/* its groups */
	const GArray		*sources;	/* struct source (source.h) */
	const GArray		*normalizations; /* per group (normalize.h) */
	const GPtrArray		*normalized;	/* per chapter */
	const struct edition	*edition;
};

/*
 * Counts the words of the pipeline's sources against its edition; adds
 * a warning at each line holding words that are unaccounted for, and
 * an info for each range of lines no group takes.
 */
void	ledger_count(struct ledger *, const struct ledger_input *,
	    struct diags *);

/* The ledger's line: "words: 78,720 in the sources; …"; a new string. */
char	*ledger_summary(const struct ledger *);
/* The words each rule dropped, a line each, most first; a new string. */
char	*ledger_rules(const struct ledger *);
void	 ledger_release(struct ledger *);

#endif
