/*
 * map.c — the page map (pages.h) read off the made-up parts: every
 * page's label, where each page begins (in the prelims, the text or the
 * index), and the page of each note reference and index mark.
 */
#include <string.h>

#include "map.h"

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

/*
 * Where a page begins in the model: in a block of the text at its first
 * line (a chapter's head at its text's start), or in the first prelim
 * or index entry its lines set.  FALSE for a blank page.
 */
static gboolean
page_start(const struct press *p, const struct edition *e,
    const struct part *part, const struct page *pg, struct pagebreak *pb)
{
	const struct line *ln;

	if (pg->count > 0)
		ln = GALLEY_LINE(part->galley, pg->first);
	else if (pg->nnotes > 0)
		ln = GALLEY_LINE(p->notes, g_array_index(part->mk.placed,
		    struct placed, pg->notes).from);
	else
		return FALSE;
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
	return tagged_start(part, pg, pb);
}

/* The pages before the part's first, and the page map being filled. */
struct filling {
	struct pagemap	*pm;
	int		 before;
};

/* The page of an index mark on a line (part_each_anchor's). */
static void
anchor_page(const struct line *ln, const struct anchor *a, void *arg)
{
	const struct filling *f = arg;

	if (a->kind == ANCHOR_MARK)
		pagemap_set_mark_page(f->pm, a->mark,
		    f->before + ln->page + 1);
}

/* Where the lines of a galley from…to begin in the model. */
static void
line_starts(struct pagemap *pm, const struct galley *g, guint from, guint to,
    int before)
{
	guint i;

	for (i = from; i < MIN(to, g->lines->len); i++) {
		const struct line *ln = GALLEY_LINE(g, i);
		struct linestart ls = { ln->block, (guint32)ln->offset,
		    before + ln->page + 1 };

		/* 16 bytes a line, the long book's largest array: a
		   paragraph's text past 4 GiB (a source that size, read
		   with --max-source) leaves its later lines unmapped. */
		if (ln->para != NULL && ln->page >= 0 && ln->block != NULL &&
		    ln->offset <= G_MAXUINT32)
			g_array_append_val(pm->starts, ls);
	}
}

/* The same for a part's lines and those of the notes its pages hold,
 * and the pages of their anchors: the file's, from the part's before. */
static void
place_lines(struct pagemap *pm, const struct press *p,
    const struct part *part)
{
	struct filling f = { pm, part->before };
	guint i;

	line_starts(pm, part->galley, 0, G_MAXUINT, part->before);
	for (i = 0; i < part->mk.placed->len; i++) {
		const struct placed *pl = &g_array_index(part->mk.placed,
		    struct placed, i);

		line_starts(pm, p->notes, pl->from, pl->to, part->before);
	}
	part_each_anchor(p, part, anchor_page, &f);
}

void
map_init(struct mapper *m, struct pagemap *pm)
{
	m->pm = pm;
	m->blank = g_array_new(FALSE, FALSE, sizeof(struct pagebreak));
}

void
map_part(struct mapper *m, const struct press *p, const struct edition *e,
    const struct part *part)
{
	struct pagemap *pm = m->pm;
	guint i, j;

	for (i = 0; i < part->mk.pages->len; i++) {
		const struct page *pg = &g_array_index(part->mk.pages,
		    struct page, i);
		struct pagebreak pb = { NULL, 0, NULL, 0, PRELIM_NONE, "" };

		part_label(part, (int)i + 1, pb.label, sizeof(pb.label));
		g_ptr_array_add(pm->labels, g_strdup(pb.label));
		/*
		 * A blank page (a verso before a chapter) has nothing to
		 * begin in: its break goes where the next page's does, just
		 * before it, so that the page list still counts every page.
		 */
		if (!page_start(p, e, part, pg, &pb)) {
			g_array_append_val(m->blank, pb);
			continue;
		}
		for (j = 0; j < m->blank->len; j++) {
			struct pagebreak early = pb;

			memcpy(early.label, g_array_index(m->blank,
			    struct pagebreak, j).label, sizeof(early.label));
			g_array_append_val(pm->breaks, early);
		}
		g_array_set_size(m->blank, 0);
		g_array_append_val(pm->breaks, pb);
	}
	place_lines(pm, p, part);
}

/* Gives the map's pages, from the first, n more before them. */
static void
shift(struct pagemap *pm, int n)
{
	guint i;

	for (i = 0; i < pm->starts->len; i++)
		g_array_index(pm->starts, struct linestart, i).page += n;
	for (i = 0; i < pm->mark_pages->len; i++)
		if (g_array_index(pm->mark_pages, gint32, i) > 0)
			g_array_index(pm->mark_pages, gint32, i) += n;
}

void
map_prepend(struct mapper *m, struct mapper *front)
{
	struct pagemap *pm = m->pm, *fm = front->pm;
	guint i;

	/*
	 * Front's blank pages at its end break where m's first page does;
	 * if m has none yet, where the next page mapped does.
	 */
	if (pm->breaks->len == 0)
		g_array_prepend_vals(m->blank, front->blank->data,
		    front->blank->len);
	for (i = 0; i < front->blank->len && pm->breaks->len > 0; i++) {
		struct pagebreak early = g_array_index(pm->breaks,
		    struct pagebreak, 0);

		memcpy(early.label, g_array_index(front->blank,
		    struct pagebreak, i).label, sizeof(early.label));
		g_array_append_val(fm->breaks, early);
	}
	shift(pm, (int)fm->labels->len);
	g_array_prepend_vals(pm->breaks, fm->breaks->data, fm->breaks->len);
	g_array_prepend_vals(pm->starts, fm->starts->data, fm->starts->len);
	for (i = fm->labels->len; i > 0; i--)
		g_ptr_array_insert(pm->labels, 0, g_strdup(
		    g_ptr_array_index(fm->labels, i - 1)));
	if (pm->mark_pages->len < fm->mark_pages->len)
		g_array_set_size(pm->mark_pages, fm->mark_pages->len);
	for (i = 0; i < fm->mark_pages->len; i++)
		if (g_array_index(fm->mark_pages, gint32, i) > 0)
			g_array_index(pm->mark_pages, gint32, i) =
			    g_array_index(fm->mark_pages, gint32, i);
}

void
map_release(struct mapper *m)
{
	g_array_free(m->blank, TRUE);
}
