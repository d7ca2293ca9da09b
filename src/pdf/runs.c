/*
 * runs.c — turning inline nodes into text, attribute spans and anchors.
 *
 * A span is recorded when its node is entered and closed when it is
 * left; runs_attrs inserts them in the order they opened, so an inner
 * span, inserted after the outer one it shares a start with, wins.
 * Every stretch of text copied from the model is noted with its offset
 * in node_text, so the page map can say where a line begins.
 */
#include <string.h>

#include "bytes.h"
#include "runs.h"

/* One styled stretch of the text, in bytes. */
struct span {
	enum node_type	 type;
	guint		 start, end;
	gboolean	 italic;	/* for NODE_EMPH */
};

/* Text from at on was copied from node_text's src on, len bytes of it. */
struct srcmap {
	guint		 at, len;
	gsize		 src;
};

void
runs_init(struct runs *r, gboolean italic)
{
	r->text = g_string_new(NULL);
	r->spans = g_array_new(FALSE, FALSE, sizeof(struct span));
	r->open = g_array_new(FALSE, FALSE, sizeof(guint));
	r->anchors = g_array_new(FALSE, FALSE, sizeof(struct anchor));
	r->breaks = g_array_new(FALSE, FALSE, sizeof(guint));
	r->map = g_array_new(FALSE, FALSE, sizeof(struct srcmap));
	r->src = 0;
	r->italic = italic;
	r->emph = 0;
}

void
runs_release(struct runs *r)
{
	g_string_free(r->text, TRUE);
	g_array_free(r->spans, TRUE);
	g_array_free(r->open, TRUE);
	g_array_free(r->anchors, TRUE);
	g_array_free(r->breaks, TRUE);
	g_array_free(r->map, TRUE);
}

/*
 * len bytes of s, as they will be set: a line end or tab is a space, of
 * one byte.
 */
static void
add_len(struct runs *r, const char *s, gsize len)
{
	gsize from = r->text->len;

	g_string_append_len(r->text, s, (gssize)len);
	for (; from < r->text->len; from++)
		if (r->text->str[from] == '\n' || r->text->str[from] == '\r' ||
		    r->text->str[from] == '\t')
			r->text->str[from] = ' ';
}

void
runs_add(struct runs *r, const char *s)
{
	add_len(r, s, strlen(s));
}

/* Text copied from the model: as runs_add, and mapped to its source. */
static void
add_source(struct runs *r, const char *s, gsize len)
{
	struct srcmap m = { (guint)r->text->len, (guint)len, r->src };

	add_len(r, s, len);
	g_array_append_val(r->map, m);
	r->src += m.len;
}

void
runs_add_anchor(struct runs *r, enum anchor_kind kind,
    const struct note *note, const struct node *node, const char *s)
{
	struct anchor a = { kind, (guint)r->text->len, 0, { node }, note, 0 };

	runs_add(r, s);
	a.end = (guint)r->text->len;
	g_array_append_val(r->anchors, a);
}

void
runs_add_page(struct runs *r, int page, const char *s)
{
	runs_add_anchor(r, ANCHOR_PAGE, NULL, NULL, s);
	g_array_index(r->anchors, struct anchor, r->anchors->len - 1).page =
	    page;
}

static void
span_open(struct runs *r, enum node_type type)
{
	struct span sp = { type, (guint)r->text->len, G_MAXUINT, FALSE };
	guint i = r->spans->len;

	if (type == NODE_EMPH)
		sp.italic = r->italic ^ (r->emph % 2 == 1);
	g_array_append_val(r->spans, sp);
	g_array_append_val(r->open, i);
}

static void
span_close(struct runs *r)
{
	guint i;

	if (r->open->len == 0)
		return;
	i = g_array_index(r->open, guint, r->open->len - 1);
	g_array_set_size(r->open, r->open->len - 1);
	g_array_index(r->spans, struct span, i).end = (guint)r->text->len;
}

void
runs_emph(struct runs *r, gboolean begin)
{
	if (begin) {
		r->emph++;
		span_open(r, NODE_EMPH);
	} else {
		r->emph--;
		span_close(r);
	}
}

void
runs_add_noteref(struct runs *r, const struct note *note,
    const struct node *node)
{
	span_open(r, NODE_NOTEREF);
	runs_add_anchor(r, ANCHOR_REF, note, node, note->mark);
	span_close(r);
}

/*
 * An anchor of kind over node n's text: opened when n is entered, and
 * closed when it is left.
 */
static void
anchor_over(struct runs *r, enum anchor_kind kind, enum iter_event ev,
    const struct node *n)
{
	struct anchor a = { kind, (guint)r->text->len, G_MAXUINT, { n }, NULL,
	    0 };
	struct anchor *opened;
	guint i;

	if (ev == ITER_ENTER) {
		g_array_append_val(r->anchors, a);
		return;
	}
	/* Its kind first: a mark's anchor holds a mark, not a node. */
	for (i = r->anchors->len; i-- > 0;) {
		opened = &g_array_index(r->anchors, struct anchor, i);
		if (opened->kind == kind && opened->node == n) {
			opened->end = a.start;
			return;
		}
	}
}

/* A reference or cross-reference: the number of the note, if it has one. */
static void
noteref(struct runs *r, const struct node *n)
{
	const struct note *note = n->as.noteref.note;

	if (note == NULL)
		return;
	if (n->type == NODE_NOTEREF)
		runs_add_noteref(r, note, n);
	else
		runs_add_anchor(r, ANCHOR_XREF, note, n, note->mark);
}

/*
 * A text node: its text, with an ANCHOR_MARK, which covers no text,
 * where each of its index marks falls.  The text is copied a stretch
 * between marks at a time, none empty but the last.
 */
static void
text(struct runs *r, const struct node *n)
{
	const struct index_mark *const *m;
	guint done = 0;

	for (m = node_marks(n); *m != NULL; m++) {
		struct anchor a = { .kind = ANCHOR_MARK, .mark = *m };

		if ((*m)->offset > done)
			add_source(r, n->text + done, (*m)->offset - done);
		done = (*m)->offset;
		a.start = a.end = (guint)r->text->len;
		g_array_append_val(r->anchors, a);
	}
	add_source(r, n->text + done, strlen(n->text + done));
}

void
runs_event(struct runs *r, enum iter_event ev, const struct node *n)
{
	guint at;

	switch (n->type) {
	case NODE_TEXT:
		text(r, n);
		break;
	case NODE_SOFTBREAK:
		add_source(r, " ", 1);
		break;
	case NODE_LINEBREAK:
		at = (guint)r->text->len;
		g_array_append_val(r->breaks, at);
		add_source(r, " ", 1);
		break;
	case NODE_CODE:
		span_open(r, NODE_CODE);
		add_source(r, n->text, strlen(n->text));
		span_close(r);
		break;
	case NODE_NOTEREF:
	case NODE_XREF:
		noteref(r, n);
		break;
	case NODE_EMPH:
		runs_emph(r, ev == ITER_ENTER);
		break;
	case NODE_STRONG:
		if (ev == ITER_ENTER)
			span_open(r, NODE_STRONG);
		else
			span_close(r);
		break;
	case NODE_LINK:
		/* Links do not nest, and hold no note reference (links.c);
		 * one set as its text only is no anchor. */
		if (!n->as.link->text_only && n->as.link->url != NULL)
			anchor_over(r, ANCHOR_URL, ev, n);
		break;
	case NODE_SPAN:
		/* A passage in another language; what it holds (a link, a
		 * note's number) has anchors of its own within it. */
		anchor_over(r, ANCHOR_LANG, ev, n);
		break;
	default:
		break;	/* blocks are the caller's */
	}
}

/* Inserts attribute a over the span; a span left open runs to the end. */
static void
insert(PangoAttrList *list, PangoAttribute *a, const struct span *sp,
    guint len)
{
	a->start_index = sp->start;
	a->end_index = sp->end == G_MAXUINT ? len : sp->end;
	pango_attr_list_insert(list, a);
}

void
runs_attrs_key(const struct runs *r, GString *out)
{
	bytes_put_counted(out, r->spans->data,
	    r->spans->len * sizeof(struct span));
}

PangoAttrList *
runs_attrs(const struct runs *r, double size)
{
	PangoAttrList *list = pango_attr_list_new();
	guint i, len = (guint)r->text->len;

	for (i = 0; i < r->spans->len; i++) {
		const struct span *sp = &g_array_index(r->spans, struct span, i);

		switch (sp->type) {
		case NODE_EMPH:
			insert(list, pango_attr_style_new(sp->italic ?
			    PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL), sp, len);
			break;
		case NODE_STRONG:
			insert(list, pango_attr_weight_new(PANGO_WEIGHT_BOLD),
			    sp, len);
			break;
		case NODE_CODE:
			insert(list, pango_attr_family_new("monospace"), sp, len);
			insert(list, pango_attr_scale_new(0.85), sp, len);
			break;
		case NODE_NOTEREF:
			/* Superior figures: smaller, their tops at the caps'. */
			insert(list, pango_attr_scale_new(0.7), sp, len);
			insert(list, pango_attr_rise_new((int)(size * 0.33 *
			    PANGO_SCALE)), sp, len);
			break;
		default:
			break;
		}
	}
	return list;
}

gsize
runs_source(const struct runs *r, guint at)
{
	const struct srcmap *m = (const struct srcmap *)(void *)r->map->data;
	guint lo = 0, hi = r->map->len;

	/* The last stretch that begins at or before at. */
	while (lo < hi) {
		guint mid = (lo + hi) / 2;

		if (m[mid].at <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	m += lo - 1;
	return m->src + MIN(at - m->at, m->len);
}
