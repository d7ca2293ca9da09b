/*
 * test_pdfobj.c — reading PDF objects in place and writing the values
 * the finishing changes (pdfobj.h), and the file's frame (pdfwrite.h):
 * strings decoded and written, a dictionary's keys dropped and added,
 * references pointed elsewhere, an array's items, a file read back.
 */
#include <string.h>

#include <unistd.h>

#include <glib/gstdio.h>
#include <check.h>
#include <qpdf/qpdf-c.h>

#include "pdf/pdfobj.h"
#include "pdf/pdfwrite.h"
#include "suites.h"

static struct pdf_span
text(const char *s)
{
	struct pdf_span v = { s, strlen(s) };

	return v;
}

START_TEST(test_pdfobj_strings)
{
	char *s;

	s = pdf_string_utf8(text("(a\\(b\\) c\\101\\n)"));
	ck_assert_str_eq(s, "a(b) cA\n");
	g_free(s);
	s = pdf_string_utf8(text("<FEFF00E9 0074 00E9>"));
	ck_assert_str_eq(s, "été");
	g_free(s);
	s = pdf_string_utf8(text("<4142 4>"));	/* odd: a last 0 */
	ck_assert_str_eq(s, "AB@");
	g_free(s);
	ck_assert_ptr_null(pdf_string_utf8(text("/Name")));
	ck_assert_ptr_null(pdf_string_utf8(text("<< /A 1 >>")));
}
END_TEST

START_TEST(test_pdfobj_put_text)
{
	GString *s = g_string_new(NULL);

	pdf_put_text(s, "Note 3 (of 4) \\ back");
	ck_assert_str_eq(s->str, "(Note 3 \\(of 4\\) \\\\ back)");
	g_string_assign(s, "");
	pdf_put_text(s, "Pâge");
	ck_assert_str_eq(s->str, "<FEFF005000E200670065>");
	g_string_free(s, TRUE);
}
END_TEST

START_TEST(test_pdfobj_dict)
{
	const char *d = "<< /Type /Page /Group << /S /Transparency >>\n"
	    "   /Annots [ 4 0 R 5 0 R ] /Contents 6 0 R >>";
	const char *drop[] = { "/Group", "/Tabs", NULL };
	struct pdf_span v;
	GString *s = g_string_new(NULL);

	ck_assert(pdf_is(pdf_dict_value(text(d), "/Type"), "/Page"));
	ck_assert_uint_eq(pdf_ref(pdf_dict_value(text(d), "/Contents")), 6);
	ck_assert_ptr_null(pdf_dict_value(text(d), "/Tabs").s);
	/* A key inside a value is not the dictionary's. */
	ck_assert_ptr_null(pdf_dict_value(text(d), "/S").s);
	v = pdf_dict_value(text(d), "/Annots");
	ck_assert(pdf_is(v, "[ 4 0 R 5 0 R ]"));
	pdf_put_dict(s, text(d), drop, "/Tabs /S");
	ck_assert_ptr_null(strstr(s->str, "/Group"));
	ck_assert_ptr_null(strstr(s->str, "Transparency"));
	ck_assert_ptr_nonnull(strstr(s->str, "/Annots [ 4 0 R 5 0 R ]"));
	ck_assert_ptr_nonnull(strstr(s->str, "/Tabs /S"));
	ck_assert(pdf_is(pdf_dict_value(text(s->str), "/Tabs"), "/S"));
	g_string_free(s, TRUE);
}
END_TEST

START_TEST(test_pdfobj_items_and_refs)
{
	struct pdf_items it;
	struct pdf_span item;
	const char *want[] = { "/A", "(b c)", "[ 1 [ 2 ] ]", "3 0 R", "4",
	    "<< /K 5 0 R >>" };
	GHashTable *to = g_hash_table_new(g_direct_hash, g_direct_equal);
	GString *s = g_string_new(NULL);
	guint n = 0;

	pdf_items_init(&it, text("[ /A (b c) [ 1 [ 2 ] ] 3 0 R 4 "
	    "<< /K 5 0 R >> ]"));
	while (pdf_items_next(&it, &item)) {
		ck_assert_uint_lt(n, G_N_ELEMENTS(want));
		ck_assert(pdf_is(item, want[n]));
		n++;
	}
	ck_assert_uint_eq(n, G_N_ELEMENTS(want));
	ck_assert_uint_eq(pdf_ref(text("12 0 R")), 12);
	ck_assert_uint_eq(pdf_ref(text("12 0")), 0);
	ck_assert_uint_eq(pdf_ref(text("12 0 R 4")), 0);
	/* 5 and 12 point at 9; 125 and the number 5 stay. */
	g_hash_table_insert(to, GUINT_TO_POINTER(5), GUINT_TO_POINTER(9));
	g_hash_table_insert(to, GUINT_TO_POINTER(12), GUINT_TO_POINTER(9));
	pdf_put_repointed(s, text("<< /Nums [ 5 [ 5 0 R 125 0 R ] 6 12 0 R ] "
	    ">>"), to);
	ck_assert_str_eq(s->str, "<< /Nums [ 5 [ 9 0 R 125 0 R ] 6 9 0 R ] "
	    ">>");
	g_string_free(s, TRUE);
	g_hash_table_destroy(to);
}
END_TEST

/* A file as Cairo writes one: two objects, a table, a trailer; pad
 * bytes of comment between them. */
static GString *
two_objects(gsize pad)
{
	GString *s = g_string_new("%PDF-1.5\n%\xb5\xed\xae\xfb\n");
	gsize at[2], table;

	at[0] = s->len;
	g_string_append(s, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\n"
	    "endobj\n%");
	g_string_set_size(s, s->len + pad);
	memset(s->str + s->len - pad, 'x', pad);
	g_string_append_c(s, '\n');
	at[1] = s->len;
	g_string_append(s, "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\n"
	    "endobj\n");
	table = s->len;
	g_string_append_printf(s, "xref\n0 3\n0000000000 65535 f \n"
	    "%010zu 00000 n \n%010zu 00000 n \n", at[0], at[1]);
	g_string_append_printf(s, "trailer\n<< /Size 3 /Root 1 0 R >>\n"
	    "startxref\n%zu\n%%%%EOF\n", table);
	return s;
}

/*
 * text written to a file and mapped, read as a PDF, and let go as it
 * is read if it is worth it; whether it is, and whether each of many
 * reads, past each letting go, is what the file says.
 */
static gboolean
read_mapped(const GString *text)
{
	char *path = NULL;
	int fd = g_file_open_tmp("octavo-letgo-XXXXXX.pdf", &path, NULL);
	GMappedFile *map;
	struct pdf_file f;
	gboolean let_go;
	int i;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text->str, text->len), (gssize)text->len);
	close(fd);
	map = g_mapped_file_new(path, FALSE, NULL);
	ck_assert_ptr_nonnull(map);
	ck_assert_int_eq(pdf_file_read(&f, g_mapped_file_get_contents(map),
	    g_mapped_file_get_length(map)), 0);
	pdf_file_let_go(&f);
	let_go = f.reads != NULL;
	for (i = 0; i < 1000; i++)
		ck_assert(pdf_is(pdf_dict_value(pdf_file_value(&f, 1 + i % 2),
		    "/Type"), i % 2 == 0 ? "/Catalog" : "/Pages"));
	pdf_file_release(&f);
	g_mapped_file_unref(map);
	g_unlink(path);
	g_free(path);
	return let_go;
}

/*
 * A large mapped file is let go as it is read, and read right after;
 * a small one is held whole, and so is a buffer that is no map's (not
 * on a page's boundary).
 */
START_TEST(test_pdfobj_let_go)
{
	GString *large = two_objects(9 << 20), *small = two_objects(10);
	struct pdf_file f;
	char *block, *odd;

	ck_assert(read_mapped(large));
	ck_assert(!read_mapped(small));

	block = g_malloc(large->len + 4096);
	odd = block + (4096 - (guintptr)block % 4096) % 4096 + 1;
	memcpy(odd, large->str, large->len);
	ck_assert_int_eq(pdf_file_read(&f, odd, large->len), 0);
	pdf_file_let_go(&f);
	ck_assert_ptr_null(f.reads);
	pdf_file_release(&f);
	g_free(block);
	g_string_free(large, TRUE);
	g_string_free(small, TRUE);
}
END_TEST

/* Whether the bytes hold s (they hold NULs: no string search will do). */
static gboolean
holds(const GByteArray *b, const char *s)
{
	gsize n = strlen(s), i;

	for (i = 0; i + n <= b->len; i++)
		if (memcmp(b->data + i, s, n) == 0)
			return TRUE;
	return FALSE;
}

/*
 * A file written by pdfwrite.h, two objects packed and one stream, read
 * back through its cross-reference stream by libqpdf.
 */
START_TEST(test_pdfwrite_frame)
{
	struct sink out;
	struct diags d;
	struct pdf_writer *w;
	const char *pdf;
	qpdf_data q = qpdf_init();

	diags_init(&d);
	sink_memory(&out, "w.pdf");
	w = pdf_writer_new(&out, "%PDF-1.5\n", 9, 5);
	pdf_write_value(w, 1, "<< /Type /Catalog /Pages 2 0 R >>", 33);
	pdf_write_value(w, 2, "<< /Type /Pages /Kids [] /Count 0 >>", 36);
	pdf_write_stream(w, 4, "/Type /Metadata", "xml", 3);
	ck_assert_uint_eq(pdf_writer_number(w), 5);
	ck_assert_int_eq(pdf_writer_end(w, "/Root 1 0 R"), 0);
	pdf_writer_free(w);
	pdf = (const char *)out.mem->data;
	ck_assert_int_eq(memcmp(pdf, "%PDF-1.5\n", 9), 0);
	ck_assert(holds(out.mem,
	    "4 0 obj\n<< /Type /Metadata /Length 3 >>\nstream\nxml\n"));
	ck_assert(holds(out.mem,
	    "/Type /ObjStm /N 2"));
	/* 5 given, never written; the object stream 6, the table 7. */
	ck_assert(holds(out.mem,
	    "/Type /XRef /Size 8"));
	ck_assert(holds(out.mem, "/ID [<"));
	ck_assert_int_eq(memcmp(pdf + out.mem->len - 6, "%%EOF\n", 6), 0);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	ck_assert_int_eq(qpdf_read_memory(q, "w.pdf", pdf, out.mem->len, NULL),
	    QPDF_SUCCESS);
	ck_assert(qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q,
	    qpdf_get_root(q), "/Type"), "/Catalog"));
	ck_assert_int_eq(qpdf_get_num_pages(q), 0);
	ck_assert(qpdf_oh_is_stream(q, qpdf_get_object_by_id(q, 4, 0)));
	qpdf_cleanup(&q);
	ck_assert_int_eq(sink_close(&out, "the PDF", &d), 0);
	diags_release(&d);
}
END_TEST

Suite *
pdfobj_suite(void)
{
	Suite *s = suite_create("pdfobj");
	TCase *tc = tcase_create("pdfobj");

	tcase_add_test(tc, test_pdfobj_strings);
	tcase_add_test(tc, test_pdfobj_put_text);
	tcase_add_test(tc, test_pdfobj_dict);
	tcase_add_test(tc, test_pdfobj_items_and_refs);
	tcase_add_test(tc, test_pdfobj_let_go);
	tcase_add_test(tc, test_pdfwrite_frame);
	suite_add_tcase(s, tc);
	return s;
}
