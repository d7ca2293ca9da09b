/*
 * runs.h — the inlines of one block (text, emphasis, code, note
 * references) as one string and the Pango attributes that style it.
 */
#ifndef OCTAVO_PDF_RUNS_H
#define OCTAVO_PDF_RUNS_H

#include <pango/pango.h>

#include "model.h"

struct runs {
	GString		*text;		/* a caller may add to it between events */
	GArray		*spans;		/* struct span, in the order they open */
	GArray		*open;		/* guint indices of spans still open */
	gboolean	 italic;	/* the block's slant: emphasis turns it roman */
	int		 emph;		/* emphases open */
};

void		 runs_init(struct runs *, gboolean italic);
void		 runs_release(struct runs *);

/* Takes one event of a walk over a block's inlines; blocks are ignored. */
void		 runs_event(struct runs *, enum iter_event, const struct node *);

/* The attributes for the text so far; the caller unrefs them. */
PangoAttrList	*runs_attrs(const struct runs *);

#endif
