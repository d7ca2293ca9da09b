/*
 * test_merge.c — Cairo's files made one (merge.h): two small tagged
 * files drawn here, each with its Document, links and named
 * destinations, merged and read back object by object.
 */
#include <stdio.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <check.h>

#include "pdf/merge.h"
#include "pdf/pdfobj.h"
#include "fixture.h"
#include "suites.h"

/* Text inside a structure element of its own. */
static void
say(cairo_t *cr, const char *tag, double y, const char *words)
{
	cairo_tag_begin(cr, tag, NULL);
	cairo_move_to(cr, 10, y);
	cairo_show_text(cr, words);
	cairo_tag_end(cr, tag);
}

/* A link, its text in the Link element. */
static void
link(cairo_t *cr, double y, const char *attrs)
{
	char *full = g_strdup_printf("rect=[10 %g 80 12] %s", y - 10, attrs);

	cairo_tag_begin(cr, CAIRO_TAG_LINK, full);
	cairo_move_to(cr, 10, y);
	cairo_show_text(cr, "a link");
	cairo_tag_end(cr, CAIRO_TAG_LINK);
	g_free(full);
}

/*
 * The first file: two pages, a heading named "zeta" and a link to
 * "alpha", defined in the other file (so that the names of the two,
 * taken in turn, are out of order).  The second: a page named "alpha",
 * a link to the first file's first page by PDF_PAGE_DEST, and the
 * outline.
 */
static GByteArray *
drawn(int which)
{
	GByteArray *b = g_byte_array_new();
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(
	    fixture_to_bytes, b, 200, 200);
	cairo_t *cr = cairo_create(s);

	cairo_tag_begin(cr, "Document", NULL);
	cairo_tag_begin(cr, "Part", NULL);
	if (which == 0) {
		cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='zeta'");
		say(cr, "H1", 30, "Heading");
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		cairo_tag_begin(cr, "P", NULL);
		link(cr, 60, "dest='alpha'");
		cairo_tag_end(cr, "P");
		cairo_show_page(cr);
		say(cr, "P", 30, "Page two");
	} else {
		cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='alpha'");
		say(cr, "P", 30, "Page three");
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		cairo_tag_begin(cr, "P", NULL);
		link(cr, 60, "dest='" PDF_PAGE_DEST "1'");
		cairo_tag_end(cr, "P");
		cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT,
		    "Zeta", "dest='zeta'", 0);
	}
	cairo_tag_end(cr, "Part");
	cairo_tag_end(cr, "Document");
	cairo_destroy(cr);
	cairo_surface_finish(s);
	ck_assert_int_eq(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
	return b;
}

/* The merged file's bytes, or NULL with why. */
static char *
merged(GByteArray **parts, guint n, gsize *len, const char **why)
{
	struct pdf_span *files = g_new(struct pdf_span, MAX(n, 1));
	char *bytes = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&bytes, &size);
	guint i;
	int rc;

	for (i = 0; i < n; i++) {
		files[i].s = (const char *)parts[i]->data;
		files[i].n = parts[i]->len;
	}
	rc = pdf_merge(files, n, FALSE, out, why);
	fclose(out);
	g_free(files);
	*len = size;
	if (rc != 0) {
		free(bytes);
		return NULL;
	}
	return bytes;
}

/* Object num's value in f, which must have it. */
static struct pdf_span
value(const struct pdf_file *f, guint num)
{
	struct pdf_span v = pdf_file_value(f, num);

	ck_assert_ptr_nonnull(v.s);
	return v;
}

/*
 * Whether the parent tree's value under key, in f, names elements of
 * page (a page's key) or is the Link element whose /OBJR is annot.
 */
static gboolean
tree_names(const struct pdf_file *f, struct pdf_span nums, gint64 key,
    guint page, guint annot)
{
	struct pdf_items it, kids;
	struct pdf_span item, v, kid;
	gint64 k;
	char *objr;
	gboolean found = FALSE;

	pdf_items_init(&it, nums);
	while (pdf_items_next(&it, &item) && pdf_int(item, &k) &&
	    pdf_items_next(&it, &item))
		if (k == key)
			break;
	if (k != key)
		return FALSE;
	v = pdf_file_value(f, pdf_ref(item));
	if (annot == 0) {
		/* An array of the elements marked on the page. */
		pdf_items_init(&kids, v);
		while (pdf_items_next(&kids, &kid)) {
			if (pdf_ref(pdf_dict_value(pdf_file_value(f,
			    pdf_ref(kid)), "/Pg")) != page)
				return FALSE;
			found = TRUE;
		}
		return found;
	}
	objr = g_strdup_printf("/Obj %u 0 R", annot);
	found = pdf_is(pdf_dict_value(v, "/S"), "/Link") &&
	    g_strstr_len(v.s, (gssize)v.n, objr) != NULL;
	g_free(objr);
	return found;
}

START_TEST(test_merge_two)
{
	GByteArray *parts[2] = { drawn(0), drawn(1) };
	const char *why = NULL;
	struct pdf_span cat, pages, root, doc, nums, kid, item, names, annot;
	struct pdf_items it;
	struct pdf_file f;
	guint page[3], n = 0, i, keys = 0, docnum;
	gint64 key, sp;
	gsize len;
	char *bytes = merged(parts, 2, &len, &why), *s;

	ck_assert_msg(bytes != NULL, "not merged: %s", why);
	ck_assert_int_eq(pdf_file_read(&f, bytes, len), 0);
	/* Every object there, and read back whole (streams' lengths). */
	for (i = 1; i < f.objects; i++) {
		struct pdf_obj o;

		ck_assert_msg(pdf_file_obj(&f, i, &o) == 0, "object %u", i);
	}
	/* The first file's Info, which the trailer names. */
	ck_assert_ptr_nonnull(pdf_dict_value(value(&f, f.info),
	    "/Producer").s);
	/* One page tree: the three pages, in the order drawn. */
	cat = value(&f, f.root);
	pages = value(&f, pdf_ref(pdf_dict_value(cat, "/Pages")));
	pdf_items_init(&it, pdf_dict_value(pages, "/Kids"));
	while (pdf_items_next(&it, &kid)) {
		ck_assert_uint_lt(n, 3);
		page[n++] = pdf_ref(kid);
		ck_assert_uint_eq(pdf_ref(pdf_dict_value(value(&f,
		    page[n - 1]), "/Parent")), pdf_ref(pdf_dict_value(cat,
		    "/Pages")));
	}
	ck_assert_uint_eq(n, 3);
	ck_assert(pdf_is(pdf_dict_value(pages, "/Count"), "3"));
	/* One Document, holding both files' Parts, each its kid. */
	root = value(&f, pdf_ref(pdf_dict_value(cat, "/StructTreeRoot")));
	pdf_items_init(&it, pdf_dict_value(root, "/K"));
	ck_assert(pdf_items_next(&it, &item));
	docnum = pdf_ref(item);
	doc = value(&f, docnum);
	ck_assert(!pdf_items_next(&it, &item));
	ck_assert(pdf_is(pdf_dict_value(doc, "/S"), "/Document"));
	n = 0;
	pdf_items_init(&it, pdf_dict_value(doc, "/K"));
	while (pdf_items_next(&it, &item)) {
		struct pdf_span part = value(&f, pdf_ref(item));

		ck_assert(pdf_is(pdf_dict_value(part, "/S"), "/Part"));
		ck_assert_uint_eq(pdf_ref(pdf_dict_value(part, "/P")), docnum);
		n++;
	}
	ck_assert_uint_eq(n, 2);
	/* The parent tree's keys, each once; each page's among them. */
	nums = pdf_dict_value(value(&f, pdf_ref(pdf_dict_value(root,
	    "/ParentTree"))), "/Nums");
	pdf_items_init(&it, nums);
	while (pdf_items_next(&it, &item) && pdf_int(item, &key)) {
		ck_assert_int_lt(key, 32);
		ck_assert_msg(!(keys & 1u << key), "key %d twice", (int)key);
		keys |= 1u << key;
		ck_assert(pdf_items_next(&it, &item));
	}
	for (i = 0; i < 3; i++) {
		ck_assert(pdf_int(pdf_dict_value(value(&f, page[i]),
		    "/StructParents"), &sp));
		ck_assert_msg(tree_names(&f, nums, sp, page[i], 0),
		    "page %u's key names another page's elements", i + 1);
	}
	/* Both files' names, in order; the link by page pointed at it. */
	names = pdf_dict_value(value(&f, pdf_ref(pdf_dict_value(value(&f,
	    pdf_ref(pdf_dict_value(cat, "/Names"))), "/Dests"))), "/Names");
	s = g_strndup(names.s, names.n);
	ck_assert_ptr_nonnull(strstr(s, "(alpha)"));
	ck_assert_ptr_nonnull(strstr(s, "(zeta)"));
	ck_assert(strstr(s, "(alpha)") < strstr(s, "(zeta)"));
	g_free(s);
	pdf_items_init(&it, pdf_dict_value(value(&f, page[2]), "/Annots"));
	ck_assert(pdf_items_next(&it, &item));
	annot = value(&f, pdf_ref(item));
	ck_assert(pdf_int(pdf_dict_value(annot, "/StructParent"), &sp));
	ck_assert(tree_names(&f, nums, sp, 0, pdf_ref(item)));
	s = g_strdup_printf("[%u 0 R /XYZ null null 0]", page[0]);
	ck_assert(pdf_is(pdf_dict_value(annot, "/Dest"), s));
	g_free(s);
	/* The outline, from the file that had it. */
	ck_assert_ptr_nonnull(value(&f, pdf_ref(pdf_dict_value(cat,
	    "/Outlines"))).s);
	pdf_file_release(&f);
	free(bytes);
	g_byte_array_free(parts[0], TRUE);
	g_byte_array_free(parts[1], TRUE);
}
END_TEST

/* One file is made one as it is: its pages, its names. */
START_TEST(test_merge_one)
{
	GByteArray *parts[1] = { drawn(1) };
	const char *why = NULL;
	struct pdf_file f;
	gsize len;
	char *bytes = merged(parts, 1, &len, &why);

	ck_assert_msg(bytes != NULL, "not merged: %s", why);
	ck_assert_int_eq(pdf_file_read(&f, bytes, len), 0);
	ck_assert(pdf_is(pdf_dict_value(value(&f, pdf_ref(pdf_dict_value(
	    value(&f, f.root), "/Pages"))), "/Count"), "1"));
	pdf_file_release(&f);
	free(bytes);
	ck_assert_ptr_null(merged(parts, 0, &len, &why));
	ck_assert_ptr_nonnull(why);
	g_byte_array_free(parts[0], TRUE);
}
END_TEST

/* What is not a file of Cairo's is refused, and said why. */
START_TEST(test_merge_refused)
{
	GByteArray *parts[2] = { drawn(0), g_byte_array_new() };
	const char *why = NULL;
	gsize len;

	g_byte_array_append(parts[1], (const guint8 *)"%PDF-1.5\nnot one\n",
	    17);
	ck_assert_ptr_null(merged(parts, 2, &len, &why));
	ck_assert_ptr_nonnull(why);
	g_byte_array_free(parts[1], TRUE);
	/* Two outlines: which would the book have? */
	parts[1] = drawn(1);
	g_byte_array_free(parts[0], TRUE);
	parts[0] = drawn(1);
	ck_assert_ptr_null(merged(parts, 2, &len, &why));
	ck_assert_ptr_nonnull(strstr(why, "outline"));
	g_byte_array_free(parts[0], TRUE);
	g_byte_array_free(parts[1], TRUE);
}
END_TEST

Suite *
merge_suite(void)
{
	Suite *s = suite_create("merge");
	TCase *tc = tcase_create("merge");

	tcase_add_test(tc, test_merge_two);
	tcase_add_test(tc, test_merge_one);
	tcase_add_test(tc, test_merge_refused);
	suite_add_tcase(s, tc);
	return s;
}
