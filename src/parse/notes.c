/*
 * notes.c — linking, validating and numbering the notes of each chapter.
 *
 * The parser leaves references as NODE_NOTEREF with the source's label
 * and the notes as the chapter's list, in source order.  Here they meet:
 * whatever the source's convention was, what leaves this stage is one
 * model, which each back end sets in its own style.
 */
#include <stdlib.h>
#include <string.h>

#include "parse/notes.h"

/* The references of a tree, in document order. */
static GPtrArray *
collect_refs(struct node *root)
{
	GPtrArray *refs = g_ptr_array_new();
	struct iter it;

	iter_init(&it, root);
	while (iter_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && it.cur->type == NODE_NOTEREF)
			g_ptr_array_add(refs, it.cur);
	return refs;
}

/* A reference in a heading belongs at its end, after the words. */
static void
move_out_of_heading(struct node *ref)
{
	struct node *h = ref->parent;

	while (h != NULL && h->type != NODE_HEADING)
		h = h->parent;
	if (h == NULL || h->last == ref)
		return;
	node_unlink(ref);
	node_append(h, ref);
}

/* A reference to no note: its label goes back into the text, in brackets. */
static void
unresolved(struct node *ref)
{
	char *text = g_strdup_printf("[%s]", ref->text);

	g_free(ref->text);
	ref->text = text;
	ref->type = NODE_TEXT;
	ref->as.marks = NULL;	/* a text's, where the note was */
}

static void
link_refs(struct chapter *c, GHashTable *by_label, struct diags *d)
{
	GPtrArray *refs = g_ptr_array_new();
	guint k;

	/* An introduction's references come before the text's. */
	if (c->preface != NULL)
		g_ptr_array_extend_and_steal(refs, collect_refs(c->preface));
	g_ptr_array_extend_and_steal(refs, collect_refs(c->doc));
	/* References inside notes, after the text's, in the notes' order. */
	for (k = 0; k < c->notes->len; k++) {
		GPtrArray *inner = collect_refs(((struct note *)
		    g_ptr_array_index(c->notes, k))->body);

		g_ptr_array_extend_and_steal(refs, inner);
	}
	long last = 0;
	guint i;

	for (i = 0; i < refs->len; i++) {
		struct node *ref = g_ptr_array_index(refs, i);
		struct note *n = g_hash_table_lookup(by_label, ref->text);
		long num = strtol(ref->text, NULL, 10);

		if (n == NULL) {
			diag_add(d, DIAG_WARNING, ref->pos, "note marker %s has "
			    "no note; it is kept as text", ref->text);
			unresolved(ref);
			continue;
		}
		if (num > 0 && num < last)
			diag_add(d, DIAG_WARNING, ref->pos, "note marker %s "
			    "comes after marker %ld: the markers are out of "
			    "order", ref->text, last);
		last = num > last ? num : last;
		if (n->ref != NULL)
			diag_add(d, DIAG_WARNING, ref->pos, "note %s is "
			    "referred to twice; the first reference is at "
			    "line %d", ref->text, n->ref->pos.line);
		else
			n->ref = ref;
		ref->as.noteref.note = n;
		move_out_of_heading(ref);
	}
	g_ptr_array_free(refs, TRUE);
}

/*
 * What a cross-reference in a note looks like, and what before one says
 * it is not one of ours: compiled once for every note of the edition.
 */
struct xref_patterns {
	GRegex	*re;
	GRegex	*other;
};

static void
xref_patterns_init(struct xref_patterns *x)
{
	x->re = g_regex_new("\\b(?:[Nn]otes?|[Ff]ootnotes?|n\\.)\\s?"
	    "(\\d{1,4})\\b", 0, 0, NULL);
	x->other = g_regex_new("\\bpp?\\.\\s?\\d+[,;]?\\s*\\S*\\s?$|"
	    "\\b[Dd]ocument\\s+\\S*$", 0, 0, NULL);
}

static void
xref_patterns_release(struct xref_patterns *x)
{
	g_regex_unref(x->other);
	g_regex_unref(x->re);
}

/*
 * "see note 31", "(note 29)", "Cf. n.43", "footnote 1" inside a note
 * become cross-references, which print the note's new number.  A number
 * after a page ("Some Book, p. 59, note 6") is another book's note; one
 * in a link's text stays text (a cross-reference there would be a link
 * in a link).
 */
static void
link_xrefs(struct note *note, GHashTable *by_label,
    const struct xref_patterns *xp)
{
	GRegex *re = xp->re, *other = xp->other;
	GPtrArray *texts = g_ptr_array_new();
	struct iter it;
	guint i;

	iter_init(&it, note->body);
	while (iter_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && it.cur->type == NODE_TEXT &&
		    !node_within(it.cur, NODE_LINK))
			g_ptr_array_add(texts, it.cur);
	for (i = 0; i < texts->len; i++) {
		struct node *t = g_ptr_array_index(texts, i);
		GMatchInfo *mi;
		int done = 0;

		g_regex_match(re, t->text, 0, &mi);
		for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
			char *label = g_match_info_fetch(mi, 1);
			struct note *target = g_hash_table_lookup(by_label, label);
			struct node *x;
			char *before;
			int a, b, foreign;

			g_match_info_fetch_pos(mi, 0, &a, NULL);
			before = g_strndup(t->text, (gsize)a);
			foreign = g_regex_match(other, before, 0, NULL);
			g_match_info_fetch_pos(mi, 1, &a, &b);
			g_free(before);
			g_free(label);
			if (target == NULL || target == note || foreign)
				continue;
			x = node_new(NODE_XREF, t->pos);
			x->as.noteref.note = target;
			node_text_cut(t, &done, a, b, x);
		}
		g_match_info_free(mi);
		node_text_rest(t, done);
	}
	g_ptr_array_free(texts, TRUE);
}

/* Whether a label is a number: "12", not "smith". */
static int
numeric(const char *label)
{
	return *label != '\0' && strspn(label, "0123456789") == strlen(label);
}

/* Notes in their order, numbered from *next; the author's note is "*". */
static void
number(struct chapter *c, int *next, struct diags *d)
{
	guint i;
	long prev = 0;

	for (i = 0; i < c->notes->len; i++) {
		struct note *n = g_ptr_array_index(c->notes, i);
		long label = strtol(n->label, NULL, 10);

		if (strcmp(n->label, "*") == 0) {
			n->number = 0;
			g_strlcpy(n->mark, "*", sizeof(n->mark));
			continue;
		}
		/*
		 * Unsigned: a label of 20 digits must not overflow.  A named
		 * label ("[^smith]") has no order to keep.
		 */
		if (numeric(n->label) && (unsigned long)label !=
		    (unsigned long)prev + 1)
			diag_add(d, DIAG_WARNING, n->pos, "note %s follows note "
			    "%ld; the notes are numbered in their order", n->label,
			    prev);
		if (numeric(n->label))
			prev = label;
		n->number = (*next)++;
		g_snprintf(n->mark, sizeof(n->mark), "%d", n->number);
		if (n->ref == NULL)
			diag_add(d, DIAG_WARNING, n->pos, "note %s has no "
			    "marker in the text; it is kept, unreferenced, in "
			    "its place", n->label);
	}
}

void
notes_link(struct edition *e, struct diags *d)
{
	struct xref_patterns x;
	int next = 1;
	guint i, k;

	xref_patterns_init(&x);
	for (i = 0; i < e->chapters->len; i++) {
		struct chapter *c = g_ptr_array_index(e->chapters, i);
		GHashTable *by_label = g_hash_table_new(g_str_hash, g_str_equal);

		for (k = 0; k < c->notes->len; k++) {
			struct note *n = g_ptr_array_index(c->notes, k);

			if (g_hash_table_contains(by_label, n->label))
				diag_add(d, DIAG_WARNING, n->pos, "a second note "
				    "%s; references go to the first", n->label);
			else
				g_hash_table_insert(by_label, n->label, n);
		}
		link_refs(c, by_label, d);
		if (!e->notes_continuous)
			next = 1;
		number(c, &next, d);
		for (k = 0; k < c->notes->len; k++)
			link_xrefs(g_ptr_array_index(c->notes, k), by_label,
			    &x);
		g_hash_table_destroy(by_label);
	}
	xref_patterns_release(&x);
}
