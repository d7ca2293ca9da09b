/*
 * galley.c — the array of typeset lines, which own their layouts.
 */
#include "galley.h"

static void
line_clear(gpointer p)
{
	struct line *ln = p;

	g_object_unref(ln->layout);
}

GArray *
galley_new(void)
{
	GArray *g = g_array_new(FALSE, FALSE, sizeof(struct line));

	g_array_set_clear_func(g, line_clear);
	return g;
}

void
galley_free(GArray *g)
{
	if (g != NULL)
		g_array_free(g, TRUE);
}
