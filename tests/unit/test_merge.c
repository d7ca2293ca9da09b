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
#include "suites.h"

static cairo_status_t
to_bytes(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

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
 * The first file: two pages, a heading named "first" and a link to
 * "second", defined in the other file.  The second: a page named
 * "second", a link to the first file's first page by PDF_PAGE_DEST,
 * and the outline.
 */
static GByteArray *
drawn(int which)
{
	GByteArray *b = g_byte_array_new();
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_bytes, b,
	    200, 200);
	cairo_t *cr = cairo_create(s);

	cairo_tag_begin(cr, "Document", NULL);
	cairo_tag_begin(cr, "Part", NULL);
	if (which == 0) {
		cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='first'");
		say(cr, "H1", 30, "Heading");
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		cairo_tag_begin(cr, "P", NULL);
		link(cr, 60, "dest='second'");
		cairo_tag_end(cr, "P");
		cairo_show_page(cr);
		say(cr, "P", 30, "Page two");
	} else {
		cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='second'");
		say(cr, "P", 30, "Page three");
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		cairo_tag_begin(cr, "P", NULL);
		link(cr, 60, "dest='" PDF_PAGE_DEST "1'");
		cairo_tag_end(cr, "P");
		cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT,
		    "First", "dest='first'", 0);
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
	struct pdf_span files[2];
	char *bytes = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&bytes, &size);
	guint i;
	int rc;

	for (i = 0; i < n; i++) {
		files[i].s = (const char *)parts[i]->data;
		files[i].n = parts[i]->len;
	}
	rc = pdf_merge(files, n, out, why);
	fclose(out);
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
		ck_assert(keys & 1u << sp);
	}
	/* Both files' names, in order; the link by page pointed at it. */
	names = pdf_dict_value(value(&f, pdf_ref(pdf_dict_value(value(&f,
	    pdf_ref(pdf_dict_value(cat, "/Names"))), "/Dests"))), "/Names");
	s = g_strndup(names.s, names.n);
	ck_assert_ptr_nonnull(strstr(s, "(first)"));
	ck_assert_ptr_nonnull(strstr(s, "(second)"));
	ck_assert(strstr(s, "(first)") < strstr(s, "(second)"));
	g_free(s);
	pdf_items_init(&it, pdf_dict_value(value(&f, page[2]), "/Annots"));
	ck_assert(pdf_items_next(&it, &item));
	annot = value(&f, pdf_ref(item));
	ck_assert(pdf_int(pdf_dict_value(annot, "/StructParent"), &sp));
	ck_assert(keys & 1u << sp);
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
	/* Two outlines: which would the book have? */
	g_byte_array_free(parts[1], TRUE);
	parts[1] = drawn(1);
	parts[0] = (g_byte_array_free(parts[0], TRUE), drawn(1));
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
	tcase_add_test(tc, test_merge_refused);
	suite_add_tcase(s, tc);
	return s;
}
