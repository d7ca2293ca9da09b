/*
 * flow.c — giving each block of a chapter its shape.
 *
 * One walk over the tree, with the iterator: a paragraph's or heading's
 * inlines are gathered into runs between its ENTER and its EXIT, and the
 * block is set at the EXIT.  What the walk is inside of (quotations,
 * lists) is counted, not recursed into, so any depth is safe; indents
 * stop growing when only a third of the measure is left (typeset.c).
 */
#include "flow.h"
#include "runs.h"
#include "typeset.h"

struct list_state {
	gboolean	 ordered;
	int		 next;		/* the next item's number */
};

struct flow {
	const struct press	*p;
	const struct style	*st;
	GArray			*galley;
	int			 chapter;
	int			 quotes;	/* block quotations open */
	GArray			*lists;		/* struct list_state, innermost last */
	const struct node	*text;		/* paragraph or heading being gathered */
	struct runs		 runs;
	char			 marker[16];	/* for an item's first paragraph */
	gboolean		 hang;		/* this paragraph hangs a marker */
	gboolean		 indent;	/* indent the next paragraph */
	double			 space;		/* above the next block */
	unsigned		 flags;		/* for the next block's first line */
};

/* Sets b with what is pending from before it: space, a new page. */
static void
put(struct flow *f, struct block *b, const char *text, PangoAttrList *attrs)
{
	b->space = MAX(b->space, f->space);
	b->flags |= f->flags;
	b->chapter = f->chapter;
	f->space = 0;
	f->flags = 0;
	typeset(f->p, b, text, attrs, f->galley);
}

/* The left indent of whatever quotations and lists are open. */
static double
nesting(const struct flow *f)
{
	return f->quotes * f->st->quote_indent +
	    f->lists->len * f->st->list_indent;
}

static void
paragraph_block(const struct flow *f, struct block *b)
{
	const struct style *st = f->st;

	block_init(b, f->quotes > 0 ? &st->quote : &st->body);
	b->justify = TRUE;
	b->left = nesting(f);
	b->right = f->quotes > 0 ? st->quote_indent : 0;
	if (f->hang) {
		/* "1.<tab>text": the marker out in the list's indent. */
		b->left -= st->list_indent;
		b->indent = -st->list_indent;
		b->tab = st->list_indent;
	} else if (f->indent && f->lists->len == 0)
		b->indent = st->indent;
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
	f->hang = FALSE;
	if (n->type == NODE_PARAGRAPH && f->marker[0] != '\0') {
		g_string_append_printf(f->runs.text, "%s\t", f->marker);
		f->hang = TRUE;
	}
	f->marker[0] = '\0';
}

static void
text_end(struct flow *f)
{
	const struct node *n = f->text;
	PangoAttrList *attrs = runs_attrs(&f->runs);
	struct block b;

	if (n->type == NODE_HEADING)
		heading_block(f, &b, n->as.heading.level);
	else
		paragraph_block(f, &b);
	put(f, &b, f->runs.text->str, attrs);
	/* Indent only from the second paragraph on; set sections clear. */
	f->indent = n->type == NODE_PARAGRAPH;
	if (n->type == NODE_HEADING && n->as.heading.level <= 2)
		f->space = f->st->body.leading / 2;
	pango_attr_list_unref(attrs);
	runs_release(&f->runs);
	f->text = NULL;
}

/* A scene break: the style's mark centred on a line of its own. */
static void
scene_break(struct flow *f)
{
	struct block b;

	block_init(&b, &f->st->body);
	b.align = PANGO_ALIGN_CENTER;
	put(f, &b, f->st->break_mark, NULL);
	f->indent = FALSE;
}

/* Code: monospaced, a little smaller, line for line, indented. */
static void
code_block(struct flow *f, const struct node *n)
{
	struct font mono = { (char *)"monospace", f->st->quote.size * 0.9,
	    f->st->quote.leading };
	char *text = g_strdup(n->text != NULL ? n->text : "");
	struct block b;

	block_init(&b, &mono);
	b.code = TRUE;
	b.left = nesting(f) + f->st->indent;
	b.space = f->st->body.leading / 2;
	put(f, &b, g_strchomp(text), NULL);
	g_free(text);
	f->space = f->st->body.leading / 2;
	f->indent = FALSE;
}

/* Space before and after a quotation or an outermost list. */
static void
open_space(struct flow *f)
{
	f->space = MAX(f->space, f->st->body.leading / 2);
	f->indent = FALSE;
}

static void
list_event(struct flow *f, enum iter_event ev, const struct node *n)
{
	struct list_state ls = { n->as.list.ordered, n->as.list.start };

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

static void
item_begin(struct flow *f)
{
	struct list_state *ls;

	if (f->lists->len == 0)
		return;		/* an item outside a list: no marker */
	ls = &g_array_index(f->lists, struct list_state, f->lists->len - 1);
	if (ls->ordered)
		g_snprintf(f->marker, sizeof(f->marker), "%d.", ls->next++);
	else
		g_strlcpy(f->marker, "\xe2\x80\xa2", sizeof(f->marker));	/* • */
}

/* Sets every block under root. */
static void
flow_tree(struct flow *f, struct node *root)
{
	struct iter it;
	enum iter_event ev;

	iter_init(&it, root);
	while ((ev = iter_next(&it)) != ITER_NONE) {
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
			open_space(f);
			break;
		case NODE_LIST:
			list_event(f, ev, n);
			break;
		case NODE_ITEM:
			if (ev == ITER_ENTER)
				item_begin(f);
			break;
		case NODE_BREAK:
			scene_break(f);
			break;
		case NODE_CODEBLOCK:
			code_block(f, n);
			break;
		case NODE_DOCUMENT:
			break;
		default:
			if (f->text != NULL)
				runs_event(&f->runs, ev, n);
			break;
		}
	}
}

/* One line of the chapter's head, if the metadata has it. */
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
	put(f, &b, text, NULL);
}

/* Title, subtitle and author, sunk on a new recto. */
static void
chapter_head(struct flow *f, const struct chapter *c)
{
	const struct style *st = f->st;

	f->flags = LINE_NEW_RECTO;
	f->space = st->sink;
	head_line(f, c->meta.title, &st->chapter, PANGO_STYLE_NORMAL,
	    PANGO_VARIANT_NORMAL, 0);
	head_line(f, c->meta.subtitle, &st->section, PANGO_STYLE_ITALIC,
	    PANGO_VARIANT_NORMAL, st->body.leading / 2);
	head_line(f, c->meta.author, &st->body, PANGO_STYLE_NORMAL,
	    PANGO_VARIANT_SMALL_CAPS, st->body.leading);
	f->space = 2 * st->body.leading;
	f->indent = FALSE;
}

void
flow_chapters(const struct press *p, const struct edition *e, GArray *galley,
    GArray *starts)
{
	struct flow f = { 0 };
	guint i;

	f.p = p;
	f.st = p->st;
	f.galley = galley;
	f.lists = g_array_new(FALSE, FALSE, sizeof(struct list_state));
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);
		guint start = galley->len;

		g_array_append_val(starts, start);
		f.chapter = (int)i;
		chapter_head(&f, c);
		if (c->preface != NULL) {
			/* The editor's introduction: set as a quotation. */
			f.quotes = 1;
			flow_tree(&f, c->preface);
			f.quotes = 0;
			f.space = 2 * f.st->body.leading;
			f.indent = FALSE;
		}
		if (c->doc != NULL)
			flow_tree(&f, c->doc);
		g_array_set_size(f.lists, 0);
		f.quotes = 0;
	}
	g_array_free(f.lists, TRUE);
}
