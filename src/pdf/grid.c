/*
 * grid.c — a table's geometry (grid.h): its columns from its cells'
 * widths, and its rows' lines moved side by side.
 *
 * The cells of a row are set one after the other, each a block of its
 * own, so that each keeps its tags and its lines whole; the first line
 * of each cell but the first then goes back up by the lines of the cell
 * before, so that all begin on the row's first baseline.  The page
 * builder adds the lines' advances as they come, so the row's height
 * comes out right, and the space owed after it clears its deepest cell.
 */
#include "grid.h"

/* The widest of each column's cells in w (cols a row), and their sum. */
static double
widest(const GArray *cells, guint cols, double *w)
{
	double sum = 0;
	guint i, k;

	for (i = 0; i < cells->len; i++)
		w[i % cols] = MAX(w[i % cols], g_array_index(cells, double, i));
	for (k = 0; k < cols; k++)
		sum += w[k];
	return sum;
}

void
grid_init(struct grid *gr, guint cols, const GArray *widths,
    const GArray *least, double left, double width, double gutter,
    double leading)
{
	double room = width - gutter * (cols - 1), x = left;
	double *min = g_new0(double, cols);
	double natural, floor;
	guint k;

	gr->cols = cols;
	gr->x = g_new0(double, cols);
	gr->w = g_new0(double, cols);
	gr->leading = leading;
	natural = widest(widths, cols, gr->w);
	floor = widest(least, cols, min);
	for (k = 0; k < cols; k++) {
		if (natural <= room)	/* a little to spare, for what
					   measuring missed */
			gr->w[k] += MIN((room - natural) / cols, gutter);
		else if (floor >= room)	/* words must break */
			gr->w[k] = floor > 0 ? room * min[k] / floor :
			    room / cols;
		else
			gr->w[k] = min[k] + (room - floor) *
			    (gr->w[k] - min[k]) / (natural - floor);
		gr->x[k] = x;
		x += gr->w[k] + gutter;
	}
	g_free(min);
}

void
grid_release(struct grid *gr)
{
	g_free(gr->x);
	g_free(gr->w);
}

double
grid_row(const struct grid *gr, struct galley *g, guint first,
    const GArray *starts)
{
	guint end = g->lines->len, i, k, deepest = 0, lines = 0;

	for (k = 0; k < starts->len; k++) {
		guint from = g_array_index(starts, guint, k);
		guint to = k + 1 < starts->len ? g_array_index(starts, guint,
		    k + 1) : end;
		struct line *ln = GALLEY_LINE(g, from);

		if (k > 0) {
			ln->advance = -(double)(lines - 1) * gr->leading;
			ln->space = 0;
		}
		lines = to - from;
		deepest = MAX(deepest, lines);
	}
	for (i = first; i < end; i++) {
		struct line *ln = GALLEY_LINE(g, i);

		ln->flags &= ~(unsigned)(LINE_FIRST | LINE_LAST);
		ln->flags |= i == first ? LINE_FIRST : 0;
		ln->flags |= i + 1 < end ? LINE_KEEP : LINE_LAST;
	}
	return (double)(deepest - lines) * gr->leading;
}
