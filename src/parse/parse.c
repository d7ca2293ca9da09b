/*
 * parse.c — the parse stage: cmark reads the CommonMark, and its tree is
 * copied into ours, so no later stage depends on cmark.
 */
#include <string.h>

#define CMARK_NO_SHORT_NAMES
#include <cmark.h>

#include "parse/links.h"
#include "parse/parse.h"
#include "parse/passages.h"
#include "parse/tables.h"
#include "normalize/typo.h"

/* What the ledger is told of an image's file and title, which no output
 * keeps (its description is the text's). */
#define RULE_IMAGE	"dropped: an image's file and title (octavo sets " \
			"no pictures)"

/* What one parse of a text shares: where its lines came from, what it
 * tells the ledger, a table being read. */
struct parser {
	const struct normalized	*in;
	const GArray		*srcline;
	GArray			*changes;	/* struct change (normalized.h) */
	struct diags		*d;
	gchar			**lines;	/* the text, by line, if it may
						   hold a table; else NULL */
	guint			 nlines;
	struct table		 table;
};

/* Source position of a cmark node, mapped through the normalizer's lines. */
static struct srcpos
position(const struct normalized *in, const GArray *srcline, cmark_node *cn,
    struct srcpos inherited)
{
	int line = cmark_node_get_start_line(cn);
	struct srcpos pos = inherited;

	if (line > 0 && (guint)line <= srcline->len) {
		pos.line = g_array_index(srcline, int, line - 1);
		pos.col = cmark_node_get_start_column(cn);
		if (!in->markdown)
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
		n->as.link->url = g_strdup(cmark_node_get_url(cn));
		n->as.link->title = g_strdup(cmark_node_get_title(cn));
		return n;
	default:
		return NULL;
	}
}

/*
 * Raw HTML, kept as literal text in both outputs: in its paragraph, or
 * a block's as a paragraph of its own (a block holds no bare text).
 */
static void
raw_html(cmark_node_type type, struct node *parent, struct srcpos pos,
    const char *lit)
{
	char *text;

	if (type == CMARK_NODE_HTML_INLINE) {
		append_text(parent, pos, lit);
		return;
	}
	text = g_strstrip(g_strdup(lit));
	if (*text != '\0') {
		struct node *para = node_new(NODE_PARAGRAPH, pos);

		node_append(parent, para);
		append_text(para, pos, text);
	}
	g_free(text);
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
		raw_html(cmark_node_get_type(cn), parent, pos, lit);
		break;
	default:
		break;
	}
}

/*
 * The PDF sets three levels of heading (the chapter's title, its
 * sections, their subsections): a deeper one is set as a subsection's,
 * which a warning says.
 */
static void
deep_heading(const struct node *n, struct diags *d)
{
	if (n->type == NODE_HEADING && n->as.heading.level > 3)
		diag_add(d, DIAG_WARNING, n->pos, "a heading of level %d is "
		    "set in the PDF as one of level 3, the deepest it has "
		    "(the EPUB keeps it as <h%d>); write it with ###",
		    n->as.heading.level, n->as.heading.level);
}

/*
 * An image, left out: its description (alt text, cmark's children) is
 * kept as text; its file and title are told to the ledger as dropped.
 */
static void
image(struct parser *ps, cmark_node *cn, struct srcpos pos)
{
	const char *url = cmark_node_get_url(cn), *title =
	    cmark_node_get_title(cn);
	struct change c = { pos.line, g_strjoin(" ", url != NULL ? url : "",
	    title != NULL ? title : "", NULL), NULL, RULE_IMAGE, 0 };

	g_array_append_val(ps->changes, c);
	diag_add(ps->d, DIAG_WARNING, pos, "image '%s' is left out; only its "
	    "description is kept", url != NULL ? url : "");
}

/*
 * Where an inline of a table's paragraph goes: a text of its own lines
 * is parted into cells, a line's end begins a row, the delimiter row is
 * left out.  Returns the node the walk is in after it, or NULL if cn
 * was not the table's to take.
 */
static struct node *
table_inline(struct parser *ps, cmark_node *cn, cmark_event_type ev,
    struct srcpos pos)
{
	struct table *t = &ps->table;
	cmark_node_type type = cmark_node_get_type(cn);

	if (t->para == NULL)
		return NULL;
	if (cn == t->para)
		return ev == CMARK_EVENT_EXIT ? table_close(t) : NULL;
	if (cmark_node_parent(cn) != t->para)
		return NULL;
	if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
		table_break(t, pos);
	else if (table_skips(t))
		;
	else if (type == CMARK_NODE_TEXT)
		table_text(t, cn, pos, append_text);
	else
		return NULL;
	return t->cell;
}

/*
 * Parses md with cmark and builds our tree alongside cmark's, walking it
 * with its iterator, its blocks appended to doc: cur is our node for
 * the cmark container being walked.  Images become their alt text,
 * since an edition of texts carries no pictures; a paragraph that is a
 * pipe table, a table.
 */
static void
parse_cmark(struct parser *ps, struct node *doc, const GString *md,
    const GArray *srcline)
{
	cmark_node *root = cmark_parse_document(md->str, md->len,
	    CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(root);
	struct node *cur = doc, *n;
	cmark_event_type ev;

	ps->srcline = srcline;
	ps->lines = ps->in->markdown && strchr(md->str, '|') != NULL ?
	    g_strsplit(md->str, "\n", -1) : NULL;
	ps->nlines = ps->lines != NULL ? g_strv_length(ps->lines) : 0;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *cn = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(cn);
		struct srcpos pos = position(ps->in, srcline, cn, cur->pos);

		if (t == CMARK_NODE_DOCUMENT)
			continue;
		if ((n = table_inline(ps, cn, ev, pos)) != NULL) {
			cur = n;
			continue;
		}
		if (t == CMARK_NODE_IMAGE) {
			if (ev == CMARK_EVENT_ENTER)
				image(ps, cn, pos);
			continue;
		}
		if (ev == CMARK_EVENT_EXIT) {
			if (cur != doc)
				cur = cur->parent;
			continue;
		}
		if (t == CMARK_NODE_PARAGRAPH && table_open(&ps->table, cn,
		    ps->lines, ps->nlines, cur, pos))
			cur = ps->table.cell;
		else if ((n = container(cn, pos)) != NULL) {
			node_append(cur, n);
			cur = n;
			deep_heading(n, ps->d);
		} else
			leaf(cn, cur, pos, ps->d);
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	g_strfreev(ps->lines);
	ps->lines = NULL;
}

/*
 * A text's tree: a Markdown source's cut at its divs' fences, each
 * stretch parsed by itself into the div it is in (passages.h).
 */
static struct node *
parse_md(struct parser *ps, struct srcpos base, const GString *md,
    const GArray *srcline)
{
	struct node *doc = node_new(NODE_DOCUMENT, base), *in = doc, *div;
	GPtrArray *stretches;
	guint i;

	if (!ps->in->markdown) {
		parse_cmark(ps, doc, md, srcline);
		return doc;
	}
	stretches = passages_split(md, srcline, base.file, ps->changes,
	    ps->d);
	for (i = 0; i < stretches->len; i++) {
		struct stretch *s = g_ptr_array_index(stretches, i);

		parse_cmark(ps, in, s->md, s->srcline);
		if (s->fence == FENCE_OPEN) {
			div = node_new(NODE_DIV, s->pos);
			div->as.lang = g_steal_pointer(&s->lang);
			node_append(in, div);
			in = div;
		} else if (s->fence == FENCE_CLOSE) {
			div = in;
			in = in->parent;
			if (div->first == NULL)	/* nothing to tag */
				node_free(div);
		}
	}
	g_ptr_array_free(stretches, TRUE);
	return doc;
}

/* --- footnotes, in pandoc's syntax, which cmark does not know ---------- */

/* A text that has its own lines: the body, or one note's definition. */
struct part {
	GString	*md;
	GArray	*srcline;
	char	*label;		/* a note's; NULL for the body */
};

static struct part *
part_new(const char *label)
{
	struct part *p = g_new0(struct part, 1);

	p->md = g_string_new(NULL);
	p->srcline = g_array_new(FALSE, FALSE, sizeof(int));
	p->label = g_strdup(label);
	return p;
}

static void
part_free(struct part *p)
{
	g_string_free(p->md, TRUE);
	g_array_free(p->srcline, TRUE);
	g_free(p->label);
	g_free(p);
}

/* The label of a definition line "[^label]: …", and where its text starts. */
static char *
definition_label(const char *line, gsize len, gsize *text)
{
	gsize i;

	if (len < 5 || strncmp(line, "[^", 2) != 0)
		return NULL;
	for (i = 2; i < len && line[i] != ']' && line[i] != ' ' &&
	    line[i] != '['; i++)
		;
	if (i == 2 || i + 1 >= len || line[i] != ']' || line[i + 1] != ':')
		return NULL;
	*text = i + 2;
	while (*text < len && line[*text] == ' ')
		(*text)++;
	return g_strndup(line + 2, i - 2);
}

/*
 * Splits md into the body and one part per note definition.  A
 * definition runs over the lines after it that are blank or indented by
 * four spaces (its further paragraphs), as in pandoc.
 */
static GPtrArray *
split_parts(const GString *md, const GArray *srcline)
{
	GPtrArray *parts = g_ptr_array_new_with_free_func((GDestroyNotify)part_free);
	struct part *body = part_new(NULL), *cur = body;
	const char *p = md->str, *eol;
	guint n = 0;

	g_ptr_array_add(parts, body);
	for (; *p != '\0'; p = eol + (*eol != '\0'), n++) {
		gsize len, text;
		char *label;
		int no = n < srcline->len ? g_array_index(srcline, int, n) : 0;

		eol = p + strcspn(p, "\n");
		len = (gsize)(eol - p);
		if ((label = definition_label(p, len, &text)) != NULL) {
			cur = part_new(label);
			g_ptr_array_add(parts, cur);
			g_free(label);
			p += text;
			len -= text;
		} else if (cur != body && len > 0 &&
		    strncmp(p, "    ", 4) == 0) {
			p += 4;
			len -= 4;
		} else if (len > 0)
			cur = body;
		g_string_append_len(cur->md, p, (gssize)len);
		g_string_append_c(cur->md, '\n');
		g_array_append_val(cur->srcline, no);
		if (*eol == '\0')
			break;
	}
	return parts;
}

/*
 * Turns each "[^label]" in the text of the tree into a NODE_NOTEREF
 * holding the label; the notes stage links it to its note.
 */
static void
split_refs(struct node *root)
{
	GPtrArray *texts = g_ptr_array_new();
	GRegex *re;
	struct iter it;
	guint i;

	iter_init(&it, root);
	while (iter_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && it.cur->type == NODE_TEXT &&
		    strstr(it.cur->text, "[^") != NULL)
			g_ptr_array_add(texts, it.cur);
	if (texts->len == 0) {		/* most trees: a note's, say */
		g_ptr_array_free(texts, TRUE);
		return;
	}
	/* Raw: PCRE would check a UTF-8 text whole at every match. */
	re = g_regex_new("\\[\\^([^\\]\\s\\[]+)\\]", G_REGEX_RAW, 0, NULL);
	for (i = 0; i < texts->len; i++) {
		struct node *t = g_ptr_array_index(texts, i);
		GMatchInfo *mi;
		int a, b, done = 0;

		g_regex_match(re, t->text, 0, &mi);
		for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
			char *label = g_match_info_fetch(mi, 1);
			struct node *ref = node_new(NODE_NOTEREF, t->pos);

			g_match_info_fetch_pos(mi, 0, &a, &b);
			ref->text = label;
			node_text_cut(t, &done, a, b, ref);
		}
		g_match_info_free(mi);
		node_text_rest(t, done);
	}
	g_regex_unref(re);
	g_ptr_array_free(texts, TRUE);
}

/*
 * Markdown's text gets the typography raw text got in the normalizer:
 * each paragraph and heading through one struct typo, node by node, so
 * a quote after an emphasis takes its direction from the emphasis.
 */
static void
typo_tree(struct node *root)
{
	struct typo t;
	struct node *last = NULL;
	struct iter it;

	typo_init(&t);
	iter_init(&it, root);
	while (iter_next(&it) != ITER_NONE) {
		struct node *n = it.cur;
		char *clean;

		if (node_is_block(n) && n->type != NODE_CODEBLOCK) {
			if (last != NULL)	/* the paragraph's end: no space */
				g_strchomp(last->text);
			typo_init(&t);
			last = NULL;
		} else if (n->type == NODE_TEXT) {
			clean = typo_text(&t, n->text, -1);
			g_free(n->text);
			n->text = clean;
			last = n;
		} else if (n->type == NODE_SOFTBREAK || n->type == NODE_LINEBREAK)
			t.prev = ' ';
		else if (n->type == NODE_CODE)
			t.prev = 'x';	/* a word: the space after it stays */
	}
}

/*
 * A tree's inlines made final: a Markdown source's spans in another
 * language and its typography, the note references split out of the text (in the text, a note or an editor's
 * introduction alike) and out of links.
 */
static void
inlines(struct parser *ps, struct node *tree, int markdown)
{
	if (markdown) {
		passages_spans(tree, ps->changes, ps->d);
		typo_tree(tree);
	}
	split_refs(tree);
	links_refs_after(tree);
}

int
parse_chapter(struct edition *e, struct chapter *c,
    const struct normalized *in, GArray *changes, struct diags *d)
{
	struct srcpos base = srcpos_at(edition_intern(e, c->path), 1, 1);
	GPtrArray *parts = split_parts(in->md, in->srcline);
	struct part *body = g_ptr_array_index(parts, 0);
	struct parser ps = { in, NULL, changes, d, NULL, 0, { 0 } };
	guint i;

	c->doc = parse_md(&ps, base, body->md, body->srcline);
	inlines(&ps, c->doc, in->markdown);
	for (i = 1; i < parts->len; i++) {
		struct part *p = g_ptr_array_index(parts, i);
		struct srcpos pos = base;
		struct note *n;

		pos.line = p->srcline->len > 0 ?
		    g_array_index(p->srcline, int, 0) : 0;
		n = note_new(0, p->label, pos);
		node_free(n->body);
		n->body = parse_md(&ps, pos, p->md, p->srcline);
		inlines(&ps, n->body, in->markdown);
		g_ptr_array_add(c->notes, n);
	}
	g_ptr_array_free(parts, TRUE);
	if (in->preface->len > 0) {
		c->preface = parse_md(&ps, base, in->preface,
		    in->preface_srcline);
		inlines(&ps, c->preface, 0);
	}
	return 0;
}
