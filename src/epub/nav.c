/*
 * nav.c — navigation: the EPUB 3 navigation document (table of
 * contents, landmarks, and the list of the print edition's pages) and
 * the NCX that EPUB 2 readers use instead.  Both tables of contents come
 * from one flat list of entries, each with its depth.  An entry for a
 * chapter in another language than the book's (its title, its
 * headings) says which.
 */
#include <stdlib.h>

#include "epub/book.h"
#include "epub/escape.h"
#include "epub/semantics.h"
#include "epub/xhtml.h"
#include "out/titles.h"
#include "out/words.h"

/* One entry of the table of contents. */
struct tocent {
	int		 depth;		/* 1 = chapter; never more than one below the last */
	char		*href;
	const char	*label;
	const char	*lang;		/* the label's, if not the book's; or NULL */
};

/* How one format spells the tree: the NCX has no list element. */
struct toc_syntax {
	const char	*list_open, *list_close, *item_close;
	void		(*item_open)(GString *, const struct tocent *, guint order);
};

static void
tocent_free(struct tocent *t)
{
	g_free(t->href);
	g_free(t);
}

/* Adds an entry, its label in lang (NULL: the book's); it takes href. */
static void
toc_add(GPtrArray *toc, int depth, char *href, const char *label,
    const char *lang)
{
	struct tocent *t = g_new(struct tocent, 1);

	t->depth = depth;
	t->href = href;
	t->label = label;
	t->lang = lang;
	g_ptr_array_add(toc, t);
}

/*
 * The title page, each chapter, and its headings nested by level.  A
 * heading nests under the nearest one before it of a lower level; a
 * skipped level (h2 then h4) nests one step only, since a list can only
 * grow one level at a time.  stack holds the levels of the open
 * entries, strictly increasing, so levels 2..6 need five places.
 */
static GPtrArray *
toc_entries(const struct book *b)
{
	GPtrArray *toc = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)tocent_free);
	const struct part *p;
	const struct heading *h;
	int stack[5], n;
	guint i, j;

	toc_add(toc, 1, g_strdup(BOOK_TITLEPAGE), word(WORD_TITLE_PAGE), NULL);
	toc_add(toc, 1, g_strdup(BOOK_IMPRINT), word(WORD_IMPRINT), NULL);
	for (i = 0; i < b->parts->len; i++) {
		p = g_ptr_array_index(b->parts, i);
		toc_add(toc, 1, g_strdup(p->file), p->title,
		    p->chapter->language);
		n = 0;
		for (j = 0; j < p->headings->len; j++) {
			h = g_ptr_array_index(p->headings, j);
			while (n > 1 && stack[n - 2] >= h->level)
				n--;
			if (n == 0 || stack[n - 1] < h->level)
				n++;
			stack[n - 1] = h->level;
			toc_add(toc, 1 + n,
			    g_strdup_printf("%s#%s", p->file, h->id), h->text,
			    h->lang);
		}
	}
	if (b->has_index)
		toc_add(toc, 1, g_strdup(BOOK_INDEX), word(WORD_INDEX), NULL);
	return toc;
}

/* Writes the entries as a tree: each deeper entry opens a nested list. */
static void
toc_emit(GString *out, const GPtrArray *toc, const struct toc_syntax *sx)
{
	const struct tocent *t;
	int prev = 0, d;
	guint i;

	for (i = 0; i < toc->len; i++) {
		t = g_ptr_array_index(toc, i);
		if (t->depth > prev)
			g_string_append(out, sx->list_open);
		else {
			g_string_append(out, sx->item_close);
			for (d = prev; d > t->depth; d--) {
				g_string_append(out, sx->list_close);
				g_string_append(out, sx->item_close);
			}
		}
		sx->item_open(out, t, i + 1);
		prev = t->depth;
	}
	if (prev == 0)
		return;
	g_string_append(out, sx->item_close);
	for (d = prev; d > 1; d--) {
		g_string_append(out, sx->list_close);
		g_string_append(out, sx->item_close);
	}
	g_string_append(out, sx->list_close);
}

static void
nav_item(GString *out, const struct tocent *t, guint order)
{
	(void)order;
	g_string_append_printf(out, "<li><a href=\"%s\"", t->href);
	xhtml_lang(out, t->lang);
	g_string_append_c(out, '>');
	xml_escape(out, t->label);
	g_string_append(out, "</a>");
}

static void
ncx_item(GString *out, const struct tocent *t, guint order)
{
	g_string_append_printf(out, "<navPoint id=\"navpoint-%u\" "
	    "playOrder=\"%u\"><navLabel", order, order);
	if (t->lang != NULL) {
		g_string_append(out, " xml:lang=\"");
		xml_escape(out, t->lang);
		g_string_append_c(out, '"');
	}
	g_string_append(out, "><text>");
	xml_escape(out, t->label);
	g_string_append_printf(out, "</text></navLabel><content src=\"%s\"/>\n",
	    t->href);
}

static const struct toc_syntax nav_syntax = {
	"\n<ol>\n", "</ol>\n", "</li>\n", nav_item
};
static const struct toc_syntax ncx_syntax = {
	"", "", "</navPoint>\n", ncx_item
};

/* A landmark, its label in lang (NULL: the book's). */
static void
landmark(GString *out, const char *href, const char *type, const char *label,
    const char *lang)
{
	g_string_append_printf(out, "<li><a href=\"%s\" epub:type=\"%s\"",
	    href, type);
	xhtml_lang(out, lang);
	g_string_append_c(out, '>');
	xml_escape(out, label);
	g_string_append(out, "</a></li>\n");
}

/*
 * The print pages that have a marker, in page order; for each, calls
 * item with its label, the href of its marker and its place in the list.
 */
static void
pages_each(const struct book *b, GString *out,
    void (*item)(GString *, const char *label, const char *href, guint n))
{
	const struct pagemarks *pm = &b->marks;
	guint i, n = 0;
	char *href;

	for (i = 0; pm->map != NULL && i < pm->map->breaks->len; i++) {
		if (pm->file[i] == NULL)
			continue;
		href = g_strdup_printf("%s#%s", pm->file[i], pm->id[i]);
		item(out, g_array_index(pm->map->breaks, struct pagebreak,
		    i).label, href, ++n);
		g_free(href);
	}
}

static void
page_item(GString *out, const char *label, const char *href, guint n)
{
	(void)n;
	g_string_append_printf(out, "<li><a href=\"%s\">", href);
	xml_escape(out, label);
	g_string_append(out, "</a></li>\n");
}

/*
 * A page target: arabic numbers are the text's, with their value;
 * others (roman numerals) are the front matter's.
 */
static void
ncx_page(GString *out, const char *label, const char *href, guint n)
{
	g_string_append_printf(out, "<pageTarget id=\"pt-%u\" ", n);
	if (g_ascii_isdigit(*label))
		g_string_append_printf(out, "type=\"normal\" value=\"%d\"",
		    atoi(label));
	else
		g_string_append(out, "type=\"front\"");
	g_string_append(out, "><navLabel><text>");
	xml_escape(out, label);
	g_string_append_printf(out, "</text></navLabel><content src=\"%s\"/>"
	    "</pageTarget>\n", href);
}

/*
 * The landmarks among the chapters: where the text begins, and each
 * chapter whose role is not a plain chapter's (a preface, an appendix),
 * by its role.
 */
static void
parts_landmarks(const struct book *b, GString *out)
{
	gboolean body = FALSE;
	guint i;

	for (i = 0; i < b->parts->len; i++) {
		const struct part *p = g_ptr_array_index(b->parts, i);

		if (!body && matter_of(&b->matter, b->edition, i) ==
		    MATTER_BODY) {
			landmark(out, p->file, "bodymatter",
			    title_of(p->chapter), p->chapter->language);
			body = TRUE;
		}
		if (p->chapter->role != ROLE_CHAPTER)
			landmark(out, p->file,
			    xhtml_role_type(p->chapter->role),
			    title_of(p->chapter), p->chapter->language);
	}
}

GString *
nav_document(const struct book *b)
{
	GString *out = g_string_new(NULL);
	GPtrArray *toc = toc_entries(b);

	xhtml_begin(out, b->edition->language, word(WORD_CONTENTS),
	    "frontmatter");
	g_string_append(out, b->prelim_marks[PRELIM_CONTENTS]->str);
	g_string_append(out, "<nav id=\"toc\"");
	semantics_class(out, "toc");
	g_string_append_printf(out, ">\n<h2>%s</h2>", word(WORD_CONTENTS));
	toc_emit(out, toc, &nav_syntax);
	g_string_append_printf(out, "</nav>\n<nav id=\"landmarks\" "
	    "epub:type=\"landmarks\" hidden=\"hidden\">\n"
	    "<h2>%s</h2>\n<ol>\n", word(WORD_LANDMARKS));
	if (b->has_cover)
		landmark(out, BOOK_COVER, "cover", word(WORD_COVER), NULL);
	landmark(out, BOOK_TITLEPAGE, "titlepage", word(WORD_TITLE_PAGE),
	    NULL);
	landmark(out, BOOK_NAV "#toc", "toc", word(WORD_CONTENTS), NULL);
	parts_landmarks(b, out);
	if (b->has_index)
		landmark(out, BOOK_INDEX, "index", word(WORD_INDEX), NULL);
	g_string_append(out, "</ol>\n</nav>\n");
	if (b->pages > 0) {
		g_string_append(out, "<nav id=\"page-list\"");
		semantics(out, "page-list");
		g_string_append_printf(out, " hidden=\"hidden\">\n"
		    "<h2>%s</h2>\n<ol>\n", word(WORD_PAGES));
		pages_each(b, out, page_item);
		g_string_append(out, "</ol>\n</nav>\n");
	}
	xhtml_end(out);
	g_ptr_array_free(toc, TRUE);
	return out;
}

/* The highest arabic page number with a marker, or 0. */
static int
max_page(const struct book *b)
{
	const struct pagemarks *pm = &b->marks;
	gint64 n, max = 0;
	guint i;

	for (i = 0; pm->map != NULL && i < pm->map->breaks->len; i++)
		if (pm->file[i] != NULL && g_ascii_string_to_signed(
		    g_array_index(pm->map->breaks, struct pagebreak, i).label,
		    10, 1, G_MAXINT, &n, NULL))
			max = MAX(max, n);
	return (int)max;
}

GString *
nav_ncx(const struct book *b)
{
	GString *out = g_string_new(NULL);
	GPtrArray *toc = toc_entries(b);
	int depth = 1;
	guint i;

	for (i = 0; i < toc->len; i++)
		depth = MAX(depth,
		    ((const struct tocent *)g_ptr_array_index(toc, i))->depth);
	g_string_append(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" "
	    "version=\"2005-1\" xml:lang=\"");
	xml_escape(out, b->edition->language);
	g_string_append(out, "\">\n<head>\n<meta name=\"dtb:uid\" content=\"");
	xml_escape(out, b->edition->identifier);
	g_string_append_printf(out, "\"/>\n"
	    "<meta name=\"dtb:depth\" content=\"%d\"/>\n"
	    "<meta name=\"dtb:totalPageCount\" content=\"%u\"/>\n"
	    "<meta name=\"dtb:maxPageNumber\" content=\"%d\"/>\n"
	    "</head>\n<docTitle><text>", depth, b->pages, max_page(b));
	xml_escape(out, b->edition->meta.title);
	g_string_append(out, "</text></docTitle>\n<navMap>\n");
	toc_emit(out, toc, &ncx_syntax);
	g_string_append(out, "</navMap>\n");
	if (b->pages > 0) {
		g_string_append_printf(out, "<pageList>\n<navLabel><text>%s"
		    "</text></navLabel>\n", word(WORD_PAGES));
		pages_each(b, out, ncx_page);
		g_string_append(out, "</pageList>\n");
	}
	g_string_append(out, "</ncx>\n");
	g_ptr_array_free(toc, TRUE);
	return out;
}
