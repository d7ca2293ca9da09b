/*
 * book.c — the EPUB being assembled: what it credits and cites, where
 * its print pages go, where its index links to, its chapters' parts and
 * the files of its package, held (or, for the pages rendered from the
 * text, how to make them) until ocf.c writes them.
 */
#include <string.h>

#include "epub/book.h"
#include "epub/xhtml.h"
#include "out/cite.h"
#include "out/titles.h"

/* A part; its names are the book's. */
static void
part_free(struct part *p)
{
	g_ptr_array_free(p->headings, TRUE);
	g_free(p);
}

/* An item; its names are the book's. */
static void
item_free(struct item *it)
{
	if (it->data != NULL)
		g_bytes_unref(it->data);
	g_free(it);
}

/* A name that lives as long as the book. */
static const char *
name(struct book *b, const char *s)
{
	return g_string_chunk_insert_const(b->names, s);
}

void
book_open(struct book *b, const struct edition *e,
    const struct pagemap *pages, GDateTime *t, struct diags *d)
{
	guint i;

	memset(b, 0, sizeof(*b));
	b->edition = e;
	b->modified = g_date_time_format(t, "%Y-%m-%dT%H:%M:%SZ");
	b->names = g_string_chunk_new(256);
	b->parts = g_ptr_array_new_with_free_func((GDestroyNotify)part_free);
	credits_init(&b->credits, e);
	b->sources = cite_sources(e, &b->credits);
	b->items = g_ptr_array_new_with_free_func((GDestroyNotify)item_free);
	matter_init(&b->matter, e);
	pagemarks_init(&b->marks, pages, e, d);
	anchors_init(&b->anchors, e, pages);
	b->targets = xhtml_link_targets(e);
	/* The prelims' pages first: the page list is in reading order. */
	for (i = PRELIM_TITLE; i <= PRELIM_CONTENTS; i++)
		b->prelim_marks[i] = g_string_new(NULL);
	pagemarks_prelim(&b->marks, b->prelim_marks[PRELIM_TITLE],
	    PRELIM_TITLE, BOOK_TITLEPAGE);
	pagemarks_prelim(&b->marks, b->prelim_marks[PRELIM_IMPRINT],
	    PRELIM_IMPRINT, BOOK_IMPRINT);
}

void
book_contents_marks(struct book *b)
{
	if (b->contents_marked)
		return;
	b->contents_marked = TRUE;
	pagemarks_prelim(&b->marks, b->prelim_marks[PRELIM_CONTENTS],
	    PRELIM_CONTENTS, BOOK_NAV);
}

void
book_close(struct book *b)
{
	guint i;

	g_free(b->modified);
	g_ptr_array_free(b->parts, TRUE);
	credits_release(&b->credits);
	g_ptr_array_free(b->sources, TRUE);
	g_ptr_array_free(b->items, TRUE);
	g_string_chunk_free(b->names);
	for (i = PRELIM_TITLE; i <= PRELIM_CONTENTS; i++)
		g_string_free(b->prelim_marks[i], TRUE);
	pagemarks_release(&b->marks);
	anchors_release(&b->anchors);
	g_hash_table_destroy(b->targets);
}

struct part *
book_part(struct book *b, const struct chapter *c, guint at)
{
	struct part *p = g_new0(struct part, 1);
	char *id = g_strdup_printf("chapter-%s", c->id);
	char *file = book_chapter_file(c);
	char *title = title_contents(c);

	p->chapter = c;
	p->at = at;
	p->id = name(b, id);
	p->file = name(b, file);
	p->title = name(b, title);
	g_free(id);
	g_free(file);
	g_free(title);
	p->headings = g_ptr_array_new();
	g_ptr_array_add(b->parts, p);
	return p;
}

char *
book_chapter_file(const struct chapter *c)
{
	return g_strdup_printf("chapter-%s.xhtml", c->id);
}

const char *
book_file(const struct book *b, const struct chapter *c)
{
	guint i;

	for (i = 0; i < b->parts->len; i++) {
		const struct part *p = g_ptr_array_index(b->parts, i);

		if (p->chapter == c)
			return p->file;
	}
	g_assert_not_reached();
	return NULL;
}

/* An item added to the package, its bytes still to be given. */
static struct item *
item_new(struct book *b, const char *id, const char *href, const char *type,
    const char *properties, int spine)
{
	struct item *it = g_new0(struct item, 1);

	it->id = name(b, id);
	it->href = name(b, href);
	it->type = type;
	it->properties = properties;
	it->spine = spine;
	g_ptr_array_add(b->items, it);
	return it;
}

void
book_add(struct book *b, const char *id, const char *href, const char *type,
    const char *properties, int spine, GBytes *data)
{
	item_new(b, id, href, type, properties, spine)->data = data;
}

void
book_add_text(struct book *b, const char *id, const char *href,
    const char *properties, item_maker make, void *arg)
{
	struct item *it = item_new(b, id, href, XHTML_TYPE, properties, 1);

	it->make = make;
	it->arg = arg;
	it->text = TRUE;
}

void
book_add_late(struct book *b, const char *id, const char *href,
    const char *type, const char *properties, int spine, item_maker make)
{
	item_new(b, id, href, type, properties, spine)->make = make;
}

void
book_page(struct book *b, const char *id, const char *href,
    const char *properties, GString *page)
{
	book_add(b, id, href, XHTML_TYPE, properties, 1,
	    g_string_free_to_bytes(page));
}
