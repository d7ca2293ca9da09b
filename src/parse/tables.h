/*
 * tables.h — pipe tables (GitHub's syntax, which plain CommonMark reads
 * as a paragraph) made tables of the model as the parser copies cmark's
 * paragraph: a paragraph whose second line is a delimiter row with as
 * many cells as its first is a NODE_TABLE, each line a NODE_ROW (the
 * first the head), each cell between pipes a NODE_CELL; the delimiter
 * row only gives the columns' alignment.
 */
#ifndef OCTAVO_TABLES_H
#define OCTAVO_TABLES_H

#define CMARK_NO_SHORT_NAMES
#include <cmark.h>

#include "model.h"

/* A table being read, inline by inline, as the parser walks its paragraph. */
struct table {
	cmark_node	*para;		/* cmark's paragraph, or NULL: none open */
	gchar		**lines;	/* the text parsed, by line (not owned) */
	guint		 nlines;
	struct node	*node;		/* NODE_TABLE */
	struct node	*row, *cell;	/* where the next inline goes */
	GArray		*align;		/* enum cell_align, per column */
	int		 line;		/* of the paragraph: 0 the head, 1 the
					   delimiter row, then the body */
	int		 after_pipe;	/* nothing but spaces since a pipe */
};

/*
 * Whether cmark's paragraph para is a pipe table; lines are the text
 * cmark parsed, nlines of them.  If it is, t is opened on it: its NODE_TABLE
 * is appended to parent, and t->cell is where its first inline goes.
 */
int	table_open(struct table *t, cmark_node *para, gchar **lines,
	    guint nlines, struct node *parent, struct srcpos pos);

/*
 * A text of the table's own lines (not inside emphasis or a link): its
 * pieces between the pipes that part cells go into cells, each piece
 * appended by append.  A pipe escaped (\|) or written as an entity is
 * text.
 */
void	table_text(struct table *t, cmark_node *text, struct srcpos pos,
	    void (*append)(struct node *, struct srcpos, const char *));

/* A line's end in the table: the next line is a new row. */
void	table_break(struct table *t, struct srcpos pos);

/* Whether the walk is in the delimiter row, of which nothing is kept. */
int	table_skips(const struct table *t);

/*
 * Ends the table: the cells' spaces trimmed, every row given as many
 * cells as the longest, each cell its column's alignment.  Returns the
 * node the table was appended to.
 */
struct node *table_close(struct table *t);

#endif
