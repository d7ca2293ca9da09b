/*
 * pipeline.h — the front-end stages in order, run the same way by every
 * command, by the tests and by the fuzz targets:
 *
 *   read → normalize → parse → notes → ledger → index
 *
 * What it leaves is one edition in the model; the back ends (pdf/,
 * epub/) read it from there.
 */
#ifndef OCTAVO_PIPELINE_H
#define OCTAVO_PIPELINE_H

#include "diag.h"
#include "index/index.h"
#include "ledger.h"
#include "model.h"
#include "read/manifest.h"

struct reuse;

struct pipeline_opts {
	gsize		 max_source;	/* the cap on a source file, in bytes */
	struct index_log *log;		/* the index stage's report, or NULL */
	gboolean	 uncounted;	/* no word ledger: for a command that
					   reports no words (octavo names,
					   octavo index) */
	gboolean	 keep_texts;	/* the sources, their normalizations and
					   each chapter's CommonMark kept for
					   the caller (octavo normalize writes
					   them); else each goes once the last
					   stage reading it is done */
	/* Where each group's normalization an earlier run made from the
	 * same manifest and source is found, and this run's are kept
	 * (normalize/kept.h); NULL: each source is normalized anew.  Its
	 * key must cover the program and the manifest. */
	struct reuse	*normalized;
	/* After each stage: its name and a word on what it did; may be NULL. */
	void		(*progress)(void *arg, const char *stage,
			    const char *what);
	void		*arg;
};

struct pipeline {
	struct manuscript *ms;		/* the manifest, and the edition */
	struct edition	*edition;	/* ms->edition, with its chapters */
	char		*sources_digest; /* XXH3-128 of every source as read */
	/*
	 * These three the ledger reads, and then only a caller that keeps
	 * them: they are empty after pipeline_start otherwise.
	 */
	GArray		*sources;	/* each source file as read, once */
	GArray		*normalizations; /* struct normalization, per group */
	GPtrArray	*normalized;	/* struct normalized *, per chapter,
					   in the edition's order (not owned) */
	struct ledger	 ledger;	/* every source word accounted for */
};

/*
 * Runs the stages on the manifest at path.  Returns 0, or -1 once a
 * stage has added an error to d, with p released (nothing to free).
 */
int	pipeline_run(struct pipeline *p, const char *path,
	    const struct pipeline_opts *, struct diags *d);
/* The same from a manuscript made in memory, which p then owns. */
int	pipeline_start(struct pipeline *p, struct manuscript *,
	    const struct pipeline_opts *, struct diags *d);
void	pipeline_release(struct pipeline *);

#endif
