/*
 * tagtree.c — merging the parts of a footnote into one Note element,
 * and naming each; the language of an element in another language
 * than what holds it (a chapter, a passage, a contents entry).
 *
 * Cairo builds the tree in the order elements are begun, so its Note
 * elements, walked in document order, are the drawing's (finish.h's
 * struct note_tag).  A continued part holds the elements the drawing
 * opened anew at the head of its page (the Note, then the paragraph the
 * break cut): each is merged into the last element of its kind in the
 * first part, level by level, and what it held moves with it.  Marked
 * content moved off its element's page is given as a marked-content
 * reference to that page.
 *
 * Cairo 1.16 has no attribute for a structure element's language: the
 * drawing records which elements are in another (taglangs.h), by their
 * type and count, and they are found again here in the same order,
 * before the notes are merged.
 */
#include <stdlib.h>
#include <string.h>

#include "tagtree.h"

/* The kids of an element as an array, made one if /K is a single kid. */
static qpdf_oh
kids(qpdf_data q, qpdf_oh elem)
{
	qpdf_oh k = qpdf_oh_get_key(q, elem, "/K");

	if (!qpdf_oh_is_array(q, k)) {
		qpdf_oh a = qpdf_oh_new_array(q);

		if (!qpdf_oh_is_null(q, k))
			qpdf_oh_append_item(q, a, k);
		qpdf_oh_replace_key(q, elem, "/K", a);
		k = qpdf_oh_get_key(q, elem, "/K");
	}
	return k;
}

static gboolean
is_elem(qpdf_data q, qpdf_oh oh)
{
	return qpdf_oh_is_dictionary(q, oh) && qpdf_oh_has_key(q, oh, "/S");
}

/* Whether oh is an element of type s ("/Note"). */
static gboolean
is_type(qpdf_data q, qpdf_oh oh, const char *s)
{
	return is_elem(q, oh) && strcmp(qpdf_oh_get_name(q,
	    qpdf_oh_get_key(q, oh, "/S")), s) == 0;
}

static gboolean
same_type(qpdf_data q, qpdf_oh a, qpdf_oh b)
{
	return is_elem(q, a) && is_elem(q, b) &&
	    strcmp(qpdf_oh_get_name(q, qpdf_oh_get_key(q, a, "/S")),
	    qpdf_oh_get_name(q, qpdf_oh_get_key(q, b, "/S"))) == 0;
}

/*
 * The elements under the root of type s ("/Note"; NULL: all), in
 * document order (depth first): the order Cairo began them in, until
 * the tree is mended.
 */
static GArray *
elements(qpdf_data q, qpdf_oh root, const char *s)
{
	GArray *found = g_array_new(FALSE, FALSE, sizeof(qpdf_oh));
	GArray *stack = g_array_new(FALSE, FALSE, sizeof(qpdf_oh));
	qpdf_oh k = qpdf_oh_get_key(q, root, "/K");

	g_array_append_val(stack, k);
	while (stack->len > 0) {
		qpdf_oh oh = g_array_index(stack, qpdf_oh, stack->len - 1);
		int i;

		g_array_set_size(stack, stack->len - 1);
		if (qpdf_oh_is_array(q, oh)) {
			for (i = qpdf_oh_get_array_n_items(q, oh); i > 0; i--) {
				qpdf_oh item = qpdf_oh_get_array_item(q, oh,
				    i - 1);

				g_array_append_val(stack, item);
			}
			continue;
		}
		if (!is_elem(q, oh))
			continue;
		if (s == NULL || is_type(q, oh, s))
			g_array_append_val(found, oh);
		k = qpdf_oh_get_key(q, oh, "/K");
		g_array_append_val(stack, k);
	}
	g_array_free(stack, TRUE);
	return found;
}

/* Moves b's kids from the index from on to the end of a's. */
static void
move_kids(qpdf_data q, qpdf_oh a, qpdf_oh b, int from)
{
	qpdf_oh ka = kids(q, a), kb = kids(q, b);
	qpdf_oh page = qpdf_oh_get_key(q, b, "/Pg");
	int n = qpdf_oh_get_array_n_items(q, kb), i;

	for (i = from; i < n; i++) {
		qpdf_oh kid = qpdf_oh_get_array_item(q, kb, i);

		if (qpdf_oh_is_integer(q, kid)) {
			qpdf_oh mcr = qpdf_oh_new_dictionary(q);

			qpdf_oh_replace_key(q, mcr, "/Type",
			    qpdf_oh_new_name(q, "/MCR"));
			qpdf_oh_replace_key(q, mcr, "/Pg", page);
			qpdf_oh_replace_key(q, mcr, "/MCID", kid);
			kid = mcr;
		} else if (is_elem(q, kid))
			qpdf_oh_replace_key(q, kid, "/P", a);
		qpdf_oh_append_item(q, ka, kid);
	}
}

/*
 * Merges b, a part continued with depth elements opened anew, into a:
 * its kids after a's, the first of them merged likewise into a's last
 * down to that depth.  Maps each element merged to its target in to.
 */
static void
merge(qpdf_data q, qpdf_oh a, qpdf_oh b, guint depth, GHashTable *to)
{
	guint level;

	for (level = 0; ; level++) {
		qpdf_oh ka = kids(q, a), kb = kids(q, b), next_a = 0, next_b = 0;
		int na = qpdf_oh_get_array_n_items(q, ka);
		int nb = qpdf_oh_get_array_n_items(q, kb);
		gboolean deeper = FALSE;

		if (level + 1 < depth && na > 0 && nb > 0) {
			next_a = qpdf_oh_get_array_item(q, ka, na - 1);
			next_b = qpdf_oh_get_array_item(q, kb, 0);
			deeper = same_type(q, next_a, next_b);
		}
		move_kids(q, a, b, deeper ? 1 : 0);
		g_hash_table_insert(to, GINT_TO_POINTER(
		    qpdf_oh_get_object_id(q, b)), GUINT_TO_POINTER(a));
		if (!deeper)
			return;
		a = next_a;
		b = next_b;
	}
}

/* Takes element b out of its parent's kids. */
static void
detach(qpdf_data q, qpdf_oh b)
{
	qpdf_oh k = kids(q, qpdf_oh_get_key(q, b, "/P"));
	int id = qpdf_oh_get_object_id(q, b), n, i;

	n = qpdf_oh_get_array_n_items(q, k);
	for (i = 0; i < n; i++)
		if (qpdf_oh_get_object_id(q, qpdf_oh_get_array_item(q, k, i)) ==
		    id) {
			qpdf_oh_erase_item(q, k, i);
			return;
		}
}

/* Item i of array arr, pointed to its merged element if it was merged. */
static void
repoint_item(qpdf_data q, qpdf_oh arr, int i, GHashTable *to)
{
	qpdf_oh item = qpdf_oh_get_array_item(q, arr, i);
	gpointer target = g_hash_table_lookup(to,
	    GINT_TO_POINTER(qpdf_oh_get_object_id(q, item)));

	if (target == NULL)
		return;
	qpdf_oh_erase_item(q, arr, i);
	qpdf_oh_insert_item(q, arr, i, (qpdf_oh)GPOINTER_TO_UINT(target));
}

/* The parent tree's entries for merged elements, to what they merged
 * into: a number tree, its nodes walked without recursion. */
static void
repoint(qpdf_data q, qpdf_oh root, GHashTable *to)
{
	GArray *nodes = g_array_new(FALSE, FALSE, sizeof(qpdf_oh));
	qpdf_oh node = qpdf_oh_get_key(q, root, "/ParentTree");

	g_array_append_val(nodes, node);
	while (nodes->len > 0) {
		qpdf_oh nums, ks;
		int i, j, n;

		node = g_array_index(nodes, qpdf_oh, nodes->len - 1);
		g_array_set_size(nodes, nodes->len - 1);
		ks = qpdf_oh_get_key(q, node, "/Kids");
		for (i = 0; i < qpdf_oh_get_array_n_items(q, ks); i++) {
			qpdf_oh kid = qpdf_oh_get_array_item(q, ks, i);

			g_array_append_val(nodes, kid);
		}
		nums = qpdf_oh_get_key(q, node, "/Nums");
		n = qpdf_oh_get_array_n_items(q, nums);
		for (i = 1; i < n; i += 2) {
			qpdf_oh v = qpdf_oh_get_array_item(q, nums, i);

			if (!qpdf_oh_is_array(q, v)) {
				repoint_item(q, nums, i, to);
				continue;
			}
			for (j = 0; j < qpdf_oh_get_array_n_items(q, v); j++)
				repoint_item(q, v, j, to);
		}
	}
	g_array_free(nodes, TRUE);
}

struct named {
	char	 id[16];
	qpdf_oh	 elem;
};

static int
by_id(const void *a, const void *b)
{
	return strcmp(((const struct named *)a)->id,
	    ((const struct named *)b)->id);
}

/* The IDTree: a name tree of one node, its names in byte order. */
static void
id_tree(qpdf_data q, qpdf_oh root, GArray *named)
{
	qpdf_oh tree = qpdf_oh_new_dictionary(q), names = qpdf_oh_new_array(q);
	guint i;

	g_array_sort(named, by_id);
	for (i = 0; i < named->len; i++) {
		const struct named *nm = &g_array_index(named, struct named, i);

		qpdf_oh_append_item(q, names, qpdf_oh_new_string(q, nm->id));
		qpdf_oh_append_item(q, names, nm->elem);
	}
	qpdf_oh_replace_key(q, tree, "/Names", names);
	qpdf_oh_replace_key(q, root, "/IDTree", tree);
}

int
tagtree_notes(qpdf_data q, const GArray *order, struct finished *done)
{
	qpdf_oh root = qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot");
	GArray *notes = elements(q, root, "/Note");
	GArray *named = g_array_new(FALSE, FALSE, sizeof(struct named));
	GHashTable *first = g_hash_table_new(g_direct_hash, g_direct_equal);
	GHashTable *to = g_hash_table_new(g_direct_hash, g_direct_equal);
	guint i;
	int rc = notes->len == order->len ? 0 : -1;

	for (i = 0; rc == 0 && i < notes->len; i++) {
		const struct note_tag *nt = &g_array_index(order,
		    struct note_tag, i);
		qpdf_oh elem = g_array_index(notes, qpdf_oh, i);
		gpointer a = g_hash_table_lookup(first,
		    GUINT_TO_POINTER(nt->fn + 1));
		struct named nm;

		if (a != NULL && nt->reopened > 0) {
			detach(q, elem);
			merge(q, (qpdf_oh)GPOINTER_TO_UINT(a), elem,
			    nt->reopened, to);
			done->merged++;
			continue;
		}
		g_hash_table_insert(first, GUINT_TO_POINTER(nt->fn + 1),
		    GUINT_TO_POINTER(elem));
		g_snprintf(nm.id, sizeof(nm.id), "n%u", nt->fn + 1);
		nm.elem = elem;
		qpdf_oh_replace_key(q, elem, "/ID",
		    qpdf_oh_new_string(q, nm.id));
		g_array_append_val(named, nm);
		done->notes++;
	}
	if (rc == 0) {
		repoint(q, root, to);
		id_tree(q, root, named);
	}
	g_hash_table_destroy(first);
	g_hash_table_destroy(to);
	g_array_free(named, TRUE);
	g_array_free(notes, TRUE);
	return rc;
}

int
tagtree_languages(qpdf_data q, const struct taglangs *langs)
{
	const GArray *marks = langs->marks;
	GHashTable *seen;
	GArray *all;
	guint i, m = 0;
	int rc;

	if (marks->len == 0)
		return 0;
	all = elements(q, qpdf_oh_get_key(q, qpdf_get_root(q),
	    "/StructTreeRoot"), NULL);
	seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (i = 0; i < all->len; i++) {
		qpdf_oh e = g_array_index(all, qpdf_oh, i);
		/* Copied: qpdf's string lasts until its next call. */
		char *type = g_strdup(qpdf_oh_get_name(q, qpdf_oh_get_key(q, e,
		    "/S")) + 1);
		guint n = GPOINTER_TO_UINT(g_hash_table_lookup(seen, type));
		const struct taglang *t = m < marks->len ?
		    &g_array_index(marks, struct taglang, m) : NULL;

		if (t != NULL && t->nth == n && strcmp(t->type, type) == 0) {
			qpdf_oh_replace_key(q, e, "/Lang",
			    qpdf_oh_new_unicode_string(q, t->lang));
			m++;
		}
		g_hash_table_replace(seen, type, GUINT_TO_POINTER(n + 1));
	}
	/* Every mark set, and each type marked found as often as begun. */
	rc = m == marks->len ? 0 : -1;
	for (i = 0; rc == 0 && i < marks->len; i++) {
		const char *type = g_array_index(marks, struct taglang, i).type;

		if (GPOINTER_TO_UINT(g_hash_table_lookup(seen, type)) !=
		    taglangs_count(langs, type))
			rc = -1;
	}
	g_hash_table_destroy(seen);
	g_array_free(all, TRUE);
	return rc;
}
