/*
 * page.c — making up pages, first fit, with a few lines of look-back.
 */
#include "page.h"

/* How far a break may move back from where the page is full. */
#define LOOK_BACK	5

/* Would a page break before line b (after b - 1) be a bad one? */
static int
bad_break(const struct line *lines, guint b)
{
	const struct line *last = &lines[b - 1], *next = &lines[b];

	if (next->flags & (LINE_NEW_PAGE | LINE_NEW_RECTO))
		return 0;
	if (last->flags & LINE_KEEP)
		return 1;		/* a heading at the foot */
	if ((last->flags & LINE_FIRST) && !(last->flags & LINE_LAST))
		return 1;		/* a paragraph's first line alone at the foot */
	if ((next->flags & LINE_LAST) && !(next->flags & LINE_FIRST))
		return 1;		/* its last line alone at the head */
	return 0;
}

/*
 * Where to break a page that runs from first and is full before line
 * full: the nearest good break at most LOOK_BACK lines back, else there.
 */
static guint
choose_break(const struct line *lines, guint first, guint full)
{
	guint b;

	for (b = full; b > first + 1 && full - b < LOOK_BACK; b--)
		if (!bad_break(lines, b))
			return b;
	return full;
}

static void
add_page(GArray *pages, const GArray *galley, guint first, guint count)
{
	struct page pg = { first, count, -1, FALSE };

	if (count > 0) {
		const struct line *ln = &g_array_index(galley, struct line, first);

		pg.chapter = ln->chapter;
		pg.opening = ln->chapter >= 0 && (ln->flags & LINE_NEW_RECTO);
	}
	g_array_append_val(pages, pg);
}

GArray *
page_make_up(const struct press *p, GArray *galley)
{
	GArray *pages = g_array_new(FALSE, FALSE, sizeof(struct page));
	struct line *lines = (struct line *)(void *)galley->data;
	guint i = 0, first = 0, n = galley->len;
	gboolean open = FALSE;
	double y = 0;

	while (i < n) {
		struct line *ln = &lines[i];
		unsigned begins = ln->flags & (LINE_NEW_PAGE | LINE_NEW_RECTO);

		if (open && begins) {
			add_page(pages, galley, first, i - first);
			open = FALSE;
		}
		if (!open) {
			if ((ln->flags & LINE_NEW_RECTO) && pages->len % 2 == 1)
				add_page(pages, galley, i, 0);
			first = i;
			open = TRUE;
			y = ln->ascent + (begins ? ln->space : 0);
		} else if (y + ln->advance + ln->space > p->depth + 0.01) {
			guint b = choose_break(lines, first, i);

			add_page(pages, galley, first, b - first);
			open = FALSE;
			i = b;
			continue;
		} else
			y += ln->advance + ln->space;
		ln->page = (int)pages->len;
		ln->y = y;
		i++;
	}
	if (open)
		add_page(pages, galley, first, i - first);
	return pages;
}
