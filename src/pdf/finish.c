/*
 * finish.c — the pass over Cairo's PDF that says what Cairo 1.16
 * cannot: the catalogue's language, XMP and viewer preferences, each
 * page's boxes, tab order and rewritten content, each link's
 * description, the structure's notes and languages (tagtree.h).
 *
 * The file is read in place (pdfobj.h) and written again object by
 * object (pdfwrite.h), in Cairo's order and with Cairo's numbers: an
 * object the pass changes is written anew, any other as Cairo wrote it.
 * What is held is what changes, never the whole file parsed: the
 * whole-file PDF library this pass once went through took twice the
 * drawing's time, and three gigabytes for a book of fifteen thousand
 * pages (docs/PERFORMANCE.md).
 */
#include <stddef.h>
#include <string.h>

#include <zlib.h>

#include "content.h"
#include "finish.h"
#include "out/pages.h"
#include "out/reuse.h"
#include "pdfobj.h"
#include "pdfwrite.h"
#include "stored.h"
#include "tagtree.h"
#include "xmp.h"

/* The header of a file with object streams, its second line binary. */
#define PDF_1_5		"%PDF-1.5\n%\xb5\xed\xae\xfb\n"

/* What the pass found before writing: pages, their content, links. */
struct finisher {
	const struct finishing	*f;
	const struct pdf_file	*pf;
	struct finished		*done;
	GHashTable		*pages;		/* page object → index + 1, in
						   the reading order */
	GArray			*kids;		/* the pages, in that order */
	guint			 tree;		/* the page tree's root */
	gboolean		 nested;	/* it has /Pages under it */
	GHashTable		*contents;	/* the pages' content streams */
	GHashTable		*dropped;	/* objects not written again */
	GArray			*links;		/* the link annotations (a
						   pdf_seen set), each given
						   its words as it is written */
	struct tagplan		 tags;
	guint			 metadata;	/* the XMP stream's number */
};

/* A number as PDF writes it: at most three decimals, no trailing zero. */
static void
put_number(GString *s, double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];
	char *end;

	g_ascii_formatd(buf, sizeof(buf), "%.3f", v);
	end = buf + strlen(buf) - 1;
	while (*end == '0')
		*end-- = '\0';
	if (*end == '.')
		*end = '\0';
	g_string_append(s, strcmp(buf, "-0") == 0 ? "0" : buf);
}

/* A rectangle, from its lower left corner. */
static void
put_rect(GString *s, const char *key, double x, double y, double w, double h)
{
	double v[4] = { x, y, x + w, y + h };
	int i;

	g_string_append_printf(s, "%s [", key);
	for (i = 0; i < 4; i++) {
		g_string_append_c(s, ' ');
		put_number(s, v[i]);
	}
	g_string_append(s, " ] ");
}

/* The Info dictionary's string under key, as UTF-8, or NULL. */
static char *
info(const struct pdf_file *pf, const char *key)
{
	return pdf_string_utf8(pdf_dict_value(pdf_file_value(pf, pf->info),
	    key));
}

/* The XMP packet, from the Info dictionary, as a stream of its own. */
static void
metadata(struct pdf_writer *w, const struct finisher *fin)
{
	const char *keys[] = { "/Title", "/Author", "/Subject", "/Keywords",
	    "/Creator", "/Producer", "/CreationDate", "/ModDate" };
	char *v[G_N_ELEMENTS(keys)];
	struct xmp_info xi;
	char *x;
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(keys); i++)
		v[i] = info(fin->pf, keys[i]);
	xi.title = v[0];
	xi.author = v[1];
	xi.subject = v[2];
	xi.keywords = v[3];
	xi.creator = v[4];
	xi.producer = v[5];
	xi.created = v[6];
	xi.modified = v[7];
	xi.language = fin->f->language;
	x = xmp_packet(&xi);
	pdf_write_stream(w, fin->metadata, "/Type /Metadata /Subtype /XML", x,
	    strlen(x));
	g_free(x);
	for (i = 0; i < G_N_ELEMENTS(v); i++)
		g_free(v[i]);
}

/*
 * A label's numbering style, as page labels name it, and its number:
 * 'D' arabic ("12"), 'r' lower-case roman ("xiv"), each only as it
 * would print that number again; or 0 for any other text, given as it
 * is.
 */
static char
label_style(const char *label, int *n)
{
	char again[32];
	gboolean roman;

	if ((*n = folio_value(label, &roman)) <= 0)
		return 0;
	if (roman)
		folio_roman(*n, again, sizeof(again));
	else
		g_snprintf(again, sizeof(again), "%d", *n);
	if (strcmp(again, label) != 0)
		return 0;
	return roman ? 'r' : 'D';
}

/*
 * The page labels, a number tree of one node: a range for each run of
 * pages numbered on in one style, each other label given as it is.
 */
static void
put_labels(GString *s, const GPtrArray *labels)
{
	char style, last = 0;
	int n, prev = 0;
	guint i;

	g_string_append(s, "/PageLabels << /Nums [");
	for (i = 0; i < labels->len; i++) {
		const char *label = g_ptr_array_index(labels, i);

		style = label_style(label, &n);
		if (style != 0 && style == last && n == prev + 1) {
			prev = n;
			continue;
		}
		g_string_append_printf(s, " %u << ", i);
		if (style == 0)
			pdf_put_text(g_string_append(s, "/P "), label);
		else if (n == 1)
			g_string_append_printf(s, "/S /%c", style);
		else
			g_string_append_printf(s, "/S /%c /St %d", style, n);
		g_string_append(s, " >>");
		last = style;
		prev = n;
	}
	g_string_append(s, " ] >> ");
}

/*
 * The language, the page labels, the title shown for the file's name,
 * Marked, the XMP.
 */
static void
catalogue(GString *s, const struct pdf_obj *o, const struct finisher *fin)
{
	/* The last key is dropped only if the finishing writes it. */
	const char *drop[] = { "/Lang", "/ViewerPreferences", "/MarkInfo",
	    "/Metadata", "/PageLabels", NULL };
	GString *add = g_string_new(NULL);

	if (fin->f->language != NULL) {
		g_string_append(add, "/Lang ");
		pdf_put_text(add, fin->f->language);
		g_string_append_c(add, ' ');
	}
	if (fin->f->labels->len > 0)
		put_labels(add, fin->f->labels);
	else
		drop[G_N_ELEMENTS(drop) - 2] = NULL;
	g_string_append_printf(add, "/ViewerPreferences << /DisplayDocTitle "
	    "true >> /MarkInfo << /Marked true >> /Metadata %u 0 R",
	    fin->metadata);
	pdf_put_dict(s, o->value, drop, add->str);
	g_string_free(add, TRUE);
}

/*
 * A page: its trim (and bleed), tab order by structure, no
 * transparency group (nothing is transparent, and its RGB blending
 * space is no printer's).
 */
static void
page(GString *s, const struct pdf_obj *o, const struct finishing *f)
{
	static const char *const drop[] = { "/TrimBox", "/BleedBox", "/Tabs",
	    "/Group", NULL };
	GString *add = g_string_new(NULL);

	put_rect(add, "/TrimBox", f->margin, f->margin, f->width, f->height);
	if (f->bleed > 0)
		put_rect(add, "/BleedBox", f->margin - f->bleed,
		    f->margin - f->bleed, f->width + 2 * f->bleed,
		    f->height + 2 * f->bleed);
	g_string_append(add, "/Tabs /S");
	pdf_put_dict(s, o->value, drop, add->str);
	g_string_free(add, TRUE);
}

/* A stream's data decoded, if it is deflated; NULL if it is not whole. */
static GByteArray *
inflated(const struct pdf_obj *o)
{
	struct pdf_span filter = pdf_dict_value(o->value, "/Filter");
	GByteArray *b = g_byte_array_new();
	guint8 chunk[65536];
	z_stream z;
	int rc;

	if (filter.s == NULL) {
		g_byte_array_append(b, (const guint8 *)o->data.s, o->data.n);
		return b;
	}
	memset(&z, 0, sizeof(z));
	/* zlib reads at most 4 GiB at a time: a stream larger is unread. */
	if (!pdf_is(filter, "/FlateDecode") || o->data.n > G_MAXUINT32 ||
	    inflateInit(&z) != Z_OK) {
		g_byte_array_free(b, TRUE);
		return NULL;
	}
	z.next_in = (Bytef *)o->data.s;
	z.avail_in = (uInt)o->data.n;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof(chunk);
		rc = inflate(&z, Z_NO_FLUSH);
		g_byte_array_append(b, chunk, sizeof(chunk) - z.avail_out);
	} while (rc == Z_OK);
	inflateEnd(&z);
	if (rc != Z_STREAM_END) {
		g_byte_array_free(b, TRUE);
		return NULL;
	}
	return b;
}

/* A page's content in the reuse, found by the bytes Cairo drew, which
 * are not the text of a stream the writer deflates (PDF_KEPT_STREAM). */
#define KEPT_PAGE	1

/* What a page's content made: content.h's counts, then the stream. */
struct made {
	struct content_counts	 cc;
	guint8			 deflated[];	/* zlib's, as written */
};

/* Adds what a page's content stream changed to what the pass did. */
static void
count(struct finished *done, const struct content_counts *cc)
{
	done->artifacts += cc->artifacts;
	done->grays += cc->grays;
	done->colours += cc->colours;
}

/*
 * A page's content as an earlier build finished it from the same bytes
 * (reuse.h): written, kept again, and TRUE; else FALSE.
 */
static gboolean
content_kept(struct pdf_writer *w, const struct pdf_obj *o,
    struct reuse *r, struct finished *done)
{
	GBytes *kept = reuse_find(r, KEPT_PAGE, o->data.s, o->data.n);
	gsize len;
	/* Bytes, not a struct made: a slice of the kept file may stand at
	 * any address. */
	const guint8 *m = kept != NULL ? g_bytes_get_data(kept, &len) : NULL;
	struct content_counts cc;

	if (m == NULL || len <= sizeof(struct made)) {
		if (kept != NULL)
			g_bytes_unref(kept);
		return FALSE;
	}
	memcpy(&cc, m + offsetof(struct made, cc), sizeof(cc));
	pdf_write_stream(w, o->num, "/Filter /FlateDecode", m +
	    offsetof(struct made, deflated), len - sizeof(struct made));
	reuse_keep(r, KEPT_PAGE, o->data.s, o->data.n, m, len);
	count(done, &cc);
	done->reused++;
	g_bytes_unref(kept);
	return TRUE;
}

/*
 * A page's content rewritten (content.h) and deflated, or as an earlier
 * build made it from the same bytes; -1 if unread.
 */
static int
content(struct pdf_writer *w, const struct pdf_obj *o, struct reuse *r,
    struct finished *done)
{
	struct content_counts cc = { 0, 0, 0 };
	GByteArray *in;
	GString *text;
	const guint8 *z;
	gsize zlen;
	struct made *m;

	if (r != NULL && content_kept(w, o, r, done))
		return 0;
	if ((in = inflated(o)) == NULL)
		return -1;
	text = content_finish((const char *)in->data, in->len, &cc);
	g_byte_array_free(in, TRUE);
	/* Kept by Cairo's bytes below, not by the text too. */
	z = pdf_write_deflated(w, o->num, "", text->str, text->len, FALSE,
	    &zlen);
	g_string_free(text, TRUE);
	if (z != NULL && r != NULL) {
		m = g_malloc(sizeof(*m) + zlen);
		m->cc = cc;
		memcpy(m->deflated, z, zlen);
		reuse_keep(r, KEPT_PAGE, o->data.s, o->data.n, m,
		    sizeof(*m) + zlen);
		g_free(m);
	}
	count(done, &cc);
	return 0;
}

/* What a link says to one who cannot see where it goes, or NULL. */
static char *
describe(const struct finisher *fin, struct pdf_span annot)
{
	struct pdf_span dest = pdf_dict_follow(fin->pf, annot, "/Dest");
	struct pdf_span action = pdf_dict_follow(fin->pf, annot, "/A");
	struct pdf_items it;
	struct pdf_span first;
	gpointer index;
	char *name, *said;

	if (action.s != NULL) {
		struct pdf_span uri = pdf_dict_value(action, "/URI");

		if (uri.s != NULL)
			return pdf_string_utf8(uri);
		dest = pdf_dict_follow(fin->pf, action, "/D");
	}
	if (dest.s == NULL)
		return NULL;
	if (dest.s[0] == '/')
		name = pdf_name_utf8(dest);
	else if ((name = pdf_string_utf8(dest)) == NULL) {
		pdf_items_init(&it, dest);
		if (dest.s[0] != '[' || !pdf_items_next(&it, &first) ||
		    (index = g_hash_table_lookup(fin->pages, GUINT_TO_POINTER(
		    pdf_ref(first)))) == NULL ||
		    GPOINTER_TO_UINT(index) > fin->f->labels->len)
			return NULL;
		return g_strdup_printf("Page %s", (const char *)
		    g_ptr_array_index(fin->f->labels,
		    GPOINTER_TO_UINT(index) - 1));
	}
	said = fin->f->said(name, fin->f->said_arg);
	g_free(name);
	return said;
}

/* The link annotations of a page, added to links. */
static void
page_links(const struct pdf_file *pf, struct pdf_span pg, GArray *links)
{
	struct pdf_span list = pdf_dict_follow(pf, pg, "/Annots"), a;
	struct pdf_items it;
	guint num;

	if (list.s == NULL)
		return;
	pdf_items_init(&it, list);
	while (pdf_items_next(&it, &a))
		if ((num = pdf_ref(a)) != 0 && pdf_is(pdf_dict_value(
		    pdf_file_value(pf, num), "/Subtype"), "/Link"))
			(void)pdf_seen_first(links, num);
}

/*
 * The pages in the reading order: those of each run (finish.h) put in
 * its place.  -1 if the runs are not the drawing's, or if the page tree
 * is not the one node Cairo writes, whose /Kids can be put in order.
 */
static gint
by_place(gconstpointer a, gconstpointer b, gpointer runs)
{
	guint x = g_array_index((GArray *)runs, struct page_run,
	    *(const guint *)a).place;
	guint y = g_array_index((GArray *)runs, struct page_run,
	    *(const guint *)b).place;

	return x < y ? -1 : x > y;
}

GArray *
page_runs_read(const GArray *runs)
{
	GArray *order = g_array_sized_new(FALSE, FALSE, sizeof(guint),
	    runs->len);
	guint i;

	for (i = 0; i < runs->len; i++)
		g_array_append_val(order, i);
	/* GLib's sort is stable: ties keep the order drawn. */
	g_array_sort_with_data(order, by_place, (gpointer)runs);
	return order;
}

static int
reorder(struct finisher *fin)
{
	const GArray *runs = fin->f->runs;
	GArray *drawn = fin->kids, *order;
	guint *start, i, at = 0;

	if (runs == NULL)
		return 0;
	if (fin->nested)
		return -1;
	start = g_new(guint, runs->len);
	for (i = 0; i < runs->len; i++) {
		start[i] = at;
		at += g_array_index(runs, struct page_run, i).pages;
	}
	order = page_runs_read(runs);
	fin->kids = g_array_sized_new(FALSE, FALSE, sizeof(guint), drawn->len);
	for (i = 0; at == drawn->len && i < order->len; i++) {
		guint r = g_array_index(order, guint, i);

		g_array_append_vals(fin->kids, &g_array_index(drawn, guint,
		    start[r]), g_array_index(runs, struct page_run, r).pages);
	}
	g_array_free(order, TRUE);
	g_free(start);
	g_array_free(drawn, TRUE);
	return fin->kids->len == at && at > 0 ? 0 : -1;
}

/*
 * The pages, in order through the page tree, each with its content
 * stream and its links, then put in the reading order.  -1 if a page
 * has no one stream, or cannot be put in order.  A link is described
 * when it is written, once every page is known (it may go forward),
 * not held: a long book has hundreds of thousands.
 */
static int
pages(struct finisher *fin)
{
	GArray *stack = g_array_new(FALSE, FALSE, sizeof(guint));
	GArray *order = g_array_new(FALSE, FALSE, sizeof(guint));
	GArray *seen = pdf_seen_new(fin->pf);
	guint num = pdf_ref(pdf_dict_value(pdf_file_value(fin->pf,
	    fin->pf->root), "/Pages")), i;
	int rc = num != 0 ? 0 : -1;

	fin->tree = num;
	g_array_append_val(stack, num);
	while (rc == 0 && stack->len > 0) {
		struct pdf_span v, kids, kid;
		struct pdf_items it;
		guint c;
		struct pdf_obj co;

		num = g_array_index(stack, guint, stack->len - 1);
		g_array_set_size(stack, stack->len - 1);
		v = pdf_file_value(fin->pf, num);
		if (!pdf_seen_first(seen, num)) {
			rc = -1;
			break;
		}
		if ((kids = pdf_dict_value(v, "/Kids")).s != NULL) {
			fin->nested |= num != fin->tree;
			/* Pushed last to first, to be taken first to last. */
			g_array_set_size(order, 0);
			pdf_items_init(&it, kids);
			while (pdf_items_next(&it, &kid))
				if ((c = pdf_ref(kid)) != 0)
					g_array_append_val(order, c);
			for (c = order->len; c > 0; c--)
				g_array_append_val(stack, g_array_index(order,
				    guint, c - 1));
			continue;
		}
		if (!pdf_is(pdf_dict_value(v, "/Type"), "/Page") ||
		    (c = pdf_ref(pdf_dict_value(v, "/Contents"))) == 0 ||
		    pdf_file_obj(fin->pf, c, &co) != 0 || co.data.s == NULL) {
			rc = -1;
			break;
		}
		g_array_append_val(fin->kids, num);
		g_hash_table_add(fin->contents, GUINT_TO_POINTER(c));
		page_links(fin->pf, v, fin->links);
	}
	if (rc == 0)
		rc = reorder(fin);
	for (i = 0; rc == 0 && i < fin->kids->len; i++)
		g_hash_table_insert(fin->pages, GUINT_TO_POINTER(g_array_index(
		    fin->kids, guint, i)), GUINT_TO_POINTER(i + 1));
	g_array_free(seen, TRUE);
	g_array_free(order, TRUE);
	g_array_free(stack, TRUE);
	return rc;
}

/* The page tree's root, its pages in the reading order. */
static void
page_tree(GString *s, const struct pdf_obj *o, const GArray *kids)
{
	static const char *const drop[] = { "/Kids", NULL };
	GString *add = g_string_new("/Kids [");
	guint i;

	for (i = 0; i < kids->len; i++)
		g_string_append_printf(add, " %u 0 R", g_array_index(kids,
		    guint, i));
	g_string_append(add, " ]");
	pdf_put_dict(s, o->value, drop, add->str);
	g_string_free(add, TRUE);
}

/*
 * A link annotation with its words in /Contents; FALSE if o is none, or
 * has nothing to say.
 */
static gboolean
described(GString *s, const struct finisher *fin, const struct pdf_obj *o)
{
	static const char *const drop[] = { "/Contents", NULL };
	GString *add;
	char *said;

	if (!pdf_seen_has(fin->links, o->num) ||
	    (said = describe(fin, o->value)) == NULL)
		return FALSE;
	add = g_string_new("/Contents ");
	pdf_put_text(add, said);
	pdf_put_dict(s, o->value, drop, add->str);
	g_string_free(add, TRUE);
	g_free(said);
	return TRUE;
}

/*
 * A stream as Cairo wrote it, its length said in place; deflated here
 * if Cairo only stored it (stored.h).
 */
static void
copied_stream(struct pdf_writer *w,
    const struct pdf_obj *o)
{
	static const char *const drop[] = { "/Length", NULL };
	static const char *const refilter[] = { "/Length", "/Filter", NULL };
	GString *entries = g_string_new(NULL);
	GByteArray *in = NULL;

	if (pdf_is(pdf_dict_value(o->value, "/Filter"), "/FlateDecode") &&
	    stored_by_cairo(o->data.s, o->data.n))
		in = inflated(o);
	pdf_put_entries(entries, o->value, in != NULL ? refilter : drop, NULL);
	if (in != NULL) {
		(void)pdf_write_deflated(w, o->num, entries->str, in->data,
		    in->len, TRUE, NULL);
		g_byte_array_free(in, TRUE);
	} else
		pdf_write_stream(w, o->num, entries->str, o->data.s, o->data.n);
	g_string_free(entries, TRUE);
}

/*
 * Object o as the finishing has it: a page's content rewritten, a
 * dictionary changed, or as Cairo wrote it.  -1 if a content stream
 * cannot be read.
 */
static int
put_object(struct pdf_writer *w, struct finisher *fin,
    const struct pdf_obj *o)
{
	gpointer key = GUINT_TO_POINTER(o->num);
	GString *s = g_string_new(NULL);
	gboolean drop = FALSE;
	guint len;
	int rc = 0;

	/* Every stream is written with its length in place: the object
	 * that gave it, which Cairo writes after the stream, goes. */
	if (o->data.s != NULL && (len = pdf_ref(pdf_dict_value(o->value,
	    "/Length"))) != 0)
		g_hash_table_add(fin->dropped, GUINT_TO_POINTER(len));
	if (g_hash_table_contains(fin->dropped, key))
		drop = TRUE;
	else if (g_hash_table_contains(fin->contents, key))
		rc = content(w, o, fin->f->contents, fin->done);
	else if (o->num == fin->pf->root)
		catalogue(s, o, fin);
	else if (o->num == fin->tree && fin->f->runs != NULL)
		page_tree(s, o, fin->kids);
	else if (g_hash_table_contains(fin->pages, key))
		page(s, o, fin->f);
	else if (described(s, fin, o))
		fin->done->links++;
	else if (!tagtree_put(&fin->tags, o, s, &drop)) {
		if (o->data.s != NULL)
			copied_stream(w, o);
		else
			pdf_write_value(w, o->num, o->value.s, o->value.n);
	}
	if (!drop && s->len > 0)
		pdf_write_value(w, o->num, s->str, s->len);
	g_string_free(s, TRUE);
	return rc;
}

/* Every object of Cairo's, finished or copied, then the XMP. */
static int
put_file(struct pdf_writer *w, struct finisher *fin)
{
	GArray *order = pdf_file_order(fin->pf);
	char *trailer;
	guint i;
	int rc = 0;

	for (i = 0; rc == 0 && i < order->len; i++) {
		guint num = g_array_index(order, guint, i);
		struct pdf_obj o;

		if (pdf_file_obj(fin->pf, num, &o) != 0 ||
		    put_object(w, fin, &o) != 0)
			rc = -1;
	}
	g_array_free(order, TRUE);
	if (rc != 0)
		return -1;
	metadata(w, fin);
	trailer = fin->pf->info != 0 ? g_strdup_printf("/Root %u 0 R /Info %u "
	    "0 R", fin->pf->root, fin->pf->info) : g_strdup_printf("/Root %u "
	    "0 R", fin->pf->root);
	rc = pdf_writer_end(w, trailer) == 0 ? 0 : 1;
	g_free(trailer);
	return rc;
}

/*
 * What the pass finds before it writes: the pages and their order, the
 * labels, the structure's mending (tagtree.h).  NULL, or why the PDF
 * cannot be made.
 */
static const char *
survey(struct finisher *fin)
{
	const struct finishing *f = fin->f;
	const char *why = NULL;
	guint labels;

	if (pages(fin) != 0)
		return "a page's content cannot be read, or the pages cannot "
		    "be put in order";
	if (f->labels->len > 0) {
		if (f->labels->len != fin->kids->len)
			return "the page labels are not the drawing's pages";
		/* Cairo's, as drawn, give way to the reading order's. */
		if ((labels = pdf_ref(pdf_dict_value(pdf_file_value(fin->pf,
		    fin->pf->root), "/PageLabels"))) != 0)
			g_hash_table_add(fin->dropped,
			    GUINT_TO_POINTER(labels));
	}
	if (tagtree_plan(&fin->tags, fin->pf, f->notes, f->langs, f->runs,
	    fin->done, &why) != 0)
		return why;
	return NULL;
}

/* Why the PDF cannot be made, at the output's name. */
static void
error(const char *name, const char *why, struct diags *d)
{
	diag_add(d, DIAG_ERROR, srcpos_at(name, 0, 0),
	    "cannot make the PDF: %s", why);
}

int
pdf_finish(const char *data, gsize len, struct sink *out,
    const struct finishing *f, struct finished *done, struct diags *d)
{
	struct finished none;
	struct pdf_file pf;
	struct finisher fin;
	struct pdf_writer *w;
	const char *why = NULL;
	int rc = -1;

	memset(&none, 0, sizeof(none));
	if (done == NULL)
		done = &none;
	memset(done, 0, sizeof(*done));
	memset(&fin, 0, sizeof(fin));
	if (pdf_file_read(&pf, data, len) != 0) {
		pdf_file_release(&pf);
		error(out->name, "Cairo's PDF cannot be read back", d);
		return -1;
	}
	if (f->mapped)
		pdf_file_let_go(&pf);
	fin.f = f;
	fin.pf = &pf;
	fin.done = done;
	fin.pages = g_hash_table_new(g_direct_hash, g_direct_equal);
	fin.kids = g_array_new(FALSE, FALSE, sizeof(guint));
	fin.contents = g_hash_table_new(g_direct_hash, g_direct_equal);
	fin.dropped = g_hash_table_new(g_direct_hash, g_direct_equal);
	fin.links = pdf_seen_new(&pf);
	fin.metadata = pf.objects;
	/* Object streams are PDF 1.5's: Cairo writes 1.5 unless told less. */
	if (pf.header.n > 8 && memcmp(pf.header.s, "%PDF-1.", 7) == 0 &&
	    pf.header.s[7] >= '5')
		w = pdf_writer_new(out, pf.header.s, pf.header.n,
		    fin.metadata + 1);
	else
		w = pdf_writer_new(out, PDF_1_5, sizeof(PDF_1_5) - 1,
		    fin.metadata + 1);
	pdf_writer_reuse(w, f->contents);
	why = survey(&fin);
	if (why == NULL && (rc = put_file(w, &fin)) == -1)
		why = "an object of Cairo's PDF cannot be read back";
	/* 1: the sink failed, and says so when it is closed. */
	rc = rc == 0 ? 0 : -1;
	if (why != NULL)
		error(out->name, why, d);
	tagtree_release(&fin.tags);
	g_hash_table_destroy(fin.pages);
	g_array_free(fin.kids, TRUE);
	g_hash_table_destroy(fin.contents);
	g_hash_table_destroy(fin.dropped);
	g_array_free(fin.links, TRUE);
	pdf_writer_free(w);
	pdf_file_release(&pf);
	return rc;
}
