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
 * reference to that page, and the parent tree's entries for what was
 * merged point to what it merged into.
 *
 * Cairo 1.16 has no attribute for a structure element's language: the
 * drawing records which elements are in another (taglangs.h), by their
 * type and count, and they are found again here in the same order,
 * before the notes are merged.
 */
#include <string.h>

#include "tagtree.h"

/* What the plan changes in one element. */
struct tagedit {
	GPtrArray	*kids;		/* each kid's text; NULL: Cairo's */
	guint		 parent;	/* a new /P, or 0 */
	char		 id[16];	/* a Note's /ID, or "" */
	const char	*lang;		/* BCP 47, or NULL */
	gboolean	 dropped;	/* merged into another */
};

static void
edit_free(gpointer p)
{
	struct tagedit *e = p;

	if (e->kids != NULL)
		g_ptr_array_free(e->kids, TRUE);
	g_free(e);
}

static struct tagedit *
edit_of(struct tagplan *tp, guint num)
{
	struct tagedit *e = g_hash_table_lookup(tp->edits,
	    GUINT_TO_POINTER(num));

	if (e == NULL) {
		e = g_new0(struct tagedit, 1);
		g_hash_table_insert(tp->edits, GUINT_TO_POINTER(num), e);
	}
	return e;
}

/* An element's type, "/Note", or { NULL, 0 } if num is no element. */
static struct pdf_span
type_of(const struct pdf_file *f, guint num)
{
	return pdf_dict_value(pdf_file_value(f, num), "/S");
}

static guint
elem_ref(const struct pdf_file *f, struct pdf_span kid)
{
	guint num = pdf_ref(kid);

	return num != 0 && type_of(f, num).s != NULL ? num : 0;
}

/* An element's kids, as the plan has them (made the plan's to change). */
static GPtrArray *
kids_of(struct tagplan *tp, const struct pdf_file *f, guint num)
{
	struct tagedit *e = edit_of(tp, num);
	struct pdf_span k = pdf_dict_value(pdf_file_value(f, num), "/K");
	struct pdf_items it;
	struct pdf_span kid;

	if (e->kids != NULL)
		return e->kids;
	e->kids = g_ptr_array_new_with_free_func(g_free);
	if (k.s == NULL)
		return e->kids;
	pdf_items_init(&it, k);
	while (pdf_items_next(&it, &kid))
		g_ptr_array_add(e->kids, g_strndup(kid.s, kid.n));
	return e->kids;
}

static guint
parent_of(struct tagplan *tp, const struct pdf_file *f, guint num)
{
	struct tagedit *e = edit_of(tp, num);

	return e->parent != 0 ? e->parent :
	    pdf_ref(pdf_dict_value(pdf_file_value(f, num), "/P"));
}

static struct pdf_span
text_span(const char *s)
{
	struct pdf_span v = { s, strlen(s) };

	return v;
}

/* Moves b's kids from the index from on to the end of a's. */
static void
move_kids(struct tagplan *tp, const struct pdf_file *f, guint a, guint b,
    guint from)
{
	GPtrArray *ka = kids_of(tp, f, a), *kb = kids_of(tp, f, b);
	struct pdf_span page = pdf_dict_value(pdf_file_value(f, b), "/Pg");
	gint64 mcid;
	guint i, kid;

	for (i = from; i < kb->len; i++) {
		const char *k = g_ptr_array_index(kb, i);

		if (pdf_int(text_span(k), &mcid) && page.s != NULL)
			g_ptr_array_add(ka, g_strdup_printf("<< /Type /MCR /Pg "
			    "%.*s /MCID %s >>", (int)page.n, page.s, k));
		else {
			if ((kid = elem_ref(f, text_span(k))) != 0)
				edit_of(tp, kid)->parent = a;
			g_ptr_array_add(ka, g_strdup(k));
		}
	}
}

/*
 * Merges b, a part continued with depth elements opened anew, into a:
 * its kids after a's, the first of them merged likewise into a's last
 * down to that depth.  Each element merged is left out, and mapped to
 * its target in tp->to.
 */
static void
merge(struct tagplan *tp, const struct pdf_file *f, guint a, guint b,
    guint depth)
{
	guint level;

	for (level = 0; ; level++) {
		GPtrArray *ka = kids_of(tp, f, a), *kb = kids_of(tp, f, b);
		guint next_a = 0, next_b = 0;
		gboolean deeper = FALSE;

		if (level + 1 < depth && ka->len > 0 && kb->len > 0) {
			struct pdf_span ta, tb;

			next_a = elem_ref(f, text_span(g_ptr_array_index(ka,
			    ka->len - 1)));
			next_b = elem_ref(f, text_span(g_ptr_array_index(kb,
			    0)));
			ta = type_of(f, next_a);
			tb = type_of(f, next_b);
			deeper = next_a != 0 && next_b != 0 && next_a != next_b &&
			    ta.n == tb.n && memcmp(ta.s, tb.s, ta.n) == 0;
		}
		move_kids(tp, f, a, b, deeper ? 1 : 0);
		edit_of(tp, b)->dropped = TRUE;
		g_hash_table_insert(tp->to, GUINT_TO_POINTER(b),
		    GUINT_TO_POINTER(a));
		if (!deeper)
			return;
		a = next_a;
		b = next_b;
	}
}

/* Takes element b out of its parent's kids; FALSE if it is not there. */
static gboolean
detach(struct tagplan *tp, const struct pdf_file *f, guint b)
{
	GPtrArray *k = kids_of(tp, f, parent_of(tp, f, b));
	guint i;

	for (i = 0; i < k->len; i++)
		if (pdf_ref(text_span(g_ptr_array_index(k, i))) == b) {
			g_ptr_array_remove_index(k, i);
			return TRUE;
		}
	return FALSE;
}

/* The walk's state: notes met so far, the languages' marks. */
struct walk {
	struct tagplan		*tp;
	const struct pdf_file	*f;
	const GArray		*order;		/* struct note_tag */
	guint			 notes;		/* Note elements met */
	GHashTable		*first;		/* footnote + 1 → first part */
	GArray			*named;		/* struct named */
	const struct taglangs	*langs;
	guint			 mark;		/* the next of langs->marks */
	GHashTable		*seen;		/* a marked type → how many */
	struct finished		*done;
	gboolean		 astray;	/* a Note the drawing did not begin,
					   or an element met twice */
};

struct named {
	char	 id[16];
	guint	 num;
};

static int
by_id(const void *a, const void *b)
{
	return strcmp(((const struct named *)a)->id,
	    ((const struct named *)b)->id);
}

/* A Note met: the next of the drawing's, merged or named. */
static void
note(struct walk *w, guint num)
{
	const struct note_tag *nt;
	gpointer a;
	struct named nm;

	if (w->notes >= w->order->len) {
		w->astray = TRUE;
		return;
	}
	nt = &g_array_index(w->order, struct note_tag, w->notes++);
	a = g_hash_table_lookup(w->first, GUINT_TO_POINTER(nt->fn + 1));
	/* Met twice: a tree holds each element once. */
	if (GPOINTER_TO_UINT(a) == num) {
		w->astray = TRUE;
		return;
	}
	if (a != NULL && nt->reopened > 0) {
		/* Its parent must let it go, or it would name a freed object. */
		if (!detach(w->tp, w->f, num)) {
			w->astray = TRUE;
			return;
		}
		merge(w->tp, w->f, GPOINTER_TO_UINT(a), num, nt->reopened);
		w->done->merged++;
		return;
	}
	g_hash_table_insert(w->first, GUINT_TO_POINTER(nt->fn + 1),
	    GUINT_TO_POINTER(num));
	g_snprintf(nm.id, sizeof(nm.id), "n%u", nt->fn + 1);
	nm.num = num;
	g_strlcpy(edit_of(w->tp, num)->id, nm.id, sizeof(nm.id));
	g_array_append_val(w->named, nm);
	w->done->notes++;
}

/* An element of type met: its /Lang if it is the next marked. */
static void
language(struct walk *w, guint num, const char *type)
{
	const GArray *marks = w->langs->marks;
	const struct taglang *t = w->mark < marks->len ?
	    &g_array_index(marks, struct taglang, w->mark) : NULL;
	gpointer key, count;

	if (!g_hash_table_lookup_extended(w->seen, type, &key, &count))
		return;
	if (t != NULL && t->nth == GPOINTER_TO_UINT(count) &&
	    strcmp(t->type, type) == 0) {
		edit_of(w->tp, num)->lang = t->lang;
		w->mark++;
	}
	g_hash_table_insert(w->seen, key, GUINT_TO_POINTER(
	    GPOINTER_TO_UINT(count) + 1));
}

/* One element met in document order. */
static void
visit(struct walk *w, guint num, struct pdf_span type)
{
	char name[32];

	if (type.n < 2 || type.n > sizeof(name))
		return;
	memcpy(name, type.s + 1, type.n - 1);
	name[type.n - 1] = '\0';
	language(w, num, name);
	if (strcmp(name, "Note") == 0)
		note(w, num);
}

/*
 * The elements under the root, depth first, in document order: the
 * order Cairo began them in.  Only a stack of what is still to visit
 * is held, spans of Cairo's file.
 */
static void
walk_tree(struct walk *w, struct pdf_span k)
{
	GArray *stack = g_array_new(FALSE, FALSE, sizeof(struct pdf_span));
	GArray *items = g_array_new(FALSE, FALSE, sizeof(struct pdf_span));
	GArray *seen = pdf_seen_new(w->f);

	g_array_append_val(stack, k);
	while (stack->len > 0) {
		struct pdf_span v = g_array_index(stack, struct pdf_span,
		    stack->len - 1), item, type;
		struct pdf_items it;
		guint num;

		g_array_set_size(stack, stack->len - 1);
		if (v.n > 0 && v.s[0] == '[') {
			g_array_set_size(items, 0);
			pdf_items_init(&it, v);
			while (pdf_items_next(&it, &item))
				g_array_append_val(items, item);
			while (items->len > 0) {
				g_array_append_val(stack, g_array_index(items,
				    struct pdf_span, items->len - 1));
				g_array_set_size(items, items->len - 1);
			}
			continue;
		}
		if ((num = pdf_ref(v)) == 0 ||
		    (type = type_of(w->f, num)).s == NULL)
			continue;
		if (!pdf_seen_first(seen, num)) {
			w->astray = TRUE;
			break;
		}
		visit(w, num, type);
		item = pdf_dict_value(pdf_file_value(w->f, num), "/K");
		if (item.s != NULL)
			g_array_append_val(stack, item);
	}
	g_array_free(seen, TRUE);
	g_array_free(items, TRUE);
	g_array_free(stack, TRUE);
}

/* The IDTree: a name tree of one node, its names in byte order. */
static void
id_tree(struct tagplan *tp, GArray *named)
{
	guint i;

	g_array_sort(named, by_id);
	g_string_append(tp->id_tree, "/IDTree << /Names [");
	for (i = 0; i < named->len; i++) {
		const struct named *nm = &g_array_index(named, struct named, i);

		g_string_append_printf(tp->id_tree, " (%s) %u 0 R", nm->id,
		    nm->num);
	}
	g_string_append(tp->id_tree, " ] >>");
}

/*
 * The parent tree's objects that name a merged element: its nodes, and
 * the arrays their entries point to.
 */
static void
parent_tree(struct tagplan *tp, const struct pdf_file *f, guint node)
{
	GArray *nodes = g_array_new(FALSE, FALSE, sizeof(guint));

	g_array_append_val(nodes, node);
	while (nodes->len > 0) {
		struct pdf_span v, kids, nums, kid, key, value;
		struct pdf_items it;
		guint num;

		node = g_array_index(nodes, guint, nodes->len - 1);
		g_array_set_size(nodes, nodes->len - 1);
		if (node == 0 || g_hash_table_contains(tp->repoint,
		    GUINT_TO_POINTER(node)))
			continue;
		g_hash_table_add(tp->repoint, GUINT_TO_POINTER(node));
		v = pdf_file_value(f, node);
		kids = pdf_dict_value(v, "/Kids");
		pdf_items_init(&it, kids);
		while (kids.s != NULL && pdf_items_next(&it, &kid))
			if ((num = pdf_ref(kid)) != 0)
				g_array_append_val(nodes, num);
		nums = pdf_dict_value(v, "/Nums");
		pdf_items_init(&it, nums);
		while (nums.s != NULL && pdf_items_next(&it, &key) &&
		    pdf_items_next(&it, &value)) {
			struct pdf_span arr;

			if ((num = pdf_ref(value)) == 0)
				continue;
			arr = pdf_file_value(f, num);
			if (arr.n > 0 && arr.s[0] == '[')
				g_hash_table_add(tp->repoint,
				    GUINT_TO_POINTER(num));
		}
	}
	g_array_free(nodes, TRUE);
}

/* The kid of the root that is the Document element, or 0. */
static guint
document(const struct pdf_file *f, struct pdf_span k)
{
	struct pdf_items it;
	struct pdf_span kid;
	guint num;

	pdf_items_init(&it, k);
	while (k.s != NULL && pdf_items_next(&it, &kid))
		if ((num = elem_ref(f, kid)) != 0 &&
		    pdf_is(type_of(f, num), "/Document"))
			return num;
	return 0;
}

/*
 * The Document's kids, a Part for each run of pages as drawn (finish.h),
 * put in the reading order.  -1 if they are not the drawing's runs.
 */
static int
order_parts(struct tagplan *tp, const struct pdf_file *f, guint doc,
    const GArray *runs)
{
	struct tagedit *e;
	GPtrArray *kids, *ordered;
	GArray *order;
	guint i;

	if (doc == 0)
		return -1;
	kids = kids_of(tp, f, doc);
	for (i = 0; i < kids->len; i++) {
		const char *k = g_ptr_array_index(kids, i);

		if (!pdf_is(type_of(f, elem_ref(f, text_span(k))), "/Part"))
			return -1;
	}
	if (kids->len != runs->len)
		return -1;
	ordered = g_ptr_array_new_with_free_func(g_free);
	order = page_runs_read(runs);
	for (i = 0; i < order->len; i++)
		g_ptr_array_add(ordered, g_strdup(g_ptr_array_index(kids,
		    g_array_index(order, guint, i))));
	g_array_free(order, TRUE);
	e = edit_of(tp, doc);
	g_ptr_array_free(e->kids, TRUE);
	e->kids = ordered;
	return ordered->len == runs->len ? 0 : -1;
}

int
tagtree_plan(struct tagplan *tp, const struct pdf_file *f,
    const GArray *notes, const struct taglangs *langs, const GArray *runs,
    struct finished *done, const char **why)
{
	struct pdf_span catalog = pdf_file_value(f, f->root), root;
	struct walk w;
	guint i;
	int rc = 0;

	memset(tp, 0, sizeof(*tp));
	tp->edits = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
	    edit_free);
	tp->to = g_hash_table_new(g_direct_hash, g_direct_equal);
	tp->repoint = g_hash_table_new(g_direct_hash, g_direct_equal);
	tp->id_tree = g_string_new(NULL);
	tp->root = pdf_ref(pdf_dict_value(catalog, "/StructTreeRoot"));
	root = pdf_file_value(f, tp->root);
	memset(&w, 0, sizeof(w));
	w.tp = tp;
	w.f = f;
	w.order = notes;
	w.first = g_hash_table_new(g_direct_hash, g_direct_equal);
	w.named = g_array_new(FALSE, FALSE, sizeof(struct named));
	w.langs = langs;
	w.seen = g_hash_table_new(g_str_hash, g_str_equal);
	w.done = done;
	for (i = 0; i < langs->marks->len; i++)
		g_hash_table_insert(w.seen, (gpointer)g_array_index(
		    langs->marks, struct taglang, i).type, GUINT_TO_POINTER(0));
	if (root.s != NULL)
		walk_tree(&w, pdf_dict_value(root, "/K"));
	/* Every mark set, and each type marked found as often as begun. */
	for (i = 0; i < langs->marks->len; i++) {
		const char *type = g_array_index(langs->marks, struct taglang,
		    i).type;

		if (GPOINTER_TO_UINT(g_hash_table_lookup(w.seen, type)) !=
		    taglangs_count(langs, type))
			w.mark = G_MAXUINT;
	}
	if (w.mark != langs->marks->len) {
		*why = "the structure's elements are not the drawing's, to "
		    "give them their languages";
		rc = -1;
	} else if (w.astray || w.notes != notes->len) {
		*why = "the structure's notes are not the drawing's";
		rc = -1;
	} else if (runs != NULL && order_parts(tp, f, document(f,
	    pdf_dict_value(root, "/K")), runs) != 0) {
		*why = "the structure's parts are not the drawing's runs of "
		    "pages";
		rc = -1;
	} else {
		if (w.named->len > 0)
			id_tree(tp, w.named);
		if (g_hash_table_size(tp->to) > 0)
			parent_tree(tp, f, pdf_ref(pdf_dict_value(root,
			    "/ParentTree")));
	}
	g_hash_table_destroy(w.first);
	g_hash_table_destroy(w.seen);
	g_array_free(w.named, TRUE);
	return rc;
}

/*
 * An element's dictionary with what the plan changes in it (e may be
 * NULL), and more entries (the root's /IDTree, or "").
 */
static void
put_element(GString *out, const struct pdf_obj *o, const struct tagedit *e,
    const char *more)
{
	static const struct tagedit none;
	static const char *const keys[] = { "/K", "/P", "/ID", "/Lang",
	    "/IDTree", NULL };
	GString *add = g_string_new(NULL);
	const char *drop[G_N_ELEMENTS(keys)];
	guint i, n = 0;

	if (e == NULL)
		e = &none;

	if (e->kids != NULL) {
		drop[n++] = keys[0];
		g_string_append(add, "/K [");
		for (i = 0; i < e->kids->len; i++)
			g_string_append_printf(add, " %s",
			    (const char *)g_ptr_array_index(e->kids, i));
		g_string_append(add, " ] ");
	}
	if (e->parent != 0) {
		drop[n++] = keys[1];
		g_string_append_printf(add, "/P %u 0 R ", e->parent);
	}
	if (e->id[0] != '\0') {
		drop[n++] = keys[2];
		g_string_append_printf(add, "/ID (%s) ", e->id);
	}
	if (e->lang != NULL) {
		drop[n++] = keys[3];
		g_string_append(add, "/Lang ");
		pdf_put_text(add, e->lang);
		g_string_append_c(add, ' ');
	}
	if (*more != '\0') {
		drop[n++] = keys[4];
		g_string_append(add, more);
	}
	drop[n] = NULL;
	pdf_put_dict(out, o->value, drop, add->str);
	g_string_free(add, TRUE);
}

gboolean
tagtree_put(const struct tagplan *tp, const struct pdf_obj *o, GString *out,
    gboolean *drop)
{
	const struct tagedit *e = g_hash_table_lookup(tp->edits,
	    GUINT_TO_POINTER(o->num));

	*drop = FALSE;
	if (o->num == tp->root && (e != NULL || tp->id_tree->len > 0)) {
		put_element(out, o, e, tp->id_tree->str);
		return TRUE;
	}
	if (e != NULL) {
		if (e->dropped)
			*drop = TRUE;
		else
			put_element(out, o, e, "");
		return TRUE;
	}
	if (g_hash_table_contains(tp->repoint, GUINT_TO_POINTER(o->num))) {
		pdf_put_repointed(out, o->value, tp->to);
		return TRUE;
	}
	return FALSE;
}

void
tagtree_release(struct tagplan *tp)
{
	if (tp->edits == NULL)
		return;
	g_hash_table_destroy(tp->edits);
	g_hash_table_destroy(tp->to);
	g_hash_table_destroy(tp->repoint);
	g_string_free(tp->id_tree, TRUE);
	tp->edits = NULL;
}
