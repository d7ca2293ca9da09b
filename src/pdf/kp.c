/*
 * kp.c — the total-fit algorithm over boxes, glue and penalties.
 *
 * An active node is a feasible break that may begin a line; a passive
 * node remembers a break for the path back.  At each legal breakpoint
 * every active node is tried as the start of a line ending there; those
 * that would make an overfull line are dropped, and the best new node of
 * each fitness class and run of hyphenated lines is added.  Since only
 * breaks less than a line back stay active, the work is linear.
 */
#include <math.h>

#include "kp.h"

/* TeX's fitness classes, by adjustment ratio. */
enum { TIGHT, DECENT, LOOSE, VERY_LOOSE, CLASSES };

/* Runs of hyphenated lines told apart: 0, 1, 2, and 3 or more. */
#define RUNS	4

/* Sums of widths, stretch and shrink from the start of the paragraph. */
struct sums {
	double		 w, y, z;
	int		 fill;
};

struct active {
	guint		 item;		/* where the break is */
	guint		 line;		/* lines before the break */
	int		 fitness;
	int		 hyphens;	/* hyphenated lines in a row ending here */
	double		 demerits;	/* total, from the start */
	struct sums	 after;		/* sums at the first box after it */
	int		 passive;	/* its passive node */
};

struct passive {
	int		 prev;		/* passive node before it, or -1 */
	struct kp_break	 brk;
};

struct run {
	const struct kp_item	*it;
	guint			 n;
	const struct kp_params	*pp;
	GArray			*active;	/* struct active */
	GArray			*passive;	/* struct passive */
	struct sums		 sum;		/* up to the item being looked at */
	struct active		 last_dropped;	/* for force */
	gboolean		 dropped;
};

/* A candidate for a new active node at the breakpoint being tried. */
struct best {
	struct active	 node;
	struct kp_break	 brk;
	int		 from;		/* the passive node it continues */
};

/* The best candidate of each class and run; set has a bit for each
 * that is (so that nothing larger is cleared at each breakpoint). */
struct bests {
	unsigned	 set;
	struct best	 at[CLASSES][RUNS];
};

#define BIT(c, h)	(1u << ((c) * RUNS + (h)))

void
kp_params_init(struct kp_params *pp, double width, double tolerance)
{
	pp->first = pp->rest = width;
	pp->tolerance = tolerance;
	pp->emergency = 0;
	pp->ragged = 0;
	pp->hyphenate = TRUE;
	pp->capitals = TRUE;
	pp->force = FALSE;
	pp->line_penalty = 10;
	pp->adj_demerits = 10000;
	pp->double_hyphen_demerits = 10000;
	pp->final_hyphen_demerits = 5000;
	pp->max_hyphens = 0;
	pp->start_ratio = 0;
	pp->start_hyphens = 0;
}

double
kp_badness(double ratio)
{
	double b = 100 * fabs(ratio) * ratio * ratio;

	return b > KP_INFINITY || isnan(b) ? KP_INFINITY : b;
}

static gboolean
is_break(const struct run *r, guint i)
{
	const struct kp_item *it = &r->it[i];

	switch (it->kind) {
	case KP_GLUE:
		return i > 0 && r->it[i - 1].kind == KP_BOX;
	case KP_PENALTY:
		return it->penalty < KP_INFINITY && (!it->hyph ||
		    (r->pp->hyphenate && (!it->capital || r->pp->capitals)));
	default:
		return FALSE;
	}
}

/* The sums at the first box (or forced break) after a break at i. */
static struct sums
sums_after(const struct run *r, guint i)
{
	struct sums s = r->sum;
	guint j;

	for (j = i; j < r->n; j++) {
		const struct kp_item *it = &r->it[j];

		if (it->kind == KP_BOX || (j > i && it->kind == KP_PENALTY &&
		    it->penalty <= -KP_INFINITY))
			break;
		if (it->kind == KP_GLUE) {
			s.w += it->width;
			s.y += it->stretch;
			s.z += it->shrink;
			s.fill += it->fill;
		}
	}
	return s;
}

static int
fitness(double ratio)
{
	if (ratio < -0.5)
		return TIGHT;
	if (ratio <= 0.5)
		return DECENT;
	return ratio <= 1 ? LOOSE : VERY_LOOSE;
}

/* Demerits of a line from a to breakpoint b with the given badness. */
static double
demerits(const struct run *r, const struct active *a, guint b,
    double badness, int cls, gboolean flagged)
{
	const struct kp_params *pp = r->pp;
	const struct kp_item *it = &r->it[b];
	double d = pp->line_penalty + badness;

	d *= d;
	if (it->kind == KP_PENALTY && it->penalty > 0)
		d += (double)it->penalty * it->penalty;
	else if (it->kind == KP_PENALTY && it->penalty > -KP_INFINITY)
		d -= (double)it->penalty * it->penalty;
	if (flagged && a->hyphens > 0)
		d += pp->double_hyphen_demerits;
	if (b + 1 == r->n && a->hyphens > 0)
		d += pp->final_hyphen_demerits;
	if (abs(cls - a->fitness) > 1)
		d += pp->adj_demerits;
	return d;
}

/*
 * Considers a line from active node a to breakpoint b: how its glue is
 * set, whether it is feasible, and if so records it as a candidate.
 * Returns FALSE if a can begin no line ending at b or later (overfull).
 */
static gboolean
try_line(struct run *r, const struct active *a, guint b,
    struct bests *best, gboolean force_this)
{
	const struct kp_params *pp = r->pp;
	const struct kp_item *it = &r->it[b];
	gboolean flagged = it->kind == KP_PENALTY && it->flagged;
	double width = a->line == 0 ? pp->first : pp->rest;
	double L = r->sum.w - a->after.w, Y = r->sum.y - a->after.y;
	double Z = r->sum.z - a->after.z, ratio, bad, stretch, d;
	int fill = r->sum.fill - a->after.fill, hyphens, cls;
	struct best *bs;

	if (it->kind == KP_PENALTY)
		L += it->width;
	stretch = Y + pp->ragged + pp->emergency;
	if (L < width) {
		if (fill > 0)
			ratio = bad = 0;
		else {
			bad = stretch > 0 ? kp_badness((width - L) / stretch) :
			    KP_INFINITY;
			ratio = Y + pp->ragged > 0 ? (width - L) /
			    (Y + pp->ragged) : KP_INFINITY;
		}
	} else if (L > width) {
		ratio = Z > 0 ? (width - L) / Z : -KP_INFINITY;
		bad = kp_badness(ratio);
		if (ratio < -1 && !force_this)
			return FALSE;
	} else
		ratio = bad = 0;
	if (bad > pp->tolerance && !force_this)
		return TRUE;
	hyphens = flagged ? a->hyphens + 1 : 0;
	if (pp->max_hyphens > 0 && hyphens > pp->max_hyphens && !force_this)
		return TRUE;
	hyphens = MIN(hyphens, RUNS - 1);
	cls = fitness(ratio);
	d = a->demerits + demerits(r, a, b, bad, cls, flagged);
	bs = &best->at[cls][hyphens];
	if (!(best->set & BIT(cls, hyphens)) || d < bs->node.demerits) {
		best->set |= BIT(cls, hyphens);
		bs->node.item = b;
		bs->node.line = a->line + 1;
		bs->node.fitness = cls;
		bs->node.hyphens = hyphens;
		bs->node.demerits = d;
		bs->from = a->passive;
		bs->brk.item = b;
		bs->brk.ratio = ratio;
		bs->brk.natural = L;
		bs->brk.badness = bad;
	}
	return !(ratio < -1);
}

/*
 * Adds the candidates as active nodes, each with a passive node, in the
 * order of their classes and runs: only the bits set are visited.
 */
static void
add_best(struct run *r, guint b, struct bests *best)
{
	unsigned set;

	for (set = best->set; set != 0; set &= set - 1) {
		int bit = g_bit_nth_lsf(set, -1);
		struct best *bs = &best->at[bit / RUNS][bit % RUNS];
		struct passive pv;

		pv.prev = bs->from;
		pv.brk = bs->brk;
		g_array_append_val(r->passive, pv);
		bs->node.passive = (int)r->passive->len - 1;
		bs->node.after = sums_after(r, b);
		g_array_append_val(r->active, bs->node);
	}
}

/*
 * Tries every active node against breakpoint b.  Those dropped are
 * squeezed out in one pass, the others kept in their order.
 */
static void
try_break(struct run *r, guint b)
{
	struct bests best;
	gboolean forced = r->it[b].kind == KP_PENALTY &&
	    r->it[b].penalty <= -KP_INFINITY;
	struct active *act = (struct active *)(void *)r->active->data;
	guint i, kept = 0;

	best.set = 0;
	for (i = 0; i < r->active->len; i++) {
		if (!try_line(r, &act[i], b, &best, FALSE) || forced) {
			r->last_dropped = act[i];
			r->dropped = TRUE;
		} else if (kept++ != i)
			act[kept - 1] = act[i];
	}
	g_array_set_size(r->active, kept);
	/* The last resort, as TeX's final pass: an overfull or too loose
	 * line from the node dropped last, rather than none at all. */
	if (best.set == 0 && r->active->len == 0 && r->pp->force && r->dropped)
		try_line(r, &r->last_dropped, b, &best, TRUE);
	add_best(r, b, &best);
}

void
kp_work_init(struct kp_work *w)
{
	w->active = g_array_new(FALSE, FALSE, sizeof(struct active));
	w->passive = g_array_new(FALSE, FALSE, sizeof(struct passive));
}

void
kp_work_release(struct kp_work *w)
{
	g_array_free(w->active, TRUE);
	g_array_free(w->passive, TRUE);
}

int
kp_break(struct kp_work *w, const struct kp_item *items, guint n,
    const struct kp_params *pp, GArray *breaks)
{
	struct run r = { items, n, pp, w->active, w->passive, { 0, 0, 0, 0 },
	    { 0 }, FALSE };
	struct active start = { 0 }, *bestp = NULL;
	guint i, lines, from = breaks->len;
	int p;

	g_array_set_size(r.active, 0);
	g_array_set_size(r.passive, 0);
	start.fitness = fitness(pp->start_ratio);
	start.hyphens = MIN(pp->start_hyphens, RUNS - 1);
	start.passive = -1;
	g_array_append_val(r.active, start);
	for (i = 0; i < n && r.active->len > 0; i++) {
		const struct kp_item *it = &items[i];

		if (is_break(&r, i))
			try_break(&r, i);
		if (it->kind != KP_PENALTY) {
			r.sum.w += it->width;
			r.sum.y += it->stretch;
			r.sum.z += it->shrink;
			r.sum.fill += it->fill;
		}
	}
	for (i = 0; i < r.active->len; i++) {
		struct active *a = &g_array_index(r.active, struct active, i);

		if (a->item + 1 == n && (bestp == NULL ||
		    a->demerits < bestp->demerits))
			bestp = a;
	}
	if (bestp == NULL)
		return -1;
	/* The path back is walked twice, to count its lines and then to
	 * put them in place from the last: prepending would be quadratic. */
	for (lines = 0, p = bestp->passive; p >= 0; lines++)
		p = g_array_index(r.passive, struct passive, p).prev;
	g_array_set_size(breaks, from + lines);
	for (i = lines, p = bestp->passive; p >= 0;
	    p = g_array_index(r.passive, struct passive, p).prev)
		g_array_index(breaks, struct kp_break, from + --i) =
		    g_array_index(r.passive, struct passive, p).brk;
	return 0;
}
