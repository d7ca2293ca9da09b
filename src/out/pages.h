/*
 * pages.h — what the print layout tells the other outputs: where each
 * printed page begins in the text, and on which page a node fell.
 *
 * The PDF back end fills a pagemap as it lays the book out; the EPUB
 * back end reads it to put page-break markers and a page list in the
 * e-book, and the index reads it for page numbers.  One layout pass
 * serves both outputs.
 */
#ifndef OCTAVO_PAGES_H
#define OCTAVO_PAGES_H

#include "model.h"

/* The prelims' pages, each of which the e-book has a page of its own for. */
enum prelim {
	PRELIM_NONE,
	PRELIM_TITLE,		/* the half-title and the title page */
	PRELIM_IMPRINT,		/* rights, sources, colophon */
	PRELIM_CONTENTS
};

/*
 * A page's first line begins in block, offset bytes into its text; or,
 * for a page of the index, in an entry, at its heading or amid its page
 * numbers; or, for a page of the prelims, in one of them.
 */
struct pagebreak {
	const struct node	*block;		/* a paragraph, heading, …, or NULL */
	gsize			 offset;	/* into node_text(block) */
	const struct index_entry *entry;	/* the index's, or NULL */
	int			 locator;	/* in entry: 0 at its heading, else
						   the page (of the file, from 1)
						   of the first page number it
						   begins with, G_MAXINT after
						   them all */
	enum prelim		 prelim;	/* or PRELIM_NONE */
	char			 label[16];	/* the folio as printed: "12", "iv" */
};

/* Where a printed line of the text or of a note begins in the model. */
struct linestart {
	const struct node	*block;		/* a paragraph, heading, … */
	guint32			 offset;	/* into node_text(block) */
	int			 page;		/* of the file, from 1 */
};

struct pagemap {
	GArray		*breaks;	/* struct pagebreak, one per page in
					   page order: a blank page's where
					   the next page's is */
	GArray		*mark_pages;	/* gint32 per index mark, by its id
					   (mark 1 at 0): the page it fell
					   on, from 1; 0 if none.  A long
					   book has 180,000 marks: a table
					   of them by address took 8 MB */
	GPtrArray	*labels;	/* char *: the label of each page */
	GArray		*starts;	/* struct linestart, of every line of
					   the model's text and notes */
};

/* Folio n as the front matter prints it, in lower-case roman: "xiv". */
void	folio_roman(int n, char *buf, size_t size);
/*
 * The number a folio prints: "12" → 12, "xiv" → 14 (*roman set); 0 for
 * a label that is neither.
 */
int	folio_value(const char *label, gboolean *roman);

void	pagemap_init(struct pagemap *);
void	pagemap_release(struct pagemap *);
/*
 * Lets go of the line starts, which only the kept layout reads
 * (pagemap_save): a long book's are the largest part of its map (8 MB
 * at 100x), and the outputs are made from the rest.
 */
void	pagemap_drop_lines(struct pagemap *);
/*
 * The page (of the file, from 1) index mark m fell on, or 0 if none;
 * setting it (page > 0).  A mark is known by its id, which the index
 * stage gives every mark: one without (id 0) has no page.
 */
int	pagemap_mark_page(const struct pagemap *, const struct index_mark *m);
void	pagemap_set_mark_page(struct pagemap *, const struct index_mark *m,
	    int page);
/* The printed label of the page index mark m fell on, or NULL. */
const char *pagemap_label(const struct pagemap *, const struct index_mark *m);

/*
 * The folio of every index mark the map places, by the mark's id
 * (index_mark_number): its page's number as index_pages wants it, the
 * text's in arabic, the front matter's in roman below them
 * (out/indexing.h).  The caller unrefs the array.
 */
GArray	*pagemap_folios(const struct pagemap *, const struct edition *);

/*
 * The last layout, kept for `octavo index`: the labels and line starts
 * of a map written to path under key (a digest of what the layout was
 * made from); the index of names does not move a line, so a new list of
 * names needs no new layout.  pagemap_save returns FALSE with err set
 * if it cannot write.  pagemap_load fills an empty map from path if it
 * was saved under key for an edition of the same text as e: its labels,
 * its line starts, and the page of each of e's index marks, found from
 * the line it falls on; it returns FALSE, the map left empty, if not.
 */
gboolean pagemap_save(const struct pagemap *, const struct edition *,
	    const char *key, const char *path, GError **err);
gboolean pagemap_load(struct pagemap *, const struct edition *,
	    const char *key, const char *path);

#endif
