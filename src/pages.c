/*
 * pages.c — the page map shared by the print layout and the other
 * outputs, and its copy on disk: the last layout, which `octavo index`
 * reads instead of laying the book out again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pages.h"

#define PAGES_MAGIC	"octavo pages 1"

void
pagemap_init(struct pagemap *pm)
{
	pm->breaks = g_array_new(FALSE, TRUE, sizeof(struct pagebreak));
	pm->page_of = g_hash_table_new(g_direct_hash, g_direct_equal);
	pm->labels = g_ptr_array_new_with_free_func(g_free);
	pm->starts = g_array_new(FALSE, FALSE, sizeof(struct linestart));
}

void
pagemap_release(struct pagemap *pm)
{
	g_array_free(pm->breaks, TRUE);
	g_hash_table_destroy(pm->page_of);
	g_ptr_array_free(pm->labels, TRUE);
	g_array_free(pm->starts, TRUE);
}

const char *
pagemap_label(const struct pagemap *pm, const struct node *n)
{
	int page = GPOINTER_TO_INT(g_hash_table_lookup(pm->page_of, n));

	if (page < 1 || (guint)page > pm->labels->len)
		return NULL;
	return g_ptr_array_index(pm->labels, page - 1);
}

/*
 * The trees of the model whose lines are printed, one chapter after
 * another: its introduction, its text and each note.  name is how the
 * saved map calls the tree ("intro", "text", "n3" for the chapter's
 * fourth note).
 */
struct tree {
	const struct chapter	*chapter;
	struct node		*root;		/* NULL: the chapter has none */
	char			 name[16];
};

static GArray *
trees(const struct edition *e)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct tree));
	guint i, j;

	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);
		struct tree t = { c, c->preface, "intro" };

		g_array_append_val(out, t);
		t.root = c->doc;
		g_strlcpy(t.name, "text", sizeof(t.name));
		g_array_append_val(out, t);
		for (j = 0; j < c->notes->len; j++) {
			t.root = ((struct note *)g_ptr_array_index(c->notes,
			    j))->body;
			g_snprintf(t.name, sizeof(t.name), "n%u", j);
			g_array_append_val(out, t);
		}
	}
	return out;
}

/* The blocks of a tree in document order: their place in it, from 0. */
static GPtrArray *
blocks(struct node *root)
{
	GPtrArray *out = g_ptr_array_new();
	struct iter it;

	if (root == NULL)
		return out;
	iter_init(&it, root);
	while (iter_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && node_is_block(it.cur))
			g_ptr_array_add(out, it.cur);
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
 * The page a node falls on: of the last line of its block that begins
 * at or before the node's place in node_text(block); 0 if its block
 * has no lines.
 */
static int
page_of_node(GHashTable *by, const struct node *n)
{
	const struct node *b;
	const GArray *list = NULL;
	gsize at = 0;
	struct iter it;
	int page;
	guint i;

	for (b = n->parent; b != NULL; b = b->parent)
		if ((list = g_hash_table_lookup(by, b)) != NULL)
			break;
	if (list == NULL)
		return 0;
	iter_init(&it, (struct node *)b);
	while (iter_next(&it) != ITER_NONE && it.cur != n)
		if (it.ev == ITER_ENTER)
			at += node_text_length(it.cur);
	page = g_array_index(list, struct linestart, 0).page;
	for (i = 1; i < list->len; i++)
		if (g_array_index(list, struct linestart, i).offset <= at)
			page = g_array_index(list, struct linestart, i).page;
	return page;
}

GHashTable *
pagemap_folios(const struct pagemap *pm, const struct edition *e)
{
	GHashTable *folios = g_hash_table_new(g_direct_hash, g_direct_equal);
	GHashTable *by = starts_by_block(pm);
	GArray *ts = trees(e);
	guint i;

	for (i = 0; i < ts->len; i++) {
		struct tree *t = &g_array_index(ts, struct tree, i);
		struct iter it;
		int page;

		if (t->root == NULL)
			continue;
		iter_init(&it, t->root);
		while (iter_next(&it) != ITER_NONE)
			if (it.ev == ITER_ENTER &&
			    it.cur->type == NODE_INDEXMARK &&
			    (page = page_of_node(by, it.cur)) > 0 &&
			    (guint)page <= pm->labels->len)
				g_hash_table_insert(folios, it.cur->as.mark,
				    GINT_TO_POINTER(atoi(g_ptr_array_index(
				    pm->labels, page - 1))));
	}
	g_array_free(ts, TRUE);
	g_hash_table_destroy(by);
	return folios;
}

gboolean
pagemap_save(const struct pagemap *pm, const struct edition *e,
    const char *key, const char *path, GError **err)
{
	GString *out = g_string_new(PAGES_MAGIC "\n");
	GHashTable *where = g_hash_table_new_full(g_direct_hash,
	    g_direct_equal, NULL, g_free);
	GArray *ts = trees(e);
	gboolean ok;
	guint i, j;

	g_string_append_printf(out, "key %s\n", key);
	for (i = 0; i < pm->labels->len; i++)
		g_string_append_printf(out, "label %s\n",
		    (const char *)g_ptr_array_index(pm->labels, i));
	for (i = 0; i < ts->len; i++) {
		const struct tree *t = &g_array_index(ts, struct tree, i);
		GPtrArray *bs = blocks(t->root);

		for (j = 0; j < bs->len; j++)
			g_hash_table_insert(where, g_ptr_array_index(bs, j),
			    g_strdup_printf("%s %s %u", t->chapter->id,
			    t->name, j));
		g_ptr_array_free(bs, TRUE);
	}
	for (i = 0; i < pm->starts->len; i++) {
		const struct linestart *ls = &g_array_index(pm->starts,
		    struct linestart, i);
		const char *place = g_hash_table_lookup(where, ls->block);

		if (place != NULL)
			g_string_append_printf(out, "line %s %" G_GSIZE_FORMAT
			    " %d\n", place, ls->offset, ls->page);
	}
	ok = g_file_set_contents(path, out->str, (gssize)out->len, err);
	g_array_free(ts, TRUE);
	g_hash_table_destroy(where);
	g_string_free(out, TRUE);
	return ok;
}

/*
 * One "line CHAPTER TREE N OFFSET PAGE" of a saved map, its block found
 * among the trees (a table "CHAPTER TREE" → its blocks); FALSE if it
 * names none of them.
 */
static gboolean
load_line(const char *s, GHashTable *tree_blocks, guint pages,
    struct linestart *ls)
{
	char chapter[256], tree[16], *key;
	unsigned n;
	unsigned long long offset;
	int page;
	const GPtrArray *bs;

	if (sscanf(s, "line %255s %15s %u %llu %d", chapter, tree, &n,
	    &offset, &page) != 5 || page < 1 || (guint)page > pages)
		return FALSE;
	key = g_strdup_printf("%s %s", chapter, tree);
	bs = g_hash_table_lookup(tree_blocks, key);
	g_free(key);
	if (bs == NULL || n >= bs->len)
		return FALSE;
	ls->block = g_ptr_array_index(bs, n);
	ls->offset = (gsize)offset;
	ls->page = page;
	return TRUE;
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

	if (!g_file_get_contents(path, &text, NULL, NULL))
		return FALSE;
	lines = g_strsplit(text, "\n", -1);
	g_free(text);
	ok = g_strv_length(lines) > 2 && strcmp(lines[0], PAGES_MAGIC) == 0 &&
	    g_str_has_prefix(lines[1], "key ") &&
	    strcmp(lines[1] + 4, key) == 0;
	tree_blocks = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    (GDestroyNotify)g_ptr_array_unref);
	ts = trees(e);
	for (i = 0; ok && i < ts->len; i++) {
		const struct tree *t = &g_array_index(ts, struct tree, i);

		g_hash_table_insert(tree_blocks, g_strdup_printf("%s %s",
		    t->chapter->id, t->name), blocks(t->root));
	}
	for (i = 2; ok && lines[i] != NULL && lines[i][0] != '\0'; i++) {
		struct linestart ls;

		if (g_str_has_prefix(lines[i], "label "))
			g_ptr_array_add(pm->labels, g_strdup(lines[i] + 6));
		else if ((ok = load_line(lines[i], tree_blocks,
		    pm->labels->len, &ls)))
			g_array_append_val(pm->starts, ls);
	}
	if (!ok) {
		g_ptr_array_set_size(pm->labels, 0);
		g_array_set_size(pm->starts, 0);
	}
	g_array_free(ts, TRUE);
	g_hash_table_destroy(tree_blocks);
	g_strfreev(lines);
	return ok;
}
