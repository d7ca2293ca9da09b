/*
 * runs.h — the inlines of one block (text, emphasis, code, note
 * references, index marks, links) as one string, the Pango attributes that
 * style it, the anchors that link it, and where each byte came from.
 */
#ifndef OCTAVO_PDF_RUNS_H
#define OCTAVO_PDF_RUNS_H

#include <pango/pango.h>

#include "galley.h"

struct runs {
	GString		*text;
	GArray		*spans;		/* struct span, in the order they open */
	GArray		*open;		/* guint indices of spans still open */
	GArray		*anchors;	/* struct anchor, in text order */
	GArray		*breaks;	/* guint: forced line breaks, at a space */
	GArray		*map;		/* struct srcmap: text copied from the
					   model, for runs_source */
	gsize		 src;		/* bytes of node_text read so far */
	gboolean	 italic;	/* the block's slant: emphasis turns it roman */
	int		 emph;		/* emphases open */
};

void		 runs_init(struct runs *, gboolean italic);
void		 runs_release(struct runs *);

/* Takes one event of a walk over a block's inlines; blocks are ignored. */
void		 runs_event(struct runs *, enum iter_event, const struct node *);

/* Text that is not the model's (a title, a marker): no source offsets. */
void		 runs_add(struct runs *, const char *);
/* Text that an anchor covers, such as a note's number. */
void		 runs_add_anchor(struct runs *, enum anchor_kind,
		    const struct note *, const struct node *, const char *);

/* A page number linked to page (of the file, from 1). */
void		 runs_add_page(struct runs *, int page, const char *);
/* Begins or ends emphasis: italic, or roman in an italic block. */
void		 runs_emph(struct runs *, gboolean begin);

/* A note's number, raised: node is its NODE_NOTEREF, or NULL for a
 * reference octavo adds (the byline's to the author's note). */
void		 runs_add_noteref(struct runs *, const struct note *,
		    const struct node *);

/*
 * The attributes for the text so far, for a block in type of the given
 * size (note references are raised by a share of it); the caller unrefs.
 */
PangoAttrList	*runs_attrs(const struct runs *, double size);
/*
 * Appends to out what runs_attrs makes the attributes from, but the
 * size and the text's length: for a key of the block (typeset.c).
 */
void		 runs_attrs_key(const struct runs *, GString *out);

/* The offset into node_text of the block where byte at of the text came
 * from; text added by octavo maps to where the model's text resumes. */
gsize		 runs_source(const struct runs *, guint at);

#endif
