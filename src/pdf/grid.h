/*
 * grid.h — a table of the model set as a grid: its columns measured
 * from its cells, and each row's cells, set one after the other into the
 * galley, put side by side on the row's first baseline.
 */
#ifndef OCTAVO_PDF_GRID_H
#define OCTAVO_PDF_GRID_H

#include "galley.h"

struct grid {
	guint	 cols;
	double	*x;		/* each column's left, from the measure's */
	double	*w;		/* and its width */
	double	 leading;	/* the cells' */
};

/*
 * The columns of a table whose cells' natural widths are widths, and
 * the widths of their widest words least (a double per cell, row by
 * row, cols a row), in a space width wide from left, a gutter between
 * columns: each column as wide as its widest cell if they fit; else as
 * wide as its widest word, and a share of the rest of the width by how
 * much more its widest cell would take (as a browser lays out a table).
 */
void	grid_init(struct grid *, guint cols, const GArray *widths,
	    const GArray *least, double left, double width, double gutter,
	    double leading);
void	grid_release(struct grid *);

/*
 * Puts a row's cells side by side: the galley's lines from first on are
 * the row's, cell k's from starts[k] (a guint per cell).  Each cell's
 * first line goes back up to the row's first baseline; the row is kept
 * on one page, as one block.  Returns the space the next line is owed
 * below the row's last line, to clear its deepest cell.
 */
double	grid_row(const struct grid *, struct galley *, guint first,
	    const GArray *starts);

#endif
