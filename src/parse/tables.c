/*
 * tables.c — pipe tables read from cmark's paragraphs (tables.h).
 *
 * cmark has read the inlines already, and an escaped pipe (\|) or one
 * written as an entity is then a plain '|' of its text: which pipes part
 * cells is read again from the source, where cmark says the text stands.
 * A pipe inside emphasis, a link or a code span is the cell's text.
 */
#include <string.h>

#include "parse/tables.h"

/* Whether s begins an entity for '|' (&#124; &#x7c; &vert; …): its length. */
static gsize
pipe_entity(const char *s)
{
	static const char *const names[] = { "&#124;", "&#x7c;", "&vert;",
	    "&verbar;", "&VerticalLine;" };
	size_t k;

	for (k = 0; k < G_N_ELEMENTS(names); k++)
		if (g_ascii_strncasecmp(s, names[k], strlen(names[k])) == 0)
			return strlen(names[k]);
	return 0;
}

/*
 * The byte offsets in text's literal of the pipes that part cells: its
 * pipes but those the source escapes.  If the source does not show the
 * literal's pipes where cmark says the text stands, every pipe parts.
 */
static GArray *
separators(cmark_node *text, gchar **lines, guint nlines)
{
	const char *lit = cmark_node_get_literal(text), *p;
	GArray *out = g_array_new(FALSE, FALSE, sizeof(gsize));
	GArray *parts = g_array_new(FALSE, FALSE, sizeof(gboolean));
	int line = cmark_node_get_start_line(text);
	int from = cmark_node_get_start_column(text) - 1;
	int to = cmark_node_get_end_column(text);
	guint k = 0, i = 0;

	if (line > 0 && (guint)line <= nlines &&
	    from >= 0 && to >= from && (gsize)to <= strlen(lines[line - 1])) {
		const char *s = lines[line - 1] + from, *end = lines[line - 1] + to;

		while (s < end) {
			gboolean part = *s == '|';
			gsize ent = *s == '&' ? pipe_entity(s) : 0;

			if (*s == '\\' && s + 1 < end && s[1] == '|')
				s++;
			else if (ent == 0 && !part) {
				s += *s == '\\' && s + 1 < end ? 2 : 1;
				continue;
			}
			g_array_append_val(parts, part);
			s += ent > 0 ? ent : 1;
		}
	}
	for (p = lit; (p = strchr(p, '|')) != NULL; p++, i++)
		;
	for (p = lit; (p = strchr(p, '|')) != NULL; p++, k++) {
		gsize at = (gsize)(p - lit);

		if (parts->len != i || g_array_index(parts, gboolean, k))
			g_array_append_val(out, at);
	}
	g_array_free(parts, TRUE);
	return out;
}

/*
 * A delimiter row, "| :--- | :---: | ---: |": each cell's alignment into
 * align.  Returns its cells, or 0 if lit is none (it must hold a pipe).
 */
static guint
delimiter_row(const char *lit, GArray *align)
{
	char *row = g_strstrip(g_strdup(lit)), *s = row;
	gchar **cells;
	guint n, k;

	if (strchr(row, '|') == NULL) {
		g_free(row);
		return 0;
	}
	if (*s == '|')
		s++;
	if (*s != '\0' && s[strlen(s) - 1] == '|')
		s[strlen(s) - 1] = '\0';
	cells = g_strsplit(s, "|", -1);
	n = g_strv_length(cells);
	for (k = 0; k < n; k++) {
		char *c = g_strstrip(cells[k]);
		gsize len = strlen(c);
		gboolean left = *c == ':', right = len > 1 && c[len - 1] == ':';
		enum cell_align a = left && right ? ALIGN_CENTER : left ?
		    ALIGN_LEFT : right ? ALIGN_RIGHT : ALIGN_NONE;

		if (len - left - right == 0 ||
		    strspn(c + left, "-") != len - left - right) {
			n = 0;
			break;
		}
		g_array_append_val(align, a);
	}
	g_strfreev(cells);
	g_free(row);
	return n;
}

/* Whether a node ends a line of the paragraph. */
static gboolean
line_end(cmark_node *n)
{
	return n == NULL || cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK ||
	    cmark_node_get_type(n) == CMARK_NODE_LINEBREAK;
}

/*
 * The cells of the paragraph's first line, from its first inline to
 * end (excluded): the pipes that part cells, one fewer if the line
 * begins with one and another if it ends with one.
 */
static guint
head_cells(cmark_node *first, cmark_node *end, gchar **lines, guint nlines)
{
	cmark_node *n;
	guint pipes = 0;
	gboolean opens = FALSE, closes = FALSE, seen = FALSE;

	for (n = first; n != end; n = cmark_node_next(n)) {
		const char *lit = cmark_node_get_literal(n);
		GArray *at;
		gsize len;

		if (cmark_node_get_type(n) != CMARK_NODE_TEXT) {
			seen = TRUE;
			closes = FALSE;
			continue;
		}
		at = separators(n, lines, nlines);
		len = strlen(lit);
		while (len > 0 && g_ascii_isspace(lit[len - 1]))
			len--;
		if (at->len > 0) {
			gsize a0 = g_array_index(at, gsize, 0);

			opens |= !seen && strspn(lit, " \t") == a0;
			closes = g_array_index(at, gsize, at->len - 1) + 1 == len;
		} else if (len > 0)
			closes = FALSE;
		seen |= len > 0;
		pipes += at->len;
		g_array_free(at, TRUE);
	}
	/* A lone pipe both opens and closes the line. */
	return pipes + 1 - opens - (closes && !(opens && pipes == 1));
}

/* A new row of the table, at the end, with a first cell. */
static void
row_new(struct table *t, gboolean head, struct srcpos pos)
{
	t->row = node_new(NODE_ROW, pos);
	t->row->as.row.head = head;
	node_append(t->node, t->row);
	t->cell = node_new(NODE_CELL, pos);
	node_append(t->row, t->cell);
	t->after_pipe = 0;
}

int
table_open(struct table *t, cmark_node *para, gchar **lines, guint nlines,
    struct node *parent, struct srcpos pos)
{
	cmark_node *first = cmark_node_first_child(para), *brk, *delim;
	GArray *align;

	memset(t, 0, sizeof(*t));
	for (brk = first; !line_end(brk); brk = cmark_node_next(brk))
		;
	if (brk == NULL || brk == first ||
	    (delim = cmark_node_next(brk)) == NULL ||
	    cmark_node_get_type(delim) != CMARK_NODE_TEXT ||
	    !line_end(cmark_node_next(delim)))
		return 0;
	align = g_array_new(FALSE, FALSE, sizeof(enum cell_align));
	if (delimiter_row(cmark_node_get_literal(delim), align) !=
	    head_cells(first, brk, lines, nlines)) {
		g_array_free(align, TRUE);
		return 0;
	}
	t->para = para;
	t->lines = lines;
	t->nlines = nlines;
	t->align = align;
	t->node = node_new(NODE_TABLE, pos);
	node_append(parent, t->node);
	row_new(t, TRUE, pos);
	return 1;
}

/* Whether a cell holds nothing but spaces. */
static gboolean
cell_blank(const struct node *cell)
{
	const struct node *n;

	for (n = cell->first; n != NULL; n = n->next)
		if (n->type != NODE_TEXT || n->text[strspn(n->text, " \t")] !=
		    '\0')
			return FALSE;
	return TRUE;
}

void
table_text(struct table *t, cmark_node *text, struct srcpos pos,
    void (*append)(struct node *, struct srcpos, const char *))
{
	const char *lit = cmark_node_get_literal(text);
	GArray *at = separators(text, t->lines, t->nlines);
	gsize from = 0;
	guint k;

	if (t->row->first == t->cell && t->cell->first == NULL)
		t->row->pos = t->cell->pos = pos;	/* the row's line */

	for (k = 0; k <= at->len; k++) {
		gsize to = k < at->len ? g_array_index(at, gsize, k) :
		    strlen(lit);
		char *piece = g_strndup(lit + from, to - from);

		if (*piece != '\0')
			append(t->cell, pos, piece);
		if (strspn(piece, " \t") != strlen(piece))
			t->after_pipe = 0;
		g_free(piece);
		from = to + 1;
		if (k == at->len)
			break;
		/* A pipe that opens the row opens its first cell. */
		if (t->cell != t->row->first || !cell_blank(t->cell) ||
		    t->after_pipe) {
			t->cell = node_new(NODE_CELL, pos);
			node_append(t->row, t->cell);
		}
		t->after_pipe = 1;
	}
	g_array_free(at, TRUE);
}

/*
 * The row's last cell, if a pipe closed the row after the one before;
 * the walk goes on in the cell before it.
 */
static void
row_end(struct table *t)
{
	if (t->row != NULL && t->after_pipe && t->cell != t->row->first &&
	    cell_blank(t->cell)) {
		node_free(t->cell);
		t->cell = t->row->last;
	}
}

void
table_break(struct table *t, struct srcpos pos)
{
	row_end(t);
	if (++t->line == 1) {
		t->row = NULL;
		return;
	}
	row_new(t, FALSE, pos);
}

int
table_skips(const struct table *t)
{
	return t->line == 1;
}

/* A cell's spaces trimmed at its ends. */
static void
trim(struct node *cell)
{
	struct node *f = cell->first, *l = cell->last;

	if (f != NULL && f->type == NODE_TEXT)
		memmove(f->text, f->text + strspn(f->text, " \t"),
		    strlen(f->text + strspn(f->text, " \t")) + 1);
	if (l != NULL && l->type == NODE_TEXT)
		g_strchomp(l->text);
	if (f != NULL && f->type == NODE_TEXT && *f->text == '\0')
		node_free(f);
	if (l != NULL && l != f && l->type == NODE_TEXT && *l->text == '\0')
		node_free(l);
}

struct node *
table_close(struct table *t)
{
	struct node *row, *cell, *parent = t->node->parent;
	guint cols = t->align->len, k;

	row_end(t);
	for (row = t->node->first; row != NULL; row = row->next) {
		for (k = 0, cell = row->first; cell != NULL; cell = cell->next)
			k++;
		cols = MAX(cols, k);
	}
	for (row = t->node->first; row != NULL; row = row->next) {
		for (k = 0, cell = row->first; k < cols; k++) {
			if (cell == NULL) {
				cell = node_new(NODE_CELL, row->pos);
				node_append(row, cell);
			}
			trim(cell);
			cell->as.cell.align = k < t->align->len ?
			    g_array_index(t->align, enum cell_align, k) :
			    ALIGN_NONE;
			cell = cell->next;
		}
	}
	g_array_free(t->align, TRUE);
	memset(t, 0, sizeof(*t));
	return parent;
}
