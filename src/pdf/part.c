/*
 * part.c — the pages of a part: how they are numbered, and what they
 * hold of the model (part.h).
 */
#include "out/pages.h"
#include "part.h"

void
part_label(const struct part *part, int n, char *buf, size_t size)
{
	if (part->roman)
		folio_roman(part->folio_base + n, buf, size);
	else
		g_snprintf(buf, size, "%d", part->folio_base + n);
}

void
part_each_anchor(const struct press *p, const struct part *part,
    void (*fn)(const struct line *, const struct anchor *, void *),
    void *arg)
{
	guint i;

	galley_each_anchor(part->galley, 0, G_MAXUINT, fn, arg);
	for (i = 0; i < part->mk.placed->len; i++) {
		const struct placed *pl = &g_array_index(part->mk.placed,
		    struct placed, i);

		galley_each_anchor(p->notes, pl->from, pl->to, fn, arg);
	}
}
