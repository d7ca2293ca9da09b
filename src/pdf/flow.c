/*
 * flow.c — giving each block of a chapter its shape and its tag.
 *
 * One walk over the tree, with the iterator: a paragraph's or heading's
 * inlines are gathered into runs between its ENTER and its EXIT, and the
 * block is set at the EXIT.  What the walk is inside of (quotations,
 * lists) is counted, not recursed into, so any depth is safe; indents
 * stop growing when only a third of the measure is left (typeset.c).
 *
 * Footnotes are set by a second flow, into the notes' galley, when the
 * line of their reference is known; a note without a reference follows
 * the note before it, and the author's note the byline.
 */
#include <string.h>

#include <cairo.h>

#include "flow.h"
#include "grid.h"
#include "out/cite.h"
#include "out/matter.h"
#include "out/titles.h"
#include "press.h"
#include "runs.h"
#include "typeset.h"

struct list_state {
	gboolean	 ordered;
	int		 next;		/* the next item's number */
	gboolean	 body;		/* the item's LBody is open */
};

struct flow {
	struct press		*p;
	const struct style	*st;
	struct galley		*g;
	const struct font	*text_font;	/* body, or notes' */
	const struct font	*quote_font;
	double			 indent;	/* first lines of paragraphs */
	int			 chapter;
	const struct chapter	*c;
	const char		*byline;	/* the chapter's, or NULL */
	GHashTable		*order;		/* the chapter's notes → index + 1 */
	int			 quotes;	/* block quotations open */
	GArray			*lists;		/* struct list_state, innermost last */
	const struct node	*text;		/* paragraph or heading being gathered */
	struct runs		 runs;
	char			 marker[16];	/* for an item's first paragraph */
	const struct note	*lead;		/* its number begins the next paragraph */
	gboolean		 indent_next;	/* indent the next paragraph */
	double			 space;		/* above the next block */
	unsigned		 flags;		/* for the next block's first line */
	struct flow		*notes;		/* sets the footnotes; NULL in it */
	gboolean		 alone;		/* a dedication, an epigraph: centred */
};

static void flow_tree(struct flow *, const struct node *);

/* Sets b with what is pending from before it: space, a new page. */
static void
put(struct flow *f, struct block *b, const struct runs *r)
{
	b->space = MAX(b->space, f->space);
	b->flags |= f->flags;
	b->chapter = f->chapter;
	f->space = 0;
	f->flags = 0;
	typeset(f->p, b, r, f->g);
}

/* The same for plain text, as one tagged block. */
static void
put_text(struct flow *f, struct block *b, const char *tag, const char *text)
{
	struct runs r;

	runs_init(&r, b->slant != PANGO_STYLE_NORMAL);
	runs_add(&r, text);
	galley_tag(f->g, tag, NULL, FALSE);
	put(f, b, &r);
	galley_tag(f->g, tag, NULL, TRUE);
	runs_release(&r);
}

/* The left indent of whatever quotations and lists are open. */
static double
nesting(const struct flow *f)
{
	return f->quotes * f->st->quote_indent +
	    f->lists->len * f->st->list_indent;
}

/*
 * A heading for the outline, with a destination for links to it; the
 * destination is also that of what key is in the model (a chapter, a
 * heading), if not NULL, for the links of the text to it.
 */
static void
add_head(struct flow *f, int level, const char *title, const char *dest,
    const void *key)
{
	struct head h = { f->g->lines->len, level, g_strdup(title), "" };
	const char *planned = key != NULL ? g_hash_table_lookup(f->p->dests,
	    key) : NULL;

	if (dest != NULL)
		g_strlcpy(h.dest, dest, sizeof(h.dest));
	else if (planned != NULL)
		g_strlcpy(h.dest, planned, sizeof(h.dest));
	else
		g_snprintf(h.dest, sizeof(h.dest), "h%u", ++f->p->heads);
	g_array_append_val(f->g->heads, h);
	if (key != NULL)
		g_hash_table_insert(f->p->dests, (gpointer)key,
		    g_strdup(h.dest));
}

/* --- footnotes ------------------------------------------------------------ */

/* Sets a note into the notes' galley; returns its index in the footnotes. */
static guint
set_note(struct flow *f, const struct note *note)
{
	struct flow *nf = f->notes;
	struct footnote *fn, init = { note, f->chapter, 0, 0, 0, 0, FALSE };
	guint i = f->p->footnotes->len;

	init.first = nf->g->lines->len;
	init.tags = nf->g->tags->len;
	/* The author's note is referred to from the byline, if any. */
	init.backlink = note->ref != NULL || (note->number == 0 &&
	    f->byline != NULL);
	/* Registered first, so that its own cross-references find it. */
	g_array_append_val(f->p->footnotes, init);
	g_hash_table_insert(f->p->note_index, (gpointer)note,
	    GUINT_TO_POINTER(i + 1));
	nf->chapter = f->chapter;
	nf->lead = note;
	nf->indent_next = TRUE;
	galley_tag(nf->g, "Note", NULL, FALSE);
	if (note->body != NULL)
		flow_tree(nf, note->body);
	if (nf->lead != NULL) {
		/* A note with no paragraph: its number alone. */
		struct runs r;
		struct block b;

		block_init(&b, nf->text_font);
		runs_init(&r, FALSE);
		runs_add_anchor(&r, ANCHOR_BACK, note, NULL, note->mark);
		put(nf, &b, &r);
		runs_release(&r);
		nf->lead = NULL;
	}
	galley_tag(nf->g, "Note", NULL, TRUE);
	fn = &g_array_index(f->p->footnotes, struct footnote, i);
	fn->count = nf->g->lines->len - fn->first;
	fn->ntags = nf->g->tags->len - fn->tags;
	return i;
}

/*
 * Anchors a note to line i of the galley, setting it now.  A note set
 * already (a second reference to it) is only linked to.
 */
static void
anchor(struct flow *f, guint i, const struct note *note)
{
	struct line *ln = GALLEY_LINE(f->g, i);
	guint k;

	if (press_footnote(f->p, note) != NULL)
		return;
	k = set_note(f, note);
	if (ln->nnotes == 0)
		ln->notes = f->g->anchored->len;
	g_array_append_val(f->g->anchored, k);
	ln->nnotes++;
	galley_flag_block(f->g, i, LINE_SPANS);
}

/* Anchors a note and the notes without references that follow it. */
static void
anchor_with_followers(struct flow *f, guint i, const struct note *note)
{
	guint k = GPOINTER_TO_UINT(g_hash_table_lookup(f->order, note));

	anchor(f, i, note);
	for (; k > 0 && k < f->c->notes->len; k++) {
		const struct note *next = g_ptr_array_index(f->c->notes, k);

		if (next->ref != NULL || next->number == 0)
			break;
		anchor(f, i, next);
	}
}

/*
 * The notes whose references the lines from first on hold: each at the
 * line its reference is on.  A second reference to a note only links.
 */
static void
anchor_refs(struct flow *f, guint first)
{
	guint i, j;

	for (i = first; i < f->g->lines->len; i++) {
		const struct line *ln = GALLEY_LINE(f->g, i);
		const GArray *as = ln->para->anchors;
		guint end = i + 1 < f->g->lines->len ?
		    GALLEY_LINE(f->g, i + 1)->start : G_MAXUINT;

		for (j = 0; j < as->len; j++) {
			const struct anchor *a = &g_array_index(as,
			    struct anchor, j);

			if (a->kind == ANCHOR_REF && a->start >= ln->start &&
			    a->start < end && (a->node == NULL ||
			    a->node == a->note->ref))
				anchor_with_followers(f, i, a->note);
		}
	}
}

/* --- blocks --------------------------------------------------------------- */

static void
paragraph_block(const struct flow *f, struct block *b)
{
	const struct style *st = f->st;

	block_init(b, f->quotes > 0 ? f->quote_font : f->text_font);
	b->justify = !f->alone;
	b->left = nesting(f);
	b->right = f->quotes > 0 ? st->quote_indent : 0;
	if (f->alone) {
		/* Short lines: a quotation's, or a sixth of the measure off
		 * each side. */
		b->align = PANGO_ALIGN_CENTER;
		if (f->quotes == 0) {
			b->left += f->p->measure / 6;
			b->right += f->p->measure / 6;
		}
	} else if (f->marker[0] != '\0')
		b->marker = f->marker;
	else if (f->indent_next && f->lists->len == 0)
		b->indent = f->indent;
}

/* Level 2 centred; level 3 (and below) italic, ranged left. */
static void
heading_block(const struct flow *f, struct block *b, int level)
{
	const struct style *st = f->st;

	if (level <= 2) {
		block_init(b, &st->section);
		b->align = PANGO_ALIGN_CENTER;
		b->space = st->body.leading;
	} else {
		block_init(b, &st->subsection);
		b->slant = PANGO_STYLE_ITALIC;
		b->space = st->body.leading / 2;
	}
	b->left = nesting(f);
	b->flags = LINE_KEEP;
}

static void
text_begin(struct flow *f, const struct node *n)
{
	f->text = n;
	runs_init(&f->runs, n->type == NODE_HEADING && n->as.heading.level > 2);
	if (n->type == NODE_PARAGRAPH && f->lead != NULL) {
		char *num = g_strdup_printf("%s%s", f->lead->mark,
		    f->lead->number != 0 ? "." : "");

		runs_add_anchor(&f->runs, ANCHOR_BACK, f->lead, NULL, num);
		runs_add(&f->runs, " ");
		f->lead = NULL;
		g_free(num);
	}
}

/*
 * An item's marker is its label (Lbl), and what follows it the item's
 * body (LBody), as PDF/UA wants a list item: opens both around the
 * marker of the item's first paragraph, if the item has not opened its
 * body already.  Returns whether it did.
 */
static gboolean
label_body(struct flow *f)
{
	struct list_state *ls;

	if (f->lists->len == 0)
		return FALSE;
	ls = &g_array_index(f->lists, struct list_state, f->lists->len - 1);
	if (ls->body)
		return FALSE;
	galley_tag(f->g, "Lbl", NULL, FALSE);
	galley_tag_marker(f->g, "Lbl", TRUE);
	galley_tag_marker(f->g, "LBody", FALSE);
	ls->body = TRUE;
	return TRUE;
}

static void
text_end(struct flow *f)
{
	const struct node *n = f->text;
	int level = n->type == NODE_HEADING ? n->as.heading.level : 0;
	const char *tag = level == 0 ? "P" : level <= 2 ? "H2" : "H3";
	guint first = f->g->lines->len;
	struct block b;

	if (level > 0) {
		char *title = node_text(n);

		heading_block(f, &b, level);
		/* A note's heading has no destination: none is drawn. */
		if (f->notes != NULL)
			add_head(f, MIN(level, 3), title, NULL, n);
		g_free(title);
	} else
		paragraph_block(f, &b);
	b.node = n;
	if (b.marker != NULL && label_body(f))
		galley_tag_marker(f->g, tag, FALSE);
	else
		galley_tag(f->g, tag, NULL, FALSE);
	put(f, &b, &f->runs);
	galley_tag(f->g, tag, NULL, TRUE);
	if (f->notes != NULL)
		anchor_refs(f, first);
	/* Indent only from the second paragraph on; set sections clear. */
	f->indent_next = level == 0;
	f->marker[0] = '\0';
	if (level > 0 && level <= 2)
		f->space = f->st->body.leading / 2;
	runs_release(&f->runs);
	f->text = NULL;
}

/* A scene break: the style's mark centred on a line of its own, never
 * at the head or foot of a page, ornament rather than text.  Its line
 * is the break node's, so that a page it begins begins there in the
 * EPUB too. */
static void
scene_break(struct flow *f, const struct node *n)
{
	struct runs r;
	struct block b;

	block_init(&b, f->text_font);
	b.node = n;
	b.align = PANGO_ALIGN_CENTER;
	b.flags = LINE_KEEP | LINE_HEAD;
	runs_init(&r, FALSE);
	runs_add(&r, f->st->break_mark);
	put(f, &b, &r);
	runs_release(&r);
	f->indent_next = FALSE;
}

/* Code: monospaced, a little smaller, line for line, indented. */
static void
code_block(struct flow *f, const struct node *n)
{
	static char monospace[] = "monospace";
	struct font mono = { monospace, f->quote_font->size * 0.9,
	    f->quote_font->leading };
	char **lines = g_strsplit(n->text != NULL ? n->text : "", "\n", -1);
	guint i, count = g_strv_length(lines);
	struct block b;

	while (count > 1 && lines[count - 1][0] == '\0')
		count--;
	galley_tag(f->g, "P", NULL, FALSE);
	for (i = 0; i < count; i++) {
		block_init(&b, &mono);
		b.code = TRUE;
		b.node = n;
		b.left = nesting(f) + f->indent;
		b.space = i == 0 ? f->st->body.leading / 2 : 0;
		put_text(f, &b, "Span", lines[i]);
	}
	galley_tag(f->g, "P", NULL, TRUE);
	g_strfreev(lines);
	f->space = f->st->body.leading / 2;
	f->indent_next = FALSE;
}

/* Space before and after a quotation or an outermost list. */
static void
open_space(struct flow *f)
{
	f->space = MAX(f->space, f->st->body.leading / 2);
	f->indent_next = FALSE;
}

static void
list_event(struct flow *f, enum iter_event ev, const struct node *n)
{
	struct list_state ls = { n->as.list.ordered, n->as.list.start, FALSE };

	galley_tag(f->g, "L", NULL, ev == ITER_EXIT);
	if (ev == ITER_ENTER) {
		if (f->lists->len == 0)
			open_space(f);
		g_array_append_val(f->lists, ls);
		return;
	}
	g_array_set_size(f->lists, f->lists->len - 1);
	if (f->lists->len == 0)
		open_space(f);
}

/*
 * An item: its marker is set with its first paragraph, where its body
 * opens (label_body); an item that begins with something else opens its
 * body at once, the marker left in it.
 */
static void
item_event(struct flow *f, enum iter_event ev, const struct node *n)
{
	struct list_state *ls = f->lists->len == 0 ? NULL :
	    &g_array_index(f->lists, struct list_state, f->lists->len - 1);

	if (ev == ITER_EXIT) {
		if (ls != NULL && ls->body)
			galley_tag(f->g, "LBody", NULL, TRUE);
		galley_tag(f->g, "LI", NULL, TRUE);
		return;
	}
	galley_tag(f->g, "LI", NULL, FALSE);
	if (ls == NULL)
		return;		/* an item outside a list: no marker */
	ls->body = n->first == NULL || n->first->type != NODE_PARAGRAPH;
	if (ls->body)
		galley_tag(f->g, "LBody", NULL, FALSE);
	/* With a space after it, read out apart from the item's text. */
	if (ls->ordered)
		g_snprintf(f->marker, sizeof(f->marker), "%d. ", ls->next++);
	else
		g_strlcpy(f->marker, "\xe2\x80\xa2 ", sizeof(f->marker));	/* • */
}

/* --- tables -------------------------------------------------------------- */

/* A cell's inlines, as runs: the head's in italic, emphasis roman. */
static void
cell_runs(struct runs *r, const struct node *cell)
{
	struct citer it;

	runs_init(r, cell->parent->as.row.head);
	citer_init(&it, cell);
	while (citer_next(&it) != ITER_NONE)
		runs_event(r, it.ev, it.cur);
}

/* Cell k of a row: in its column, as its column is aligned, not
 * justified; the head's in italic. */
static void
cell_block(const struct flow *f, const struct grid *gr, guint k,
    const struct node *cell, struct block *b)
{
	block_init(b, f->quotes > 0 ? f->quote_font : f->text_font);
	b->exact = TRUE;
	b->left = gr->x[k];
	b->right = f->p->measure - gr->x[k] - gr->w[k];
	b->align = cell->as.cell.align == ALIGN_CENTER ? PANGO_ALIGN_CENTER :
	    cell->as.cell.align == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT :
	    PANGO_ALIGN_LEFT;
	if (cell->parent->as.row.head)
		b->slant = PANGO_STYLE_ITALIC;
	b->node = cell;
}

/* The columns of a table, from its cells' natural widths. */
static void
columns(struct flow *f, const struct node *t, struct grid *gr)
{
	GArray *widths = g_array_new(FALSE, FALSE, sizeof(double));
	GArray *least = g_array_new(FALSE, FALSE, sizeof(double));
	double left = nesting(f), right = f->quotes > 0 ?
	    f->st->quote_indent : 0;
	const struct node *row, *cell;
	struct grid probe = { 1, &left, &left, 0 };
	guint cols = 0;

	for (cell = t->first != NULL ? t->first->first : NULL; cell != NULL;
	    cell = cell->next)
		cols++;
	for (row = t->first; row != NULL; row = row->next)
		for (cell = row->first; cell != NULL; cell = cell->next) {
			struct runs r;
			struct block b;
			struct para *pa;
			double w;

			cell_block(f, &probe, 0, cell, &b);
			cell_runs(&r, cell);
			pa = typeset_side(f->p, &b, r.text->str);
			w = para_width(pa);
			g_array_append_val(widths, w);
			w = para_widest_word(pa);
			g_array_append_val(least, w);
			para_unref(pa);
			runs_release(&r);
		}
	grid_init(gr, MAX(cols, 1), widths, least, left,
	    f->p->measure - left - right,
	    f->st->body.size, (f->quotes > 0 ? f->quote_font :
	    f->text_font)->leading);
	g_array_free(widths, TRUE);
	g_array_free(least, TRUE);
}

/*
 * A table: each row a block of cells side by side in their columns
 * (grid.h), tagged Table, TR, TH (the head's) and TD; the head row kept
 * with the row after it.
 */
static void
table(struct flow *f, const struct node *t)
{
	GArray *starts = g_array_new(FALSE, FALSE, sizeof(guint));
	const struct node *row, *cell;
	struct grid gr;

	columns(f, t, &gr);
	open_space(f);
	galley_tag(f->g, "Table", NULL, FALSE);
	for (row = t->first; row != NULL; row = row->next) {
		const char *tag = row->as.row.head ? "TH" : "TD";
		guint first = f->g->lines->len, k = 0;

		g_array_set_size(starts, 0);
		galley_tag(f->g, "TR", NULL, FALSE);
		for (cell = row->first; cell != NULL; cell = cell->next, k++) {
			struct runs r;
			struct block b;

			g_array_append_val(starts, f->g->lines->len);
			cell_block(f, &gr, k, cell, &b);
			cell_runs(&r, cell);
			galley_tag(f->g, tag, NULL, FALSE);
			put(f, &b, &r);
			galley_tag(f->g, tag, NULL, TRUE);
			runs_release(&r);
		}
		galley_tag(f->g, "TR", NULL, TRUE);
		f->space = grid_row(&gr, f->g, first, starts);
		if (row->as.row.head && row->next != NULL)
			GALLEY_LINE(f->g, f->g->lines->len - 1)->flags |=
			    LINE_KEEP;
		if (f->notes != NULL)
			anchor_refs(f, first);
	}
	galley_tag(f->g, "Table", NULL, TRUE);
	f->space += f->st->body.leading / 2;	/* below the deepest cell */
	f->indent_next = FALSE;
	grid_release(&gr);
	g_array_free(starts, TRUE);
}

/* Sets every block under root. */
static void
flow_tree(struct flow *f, const struct node *root)
{
	struct citer it;
	enum iter_event ev;

	citer_init(&it, root);
	while ((ev = citer_next(&it)) != ITER_NONE) {
		const struct node *n = it.cur;

		switch (n->type) {
		case NODE_PARAGRAPH:
		case NODE_HEADING:
			if (ev == ITER_ENTER && f->text == NULL)
				text_begin(f, n);
			else if (ev == ITER_EXIT && f->text == n)
				text_end(f);
			break;
		case NODE_BLOCKQUOTE:
			f->quotes += ev == ITER_ENTER ? 1 : -1;
			galley_tag(f->g, "BlockQuote", NULL, ev == ITER_EXIT);
			open_space(f);
			break;
		case NODE_DIV:
			/* A passage in another language: its blocks' Div. */
			if (ev == ITER_ENTER)
				galley_tag_lang(f->g, "Div", n->as.lang);
			else
				galley_tag(f->g, "Div", NULL, TRUE);
			break;
		case NODE_LIST:
			list_event(f, ev, n);
			break;
		case NODE_ITEM:
			item_event(f, ev, n);
			break;
		case NODE_BREAK:
			scene_break(f, n);
			break;
		case NODE_CODEBLOCK:
			code_block(f, n);
			break;
		case NODE_TABLE:
			if (ev == ITER_ENTER)
				table(f, n);
			break;
		case NODE_DOCUMENT:
		case NODE_ROW:
		case NODE_CELL:
			break;
		default:
			if (f->text != NULL)
				runs_event(&f->runs, ev, n);
			break;
		}
	}
}

/* --- the chapter's head ------------------------------------------------- */

/* One centred line (or lines) of the head, if the metadata has it. */
static void
head_line(struct flow *f, const char *text, const struct font *font,
    PangoStyle slant, PangoVariant variant, double space)
{
	struct block b;

	if (text == NULL)
		return;
	block_init(&b, font);
	b.slant = slant;
	b.variant = variant;
	b.align = PANGO_ALIGN_CENTER;
	b.space = space;
	b.flags = LINE_KEEP;
	put_text(f, &b, "P", text);
}

/* The author, with the mark of the author's note if there is one. */
static void
byline(struct flow *f, const struct chapter *c)
{
	const struct note *note = chapter_author_note(c);
	guint first = f->g->lines->len;
	struct runs r;
	struct block b;

	block_init(&b, &f->st->body);
	b.variant = PANGO_VARIANT_SMALL_CAPS;
	b.align = PANGO_ALIGN_CENTER;
	b.space = f->st->body.leading;
	b.flags = LINE_KEEP;
	runs_init(&r, FALSE);
	runs_add(&r, f->byline);
	if (note != NULL)
		runs_add_noteref(&r, note, NULL);
	galley_tag(f->g, "P", NULL, FALSE);
	put(f, &b, &r);
	galley_tag(f->g, "P", NULL, TRUE);
	runs_release(&r);
	if (note != NULL)
		anchor(f, first, note);
}

/* Label, title, subtitle, author and source, sunk on a new recto (or a
 * new page, if the style says chapters open on any). */
static void
chapter_head(struct flow *f, const struct chapter *c)
{
	const struct style *st = f->st;
	char dest[16], *src = cite_source(&c->meta);
	char *tr = credits_translation(f->p->credits, c);
	char *entry = title_contents(c);
	guint first = f->g->lines->len, i;
	struct block b;

	f->flags = st->opening == OPENS_RECTO ? LINE_NEW_RECTO : LINE_NEW_PAGE;
	f->space = st->sink;
	g_snprintf(dest, sizeof(dest), "c%d", f->chapter + 1);
	add_head(f, 1, entry, dest, c);
	head_line(f, title_label(c), &st->section, PANGO_STYLE_NORMAL,
	    PANGO_VARIANT_SMALL_CAPS, 0);
	block_init(&b, &st->chapter);
	b.align = PANGO_ALIGN_CENTER;
	b.flags = LINE_KEEP;
	put_text(f, &b, "H1", title_of(c));
	head_line(f, c->meta.subtitle, &st->section, PANGO_STYLE_ITALIC,
	    PANGO_VARIANT_NORMAL, st->body.leading / 2);
	if (f->byline != NULL)
		byline(f, c);
	head_line(f, c->meta.affiliation, &st->quote, PANGO_STYLE_ITALIC,
	    PANGO_VARIANT_NORMAL, 0);
	head_line(f, src, &st->quote, PANGO_STYLE_ITALIC, PANGO_VARIANT_NORMAL,
	    st->body.leading);
	head_line(f, tr, &st->quote, PANGO_STYLE_ITALIC, PANGO_VARIANT_NORMAL,
	    src != NULL ? 0 : st->body.leading);
	head_line(f, c->meta.dedication, &st->body, PANGO_STYLE_ITALIC,
	    PANGO_VARIANT_NORMAL, 2 * st->body.leading);
	/* Notes that no reference places: the author's without a byline,
	 * and those before the first reference, go with the title. */
	for (i = 0; i < c->notes->len; i++) {
		const struct note *n = g_ptr_array_index(c->notes, i);

		if (n->ref != NULL)
			break;
		if (n->number != 0 || f->byline == NULL)
			anchor(f, first, n);
	}
	f->space = 2 * st->body.leading;
	f->indent_next = FALSE;
	g_free(src);
	g_free(tr);
	g_free(entry);
}

/*
 * A dedication or an epigraph: no heading, its text centred a third of
 * the way down a recto of its own.
 */
static void
alone_head(struct flow *f)
{
	f->flags = LINE_NEW_RECTO;
	f->space = f->p->depth / 3;
	f->indent_next = FALSE;
}

/* The editor's introduction: headed, in the quotations' smaller type. */
static void
preface(struct flow *f, const struct node *doc)
{
	const struct font *text = f->text_font;
	struct block b;

	galley_tag(f->g, "Sect", NULL, FALSE);
	block_init(&b, &f->st->quote);
	b.variant = PANGO_VARIANT_SMALL_CAPS;
	b.align = PANGO_ALIGN_CENTER;
	b.flags = LINE_KEEP;
	add_head(f, 2, word(WORD_PREFACE), NULL, NULL);
	put_text(f, &b, "H2", word(WORD_PREFACE));
	f->space = f->st->quote.leading / 2;
	f->text_font = &f->st->quote;
	f->indent_next = FALSE;
	flow_tree(f, doc);
	f->text_font = text;
	galley_tag(f->g, "Sect", NULL, TRUE);
	f->space = 2 * f->st->body.leading;
	f->indent_next = FALSE;
}

/* Notes of the chapter no line took: at its end, rather than lost. */
static void
anchor_rest(struct flow *f, const struct chapter *c)
{
	guint i;

	for (i = 0; i < c->notes->len; i++) {
		const struct note *n = g_ptr_array_index(c->notes, i);

		if (press_footnote(f->p, n) == NULL)
			anchor(f, f->g->lines->len - 1, n);
	}
}

static void
flow_init(struct flow *f, struct press *p, struct galley *g,
    const struct font *text, const struct font *quote, double indent)
{
	memset(f, 0, sizeof(*f));
	f->p = p;
	f->st = p->st;
	f->g = g;
	f->text_font = text;
	f->quote_font = quote;
	f->indent = indent;
	f->lists = g_array_new(FALSE, FALSE, sizeof(struct list_state));
}

void
flow_chapters(struct press *p, const struct edition *e, guint from, guint to,
    struct galley *g, GArray *starts)
{
	const struct style *st = p->st;
	struct flow f, notes;
	guint i, j;

	flow_init(&f, p, g, &st->body, &st->quote, st->indent);
	flow_init(&notes, p, p->notes, &st->note, &st->note,
	    st->indent * st->note.size / st->body.size);
	f.notes = &notes;
	for (i = from; i < to; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);
		guint start = g->lines->len;

		g_array_append_val(starts, start);
		f.chapter = (int)i;
		f.c = c;
		press_language(p, c->language);
		f.byline = credits_byline(p->credits, c);
		f.order = g_hash_table_new(g_direct_hash, g_direct_equal);
		for (j = 0; j < c->notes->len; j++)
			g_hash_table_insert(f.order, g_ptr_array_index(c->notes,
			    j), GUINT_TO_POINTER(j + 1));
		galley_tag_lang(g, "Sect", c->language);
		f.alone = matter_alone(c);
		if (f.alone)
			alone_head(&f);
		else
			chapter_head(&f, c);
		if (c->preface != NULL)
			preface(&f, c->preface);
		if (c->doc != NULL)
			flow_tree(&f, c->doc);
		anchor_rest(&f, c);
		galley_tag(g, "Sect", NULL, TRUE);
		g_array_set_size(f.lists, 0);
		f.quotes = 0;
		g_hash_table_destroy(f.order);
	}
	press_language(p, NULL);
	g_array_free(f.lists, TRUE);
	g_array_free(notes.lists, TRUE);
}

/* Adds to set every heading of tree (NULL: none). */
static void
headings_of(const struct node *tree, GHashTable *set)
{
	struct citer it;

	if (tree == NULL)
		return;
	citer_init(&it, tree);
	while (citer_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && it.cur->type == NODE_HEADING)
			g_hash_table_add(set, (gpointer)it.cur);
}

/* Names the destination of every link of tree to a heading of texts. */
static void
link_targets(struct press *p, const struct node *tree, GHashTable *texts,
    guint *n)
{
	const struct node *to;
	struct citer it;

	if (tree == NULL)
		return;
	citer_init(&it, tree);
	while (citer_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && it.cur->type == NODE_LINK &&
		    (to = it.cur->as.link->heading) != NULL &&
		    g_hash_table_contains(texts, to) &&
		    !g_hash_table_contains(p->dests, to))
			g_hash_table_insert(p->dests, (gpointer)to,
			    g_strdup_printf("t%u", ++*n));
}

void
flow_dests(struct press *p, const struct edition *e)
{
	GHashTable *texts = g_hash_table_new(g_direct_hash, g_direct_equal);
	guint i, k, n = 0;

	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);

		if (!matter_alone(c))
			g_hash_table_insert(p->dests, (gpointer)c,
			    g_strdup_printf("c%u", i + 1));
		headings_of(c->preface, texts);
		headings_of(c->doc, texts);
	}
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);

		for (k = 0; k < chapter_trees(c); k++)
			link_targets(p, chapter_tree(c, k), texts, &n);
	}
	g_hash_table_destroy(texts);
}
