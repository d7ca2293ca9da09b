/*
 * merge.c — Cairo's files for one book made one (merge.h).
 *
 * Each file is read in place (pdfobj.h).  Its objects are numbered
 * anew, file after file in the order each was written, and copied with
 * their references pointed at the new numbers; what each file has one
 * of for the whole document (the catalogue, the page tree's root, the
 * structure tree's root, its Document element and parent tree, the
 * named destinations) is left out and made once for all of them, and a
 * reference to one of a file's is pointed at the one made.  The keys
 * of each file's parent tree, which its pages (/StructParents) and link
 * annotations (/StructParent) name, are moved past the files' before.
 */
#include <string.h>

#include "merge.h"

/* One of Cairo's files, and what merging makes of it. */
struct drawn {
	struct pdf_file	 pf;
	GArray		*order;		/* its objects, in the file's order */
	guint		*to;		/* object number → the merged file's;
					   0: left out */
	gboolean	 lost;		/* a reference to an object left out
					   was met */
	guint		 key_base;	/* added to its parent tree's keys */
	guint		 keys;		/* its largest key, plus one */
	/* What the file has one of, made once for all (0: none). */
	guint		 pages, root, tree, document, names, dests, labels,
			 outlines;
	struct pdf_span	 kids;		/* the page tree's /Kids */
	struct pdf_span	 parts;		/* the Document's /K */
	struct pdf_span	 nums;		/* the parent tree's /Nums */
	struct pdf_span	 dest_names;	/* the destinations' /Names */
};

/* The merged file's own objects, and where each object is in it. */
struct merger {
	struct drawn	*files;
	guint		 n;
	guint		 next;		/* the next object number */
	guint		 pages, root, tree, document, names, dests, catalog;
	GArray		*kids;		/* the pages' numbers, in order */
	GArray		*at;		/* gsize: each object's offset */
	FILE		*out;
	gsize		 written;
	gboolean	 failed;
};

/* A named destination: its name as written and as text, its value. */
struct named {
	struct pdf_span	 name;
	char		*text;		/* decoded: what the names sort by */
	struct pdf_span	 value;
	struct drawn	*file;
};

/* The object a dictionary's key refers to, or 0. */
static guint
ref_at(struct pdf_span dict, const char *key)
{
	return pdf_ref(pdf_dict_value(dict, key));
}

/*
 * What of a file is made once for all, found from its catalogue; NULL,
 * or why it is not a file of Cairo's.
 */
static const char *
survey(struct drawn *f)
{
	struct pdf_span cat = pdf_file_value(&f->pf, f->pf.root), v, item;
	struct pdf_items it;
	gint64 key;
	gboolean is_key = TRUE;

	f->pages = ref_at(cat, "/Pages");
	f->root = ref_at(cat, "/StructTreeRoot");
	f->labels = ref_at(cat, "/PageLabels");
	f->outlines = ref_at(cat, "/Outlines");
	f->names = ref_at(cat, "/Names");
	v = pdf_file_value(&f->pf, f->root);
	f->tree = ref_at(v, "/ParentTree");
	pdf_items_init(&it, pdf_dict_value(v, "/K"));
	if (pdf_items_next(&it, &item))
		f->document = pdf_ref(item);
	if (f->pages == 0 || f->document == 0 || pdf_items_next(&it, &item))
		return "a file of Cairo's has no page tree or no one Document";
	f->kids = pdf_dict_value(pdf_file_value(&f->pf, f->pages), "/Kids");
	f->parts = pdf_dict_value(pdf_file_value(&f->pf, f->document), "/K");
	f->nums = pdf_dict_value(pdf_file_value(&f->pf, f->tree), "/Nums");
	if (f->kids.s == NULL || f->parts.s == NULL || f->nums.s == NULL)
		return "a file of Cairo's has no pages, parts or parent tree";
	/* Keys and values in turn: the largest key says how many. */
	pdf_items_init(&it, f->nums);
	while (pdf_items_next(&it, &item)) {
		if (is_key && (!pdf_int(item, &key) || key < 0 ||
		    key >= G_MAXUINT32 / 2))
			return "a parent tree's key is no number";
		if (is_key && (guint)key + 1 > f->keys)
			f->keys = (guint)key + 1;
		is_key = !is_key;
	}
	if (f->names != 0) {
		f->dests = ref_at(pdf_file_value(&f->pf, f->names), "/Dests");
		v = pdf_file_value(&f->pf, f->dests);
		/* Cairo writes the names in one node, not a tree of them. */
		if (pdf_dict_value(v, "/Kids").s != NULL)
			return "a file of Cairo's names its destinations in a tree";
		f->dest_names = pdf_dict_value(v, "/Names");
	}
	return NULL;
}

/* Whether num is one of what the file has one of, made once for all. */
static gboolean
made_once(const struct drawn *f, guint num, gboolean first)
{
	return num == f->pf.root || num == f->pages || num == f->root ||
	    num == f->tree || num == f->document || num == f->names ||
	    num == f->dests || num == f->labels ||
	    (!first && num == f->pf.info);
}

/* The file's number num in the merged file, or 0. */
static guint
renumbered(guint num, gpointer file)
{
	const struct drawn *f = file;

	return num < f->pf.objects ? f->to[num] : 0;
}

/* The same, noting a reference to an object left out (or none). */
static guint
kept_ref(guint num, gpointer file)
{
	struct drawn *f = file;
	guint to = renumbered(num, f);

	f->lost |= to == 0;
	return to;
}

/*
 * Numbers every object kept, file after file in their order, then the
 * merged file's own; a file's own of those is pointed at the merged
 * one's.  FALSE if more than one file has an outline.
 */
static gboolean
number(struct merger *m)
{
	guint i, j, outlines = 0;

	m->next = 1;
	for (i = 0; i < m->n; i++) {
		struct drawn *f = &m->files[i];

		f->order = pdf_file_order(&f->pf);
		f->to = g_new0(guint, f->pf.objects);
		for (j = 0; j < f->order->len; j++) {
			guint num = g_array_index(f->order, guint, j);

			if (!made_once(f, num, i == 0))
				f->to[num] = m->next++;
		}
		outlines += f->outlines != 0;
	}
	m->pages = m->next++;
	m->tree = m->next++;
	m->document = m->next++;
	m->root = m->next++;
	m->dests = m->next++;
	m->names = m->next++;
	m->catalog = m->next++;
	for (i = 0; i < m->n; i++) {
		struct drawn *f = &m->files[i];
		const guint own[] = { f->pages, f->tree, f->document, f->root,
		    f->dests, f->names, f->pf.root };
		const guint made[] = { m->pages, m->tree, m->document, m->root,
		    m->dests, m->names, m->catalog };

		for (j = 0; j < G_N_ELEMENTS(own); j++)
			if (own[j] != 0 && own[j] < f->pf.objects)
				f->to[own[j]] = made[j];
		if (i > 0 && f->pf.info != 0 && f->pf.info < f->pf.objects)
			f->to[f->pf.info] = renumbered(m->files[0].pf.info,
			    &m->files[0]);
		if (i > 0)
			f->key_base = m->files[i - 1].key_base +
			    m->files[i - 1].keys;
	}
	return outlines <= 1;
}

/* Writes len bytes, counting them. */
static void
put(struct merger *m, const void *s, gsize len)
{
	if (!m->failed && fwrite(s, 1, len, m->out) != len)
		m->failed = TRUE;
	m->written += len;
}

/* Object num's value (and stream's data), where it is noted. */
static void
put_object(struct merger *m, guint num, const GString *value,
    struct pdf_span data)
{
	char head[32];

	if (m->at->len <= num)
		g_array_set_size(m->at, num + 1);
	g_array_index(m->at, gsize, num) = m->written;
	g_snprintf(head, sizeof(head), "%u 0 obj\n", num);
	put(m, head, strlen(head));
	put(m, value->str, value->len);
	if (data.s != NULL) {
		put(m, "\nstream\n", 8);
		put(m, data.s, data.n);
		put(m, "\nendstream", 10);
	}
	put(m, "\nendobj\n", 8);
}

/* The bytes of s, as a value to read. */
static struct pdf_span
span_of(const GString *s)
{
	struct pdf_span v = { s->str, s->len };

	return v;
}

/* v's entry key, a number, moved by base, if base is not 0 and v has it. */
static void
move_key(GString *v, const char *key, guint base)
{
	struct pdf_span dict = span_of(v);
	const char *const drop[] = { key, NULL };
	GString *moved;
	gint64 k;
	char *add;

	if (base == 0 || !pdf_int(pdf_dict_value(dict, key), &k))
		return;
	moved = g_string_new(NULL);
	add = g_strdup_printf("%s %" G_GINT64_FORMAT, key, k + base);
	pdf_put_dict(moved, dict, drop, add);
	g_string_assign(v, moved->str);
	g_string_free(moved, TRUE);
	g_free(add);
}

/*
 * v's /Dest pointed at its page, if it names one PDF_PAGE_DEST; FALSE
 * if it names a page the files do not have.
 */
static gboolean
point_at_page(const struct merger *m, GString *v)
{
	static const char *const drop[] = { "/Dest", NULL };
	struct pdf_span dict = span_of(v);
	char *name = pdf_string_utf8(pdf_dict_value(dict, "/Dest")), *end;
	gboolean whole;
	guint64 n;
	GString *pointed;
	char *add;

	if (name == NULL || !g_str_has_prefix(name, PDF_PAGE_DEST)) {
		g_free(name);
		return TRUE;
	}
	n = g_ascii_strtoull(name + strlen(PDF_PAGE_DEST), &end, 10);
	whole = *end == '\0';
	g_free(name);
	if (!whole || n < 1 || n > m->kids->len)
		return FALSE;
	pointed = g_string_new(NULL);
	add = g_strdup_printf("/Dest [%u 0 R /XYZ null null 0]",
	    g_array_index(m->kids, guint, n - 1));
	pdf_put_dict(pointed, dict, drop, add);
	g_string_assign(v, pointed->str);
	g_string_free(pointed, TRUE);
	g_free(add);
	return TRUE;
}

/*
 * Every object a file keeps, renumbered, in the file's order; NULL, or
 * why not.
 */
static const char *
put_file(struct merger *m, struct drawn *f, gboolean mapped)
{
	GString *v = g_string_new(NULL);
	const char *why = NULL;
	struct pdf_obj o;
	guint i;

	for (i = 0; why == NULL && i < f->order->len; i++) {
		guint num = g_array_index(f->order, guint, i);

		if (f->to[num] == 0 || made_once(f, num, f == m->files))
			continue;
		if (pdf_file_obj(&f->pf, num, &o) != 0) {
			why = "an object of Cairo's cannot be read back";
			break;
		}
		g_string_truncate(v, 0);
		pdf_put_mapped(v, o.value, kept_ref, f);
		move_key(v, "/StructParents", f->key_base);
		move_key(v, "/StructParent", f->key_base);
		if (f->lost)
			why = "an object of Cairo's refers to one left out";
		else if (!point_at_page(m, v))
			why = "a link names a page the drawing does not have";
		else
			put_object(m, f->to[num], v, o.data);
	}
	g_string_free(v, TRUE);
	if (mapped)
		pdf_file_give_back(&f->pf);
	return why;
}

/* Each item of list, renumbered as f has it, into s after a space. */
static void
put_items(GString *s, struct drawn *f, struct pdf_span list)
{
	struct pdf_items it;
	struct pdf_span item;

	pdf_items_init(&it, list);
	while (pdf_items_next(&it, &item)) {
		g_string_append_c(s, ' ');
		pdf_put_mapped(s, item, renumbered, f);
	}
}

/* Names in the order of their bytes, as a name tree sorts them. */
static gint
by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(((const struct named *)a)->text,
	    ((const struct named *)b)->text);
}

/* The named destinations of every file, in one node, sorted. */
static void
put_dests(struct merger *m, GString *s)
{
	GArray *all = g_array_new(FALSE, FALSE, sizeof(struct named));
	struct pdf_items it;
	struct named nd;
	guint i;

	for (i = 0; i < m->n; i++) {
		nd.file = &m->files[i];
		pdf_items_init(&it, m->files[i].dest_names);
		while (m->files[i].dest_names.s != NULL &&
		    pdf_items_next(&it, &nd.name) &&
		    pdf_items_next(&it, &nd.value))
			if ((nd.text = pdf_string_utf8(nd.name)) != NULL)
				g_array_append_val(all, nd);
	}
	g_array_sort(all, by_name);
	g_string_assign(s, "<< /Names [\n");
	for (i = 0; i < all->len; i++) {
		const struct named *x = &g_array_index(all, struct named, i);

		g_string_append(s, "   ");
		g_string_append_len(s, x->name.s, (gssize)x->name.n);
		g_string_append_c(s, ' ');
		pdf_put_mapped(s, x->value, renumbered, x->file);
		g_string_append_c(s, '\n');
		g_free(x->text);
	}
	g_string_append(s, "  ]\n>>");
	g_array_free(all, TRUE);
}

/* The parent tree: every file's keys and values, the keys moved. */
static void
put_tree(struct merger *m, GString *s)
{
	struct pdf_items it;
	struct pdf_span key, value;
	gint64 k;
	guint i;

	g_string_assign(s, "<< /Nums [\n");
	for (i = 0; i < m->n; i++) {
		struct drawn *f = &m->files[i];

		pdf_items_init(&it, f->nums);
		while (pdf_items_next(&it, &key) &&
		    pdf_items_next(&it, &value) && pdf_int(key, &k)) {
			g_string_append_printf(s, "   %" G_GINT64_FORMAT " ",
			    k + f->key_base);
			pdf_put_mapped(s, value, renumbered, f);
			g_string_append_c(s, '\n');
		}
	}
	g_string_append(s, "  ]\n>>");
}

/*
 * The first file's object num, renumbered, into s with the keys in drop
 * left out and add put at its end.
 */
static void
put_first(GString *s, struct drawn *first, guint num,
    const char *const *drop, const char *add)
{
	GString *v = g_string_new(NULL);

	pdf_put_mapped(v, pdf_file_value(&first->pf, num), renumbered, first);
	g_string_truncate(s, 0);
	pdf_put_dict(s, span_of(v), drop, add);
	g_string_free(v, TRUE);
}

/* What the merged file makes once: its catalogue among them. */
static void
put_made(struct merger *m)
{
	static const char *const kids_dropped[] = { "/K", NULL };
	static const char *const cat_dropped[] = { "/Outlines", "/Names",
	    "/PageLabels", NULL };
	struct drawn *first = &m->files[0];
	GString *s = g_string_new(NULL), *add = g_string_new(NULL);
	struct pdf_span none = { NULL, 0 };
	guint i;

	g_string_assign(s, "<< /Type /Pages\n   /Kids [");
	for (i = 0; i < m->kids->len; i++)
		g_string_append_printf(s, " %u 0 R", g_array_index(m->kids,
		    guint, i));
	g_string_append_printf(s, " ]\n   /Count %u\n>>", m->kids->len);
	put_object(m, m->pages, s, none);
	put_tree(m, s);
	put_object(m, m->tree, s, none);
	/* The first file's Document, holding every file's kids. */
	g_string_assign(add, "/K [");
	for (i = 0; i < m->n; i++)
		put_items(add, &m->files[i], m->files[i].parts);
	g_string_append(add, " ]");
	put_first(s, first, first->document, kids_dropped, add->str);
	put_object(m, m->document, s, none);
	g_string_truncate(s, 0);
	pdf_put_mapped(s, pdf_file_value(&first->pf, first->root), renumbered,
	    first);
	put_object(m, m->root, s, none);
	put_dests(m, s);
	put_object(m, m->dests, s, none);
	g_string_printf(s, "<< /Dests %u 0 R >>", m->dests);
	put_object(m, m->names, s, none);
	/* The first file's catalogue, with the outline (which Cairo writes
	 * in the file it is given to) and the names of all. */
	g_string_printf(add, "/Names %u 0 R", m->names);
	for (i = 0; i < m->n; i++)
		if (m->files[i].outlines != 0)
			g_string_append_printf(add, " /Outlines %u 0 R",
			    renumbered(m->files[i].outlines, &m->files[i]));
	put_first(s, first, first->pf.root, cat_dropped, add->str);
	put_object(m, m->catalog, s, none);
	g_string_free(add, TRUE);
	g_string_free(s, TRUE);
}

/* The cross-reference table and the trailer. */
static void
put_table(struct merger *m)
{
	GString *s = g_string_new(NULL);
	gsize table = m->written;
	guint num, info = renumbered(m->files[0].pf.info, &m->files[0]);

	g_string_printf(s, "xref\n0 %u\n0000000000 65535 f \n", m->next);
	for (num = 1; num < m->next; num++) {
		g_string_append_printf(s, "%010" G_GSIZE_FORMAT " 00000 n \n",
		    num < m->at->len ? g_array_index(m->at, gsize, num) : 0);
		if (s->len > 65536) {
			put(m, s->str, s->len);
			g_string_truncate(s, 0);
		}
	}
	g_string_append_printf(s, "trailer\n<< /Size %u\n   /Root %u 0 R\n",
	    m->next, m->catalog);
	if (info != 0)
		g_string_append_printf(s, "   /Info %u 0 R\n", info);
	g_string_append_printf(s, ">>\nstartxref\n%" G_GSIZE_FORMAT
	    "\n%%%%EOF\n", table);
	put(m, s->str, s->len);
	g_string_free(s, TRUE);
}

/* The pages of every file, renumbered, in order; FALSE if one is not. */
static gboolean
page_order(struct merger *m)
{
	struct pdf_items it;
	struct pdf_span kid;
	guint i, num;

	for (i = 0; i < m->n; i++) {
		pdf_items_init(&it, m->files[i].kids);
		while (pdf_items_next(&it, &kid)) {
			if ((num = renumbered(pdf_ref(kid), &m->files[i])) == 0)
				return FALSE;
			g_array_append_val(m->kids, num);
		}
	}
	return TRUE;
}

int
pdf_merge(const struct pdf_span *files, guint n, gboolean mapped, FILE *out,
    const char **why)
{
	struct merger m;
	guint i;

	*why = n == 0 ? "no file of Cairo's to merge" : NULL;
	memset(&m, 0, sizeof(m));
	m.files = g_new0(struct drawn, n);
	m.n = n;
	m.out = out;
	m.kids = g_array_new(FALSE, FALSE, sizeof(guint));
	m.at = g_array_new(FALSE, TRUE, sizeof(gsize));
	for (i = 0; *why == NULL && i < n; i++) {
		if (pdf_file_read(&m.files[i].pf, files[i].s, files[i].n) != 0) {
			*why = "a file of Cairo's cannot be read back";
			break;
		}
		*why = survey(&m.files[i]);
		/* A map's pages, read once, go back as they are read. */
		if (mapped) {
			pdf_file_let_go(&m.files[i].pf);
			pdf_file_give_back(&m.files[i].pf);
		}
	}
	if (*why == NULL && !number(&m))
		*why = "more than one of Cairo's files has an outline";
	if (*why == NULL && !page_order(&m))
		*why = "a page of Cairo's is left out";
	if (*why == NULL)
		put(&m, m.files[0].pf.header.s, m.files[0].pf.header.n);
	for (i = 0; *why == NULL && i < n; i++)
		*why = put_file(&m, &m.files[i], mapped);
	if (*why == NULL) {
		put_made(&m);
		put_table(&m);
		if (m.failed || fflush(out) != 0)
			*why = "Cairo's files cannot be written as one";
	}
	for (i = 0; i < n; i++) {
		if (m.files[i].order != NULL)
			g_array_free(m.files[i].order, TRUE);
		g_free(m.files[i].to);
		pdf_file_release(&m.files[i].pf);
	}
	g_free(m.files);
	g_array_free(m.kids, TRUE);
	g_array_free(m.at, TRUE);
	return *why == NULL ? 0 : -1;
}
