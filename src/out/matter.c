/*
 * matter.c — front, text and back matter from the chapters' roles
 * (matter.h).
 */
#include "out/matter.h"

void
matter_init(struct matter_bounds *m, const struct edition *e)
{
	guint i;

	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);

		if (!chapter_role_front(c->role))
			break;
	}
	m->front = i;
	for (i = 0; i < m->front; i++)
		if (!matter_alone(g_ptr_array_index(e->chapters, i)))
			break;
	m->before_contents = i;
}

enum matter
matter_of(const struct matter_bounds *m, const struct edition *e, guint i)
{
	const struct chapter *c = g_ptr_array_index(e->chapters, i);

	if (i < m->front)
		return MATTER_FRONT;
	return chapter_role_back(c->role) ? MATTER_BACK : MATTER_BODY;
}

int
matter_alone(const struct chapter *c)
{
	return c->role == ROLE_DEDICATION || c->role == ROLE_EPIGRAPH;
}
