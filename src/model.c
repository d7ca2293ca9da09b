/*
 * model.c — building, walking and freeing the document tree.
 */
#include <string.h>

#include "model.h"

struct node *
node_new(enum node_type type, struct srcpos pos)
{
	struct node *n = g_new0(struct node, 1);

	n->type = type;
	n->pos = pos;
	if (type == NODE_LINK)
		n->as.link = g_new0(struct link, 1);
	return n;
}

/* A node holding text; len < 0 means NUL-terminated. */
struct node *
node_new_text(enum node_type type, struct srcpos pos, const char *s, gssize len)
{
	struct node *n = node_new(type, pos);

	n->text = len < 0 ? g_strdup(s) : g_strndup(s, (gsize)len);
	return n;
}

void
node_append(struct node *parent, struct node *child)
{
	child->parent = parent;
	child->next = NULL;
	child->prev = parent->last;
	if (parent->last != NULL)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
}

void
node_insert_before(struct node *sibling, struct node *child)
{
	struct node *parent = sibling->parent;

	child->parent = parent;
	child->next = sibling;
	child->prev = sibling->prev;
	if (sibling->prev != NULL)
		sibling->prev->next = child;
	else if (parent != NULL)
		parent->first = child;
	sibling->prev = child;
}

void
node_text_cut(struct node *t, int *done, int from, int to, struct node *x)
{
	g_assert(t->as.marks == NULL);
	if (from > *done)
		node_insert_before(t, node_new_text(NODE_TEXT, t->pos,
		    t->text + *done, from - *done));
	node_insert_before(t, x);
	*done = to;
}

void
node_text_rest(struct node *t, int done)
{
	char *rest;

	g_assert(t->as.marks == NULL);
	if (done == 0)
		return;
	rest = g_strdup(t->text + done);
	g_free(t->text);
	t->text = rest;
	if (*rest == '\0')
		node_free(t);
}

void
node_unlink(struct node *n)
{
	if (n->prev != NULL)
		n->prev->next = n->next;
	else if (n->parent != NULL)
		n->parent->first = n->next;
	if (n->next != NULL)
		n->next->prev = n->prev;
	else if (n->parent != NULL)
		n->parent->last = n->prev;
	n->parent = n->prev = n->next = NULL;
}

/*
 * Frees a subtree without recursion: children are spliced onto the list
 * being freed, so depth costs nothing.
 */
void
node_free(struct node *n)
{
	struct node *todo = n, *next;

	if (n == NULL)
		return;
	node_unlink(n);
	while (todo != NULL) {
		if (todo->first != NULL) {
			todo->last->next = todo->next;
			todo->next = todo->first;
		}
		next = todo->next;
		g_free(todo->text);
		if (todo->type == NODE_LINK) {
			g_free(todo->as.link->url);
			g_free(todo->as.link->title);
			g_free(todo->as.link);
		} else if (todo->type == NODE_SPAN || todo->type == NODE_DIV)
			g_free(todo->as.lang);
		else if (todo->type == NODE_TEXT)
			g_free(todo->as.marks);	/* the entries own the marks */
		g_free(todo);
		todo = next;
	}
}

int
node_is_block(const struct node *n)
{
	return n->type <= NODE_DIV;
}

int
node_within(const struct node *n, enum node_type type)
{
	for (n = n->parent; n != NULL; n = n->parent)
		if (n->type == type)
			return 1;
	return 0;
}

const struct node *
node_passage(const struct node *n)
{
	for (; n != NULL; n = n->parent)
		if (n->type == NODE_SPAN || n->type == NODE_DIV)
			return n;
	return NULL;
}

int
node_is_leaf(const struct node *n)
{
	switch (n->type) {
	case NODE_BREAK:
	case NODE_CODEBLOCK:
	case NODE_TEXT:
	case NODE_CODE:
	case NODE_SOFTBREAK:
	case NODE_LINEBREAK:
	case NODE_NOTEREF:
	case NODE_XREF:
		return 1;
	default:
		return 0;
	}
}

const char *
node_type_name(enum node_type t)
{
	static const char *const names[] = {
		"document", "paragraph", "heading", "blockquote", "list",
		"item", "break", "codeblock", "table", "row", "cell", "div",
		"text", "span", "emph", "strong", "code", "link", "softbreak",
		"linebreak", "noteref", "xref"
	};

	g_assert((size_t)t < G_N_ELEMENTS(names));
	return names[t];
}

void
citer_init(struct citer *it, const struct node *root)
{
	it->root = root;
	it->cur = NULL;
	it->ev = ITER_NONE;
}

/* Steps to the next event; returns ITER_NONE when the walk is over. */
enum iter_event
citer_next(struct citer *it)
{
	const struct node *n = it->cur;

	if (it->ev == ITER_NONE) {
		if (it->root == NULL)
			return ITER_NONE;
		it->cur = it->root;
		return it->ev = ITER_ENTER;
	}
	if (it->ev == ITER_ENTER && !node_is_leaf(n)) {
		if (n->first != NULL) {
			it->cur = n->first;
			return it->ev = ITER_ENTER;
		}
		return it->ev = ITER_EXIT;
	}
	if (n == it->root) {
		it->cur = NULL;
		return it->ev = ITER_NONE;
	}
	if (n->next != NULL) {
		it->cur = n->next;
		return it->ev = ITER_ENTER;
	}
	it->cur = n->parent;
	return it->ev = ITER_EXIT;
}

void
iter_init(struct iter *it, struct node *root)
{
	it->root = root;
	it->cur = NULL;
	it->ev = ITER_NONE;
}

/*
 * The walk citer_next takes; the node it steps to is found again through
 * the links of the current one, which are the tree's own, not const.
 */
enum iter_event
iter_next(struct iter *it)
{
	struct citer c = { it->root, it->cur, it->ev };
	struct node *n = it->cur;

	it->ev = citer_next(&c);
	if (c.cur == NULL || n == NULL)
		it->cur = c.cur == NULL ? NULL : it->root;
	else
		it->cur = c.cur == n ? n : c.cur == n->first ? n->first :
		    c.cur == n->next ? n->next : n->parent;
	return it->ev;
}

/* The concatenated text of a subtree; breaks become spaces, notes vanish. */
char *
node_text(const struct node *root)
{
	GString *s = g_string_new(NULL);
	struct citer it;

	citer_init(&it, root);
	while (citer_next(&it) != ITER_NONE) {
		gsize len = it.ev == ITER_ENTER ? node_text_length(it.cur) : 0;

		if (len == 0)
			continue;
		if (it.cur->type == NODE_SOFTBREAK ||
		    it.cur->type == NODE_LINEBREAK)
			g_string_append_c(s, ' ');
		else
			g_string_append_len(s, it.cur->text, (gssize)len);
	}
	return g_string_free(s, FALSE);
}

gsize
node_text_length(const struct node *n)
{
	switch (n->type) {
	case NODE_TEXT:
	case NODE_CODE:
	case NODE_CODEBLOCK:
		return n->text != NULL ? strlen(n->text) : 0;
	case NODE_SOFTBREAK:
	case NODE_LINEBREAK:
		return 1;
	default:
		return 0;
	}
}

const struct index_mark *const *
node_marks(const struct node *n)
{
	static const struct index_mark *const none[] = { NULL };

	if (n->type != NODE_TEXT || n->as.marks == NULL)
		return none;
	return (const struct index_mark *const *)n->as.marks;
}

struct index_entry *
index_entry_new(const char *heading, const char *gloss)
{
	struct index_entry *ie = g_new0(struct index_entry, 1);

	ie->heading = g_strdup(heading);
	ie->gloss = g_strdup(gloss);
	ie->sort = g_strdup(heading);
	ie->subs = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)index_entry_free);
	ie->see_also = g_ptr_array_new();
	ie->marks = g_ptr_array_new_with_free_func(g_free);
	return ie;
}

/* Frees an entry, its sub-headings and its marks (not their texts' lists). */
void
index_entry_free(struct index_entry *ie)
{
	if (ie == NULL)
		return;
	g_free(ie->heading);
	g_free(ie->gloss);
	g_free(ie->sort);
	g_ptr_array_free(ie->subs, TRUE);
	g_ptr_array_free(ie->see_also, TRUE);
	g_ptr_array_free(ie->marks, TRUE);
	g_free(ie);
}

int
index_entry_printed(const struct index_entry *ie)
{
	guint i;

	if (ie->marks->len > 0)
		return 1;
	for (i = 0; i < ie->subs->len; i++)
		if (index_entry_printed(g_ptr_array_index(ie->subs, i)))
			return 1;
	return ie->see != NULL && index_entry_printed(ie->see);
}

/*
 * A text's list of marks is grown by one for each: a text holds few
 * names, and a list sized to fit is the smallest it can be.
 */
struct index_mark *
index_mark_new(struct index_entry *ie, const struct chapter *c,
    const struct note *note, struct node *t, guint offset)
{
	struct index_mark *m = g_new0(struct index_mark, 1);
	gsize n = 0;

	g_assert(t->type == NODE_TEXT);
	while (t->as.marks != NULL && t->as.marks[n] != NULL)
		n++;
	g_assert(n == 0 || t->as.marks[n - 1]->offset <= offset);
	t->as.marks = g_renew(struct index_mark *, t->as.marks, n + 2);
	t->as.marks[n] = m;
	t->as.marks[n + 1] = NULL;
	m->text = t;
	m->offset = offset;
	m->entry = ie;
	m->chapter = c;
	m->note = note;
	g_ptr_array_add(ie->marks, m);
	return m;
}

GPtrArray *
index_headings(const struct edition *e)
{
	GPtrArray *all = g_ptr_array_new();
	guint i, j;

	for (i = 0; e->index != NULL && i < e->index->len; i++)
		g_ptr_array_add(all, g_ptr_array_index(e->index, i));
	for (i = 0; i < all->len; i++) {
		const struct index_entry *ie = g_ptr_array_index(all, i);

		for (j = 0; j < ie->subs->len; j++)
			g_ptr_array_add(all, g_ptr_array_index(ie->subs, j));
	}
	return all;
}

int
index_mark_number(const GArray *by_id, const struct index_mark *m)
{
	if (m->id < 1 || (guint)m->id > by_id->len)
		return 0;
	return g_array_index(by_id, gint32, m->id - 1);
}

void
index_mark_set(GArray *by_id, const struct index_mark *m, int n)
{
	if (m->id < 1)
		return;
	if ((guint)m->id > by_id->len)
		g_array_set_size(by_id, (guint)m->id);
	g_array_index(by_id, gint32, m->id - 1) = n;
}

int
index_mark_same_place(const struct index_mark *a, const struct index_mark *b)
{
	return a->chapter == b->chapter && a->note == b->note &&
	    a->preface == b->preface && (a->note != NULL || a->para == b->para);
}

struct note *
note_new(int number, const char *label, struct srcpos pos)
{
	struct note *n = g_new0(struct note, 1);

	n->number = number;
	g_snprintf(n->mark, sizeof(n->mark), "%d", number);
	n->label = g_strdup(label);
	n->pos = pos;
	n->body = node_new(NODE_DOCUMENT, pos);
	return n;
}

const struct note *
chapter_author_note(const struct chapter *c)
{
	guint i;

	for (i = 0; i < c->notes->len; i++) {
		const struct note *n = g_ptr_array_index(c->notes, i);

		if (n->number == 0)
			return n;
	}
	return NULL;
}

guint
chapter_trees(const struct chapter *c)
{
	return 2 + c->notes->len;
}

struct node *
chapter_tree(const struct chapter *c, guint k)
{
	if (k < 2)
		return k == 0 ? c->preface : c->doc;
	return ((const struct note *)g_ptr_array_index(c->notes, k - 2))->body;
}

void
note_free(struct note *n)
{
	if (n == NULL)
		return;
	g_free(n->label);
	node_free(n->body);
	g_free(n);
}

void
meta_clear(struct meta *m)
{
	g_free(m->title);
	g_free(m->subtitle);
	g_free(m->author);
	g_free(m->translator);
	g_free(m->published);
	g_free(m->source);
	g_free(m->credits);
	g_free(m->dedication);
	g_free(m->affiliation);
	g_free(m->label);
	memset(m, 0, sizeof(*m));
}

static void
merge_field(char **to, const char *from)
{
	if (*to == NULL && from != NULL)
		*to = g_strdup(from);
}

void
meta_merge(struct meta *to, const struct meta *from)
{
	merge_field(&to->title, from->title);
	merge_field(&to->subtitle, from->subtitle);
	merge_field(&to->author, from->author);
	merge_field(&to->translator, from->translator);
	merge_field(&to->published, from->published);
	merge_field(&to->source, from->source);
	merge_field(&to->credits, from->credits);
	merge_field(&to->dedication, from->dedication);
	merge_field(&to->affiliation, from->affiliation);
	merge_field(&to->label, from->label);
}

struct chapter *
chapter_new(const char *id)
{
	struct chapter *c = g_new0(struct chapter, 1);

	c->id = g_strdup(id);
	c->notes = g_ptr_array_new_with_free_func((GDestroyNotify)note_free);
	return c;
}

void
chapter_free(struct chapter *c)
{
	if (c == NULL)
		return;
	g_free(c->id);
	g_free(c->language);
	meta_clear(&c->meta);
	node_free(c->doc);
	node_free(c->preface);
	g_ptr_array_free(c->notes, TRUE);
	g_free(c);
}

/*
 * Frees the marks of ie in the chapters of set: the others are moved to
 * the front in their order, and the array, which owns its marks, cut.
 */
static void
release_marks(struct index_entry *ie, GHashTable *set)
{
	gpointer *m = ie->marks->pdata, keep;
	guint i, kept = 0;

	for (i = 0; i < ie->marks->len; i++)
		if (!g_hash_table_contains(set,
		    ((const struct index_mark *)m[i])->chapter)) {
			keep = m[i];
			m[i] = m[kept];
			m[kept++] = keep;
		}
	g_ptr_array_set_size(ie->marks, kept);
}

/* The marks in a tree let go of their text, which is freed with it. */
static void
unmark(struct node *root)
{
	struct index_mark **m;
	struct iter it;

	iter_init(&it, root);
	while (iter_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && it.cur->type == NODE_TEXT)
			for (m = it.cur->as.marks; m != NULL && *m != NULL;
			    m++)
				(*m)->text = NULL;
}

/* Frees a tree of the text, its marks let go of it first. */
static void
release_tree(struct node **root)
{
	if (*root == NULL)
		return;
	unmark(*root);
	node_free(*root);
	*root = NULL;
}

void
chapter_release_text(struct chapter *c)
{
	guint i;

	release_tree(&c->doc);
	release_tree(&c->preface);
	for (i = 0; i < c->notes->len; i++) {
		struct note *n = g_ptr_array_index(c->notes, i);

		release_tree(&n->body);
		n->ref = NULL;
	}
}

void
edition_release_text(struct edition *e, guint from)
{
	GHashTable *set = g_hash_table_new(g_direct_hash, g_direct_equal);
	GPtrArray *headings = index_headings(e);
	guint i;

	for (i = from; i < e->chapters->len; i++) {
		struct chapter *c = g_ptr_array_index(e->chapters, i);

		g_hash_table_add(set, c);
		chapter_release_text(c);
	}
	for (i = 0; i < headings->len; i++)
		release_marks(g_ptr_array_index(headings, i), set);
	g_ptr_array_free(headings, TRUE);
	g_hash_table_destroy(set);
}

struct edition *
edition_new(void)
{
	struct edition *e = g_new0(struct edition, 1);

	e->chapters = g_ptr_array_new_with_free_func((GDestroyNotify)chapter_free);
	e->index = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)index_entry_free);
	e->strings = g_string_chunk_new(256);
	return e;
}

void
edition_free(struct edition *e)
{
	if (e == NULL)
		return;
	meta_clear(&e->meta);
	g_free(e->editor);
	g_free(e->translator);
	g_free(e->language);
	g_free(e->identifier);
	g_free(e->date);
	g_free(e->rights);
	g_free(e->description);
	g_free(e->publisher);
	g_ptr_array_free(e->chapters, TRUE);
	g_ptr_array_free(e->index, TRUE);
	g_string_chunk_free(e->strings);
	g_free(e);
}

/* A copy of s that lives as long as the edition, shared between nodes. */
const char *
edition_intern(struct edition *e, const char *s)
{
	return g_string_chunk_insert_const(e->strings, s);
}

static const char *const role_names[] = {
	[ROLE_CHAPTER] = "chapter",
	[ROLE_DEDICATION] = "dedication",
	[ROLE_EPIGRAPH] = "epigraph",
	[ROLE_FOREWORD] = "foreword",
	[ROLE_PREFACE] = "preface",
	[ROLE_INTRODUCTION] = "introduction",
	[ROLE_APPENDIX] = "appendix",
	[ROLE_AFTERWORD] = "afterword",
	[ROLE_NOTES] = "notes",
	[ROLE_BIBLIOGRAPHY] = "bibliography",
};

const char *
chapter_role_name(enum chapter_role r)
{
	return role_names[r];
}

int
chapter_role_front(enum chapter_role r)
{
	return r == ROLE_DEDICATION || r == ROLE_EPIGRAPH ||
	    r == ROLE_FOREWORD || r == ROLE_PREFACE;
}

int
chapter_role_back(enum chapter_role r)
{
	return r >= ROLE_APPENDIX;
}
