/*
 * titles.c — a chapter's title, label and running heads, with the
 * fallbacks every output shares.
 */
#include <string.h>

#include "out/titles.h"

const char *
title_of(const struct chapter *c)
{
	if (c->meta.title != NULL)
		return c->meta.title;
	return c->meta.label != NULL ? c->meta.label : c->id;
}

const char *
title_label(const struct chapter *c)
{
	return c->meta.title != NULL ? c->meta.label : NULL;
}

char *
title_contents(const struct chapter *c)
{
	const char *label = title_label(c), *sep;
	size_t n;

	if (label == NULL)
		return g_strdup(title_of(c));
	n = strlen(label);
	sep = n > 0 && strchr(".:", label[n - 1]) != NULL ? "" :
	    strchr(label, ' ') == NULL ? "." : ":";
	return g_strdup_printf("%s%s %s", label, sep, title_of(c));
}

char *
title_running(const struct edition *e, const struct credits *cr,
    const struct chapter *c, int verso)
{
	const char *by = c != NULL ? credits_byline(cr, c) : NULL;
	char *book;

	if (!verso)
		return g_strdup(c != NULL ? title_of(c) : e->meta.title);
	if (by != NULL)
		return g_strdup(by);
	book = credits_join(cr->authors);
	return book != NULL ? book : g_strdup(e->meta.title);
}
