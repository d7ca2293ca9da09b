/*
 * links.c — Markdown links made what both outputs can keep: a link to
 * a URL with a scheme, holding no note reference.
 */
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

void
links_check(struct node *root, struct diags *d)
{
	GPtrArray *links = g_ptr_array_new();
	struct iter it;
	guint i;

	iter_init(&it, root);
	while (iter_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && it.cur->type == NODE_LINK)
			g_ptr_array_add(links, it.cur);
	for (i = 0; i < links->len; i++) {
		struct node *link = g_ptr_array_index(links, i);

		refs_after(link);
		if (followable(link->as.link.url))
			continue;
		link->as.link.text_only = 1;
		diag_add(d, DIAG_WARNING, link->pos, "the link to '%s' goes "
		    "nowhere in an EPUB or a PDF, which follow only a URL with "
		    "a scheme (https://…); it is set as its text: write the "
		    "whole URL, or the text without the link",
		    link->as.link.url != NULL ? link->as.link.url : "");
	}
	g_ptr_array_free(links, TRUE);
}
