/*
 * backmatter.c — the index of names: each heading set as a hanging
 * paragraph in the notes' type on a column's measure, its page numbers
 * links, then the lines made up into two columns a page, by a builder
 * of its own, since page.c fills one column.
 *
 * The index comes last, so its page numbers are those of the text as
 * already made up: one pass.  A column is filled as far as it goes and
 * broken, if it can be a line or two earlier, where no heading is parted
 * from its first sub-heading and no entry leaves one line alone; the
 * last page's columns are balanced, the left never the shorter.
 */
#include <string.h>

#include <cairo.h>

#include "backmatter.h"
#include "out/indexing.h"
#include "out/words.h"
#include "runs.h"
#include "typeset.h"

/* Lines a column break may move back to avoid a fault. */
#define LOOK_BACK	2

/* The marks' folios, and the part whose anchors are being read. */
struct marking {
	GArray			*folios;
	const struct part	*part;
};

/* An index mark's folio, as index_pages keeps it (part_each_anchor's). */
static void
mark_page(const struct line *ln, const struct anchor *a, void *arg)
{
	const struct marking *mg = arg;
	int folio = mg->part->folio_base + ln->page + 1;

	if (a->kind == ANCHOR_MARK)
		index_mark_set(mg->folios, a->mark, mg->part->roman ?
		    folio - INDEX_FRONT : folio);
}

void
backmatter_mark_part(const struct press *p, const struct part *part,
    GArray *folios)
{
	struct marking mg = { folios, part };

	part_each_anchor(p, part, mark_page, &mg);
}

/* The setting of the index: where it goes, and its measure. */
struct setter {
	struct press		*p;
	int			 text_before;	/* pages before the text's */
	const GArray		*folios;
	struct galley		*g;
	double			 column;	/* a column's width */
	double			 em;		/* of the index's type */
};

/*
 * "See" or "See also", italic, opening a sentence after the heading and
 * its page numbers, if listed.
 */
static void
reference(struct runs *r, const struct index_entry *ie, enum word w,
    gboolean listed)
{
	runs_add(r, index_see_after(ie, listed));
	runs_emph(r, TRUE);
	runs_add(r, word(w));
	runs_emph(r, FALSE);
	runs_add(r, " ");
}

/* Text between an entry's page numbers, its "passim" in italic. */
static void
between(struct runs *r, const char *text)
{
	const char *p = strstr(text, "passim");
	char *before;

	if (p == NULL) {
		runs_add(r, text);
		return;
	}
	before = g_strndup(text, (gsize)(p - text));
	runs_add(r, before);
	runs_emph(r, TRUE);
	runs_add(r, "passim");
	runs_emph(r, FALSE);
	runs_add(r, p + strlen("passim"));
	g_free(before);
}

/* The text of an entry: heading, gloss, page numbers, references. */
static void
entry_runs(struct setter *s, const struct index_entry *ie, struct runs *r)
{
	struct index_passim passim = { s->p->st->index_max_groups };
	GString *locs = g_string_new(NULL);
	GArray *links = g_array_new(FALSE, FALSE, sizeof(int));
	gboolean first = TRUE;
	guint i, at = 0;

	runs_add(r, ie->heading);
	if (ie->gloss != NULL) {
		runs_add(r, " ");
		runs_add(r, ie->gloss);
	}
	if (index_pages(ie, s->folios, &passim, locs, links) > 0) {
		runs_add(r, ", ");
		for (i = 0; i < links->len; i += 3) {
			int *l = &g_array_index(links, int, i);
			char *num = g_strndup(locs->str + l[1],
			    (gsize)(l[2] - l[1]));
			char *before = g_strndup(locs->str + at,
			    (gsize)l[1] - at);

			between(r, before);
			/* The front matter's pages are the file's first. */
			runs_add_page(r, l[0] < 0 ? l[0] + INDEX_FRONT :
			    s->text_before + l[0], num);
			at = (guint)l[2];
			g_free(num);
			g_free(before);
		}
		between(r, locs->str + at);
	}
	if (ie->see != NULL) {
		reference(r, ie, WORD_SEE, locs->len > 0);
		runs_add(r, ie->see->heading);
	}
	for (i = 0; i < ie->see_also->len; i++) {
		const struct index_entry *to = g_ptr_array_index(ie->see_also,
		    i);

		if (!index_entry_printed(to))
			continue;
		if (first)
			reference(r, ie, WORD_SEE_ALSO, locs->len > 0);
		else
			runs_add(r, "; ");
		runs_add(r, to->heading);
		first = FALSE;
	}
	g_string_free(locs, TRUE);
	g_array_free(links, TRUE);
}

/* Sets an entry and its printed sub-headings, a sub-heading indented. */
static void
set_entry(struct setter *s, const struct index_entry *ie, int level,
    double space)
{
	const struct style *st = s->p->st;
	struct runs r;
	struct block b;
	guint i, before;

	block_init(&b, &st->note);
	b.right = s->p->measure - s->column;
	/* Turnovers a little further in than any sub-heading. */
	b.left = (level + 2) * s->em;
	b.indent = -2 * s->em;
	b.space = space;
	runs_init(&r, FALSE);
	entry_runs(s, ie, &r);
	galley_tag(s->g, "P", NULL, FALSE);
	before = s->g->lines->len;
	typeset(s->p, &b, &r, s->g);
	/* For the page map: the entry each index page begins in. */
	for (i = before; i < s->g->lines->len; i++)
		GALLEY_LINE(s->g, i)->entry = ie;
	galley_tag(s->g, "P", NULL, TRUE);
	runs_release(&r);
	before = s->g->lines->len;
	for (i = 0; i < ie->subs->len; i++) {
		const struct index_entry *sub = g_ptr_array_index(ie->subs, i);

		if (index_entry_printed(sub))
			set_entry(s, sub, level + 1, 0);
	}
	/* A heading stays with its first sub-heading. */
	if (s->g->lines->len > before)
		GALLEY_LINE(s->g, before - 1)->flags |= LINE_KEEP;
}

/* The title, across both columns, sunk as a chapter's. */
static void
set_title(struct setter *s)
{
	const struct style *st = s->p->st;
	struct head h = { s->g->lines->len, 1, g_strdup(word(WORD_INDEX)),
	    "index" };
	struct block b;

	g_array_append_val(s->g->heads, h);
	block_init(&b, &st->chapter);
	b.align = PANGO_ALIGN_CENTER;
	b.space = st->sink;
	b.flags = LINE_NEW_RECTO | LINE_KEEP;
	galley_tag(s->g, "H1", NULL, FALSE);
	typeset_text(s->p, &b, word(WORD_INDEX), s->g);
	galley_tag(s->g, "H1", NULL, TRUE);
}

/* --- two columns ------------------------------------------------------- */

/* The height of lines first…end in a column: the first's space dropped. */
static double
height(const struct galley *g, guint first, guint end)
{
	double h = 0;
	guint i;

	for (i = first; i < end; i++) {
		const struct line *ln = GALLEY_LINE(g, i);

		h += i == first ? ln->ascent : ln->advance + ln->space;
	}
	return h;
}

/*
 * Where a column from line first breaks, room high: after as many lines
 * as fit (one at least), or a line or two before if that avoids a fault.
 */
static guint
column_end(const struct galley *g, guint first, double room)
{
	guint n = g->lines->len, end, b;

	for (end = first + 1; end < n && height(g, first, end + 1) <=
	    room + 0.01; end++)
		;
	if (end == n)
		return n;
	for (b = end; b > first + 1 && end - b <= LOOK_BACK; b--)
		if (page_fault(g, b) == FAULT_NONE)
			return b;
	return end;
}

/*
 * The break that balances lines first…n in two columns: the first where
 * the left column is at least as high as the right, or the one after it
 * or before it if that avoids a fault and is as close to level.
 */
static guint
balance(const struct galley *g, guint first, double room)
{
	guint n = g->lines->len, k, i;
	double lead = GALLEY_LINE(g, n - 1)->advance;
	guint try[3];

	for (k = first + 1; k < n && height(g, first, k) + 0.01 <
	    height(g, k, n); k++)
		;
	try[0] = k;
	try[1] = k + 1;
	try[2] = k - 1;
	for (i = 0; i < G_N_ELEMENTS(try); i++) {
		guint b = try[i];
		double l, r;

		if (b <= first || b > n)
			continue;
		l = height(g, first, b);
		r = b < n ? height(g, b, n) : 0;
		if (page_fault(g, b) == FAULT_NONE && l <= room + 0.01 &&
		    r <= room + 0.01 && l - r <= lead + 0.01 &&
		    r - l <= 0.01)
			return b;
	}
	return k;
}

/* Gives lines first…end their baselines in a column from top, at x. */
static void
place(struct galley *g, guint first, guint end, double top, double x,
    int page)
{
	double y = top;
	guint i;

	for (i = first; i < end; i++) {
		struct line *ln = GALLEY_LINE(g, i);

		y += i == first ? ln->ascent : ln->advance + ln->space;
		ln->y = y;
		ln->x += x;
		ln->page = page;
	}
}

static void
make_up(struct setter *s, guint body, struct makeup *mk)
{
	const struct press *p = s->p;
	struct galley *g = s->g;
	guint i = body, n = g->lines->len;
	double top, shift = p->measure - s->column;

	mk->pages = g_array_new(FALSE, FALSE, sizeof(struct page));
	mk->placed = g_array_new(FALSE, FALSE, sizeof(struct placed));
	/* The title's lines, then the columns a line and a half below. */
	place(g, 0, body, GALLEY_LINE(g, 0)->space, 0, 0);
	top = GALLEY_LINE(g, body - 1)->y + 1.5 * p->st->body.leading;
	do {
		struct page pg = { 0, 0, 0, 0, -1, FALSE, 0, 0 };
		double room = p->depth - top;
		guint left = i < n ? column_end(g, i, room) : n, right;

		right = left < n ? column_end(g, left, room) : n;
		if (right == n && i < n)
			left = balance(g, i, room);
		pg.first = mk->pages->len == 0 ? 0 : i;
		pg.opening = mk->pages->len == 0;
		pg.count = right - pg.first;
		place(g, i, left, top, 0, (int)mk->pages->len);
		place(g, left, right, top, shift, (int)mk->pages->len);
		g_array_append_val(mk->pages, pg);
		i = right;
		top = 0;
	} while (i < n);
}

void
backmatter_index(struct press *p, const struct edition *e, int text_before,
    const GArray *folios, struct part *index)
{
	const struct style *st = p->st;
	struct setter s = { p, text_before, folios, index->galley,
	    (p->measure - 1.5 * st->body.size) / 2, st->note.size };
	gunichar group = 0;
	guint i, body;

	galley_tag(s.g, "Index", NULL, FALSE);
	set_title(&s);
	body = s.g->lines->len;
	for (i = 0; i < e->index->len; i++) {
		const struct index_entry *ie = g_ptr_array_index(e->index, i);
		gunichar c;

		if (!index_entry_printed(ie))
			continue;
		/* A line's space between the letters' groups. */
		c = index_letter(ie);
		set_entry(&s, ie, 0, group != 0 && c != group ?
		    st->note.leading : 0);
		group = c;
	}
	galley_tag(s.g, "Index", NULL, TRUE);
	make_up(&s, body, &index->mk);
}
