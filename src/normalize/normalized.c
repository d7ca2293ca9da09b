/*
 * normalized.c — making and releasing what the normalizer makes
 * (normalized.h).
 */
#include <string.h>

#include "normalize/normalized.h"

void
markdown_meta_clear(struct markdown_meta *m)
{
	g_free(m->title);
	g_free(m->subtitle);
	g_free(m->author);
	g_free(m->date);
	g_free(m->language);
	g_free(m->identifier);
	g_free(m->rights);
	g_free(m->description);
	g_free(m->publisher);
	memset(m, 0, sizeof(*m));
}

struct normalized *
normalized_new(const char *id)
{
	struct normalized *n = g_new0(struct normalized, 1);

	n->id = g_strdup(id);
	n->md = g_string_new(NULL);
	n->srcline = g_array_new(FALSE, FALSE, sizeof(int));
	n->preface = g_string_new(NULL);
	n->preface_srcline = g_array_new(FALSE, FALSE, sizeof(int));
	return n;
}

void
normalized_drop_text(struct normalized *n)
{
	if (n->md == NULL)
		return;
	g_string_free(g_steal_pointer(&n->md), TRUE);
	g_array_free(g_steal_pointer(&n->srcline), TRUE);
	g_string_free(g_steal_pointer(&n->preface), TRUE);
	g_array_free(g_steal_pointer(&n->preface_srcline), TRUE);
}

void
normalized_free(struct normalized *n)
{
	if (n == NULL)
		return;
	g_free(n->id);
	normalized_drop_text(n);
	meta_clear(&n->meta);
	g_free(n);
}

static void
change_clear(struct change *c)
{
	g_free(c->removed);
	g_free(c->added);
}

void
normalization_init(struct normalization *out)
{
	memset(out, 0, sizeof(*out));
	out->chapters = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)normalized_free);
	out->changes = g_array_new(FALSE, TRUE, sizeof(struct change));
	g_array_set_clear_func(out->changes, (GDestroyNotify)change_clear);
}

void
normalization_release(struct normalization *out)
{
	g_ptr_array_free(out->chapters, TRUE);
	g_array_free(out->changes, TRUE);
	markdown_meta_clear(&out->book);
	memset(out, 0, sizeof(*out));
}
