/*
 * pages.c — the page map shared by the print layout and the other outputs.
 */
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
