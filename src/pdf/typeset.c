/*
 * typeset.c — a block's pieces into boxes, glue and penalties, broken
 * into lines by total fit.
 *
 * Words are boxes; a space is glue that stretches and shrinks by the
 * style's shares of its width (fixed in text that is not justified,
 * where each line's end has glue instead); places inside a word where a
 * line may end are penalties: hyphenation points (a hyphen added), after
 * a hyphen or dash already there, after a slash, and in a word too long
 * for any line, anywhere.
 *
 * A paragraph of more than CHUNK_ITEMS items (a whole book on one line)
 * is broken one stretch at a time, so that time and memory stay linear
 * in its length: each stretch ends as a paragraph would, its lines are
 * kept but for the last CHUNK_TAIL, which the artificial end may have
 * bent, and the next stretch begins where the last line kept ends, with
 * that line's fitness and hyphens carried over.  Total fit rarely looks
 * further ahead than a few lines, so the breaks are those of the whole,
 * but that each stretch goes through the tries below on its own: a line
 * that needs emergency stretch loosens its stretch, not the book.
 *
 * A block an earlier build set from the same text, style, measure and
 * fonts is set as it was (the press's reuse, reuse.h): its items and
 * lines read back, none of the work above done again.  Its key is all
 * the setting reads (set_key); what the lines carry besides (their
 * space, flags, place in the model) is the block's, as for any other.
 */
#include <math.h>
#include <string.h>

#include "bytes.h"
#include "hyph.h"
#include "kp.h"
#include "out/reuse.h"
#include "press.h"
#include "shape.h"
#include "typeset.h"

/* TeX's \exhyphenpenalty; after a slash; inside a word, as a last resort. */
#define EXPLICIT_PENALTY	50
#define SLASH_PENALTY		100
#define ANYWHERE_PENALTY	1000

/* The items of one stretch of a long paragraph, and the lines of a
 * stretch set again at the start of the next. */
#define CHUNK_ITEMS		20000
#define CHUNK_TAIL		24

#define PT(units)	((double)(units) / PANGO_SCALE)

/*
 * What typeset fills for each block, kept by the press from block to
 * block: grown once to what the longest stretch needs, rather than made
 * anew for every paragraph, which cost a copy at each doubling and, as
 * the heap grew and shrank again, page faults.
 */
struct typeset_work {
	struct kp_item	*items;
	guint		 room;		/* the items it holds */
	GArray		*breaks;	/* struct kp_break */
	struct kp_work	 kp;
	/* One of each per byte of the word being set: */
	char		*kind;		/* where it may break (find_breaks) */
	guint8		*points;	/* its hyphenation points (hyph_word) */
	int		*xs;		/* its advances (piece_xs) */
	gsize		 size;		/* the bytes each holds */
};

struct setter {
	struct press		*p;
	const struct block	*b;
	const struct runs	*r;
	struct galley		*g;
	struct para		*pa;
	struct typeset_work	*w;
	guint			 nitems;	/* the stretch's, in w */
	double			 width;		/* of lines after the first */
	guint			 first, last;	/* the pieces set, spaces at the
						   ends left out */
	guint			 first_word;	/* where the text set begins */
	guint			 last_word;	/* where the last word begins */
	struct hyph		*hyph;		/* the block's patterns, or NULL */
	gboolean		 passages;	/* some text is in another language */
	const PangoItem		*hy_item;	/* the item of the last hyphen */
	const struct shaped	*hy;		/* asked for, and the hyphen */
	/* The stretch being set: */
	guint			 next;		/* its first piece */
	guint			 at;		/* its first line's first byte */
	guint			 lines;		/* lines kept before it */
	double			 ratio;		/* the last line kept: its ratio */
	int			 hyphens;	/* and hyphenated lines in a row */
};

struct typeset_work *
typeset_work_new(void)
{
	struct typeset_work *w = g_new0(struct typeset_work, 1);

	w->breaks = g_array_new(FALSE, FALSE, sizeof(struct kp_break));
	kp_work_init(&w->kp);
	return w;
}

void
typeset_work_free(struct typeset_work *w)
{
	if (w == NULL)
		return;
	g_free(w->items);
	g_array_free(w->breaks, TRUE);
	kp_work_release(&w->kp);
	g_free(w->kind);
	g_free(w->points);
	g_free(w->xs);
	g_free(w);
}

/* The scratch for a word of len bytes. */
static void
word_room(struct typeset_work *w, gsize len)
{
	if (w->size >= len)
		return;
	w->size = MAX(len, 2 * w->size);
	w->kind = g_realloc(w->kind, w->size);
	w->points = g_realloc(w->points, w->size);
	w->xs = g_renew(int, w->xs, w->size);
}

void
block_init(struct block *b, const struct font *f)
{
	memset(b, 0, sizeof(*b));
	b->font = f;
	b->slant = PANGO_STYLE_NORMAL;
	b->variant = PANGO_VARIANT_NORMAL;
	b->align = PANGO_ALIGN_LEFT;
	b->chapter = -1;
}

/* A new item after the stretch's others, all zero. */
static struct kp_item *
item_add(struct setter *s)
{
	struct typeset_work *w = s->w;
	struct kp_item *it;

	if (s->nitems == w->room) {
		w->room = MAX(2 * w->room, 256);
		w->items = g_renew(struct kp_item, w->items, w->room);
	}
	it = &w->items[s->nitems++];
	memset(it, 0, sizeof(*it));
	return it;
}

static void
add(struct setter *s, enum kp_kind kind, double width, guint at)
{
	struct kp_item *it = item_add(s);

	it->kind = kind;
	it->width = width;
	it->at = at;
}

static void
add_penalty(struct setter *s, int penalty, double width, gboolean flagged,
    gboolean hyph, guint at)
{
	struct kp_item *it = item_add(s);

	it->kind = KP_PENALTY;
	it->width = width;
	it->penalty = penalty;
	it->flagged = flagged;
	it->hyph = hyph;
	it->at = at;
}

/* Glue for a run of spaces: fixed unless the block is justified. */
static void
add_glue(struct setter *s, double w, guint at)
{
	const struct style *st = s->p->st;
	struct kp_item *it = item_add(s);

	it->kind = KP_GLUE;
	it->width = w;
	if (s->b->justify) {
		it->stretch = w * st->space_stretch;
		it->shrink = w * st->space_shrink;
	}
	it->at = at;
}

/* Glue that takes up whatever is left: a paragraph's end, a forced break. */
static void
add_fill(struct setter *s, guint at)
{
	struct kp_item *it = item_add(s);

	it->kind = KP_GLUE;
	it->fill = 1;
	it->at = at;
}

/* Whether a forced line break falls in the piece (the breaks are in
 * text order: looked up, not walked, for a paragraph of many). */
static gboolean
is_forced(const struct setter *s, const struct piece *pc)
{
	const GArray *br = s->r->breaks;
	guint lo = 0, hi = br->len;

	while (lo < hi) {	/* the first break at or after the piece */
		guint mid = lo + (hi - lo) / 2;

		if (g_array_index(br, guint, mid) < pc->start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < br->len && g_array_index(br, guint, lo) < piece_end(pc);
}

/* The character at p: ASCII, most of any text, read without decoding. */
static inline gunichar
char_at(const char *p)
{
	return (guchar)*p < 0x80 ? (guchar)*p : g_utf8_get_char(p);
}

/* Text where hyphenating would be wrong: addresses, numbers. */
static gboolean
unhyphenable(const char *w, gsize len)
{
	gsize i;

	for (i = 0; i < len; i++)
		if (w[i] == '/' || w[i] == '@' || g_ascii_isdigit(w[i]) ||
		    (w[i] == '.' && i + 1 < len && g_ascii_isalpha(w[i + 1])))
			return TRUE;
	return FALSE;
}

/*
 * Marks in kind[] (one per byte of the piece) where it may break, and
 * how: 'h' hyphenation ('H' in a capitalised word, a name's), 'x' after
 * an explicit hyphen or dash, '/' after a slash, 'a' anywhere (a word
 * too wide).  A word with a hyphen of its own breaks only there
 * ("Ter-Vaganian", not "Ter-Va-ganian").
 */
static void
find_breaks(struct setter *s, const struct piece *pc, char *kind)
{
	const char *t = s->pa->text, *w = t + pc->start;
	gsize len = pc->sh->len, i, j;
	gboolean wide = PT(pc->sh->width) > s->width / 2;
	/* A word in a passage in another language, by its patterns. */
	const struct node *span = s->passages ? para_passage(s->pa,
	    pc->start) : NULL;
	struct hyph *hy = span != NULL ? press_hyph(s->p, span) : s->hyph;

	memset(kind, 0, len);
	for (i = 1; i < len; i = (gsize)(g_utf8_next_char(w + i) - w)) {
		const char *prev = (guchar)w[i - 1] < 0x80 ? w + i - 1 :
		    g_utf8_prev_char(w + i);
		gunichar c = char_at(prev);
		gunichar next = char_at(w + i);

		/* Not inside a range of numbers ("1926–38", "pp. 161-89"). */
		if ((c == '-' || c == 0x2013 || c == 0x2014) &&
		    g_unichar_isalnum(next) && prev > w &&
		    g_unichar_isalnum(g_utf8_get_char(g_utf8_prev_char(prev))) &&
		    !(g_unichar_isdigit(next) && g_unichar_isdigit(
		    g_utf8_get_char(g_utf8_prev_char(prev)))))
			kind[i] = 'x';
		else if (c == '/' && next != '/')
			kind[i] = '/';
		else if (wide)
			kind[i] = 'a';
	}
	if (hy == NULL || !s->b->justify || pc->start >= s->last_word ||
	    unhyphenable(w, len) || memchr(kind, 'x', len) != NULL)
		return;
	/* Each run of letters is a word to hyphenate. */
	for (i = 0; i < len; i = j) {
		for (; i < len && !g_ascii_isalpha(w[i]); i++)
			;
		for (j = i; j < len && g_ascii_isalpha(w[j]); j++)
			;
		if (j > i && (j == len || (guchar)w[j] < 0x80 ||
		    g_utf8_get_char(w + j) == 0x2019) &&
		    hyph_word(hy, w + i, j - i, s->w->points) > 0) {
			gsize k;

			for (k = 1; k < j - i; k++)
				if (s->w->points[k])
					kind[i + k] = g_ascii_isupper(w[i]) ?
					    'H' : 'h';
		}
	}
}

/*
 * A word, from byte from of it on (its start, or where a stretch of a
 * long paragraph begins): boxes between the places it may break.
 */
static void
add_word(struct setter *s, const struct piece *pc, guint from)
{
	gsize len = pc->sh->len, i;
	char *kind;
	int from_x, *xs;

	word_room(s->w, len);
	kind = s->w->kind;
	xs = s->w->xs;
	find_breaks(s, pc, kind);
	piece_xs(pc, xs);
	from_x = MAX(xs[from - pc->start], 0);
	for (i = from - pc->start + 1; i < len; i++) {
		guint at = pc->start + (guint)i;
		int x;

		if (kind[i] == 0 || (x = xs[i]) < 0)
			continue;
		add(s, KP_BOX, PT(x - from_x), from);
		switch (kind[i]) {
		case 'h':
		case 'H':
			if (s->hy_item != s->pa->items[pc->item]) {
				s->hy_item = s->pa->items[pc->item];
				s->hy = shaper_hyphen(s->p->shaper, s->hy_item);
			}
			add_penalty(s, s->p->st->hyphen_penalty,
			    PT(s->hy->width), TRUE, TRUE, at);
			s->w->items[s->nitems - 1].capital = kind[i] == 'H';
			break;
		case 'x':
			add_penalty(s, EXPLICIT_PENALTY, 0, TRUE, FALSE, at);
			break;
		case '/':
			add_penalty(s, SLASH_PENALTY, 0, FALSE, FALSE, at);
			break;
		default:
			add_penalty(s, ANYWHERE_PENALTY, 0, FALSE, FALSE, at);
			break;
		}
		from = at;
		from_x = x;
	}
	add(s, KP_BOX, PT(pc->sh->width - from_x), from);
}

/* Whether a paragraph holds a passage in another language. */
static gboolean
has_passages(const struct para *pa)
{
	guint i;

	for (i = 0; i < pa->anchors->len; i++)
		if (g_array_index(pa->anchors, struct anchor, i).kind ==
		    ANCHOR_LANG)
			return TRUE;
	return FALSE;
}

/*
 * The pieces set, where the first and the last word begin, and whether
 * a word may be in another language (looked up for each if so).
 */
static void
setter_start(struct setter *s)
{
	const struct piece *pcs = s->pa->pieces;
	guint i, first = 0, last = s->pa->npieces;

	s->passages = has_passages(s->pa);

	/* Spaces at either end are not set, except code's indentation. */
	while (first < last && !s->b->code && pcs[first].space)
		first++;
	while (last > first && pcs[last - 1].space)
		last--;
	s->first = s->next = first;
	s->last = last;
	s->first_word = s->at = first < last ? pcs[first].start : 0;
	s->last_word = last > 0 ? piece_end(&pcs[last - 1]) : 0;
	for (i = last; i > first; i--)
		if (pcs[i - 1].space) {
			s->last_word = piece_end(&pcs[i - 1]);
			break;
		}
}

/* The end of the text set, or of a stretch: no break, fill, a break. */
static void
add_end(struct setter *s, guint at, guint end)
{
	add_penalty(s, KP_INFINITY, 0, FALSE, FALSE, at);
	if (s->b->align != PANGO_ALIGN_CENTER)
		add_fill(s, at);
	add_penalty(s, -KP_INFINITY, 0, FALSE, FALSE, end);
}

/*
 * The items of the stretch from s->at on: to the paragraph's end, or
 * to the piece where CHUNK_ITEMS are made, then ended as a paragraph.
 * Returns whether it reached the paragraph's end.
 */
static gboolean
build_items(struct setter *s)
{
	const struct block *b = s->b;
	const struct piece *pcs = s->pa->pieces;
	guint i;

	s->nitems = 0;
	if (b->indent > 0 && s->lines == 0)
		add(s, KP_BOX, b->indent, 0);
	for (i = s->next; i < s->last; i++) {
		const struct piece *pc = &pcs[i];
		double w = PT(pc->sh->width);

		if (s->nitems >= CHUNK_ITEMS && !pc->space && !pc->tie) {
			add_end(s, pc->start, pc->start);
			return FALSE;
		}
		if (pc->space && i == s->first)
			add(s, KP_BOX, w, pc->start);	/* code's indentation */
		else if (pc->space && is_forced(s, pc)) {
			add_fill(s, pc->start);
			add_penalty(s, -KP_INFINITY, 0, FALSE, FALSE, pc->start);
		} else if (pc->space)
			add_glue(s, w, pc->start);
		else if (pc->tie) {
			add_penalty(s, KP_INFINITY, 0, FALSE, FALSE, pc->start);
			add_glue(s, w, pc->start);
		} else {
			if (pc->cut && i > s->next)
				add_penalty(s, ANYWHERE_PENALTY, 0, FALSE,
				    FALSE, pc->start);
			add_word(s, pc, MAX(s->at, pc->start));
		}
	}
	add_end(s, s->last_word, s->last > s->first ?
	    piece_end(&pcs[s->last - 1]) : 0);
	return TRUE;
}

/* Whether a line from the break from on is wider than the measure. */
static gboolean
overfull(const GArray *breaks, guint from)
{
	guint i;

	for (i = from; i < breaks->len; i++)
		if (g_array_index(breaks, struct kp_break, i).ratio < -1)
			return TRUE;
	return FALSE;
}

/*
 * Chooses the breaks: for justified text, without hyphens within the
 * pretolerance, with them within the tolerance, with emergency stretch,
 * and last at any cost; a capitalised word (a name) is hyphenated only
 * if a line would be overfull without, unless the style allows it.
 * Other text is set at once, its lines balanced by stretch at their
 * ends.
 */
static void
choose_breaks(struct setter *s, double first, GArray *breaks)
{
	const struct style *st = s->p->st;
	const struct kp_item *it = s->w->items;
	guint n = s->nitems;
	struct kp_params pp;
	guint from = breaks->len;

	kp_params_init(&pp, s->width, st->tolerance);
	pp.first = s->lines == 0 ? first : s->width;
	pp.max_hyphens = st->hyph_max_lines;
	pp.start_ratio = s->ratio;
	pp.start_hyphens = s->hyphens;
	pp.capitals = st->capitals == CAPITALS_ALLOW;
	if (!s->b->justify) {
		pp.ragged = 3 * s->b->font->size;
		pp.tolerance = KP_INFINITY;
		pp.force = TRUE;
		kp_break(&s->w->kp, it, n, &pp, breaks);
		return;
	}
	if (st->pretolerance > 0) {
		pp.tolerance = st->pretolerance;
		pp.hyphenate = FALSE;
		if (kp_break(&s->w->kp, it, n, &pp, breaks) == 0)
			return;
		pp.hyphenate = TRUE;
		pp.tolerance = st->tolerance;
	}
	if (kp_break(&s->w->kp, it, n, &pp, breaks) == 0)
		return;
	pp.emergency = st->emergency;
	if (pp.emergency > 0 && kp_break(&s->w->kp, it, n, &pp, breaks) == 0)
		return;
	pp.tolerance = KP_INFINITY;
	pp.force = TRUE;
	kp_break(&s->w->kp, it, n, &pp, breaks);
	/* A name hyphenated only where there is no other way. */
	if (!pp.capitals && overfull(breaks, from)) {
		g_array_set_size(breaks, from);
		pp.capitals = TRUE;
		kp_break(&s->w->kp, it, n, &pp, breaks);
	}
}

/* The first box's offset after the break at item i (the line's start). */
static guint
line_start(const struct setter *s, guint i)
{
	const struct kp_item *it = s->w->items;

	for (; i < s->nitems; i++)
		if (it[i].kind == KP_BOX)
			return it[i].at;
	return it[s->nitems - 1].at;
}

/* Whether the paragraph has anchors that are drawn as links. */
static gboolean
has_links(const struct para *pa)
{
	guint i;

	for (i = 0; i < pa->anchors->len; i++)
		if (g_array_index(pa->anchors, struct anchor, i).kind !=
		    ANCHOR_MARK)
			return TRUE;
	return FALSE;
}

/*
 * Appends a line of the paragraph: bytes start…end of its text, its
 * glue set by ratio, x from the measure's left (where the block's
 * lines begin: left); first and last say whether it begins or ends the
 * paragraph.
 */
static void
push_line(struct setter *s, guint start, guint end, double ratio,
    gboolean hyphen, gboolean fill, double x, double left, gboolean first,
    gboolean last)
{
	const struct block *b = s->b;
	struct line ln = { 0 };

	ln.para = para_ref(s->pa);
	ln.start = start;
	ln.end = end;
	ln.ratio = ratio;
	ln.justified = b->justify;
	ln.hyphen = hyphen;
	ln.fill = fill;
	ln.x = x;
	ln.ascent = b->font->size;
	ln.advance = b->font->leading;
	ln.space = first ? b->space : 0;
	ln.flags = b->flags & (LINE_KEEP | LINE_HEAD | LINE_SPANS);
	if (has_links(s->pa))
		ln.flags |= LINE_SPANS;
	if (first)
		ln.flags |= LINE_FIRST | (b->flags & (LINE_NEW_PAGE |
		    LINE_NEW_RECTO));
	if (last)
		ln.flags |= LINE_LAST;
	ln.chapter = b->chapter;
	ln.block = b->node;
	ln.offset = runs_source(s->r, ln.start);
	ln.page = -1;
	if (first && b->marker != NULL) {
		ln.side = typeset_side(s->p, b, b->marker);
		ln.side_x = left - s->p->st->list_indent;
	}
	g_array_append_val(s->g->lines, ln);
}

/*
 * Appends a line for each of the first count breaks of the stretch;
 * ended says the stretch ends the paragraph.  What the next stretch
 * takes over is kept in s.
 */
static void
emit_lines(struct setter *s, const GArray *breaks, guint count,
    gboolean ended, double left)
{
	const struct block *b = s->b;
	const struct kp_item *it = s->w->items;
	guint i, from = 0;

	for (i = 0; i < count; i++) {
		const struct kp_break *k = &g_array_index(breaks,
		    struct kp_break, i);
		const struct kp_item *at = &it[k->item];
		gboolean first = s->lines == 0 && i == 0;
		gboolean last = ended && i + 1 == breaks->len;
		double w = first ? s->width - MIN(b->indent, 0) : s->width;
		guint start = i == 0 ? s->at : line_start(s, from);
		/* The first line's indent: a box in, or a hang out. */
		double x = left + (first ? b->indent : 0);

		if (b->align == PANGO_ALIGN_CENTER)
			x = left + (w - k->natural) / 2;
		else if (b->align == PANGO_ALIGN_RIGHT)
			x = left + w - k->natural;
		push_line(s, start, MAX(at->at, start), k->ratio,
		    at->kind == KP_PENALTY && at->hyph, last ||
		    (at->kind == KP_PENALTY && at->penalty <= -KP_INFINITY), x,
		    left, first, last);
		from = k->item;
		s->ratio = k->ratio;
		s->hyphens = at->kind == KP_PENALTY && at->flagged ?
		    s->hyphens + 1 : 0;
	}
	s->lines += count;
	if (count > 0)
		s->at = line_start(s, from);
}

/*
 * How many of a stretch's lines to keep: all but its last CHUNK_TAIL,
 * or half of a short one (always one at least, so that the paragraph
 * goes on).
 */
static guint
kept_lines(const GArray *breaks)
{
	if (breaks->len > CHUNK_TAIL)
		return breaks->len - CHUNK_TAIL;
	return MAX(breaks->len / 2, 1);
}

/* The piece the next stretch begins in: the one that holds s->at. */
static void
next_piece(struct setter *s)
{
	while (s->next < s->last && piece_end(&s->pa->pieces[s->next]) <= s->at)
		s->next++;
}

/*
 * A block of more text is not kept: its key would copy the text, its
 * pieces take twice its bytes again, and a book whose paragraph is
 * whole megabytes (a text on one line) is set in stretches anyway.
 */
#define KEPT_MAX	(256 * 1024)

/* A line as keep_set keeps it. */
struct kept_line {
	guint32		 start, end;
	double		 x, ratio;
	guint8		 hyphen, fill, pad[6];
};

/*
 * What the setting of s's block depends on, besides what the reuse is
 * kept under (this octavo, the print style, the hyphenation patterns and
 * libhyphen, the fonts installed and fontconfig's configuration:
 * pdf_paras_key): its text and attributes, its anchors and forced
 * breaks, its font and shape, its width and indent, its patterns, the
 * language of each passage in it, and the book's language.
 */
static GString *
set_key(const struct setter *s, double left)
{
	const struct block *b = s->b;
	const GArray *as = s->r->anchors, *br = s->r->breaks;
	GString *key = g_string_new(NULL);
	const char *lang = pango_language_to_string(pango_context_get_language(
	    s->p->pc));
	int shape[6] = { b->slant, b->variant, b->align, b->justify, b->code,
	    b->exact };
	double geometry[7] = { b->font->size, b->left, b->right, b->indent,
	    s->width, left, s->p->measure };
	guint i;

	bytes_put_counted(key, s->r->text->str, s->r->text->len);
	runs_attrs_key(s->r, key);
	bytes_put(key, &as->len, sizeof(as->len));
	for (i = 0; i < as->len; i++) {
		const struct anchor *an = &g_array_index(as, struct anchor, i);
		guint at[3] = { an->kind, an->start, an->end };

		bytes_put(key, at, sizeof(at));
		if (an->kind == ANCHOR_LANG)
			bytes_put_counted(key, an->node->as.lang,
			    strlen(an->node->as.lang));
	}
	bytes_put_counted(key, br->data, br->len * sizeof(guint));
	bytes_put_counted(key, b->font->family, strlen(b->font->family));
	bytes_put(key, shape, sizeof(shape));
	bytes_put(key, geometry, sizeof(geometry));
	bytes_put_counted(key, hyph_file(s->hyph),
	    strlen(hyph_file(s->hyph)));
	if (lang == NULL)
		lang = "";
	bytes_put_counted(key, lang, strlen(lang));
	return key;
}

/*
 * Asks for the patterns of each passage a word of the paragraph is in,
 * as setting the words does (find_breaks), so that a language with no
 * patterns is said where a clean build says it.
 */
static void
ask_passages(struct setter *s)
{
	guint i;

	if (!has_passages(s->pa))
		return;
	for (i = 0; i < s->pa->npieces; i++) {
		const struct piece *pc = &s->pa->pieces[i];
		const struct node *span;

		if (!pc->space && !pc->tie &&
		    (span = para_passage(s->pa, pc->start)) != NULL)
			(void)press_hyph(s->p, span);
	}
}

/*
 * Whether n kept lines (at) fit a text of len bytes: each in order,
 * beginning and ending on a character's first byte (a ratio and x that
 * are numbers), as Pango, drawing them, asserts.
 */
static gboolean
lines_fit(const guint8 *at, guint32 n, const char *text, gsize len)
{
	struct kept_line kl;
	guint32 i, from = 0;

	for (i = 0; i < n; i++) {
		memcpy(&kl, at + (gsize)i * sizeof(kl), sizeof(kl));
		if (kl.start < from || kl.end < kl.start || kl.end > len ||
		    !isfinite(kl.ratio) || !isfinite(kl.x) ||
		    !bytes_starts_char(text, len, kl.start) ||
		    !bytes_starts_char(text, len, kl.end))
			return FALSE;
		from = kl.start;
	}
	return TRUE;
}

/* The block's attributes, its font over the whole text, as it is
 * itemized in; *fd the font's description, the caller's to free. */
static PangoAttrList *
block_attrs(const struct setter *s, PangoFontDescription **fd)
{
	PangoAttrList *attrs = runs_attrs(s->r, s->b->font->size);

	*fd = press_font(s->b->font, s->b->slant, s->b->variant);
	pango_attr_list_insert_before(attrs, pango_attr_font_desc_new(*fd));
	return attrs;
}

/*
 * The block set as an earlier build set it from the same key (reuse.h):
 * its items, in this build's fonts with the same ids, and its lines,
 * appended to the galley; FALSE, nothing appended, if none was kept or
 * the bytes are damaged.  A block in a font this build has not yet
 * chosen is itemized, not shaped nor broken, to choose it
 * (shaper_know_fonts): *attrs and *fd are then what it was itemized
 * with, the caller's to free.
 */
static gboolean
set_kept(struct setter *s, GString *key, double left, struct srcpos pos,
    PangoAttrList **attrs, PangoFontDescription **fd)
{
	GBytes *kept = reuse_find(s->p->paras, KEPT_BLOCK, key->str, key->len);
	gsize size, len = s->r->text->len;
	const guint8 *at, *end;
	struct kept_line kl;
	guint32 n = 0, i;

	if (kept == NULL)
		return FALSE;
	at = g_bytes_get_data(kept, &size);
	end = at + size;
	s->pa = para_kept(s->p->shaper, s->r->text->str, len, s->r->anchors,
	    pos, &at, end);
	if (s->pa == NULL) {
		*attrs = block_attrs(s, fd);
		shaper_know_fonts(s->p->shaper, s->r->text->str, len, *attrs);
		at = g_bytes_get_data(kept, NULL);
		s->pa = para_kept(s->p->shaper, s->r->text->str, len,
		    s->r->anchors, pos, &at, end);
	}
	if (s->pa != NULL && (gsize)(end - at) >= sizeof(n)) {
		memcpy(&n, at, sizeof(n));
		at += sizeof(n);
	}
	if (s->pa == NULL || n == 0 || (gsize)(end - at) / sizeof(kl) != n ||
	    (gsize)(end - at) % sizeof(kl) != 0 ||
	    !lines_fit(at, n, s->r->text->str, len)) {
		if (s->pa != NULL)
			para_unref(s->pa);
		s->pa = NULL;
		g_bytes_unref(kept);
		return FALSE;
	}
	for (i = 0; i < n; i++) {
		memcpy(&kl, at + (gsize)i * sizeof(kl), sizeof(kl));
		push_line(s, kl.start, kl.end, kl.ratio, kl.hyphen, kl.fill,
		    kl.x, left, i == 0, i + 1 == n);
	}
	ask_passages(s);
	reuse_keep(s->p->paras, KEPT_BLOCK, key->str, key->len,
	    g_bytes_get_data(kept, NULL), size);
	g_bytes_unref(kept);
	return TRUE;
}

/* Keeps the block as set, its lines from first on, under key. */
static void
keep_set(struct setter *s, GString *key, guint first)
{
	GString *v = g_string_new(NULL);
	guint32 n = s->g->lines->len - first;
	guint i;

	if (para_items_save(s->p->shaper, s->pa, v)) {
		bytes_put(v, &n, sizeof(n));
		for (i = first; i < s->g->lines->len; i++) {
			const struct line *ln = GALLEY_LINE(s->g, i);
			struct kept_line kl = { ln->start, ln->end, ln->x,
			    ln->ratio, ln->hyphen, ln->fill, { 0 } };

			bytes_put(v, &kl, sizeof(kl));
		}
		reuse_keep(s->p->paras, KEPT_BLOCK, key->str, key->len, v->str,
		    v->len);
	}
	g_string_free(v, TRUE);
}

/* Lets go of what setting a block took (attrs and fd: NULL if none
 * were made). */
static void
finish_set(struct setter *s, PangoAttrList *attrs, PangoFontDescription *fd,
    GString *key)
{
	para_unref(s->pa);
	if (attrs != NULL)
		pango_attr_list_unref(attrs);
	if (fd != NULL)
		pango_font_description_free(fd);
	if (key != NULL)
		g_string_free(key, TRUE);
}

void
typeset(struct press *p, const struct block *b, const struct runs *r,
    struct galley *g)
{
	/* However deep the quotations, keep a third of the measure. */
	double width = b->exact ? p->measure - b->left - b->right :
	    MAX(p->measure - b->left - b->right, p->measure / 3);
	double left = b->exact ? b->left : MIN(b->left, p->measure - width);
	PangoFontDescription *fd = NULL;
	PangoAttrList *attrs = NULL;
	struct setter s = { 0 };
	GArray *breaks = p->work->breaks;
	struct srcpos pos = b->node != NULL ? b->node->pos :
	    srcpos_at(NULL, 0, 0);
	gboolean ended;

	guint lines = g->lines->len;
	GString *key;

	s.p = p;
	s.b = b;
	s.hyph = press_hyph(p, node_passage(b->node));
	s.r = r;
	s.g = g;
	s.width = width;
	key = p->paras != NULL && r->text->len <= KEPT_MAX ? set_key(&s,
	    left) : NULL;
	p->sets++;
	if (key != NULL && set_kept(&s, key, left, pos, &attrs, &fd)) {
		p->sets_kept++;
		finish_set(&s, attrs, fd, key);
		return;
	}
	if (attrs == NULL)
		attrs = block_attrs(&s, &fd);
	s.pa = para_new(p->shaper, r->text->str, r->text->len, attrs,
	    r->anchors, pos);
	s.w = p->work;
	setter_start(&s);
	do {
		ended = build_items(&s);
		g_array_set_size(breaks, 0);
		choose_breaks(&s, width - MIN(b->indent, 0), breaks);
		emit_lines(&s, breaks, ended ? breaks->len :
		    kept_lines(breaks), ended, left);
		next_piece(&s);
	} while (!ended);
	if (key != NULL)
		keep_set(&s, key, lines);
	finish_set(&s, attrs, fd, key);
}

void
typeset_text(struct press *p, const struct block *b, const char *text,
    struct galley *g)
{
	struct runs r;

	runs_init(&r, b->slant != PANGO_STYLE_NORMAL);
	runs_add(&r, text);
	typeset(p, b, &r, g);
	runs_release(&r);
}

struct para *
typeset_side(struct press *p, const struct block *b, const char *text)
{
	PangoFontDescription *fd = press_font(b->font, b->slant, b->variant);
	PangoAttrList *attrs = pango_attr_list_new();
	struct para *pa;

	pango_attr_list_insert(attrs, pango_attr_font_desc_new(fd));
	pa = para_new(p->shaper, text, strlen(text), attrs, NULL,
	    srcpos_at(NULL, 0, 0));
	pango_attr_list_unref(attrs);
	pango_font_description_free(fd);
	return pa;
}

double
para_widest_word(const struct para *pa)
{
	int w = 0, widest = 0;
	guint i;

	for (i = 0; i < pa->npieces; i++) {
		const struct piece *pc = &pa->pieces[i];

		w = pc->space || pc->tie ? 0 : w + pc->sh->width;
		widest = MAX(widest, w);
	}
	return PT(widest);
}

double
para_width(const struct para *pa)
{
	int w = 0;
	guint i;

	for (i = 0; i < pa->npieces; i++)
		w += pa->pieces[i].sh->width;
	return PT(w);
}
