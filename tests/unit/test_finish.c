/*
 * test_finish.c — the PDF's finishing on made-up input: content streams
 * rewritten (artifacts around untagged painting, grays in one ink), PDF
 * dates as XMP writes them, and a small PDF drawn by Cairo finished and
 * read back through libqpdf.
 */
#include <string.h>

#include <cairo-pdf.h>
#include <check.h>
#include <qpdf/qpdf-c.h>
#include <zlib.h>

#include "fixture.h"
#include "out/reuse.h"
#include "pdf/content.h"
#include "pdf/finish.h"
#include "pdf/stored.h"
#include "pdf/xmp.h"
#include "suites.h"

/* The rewritten stream, as a string the caller frees. */
static char *
rewrite(const char *in, struct content_counts *cc)
{
	memset(cc, 0, sizeof(*cc));
	return g_string_free(content_finish(in, strlen(in), cc), FALSE);
}

START_TEST(test_content_artifact_outside_tags)
{
	struct content_counts cc;
	char *out = rewrite("q\n/P << /MCID 0 >> BDC\nBT (Body) Tj ET\nEMC\n"
	    "0.4 w 10 10 m 20 10 l S\nBT (12) Tj ET\nQ\n", &cc);

	/* The tagged text left alone; the rule and the folio one artifact,
	 * closed inside the q … Q it opened in. */
	ck_assert_str_eq(out, "q\n/P << /MCID 0 >> BDC\nBT (Body) Tj ET\n"
	    "EMC\n0.4 w /Artifact BMC\n10 10 m 20 10 l S\nBT (12) Tj ET\n"
	    "EMC\nQ\n");
	ck_assert_int_eq(cc.artifacts, 1);
	g_free(out);
}
END_TEST

START_TEST(test_content_artifact_closed_before_tag)
{
	struct content_counts cc;
	char *out = rewrite("BT (Head) Tj ET /Span <</MCID 3>> BDC "
	    "BT [(a)-10(b)] TJ ET EMC", &cc);

	ck_assert_str_eq(out, "BT /Artifact BMC\n(Head) Tj EMC\nET "
	    "/Span <</MCID 3>> BDC BT [(a)-10(b)] TJ ET EMC");
	g_free(out);
}
END_TEST

/*
 * A running head whose small capitals are spans giving their text: one
 * artifact, opened in its text object and closed before its ET, the
 * spans inside it; text shown after the structure's sequence ends, in
 * the same text object, is an artifact closed before ET.
 */
START_TEST(test_content_artifact_actual_text)
{
	struct content_counts cc;
	char *out = rewrite("q\nBT (2) Tj /Span <</ActualText (Trotsky)>> BDC "
	    "[(T)] TJ EMC ET\nQ\nBT /P <</MCID 4>> BDC (a) Tj EMC (b) Tj ET\n",
	    &cc);

	ck_assert_str_eq(out, "q\nBT /Artifact BMC\n(2) Tj /Span "
	    "<</ActualText (Trotsky)>> BDC [(T)] TJ EMC EMC\nET\nQ\n"
	    "BT /P <</MCID 4>> BDC (a) Tj EMC /Artifact BMC\n(b) Tj EMC\nET\n");
	ck_assert_int_eq(cc.artifacts, 2);
	g_free(out);
}
END_TEST

START_TEST(test_content_gray)
{
	struct content_counts cc;
	char *out = rewrite("/P <</MCID 0>> BDC 0 0 0 rg 0.5 0.5 0.5 RG "
	    "1 0 0 rg (x\\) 0 0 0 rg) Tj EMC", &cc);

	/* Grays in DeviceGray, a colour left, a string's text untouched. */
	ck_assert_str_eq(out, "/P <</MCID 0>> BDC 0 g 0.5 G "
	    "1 0 0 rg (x\\) 0 0 0 rg) Tj EMC");
	ck_assert_int_eq(cc.grays, 2);
	ck_assert_int_eq(cc.colours, 1);
	ck_assert_int_eq(cc.artifacts, 0);
	g_free(out);
}
END_TEST

START_TEST(test_xmp_dates)
{
	char *z = xmp_date("D:20231114221320Z");
	char *off = xmp_date("D:20231114221320+01'30'");

	ck_assert_str_eq(z, "2023-11-14T22:13:20Z");
	ck_assert_str_eq(off, "2023-11-14T22:13:20+01:30");
	ck_assert_ptr_null(xmp_date("yesterday"));
	g_free(z);
	g_free(off);
}
END_TEST

START_TEST(test_xmp_packet)
{
	struct xmp_info xi = { "Smoke & Mirrors", "A. Author", NULL, NULL,
	    "octavo", "cairo", "D:20231114221320Z", NULL, "en-GB" };
	char *x = xmp_packet(&xi);

	ck_assert_ptr_nonnull(strstr(x, "<pdfuaid:part>1</pdfuaid:part>"));
	ck_assert_ptr_nonnull(strstr(x, "<rdf:li xml:lang=\"x-default\">"
	    "Smoke &amp; Mirrors</rdf:li>"));
	ck_assert_ptr_nonnull(strstr(x, "<xmp:CreateDate>2023-11-14T22:13:20Z"));
	ck_assert_ptr_nonnull(strstr(x, "<rdf:li>en-GB</rdf:li>"));
	ck_assert_ptr_null(strstr(x, "dc:description"));
	g_free(x);
}
END_TEST

/* A tagged line of text, black in RGB as Cairo writes it. */
static void
text(cairo_t *cr, const char *tag, double y, const char *s)
{
	if (tag != NULL)
		cairo_tag_begin(cr, tag, NULL);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, 20, y);
	cairo_show_text(cr, s);
	if (tag != NULL)
		cairo_tag_end(cr, tag);
}

/* A Cairo PDF surface of 200 × 300 pt drawing into pdf. */
static cairo_t *
drawing(GByteArray *pdf)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(
	    fixture_to_bytes, pdf, 200, 300);
	cairo_t *cr = cairo_create(s);

	cairo_surface_destroy(s);	/* cr holds it */
	return cr;
}

/* The drawing ended, its file whole in pdf. */
static GByteArray *
drawn(cairo_t *cr, GByteArray *pdf)
{
	cairo_surface_t *s = cairo_get_target(cr);

	cairo_surface_finish(s);
	ck_assert_int_eq(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	cairo_destroy(cr);
	return pdf;
}

/*
 * What the finishing is given in a test: links, labels, notes and
 * languages for it to fill, diagnostics, and a sink into memory named
 * "f.pdf".
 */
struct fixture {
	GHashTable	*links;
	GPtrArray	*labels;
	GArray		*notes;
	struct taglangs	 langs;
	struct finishing f;
	struct diags	 d;
	struct sink	 out;
};

/* What a link says, from the fixture's links (finish.h's said). */
static char *
said_in(const char *dest, const void *links)
{
	return g_strdup(g_hash_table_lookup((GHashTable *)links, dest));
}

/* A fixture for a trim of w × h pt, with bleed, margin in the sheet. */
static void
fixture_init(struct fixture *fx, const char *language, double w, double h,
    double bleed, double margin)
{
	fx->links = g_hash_table_new(g_str_hash, g_str_equal);
	fx->labels = g_ptr_array_new();
	fx->notes = g_array_new(FALSE, FALSE, sizeof(struct note_tag));
	taglangs_init(&fx->langs);
	fx->f = (struct finishing){ language, w, h, bleed, margin, said_in,
	    fx->links, fx->labels, fx->notes, &fx->langs, NULL, FALSE, NULL };
	diags_init(&fx->d);
	sink_memory(&fx->out, "f.pdf");
}

/* Finishes pdf into the fixture's sink. */
static int
fixture_finish(struct fixture *fx, const GByteArray *pdf,
    struct finished *done)
{
	return pdf_finish((const char *)pdf->data, pdf->len, &fx->out, &fx->f,
	    done, &fx->d);
}

/* The fixture's sink closed (0, or -1 if it failed) and all freed. */
static int
fixture_release(struct fixture *fx)
{
	int rc = sink_close(&fx->out, "the PDF", &fx->d);

	diags_release(&fx->d);
	g_hash_table_destroy(fx->links);
	g_ptr_array_free(fx->labels, TRUE);
	g_array_free(fx->notes, TRUE);
	taglangs_release(&fx->langs);
	return rc;
}

/*
 * Two pages as draw.c makes them: a reference linked to note 1, the
 * note begun at the foot of page 1 and continued on page 2 (its Note
 * and its paragraph opened anew), and an untagged folio on each.
 */
static GByteArray *
two_pages(void)
{
	GByteArray *pdf = g_byte_array_new();
	cairo_t *cr = drawing(pdf);

	cairo_tag_begin(cr, "Document", NULL);
	cairo_tag_begin(cr, "P", NULL);
	cairo_tag_begin(cr, CAIRO_TAG_LINK, "dest='n1'");
	text(cr, NULL, 40, "Text.1");
	cairo_tag_end(cr, CAIRO_TAG_LINK);
	cairo_tag_end(cr, "P");
	cairo_tag_begin(cr, "Note", NULL);
	cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='n1'");
	text(cr, "P", 250, "1. A note begun");
	cairo_tag_end(cr, CAIRO_TAG_DEST);
	cairo_tag_end(cr, "Note");
	text(cr, NULL, 290, "1");
	cairo_show_page(cr);
	cairo_tag_begin(cr, "Note", NULL);
	text(cr, "P", 250, "and ended overleaf.");
	cairo_tag_end(cr, "Note");
	text(cr, NULL, 290, "2");
	cairo_show_page(cr);
	cairo_tag_end(cr, "Document");
	return drawn(cr, pdf);
}

/* Whether oh is a structure element (not marked content, nor an OBJR). */
static gboolean
is_elem(qpdf_data q, qpdf_oh oh)
{
	return qpdf_oh_is_dictionary(q, oh) && qpdf_oh_has_key(q, oh, "/S");
}

/* The elements under e, in order, each with its /ID and its /Lang if
 * it has them: "Document(P(Link) Note#n1(P))", "Sect@fr(P)". */
static void
shape(qpdf_data q, qpdf_oh e, GString *out)
{
	qpdf_oh k = qpdf_oh_get_key(q, e, "/K");
	int i, n = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_n_items(q, k) :
	    1;
	gboolean open = FALSE;

	if (is_elem(q, e))
		g_string_append(out, qpdf_oh_get_name(q, qpdf_oh_get_key(q, e,
		    "/S")) + 1);
	if (qpdf_oh_has_key(q, e, "/ID"))
		g_string_append_printf(out, "#%s", qpdf_oh_get_utf8_value(q,
		    qpdf_oh_get_key(q, e, "/ID")));
	if (qpdf_oh_has_key(q, e, "/Lang"))
		g_string_append_printf(out, "@%s", qpdf_oh_get_utf8_value(q,
		    qpdf_oh_get_key(q, e, "/Lang")));
	for (i = 0; i < n; i++) {
		qpdf_oh kid = qpdf_oh_is_array(q, k) ?
		    qpdf_oh_get_array_item(q, k, i) : k;

		if (!is_elem(q, kid))
			continue;
		g_string_append_c(out, open ? ' ' : '(');
		open = TRUE;
		shape(q, kid, out);
	}
	if (open)
		g_string_append_c(out, ')');
}

/* Asserts that a page's box runs from (lo, lo) to (hi - 100, hi): the
 * trim is 100 pt higher than wide. */
static void
box(qpdf_data q, qpdf_oh page, const char *key, double lo, double hi)
{
	qpdf_oh b = qpdf_oh_get_key(q, page, key);
	double want[4] = { lo, lo, hi - 100, hi };
	int i;

	ck_assert_int_eq(qpdf_oh_get_array_n_items(q, b), 4);
	for (i = 0; i < 4; i++)
		ck_assert_double_eq_tol(qpdf_oh_get_numeric_value(q,
		    qpdf_oh_get_array_item(q, b, i)), want[i], 0.001);
}

START_TEST(test_finish_pdf)
{
	GByteArray *pdf = two_pages();
	struct note_tag parts[2] = { { 0, 0 }, { 0, 2 } };
	struct fixture fx;
	struct finished done;
	qpdf_data q = qpdf_init();
	qpdf_oh root, page, annot, tree;
	GString *tags = g_string_new(NULL);
	int i;

	/* A 140 × 240 trim with 9 pt of bleed, 30 pt in from the sheet's
	 * edges (room for crop marks). */
	fixture_init(&fx, "en-GB", 140, 240, 9, 30);
	g_hash_table_insert(fx.links, (char *)"n1", (char *)"Note 1");
	g_array_append_vals(fx.notes, parts, 2);
	ck_assert_int_eq(fixture_finish(&fx, pdf, &done), 0);
	ck_assert_int_eq(done.links, 1);
	ck_assert_int_eq(done.notes, 1);
	ck_assert_int_eq(done.merged, 1);
	ck_assert_int_eq(done.artifacts, 2);	/* the folios */
	ck_assert_int_eq(done.colours, 0);

	ck_assert_int_eq(qpdf_read_memory(q, "f.pdf", (const char *)
	    fx.out.mem->data, fx.out.mem->len, NULL) & QPDF_ERRORS, 0);
	root = qpdf_get_root(q);
	ck_assert_str_eq(qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, root,
	    "/Lang")), "en-GB");
	ck_assert(qpdf_oh_get_bool_value(q, qpdf_oh_get_key(q,
	    qpdf_oh_get_key(q, root, "/ViewerPreferences"),
	    "/DisplayDocTitle")));
	ck_assert(qpdf_oh_get_bool_value(q, qpdf_oh_get_key(q,
	    qpdf_oh_get_key(q, root, "/MarkInfo"), "/Marked")));
	ck_assert(qpdf_oh_is_stream(q, qpdf_oh_get_key(q, root, "/Metadata")));
	for (i = 0; i < 2; i++) {
		page = qpdf_get_page_n(q, (size_t)i);
		ck_assert_str_eq(qpdf_oh_get_name(q, qpdf_oh_get_key(q, page,
		    "/Tabs")), "/S");
		box(q, page, "/TrimBox", 30, 270);
		box(q, page, "/BleedBox", 21, 279);
	}
	annot = qpdf_oh_get_array_item(q, qpdf_oh_get_key(q,
	    qpdf_get_page_n(q, 0), "/Annots"), 0);
	ck_assert_str_eq(qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, annot,
	    "/Contents")), "Note 1");
	/* One Note, named, holding its paragraph whole. */
	tree = qpdf_oh_get_key(q, root, "/StructTreeRoot");
	shape(q, tree, tags);
	ck_assert_str_eq(tags->str, "(Document(P(Link) Note#n1(P)))");
	ck_assert_int_eq(qpdf_oh_get_array_n_items(q, qpdf_oh_get_key(q,
	    qpdf_oh_get_key(q, tree, "/IDTree"), "/Names")), 2);

	qpdf_cleanup(&q);
	g_string_free(tags, TRUE);
	ck_assert_int_eq(fixture_release(&fx), 0);
	g_byte_array_free(pdf, TRUE);
}
END_TEST

/*
 * A note over three pages, its Note and paragraph opened anew on each,
 * and a second paragraph of the text on the last, after the note.
 */
static GByteArray *
note_over_three_pages(void)
{
	GByteArray *pdf = g_byte_array_new();
	cairo_t *cr = drawing(pdf);
	const char *parts[] = { "1. A long note", "that runs on", "and ends." };
	int i;

	cairo_tag_begin(cr, "Document", NULL);
	text(cr, "P", 40, "Text.");
	for (i = 0; i < 3; i++) {
		cairo_tag_begin(cr, "Note", NULL);
		text(cr, "P", 250, parts[i]);
		cairo_tag_end(cr, "Note");
		if (i < 2)
			cairo_show_page(cr);
	}
	text(cr, "P", 60, "More text.");
	cairo_show_page(cr);
	cairo_tag_end(cr, "Document");
	return drawn(cr, pdf);
}

/* The element the parent tree gives for page n's first marked content. */
static qpdf_oh
page_element(qpdf_data q, int n)
{
	qpdf_oh tree = qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_get_root(q),
	    "/StructTreeRoot"), "/ParentTree");
	qpdf_oh nums = qpdf_oh_get_key(q, tree, "/Nums");
	int key = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q,
	    qpdf_get_page_n(q, (size_t)n), "/StructParents")), i;

	for (i = 0; i + 1 < qpdf_oh_get_array_n_items(q, nums); i += 2)
		if (qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_array_item(q,
		    nums, i)) == key)
			return qpdf_oh_get_array_item(q, qpdf_oh_get_array_item(q,
			    nums, i + 1), 0);
	return qpdf_oh_new_null(q);
}

/*
 * The three parts are one Note holding one paragraph, whose marked
 * content on the second and third pages is given by reference to its
 * page; the parent tree names that paragraph for them, not the
 * elements merged into it, which are gone.
 */
/*
 * A drawing finished twice, its pages' contents kept by the first
 * finishing and found by the second: the same file, the same counts.
 */
START_TEST(test_finish_contents_reused)
{
	GByteArray *pdf = two_pages();
	char *dir = fixture_dir();
	char *path = g_build_filename(dir, "f.contents", NULL);
	struct note_tag parts[2] = { { 0, 0 }, { 0, 2 } };
	GByteArray *made[2];
	struct finished done[2];
	int i;

	for (i = 0; i < 2; i++) {
		struct fixture fx;

		fixture_init(&fx, "en", 140, 240, 9, 30);
		g_hash_table_insert(fx.links, (char *)"n1", (char *)"Note 1");
		g_array_append_vals(fx.notes, parts, 2);
		fx.f.contents = reuse_open(path, "k");
		memset(&done[i], 0, sizeof(done[i]));
		ck_assert_int_eq(fixture_finish(&fx, pdf, &done[i]), 0);
		ck_assert(reuse_close(fx.f.contents, NULL));
		made[i] = g_byte_array_new();
		g_byte_array_append(made[i], fx.out.mem->data, fx.out.mem->len);
		ck_assert_int_eq(fixture_release(&fx), 0);
	}
	ck_assert_int_eq(done[0].reused, 0);
	ck_assert_int_eq(done[1].reused, 2);
	ck_assert_int_eq(done[1].artifacts, done[0].artifacts);
	ck_assert_int_eq(done[1].artifacts, 2);
	ck_assert_uint_eq(made[1]->len, made[0]->len);
	ck_assert_mem_eq(made[1]->data, made[0]->data, made[0]->len);
	for (i = 0; i < 2; i++)
		g_byte_array_free(made[i], TRUE);
	g_byte_array_free(pdf, TRUE);
	g_free(path);
	fixture_clean(dir);
}
END_TEST

START_TEST(test_finish_note_over_three_pages)
{
	GByteArray *pdf = note_over_three_pages();
	struct note_tag parts[3] = { { 0, 0 }, { 0, 2 }, { 0, 2 } };
	struct fixture fx;
	struct finished done;
	qpdf_data q = qpdf_init();
	GString *tags = g_string_new(NULL);
	qpdf_oh first, k;
	int i, mcrs = 0;

	fixture_init(&fx, "en", 200, 300, 0, 0);
	g_array_append_vals(fx.notes, parts, 3);
	ck_assert_int_eq(fixture_finish(&fx, pdf, &done), 0);
	ck_assert_int_eq(done.notes, 1);
	ck_assert_int_eq(done.merged, 2);
	ck_assert_int_eq(qpdf_read_memory(q, "f.pdf", (const char *)
	    fx.out.mem->data, fx.out.mem->len, NULL) & QPDF_ERRORS, 0);
	shape(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot"),
	    tags);
	ck_assert_str_eq(tags->str, "(Document(P Note#n1(P) P))");
	first = page_element(q, 0);
	ck_assert_str_eq(qpdf_oh_get_name(q, qpdf_oh_get_key(q, first, "/S")),
	    "/P");
	/* Page 1's first element is the text's paragraph; the note's is
	 * what pages 2 and 3 open with, the same object on both. */
	ck_assert_int_eq(qpdf_oh_get_object_id(q, page_element(q, 1)),
	    qpdf_oh_get_object_id(q, page_element(q, 2)));
	k = qpdf_oh_get_key(q, page_element(q, 1), "/K");
	for (i = 0; i < qpdf_oh_get_array_n_items(q, k); i++)
		mcrs += qpdf_oh_is_dictionary(q, qpdf_oh_get_array_item(q, k,
		    i));
	ck_assert_int_eq(mcrs, 2);
	ck_assert_str_eq(qpdf_oh_get_name(q, qpdf_oh_get_key(q,
	    qpdf_oh_get_key(q, page_element(q, 1), "/P"), "/S")), "/Note");

	qpdf_cleanup(&q);
	g_string_free(tags, TRUE);
	ck_assert_int_eq(fixture_release(&fx), 0);
	g_byte_array_free(pdf, TRUE);
}
END_TEST

/* Begins an element, counted in langs with its language (ink.h). */
static void
begin(cairo_t *cr, struct taglangs *langs, const char *tag,
    const char *lang)
{
	taglangs_begun(langs, tag, lang);
	cairo_tag_begin(cr, tag, NULL);
}

/*
 * Three chapters as flow.c tags them, the second with an introduction
 * (a Sect inside its Sect) and a passage of its text in German (a Span
 * beside a plain one, as ink.c sets a paragraph that holds elements);
 * the first and the last of an en-US book, the second French.
 */
static GByteArray *
three_chapters(struct taglangs *langs)
{
	GByteArray *pdf = g_byte_array_new();
	cairo_t *cr = drawing(pdf);

	cairo_tag_begin(cr, "Document", NULL);
	text(cr, "P", 40, "The Book");
	begin(cr, langs, "Sect", NULL);
	text(cr, "H1", 80, "One");
	text(cr, "P", 100, "A line.");
	cairo_tag_end(cr, "Sect");
	cairo_show_page(cr);
	begin(cr, langs, "Sect", "fr");
	text(cr, "H1", 80, "Deux");
	begin(cr, langs, "Sect", NULL);
	cairo_tag_begin(cr, "P", NULL);
	begin(cr, langs, "Span", NULL);
	text(cr, NULL, 100, "Une ligne, ");
	cairo_tag_end(cr, "Span");
	begin(cr, langs, "Span", "de");
	text(cr, NULL, 120, "eine Zeile.");
	cairo_tag_end(cr, "Span");
	cairo_tag_end(cr, "P");
	cairo_tag_end(cr, "Sect");
	cairo_tag_end(cr, "Sect");
	cairo_show_page(cr);
	begin(cr, langs, "Sect", NULL);
	text(cr, "P", 100, "Three.");
	cairo_tag_end(cr, "Sect");
	cairo_show_page(cr);
	cairo_tag_end(cr, "Document");
	return drawn(cr, pdf);
}

/*
 * The chapter in another language has its /Lang on its Sect, the
 * passage on its Span, and no other element has one; a drawing that
 * began other elements than the tree holds is an error, not a /Lang on
 * the wrong element.
 */
START_TEST(test_finish_languages)
{
	struct fixture fx;
	qpdf_data q = qpdf_init();
	GString *tags = g_string_new(NULL);
	GByteArray *pdf;

	fixture_init(&fx, "en-US", 200, 300, 0, 0);
	pdf = three_chapters(&fx.langs);
	ck_assert_int_eq(fixture_finish(&fx, pdf, NULL), 0);
	ck_assert_int_eq(qpdf_read_memory(q, "f.pdf", (const char *)
	    fx.out.mem->data, fx.out.mem->len, NULL) & QPDF_ERRORS, 0);
	shape(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot"),
	    tags);
	ck_assert_str_eq(tags->str, "(Document(P Sect(H1 P) "
	    "Sect@fr(H1 Sect(P(Span Span@de))) Sect(P)))");
	ck_assert_int_eq(sink_close(&fx.out, "the PDF", &fx.d), 0);

	taglangs_begun(&fx.langs, "Sect", NULL);	/* one the tree lacks */
	sink_memory(&fx.out, "g.pdf");
	ck_assert_int_eq(fixture_finish(&fx, pdf, NULL), -1);
	ck_assert_ptr_nonnull(strstr(g_array_index(fx.d.list, struct diag,
	    0).msg, "elements are not the drawing's"));

	qpdf_cleanup(&q);
	g_string_free(tags, TRUE);
	fixture_release(&fx);
	g_byte_array_free(pdf, TRUE);
}
END_TEST

/*
 * Four pages drawn as pdf.c draws a book: two of the text (P), then
 * the prelims' one (H1), which links to the text's second page, then
 * the index's (Index); each run a Part, each page a height of its own
 * (300, 301… pt as drawn) for the test to know it by.  (Cairo 1.16
 * loses the structure if the size is set before the first page.)
 */
static GByteArray *
drawn_out_of_order(void)
{
	GByteArray *pdf = g_byte_array_new();
	cairo_t *cr = drawing(pdf);
	cairo_surface_t *s = cairo_get_target(cr);
	const char *parts[] = { "P", "P", "H1", "Index" };
	int i;

	cairo_tag_begin(cr, "Document", NULL);
	for (i = 0; i < 4; i++) {
		if (i > 0)
			cairo_pdf_surface_set_size(s, 200, 300 + i);
		if (i != 1)
			cairo_tag_begin(cr, "Part", NULL);
		text(cr, parts[i], 40, parts[i]);
		if (i == 2) {
			cairo_tag_begin(cr, CAIRO_TAG_LINK, "page=2");
			text(cr, NULL, 60, "2");
			cairo_tag_end(cr, CAIRO_TAG_LINK);
		}
		if (i != 0)
			cairo_tag_end(cr, "Part");
		cairo_show_page(cr);
	}
	cairo_tag_end(cr, "Document");
	return drawn(cr, pdf);
}

/* The height of page n of the file, less 300. */
static int
page_mark(qpdf_data q, int n)
{
	qpdf_oh box = qpdf_oh_get_key(q, qpdf_get_page_n(q, (size_t)n),
	    "/MediaBox");

	return (int)qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q,
	    box, 3)) - 300;
}

/*
 * The runs put in the reading order: the prelims' page first, then the
 * text's, then the index's, in the page tree and in the Document; the
 * labels given in that order, and the link described by its page's.
 */
START_TEST(test_finish_runs_reordered)
{
	GByteArray *pdf = drawn_out_of_order();
	struct page_run runs[3] = { { 2, 1 }, { 1, 0 }, { 1, 2 } };
	const char *labels[] = { "i", "1", "2", "3" };
	struct fixture fx;
	qpdf_data q = qpdf_init();
	qpdf_oh root, nums, annot;
	GString *tags = g_string_new(NULL);
	int i, want[] = { 2, 0, 1, 3 };

	fixture_init(&fx, "en", 200, 300, 0, 0);
	fx.f.runs = g_array_new(FALSE, FALSE, sizeof(struct page_run));
	g_array_append_vals(fx.f.runs, runs, 3);
	for (i = 0; i < 4; i++)
		g_ptr_array_add(fx.labels, (char *)labels[i]);
	ck_assert_int_eq(fixture_finish(&fx, pdf, NULL), 0);
	ck_assert_int_eq(qpdf_read_memory(q, "f.pdf", (const char *)
	    fx.out.mem->data, fx.out.mem->len, NULL) & QPDF_ERRORS, 0);
	ck_assert_int_eq(qpdf_get_num_pages(q), 4);
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(page_mark(q, i), want[i]);
	root = qpdf_get_root(q);
	shape(q, qpdf_oh_get_key(q, root, "/StructTreeRoot"), tags);
	ck_assert_str_eq(tags->str,
	    "(Document(Part(H1 Link) Part(P P) Part(Index)))");
	/* Roman from the first page, arabic from the second, on. */
	nums = qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/PageLabels"),
	    "/Nums");
	ck_assert_int_eq(qpdf_oh_get_array_n_items(q, nums), 4);
	ck_assert_int_eq(qpdf_oh_get_int_value_as_int(q,
	    qpdf_oh_get_array_item(q, nums, 2)), 1);
	ck_assert_str_eq(qpdf_oh_get_name(q, qpdf_oh_get_key(q,
	    qpdf_oh_get_array_item(q, nums, 3), "/S")), "/D");
	/* The link goes to the text's second page, the file's third. */
	annot = qpdf_oh_get_array_item(q, qpdf_oh_get_key(q,
	    qpdf_get_page_n(q, 0), "/Annots"), 0);
	ck_assert_str_eq(qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, annot,
	    "/Contents")), "Page 2");

	qpdf_cleanup(&q);
	g_string_free(tags, TRUE);
	g_array_free(fx.f.runs, TRUE);
	g_ptr_array_set_size(fx.labels, 0);
	ck_assert_int_eq(fixture_release(&fx), 0);
	g_byte_array_free(pdf, TRUE);
}
END_TEST

/* Runs that are not the drawing's are refused, nothing written. */
START_TEST(test_finish_runs_not_drawn)
{
	GByteArray *pdf = drawn_out_of_order();
	struct page_run pages[3] = { { 2, 1 }, { 1, 0 }, { 2, 2 } };
	struct page_run parts[2] = { { 3, 1 }, { 1, 0 } };
	struct fixture fx;
	int i;

	for (i = 0; i < 2; i++) {
		fixture_init(&fx, "en", 200, 300, 0, 0);
		fx.f.runs = g_array_new(FALSE, FALSE, sizeof(struct page_run));
		if (i == 0)
			g_array_append_vals(fx.f.runs, pages, 3);
		else
			g_array_append_vals(fx.f.runs, parts, 2);
		ck_assert_int_eq(fixture_finish(&fx, pdf, NULL), -1);
		ck_assert(diags_failed(&fx.d));
		ck_assert_uint_eq(fx.out.mem->len, 0);
		g_array_free(fx.f.runs, TRUE);
		fixture_release(&fx);
	}
	g_byte_array_free(pdf, TRUE);
}
END_TEST

/* text deflated through deflateInit, as Cairo deflates; into out. */
static void
deflate_text(const char *text, guint8 *out, gsize *len)
{
	z_stream z;

	memset(&z, 0, sizeof(z));
	ck_assert_int_eq(deflateInit(&z, Z_DEFAULT_COMPRESSION), Z_OK);
	z.next_in = (Bytef *)text;
	z.avail_in = (uInt)strlen(text);
	z.next_out = out;
	z.avail_out = (uInt)*len;
	ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
	*len = z.total_out;
	deflateEnd(&z);
}

/*
 * Between stored_begin and stored_end a deflate stream stores, and says
 * so in its header; outside them it deflates as zlib would, and its
 * header says nothing of the kind.
 */
START_TEST(test_stored_streams)
{
	const char *text = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	guint8 out[256], back[256];
	gsize len = sizeof(out);
	uLongf blen = sizeof(back);

	stored_begin();
	deflate_text(text, out, &len);
	stored_end();
	ck_assert(stored_by_cairo((const char *)out, len));
	ck_assert_uint_gt(len, strlen(text));
	ck_assert_int_eq(uncompress(back, &blen, out, len), Z_OK);
	ck_assert_uint_eq(blen, strlen(text));
	ck_assert_int_eq(memcmp(back, text, blen), 0);

	len = sizeof(out);
	deflate_text(text, out, &len);
	ck_assert(!stored_by_cairo((const char *)out, len));
	ck_assert_uint_lt(len, strlen(text));
}
END_TEST

/* Whether a stream in the file begins with a stored stream's header. */
static gboolean
has_stored(const GByteArray *pdf)
{
	const char *s = (const char *)pdf->data, *end = s + pdf->len;
	const char *at;

	while ((at = g_strstr_len(s, end - s, "stream\n")) != NULL) {
		at += strlen("stream\n");
		if (stored_by_cairo(at, (gsize)(end - at)))
			return TRUE;
		s = at;
	}
	return FALSE;
}

/*
 * A page with an image, shown with its streams stored: the image,
 * which the finishing copies rather than rewrites, leaves it deflated,
 * and reads back as it was painted.
 */
START_TEST(test_finish_stored_image)
{
	GByteArray *pdf = g_byte_array_new();
	cairo_t *cr = drawing(pdf);
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    16, 16);
	struct fixture fx;
	qpdf_data q = qpdf_init();
	qpdf_oh xobjects, image;
	unsigned char *data;
	size_t len;
	guint32 *px = (guint32 *)cairo_image_surface_get_data(img);
	int i;

	/* No two pixels alike, so that Cairo writes every one. */
	cairo_surface_flush(img);
	for (i = 0; i < 16 * 16; i++)
		px[i] = (guint32)i * 0x010203u;
	cairo_surface_mark_dirty(img);
	cairo_set_source_surface(cr, img, 20, 20);
	cairo_paint(cr);
	stored_begin();
	cairo_show_page(cr);
	stored_end();
	cairo_surface_destroy(img);
	drawn(cr, pdf);
	ck_assert(has_stored(pdf));

	fixture_init(&fx, "en", 200, 300, 0, 0);
	ck_assert_int_eq(fixture_finish(&fx, pdf, NULL), 0);
	ck_assert(!has_stored(fx.out.mem));
	ck_assert_int_eq(qpdf_read_memory(q, "f.pdf", (const char *)
	    fx.out.mem->data, fx.out.mem->len, NULL) & QPDF_ERRORS, 0);
	xobjects = qpdf_oh_get_key(q, qpdf_oh_get_key(q,
	    qpdf_get_page_n(q, 0), "/Resources"), "/XObject");
	qpdf_oh_begin_dict_key_iter(q, xobjects);
	ck_assert(qpdf_oh_dict_more_keys(q));
	image = qpdf_oh_get_key(q, xobjects, qpdf_oh_dict_next_key(q));
	ck_assert_int_eq(qpdf_oh_get_stream_data(q, image, qpdf_dl_generalized,
	    NULL, &data, &len), QPDF_SUCCESS);
	ck_assert_uint_eq(len, 16 * 16 * 3);
	free(data);

	qpdf_cleanup(&q);
	ck_assert_int_eq(fixture_release(&fx), 0);
	g_byte_array_free(pdf, TRUE);
}
END_TEST

START_TEST(test_finish_not_a_pdf)
{
	struct fixture fx;

	fixture_init(&fx, "en", 200, 300, 0, 0);
	ck_assert_int_eq(pdf_finish("not a PDF", 9, &fx.out, &fx.f, NULL,
	    &fx.d), -1);
	ck_assert(diags_failed(&fx.d));
	ck_assert_str_eq(g_array_index(fx.d.list, struct diag, 0).pos.file,
	    "f.pdf");
	ck_assert_uint_eq(fx.out.mem->len, 0);
	fixture_release(&fx);
}
END_TEST

Suite *
finish_suite(void)
{
	Suite *s = suite_create("finish");
	TCase *tc = tcase_create("finish");

	tcase_add_test(tc, test_content_artifact_outside_tags);
	tcase_add_test(tc, test_content_artifact_closed_before_tag);
	tcase_add_test(tc, test_content_artifact_actual_text);
	tcase_add_test(tc, test_content_gray);
	tcase_add_test(tc, test_xmp_dates);
	tcase_add_test(tc, test_xmp_packet);
	tcase_add_test(tc, test_finish_pdf);
	tcase_add_test(tc, test_finish_contents_reused);
	tcase_add_test(tc, test_finish_note_over_three_pages);
	tcase_add_test(tc, test_finish_languages);
	tcase_add_test(tc, test_finish_runs_reordered);
	tcase_add_test(tc, test_finish_runs_not_drawn);
	tcase_add_test(tc, test_stored_streams);
	tcase_add_test(tc, test_finish_stored_image);
	tcase_add_test(tc, test_finish_not_a_pdf);
	suite_add_tcase(s, tc);
	return s;
}
