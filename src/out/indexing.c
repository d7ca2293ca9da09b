/*
 * indexing.c — the parts of an index of names that do not depend on how
 * it is drawn, shared by the PDF's, the EPUB's and the text one.
 */
#include "out/indexing.h"
#include "out/pages.h"

int
index_printed(const struct edition *e)
{
	guint i;

	for (i = 0; e->index != NULL && i < e->index->len; i++)
		if (index_entry_printed(g_ptr_array_index(e->index, i)))
			return 1;
	return 0;
}

gunichar
index_letter(const struct index_entry *ie)
{
	gunichar c = g_utf8_get_char(ie->sort != NULL ? ie->sort :
	    ie->heading), base[4];

	if (c == 0xD8 || c == 0xF8)	/* Ø, which does not decompose */
		return 'O';
	if (g_unichar_fully_decompose(c, FALSE, base, G_N_ELEMENTS(base)) > 0)
		c = base[0];
	return g_unichar_isalpha(c) ? g_unichar_toupper(c) : '#';
}

static int
cmp_int(gconstpointer a, gconstpointer b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Appends a page number, noting its bytes and folio for a link. */
static void
page_number(GString *out, GArray *links, int folio, gboolean note)
{
	int link[3] = { folio, (int)out->len, 0 };
	char roman[32];

	if (folio < 0) {
		folio_roman(folio + INDEX_FRONT, roman, sizeof(roman));
		g_string_append(out, roman);
	} else
		g_string_append_printf(out, "%d", folio);
	link[2] = (int)out->len;
	if (links != NULL)
		g_array_append_vals(links, link, 3);
	if (note)
		g_string_append_c(out, 'n');
}

/*
 * index_pages sorts its marks by key: the page twice over, kept above
 * zero so that halving gives it back, and one more where the name is
 * in the page's text rather than only in a note.
 */
static int
page_key(int folio, gboolean in_text)
{
	return 2 * (folio + INDEX_FRONT) + (in_text ? 1 : 0);
}

static int
key_page(const GArray *keys, guint i)
{
	return g_array_index(keys, int, i) / 2 - INDEX_FRONT;
}

static gboolean
key_in_text(const GArray *keys, guint i)
{
	return g_array_index(keys, int, i) % 2 == 1;
}

/* A run of pages: consecutive ones named in their text, a page named
 * only in a note, or a stretch where the name recurs (passim). */
struct group {
	int		 first, last;
	int		 pages;		/* of them, where the name is */
	gboolean	 note;		/* only in a note: "112n" */
	gboolean	 passim;
};

/* The heading's pages, grouped into ranges as index_pages says. */
static GArray *
ranges(const struct index_entry *ie, const GArray *folios)
{
	GArray *keys = g_array_new(FALSE, FALSE, sizeof(int));
	GArray *groups = g_array_new(FALSE, FALSE, sizeof(struct group));
	guint i, j;

	for (i = 0; i < ie->marks->len; i++) {
		const struct index_mark *m = g_ptr_array_index(ie->marks, i);
		int folio = index_mark_number(folios, m);
		int key = page_key(folio, m->note == NULL);

		if (folio != 0)
			g_array_append_val(keys, key);
	}
	g_array_sort(keys, cmp_int);
	for (i = 0; i < keys->len; i = j) {
		struct group gr = { key_page(keys, i), key_page(keys, i), 1,
		    TRUE, FALSE };
		gboolean text = FALSE;

		for (j = i; j < keys->len && key_page(keys, j) == gr.first; j++)
			text = text || key_in_text(keys, j);
		/* A range: the pages that follow, named in their text. */
		while (text && j < keys->len && key_page(keys, j) == gr.last + 1) {
			guint k;
			gboolean more = FALSE;

			for (k = j; k < keys->len &&
			    key_page(keys, k) == gr.last + 1; k++)
				more = more || key_in_text(keys, k);
			if (!more)
				break;
			gr.last++;
			gr.pages++;
			j = k;
		}
		gr.note = !text;
		g_array_append_val(groups, gr);
	}
	g_array_free(keys, TRUE);
	return groups;
}

/*
 * Groups from a on merged into one stretch, if they make one where the
 * name is on one page in every (at most) every, no two pages more than
 * gap apart: returns the stretch's last group, or a if there is none.
 * Never across the front matter's pages and the text's.
 */
static guint
stretch_end(const GArray *groups, guint a, int every, int gap)
{
	const struct group *g = (const struct group *)(void *)groups->data;
	guint b, best = a;
	int pages = g[a].pages;

	for (b = a + 1; b < groups->len; b++) {
		int span = g[b].last - g[a].first + 1;

		if (g[b].first - g[b - 1].last > gap ||
		    (g[b].first < 0) != (g[a].first < 0))
			break;
		pages += g[b].pages;
		if (pages * every >= span && b - a + 1 >= 3 &&
		    span >= PASSIM_SPAN)
			best = b;
	}
	return best;
}

/* The groups with each stretch where the name recurs made one. */
static GArray *
collapse(const GArray *groups, int every, int gap)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct group));
	guint a, b;

	for (a = 0; a < groups->len; a = b + 1) {
		struct group gr = g_array_index(groups, struct group, a);

		b = stretch_end(groups, a, every, gap);
		if (b > a) {
			gr.last = g_array_index(groups, struct group, b).last;
			gr.note = FALSE;
			gr.passim = TRUE;
		}
		g_array_append_val(out, gr);
	}
	return out;
}

int
index_pages(const struct index_entry *ie, const GArray *folios,
    const struct index_passim *passim, GString *out, GArray *links)
{
	GArray *groups = ranges(ie, folios);
	int every, gap, listed;
	guint i;

	/* Denser stretches first; sparser only to keep to max_groups. */
	for (every = 2, gap = PASSIM_GAP; passim != NULL && every <= 4;
	    every++, gap += PASSIM_GAP) {
		GArray *fewer = collapse(groups, every, gap);

		g_array_free(groups, TRUE);
		groups = fewer;
		if (passim->max_groups <= 0 ||
		    groups->len <= (guint)passim->max_groups)
			break;
	}
	for (i = 0; i < groups->len; i++) {
		const struct group *gr = &g_array_index(groups, struct group,
		    i);

		g_string_append(out, i > 0 ? ", " : "");
		page_number(out, links, gr->first, gr->note);
		if (gr->last > gr->first) {
			g_string_append(out, "\xe2\x80\x93");	/* – */
			page_number(out, links, gr->last, FALSE);
		}
		if (gr->passim)
			g_string_append(out, " passim");
	}
	listed = (int)groups->len;
	g_array_free(groups, TRUE);
	return listed;
}

const char *
index_see_after(const struct index_entry *ie, int listed)
{
	return ie->gloss == NULL && !listed &&
	    g_str_has_suffix(ie->heading, ".") ? " " : ". ";
}
