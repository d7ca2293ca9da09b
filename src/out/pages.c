/*
 * pages.c — the page map shared by the print layout and the other
 * outputs, and its copy on disk: the last layout, which `octavo index`
 * reads instead of laying the book out again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/indexing.h"
#include "out/kept.h"
#include "out/pages.h"
#include "read/file.h"

#define PAGES_MAGIC	"octavo pages 1"
#define FIELDS		6	/* the most a line of a kept layout has */

void
folio_roman(int n, char *buf, size_t size)
{
	static const struct { int v; const char *s; } r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" }
	};
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < G_N_ELEMENTS(r); i++)
		for (; n >= r[i].v; n -= r[i].v)
			g_strlcat(buf, r[i].s, size);
}

void
pagemap_init(struct pagemap *pm)
{
	pm->breaks = g_array_new(FALSE, TRUE, sizeof(struct pagebreak));
	pm->mark_pages = g_array_new(FALSE, TRUE, sizeof(gint32));
	pm->labels = g_ptr_array_new_with_free_func(g_free);
	pm->starts = g_array_new(FALSE, FALSE, sizeof(struct linestart));
}

void
pagemap_release(struct pagemap *pm)
{
	g_array_free(pm->breaks, TRUE);
	g_array_free(pm->mark_pages, TRUE);
	g_ptr_array_free(pm->labels, TRUE);
	g_array_free(pm->starts, TRUE);
}

int
pagemap_mark_page(const struct pagemap *pm, const struct index_mark *m)
{
	return index_mark_number(pm->mark_pages, m);
}

void
pagemap_set_mark_page(struct pagemap *pm, const struct index_mark *m,
    int page)
{
	index_mark_set(pm->mark_pages, m, page);
}

void
pagemap_drop_lines(struct pagemap *pm)
{
	g_array_free(pm->starts, TRUE);
	pm->starts = g_array_new(FALSE, FALSE, sizeof(struct linestart));
}

const char *
pagemap_label(const struct pagemap *pm, const struct index_mark *m)
{
	int page = pagemap_mark_page(pm, m);

	if (page < 1 || (guint)page > pm->labels->len)
		return NULL;
	return g_ptr_array_index(pm->labels, page - 1);
}

/*
 * A tree of the model whose lines are printed: a chapter's introduction,
 * its text or one of its notes.  name is how a kept layout calls it:
 * the chapter's id and "intro", "text" or "n3" (its fourth note).
 */
struct tree {
	const struct node *root;	/* NULL: the chapter has none */
	char		*name;
};

static void
tree_clear(gpointer t)
{
	g_free(((struct tree *)t)->name);
}

/* The trees of e whose lines are printed, chapter by chapter. */
static GArray *
trees(const struct edition *e)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct tree));
	guint i, j;

	g_array_set_clear_func(out, tree_clear);
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);
		struct tree t;

		t = (struct tree){ c->preface, g_strconcat(c->id, " intro",
		    NULL) };
		g_array_append_val(out, t);
		t = (struct tree){ c->doc, g_strconcat(c->id, " text", NULL) };
		g_array_append_val(out, t);
		for (j = 0; j < c->notes->len; j++) {
			t = (struct tree){ ((const struct note *)g_ptr_array_index(
			    c->notes, j))->body, g_strdup_printf("%s n%u",
			    c->id, j) };
			g_array_append_val(out, t);
		}
	}
	return out;
}

/*
 * The blocks of a tree in document order (const struct node *): their
 * place in it, from 0.
 */
static GArray *
blocks(const struct node *root)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(const struct node *));
	struct citer it;

	if (root == NULL)
		return out;
	citer_init(&it, root);
	while (citer_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && node_is_block(it.cur))
			g_array_append_val(out, it.cur);
	return out;
}

/* The line starts of each block: block → GArray of struct linestart. */
static GHashTable *
starts_by_block(const struct pagemap *pm)
{
	GHashTable *by = g_hash_table_new_full(g_direct_hash, g_direct_equal,
	    NULL, (GDestroyNotify)g_array_unref);
	guint i;

	for (i = 0; i < pm->starts->len; i++) {
		const struct linestart *ls = &g_array_index(pm->starts,
		    struct linestart, i);
		GArray *list = g_hash_table_lookup(by, ls->block);

		if (list == NULL) {
			list = g_array_new(FALSE, FALSE,
			    sizeof(struct linestart));
			g_hash_table_insert(by, (gpointer)ls->block, list);
		}
		g_array_append_val(list, *ls);
	}
	return by;
}

/*
 * The page an index mark falls on.  Its block is the nearest of the
 * blocks around its text that lines set (a list item's, say, for a text
 * in the item's paragraph); the line is the one that begins last at or
 * before the mark's place in node_text(block), or the block's first
 * line.  0 if no block around it has lines.
 */
static int
page_of_mark(GHashTable *by, const struct index_mark *m)
{
	const struct node *b;
	const GArray *list = NULL;
	const struct linestart *best;
	gsize at = m->offset;
	struct citer it;
	guint i;

	for (b = m->text->parent; b != NULL; b = b->parent)
		if ((list = g_hash_table_lookup(by, b)) != NULL)
			break;
	if (list == NULL)
		return 0;
	citer_init(&it, b);
	while (citer_next(&it) != ITER_NONE && it.cur != m->text)
		if (it.ev == ITER_ENTER)
			at += node_text_length(it.cur);
	best = &g_array_index(list, struct linestart, 0);
	for (i = 1; i < list->len; i++) {
		const struct linestart *ls = &g_array_index(list,
		    struct linestart, i);

		if (ls->offset <= at && (ls->offset > best->offset ||
		    best->offset > at))
			best = ls;
	}
	return best->page;
}

/* Every index mark of the edition (struct index_mark *), by heading. */
static GPtrArray *
marks_of(const struct edition *e)
{
	GPtrArray *headings = index_headings(e), *marks = g_ptr_array_new();
	guint i;

	for (i = 0; i < headings->len; i++)
		g_ptr_array_extend(marks, ((const struct index_entry *)
		    g_ptr_array_index(headings, i))->marks, NULL, NULL);
	g_ptr_array_free(headings, TRUE);
	return marks;
}

int
folio_value(const char *label, gboolean *roman)
{
	static const char digits[] = "ivxlcdm";
	static const int values[] = { 1, 5, 10, 50, 100, 500, 1000 };
	int n = 0, prev = 0;
	size_t i = strlen(label);

	*roman = FALSE;
	if (g_ascii_isdigit(*label))
		return atoi(label);
	/* Roman, read from the right: a smaller digit before subtracts. */
	while (i-- > 0) {
		const char *d = strchr(digits, label[i]);
		int v;

		if (d == NULL || *d == '\0')
			return 0;
		v = values[d - digits];
		n += v < prev ? -v : v;
		prev = MAX(prev, v);
	}
	*roman = n > 0;
	return MAX(n, 0);
}

/*
 * A page's label as an index keeps it (INDEX_FRONT): an arabic folio as
 * its number, a roman one below them all; 0 for neither.
 */
static int
label_folio(const char *label)
{
	gboolean roman;
	int n = folio_value(label, &roman);

	return roman ? n - INDEX_FRONT : n;
}

GArray *
pagemap_folios(const struct pagemap *pm, const struct edition *e)
{
	GArray *folios = g_array_new(FALSE, TRUE, sizeof(gint32));
	GPtrArray *marks = marks_of(e);
	const char *label;
	guint i;

	for (i = 0; i < marks->len; i++) {
		struct index_mark *m = g_ptr_array_index(marks, i);

		if ((label = pagemap_label(pm, m)) != NULL)
			index_mark_set(folios, m, label_folio(label));
	}
	g_ptr_array_free(marks, TRUE);
	return folios;
}

/*
 * The page of every index mark, from the line starts, as the layout's
 * anchors would have given it.
 */
static void
place_marks(struct pagemap *pm, const struct edition *e)
{
	GHashTable *by = starts_by_block(pm);
	GPtrArray *marks = marks_of(e);
	guint i;
	int page;

	for (i = 0; i < marks->len; i++) {
		const struct index_mark *m = g_ptr_array_index(marks, i);

		if ((page = page_of_mark(by, m)) > 0)
			pagemap_set_mark_page(pm, m, page);
	}
	g_ptr_array_free(marks, TRUE);
	g_hash_table_destroy(by);
}

/*
 * Writes what out holds to kf once it is past a few pages, or at the
 * end: the kept layout of a long book is tens of megabytes, and was
 * held whole (and doubled by its growing) at the build's peak.
 */
static void
flush_out(struct kept_file *kf, GString *out, gboolean end)
{
	if (out->len < 65536 && !end)
		return;
	kept_write(kf, out->str, out->len);
	g_string_truncate(out, 0);
}

/* Where a block is, as a kept line names it: its tree and its place. */
struct place {
	guint	tree;		/* in trees(e) */
	guint	block;		/* in blocks(the tree's root) */
};

/*
 * Every block of the trees ts, each found by its node: the value is its
 * place's index in *places, plus one.
 */
static GHashTable *
block_places(GArray *ts, GArray **places)
{
	GHashTable *where = g_hash_table_new(g_direct_hash, g_direct_equal);
	struct place pl;

	*places = g_array_new(FALSE, FALSE, sizeof(struct place));
	for (pl.tree = 0; pl.tree < ts->len; pl.tree++) {
		GArray *bs = blocks(g_array_index(ts, struct tree,
		    pl.tree).root);

		for (pl.block = 0; pl.block < bs->len; pl.block++) {
			g_array_append_val(*places, pl);
			g_hash_table_insert(where, (gpointer)g_array_index(bs,
			    const struct node *, pl.block),
			    GUINT_TO_POINTER((*places)->len));
		}
		g_array_free(bs, TRUE);
	}
	return where;
}

gboolean
pagemap_save(const struct pagemap *pm, const struct edition *e,
    const char *key, const char *path, GError **err)
{
	GString *out = g_string_new(PAGES_MAGIC "\n");
	GArray *ts = trees(e), *places;
	GHashTable *where = block_places(ts, &places);
	const struct place *pl;
	struct kept_file kf;
	guint i, at, lines;

	kept_begin(&kf, path);
	g_string_append_printf(out, "key %s\n", key);
	for (i = 0; i < pm->labels->len; i++)
		g_string_append_printf(out, "label %s\n",
		    (const char *)g_ptr_array_index(pm->labels, i));
	for (i = 0, lines = 0; i < pm->starts->len; i++) {
		const struct linestart *ls = &g_array_index(pm->starts,
		    struct linestart, i);

		at = GPOINTER_TO_UINT(g_hash_table_lookup(where, ls->block));
		if (at == 0)
			continue;
		pl = &g_array_index(places, struct place, at - 1);
		g_string_append_printf(out, "line %s %u %u %d\n",
		    g_array_index(ts, struct tree, pl->tree).name, pl->block,
		    (guint)ls->offset, ls->page);
		lines++;
		flush_out(&kf, out, FALSE);
	}
	g_string_append_printf(out, "end %u %u\n", pm->labels->len, lines);
	flush_out(&kf, out, TRUE);
	g_array_free(places, TRUE);
	g_array_free(ts, TRUE);
	g_hash_table_destroy(where);
	g_string_free(out, TRUE);
	return kept_end(&kf, TRUE, err);
}

/*
 * A whole decimal number from 0 to max, or FALSE: digits alone, as
 * g_ascii_string_to_unsigned reads them, at a fraction of its cost (a
 * kept layout has thousands).
 */
static gboolean
number(const char *s, guint64 max, guint64 *n)
{
	guint64 v = 0, d;

	if (*s == '\0')
		return FALSE;
	for (; *s != '\0'; s++) {
		if (!g_ascii_isdigit(*s) || (d = (guint64)(*s - '0')) > max ||
		    v > (max - d) / 10)
			return FALSE;
		v = v * 10 + d;
	}
	*n = v;
	return TRUE;
}

/*
 * Cuts line at its spaces, in place, as g_strsplit would: its first
 * fields into f; returns how many it has, FIELDS + 1 if more.
 */
static guint
fields(char *line, char *f[FIELDS])
{
	guint n = 0;

	for (;;) {
		if (n == FIELDS)
			return FIELDS + 1;
		f[n++] = line;
		if ((line = strchr(line, ' ')) == NULL)
			return n;
		*line++ = '\0';
	}
}

/*
 * One "line CHAPTER TREE N OFFSET PAGE" of a kept layout, cut into its
 * n fields f, its block found among the trees ("CHAPTER TREE" → its
 * blocks; key is room to spell it), its page among the labels read;
 * FALSE if it is malformed or names no block or page.
 */
static gboolean
load_line(char **f, guint nf, GHashTable *tree_blocks, GString *key,
    guint pages, struct linestart *ls)
{
	const GArray *bs;
	guint64 n, offset, page;

	if (nf != 6 || strcmp(f[0], "line") != 0)
		return FALSE;
	g_string_assign(key, f[1]);
	g_string_append_c(key, ' ');
	g_string_append(key, f[2]);
	bs = g_hash_table_lookup(tree_blocks, key->str);
	if (bs == NULL || bs->len == 0 || !number(f[3], bs->len - 1, &n) ||
	    !number(f[4], G_MAXUINT32, &offset) || !number(f[5], pages, &page) ||
	    page == 0)
		return FALSE;
	ls->block = g_array_index(bs, const struct node *, n);
	ls->offset = (guint32)offset;
	ls->page = (int)page;
	return TRUE;
}

/*
 * Reads the lines of a kept layout after its key: labels, line starts,
 * and "end LABELS LINES", which must count them and come last.
 */
static gboolean
load_lines(struct pagemap *pm, char **lines, GHashTable *tree_blocks)
{
	GString *key = g_string_new(NULL);
	guint64 labels, starts;
	gboolean ok = FALSE, end = FALSE;
	guint i, nf;

	for (i = 0; lines[i] != NULL && !end; i++) {
		char *f[FIELDS];
		struct linestart ls;

		if (g_str_has_prefix(lines[i], "label ") &&
		    pm->starts->len == 0) {
			g_ptr_array_add(pm->labels, g_strdup(lines[i] + 6));
			continue;
		}
		nf = fields(lines[i], f);
		if ((end = strcmp(f[0], "end") == 0))
			ok = nf == 3 && number(f[1], G_MAXUINT, &labels) &&
			    number(f[2], G_MAXUINT, &starts) &&
			    labels == pm->labels->len && labels > 0 &&
			    starts == pm->starts->len && lines[i + 1] != NULL &&
			    lines[i + 1][0] == '\0' && lines[i + 2] == NULL;
		else if (load_line(f, nf, tree_blocks, key, pm->labels->len,
		    &ls))
			g_array_append_val(pm->starts, ls);
		else
			break;
	}
	g_string_free(key, TRUE);
	return ok;
}

gboolean
pagemap_load(struct pagemap *pm, const struct edition *e, const char *key,
    const char *path)
{
	GHashTable *tree_blocks;
	GArray *ts;
	char *text, **lines;
	gboolean ok;
	guint i;

	if ((text = file_read(path, "the kept layout", FILE_MAX_DATA, "", NULL,
	    NULL)) == NULL)
		return FALSE;
	lines = g_strsplit(text, "\n", -1);
	g_free(text);
	ok = g_strv_length(lines) > 2 && strcmp(lines[0], PAGES_MAGIC) == 0 &&
	    g_str_has_prefix(lines[1], "key ") &&
	    strcmp(lines[1] + 4, key) == 0;
	tree_blocks = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
	    (GDestroyNotify)g_array_unref);
	ts = trees(e);
	for (i = 0; i < ts->len; i++) {
		const struct tree *t = &g_array_index(ts, struct tree, i);

		g_hash_table_insert(tree_blocks, t->name, blocks(t->root));
	}
	if (ok && (ok = load_lines(pm, lines + 2, tree_blocks)))
		place_marks(pm, e);
	if (!ok) {
		g_ptr_array_set_size(pm->labels, 0);
		g_array_set_size(pm->starts, 0);
		g_array_set_size(pm->mark_pages, 0);
	}
	g_hash_table_destroy(tree_blocks);
	g_array_free(ts, TRUE);
	g_strfreev(lines);
	return ok;
}
