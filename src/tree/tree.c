/*
 * tree.c — the model as indented text, one node a line, walked with the
 * const iterator: the tree-dump back end.
 */
#include <string.h>

#include "tree/tree.h"

/* len bytes in double quotes, escaped so that a dump is one line a node. */
static void
quoted_len(GString *out, const char *s, gsize len)
{
	const char *end = s + len;

	g_string_append_c(out, '"');
	for (; s < end; s++)
		if (*s == '"' || *s == '\\')
			g_string_append_printf(out, "\\%c", *s);
		else if (*s == '\n')
			g_string_append(out, "\\n");
		else
			g_string_append_c(out, *s);
	g_string_append_c(out, '"');
}

static void
quoted(GString *out, const char *s)
{
	quoted_len(out, s, strlen(s));
}

/* "  key "value"\n" at depth, if value is set. */
static void
field(GString *out, int depth, const char *key, const char *value)
{
	if (value == NULL)
		return;
	g_string_append_printf(out, "%*s%s ", 2 * depth, "", key);
	quoted(out, value);
	g_string_append_c(out, '\n');
}

static void
meta(GString *out, int depth, const struct meta *m)
{
	field(out, depth, "label", m->label);
	field(out, depth, "title", m->title);
	field(out, depth, "subtitle", m->subtitle);
	field(out, depth, "author", m->author);
	field(out, depth, "translator", m->translator);
	field(out, depth, "published", m->published);
	field(out, depth, "source", m->source);
	field(out, depth, "credits", m->credits);
	field(out, depth, "dedication", m->dedication);
	field(out, depth, "affiliation", m->affiliation);
}

/* What a node holds beyond its type, on its line. */
static void
attributes(GString *out, const struct node *n)
{
	switch (n->type) {
	case NODE_HEADING:
		g_string_append_printf(out, " %d", n->as.heading.level);
		break;
	case NODE_LIST:
		if (n->as.list.ordered)
			g_string_append_printf(out, " ordered %d",
			    n->as.list.start);
		else
			g_string_append(out, " bullet");
		break;
	case NODE_LINK:
		g_string_append_c(out, ' ');
		quoted(out, n->as.link->url != NULL ? n->as.link->url : "");
		if (n->as.link->title != NULL && *n->as.link->title != '\0') {
			g_string_append(out, " title ");
			quoted(out, n->as.link->title);
		}
		if (n->as.link->text_only)
			g_string_append(out, " text-only");
		if (n->as.link->chapter != NULL)
			g_string_append_printf(out, " to %s",
			    n->as.link->chapter->id);
		if (n->as.link->heading != NULL) {
			char *h = node_text(n->as.link->heading);

			g_string_append(out, " at ");
			quoted(out, h);
			g_free(h);
		}
		break;
	case NODE_DIV:
	case NODE_SPAN:
		g_string_append(out, " lang ");
		quoted(out, n->as.lang);
		break;
	case NODE_ROW:
		if (n->as.row.head)
			g_string_append(out, " head");
		break;
	case NODE_CELL:
		if (n->as.cell.align != ALIGN_NONE)
			g_string_append_printf(out, " %s", (const char *[]){
			    "", "left", "center", "right" }[n->as.cell.align]);
		break;
	case NODE_NOTEREF:
	case NODE_XREF:
		g_string_append_printf(out, " note %s", n->as.noteref.note->mark);
		break;
	default:
		break;
	}
}

/* Bytes from…to of text node n's text, as a line of its own at depth. */
static void
text_line(GString *out, int depth, const struct node *n, gsize from,
    gsize to)
{
	g_string_append_printf(out, "%*stext @%d:%d ", 2 * depth, "",
	    n->pos.line, n->pos.col);
	quoted_len(out, n->text + from, to - from);
	g_string_append_c(out, '\n');
}

/*
 * A text node: if it has index marks, the text before each (if any) and
 * the mark, "indexmark HEADING [of MAIN]", each on a line of its own,
 * then the rest, so that a mark shows where it falls in the text.
 */
static void
text(GString *out, int depth, const struct node *n)
{
	const struct index_mark *const *m;
	gsize done = 0;

	for (m = node_marks(n); *m != NULL; m++) {
		const struct index_entry *ie = (*m)->entry;

		if ((*m)->offset > done)
			text_line(out, depth, n, done, (*m)->offset);
		done = (*m)->offset;
		g_string_append_printf(out, "%*sindexmark ", 2 * depth, "");
		quoted(out, ie->heading);
		if (ie->parent != NULL) {
			g_string_append(out, " of ");
			quoted(out, ie->parent->heading);
		}
		g_string_append_printf(out, " @%d:%d\n", n->pos.line,
		    n->pos.col);
	}
	text_line(out, depth, n, done, strlen(n->text));
}

/* A subtree, a node a line, from depth. */
static void
walk(GString *out, int depth, const struct node *top)
{
	struct citer it;

	citer_init(&it, top);
	while (citer_next(&it) != ITER_NONE) {
		const struct node *n = it.cur;

		if (it.ev == ITER_EXIT) {
			depth--;
			continue;
		}
		if (n->type == NODE_TEXT) {
			text(out, depth, n);
			continue;
		}
		g_string_append_printf(out, "%*s%s", 2 * depth, "",
		    node_type_name(n->type));
		attributes(out, n);
		g_string_append_printf(out, " @%d:%d", n->pos.line, n->pos.col);
		if (n->text != NULL) {
			g_string_append_c(out, ' ');
			quoted(out, n->text);
		}
		g_string_append_c(out, '\n');
		depth += !node_is_leaf(n);
	}
}

/* A document's blocks under a line naming it, at depth; none if NULL. */
static void
document(GString *out, int depth, const char *name, const struct node *doc)
{
	const struct node *n;

	if (doc == NULL)
		return;
	g_string_append_printf(out, "%*s%s\n", 2 * depth, "", name);
	for (n = doc->first; n != NULL; n = n->next)
		walk(out, depth + 1, n);
}

static void
notes(GString *out, const struct chapter *c)
{
	guint i;

	for (i = 0; i < c->notes->len; i++) {
		const struct note *n = g_ptr_array_index(c->notes, i);
		char *name = g_strdup_printf("note %s (%s)%s", n->mark,
		    n->label != NULL ? n->label : "", n->number == 0 ?
		    " the author's" : n->ref == NULL ? " unreferenced" : "");

		document(out, 1, name, n->body);
		g_free(name);
	}
}

/* An entry of the index: heading, gloss, references, places. */
static void
entry(GString *out, int depth, const struct index_entry *ie)
{
	guint i;

	g_string_append_printf(out, "%*sentry ", 2 * depth, "");
	quoted(out, ie->heading);
	g_string_append_printf(out, " marks %u\n", ie->marks->len);
	field(out, depth + 1, "gloss", ie->gloss);
	if (ie->see != NULL)
		field(out, depth + 1, "see", ie->see->heading);
	for (i = 0; i < ie->see_also->len; i++)
		field(out, depth + 1, "see-also", ((const struct index_entry *)
		    g_ptr_array_index(ie->see_also, i))->heading);
	for (i = 0; i < ie->subs->len; i++)
		entry(out, depth + 1, g_ptr_array_index(ie->subs, i));
}

GString *
tree_dump(const struct edition *e)
{
	GString *out = g_string_new("edition\n");
	guint i;

	meta(out, 1, &e->meta);
	field(out, 1, "editor", e->editor);
	field(out, 1, "language", e->language);
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);

		g_string_append(out, "chapter ");
		quoted(out, c->id);
		g_string_append_c(out, '\n');
		meta(out, 1, &c->meta);
		field(out, 1, "language", c->language);
		document(out, 1, "introduction", c->preface);
		document(out, 1, "text", c->doc);
		notes(out, c);
	}
	if (e->index->len > 0)
		g_string_append(out, "index\n");
	for (i = 0; i < e->index->len; i++)
		entry(out, 1, g_ptr_array_index(e->index, i));
	return out;
}
