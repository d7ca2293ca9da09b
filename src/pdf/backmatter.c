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
#include "index/index.h"
#include "runs.h"
#include "typeset.h"

/* Lines a column break may move back to avoid a fault. */
#define LOOK_BACK	2

gboolean
backmatter_has_index(const struct edition *e)
{
	guint i;

	for (i = 0; e->index != NULL && i < e->index->len; i++)
		if (index_entry_printed(g_ptr_array_index(e->index, i)))
			return TRUE;
	return FALSE;
}

/* The marks on a galley's lines, each with its line's folio. */
static void
galley_marks(GHashTable *marks, const struct galley *g)
{
	guint i, j;

	for (i = 0; i < g->lines->len; i++) {
		const struct line *ln = GALLEY_LINE(g, i);
		const struct line *next = i + 1 < g->lines->len ?
		    GALLEY_LINE(g, i + 1) : NULL;
		guint end = next != NULL && next->para == ln->para ?
		    next->start : G_MAXUINT;

		if (ln->para == NULL || ln->page < 0)
			continue;
		for (j = 0; j < ln->para->anchors->len; j++) {
			const struct anchor *a = &g_array_index(
			    ln->para->anchors, struct anchor, j);

			if (a->kind != ANCHOR_MARK || a->node == NULL ||
			    a->start < ln->start || a->start >= end)
				continue;
			g_hash_table_insert(marks, a->node->as.mark,
			    GINT_TO_POINTER(ln->page + 1));
		}
	}
}

GHashTable *
backmatter_mark_pages(const struct press *p, const struct part *text)
{
	GHashTable *marks = g_hash_table_new(g_direct_hash, g_direct_equal);

	galley_marks(marks, text->galley);
	galley_marks(marks, p->notes);
	return marks;
}

/* The letter a heading is filed under: its sort key's first, unaccented. */
static gunichar
letter(const struct index_entry *ie)
{
	gunichar c = g_utf8_get_char(ie->sort != NULL ? ie->sort :
	    ie->heading), base[4];

	if (c == 0xD8 || c == 0xF8)	/* Ø, which does not decompose */
		return 'O';
	if (g_unichar_fully_decompose(c, FALSE, base, G_N_ELEMENTS(base)) > 0)
		c = base[0];
	return g_unichar_isalpha(c) ? g_unichar_toupper(c) : '#';
}

/* The setting of the index: where it goes, and its measure. */
struct setter {
	struct press		*p;
	const struct part	*text;
	GHashTable		*marks;
	struct galley		*g;
	double			 column;	/* a column's width */
	double			 em;		/* of the index's type */
};

/* "See" or "See also", italic, opening a sentence after what went before. */
static void
reference(struct runs *r, const char *words, gboolean stop)
{
	runs_add(r, stop ? " " : ". ");
	runs_emph(r, TRUE);
	runs_add(r, words);
	runs_emph(r, FALSE);
	runs_add(r, " ");
}

/* The text of an entry: heading, gloss, page numbers, references. */
static void
entry_runs(struct setter *s, const struct index_entry *ie, struct runs *r)
{
	GString *locs = g_string_new(NULL);
	GArray *links = g_array_new(FALSE, FALSE, sizeof(int));
	gboolean stop, first = TRUE;
	guint i, at = 0;

	runs_add(r, ie->heading);
	if (ie->gloss != NULL) {
		runs_add(r, " ");
		runs_add(r, ie->gloss);
	}
	if (index_pages(ie, s->marks, locs, links) > 0) {
		runs_add(r, ", ");
		for (i = 0; i < links->len; i += 3) {
			int *l = &g_array_index(links, int, i);
			char *num = g_strndup(locs->str + l[1],
			    (gsize)(l[2] - l[1]));
			char *before = g_strndup(locs->str + at,
			    (gsize)l[1] - at);

			runs_add(r, before);
			runs_add_page(r, s->text->before + l[0], num);
			at = (guint)l[2];
			g_free(num);
			g_free(before);
		}
		runs_add(r, locs->str + at);
	}
	/* After a heading's own full stop ("Gurov, G."), no other. */
	stop = ie->gloss == NULL && locs->len == 0 &&
	    g_str_has_suffix(ie->heading, ".");
	if (ie->see != NULL) {
		reference(r, "See", stop);
		runs_add(r, ie->see->heading);
	}
	for (i = 0; i < ie->see_also->len; i++) {
		const struct index_entry *to = g_ptr_array_index(ie->see_also,
		    i);

		if (!index_entry_printed(to))
			continue;
		if (first)
			reference(r, "See also", stop);
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
	struct head h = { s->g->lines->len, 1, g_strdup(INDEX_TITLE),
	    "index" };
	struct block b;

	g_array_append_val(s->g->heads, h);
	block_init(&b, &st->chapter);
	b.align = PANGO_ALIGN_CENTER;
	b.space = st->sink;
	b.flags = LINE_NEW_RECTO | LINE_KEEP;
	galley_tag(s->g, "H1", NULL, FALSE);
	typeset_text(s->p, &b, INDEX_TITLE, s->g);
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
backmatter_index(struct press *p, const struct edition *e,
    const struct part *text, GHashTable *marks, struct part *index)
{
	const struct style *st = p->st;
	struct setter s = { p, text, marks, index->galley,
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
		c = letter(ie);
		set_entry(&s, ie, 0, group != 0 && c != group ?
		    st->note.leading : 0);
		group = c;
	}
	galley_tag(s.g, "Index", NULL, TRUE);
	make_up(&s, body, &index->mk);
}
