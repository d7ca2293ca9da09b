/*
 * anchors.c — the index's locators and the anchors they link to,
 * decided before any page is written: a chapter's page places only the
 * anchors the index will link to.
 */
#include "epub/anchors.h"

/* No locators: what a heading without marks gets. */
static const GArray no_locators;

/* A mark's locator: its print page, if the page map has it. */
static struct locator
locate(const struct index_mark *m, const struct pagemap *pm)
{
	struct locator l = { G_MAXINT, m };

	if (pm != NULL && pagemap_label(pm, m) != NULL)
		l.page = pagemap_mark_page(pm, m);
	return l;
}

/*
 * The print page ("12", "12 n. 3" in a note) if the page map has it,
 * else the chapter and paragraph ("essay ¶ 3", "essay intro ¶ 2" in its
 * introduction, "essay n. 12").  No-break spaces keep "12 n. 3" on one
 * line.
 */
void
anchors_locator_text(const struct anchors *a, const struct locator *l,
    GString *out)
{
	const struct index_mark *m = l->mark;
	const char *label = a->pages != NULL ? pagemap_label(a->pages, m) :
	    NULL;
	const char *where = label != NULL ? label : m->chapter->id;

	if (m->note != NULL)
		g_string_append_printf(out, "%s\xc2\xa0n.\xc2\xa0%s", where,
		    m->note->mark);
	else if (label != NULL)
		g_string_append(out, label);
	else
		g_string_append_printf(out, "%s%s \xc2\xb6\xc2\xa0%d", where,
		    m->preface ? " intro" : "", m->para);
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

/*
 * One locator per place, in text order, or page order if there are
 * print pages: a mark whose locator repeats the one before adds none.
 * The marks the locators keep are marked linked (-1) in numbers.
 */
static GArray *
entry_locators(struct anchors *a, const struct index_entry *ie)
{
	GArray *locs = g_array_sized_new(FALSE, FALSE, sizeof(struct locator),
	    ie->marks->len);
	GString *text = g_string_new(NULL), *before = g_string_new(NULL);
	guint i, kept = 0;

	for (i = 0; i < ie->marks->len; i++) {
		struct locator l = locate(g_ptr_array_index(ie->marks, i),
		    a->pages);

		g_array_append_val(locs, l);
	}
	if (a->pages != NULL)
		g_array_sort(locs, locator_cmp);
	for (i = 0; i < locs->len; i++) {
		struct locator *l = &g_array_index(locs, struct locator, i);

		g_string_truncate(text, 0);
		anchors_locator_text(a, l, text);
		if (kept > 0 && g_string_equal(text, before))
			continue;
		index_mark_set(a->numbers, l->mark, -1);
		g_array_index(locs, struct locator, kept++) = *l;
		g_string_assign(before, text->str);
	}
	g_array_set_size(locs, kept);
	g_string_free(text, TRUE);
	g_string_free(before, TRUE);
	return locs;
}

/*
 * Numbers the marks of one tree of chapter, from *n, giving the linked
 * their numbers.
 */
static void
number_marks(struct anchors *a, const struct node *root, int *n)
{
	const struct index_mark *const *m;
	struct citer it;

	citer_init(&it, root);
	while (citer_next(&it) != ITER_NONE) {
		if (it.ev != ITER_ENTER)
			continue;
		for (m = node_marks(it.cur); *m != NULL; m++) {
			++*n;
			if (index_mark_number(a->numbers, *m) == -1)
				index_mark_set(a->numbers, *m, *n);
		}
	}
}

void
anchors_init(struct anchors *a, const struct edition *e,
    const struct pagemap *pages)
{
	GPtrArray *headings = index_headings(e);
	guint i, j;
	int n;

	a->pages = pages;
	a->locators = g_hash_table_new_full(g_direct_hash, g_direct_equal,
	    NULL, (GDestroyNotify)g_array_unref);
	a->numbers = g_array_new(FALSE, TRUE, sizeof(gint32));
	for (i = 0; i < headings->len; i++) {
		const struct index_entry *ie = g_ptr_array_index(headings, i);

		if (ie->marks->len > 0)
			g_hash_table_insert(a->locators, (gpointer)ie,
			    entry_locators(a, ie));
	}
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);

		n = 0;
		if (c->preface != NULL)
			number_marks(a, c->preface, &n);
		if (c->doc != NULL)
			number_marks(a, c->doc, &n);
		for (j = 0; j < c->notes->len; j++)
			number_marks(a, ((const struct note *)
			    g_ptr_array_index(c->notes, j))->body, &n);
	}
	g_ptr_array_free(headings, TRUE);
}

void
anchors_release(struct anchors *a)
{
	g_hash_table_destroy(a->locators);
	g_array_free(a->numbers, TRUE);
}

const GArray *
anchors_locators(const struct anchors *a, const struct index_entry *ie)
{
	const GArray *locs = g_hash_table_lookup(a->locators, ie);

	return locs != NULL ? locs : &no_locators;
}

int
anchors_number(const struct anchors *a, const struct index_mark *mark)
{
	return MAX(index_mark_number(a->numbers, mark), 0);
}
