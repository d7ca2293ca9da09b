/*
 * ink.c — drawing a line from its paragraph's shaped pieces.
 *
 * The pieces between the line's start and end are gathered into groups
 * of one Pango item (one font) and one anchor each; a group's glyphs are
 * copied from the pieces, spaces given their share of the line's
 * adjustment, and shown with their text and clusters, so that a PDF
 * reader extracts the words and the spaces between them.
 */
#include <string.h>

#include <pango/pangocairo.h>

#include "glyphs.h"
#include "ink.h"
#include "merge.h"
#include "shape.h"

/* The most a line's spaces stretch, as a ratio of their stretch. */
#define MAX_RATIO	3.0

struct inker {
	cairo_t			*cr;
	const struct press	*p;
	struct ink_state	*st;
	const struct line	*ln;
	const struct para	*pa;
	const struct anchor	**near;		/* pa's anchors the text drawn
						   meets, in order */
	guint			 nnear;
	double			 x, y;
	PangoGlyphString	*gs;		/* the group being gathered */
	int			 item;		/* its item, or -1 if empty */
	guint			 start, end;	/* its bytes */
	const struct anchor	*anchor;	/* its anchor, or NULL */
	gboolean		 plain;		/* its pieces' glyphs read back alone */
	const char		*lang;		/* its passage's language, or NULL */
};

/*
 * Gathers the anchors of k's paragraph that its text from start to end
 * meets, but index marks (nothing is drawn for them), into k->near:
 * each piece of a line looks at these, not at all of a paragraph's
 * anchors, which may be hundreds.
 */
static void
near_anchors(struct inker *k, guint start, guint end)
{
	const GArray *as = k->pa->anchors;
	guint i, n = 0;

	for (i = 0; i < as->len; i++) {
		const struct anchor *a = &g_array_index(as, struct anchor, i);

		n += a->kind != ANCHOR_MARK && a->start < end && a->end > start;
	}
	k->near = n > 0 ? g_new(const struct anchor *, n) : NULL;
	k->nnear = 0;
	for (i = 0; n > 0 && i < as->len; i++) {
		const struct anchor *a = &g_array_index(as, struct anchor, i);

		if (a->kind != ANCHOR_MARK && a->start < end && a->end > start)
			k->near[k->nnear++] = a;
	}
}

/* The first anchor (not a passage) that covers byte at, or NULL. */
static const struct anchor *
anchor_at(const struct inker *k, guint at)
{
	guint i;

	for (i = 0; i < k->nnear; i++) {
		const struct anchor *a = k->near[i];

		if (a->kind != ANCHOR_LANG && at >= a->start && at < a->end)
			return a;
	}
	return NULL;
}

/* The innermost passage that holds byte at, or NULL: para_passage's. */
static const struct node *
passage_at(const struct inker *k, guint at)
{
	const struct node *span = NULL;
	guint i;

	/* By their starts: a passage inside another comes after it. */
	for (i = 0; i < k->nnear; i++) {
		const struct anchor *a = k->near[i];

		if (a->kind == ANCHOR_LANG && at >= a->start && at < a->end)
			span = a->node;
	}
	return span;
}

/* The next anchor boundary after at, before end. */
static guint
anchor_next(const struct inker *k, guint at, guint end)
{
	guint i;

	for (i = 0; i < k->nnear; i++) {
		const struct anchor *a = k->near[i];

		if (a->start > at && a->start < end)
			end = a->start;
		if (a->end > at && a->end < end)
			end = a->end;
	}
	return end;
}

/* The rise of an item's text (note references), in points. */
static double
rise(const PangoItem *item)
{
	GSList *l;

	for (l = item->analysis.extra_attrs; l != NULL; l = l->next) {
		const PangoAttribute *a = l->data;

		if (a->klass->type == PANGO_ATTR_RISE)
			return (double)((const PangoAttrInt *)a)->value /
			    PANGO_SCALE;
	}
	return 0;
}

void
ink_begin(cairo_t *cr, struct ink_state *st, const char *name,
    const char *attrs, const char *lang)
{
	if (strcmp(name, CAIRO_TAG_DEST) != 0)
		taglangs_begun(st->langs, name, lang);
	cairo_tag_begin(cr, name, attrs);
}

void
ink_close(cairo_t *cr, struct ink_state *st)
{
	if (st->span)
		cairo_tag_end(cr, "Span");
	st->span = FALSE;
}

/*
 * Text of a block that holds elements goes in a span, kept open across
 * lines until a link, a tag of the drawer's or a passage in another
 * language closes it; a passage's text is a span in its language.
 */
static void
span_begin(struct inker *k)
{
	if (!(k->ln->flags & LINE_SPANS))
		return;
	if (k->st->span && k->st->lang != k->lang)
		ink_close(k->cr, k->st);
	if (!k->st->span) {
		ink_begin(k->cr, k->st, "Span", NULL, k->lang);
		k->st->span = TRUE;
		k->st->lang = k->lang;
	}
}

/*
 * The attributes of a link to a page, to another chapter (the
 * destination of its heading, or of the heading the link names in it),
 * or to a URL.  Cairo writes the URL into a PDF string as it is, so a
 * parenthesis or a backslash would break the file: the URL is
 * percent-encoded but for the characters a URL reserves (a '%' stays,
 * as it is an escape already); what is left goes in Cairo's single
 * quotes, a quote escaped.  NULL for a chapter set without a heading (a
 * dedication), which has no destination.
 */
static char *
link_attrs(const struct press *pr, const struct anchor *a)
{
	const struct node *n = a->node;
	const char *dest;
	GString *s;
	char *url, *p;

	if (a->kind == ANCHOR_PAGE && pr->pages_named)
		return g_strdup_printf("dest='" PDF_PAGE_DEST "%d'",
		    press_drawn(pr, a->page));
	if (a->kind == ANCHOR_PAGE)
		return g_strdup_printf("page=%d", press_drawn(pr, a->page));
	if (n->as.link->chapter != NULL) {
		dest = g_hash_table_lookup(pr->dests, n->as.link->heading != NULL ?
		    (const void *)n->as.link->heading :
		    (const void *)n->as.link->chapter);
		return dest != NULL ? g_strdup_printf("dest='%s'", dest) : NULL;
	}
	url = g_uri_escape_string(a->node->as.link->url, "!#$%&'*+,/:;=?@[]~",
	    FALSE);
	s = g_string_new("uri='");
	for (p = url; *p != '\0'; p++) {
		if (*p == '\'')
			g_string_append_c(s, '\\');
		g_string_append_c(s, *p);
	}
	g_string_append_c(s, '\'');
	g_free(url);
	return g_string_free(s, FALSE);
}

/* Begins or ends the tags of an anchor: a link, and a destination. */
static void
anchor_tags(struct inker *k, const struct anchor *a, gboolean end)
{
	const struct footnote *fn;
	char link[24] = "", dest[24] = "", attrs[40], *out;

	if (a->kind == ANCHOR_PAGE || a->kind == ANCHOR_URL) {
		out = link_attrs(k->p, a);
		if (out == NULL && !end)
			span_begin(k);
		else if (end && out != NULL)
			cairo_tag_end(k->cr, CAIRO_TAG_LINK);
		else if (out != NULL) {
			ink_close(k->cr, k->st);
			ink_begin(k->cr, k->st, CAIRO_TAG_LINK, out, k->lang);
		}
		g_free(out);
		return;
	}
	fn = press_footnote(k->p, a->note);
	switch (fn != NULL ? a->kind : ANCHOR_MARK) {
	case ANCHOR_REF:
		footnote_dest(k->p, fn, 'n', link, sizeof(link));
		if (a->node == NULL || a->node == a->note->ref)
			footnote_dest(k->p, fn, 'r', dest, sizeof(dest));
		break;
	case ANCHOR_XREF:
		footnote_dest(k->p, fn, 'n', link, sizeof(link));
		break;
	case ANCHOR_BACK:
		if (fn->backlink)
			footnote_dest(k->p, fn, 'r', link, sizeof(link));
		footnote_dest(k->p, fn, 'n', dest, sizeof(dest));
		break;
	case ANCHOR_MARK:
	case ANCHOR_PAGE:
	case ANCHOR_URL:
	case ANCHOR_LANG:
		break;
	}
	if (end) {
		if (dest[0] != '\0')
			cairo_tag_end(k->cr, CAIRO_TAG_DEST);
		if (link[0] != '\0')
			cairo_tag_end(k->cr, CAIRO_TAG_LINK);
		return;
	}
	if (link[0] != '\0') {
		ink_close(k->cr, k->st);
		g_snprintf(attrs, sizeof(attrs), "dest='%s'", link);
		ink_begin(k->cr, k->st, CAIRO_TAG_LINK, attrs, k->lang);
	} else
		span_begin(k);
	if (dest[0] != '\0') {
		g_snprintf(attrs, sizeof(attrs), "name='%s'", dest);
		cairo_tag_begin(k->cr, CAIRO_TAG_DEST, attrs);
	}
}

/*
 * Shows glyphs of text bytes start…end in item's font, at the pen: with
 * their text and clusters, unless they are plain, when a reader maps
 * each glyph back to its character without them (and Cairo is several
 * times faster).
 */
static void
show(struct inker *k, const PangoItem *item, const char *text, guint start,
    guint end, PangoGlyphString *gs, gboolean plain)
{
	PangoItem it = *item;
	PangoGlyphItem gi;

	if (plain) {
		cairo_move_to(k->cr, k->x, k->y - rise(item));
		pango_cairo_show_glyph_string(k->cr, item->analysis.font, gs);
	} else {
		memset(&gi, 0, sizeof(gi));
		it.offset = (int)start;
		it.length = (int)(end - start);
		it.num_chars = (int)g_utf8_strlen(text + start,
		    (gssize)(end - start));
		gi.item = &it;
		gi.glyphs = gs;
		glyphs_show(k->cr, text, &gi, k->x, k->y - rise(item));
	}
	k->x += (double)pango_glyph_string_get_width(gs) / PANGO_SCALE;
}

/* Shows the group gathered, in the tags of its anchor or as a span. */
static void
flush(struct inker *k)
{
	if (k->item < 0)
		return;
	if (k->anchor != NULL)
		anchor_tags(k, k->anchor, FALSE);
	else
		span_begin(k);
	show(k, k->pa->items[k->item], k->pa->text, k->start, k->end, k->gs,
	    k->plain);
	if (k->anchor != NULL)
		anchor_tags(k, k->anchor, TRUE);
	k->gs->num_glyphs = 0;
	k->item = -1;
}

/*
 * The adjustment of a space glyph w wide, in Pango units.  A line the
 * breaker could only set very loose (long words in capitals, say) is
 * stretched no further than MAX_RATIO and left short of the measure,
 * rather than drawn with gaps a reader falls into.
 */
static int
adjust(const struct inker *k, int w)
{
	const struct style *st = k->p->st;
	double r = MIN(k->ln->ratio, MAX_RATIO);

	if (!k->ln->justified || r == 0)
		return 0;
	return (int)(w * r * (r > 0 ? st->space_stretch : st->space_shrink));
}

/* Adds the glyphs of piece pc whose clusters are in from…to to the group. */
static void
gather(struct inker *k, const struct piece *pc, guint from, guint to)
{
	const PangoGlyphString *g = &pc->sh->glyphs;
	const struct anchor *a = anchor_at(k, from);
	const struct node *span = passage_at(k, from);
	const char *lang = span != NULL ? span->as.lang : NULL;
	int i, n;

	if (k->item >= 0 && (k->item != (int)pc->item || k->anchor != a ||
	    k->lang != lang || k->end != from))
		flush(k);
	if (k->item < 0) {
		k->item = (int)pc->item;
		k->start = from;
		k->anchor = a;
		k->lang = lang;
		k->plain = TRUE;
	}
	k->plain = k->plain && pc->sh->plain;
	k->end = to;
	n = k->gs->num_glyphs;
	/* Pango's resizing reallocates even when there is room. */
	if (n + g->num_glyphs > k->gs->space)
		pango_glyph_string_set_size(k->gs, n + g->num_glyphs);
	for (i = 0; i < g->num_glyphs; i++) {
		guint at = pc->start + (guint)g->log_clusters[i];

		if (at < from || at >= to)
			continue;
		k->gs->glyphs[n] = g->glyphs[i];
		k->gs->log_clusters[n] = (int)(at - k->start);
		if (pc->space || pc->tie)
			k->gs->glyphs[n].geometry.width +=
			    adjust(k, g->glyphs[i].geometry.width);
		n++;
	}
	k->gs->num_glyphs = n;
}

/* The hyphen a break inside a word adds, in the last piece's font. */
static void
hyphen(struct inker *k, const struct piece *last)
{
	const PangoItem *item = k->pa->items[last->item];
	const struct shaped *hy = shaper_hyphen(k->p->shaper, item);
	PangoGlyphString gs = hy->glyphs;	/* Pango's drawing only reads it */

	span_begin(k);
	show(k, item, "-", 0, 1, &gs, hy->plain);
}

/* The first piece that ends after byte at. */
static guint
first_piece(const struct para *pa, guint at)
{
	guint lo = 0, hi = pa->npieces;

	while (lo < hi) {
		guint mid = (lo + hi) / 2;

		if (piece_end(&pa->pieces[mid]) <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Draws the pieces of para from start to end from x on, and a hyphen. */
static void
ink_text(struct inker *k, const struct para *pa, guint start, guint end,
    gboolean hyphenated)
{
	const struct piece *last = NULL;
	guint i;

	k->pa = pa;
	k->item = -1;
	near_anchors(k, start, end);
	for (i = first_piece(pa, start); i < pa->npieces; i++) {
		const struct piece *pc = &pa->pieces[i];
		guint from = MAX(start, pc->start);
		guint to = MIN(end, piece_end(pc));

		if (pc->start >= end)
			break;
		while (from < to) {
			guint cut = anchor_next(k, from, to);

			gather(k, pc, from, cut);
			from = cut;
		}
		if (piece_end(pc) > start)
			last = pc;
	}
	flush(k);
	g_free(k->near);
	if (hyphenated && last != NULL)
		hyphen(k, last);
}

/*
 * An empty glyph string with room for bytes glyphs, about what a line of
 * so many bytes holds: made at its size, not grown from four glyphs by
 * doubling, each time a realloc of both its arrays.
 */
static PangoGlyphString *
glyphs_for(guint bytes)
{
	PangoGlyphString *gs = pango_glyph_string_new();

	pango_glyph_string_set_size(gs, (gint)bytes);
	gs->num_glyphs = 0;
	return gs;
}

void
ink_marker(cairo_t *cr, const struct press *p, struct ink_state *st,
    const struct line *ln, double x, double y)
{
	struct inker k = { cr, p, st, ln, NULL, NULL, 0, x + ln->side_x, y,
	    NULL, -1, 0, 0, NULL, FALSE, NULL };

	if (ln->side == NULL || ln->side_x >= ln->x)
		return;
	k.gs = glyphs_for((guint)strlen(ln->side->text));
	ink_text(&k, ln->side, 0, (guint)strlen(ln->side->text), FALSE);
	pango_glyph_string_free(k.gs);
}

void
ink_line(cairo_t *cr, const struct press *p, struct ink_state *st,
    const struct line *ln, double x, double y)
{
	struct inker k = { cr, p, st, ln, NULL, NULL, 0, x + ln->x, y, NULL,
	    -1, 0, 0, NULL, FALSE, NULL };

	k.gs = glyphs_for(ln->para != NULL ? ln->end - ln->start + 1 : 0);
	if (ln->para != NULL) {
		guint end = ln->end;

		/* The space a break took, drawn (it has no ink) so that the
		 * text read out has it between the last word and the next. */
		if (!ln->hyphen && ln->para->text[end] == ' ')
			end++;
		ink_text(&k, ln->para, ln->start, end, ln->hyphen);
	}
	if (ln->side != NULL && ln->side_x >= ln->x) {
		k.x = x + ln->side_x;
		ink_text(&k, ln->side, 0, (guint)strlen(ln->side->text), FALSE);
	}
	pango_glyph_string_free(k.gs);
}
