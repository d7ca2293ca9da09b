/*
 * taglangs.c — counting the elements the drawing begins, by type, and
 * marking those in another language (taglangs.h).
 */
#include "taglangs.h"

void
taglangs_init(struct taglangs *t)
{
	t->begun = g_hash_table_new(g_str_hash, g_str_equal);
	t->marks = g_array_new(FALSE, FALSE, sizeof(struct taglang));
	t->langs = g_string_chunk_new(64);
}

void
taglangs_release(struct taglangs *t)
{
	g_hash_table_destroy(t->begun);
	g_array_free(t->marks, TRUE);
	g_string_chunk_free(t->langs);
}

void
taglangs_begun(struct taglangs *t, const char *type, const char *lang)
{
	guint n = taglangs_count(t, type);

	if (lang != NULL) {
		struct taglang m = { type, n,
		    g_string_chunk_insert_const(t->langs, lang) };

		g_array_append_val(t->marks, m);
	}
	g_hash_table_insert(t->begun, (gpointer)type, GUINT_TO_POINTER(n + 1));
}

guint
taglangs_count(const struct taglangs *t, const char *type)
{
	return GPOINTER_TO_UINT(g_hash_table_lookup(t->begun, type));
}
