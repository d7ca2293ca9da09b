/*
 * page.c — making up pages with their footnotes, choosing each break
 * by cost among the last lines that fit.
 */
#include <math.h>

#include "page.h"

/* How far a break may move back from where the page is full. */
#define LOOK_BACK	4

/* Costs of a break, against each other. */
#define COST_KEEP	100000	/* a heading at the foot */
#define COST_LONELY	10000	/* a widow or an orphan */
#define COST_ENDING	15000	/* a chapter's last page nearly empty */
#define COST_HEAD	5000	/* a scene break at the head */
#define COST_SHORT	800	/* times the square of the lines left empty */
#define COST_SPLIT	400	/* a footnote continued overleaf */
#define COST_SPLIT_ONE	12000	/* leaving one line of it on either page */
#define COST_HYPHEN	500	/* a page's last line ends in a hyphen, */
#define COST_RECTO_HYPHEN 50000	/* a recto's: the word split by a turn */

/* Fewer lines of text than this, beside a long note carried, make a
 * page of notes alone. */
#define MIN_LINES	3

/* What a page may stretch by, above a paragraph and above a space;
 * and between any two lines, as a share of the body's leading, past
 * which a page is left short rather than set visibly open. */
#define PARA_STRETCH	1.0
#define SPACE_STRETCH	0.5
#define LINE_STRETCH	0.2

/*
 * Of the page to come, a continued note takes at most this share, so
 * that the text goes on; unless it ends within the larger share, so that
 * notes whose references follow can begin on the page.
 */
#define CARRY_SHARE	0.6
#define CARRY_ALL	0.85

struct builder {
	const struct press	*p;
	struct galley		*g;
	struct galley		*ng;		/* the notes' lines, or NULL */
	const struct footnote	*fns;
	struct makeup		*mk;
	guint			 before;	/* pages before its first */
	GArray			*carry;		/* struct placed still to set */
	double			 sep;		/* body's last baseline to notes */
};

/* A page's notes as they would be: what is set, what goes over. */
struct fit {
	GArray		*set;		/* struct placed */
	GArray		*over;		/* struct placed */
	gboolean	 split;		/* the last note set is continued */
	gboolean	 lonely;	/* with one line on either page */
	double		 height;	/* of the notes' lines */
};

enum page_fault
page_fault(const struct galley *g, guint b)
{
	const struct line *last, *next;

	if (b == 0 || b >= g->lines->len)
		return FAULT_NONE;
	last = GALLEY_LINE(g, b - 1);
	next = GALLEY_LINE(g, b);
	if (next->flags & (LINE_NEW_PAGE | LINE_NEW_RECTO))
		return FAULT_NONE;
	if (last->flags & LINE_KEEP)
		return FAULT_KEEP;
	if ((last->flags & LINE_FIRST) && !(last->flags & LINE_LAST))
		return FAULT_ORPHAN;
	if ((next->flags & LINE_LAST) && !(next->flags & LINE_FIRST))
		return FAULT_WIDOW;
	return FAULT_NONE;
}

/* How much more room may be put above a line that is not a page's first. */
static double
stretch(const struct line *ln)
{
	return (ln->flags & LINE_FIRST ? PARA_STRETCH : 0) +
	    ln->space * SPACE_STRETCH;
}

static gboolean
begins_page(const struct line *ln)
{
	return (ln->flags & (LINE_NEW_PAGE | LINE_NEW_RECTO)) != 0;
}

/* Height of n more note lines from line k on, after what is set. */
static double
lines_height(const struct builder *b, guint k, guint n, gboolean first)
{
	double h = 0;
	guint i;

	for (i = k; i < k + n; i++) {
		const struct line *ln = GALLEY_LINE(b->ng, i);

		h += first && i == k ? ln->ascent : ln->advance + ln->space;
	}
	return h;
}

/*
 * Fits the carried notes, then footnotes fns[0…n), in the room there
 * is; what does not fit goes over.  Returns FALSE if a footnote would
 * not begin here, or one but the last would not end here, or a note is
 * continued from before and would go on after notes that begin here
 * (more carried than this page takes: carry_rest).
 */
static gboolean
fit_notes(const struct builder *b, const GArray *carry, gboolean carry_rest,
    const guint *fns, guint n, double room, struct fit *f)
{
	gboolean ok = n == 0 || !carry_rest;
	guint i;

	g_array_set_size(f->set, 0);
	g_array_set_size(f->over, 0);
	f->split = f->lonely = FALSE;
	f->height = 0;
	for (i = 0; i < carry->len + n; i++) {
		gboolean carried = i < carry->len;
		struct placed pl;
		guint k, fit;

		if (carried)
			pl = g_array_index(carry, struct placed, i);
		else {
			const struct footnote *fn = &b->fns[fns[i - carry->len]];

			pl.fn = fns[i - carry->len];
			pl.from = fn->first;
			pl.to = fn->first + fn->count;
		}
		if (f->over->len > 0 || pl.from == pl.to) {
			if (pl.from < pl.to)
				g_array_append_val(f->over, pl);
			ok = ok && carried;
			continue;
		}
		/* As many lines as there is room for. */
		for (fit = 0, k = pl.from; k < pl.to; k++) {
			double h = lines_height(b, pl.from, k + 1 - pl.from,
			    f->set->len == 0);

			if (f->height + h > room)
				break;
			fit = k + 1 - pl.from;
		}
		if (fit < pl.to - pl.from) {
			/* Two lines over rather than one, if two stay. */
			if (pl.to - pl.from - fit == 1 && fit >= 3)
				fit--;
			if (carried)
				ok = ok && n == 0;
			else
				ok = ok && fit > 0 && i + 1 == carry->len + n;
			f->split = TRUE;
			f->lonely = fit == 1 || pl.to - pl.from - fit == 1;
		}
		if (fit > 0) {
			struct placed set = { pl.fn, pl.from, pl.from + fit };

			f->height += lines_height(b, pl.from, fit,
			    f->set->len == 0);
			g_array_append_val(f->set, set);
		}
		if (fit < pl.to - pl.from) {
			pl.from += fit;
			g_array_append_val(f->over, pl);
		}
	}
	return ok;
}

/* The footnotes anchored by lines first…last, appended to fns. */
static void
anchored(const struct builder *b, guint first, guint last, GArray *fns)
{
	guint i;

	for (i = first; i <= last; i++) {
		const struct line *ln = GALLEY_LINE(b->g, i);

		if (ln->nnotes > 0)
			g_array_append_vals(fns, &g_array_index(b->g->anchored,
			    guint, ln->notes), ln->nnotes);
	}
}

/*
 * The baseline of line ln, after a line at y, on a page whose lines
 * begin at first.  A line of the body's type sits on the page's grid,
 * a whole number of the body's leadings below the first line's place,
 * so that what comes between (a heading, a quotation, the space around
 * them) takes whole lines and facing pages end on the same line.
 */
static double
advance(const struct builder *b, const struct line *first,
    const struct line *ln, double y)
{
	const struct font *body = &b->p->st->body;
	double k;

	y = ln == first ? ln->ascent + (begins_page(ln) ? ln->space : 0) :
	    y + ln->advance + ln->space;
	if (fabs(ln->advance - body->leading) > 0.01 ||
	    fabs(ln->ascent - body->size) > 0.01)
		return y;
	k = ceil((y - body->size) / body->leading - 0.001);
	return body->size + MAX(k, 0) * body->leading;
}

/* Whether a break before line brk leaves its chapter fewer than
 * MIN_ENDING lines (but some) for its last page. */
static gboolean
short_ending(const struct galley *g, guint brk)
{
	guint k;

	for (k = brk; k < g->lines->len && k < brk + MIN_ENDING; k++)
		if (k > brk && begins_page(GALLEY_LINE(g, k)))
			break;
	return k > brk && k < brk + MIN_ENDING && (k == g->lines->len ||
	    begins_page(GALLEY_LINE(g, k)));
}

/* The cost of breaking before line b, left short lines empty. */
static int
break_cost(const struct builder *b, guint brk, int shortby,
    const struct fit *f)
{
	int cost = COST_SHORT * shortby * shortby;

	switch (page_fault(b->g, brk)) {
	case FAULT_KEEP:
		cost += COST_KEEP;
		break;
	case FAULT_WIDOW:
	case FAULT_ORPHAN:
		cost += COST_LONELY;
		break;
	case FAULT_NONE:
		break;
	}
	if (brk < b->g->lines->len && !begins_page(GALLEY_LINE(b->g, brk)) &&
	    (GALLEY_LINE(b->g, brk)->flags & LINE_HEAD))
		cost += COST_HEAD;
	if (short_ending(b->g, brk))
		cost += COST_ENDING;
	if (f->split)
		cost += f->lonely ? COST_SPLIT_ONE : COST_SPLIT;
	/* The book's first page is a recto. */
	if (brk > 0 && brk < b->g->lines->len &&
	    GALLEY_LINE(b->g, brk - 1)->hyphen)
		cost += (b->before + b->mk->pages->len) % 2 == 0 ?
		    COST_RECTO_HYPHEN :
		    COST_HYPHEN;
	return cost;
}

/* Appends a page of count lines from first, with the notes of f. */
static struct page *
add_page(struct builder *b, guint first, guint count, const struct fit *f)
{
	struct page pg = { first, count, b->mk->placed->len, 0, -1, FALSE, 0,
	    0 };
	GArray *pages = b->mk->pages;
	guint i, k;

	if (count > 0) {
		const struct line *ln = GALLEY_LINE(b->g, first);

		pg.chapter = ln->chapter;
		pg.opening = ln->chapter >= 0 &&
		    (ln->flags & (LINE_NEW_PAGE | LINE_NEW_RECTO));
	} else if (f != NULL && pages->len > 0)
		pg.chapter = g_array_index(pages, struct page,
		    pages->len - 1).chapter;
	for (i = 0; i < count; i++)
		GALLEY_LINE(b->g, first + i)->page = (int)pages->len;
	if (f != NULL && f->set->len > 0) {
		double y = b->p->depth - f->height;

		pg.rule = y - b->sep / 2;
		g_array_append_vals(b->mk->placed, f->set->data, f->set->len);
		pg.nnotes = f->set->len;
		for (i = 0; i < f->set->len; i++) {
			const struct placed *pl = &g_array_index(f->set,
			    struct placed, i);

			for (k = pl->from; k < pl->to; k++) {
				struct line *ln = GALLEY_LINE(b->ng, k);

				y += i == 0 && k == pl->from ? ln->ascent :
				    ln->advance + ln->space;
				ln->y = y;
				ln->page = (int)pages->len;
			}
		}
	}
	g_array_append_val(pages, pg);
	return &g_array_index(pages, struct page, pages->len - 1);
}

/*
 * Spreads the room left on a page cut short (to avoid a widow, an
 * orphan or a recto's hyphen, or for its notes), down to bottom, as
 * LaTeX's \flushbottom does: first between paragraphs and a share of
 * the space above headings and quotations; what they cannot take, as
 * TeX stretches an underfull page's glue past its stretch, goes evenly
 * between all the lines, so that the page ends where its facing page
 * does and no hole opens above the notes.  Unless that would open each
 * line by more than LINE_STRETCH of a leading: a few lines beside a long
 * note would look double-spaced, and the page stays short instead.
 */
static void
spread(struct builder *b, guint first, guint count, double bottom)
{
	const struct line *last = GALLEY_LINE(b->g, first + count - 1);
	double room = bottom - last->y, total = 0, shift = 0, even = 0;
	guint i;

	if (room <= 0.01 || count < 2)
		return;
	for (i = first + 1; i < first + count; i++)
		total += stretch(GALLEY_LINE(b->g, i));
	if (total < room) {
		even = (room - total) / (count - 1);
		if (even > LINE_STRETCH * b->p->st->body.leading)
			return;
		room = total;
	}
	for (i = first + 1; i < first + count; i++) {
		struct line *ln = GALLEY_LINE(b->g, i);

		shift += (total > 0 ? room * stretch(ln) / total : 0) + even;
		ln->y += shift;
	}
}

/*
 * What goes over to the next page: of each carried note, the lines this
 * page did not set; then what it could not set of its own notes.
 */
static void
next_carry(struct builder *b, const struct fit *f)
{
	guint i, k, kept = 0;

	for (i = 0; i < b->carry->len; i++) {
		struct placed c = g_array_index(b->carry, struct placed, i);

		for (k = 0; k < f->set->len; k++) {
			const struct placed *s = &g_array_index(f->set,
			    struct placed, k);

			if (s->fn == c.fn)
				c.from = s->to;
		}
		if (c.from < c.to)
			g_array_index(b->carry, struct placed, kept++) = c;
	}
	g_array_set_size(b->carry, kept);
	for (k = 0; k < f->over->len; k++) {
		const struct placed *o = &g_array_index(f->over, struct placed,
		    k);

		for (i = 0; i < kept; i++)
			if (g_array_index(b->carry, struct placed, i).fn ==
			    o->fn)
				break;
		if (i == kept)
			g_array_append_val(b->carry, *o);
	}
}

/* A page of carried notes alone, before a chapter's new page. */
static void
notes_page(struct builder *b, struct fit *f)
{
	fit_notes(b, b->carry, FALSE, NULL, 0, b->p->depth - b->sep, f);
	add_page(b, 0, 0, f);
	next_carry(b, f);
}

/*
 * The carried notes this page takes: up to a share of it, a line at
 * least.  Returns whether more is carried than that.
 */
static gboolean
take_carry(struct builder *b, GArray *now)
{
	double room = b->p->depth * CARRY_SHARE, h = 0, all = 0;
	guint i, k;

	g_array_set_size(now, 0);
	for (i = 0; i < b->carry->len; i++) {
		const struct placed *pl = &g_array_index(b->carry,
		    struct placed, i);

		all += lines_height(b, pl->from, pl->to - pl->from, all == 0);
	}
	if (all <= b->p->depth * CARRY_ALL)
		room = all;
	for (i = 0; i < b->carry->len; i++) {
		struct placed pl = g_array_index(b->carry, struct placed, i);

		for (k = pl.from; k < pl.to; k++) {
			double more = lines_height(b, k, 1, h == 0);

			if (h > 0 && h + more > room)
				break;
			h += more;
		}
		if (k > pl.from) {
			struct placed part = { pl.fn, pl.from, k };

			g_array_append_val(now, part);
		}
		if (k < pl.to)
			return TRUE;
	}
	return FALSE;
}

/*
 * Fills one page from line i: finds how many lines fit with their
 * notes, chooses the best break among the last of them, and sets the
 * page.  Returns the first line of the next page.
 */
static guint
fill_page(struct builder *b, guint i, struct fit *f)
{
	GArray *now = g_array_new(FALSE, FALSE, sizeof(struct placed));
	GArray *fns = g_array_new(FALSE, FALSE, sizeof(guint));
	double *ys = g_new(double, b->g->lines->len - i + 1);
	guint n = b->g->lines->len, j, full, brk, best = i + 1, k;
	int best_cost = G_MAXINT;
	gboolean rest;
	struct page *pg;

	rest = take_carry(b, now);
	/* How far the page goes: each line with its notes' first lines. */
	for (j = i; j < n; j++) {
		const struct line *ln = GALLEY_LINE(b->g, j);

		if (j > i && begins_page(ln))
			break;
		ys[j - i] = advance(b, GALLEY_LINE(b->g, i), ln,
		    j > i ? ys[j - i - 1] : 0);
		anchored(b, j, j, fns);
		if ((j > i && ys[j - i] > b->p->depth + 0.01) ||
		    !fit_notes(b, now, rest, (guint *)(void *)fns->data,
		    fns->len, b->p->depth - ys[j - i] - b->sep, f))
			break;
	}
	if (rest && j < i + MIN_LINES && j < n && !begins_page(GALLEY_LINE(
	    b->g, j))) {
		/* Hardly a line of text before one whose note cannot begin
		 * after what is carried: a page of carried notes alone first. */
		notes_page(b, f);
		g_array_free(now, TRUE);
		g_array_free(fns, TRUE);
		g_free(ys);
		return i;
	}
	full = MAX(j, i + 1);
	/* The best break among the last lines that fit. */
	for (brk = full; brk > i && full - brk <= LOOK_BACK; brk--) {
		int cost;

		g_array_set_size(fns, 0);
		anchored(b, i, brk - 1, fns);
		fit_notes(b, now, rest, (guint *)(void *)fns->data, fns->len,
		    b->p->depth - ys[brk - 1 - i] - b->sep, f);
		cost = break_cost(b, brk, (int)(full - brk), f);
		if (brk == full && (brk == n || begins_page(GALLEY_LINE(b->g,
		    brk))))
			cost = 0;
		if (cost < best_cost) {
			best_cost = cost;
			best = brk;
		}
	}
	g_array_set_size(fns, 0);
	anchored(b, i, best - 1, fns);
	fit_notes(b, now, rest, (guint *)(void *)fns->data, fns->len,
	    b->p->depth - ys[best - 1 - i] - b->sep, f);
	for (k = i; k < best; k++)
		GALLEY_LINE(b->g, k)->y = ys[k - i];
	pg = add_page(b, i, best - i, f);
	pg->short_by = (int)(full - best);
	next_carry(b, f);
	if (best < n && !begins_page(GALLEY_LINE(b->g, best)))
		spread(b, i, best - i, pg->nnotes > 0 ? pg->rule - b->sep / 2 :
		    b->p->depth);
	g_array_free(now, TRUE);
	g_array_free(fns, TRUE);
	g_free(ys);
	return best;
}

void
page_make_up(const struct press *p, struct galley *g, struct galley *notes,
    guint before, struct makeup *mk)
{
	struct builder b = { p, g, notes, NULL, mk, before, NULL,
	    p->st->body.leading };
	struct fit f;
	guint i = 0, n = g->lines->len;

	mk->pages = g_array_new(FALSE, FALSE, sizeof(struct page));
	mk->placed = g_array_new(FALSE, FALSE, sizeof(struct placed));
	b.fns = notes != NULL && p->footnotes != NULL ?
	    (const struct footnote *)(void *)p->footnotes->data : NULL;
	b.carry = g_array_new(FALSE, FALSE, sizeof(struct placed));
	f.set = g_array_new(FALSE, FALSE, sizeof(struct placed));
	f.over = g_array_new(FALSE, FALSE, sizeof(struct placed));
	while (i < n || b.carry->len > 0) {
		if (b.carry->len > 0 && (i == n ||
		    begins_page(GALLEY_LINE(g, i)))) {
			notes_page(&b, &f);
			continue;
		}
		if ((GALLEY_LINE(g, i)->flags & LINE_NEW_RECTO) &&
		    (before + mk->pages->len) % 2 == 1)
			add_page(&b, i, 0, NULL);
		i = fill_page(&b, i, &f);
	}
	g_array_free(b.carry, TRUE);
	g_array_free(f.set, TRUE);
	g_array_free(f.over, TRUE);
}

void
makeup_release(struct makeup *mk)
{
	g_array_free(mk->pages, TRUE);
	g_array_free(mk->placed, TRUE);
}
