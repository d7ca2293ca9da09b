/*
 * draw.c — drawing made-up pages with Cairo.
 *
 * A page is a recto when its folio is odd; the prelims are an even
 * number of pages, so the text's page 1 is a recto too, and so is the
 * index's, the text being padded to an even count before it.  The
 * running head stands two lines above the first baseline and the foot
 * folio two lines below the last; where the folio goes is the style's.
 *
 * The tags of a galley are issued in order as its lines are drawn, so a
 * paragraph broken across pages stays one element.  A footnote is drawn
 * right after the line that anchors it, so in the structure it follows
 * its reference; a part of one continued overleaf is drawn at the head
 * of the page, in elements of its own.
 */
#include <string.h>

#include <pango/pangocairo.h>

#include "draw.h"
#include "glyphs.h"
#include "ink.h"
#include "out/titles.h"
#include "shape.h"
#include "stored.h"

/* The length of the rule above footnotes, as a share of the measure. */
#define RULE_SHARE	0.3

/* Crop marks: from this far beyond the bleed, this long, this thick. */
#define MARK_OFFSET	3.0
#define MARK_LENGTH	18.0
#define MARK_WIDTH	0.25

/* The drawing of one part: where the tags and heads have got to. */
struct drawer {
	cairo_t			*cr;
	const struct press	*p;
	const struct edition	*e;
	const struct part	*part;
	struct galley		*g;		/* its lines let go as drawn */
	guint			 tag;		/* the next tag event */
	guint			 head;		/* the next heading */
	double			 left;		/* of the page being drawn */
	struct ink_state	 ink;
	GArray			*notes;		/* struct note_tag, as begun */
	GHashTable		*heads;		/* "align width text" → its
						   PangoLayout, as show_head
						   made it: a chapter's pages
						   share their running heads */
};

/*
 * Begins or ends a tag, after the span a line left open; an element
 * begun is counted, with its language if it is not its parent's.
 */
static void
tag(struct drawer *d, const char *name, const char *attrs, const char *lang,
    gboolean end)
{
	ink_close(d->cr, &d->ink);
	if (end)
		cairo_tag_end(d->cr, name);
	else
		ink_begin(d->cr, &d->ink, name, attrs, lang);
}

static void
issue(struct drawer *d, const struct tagev *t)
{
	tag(d, t->name, t->attrs, t->lang, t->end);
}

/* Whether tag t is due before line k's marker (marker: after it). */
static gboolean
due(const struct tagev *t, guint k, gboolean marker)
{
	return t->line < k || (t->line == k && t->marker == marker);
}

/* Issues the tags due before line k, or only the ends among them. */
static void
tags_before(struct drawer *d, guint k, gboolean ends_only)
{
	const GArray *tags = d->g->tags;

	while (d->tag < tags->len) {
		const struct tagev *t = &g_array_index(tags, struct tagev,
		    d->tag);

		if (!due(t, k, FALSE) || (ends_only && !t->end))
			break;
		issue(d, t);
		d->tag++;
	}
}

/* A layout in the running-head type: letterspaced small capitals. */
static PangoLayout *
head_layout(const struct press *p, const char *text)
{
	PangoLayout *l = pango_layout_new(p->pc);
	PangoFontDescription *fd = press_font(&p->st->head, PANGO_STYLE_NORMAL,
	    PANGO_VARIANT_ALL_SMALL_CAPS);
	PangoAttrList *attrs = pango_attr_list_new();

	pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(
	    (int)(p->st->head.size * 0.08 * PANGO_SCALE)));
	pango_layout_set_font_description(l, fd);
	pango_layout_set_attributes(l, attrs);
	pango_layout_set_single_paragraph_mode(l, TRUE);
	pango_layout_set_text(l, text, -1);
	pango_attr_list_unref(attrs);
	pango_font_description_free(fd);
	return l;
}

/*
 * A title short enough for the running head: whole if it fits, else
 * its longest beginning that ends before a preposition or conjunction
 * ("On the Origin of Species | by Means of Natural Selection"), as an
 * editor would shorten it; NULL if none fits, or if it is one word.
 */
static char *
short_title(const struct press *p, const char *title, double width)
{
	static const char *const joins[] = { "against", "in", "of", "and",
	    "on", "for", "from", "with", "to", "at", "by", "under", NULL };
	char **words, *fit = NULL;
	guint n, k;

	/* One word (a folio) fits whole or is cut short all the same. */
	if (strchr(title, ' ') == NULL)
		return NULL;
	words = g_strsplit(title, " ", -1);
	n = g_strv_length(words);
	for (k = n; k > 0 && fit == NULL; k--) {
		char *save, *cand;
		PangoLayout *l;
		int w;

		if (k < n && !g_strv_contains(joins, words[k]))
			continue;
		save = words[k];
		words[k] = NULL;
		cand = g_strjoinv(" ", words);
		words[k] = save;
		l = head_layout(p, cand);
		pango_layout_get_size(l, &w, NULL);
		g_object_unref(l);
		if (w <= width * PANGO_SCALE)
			fit = cand;
		else
			g_free(cand);
	}
	g_strfreev(words);
	return fit;
}

/* Shows a layout's runs from its top left corner at x, y (glyphs.h). */
static void
show_layout(cairo_t *cr, PangoLayout *l, double x, double y)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	const char *text = pango_layout_get_text(l);

	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		PangoRectangle r;

		if (run == NULL)
			continue;
		pango_layout_iter_get_run_extents(it, NULL, &r);
		glyphs_show(cr, text, run, x + (double)r.x / PANGO_SCALE,
		    y + (double)pango_layout_iter_get_baseline(it) /
		    PANGO_SCALE);
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
}

/*
 * Shows text in the running-head type on a baseline at y, in a box from
 * x, width wide: shortened at a phrase if it is too long, and cut short
 * with an ellipsis only if even that does not fit.  A head shared by
 * the part's pages (a title, not a folio) is made once for all.
 */
static void
show_head(struct drawer *d, const char *text, double x, double y,
    double width, PangoAlignment align, gboolean shared)
{
	char *key = shared ? g_strdup_printf("%d %.17g %s", (int)align, width,
	    text) : NULL, *fit;
	PangoLayout *l = key != NULL ? g_hash_table_lookup(d->heads, key) :
	    NULL;
	gboolean own = FALSE;

	if (l == NULL) {
		fit = short_title(d->p, text, width);
		l = head_layout(d->p, fit != NULL ? fit : text);
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		pango_layout_set_alignment(l, align);
		g_free(fit);
		if (key != NULL)
			g_hash_table_insert(d->heads, g_steal_pointer(&key), l);
		else
			own = TRUE;
	}
	show_layout(d->cr, l, x, y - (double)pango_layout_get_baseline(l) /
	    PANGO_SCALE);
	if (own)
		g_object_unref(l);
	g_free(key);
}

/* The running head, out/titles.c's (or the part's own), and the folio. */
static void
furniture(struct drawer *d, const struct page *pg, int n)
{
	const struct style *st = d->p->st;
	const struct edition *e = d->e;
	/* Two lines off the text, but never off the page. */
	double head = MAX(st->top + st->body.size - 2 * st->body.leading,
	    st->head.leading);
	double foot = MIN(st->top + d->p->depth + 2 * st->body.leading,
	    st->height - st->head.leading / 2);
	double room = 3 * st->head.size;	/* for the folio beside the head */
	const struct chapter *c = pg->chapter >= 0 ?
	    g_ptr_array_index(e->chapters, pg->chapter) : NULL;
	char folio[16], *title;

	part_label(d->part, n, folio, sizeof(folio));
	if (!d->part->heads) {
		/* The prelims: the contents' folios at the foot, no others. */
		if (pg->count > 0 && pg->first >= d->part->folios_from)
			show_head(d, folio, d->left, foot, d->p->measure,
			    PANGO_ALIGN_CENTER, FALSE);
		return;
	}
	n += d->part->folio_base;	/* from here on, for its parity */
	title = d->part->running != NULL ? g_strdup(d->part->running) :
	    title_running(e, d->p->credits, c, n % 2 == 0);
	if (st->folio == FOLIO_FOOT || pg->opening)
		show_head(d, folio, d->left, foot, d->p->measure,
		    PANGO_ALIGN_CENTER, FALSE);
	else
		show_head(d, folio, d->left, head, d->p->measure,
		    n % 2 == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, FALSE);
	if (!pg->opening && title != NULL)
		show_head(d, title, d->left + room, head,
		    d->p->measure - 2 * room, PANGO_ALIGN_CENTER, TRUE);
	g_free(title);
}

/*
 * Draws line k of galley g at its place: its marker, the tags from *t
 * on (to end) due between the marker and the text, then its text.
 */
static void
draw_line(struct drawer *d, const struct galley *g, guint k, guint *t,
    guint end)
{
	const struct line *ln = GALLEY_LINE(g, k);
	double y = d->p->st->top + ln->y;

	ink_marker(d->cr, d->p, &d->ink, ln, d->left, y);
	for (; *t < end && due(&g_array_index(g->tags, struct tagev, *t), k,
	    TRUE); (*t)++)
		issue(d, &g_array_index(g->tags, struct tagev, *t));
	ink_line(d->cr, d->p, &d->ink, ln, d->left, y);
}

/* Line k of the galley, a destination if it begins a heading. */
static void
body_line(struct drawer *d, guint k)
{
	const struct head *h = d->head < d->g->heads->len ?
	    &g_array_index(d->g->heads, struct head, d->head) : NULL;
	char attrs[32];

	if (h != NULL && h->line == k) {
		g_snprintf(attrs, sizeof(attrs), "name='%s'", h->dest);
		tag(d, CAIRO_TAG_DEST, attrs, NULL, FALSE);
	} else
		h = NULL;
	draw_line(d, d->g, k, &d->tag, d->g->tags->len);
	if (h != NULL) {
		tag(d, CAIRO_TAG_DEST, NULL, NULL, TRUE);
		d->head++;
	}
}

/* The names of the elements open before line k of a note: its tags
 * from the first up to k, replayed. */
static GPtrArray *
open_at(const struct galley *ng, const struct footnote *fn, guint k,
    guint *next)
{
	GPtrArray *stack = g_ptr_array_new();
	guint t;

	for (t = fn->tags; t < fn->tags + fn->ntags; t++) {
		const struct tagev *ev = &g_array_index(ng->tags, struct tagev,
		    t);

		if (ev->line > k)
			break;
		if (ev->end && stack->len > 0)
			g_ptr_array_set_size(stack, (gint)stack->len - 1);
		else if (!ev->end)
			g_ptr_array_add(stack, (gpointer)ev->name);
	}
	*next = t;
	return stack;
}

/* Records a Note element begun, for the finishing (finish.h). */
static void
note_begun(struct drawer *d, const struct placed *pl, guint reopened)
{
	struct note_tag nt = { pl->fn, reopened };

	g_array_append_val(d->notes, nt);
}

/*
 * Draws lines from…to of a footnote.  A part that continues one begun
 * overleaf opens anew the elements it is inside; a part that the next
 * page continues closes those still open.
 */
static void
draw_note(struct drawer *d, const struct placed *pl)
{
	const struct galley *ng = d->p->notes;
	const struct footnote *fn = &g_array_index(d->p->footnotes,
	    struct footnote, pl->fn);
	guint t = fn->tags, end = fn->tags + fn->ntags, k, i;
	GPtrArray *stack = NULL;

	if (pl->from > fn->first) {
		stack = open_at(ng, fn, pl->from, &t);
		note_begun(d, pl, stack->len);
		for (i = 0; i < stack->len; i++)
			tag(d, g_ptr_array_index(stack, i), NULL, NULL, FALSE);
	} else
		note_begun(d, pl, 0);
	for (k = pl->from; k < pl->to; k++) {
		for (; t < end && due(&g_array_index(ng->tags, struct tagev,
		    t), k, FALSE); t++)
			issue(d, &g_array_index(ng->tags, struct tagev, t));
		draw_line(d, ng, k, &t, end);
	}
	if (pl->to == fn->first + fn->count) {
		for (; t < end; t++)
			issue(d, &g_array_index(ng->tags, struct tagev, t));
	} else {
		if (stack != NULL)
			g_ptr_array_free(stack, TRUE);
		stack = open_at(ng, fn, pl->to - 1, &t);
		for (i = stack->len; i > 0; i--)
			tag(d, g_ptr_array_index(stack, i - 1), NULL, NULL,
			    TRUE);
	}
	if (stack != NULL)
		g_ptr_array_free(stack, TRUE);
}

/* The footnotes anchored on line k, as this page sets them. */
static void
anchored_notes(struct drawer *d, const struct page *pg, guint k)
{
	const struct line *ln = GALLEY_LINE(d->g, k);
	guint i, j;

	for (i = 0; i < ln->nnotes; i++) {
		guint fn = g_array_index(d->g->anchored, guint, ln->notes + i);

		for (j = 0; j < pg->nnotes; j++) {
			const struct placed *pl = &g_array_index(
			    d->part->mk.placed, struct placed, pg->notes + j);
			const struct footnote *f = &g_array_index(
			    d->p->footnotes, struct footnote, pl->fn);

			if (pl->fn == fn && pl->from == f->first)
				draw_note(d, pl);
		}
	}
}

/* The short rule above a page's footnotes. */
static void
rule(struct drawer *d, const struct page *pg)
{
	cairo_set_line_width(d->cr, 0.4);
	cairo_move_to(d->cr, d->left, d->p->st->top + pg->rule);
	cairo_rel_line_to(d->cr, d->p->measure * RULE_SHARE, 0);
	cairo_stroke(d->cr);
}

/* The page's lines and its notes', drawn, let go (galley.h). */
static void
release(struct drawer *d, const struct page *pg)
{
	guint j;

	galley_release_lines(d->g, pg->first, pg->count);
	for (j = 0; j < pg->nnotes; j++) {
		const struct placed *pl = &g_array_index(d->part->mk.placed,
		    struct placed, pg->notes + j);

		galley_release_lines(d->p->notes, pl->from, pl->to - pl->from);
	}
}

static void
draw_page(struct drawer *d, const struct page *pg, int n)
{
	guint k, j;

	/* Close what ended on the page before, and draw what continues of
	 * its notes, before this page's own elements begin. */
	if (pg->count > 0)
		tags_before(d, pg->first, TRUE);
	for (j = 0; j < pg->nnotes; j++) {
		const struct placed *pl = &g_array_index(d->part->mk.placed,
		    struct placed, pg->notes + j);

		if (pl->from > g_array_index(d->p->footnotes, struct footnote,
		    pl->fn).first)
			draw_note(d, pl);
	}
	for (k = pg->first; k < pg->first + pg->count; k++) {
		tags_before(d, k, FALSE);
		body_line(d, k);
		anchored_notes(d, pg, k);
	}
	if (pg->count > 0)
		tags_before(d, pg->first + pg->count, TRUE);
	ink_close(d->cr, &d->ink);
	if (pg->nnotes > 0)
		rule(d, pg);
	if (pg->count > 0 || pg->nnotes > 0)
		furniture(d, pg, n);
	release(d, pg);
}

double
draw_margin(const struct style *st)
{
	return st->bleed + (st->crop_marks == CROP_MARKS_CORNERS ?
	    MARK_OFFSET + MARK_LENGTH : 0);
}

/* Marks at the trim's corners, beyond the bleed, in the media box. */
static void
crop_marks(cairo_t *cr, const struct style *st)
{
	double m = draw_margin(st), from = st->bleed + MARK_OFFSET;
	double xs[2] = { m, m + st->width }, ys[2] = { m, m + st->height };
	int i, j;

	if (st->crop_marks != CROP_MARKS_CORNERS)
		return;
	cairo_set_line_width(cr, MARK_WIDTH);
	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++) {
			double dx = i == 0 ? -1 : 1, dy = j == 0 ? -1 : 1;

			cairo_move_to(cr, xs[i] + dx * from, ys[j]);
			cairo_rel_line_to(cr, dx * MARK_LENGTH, 0);
			cairo_move_to(cr, xs[i], ys[j] + dy * from);
			cairo_rel_line_to(cr, 0, dy * MARK_LENGTH);
		}
	cairo_stroke(cr);
}

void
draw_part(cairo_t *cr, const struct press *p, const struct edition *e,
    struct part *part, GArray *notes, struct taglangs *langs,
    const struct draw_turn *turn)
{
	struct drawer d = { cr, p, e, part, part->galley, 0, 0, 0,
	    { FALSE, NULL, langs }, notes, g_hash_table_new_full(g_str_hash,
	    g_str_equal, g_free, g_object_unref) };
	double m = draw_margin(p->st);
	gboolean inked = FALSE;
	guint i;

	for (i = 0; i < part->mk.pages->len; i++) {
		const struct page *pg = &g_array_index(part->mk.pages,
		    struct page, i);
		gboolean ink = pg->count > 0 || pg->nnotes > 0;
		int n = (int)i + 1;

		if (turn != NULL)
			d.cr = cr = turn->page(turn->arg, !inked && ink);
		inked |= ink;

		d.left = (n + part->folio_base) % 2 == 1 ? p->st->inner :
		    p->st->outer;
		cairo_save(cr);
		cairo_translate(cr, m, m);
		draw_page(&d, pg, n);
		cairo_restore(cr);
		crop_marks(cr, p->st);
		stored_begin();
		cairo_show_page(cr);
		stored_end();
	}
	tags_before(&d, G_MAXUINT, FALSE);
	ink_close(cr, &d.ink);
	g_hash_table_destroy(d.heads);
}
