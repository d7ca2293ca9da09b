/*
 * links.c — Markdown links made what both outputs can keep: a link to
 * a URL with a scheme, or to another chapter of the book (its source
 * file, and a heading in it), holding no note reference.
 */
#include <string.h>

#include "out/matter.h"
#include "parse/links.h"

/* Whether both outputs can follow url: a URI with a scheme. */
static int
followable(const char *url)
{
	return url != NULL && g_uri_is_valid(url, G_URI_FLAGS_NONE, NULL);
}

/* Moves the note references in link's text to just after it, in order. */
static void
refs_after(struct node *link)
{
	GPtrArray *refs = g_ptr_array_new();
	struct node *after = link;
	struct iter it;
	guint i;

	iter_init(&it, link);
	while (iter_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && it.cur->type == NODE_NOTEREF)
			g_ptr_array_add(refs, it.cur);
	for (i = 0; i < refs->len; i++) {
		struct node *ref = g_ptr_array_index(refs, i);

		node_unlink(ref);
		if (after->next != NULL)
			node_insert_before(after->next, ref);
		else
			node_append(after->parent, ref);
		after = ref;
	}
	g_ptr_array_free(refs, TRUE);
}

/* The links of the tree at root, in document order. */
static GPtrArray *
links_of(struct node *root)
{
	GPtrArray *links = g_ptr_array_new();
	struct iter it;

	if (root == NULL)
		return links;
	iter_init(&it, root);
	while (iter_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && it.cur->type == NODE_LINK)
			g_ptr_array_add(links, it.cur);
	return links;
}

void
links_refs_after(struct node *root)
{
	GPtrArray *links = links_of(root);
	guint i;

	for (i = 0; i < links->len; i++)
		refs_after(g_ptr_array_index(links, i));
	g_ptr_array_free(links, TRUE);
}

/*
 * The identifier a Markdown writer links a heading by, as GitHub and
 * pandoc make it: its text in lower case, letters, digits, '-' and '_'
 * kept, each space a '-', the rest left out ("The Harbours, 1850" →
 * "the-harbours-1850").
 */
static char *
slug(const char *text)
{
	char *low = g_utf8_strdown(text, -1), *p;
	GString *s = g_string_new(NULL);

	for (p = low; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_isalnum(c) || g_unichar_ismark(c) || c == '-' ||
		    c == '_')
			g_string_append_unichar(s, c);
		else if (c == ' ')
			g_string_append_c(s, '-');
	}
	g_free(low);
	return g_string_free(s, FALSE);
}

/* Whether text's identifier is id. */
static int
names(const char *text, const char *id)
{
	char *s = slug(text != NULL ? text : "");
	int same = strcmp(s, id) == 0;

	g_free(s);
	return same;
}

/* The first heading of c's text (or notes) that id names, or NULL. */
static const struct node *
heading_named(const struct chapter *c, const char *id)
{
	const struct node *found = NULL;
	struct citer it;
	guint k;

	for (k = 0; k < chapter_trees(c) && found == NULL; k++) {
		if (chapter_tree(c, k) == NULL)
			continue;
		citer_init(&it, chapter_tree(c, k));
		while (found == NULL && citer_next(&it) != ITER_NONE)
			if (it.ev == ITER_ENTER &&
			    it.cur->type == NODE_HEADING) {
				char *t = node_text(it.cur);

				if (names(t, id))
					found = it.cur;
				g_free(t);
			}
	}
	return found;
}

/*
 * A path made comparable: absolute, without "." or "..", relative to
 * the folder of the file relative_to (NULL: the current folder).
 */
static char *
canonical(const char *path, const char *relative_to)
{
	char *dir = g_path_get_dirname(relative_to != NULL ? relative_to : ".");
	char *base = g_canonicalize_filename(dir, NULL);
	char *abs = g_canonicalize_filename(path, base);

	g_free(dir);
	g_free(base);
	return abs;
}

/*
 * Points link, in chapter from, at the chapter of e whose source its
 * URL names (from's own for a bare "#fragment"), and at the heading the
 * fragment names there.  Returns 0, or -1 if no chapter has the file.
 */
static int
resolve(const struct edition *e, const struct chapter *from,
    struct node *link, struct diags *d)
{
	const char *url = link->as.link->url != NULL ? link->as.link->url : "";
	const char *hash = strchr(url, '#');
	char *file = g_uri_unescape_segment(url, hash, NULL);
	char *frag = hash != NULL ? g_uri_unescape_string(hash + 1, NULL) :
	    NULL;
	char *want = file != NULL && *file != '\0' ?
	    canonical(file, from->path) : NULL;
	const struct chapter *first = NULL;
	guint i;

	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);
		char *have = want != NULL ? canonical(c->path, NULL) : NULL;
		int same = want != NULL ? strcmp(have, want) == 0 :
		    file != NULL && c == from;

		g_free(have);
		if (!same)
			continue;
		if (first == NULL)
			first = c;
		if (frag == NULL || *frag == '\0' ||
		    names(c->meta.title, frag)) {
			link->as.link->chapter = c;
			break;
		}
		if ((link->as.link->heading = heading_named(c, frag)) != NULL) {
			link->as.link->chapter = c;
			break;
		}
	}
	if (link->as.link->chapter == NULL && first != NULL) {
		link->as.link->chapter = first;
		diag_add(d, DIAG_WARNING, link->pos, "the link to '%s' goes to "
		    "the start of chapter %s: no heading of it is '#%s' "
		    "(a heading '## Some Title' is '#some-title')", url,
		    first->id, frag);
	}
	if (link->as.link->chapter != NULL && matter_alone(link->as.link->chapter))
		diag_add(d, DIAG_WARNING, link->pos, "the link to '%s' is a "
		    "link in the EPUB only: the print edition sets chapter %s "
		    "alone, without a heading to link to", url,
		    link->as.link->chapter->id);
	g_free(file);
	g_free(frag);
	g_free(want);
	return first != NULL ? 0 : -1;
}

/* Resolves the links of one tree of chapter c. */
static void
resolve_tree(const struct edition *e, const struct chapter *c,
    struct node *root, struct diags *d)
{
	GPtrArray *links = links_of(root);
	guint i;

	for (i = 0; i < links->len; i++) {
		struct node *link = g_ptr_array_index(links, i);

		if (followable(link->as.link->url) ||
		    resolve(e, c, link, d) == 0)
			continue;
		link->as.link->text_only = 1;
		diag_add(d, DIAG_WARNING, link->pos, "the link to '%s' goes "
		    "nowhere in an EPUB or a PDF, which follow only a URL with "
		    "a scheme (https://…) or a link to another chapter's "
		    "source; it is set as its text: write the whole URL, or "
		    "the text without the link",
		    link->as.link->url != NULL ? link->as.link->url : "");
	}
	g_ptr_array_free(links, TRUE);
}

void
links_resolve(struct edition *e, struct diags *d)
{
	guint i, k;

	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);

		for (k = 0; k < chapter_trees(c); k++)
			resolve_tree(e, c, chapter_tree(c, k), d);
	}
}
