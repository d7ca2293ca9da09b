/*
 * map.c — the page map (pages.h) read off the made-up parts: every
 * page's label, where each page begins (in the prelims, the text or the
 * index), and the page of each note reference and index mark.
 */
#include <string.h>

#include "map.h"

/* The model's place where a page's first line begins. */
static gboolean
page_start(const struct press *p, const struct edition *e,
    const struct part *text, const struct page *pg, struct pagebreak *pb)
{
	const struct line *ln;

	if (pg->count > 0)
		ln = GALLEY_LINE(text->galley, pg->first);
	else if (pg->nnotes > 0)
		ln = GALLEY_LINE(p->notes, g_array_index(text->mk.placed,
		    struct placed, pg->notes).from);
	else
		return FALSE;	/* a blank page */
	if (ln->block != NULL) {
		pb->block = ln->block;
		pb->offset = ln->offset;
		return TRUE;
	}
	if (ln->chapter >= 0) {
		/* A chapter's head, not the model's text: its beginning. */
		const struct chapter *c = g_ptr_array_index(e->chapters,
		    ln->chapter);

		pb->block = c->preface != NULL ? c->preface : c->doc;
		pb->offset = 0;
		return pb->block != NULL;
	}
	return FALSE;
}

/* What a page map is filled with: the map, and the pages before. */
struct filling {
	struct pagemap	*pm;
	int		 before;
};

/* The page of a note reference or index mark (galley_each_anchor's). */
static void
anchor_page(const struct line *ln, const struct anchor *a, void *arg)
{
	const struct filling *f = arg;

	if (a->kind == ANCHOR_REF || a->kind == ANCHOR_MARK)
		g_hash_table_insert(f->pm->page_of, (gpointer)a->node,
		    GINT_TO_POINTER(f->before + ln->page + 1));
}

/*
 * Where a galley's lines begin in the model, and the pages of their note
 * references and index marks.
 */
static void
place_anchors(struct pagemap *pm, const struct galley *g, int before)
{
	struct filling f = { pm, before };
	guint i;

	for (i = 0; i < g->lines->len; i++) {
		const struct line *ln = GALLEY_LINE(g, i);
		struct linestart ls = { ln->block, ln->offset,
		    before + ln->page + 1 };

		if (ln->para != NULL && ln->page >= 0 && ln->block != NULL)
			g_array_append_val(pm->starts, ls);
	}
	galley_each_anchor(g, anchor_page, &f);
}

/*
 * The page number an index line begins with, as the page of the file
 * it links to: the first on the line or after it, G_MAXINT if none.
 */
static int
first_locator(const struct line *ln)
{
	guint j;

	for (j = 0; j < ln->para->anchors->len; j++) {
		const struct anchor *a = &g_array_index(ln->para->anchors,
		    struct anchor, j);

		if (a->kind == ANCHOR_PAGE && a->start >= ln->start)
			return a->page;
	}
	return G_MAXINT;
}

/*
 * Where a page of the prelims or the index begins: the first prelim or
 * index entry its lines set; in an entry that an earlier page began,
 * the page number its first line begins with.
 */
static gboolean
tagged_start(const struct part *part, const struct page *pg,
    struct pagebreak *pb)
{
	guint k;

	for (k = pg->first; k < pg->first + pg->count; k++) {
		const struct line *ln = GALLEY_LINE(part->galley, k);

		pb->entry = ln->entry;
		pb->prelim = ln->prelim;
		if (pb->entry != NULL && k > 0 &&
		    GALLEY_LINE(part->galley, k - 1)->para == ln->para)
			pb->locator = first_locator(ln);
		if (pb->entry != NULL || pb->prelim != PRELIM_NONE)
			return TRUE;
	}
	return FALSE;
}

void
map_pages(struct pagemap *pm, const struct press *p, const struct edition *e,
    const struct part *front, const struct part *text,
    const struct part *index)
{
	const struct part *parts[] = { front, text, index };
	GArray *blank;
	guint i, k;

	for (k = 0; k < G_N_ELEMENTS(parts) && parts[k] != NULL; k++)
		for (i = 0; i < parts[k]->mk.pages->len; i++) {
			char label[16];

			part_label(parts[k], (int)i + 1, label, sizeof(label));
			g_ptr_array_add(pm->labels, g_strdup(label));
		}
	/*
	 * A blank page (a verso before a chapter) has nothing to begin in:
	 * its break goes where the next page's does, just before it, so
	 * the page list still counts every page.
	 */
	blank = g_array_new(FALSE, FALSE, sizeof(struct pagebreak));
	for (k = 0; k < G_N_ELEMENTS(parts) && parts[k] != NULL; k++)
		for (i = 0; i < parts[k]->mk.pages->len; i++) {
			const struct page *pg = &g_array_index(
			    parts[k]->mk.pages, struct page, i);
			struct pagebreak pb = { NULL, 0, NULL, 0, PRELIM_NONE,
			    "" };
			guint j;

			part_label(parts[k], (int)i + 1, pb.label,
			    sizeof(pb.label));
			if (parts[k] == text ? !page_start(p, e, text, pg, &pb) :
			    !tagged_start(parts[k], pg, &pb)) {
				g_array_append_val(blank, pb);
				continue;
			}
			for (j = 0; j < blank->len; j++) {
				struct pagebreak early = pb;

				memcpy(early.label, g_array_index(blank,
				    struct pagebreak, j).label,
				    sizeof(early.label));
				g_array_append_val(pm->breaks, early);
			}
			g_array_set_size(blank, 0);
			g_array_append_val(pm->breaks, pb);
		}
	g_array_free(blank, TRUE);
	place_anchors(pm, text->galley, text->before);
	place_anchors(pm, p->notes, text->before);
}
