/*
 * galley.c — the galleys' arrays, whose lines hold their paragraphs'
 * references, and the footnotes' names.
 */
#include "galley.h"

static void
line_clear(gpointer p)
{
	struct line *ln = p;

	para_unref(ln->para);
	para_unref(ln->side);
}

static void
tag_clear(gpointer p)
{
	struct tagev *t = p;

	g_free(t->attrs);
}

void
head_clear(gpointer p)
{
	struct head *h = p;

	g_free(h->title);
}

struct galley *
galley_new(void)
{
	struct galley *g = g_new0(struct galley, 1);

	g->lines = g_array_new(FALSE, FALSE, sizeof(struct line));
	g_array_set_clear_func(g->lines, line_clear);
	g->tags = g_array_new(FALSE, FALSE, sizeof(struct tagev));
	g_array_set_clear_func(g->tags, tag_clear);
	g->anchored = g_array_new(FALSE, FALSE, sizeof(guint));
	g->heads = g_array_new(FALSE, FALSE, sizeof(struct head));
	g_array_set_clear_func(g->heads, head_clear);
	return g;
}

void
galley_free(struct galley *g)
{
	if (g == NULL)
		return;
	g_array_free(g->lines, TRUE);
	g_array_free(g->tags, TRUE);
	g_array_free(g->anchored, TRUE);
	g_array_free(g->heads, TRUE);
	g_free(g);
}

void
galley_release_lines(struct galley *g, guint first, guint count)
{
	guint i;

	for (i = first; i < first + count && i < g->lines->len; i++) {
		struct line *ln = GALLEY_LINE(g, i);

		para_unref(ln->para);
		para_unref(ln->side);
		ln->para = NULL;
		ln->side = NULL;
	}
}

void
galley_tag(struct galley *g, const char *name, const char *attrs,
    gboolean end)
{
	struct tagev t = { g->lines->len, name, g_strdup(attrs), NULL, end,
	    FALSE };

	g_array_append_val(g->tags, t);
}

void
galley_tag_lang(struct galley *g, const char *name, const char *lang)
{
	struct tagev t = { g->lines->len, name, NULL, lang, FALSE, FALSE };

	g_array_append_val(g->tags, t);
}

void
galley_tag_marker(struct galley *g, const char *name, gboolean end)
{
	struct tagev t = { g->lines->len, name, NULL, NULL, end, TRUE };

	g_array_append_val(g->tags, t);
}

void
galley_flag_block(struct galley *g, guint i, unsigned flags)
{
	guint first = i, last = i;

	/* Flags are set on whole blocks: a block flagged once is done (a
	 * paragraph of many notes would otherwise be walked once each). */
	if ((GALLEY_LINE(g, i)->flags & flags) == flags)
		return;
	while (first > 0 && !(GALLEY_LINE(g, first)->flags & LINE_FIRST))
		first--;
	while (last + 1 < g->lines->len &&
	    !(GALLEY_LINE(g, last)->flags & LINE_LAST))
		last++;
	for (i = first; i <= last; i++)
		GALLEY_LINE(g, i)->flags |= flags;
}

void
galley_each_anchor(const struct galley *g, guint from, guint to,
    void (*fn)(const struct line *, const struct anchor *, void *),
    void *arg)
{
	guint i, j;

	for (i = from; i < MIN(to, g->lines->len); i++) {
		const struct line *ln = GALLEY_LINE(g, i);
		const struct line *next = i + 1 < g->lines->len ?
		    GALLEY_LINE(g, i + 1) : NULL;
		guint end = next != NULL && next->para == ln->para ?
		    next->start : G_MAXUINT;

		if (ln->para == NULL || ln->page < 0)
			continue;
		for (j = 0; j < ln->para->anchors->len; j++) {
			const struct anchor *a = &g_array_index(
			    ln->para->anchors, struct anchor, j);

			if ((a->kind == ANCHOR_MARK || a->node != NULL) &&
			    a->start >= ln->start && a->start < end)
				fn(ln, a, arg);
		}
	}
}

struct para *
para_ref(struct para *pa)
{
	if (pa != NULL)
		pa->refs++;
	return pa;
}

void
para_unref(struct para *pa)
{
	guint i;

	if (pa == NULL || --pa->refs > 0)
		return;
	for (i = 0; i < pa->nitems; i++)
		pango_item_free(pa->items[i]);
	g_free(pa->items);
	g_free(pa->pieces);
	g_array_free(pa->anchors, TRUE);
	g_free(pa->text);
	g_free(pa);
}

const struct footnote *
press_footnote(const struct press *p, const struct note *n)
{
	guint i = GPOINTER_TO_UINT(g_hash_table_lookup(p->note_index, n));

	return i == 0 ? NULL :
	    &g_array_index(p->footnotes, struct footnote, i - 1);
}

int
press_drawn(const struct press *p, int n)
{
	if (n <= p->front_pages)
		return n + p->text_pages;
	if (n <= p->front_pages + p->text_pages)
		return n - p->front_pages;
	return n;
}

void
footnote_dest(const struct press *p, const struct footnote *fn, char kind,
    char *buf, size_t size)
{
	g_snprintf(buf, size, "%c%u", kind, (guint)(fn -
	    &g_array_index(p->footnotes, struct footnote, 0)) + 1);
}

guint
footnote_of_dest(const char *dest, char *kind)
{
	char *end;
	guint64 n;

	if ((dest[0] != 'n' && dest[0] != 'r') || dest[1] < '1' ||
	    dest[1] > '9')
		return 0;
	n = g_ascii_strtoull(dest + 1, &end, 10);
	if (*end != '\0' || n > G_MAXUINT)
		return 0;
	*kind = dest[0];
	return (guint)n;
}

const struct node *
para_passage(const struct para *pa, guint at)
{
	const struct node *span = NULL;
	guint i;

	/* By their starts: a passage inside another comes after it. */
	for (i = 0; pa->anchors != NULL && i < pa->anchors->len; i++) {
		const struct anchor *a = &g_array_index(pa->anchors,
		    struct anchor, i);

		if (a->kind == ANCHOR_LANG && at >= a->start && at < a->end)
			span = a->node;
	}
	return span;
}
