/*
 * anchors.c — the index's locators and the anchors they link to,
 * decided before any page is written: a chapter's page places only the
 * anchors the index will link to.
 */
#include <string.h>

#include "epub/anchors.h"

/* No locators: what a heading without marks gets. */
static const GArray no_locators;

/*
 * A mark's locator: the print page ("12", "12 n. 3" in a note) if the
 * page map has it, else the chapter and paragraph ("essay ¶ 3", "essay
 * intro ¶ 2" in its introduction, "essay n. 12").  No-break spaces keep
 * "12 n. 3" on one line.
 */
static struct locator
locate(const struct index_mark *m, const struct pagemap *pm)
{
	const char *label = pm != NULL ? pagemap_label(pm, m) : NULL;
	struct locator l = { G_MAXINT, m, NULL };
	const char *where = label != NULL ? label : m->chapter->id;

	if (label != NULL)
		l.page = pagemap_mark_page(pm, m);
	if (m->note != NULL)
		l.text = g_strdup_printf("%s\xc2\xa0n.\xc2\xa0%s", where,
		    m->note->mark);
	else if (label != NULL)
		l.text = g_strdup(label);
	else
		l.text = g_strdup_printf("%s%s \xc2\xb6\xc2\xa0%d", where,
		    m->preface ? " intro" : "", m->para);
	return l;
}

/* Page order; marks on one page (or on none) in the edition's order. */
static gint
locator_cmp(gconstpointer a, gconstpointer b)
{
	const struct locator *x = a, *y = b;

	if (x->page != y->page)
		return x->page < y->page ? -1 : 1;
	return x->mark->id < y->mark->id ? -1 : x->mark->id > y->mark->id;
}

static void
locators_free(gpointer p)
{
	GArray *locs = p;
	guint i;

	for (i = 0; i < locs->len; i++)
		g_free(g_array_index(locs, struct locator, i).text);
	g_array_free(locs, TRUE);
}

/*
 * One locator per place, in text order, or page order if there are
 * print pages: a mark whose locator repeats the one before adds none.
 * The marks the locators keep are put in linked.
 */
static GArray *
entry_locators(const struct index_entry *ie, const struct pagemap *pm,
    GHashTable *linked)
{
	GArray *locs = g_array_sized_new(FALSE, FALSE, sizeof(struct locator),
	    ie->marks->len);
	guint i, kept = 0;

	for (i = 0; i < ie->marks->len; i++) {
		struct locator l = locate(g_ptr_array_index(ie->marks, i), pm);

		g_array_append_val(locs, l);
	}
	if (pm != NULL)
		g_array_sort(locs, locator_cmp);
	for (i = 0; i < locs->len; i++) {
		struct locator *l = &g_array_index(locs, struct locator, i);

		if (kept > 0 && strcmp(g_array_index(locs, struct locator,
		    kept - 1).text, l->text) == 0) {
			g_free(l->text);
			continue;
		}
		g_hash_table_add(linked, (gpointer)l->mark);
		g_array_index(locs, struct locator, kept++) = *l;
	}
	g_array_set_size(locs, kept);
	return locs;
}

/* Numbers the marks of one tree of chapter, from *n, naming the linked. */
static void
number_marks(struct anchors *a, const struct node *root, GHashTable *linked,
    int *n)
{
	const struct index_mark *const *m;
	struct citer it;

	citer_init(&it, root);
	while (citer_next(&it) != ITER_NONE) {
		if (it.ev != ITER_ENTER)
			continue;
		for (m = node_marks(it.cur); *m != NULL; m++) {
			++*n;
			if (g_hash_table_contains(linked, *m))
				g_hash_table_insert(a->ids, (gpointer)*m,
				    g_strdup_printf("ix-%d", *n));
		}
	}
}

void
anchors_init(struct anchors *a, const struct edition *e,
    const struct pagemap *pages)
{
	GHashTable *linked = g_hash_table_new(g_direct_hash, g_direct_equal);
	GPtrArray *todo = g_ptr_array_new();
	guint i, j;
	int n;

	a->locators = g_hash_table_new_full(g_direct_hash, g_direct_equal,
	    NULL, locators_free);
	a->ids = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
	    g_free);
	/* Headings and their sub-headings, without recursion. */
	for (i = 0; e->index != NULL && i < e->index->len; i++)
		g_ptr_array_add(todo, g_ptr_array_index(e->index, i));
	for (i = 0; i < todo->len; i++) {
		const struct index_entry *ie = g_ptr_array_index(todo, i);

		for (j = 0; j < ie->subs->len; j++)
			g_ptr_array_add(todo, g_ptr_array_index(ie->subs, j));
		if (ie->marks->len > 0)
			g_hash_table_insert(a->locators, (gpointer)ie,
			    entry_locators(ie, pages, linked));
	}
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);

		n = 0;
		if (c->preface != NULL)
			number_marks(a, c->preface, linked, &n);
		if (c->doc != NULL)
			number_marks(a, c->doc, linked, &n);
		for (j = 0; j < c->notes->len; j++)
			number_marks(a, ((const struct note *)
			    g_ptr_array_index(c->notes, j))->body, linked, &n);
	}
	g_ptr_array_free(todo, TRUE);
	g_hash_table_destroy(linked);
}

void
anchors_release(struct anchors *a)
{
	g_hash_table_destroy(a->locators);
	g_hash_table_destroy(a->ids);
}

const GArray *
anchors_locators(const struct anchors *a, const struct index_entry *ie)
{
	const GArray *locs = g_hash_table_lookup(a->locators, ie);

	return locs != NULL ? locs : &no_locators;
}

const char *
anchors_id(const struct anchors *a, const struct index_mark *mark)
{
	return g_hash_table_lookup(a->ids, mark);
}
