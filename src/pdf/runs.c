/*
 * runs.c — turning inline nodes into text and attribute spans.
 *
 * A span is recorded when its node is entered and closed when it is
 * left; runs_attrs inserts them in the order they opened, so an inner
 * span, inserted after the outer one it shares a start with, wins.
 */
#include <string.h>

#include "runs.h"

/* One styled stretch of the text, in bytes. */
struct span {
	enum node_type	 type;
	guint		 start, end;
	gboolean	 italic;	/* for NODE_EMPH */
};

void
runs_init(struct runs *r, gboolean italic)
{
	r->text = g_string_new(NULL);
	r->spans = g_array_new(FALSE, FALSE, sizeof(struct span));
	r->open = g_array_new(FALSE, FALSE, sizeof(guint));
	r->italic = italic;
	r->emph = 0;
}

void
runs_release(struct runs *r)
{
	g_string_free(r->text, TRUE);
	g_array_free(r->spans, TRUE);
	g_array_free(r->open, TRUE);
}

/* Text as it will be set: a line end or tab inside a text node is a space. */
static void
runs_add(struct runs *r, const char *s)
{
	gsize from = r->text->len;

	g_string_append(r->text, s);
	for (; from < r->text->len; from++)
		if (r->text->str[from] == '\n' || r->text->str[from] == '\r' ||
		    r->text->str[from] == '\t')
			r->text->str[from] = ' ';
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

/* A leaf in a span of its own: code, a note's number. */
static void
span_leaf(struct runs *r, enum node_type type, const char *s)
{
	span_open(r, type);
	runs_add(r, s);
	span_close(r);
}

void
runs_event(struct runs *r, enum iter_event ev, const struct node *n)
{
	char num[16];

	switch (n->type) {
	case NODE_TEXT:
		runs_add(r, n->text);
		break;
	case NODE_SOFTBREAK:
		runs_add(r, " ");
		break;
	case NODE_LINEBREAK:
		g_string_append(r->text, "\xe2\x80\xa8");	/* U+2028 */
		break;
	case NODE_CODE:
		span_leaf(r, NODE_CODE, n->text);
		break;
	case NODE_NOTEREF:
		if (n->as.noteref.note == NULL)
			break;
		g_snprintf(num, sizeof(num), "%d", n->as.noteref.note->number);
		span_leaf(r, NODE_NOTEREF, num);
		break;
	case NODE_EMPH:
		if (ev == ITER_ENTER) {
			r->emph++;
			span_open(r, NODE_EMPH);
		} else {
			r->emph--;
			span_close(r);
		}
		break;
	case NODE_STRONG:
		if (ev == ITER_ENTER)
			span_open(r, NODE_STRONG);
		else
			span_close(r);
		break;
	default:
		break;	/* links are set as their text; blocks are the caller's */
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

PangoAttrList *
runs_attrs(const struct runs *r)
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
			insert(list, pango_attr_font_scale_new(
			    PANGO_FONT_SCALE_SUPERSCRIPT), sp, len);
			insert(list, pango_attr_baseline_shift_new(
			    PANGO_BASELINE_SHIFT_SUPERSCRIPT), sp, len);
			break;
		default:
			break;
		}
	}
	return list;
}
