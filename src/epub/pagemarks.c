/*
 * pagemarks.c — page-break markers: each break of the page map pinned
 * to a spot in the model's text, then written where the renderer passes
 * that spot.
 */
#include <string.h>

#include "epub/escape.h"
#include "epub/pagemarks.h"
#include "epub/semantics.h"

/* The spots of the prelims' pages: one key (an address) for each. */
static const char prelim_key[PRELIM_CONTENTS + 1];

/*
 * A break pinned to a node: at bytes into its text (0 for no text); or
 * to an index entry: at its heading (0), or before the first of its
 * page numbers that gives page at or a later one.
 */
struct spot {
	gsize	at;
	guint	brk;		/* index into the map's breaks */
};

static gint
spot_cmp(gconstpointer a, gconstpointer b)
{
	const struct spot *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->brk < y->brk ? -1 : x->brk > y->brk;
}

/* Adds a spot for a node or an index entry; spots_sort orders them. */
static void
spot_add(struct pagemarks *pm, const void *key, struct spot sp)
{
	GArray *list;

	if ((list = g_hash_table_lookup(pm->spots, key)) == NULL) {
		list = g_array_new(FALSE, FALSE, sizeof(struct spot));
		g_hash_table_insert(pm->spots, (gpointer)key, list);
	}
	g_array_append_val(list, sp);
}

/* Puts each key's spots in text order, once all are added. */
static void
spots_sort(struct pagemarks *pm)
{
	GHashTableIter it;
	gpointer list;

	g_hash_table_iter_init(&it, pm->spots);
	while (g_hash_table_iter_next(&it, NULL, &list))
		g_array_sort(list, spot_cmp);
}

/*
 * Where the walk over a block's text for its breaks stands.  The breaks
 * of one block come in the order of their offsets, so each resumes the
 * walk where the last left it: a paragraph of many pages is walked
 * once, not once a page.
 */
struct walk {
	const struct node	*block;		/* being walked, or NULL */
	struct citer		 it;
	gboolean		 done;		/* the walk is past its last node */
	const struct node	*cur;		/* the node with text it is at */
	gsize			 run;		/* bytes of text before cur */
	gsize			 len;		/* cur's */
};

/*
 * Walks to the node with text that holds byte offset of block's text,
 * or to the last if the offset is past it; w->cur stays NULL if the
 * block has no text.
 */
static void
walk_to(struct walk *w, const struct node *block, gsize offset)
{
	if (w->block != block || offset < w->run) {
		memset(w, 0, sizeof(*w));
		w->block = block;
		citer_init(&w->it, block);
	}
	while (!w->done && (w->cur == NULL || offset >= w->run + w->len)) {
		gsize len;

		if (citer_next(&w->it) == ITER_NONE) {
			w->done = TRUE;
			break;
		}
		if (w->it.ev != ITER_ENTER ||
		    (len = node_text_length(w->it.cur)) == 0)
			continue;
		w->run += w->len;
		w->cur = w->it.cur;
		w->len = len;
	}
}

/*
 * The heading that holds at, where a marker in its text would be read
 * out as part of it ("20 II. The United Opposition"): the marker goes
 * before the heading instead (*sp at 0).  Otherwise at itself.
 */
static const struct node *
outside_heading(const struct node *at, struct spot *sp)
{
	const struct node *n;

	for (n = at; n != NULL; n = n->parent)
		if (n->type == NODE_HEADING) {
			sp->at = 0;
			return n;
		}
	return at;
}

/*
 * The node and byte where a break's offset falls: the text node that
 * holds that byte (moved back to a character's start), or the end of
 * the last text if the offset is past it.  A document, or a block
 * without text, takes the marker at its start; a note with a reference,
 * after the reference; a heading, before it.
 */
static void
pin(struct pagemarks *pm, struct walk *w, const struct pagebreak *pb,
    guint brk)
{
	struct spot sp = { 0, brk };
	const struct node *at = pb->block, *root;
	const struct note *note;

	for (root = pb->block; root->parent != NULL; root = root->parent)
		continue;
	if ((note = g_hash_table_lookup(pm->notes, root)) != NULL &&
	    note->ref != NULL)
		at = note->ref;
	else if (pb->block->type != NODE_DOCUMENT) {
		walk_to(w, pb->block, pb->offset);
		if (w->cur != NULL) {
			at = w->cur;
			sp.at = pb->offset < w->run + w->len ?
			    pb->offset - w->run : w->len;
			if (at->text == NULL)
				sp.at = 0;
			else
				while (sp.at > 0 &&
				    (at->text[sp.at] & 0xC0) == 0x80)
					sp.at--;
		}
	}
	spot_add(pm, outside_heading(at, &sp), sp);
}

/* Where a diagnostic about a break points: its block, if in the text. */
static struct srcpos
break_pos(const struct pagebreak *pb)
{
	return pb->block != NULL ? pb->block->pos : srcpos_at(NULL, 0, 0);
}

/* "page-" and the label, with what an XML id cannot hold as '-'. */
static char *
page_id(const char *label)
{
	char *id = g_strconcat("page-", label, NULL), *p;

	for (p = id + 5; *p != '\0'; p++)
		if (!g_ascii_isalnum(*p))
			*p = '-';
	return id;
}

static void
spots_free(gpointer list)
{
	g_array_free(list, TRUE);
}

void
pagemarks_init(struct pagemarks *pm, const struct pagemap *map,
    const struct edition *e, struct diags *d)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	struct walk w = { 0 };
	guint n = map != NULL ? map->breaks->len : 0, i, j;

	pm->map = map;
	pm->spots = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
	    spots_free);
	pm->file = g_new0(const char *, n + 1);
	pm->id = g_new0(char *, n + 1);
	pm->order = g_new0(guint, n + 1);
	pm->pos = g_new0(struct srcpos, n + 1);
	pm->written = 0;
	pm->notes = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);

		for (j = 0; j < c->notes->len; j++) {
			struct note *nt = g_ptr_array_index(c->notes, j);

			g_hash_table_insert(pm->notes, nt->body, nt);
		}
	}
	for (i = 0; i < n; i++) {
		const struct pagebreak *pb = &g_array_index(map->breaks,
		    struct pagebreak, i);
		char *id;

		pm->pos[i] = break_pos(pb);
		if (pb->block == NULL && pb->entry == NULL &&
		    pb->prelim == PRELIM_NONE)
			continue;
		id = page_id(pb->label);
		if (g_hash_table_contains(seen, id)) {
			diag_add(d, DIAG_WARNING, pm->pos[i],
			    "print page '%s' is numbered like an earlier one; "
			    "the e-book marks only the first", pb->label);
			g_free(id);
			continue;
		}
		pm->id[i] = id;
		g_hash_table_add(seen, id);
		if (pb->block != NULL)
			pin(pm, &w, pb, i);
		else if (pb->entry != NULL)
			spot_add(pm, pb->entry, (struct spot){
			    (gsize)pb->locator, i });
		else
			spot_add(pm, &prelim_key[pb->prelim],
			    (struct spot){ 0, i });
	}
	spots_sort(pm);
	g_hash_table_destroy(seen);
}

void
pagemarks_release(struct pagemarks *pm)
{
	guint n = pm->map != NULL ? pm->map->breaks->len : 0, i;

	for (i = 0; i < n; i++)
		g_free(pm->id[i]);
	g_free(pm->id);
	g_free(pm->file);
	g_free(pm->order);
	g_free(pm->pos);
	g_hash_table_destroy(pm->spots);
	g_hash_table_destroy(pm->notes);
}

/* The marker of one break, once: later passes over its spot skip it. */
static void
marker(struct pagemarks *pm, GString *out, guint brk, const char *file)
{
	const struct pagebreak *pb = &g_array_index(pm->map->breaks,
	    struct pagebreak, brk);

	if (pm->file[brk] != NULL)
		return;
	pm->file[brk] = file;
	pm->order[brk] = ++pm->written;
	g_string_append(out, "<span");
	semantics(out, "pagebreak");
	g_string_append_printf(out, " id=\"%s\" aria-label=\"", pm->id[brk]);
	xml_escape(out, pb->label);
	/* Closed by a tag: read as HTML, <span/> would hold the text
	 * after it, which a screen reader would then skip. */
	g_string_append(out, "\"></span>");
}

/* Writes the markers due at a node, prelim or index entry, up to at. */
static void
markers_at(struct pagemarks *pm, GString *out, const void *key, gsize upto,
    const char *file)
{
	GArray *list = g_hash_table_lookup(pm->spots, key);
	guint i;

	for (i = 0; list != NULL && i < list->len; i++) {
		const struct spot *sp = &g_array_index(list, struct spot, i);

		if (sp->at <= upto)
			marker(pm, out, sp->brk, file);
	}
}

void
pagemarks_node(struct pagemarks *pm, GString *out, const struct node *n,
    const char *file)
{
	markers_at(pm, out, n, G_MAXSIZE, file);
}

void
pagemarks_prelim(struct pagemarks *pm, GString *out, enum prelim what,
    const char *file)
{
	markers_at(pm, out, &prelim_key[what], G_MAXSIZE, file);
}

void
pagemarks_entry(struct pagemarks *pm, GString *out,
    const struct index_entry *ie, int page, const char *file)
{
	markers_at(pm, out, ie, (gsize)page, file);
}

void
pagemarks_text(struct pagemarks *pm, GString *out, const struct node *n,
    gsize from, gsize to, const char *file)
{
	GArray *list = g_hash_table_lookup(pm->spots, n);
	gsize done = from;
	guint i;

	for (i = 0; list != NULL && i < list->len; i++) {
		const struct spot *sp = &g_array_index(list, struct spot, i);

		if (sp->at < from || sp->at >= to)
			continue;
		xml_escape_len(out, n->text + done, sp->at - done);
		done = sp->at;
		marker(pm, out, sp->brk, file);
	}
	xml_escape_len(out, n->text + done, to != G_MAXSIZE ? to - done :
	    strlen(n->text + done));
}

void
pagemarks_check(const struct pagemarks *pm, struct diags *d)
{
	guint n = pm->map != NULL ? pm->map->breaks->len : 0, i, last = 0;

	for (i = 0; i < n; i++) {
		const struct pagebreak *pb = &g_array_index(pm->map->breaks,
		    struct pagebreak, i);

		if (pm->id[i] != NULL && pm->file[i] == NULL)
			diag_add(d, DIAG_WARNING, pm->pos[i],
			    "print page '%s' begins in text the e-book does "
			    "not show; the page list leaves it out", pb->label);
		else if (pm->file[i] != NULL && pm->order[i] < last)
			diag_add(d, DIAG_WARNING, pm->pos[i],
			    "the page list is out of reading order at print "
			    "page '%s': a page before it begins in a note "
			    "without a reference, which the e-book sets later",
			    pb->label);
		last = MAX(last, pm->order[i]);
	}
}
