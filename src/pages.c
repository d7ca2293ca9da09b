/*
 * pages.c — the page map shared by the print layout and the other outputs.
 */
#include <stdlib.h>

#include "pages.h"

void
pagemap_init(struct pagemap *pm)
{
	pm->breaks = g_array_new(FALSE, TRUE, sizeof(struct pagebreak));
	pm->page_of = g_hash_table_new(g_direct_hash, g_direct_equal);
	pm->labels = g_ptr_array_new_with_free_func(g_free);
}

void
pagemap_release(struct pagemap *pm)
{
	g_array_free(pm->breaks, TRUE);
	g_hash_table_destroy(pm->page_of);
	g_ptr_array_free(pm->labels, TRUE);
}

const char *
pagemap_label(const struct pagemap *pm, const struct node *n)
{
	int page = GPOINTER_TO_INT(g_hash_table_lookup(pm->page_of, n));

	if (page < 1 || (guint)page > pm->labels->len)
		return NULL;
	return g_ptr_array_index(pm->labels, page - 1);
}

/* Adds the folio of each index mark under root. */
static void
mark_folios(GHashTable *folios, const struct pagemap *pm, struct node *root)
{
	struct iter it;
	const char *label;

	if (root == NULL)
		return;
	iter_init(&it, root);
	while (iter_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && it.cur->type == NODE_INDEXMARK &&
		    (label = pagemap_label(pm, it.cur)) != NULL)
			g_hash_table_insert(folios, it.cur->as.mark,
			    GINT_TO_POINTER(atoi(label)));
}

GHashTable *
pagemap_folios(const struct pagemap *pm, const struct edition *e)
{
	GHashTable *folios = g_hash_table_new(g_direct_hash, g_direct_equal);
	guint i, j;

	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);

		mark_folios(folios, pm, c->preface);
		mark_folios(folios, pm, c->doc);
		for (j = 0; j < c->notes->len; j++)
			mark_folios(folios, pm, ((struct note *)
			    g_ptr_array_index(c->notes, j))->body);
	}
	return folios;
}
