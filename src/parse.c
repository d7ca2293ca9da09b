/*
 * parse.c — the parse stage: cmark reads the CommonMark, and its tree is
 * copied into ours, so no later stage depends on cmark.
 */
#include <string.h>

#define CMARK_NO_SHORT_NAMES
#include <cmark.h>

#include "parse.h"

/* Source position of a cmark node, mapped through the normalizer's lines. */
static struct srcpos
position(const struct chapter *c, const GArray *srcline, cmark_node *cn,
    struct srcpos inherited)
{
	int line = cmark_node_get_start_line(cn);
	struct srcpos pos = inherited;

	if (line > 0 && (guint)line <= srcline->len) {
		pos.line = g_array_index(srcline, int, line - 1);
		pos.col = cmark_node_get_start_column(cn);
		if (c->format == FORMAT_TEXT)
			pos.col = 1;	/* escapes shifted the columns */
	}
	return pos;
}

/* Appends text to parent, merging with a text node already last there. */
static void
append_text(struct node *parent, struct srcpos pos, const char *s)
{
	struct node *last = parent->last;

	if (last != NULL && last->type == NODE_TEXT) {
		char *joined = g_strconcat(last->text, s, NULL);

		g_free(last->text);
		last->text = joined;
		return;
	}
	node_append(parent, node_new_text(NODE_TEXT, pos, s, -1));
}

/* Our node for a cmark container, or NULL if it has no counterpart. */
static struct node *
container(cmark_node *cn, struct srcpos pos)
{
	struct node *n;

	switch (cmark_node_get_type(cn)) {
	case CMARK_NODE_BLOCK_QUOTE:
		return node_new(NODE_BLOCKQUOTE, pos);
	case CMARK_NODE_LIST:
		n = node_new(NODE_LIST, pos);
		n->as.list.ordered =
		    cmark_node_get_list_type(cn) == CMARK_ORDERED_LIST;
		n->as.list.start = cmark_node_get_list_start(cn);
		return n;
	case CMARK_NODE_ITEM:
		return node_new(NODE_ITEM, pos);
	case CMARK_NODE_PARAGRAPH:
		return node_new(NODE_PARAGRAPH, pos);
	case CMARK_NODE_HEADING:
		n = node_new(NODE_HEADING, pos);
		n->as.heading.level = cmark_node_get_heading_level(cn);
		return n;
	case CMARK_NODE_EMPH:
		return node_new(NODE_EMPH, pos);
	case CMARK_NODE_STRONG:
		return node_new(NODE_STRONG, pos);
	case CMARK_NODE_LINK:
		n = node_new(NODE_LINK, pos);
		n->as.link.url = g_strdup(cmark_node_get_url(cn));
		return n;
	default:
		return NULL;
	}
}

/* Copies one leaf node of cmark's into parent. */
static void
leaf(cmark_node *cn, struct node *parent, struct srcpos pos, struct diags *d)
{
	const char *lit = cmark_node_get_literal(cn);

	switch (cmark_node_get_type(cn)) {
	case CMARK_NODE_TEXT:
		append_text(parent, pos, lit);
		break;
	case CMARK_NODE_SOFTBREAK:
		node_append(parent, node_new(NODE_SOFTBREAK, pos));
		break;
	case CMARK_NODE_LINEBREAK:
		node_append(parent, node_new(NODE_LINEBREAK, pos));
		break;
	case CMARK_NODE_CODE:
		node_append(parent, node_new_text(NODE_CODE, pos, lit, -1));
		break;
	case CMARK_NODE_CODE_BLOCK:
		node_append(parent, node_new_text(NODE_CODEBLOCK, pos, lit, -1));
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		node_append(parent, node_new(NODE_BREAK, pos));
		break;
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_HTML_INLINE:
		diag_add(d, DIAG_WARNING, pos, "raw HTML is kept as literal "
		    "text; write it as Markdown instead");
		if (node_is_block(parent))
			append_text(parent, pos, lit);
		break;
	default:
		break;
	}
}

/*
 * Parses md with cmark and builds our tree alongside cmark's, walking it
 * with its iterator: cur is our node for the cmark container being
 * walked.  Images become their alt text, since an edition of texts
 * carries no pictures.
 */
static struct node *
parse_md(const struct chapter *c, struct srcpos base, const GString *md,
    const GArray *srcline, struct diags *d)
{
	cmark_node *root = cmark_parse_document(md->str, md->len,
	    CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(root);
	struct node *doc, *cur;
	cmark_event_type ev;

	doc = cur = node_new(NODE_DOCUMENT, base);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *cn = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(cn);
		struct srcpos pos = position(c, srcline, cn, cur->pos);
		struct node *n;

		if (t == CMARK_NODE_DOCUMENT)
			continue;
		if (t == CMARK_NODE_IMAGE) {
			if (ev == CMARK_EVENT_ENTER)
				diag_add(d, DIAG_WARNING, pos, "image '%s' is "
				    "left out; only its description is kept",
				    cmark_node_get_url(cn));
			continue;
		}
		if (ev == CMARK_EVENT_EXIT) {
			if (cur != doc)
				cur = cur->parent;
			continue;
		}
		if ((n = container(cn, pos)) != NULL) {
			node_append(cur, n);
			cur = n;
		} else
			leaf(cn, cur, pos, d);
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	return doc;
}

int
parse_chapter(struct edition *e, struct chapter *c,
    const struct normalized *in, struct diags *d)
{
	struct srcpos base = srcpos_at(edition_intern(e, c->path), 1, 1);

	c->doc = parse_md(c, base, in->md, in->srcline, d);
	if (in->preface->len > 0)
		c->preface = parse_md(c, base, in->preface,
		    in->preface_srcline, d);
	return 0;
}
