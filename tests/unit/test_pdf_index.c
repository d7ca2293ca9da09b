/*
 * test_pdf_index.c — the index of names in print: after the text, in two
 * columns, its page numbers those of the marks and links to them; and
 * the kept layout that gives 'octavo index' its pages.
 */
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "proof.h"
#include "suites.h"

/*
 * A mark of ie offset bytes into the first inline of paragraph p, a
 * text, in note n or not; its id, as the index stage's, one no other
 * mark has.
 */
static const struct index_mark *
add_mark(struct index_entry *ie, const struct chapter *c, const struct note *n,
    struct node *p, guint offset)
{
	static int marks;
	struct index_mark *m = index_mark_new(ie, c, n, p->first, offset);

	m->id = ++marks;
	return m;
}

static struct index_entry *
add_entry(struct edition *e, const char *heading, const char *gloss)
{
	struct index_entry *ie = index_entry_new(heading, gloss);

	ie->id = (int)e->index->len + 1;
	g_ptr_array_add(e->index, ie);
	return ie;
}

/* The paragraphs of annotated()'s chapter, and its notes' first. */
static struct node *
nth_para(const struct chapter *c, int i)
{
	struct node *p = c->doc->first;

	while (i-- > 0)
		p = p->next;
	return p;
}

/* The folio where each paragraph of annotated() begins, and each note. */
static void
probe_pages(int *para, int *note)
{
	struct edition *e = proof_annotated();
	const struct chapter *c = g_ptr_array_index(e->chapters, 0);
	struct index_entry *ie = add_entry(e, "Probe, A", NULL);
	const struct index_mark *marks[40], *nmarks[64];
	char *path = proof_path("probe.pdf");
	struct pagemap pm;
	guint i;

	for (i = 0; i < 40; i++)
		marks[i] = add_mark(ie, c, NULL, nth_para(c, (int)i), 0);
	for (i = 0; i < c->notes->len && i < 64; i++) {
		const struct note *n = g_ptr_array_index(c->notes, i);

		nmarks[i] = add_mark(ie, c, n, n->body->first, 0);
	}
	proof_write_mapped(e, path, &pm);
	for (i = 0; i < 40; i++)
		para[i] = atoi(pagemap_label(&pm, marks[i]));
	for (i = 0; i < 64; i++)
		note[i] = i < c->notes->len ? atoi(pagemap_label(&pm,
		    nmarks[i])) : 0;
	pagemap_release(&pm);
	fixture_remove(path);
	edition_free(e);
}

/* The links in a PDF. */
static int
count_links(const char *pdf)
{
	const char *qdf[] = { "qpdf", "--qdf", "--object-streams=disable",
	    pdf, "-", NULL };
	char *raw = proof_run(qdf);
	const char *at;
	int links = 0;

	ck_assert_ptr_nonnull(raw);
	for (at = raw; (at = strstr(at, "/Subtype /Link")) != NULL; at++)
		links++;
	g_free(raw);
	return links;
}

/* The lowest baselines of a page's two columns, in points from its top. */
static void
column_feet(const char *pdf, int page, const struct style *st, double *left,
    double *right)
{
	char num[16];
	const char *argv[] = { "pdftotext", "-bbox", "-f", num, "-l", num, pdf,
	    "-", NULL };
	GRegex *word = g_regex_new("<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" "
	    "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\"", 0, 0, NULL);
	GMatchInfo *mi;
	GArray *w = g_array_new(FALSE, FALSE, sizeof(double));
	double lo = G_MAXDOUBLE, hi = 0, mid;
	char *out;
	guint i;

	g_snprintf(num, sizeof(num), "%d", page);
	out = proof_run(argv);
	ck_assert_ptr_nonnull(out);
	g_regex_match(word, out, 0, &mi);
	for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
		double v[3];
		int k;

		for (k = 0; k < 3; k++) {
			char *s = g_match_info_fetch(mi, k + 1);

			v[k] = g_ascii_strtod(s, NULL);
			g_free(s);
		}
		/* The text block's words: no running head, no folio. */
		if (v[2] < st->top || v[2] > st->height - st->bottom + 2)
			continue;
		g_array_append_vals(w, v, 3);
		lo = MIN(lo, v[0]);
		hi = MAX(hi, v[1]);
	}
	g_match_info_free(mi);
	mid = (lo + hi) / 2;
	*left = *right = 0;
	for (i = 0; i < w->len; i += 3) {
		double *v = &g_array_index(w, double, i);

		if (v[0] < mid)
			*left = MAX(*left, v[2]);
		else
			*right = MAX(*right, v[2]);
	}
	g_array_free(w, TRUE);
	g_regex_unref(word);
	g_free(out);
}

/* A book laid out and written to a PDF of its own, with its page map. */
struct laid {
	char		*path;
	struct pagemap	 pm;
	struct style	 st;
	struct diags	 d;
};

static void
lay(struct laid *l, const struct edition *e, const char *name)
{
	l->path = proof_path(name);
	style_init(&l->st);
	diags_init(&l->d);
	pagemap_init(&l->pm);
	ck_assert_int_eq(pdf_write(e, &l->st, l->path, &l->pm, NULL, &l->d),
	    0);
}

static void
laid_release(struct laid *l)
{
	pagemap_release(&l->pm);
	fixture_remove(l->path);
	diags_release(&l->d);
	style_release(&l->st);
}

/*
 * The index: after the text on a recto of its own, in the contents, its
 * page numbers the pages of the marks, compressed and linked, a note's
 * with an "n", references in place, the last page's columns balanced.
 */
START_TEST(test_index_of_names)
{
	int para[40], note[64], a, b = 0, c = 0, i, j, first, last;
	struct edition *e, *plain = proof_annotated();
	const struct chapter *ch;
	struct index_entry *name, *alias, *other;
	char *path, *base = proof_write(plain, "plain.pdf"), **pages;
	char *want, *text, *contents;
	struct pagemap pm;
	struct style st;
	double left, right;

	probe_pages(para, note);
	/* Pages a, b…b+2 and, in a note only, c. */
	a = para[0];
	for (i = 0; i < 40 && b == 0; i++) {
		int have = 0;

		for (j = 0; j < 40; j++)
			have |= para[j] >= para[i] && para[j] <= para[i] + 2 ?
			    1 << (para[j] - para[i]) : 0;
		if (para[i] >= a + 2 && have == 7)
			b = para[i];
	}
	ck_assert_int_gt(b, 0);
	/* The name is in the text on pages a and b…b+2 alone: any page of
	 * a note past them, not next to them, names it in a note only. */
	for (i = 0; i < 64 && c == 0; i++)
		if (note[i] >= b + 4)
			c = note[i];
	ck_assert_int_gt(c, 0);

	e = proof_annotated();
	ch = g_ptr_array_index(e->chapters, 0);
	alias = add_entry(e, "Alias, Al", NULL);
	for (i = 1; i <= 70; i++) {
		char *h = g_strdup_printf("Filler%02d, Some", i);

		add_mark(add_entry(e, h, NULL), ch, NULL, nth_para(ch, i % 40),
		    0);
		g_free(h);
	}
	name = add_entry(e, "Name, Forename", NULL);
	other = add_entry(e, "Other, Person", "(1900\xe2\x80\x93" "1950)");
	alias->see = name;
	g_ptr_array_add(other->see_also, name);
	add_mark(other, ch, NULL, nth_para(ch, 39), 0);
	add_mark(name, ch, NULL, nth_para(ch, 0), 0);
	for (j = 0; j < 40; j++)
		if (para[j] >= b && para[j] <= b + 2)
			add_mark(name, ch, NULL, nth_para(ch, j), 0);
	for (i = 0; i < 64; i++)
		if (note[i] == c) {
			const struct note *n = g_ptr_array_index(ch->notes, i);

			add_mark(name, ch, n, n->body->first, 0);
			break;
		}

	path = proof_path("index.pdf");
	ck_assert_uint_eq(proof_write_mapped(e, path, &pm), 0);
	style_init(&st);	/* the style it was written in, for its feet */
	pages = proof_all_pages(path);
	for (first = 0, i = 0; pages[i] != NULL; i++)
		if (strstr(pages[i], "Index of Names") != NULL)
			first = i + 1;	/* the contents', then the index's */
	last = proof_page_count(path);
	ck_assert_int_gt(first, 8);
	ck_assert_int_eq(atoi(g_ptr_array_index(pm.labels, first - 1)) % 2, 1);
	/* Page labels go on from the text's. */
	ck_assert_int_eq(atoi(g_ptr_array_index(pm.labels, first - 1)),
	    atoi(g_ptr_array_index(pm.labels, first - 2)) + 1);
	contents = proof_text(path, 5);
	want = g_strdup_printf("Index of Names %s", (const char *)
	    g_ptr_array_index(pm.labels, first - 1));
	ck_assert_msg(strstr(contents, want) != NULL, "contents: %s", contents);
	g_free(want);
	for (text = g_strdup(""), i = first; i <= last; i++) {
		const char *argv[] = { "pdftotext", "-f", NULL, "-l", NULL, path,
		    "-", NULL };
		char num[16], *t, *flat, *all;

		g_snprintf(num, sizeof(num), "%d", i);
		argv[2] = argv[4] = num;
		t = proof_run(argv);
		ck_assert_ptr_nonnull(t);
		flat = proof_flat(t);
		all = g_strconcat(text, " ", flat, NULL);
		g_free(text);
		g_free(t);
		g_free(flat);
		text = all;
	}
	want = g_strdup_printf("Name, Forename, %d, %d\xe2\x80\x93%d, %dn ",
	    a, b, b + 2, c);
	ck_assert_msg(strstr(text, want) != NULL, "want '%s' in: %s", want,
	    text);
	ck_assert_ptr_nonnull(strstr(text, "Alias, Al. See Name, Forename"));
	ck_assert_ptr_nonnull(strstr(text, "Other, Person (1900\xe2\x80\x93"
	    "1950), "));
	ck_assert_ptr_nonnull(strstr(text, ". See also Name, Forename"));
	ck_assert_ptr_nonnull(strstr(text, "Filler70, Some, "));
	/* The index's own running head, after its first page. */
	if (last > first) {
		char *lower = proof_text_lower(path, first + 1);

		ck_assert_ptr_nonnull(strstr(lower, "index"));
		g_free(lower);
	}
	/* Balanced: the last lines of the columns a line apart at most. */
	column_feet(path, last, &st, &left, &right);
	ck_assert_double_gt(right, 0);
	ck_assert_msg(left >= right - 0.5 && left - right <= st.note.leading
	    + 0.5, "columns end at %g and %g", left, right);
	/* A link for each page number, and the contents' to the index. */
	ck_assert_int_ge(count_links(path) - count_links(base), 70 + 5 + 1);
	g_free(want);
	g_free(text);
	g_free(contents);
	g_strfreev(pages);
	pagemap_release(&pm);
	fixture_remove(path);
	fixture_remove(base);
	style_release(&st);
	edition_free(e);
	edition_free(plain);
}
END_TEST

/*
 * The last layout, kept: loaded under the same key, the folios its line
 * starts give every index mark, at a paragraph's start or amid it, are
 * the pages the layout set them on; under another key or for another
 * text nothing is loaded.
 */
/*
 * A book of front matter alone, with an index: no text is drawn before
 * the prelims, and the index follows them, the file's last page; the
 * page map has a label and a break for every page.
 */
START_TEST(test_front_matter_alone)
{
	struct edition *e = proof_sample();
	struct chapter *c = g_ptr_array_index(e->chapters, 0);
	struct index_entry *ie = add_entry(e, "Fox, The", NULL);
	char *path = proof_path("front.pdf"), **pages;
	struct pagemap pm;
	guint i;
	int last;

	for (i = 0; i < e->chapters->len; i++)
		((struct chapter *)g_ptr_array_index(e->chapters, i))->role =
		    i == 0 ? ROLE_FOREWORD : ROLE_PREFACE;
	add_mark(ie, c, NULL, c->doc->first, 0);
	proof_write_mapped(e, path, &pm);
	pages = proof_all_pages(path);
	last = proof_page_count(path);
	ck_assert_ptr_nonnull(strstr(pages[0], "A Test Edition"));
	ck_assert_ptr_nonnull(strstr(pages[last - 1], "Index of Names"));
	ck_assert_ptr_nonnull(strstr(pages[last - 1], "Fox, The"));
	ck_assert_uint_eq(pm.labels->len, (guint)last);
	ck_assert_uint_eq(pm.breaks->len, (guint)last);
	ck_assert_str_eq(g_ptr_array_index(pm.labels, 0), "i");
	g_strfreev(pages);
	pagemap_release(&pm);
	fixture_remove(path);
	edition_free(e);
}
END_TEST

START_TEST(test_page_map_kept)
{
	struct edition *e = proof_annotated(), *other = proof_annotated();
	struct chapter *c = g_ptr_array_index(e->chapters, 0);
	struct index_entry *ie = add_entry(e, "Kept, A", NULL);
	const struct index_mark *marks[80];
	GArray *folios, *again;
	struct pagemap back;
	struct laid l;
	GError *err = NULL;
	char *saved;
	guint i, n;

	for (i = 0; i < 40; i++) {
		struct node *p = nth_para(c, (int)i);
		gsize half = strlen(p->first->text) / 2;

		/* A mark at the start, then one at a word half-way through. */
		while (p->first->text[half] != ' ')
			half++;
		marks[2 * i] = add_mark(ie, c, NULL, p, 0);
		marks[2 * i + 1] = add_mark(ie, c, NULL, p, (guint)half + 1);
	}
	lay(&l, e, "k.pdf");
	folios = pagemap_folios(&l.pm, e);
	for (i = 0; i < G_N_ELEMENTS(marks); i++)
		ck_assert_int_gt(index_mark_number(folios, marks[i]), 0);
	saved = g_strconcat(l.path, ".pages", NULL);
	ck_assert(pagemap_save(&l.pm, e, "key-1", saved, NULL));
	pagemap_init(&back);
	ck_assert(pagemap_load(&back, e, "key-1", saved));
	again = pagemap_folios(&back, e);
	for (i = 0; i < G_N_ELEMENTS(marks); i++)
		ck_assert_int_eq(index_mark_number(again, marks[i]),
		    index_mark_number(folios, marks[i]));
	pagemap_release(&back);
	/*
	 * A map of many lines, written as it is made in steps of some
	 * pages: every line comes back, in its order.
	 */
	n = l.pm.starts->len;
	for (i = 0; i < 20000; i++) {
		struct linestart ls = g_array_index(l.pm.starts,
		    struct linestart, i % n);

		ls.offset += i;
		g_array_append_val(l.pm.starts, ls);
	}
	ck_assert(pagemap_save(&l.pm, e, "key-1", saved, NULL));
	pagemap_init(&back);
	ck_assert(pagemap_load(&back, e, "key-1", saved));
	ck_assert_uint_eq(back.starts->len, l.pm.starts->len);
	for (i = 0; i < back.starts->len; i++) {
		const struct linestart *a = &g_array_index(back.starts,
		    struct linestart, i), *b = &g_array_index(l.pm.starts,
		    struct linestart, i);

		ck_assert(a->block == b->block && a->offset == b->offset &&
		    a->page == b->page);
	}
	pagemap_release(&back);
	/* Where it cannot be written, saving says so. */
	ck_assert(!pagemap_save(&l.pm, e, "key-1", "/nonexistent/k.pages",
	    &err));
	ck_assert_ptr_nonnull(strstr(err->message, "cannot write"));
	g_clear_error(&err);
	pagemap_init(&back);
	ck_assert(!pagemap_load(&back, e, "key-2", saved));
	ck_assert_uint_eq(back.labels->len, 0);
	/* A text with fewer paragraphs than the lines name. */
	c = g_ptr_array_index(other->chapters, 0);
	while (c->doc->first->next != NULL)
		node_free(c->doc->last);
	ck_assert(!pagemap_load(&back, other, "key-1", saved));
	ck_assert_uint_eq(back.starts->len, 0);
	pagemap_release(&back);
	g_array_unref(again);
	g_array_unref(folios);
	g_remove(saved);
	g_free(saved);
	laid_release(&l);
	edition_free(other);
	edition_free(e);
}
END_TEST

/*
 * A kept layout that is damaged, cut short or made by hand is not
 * read: each such file leaves the map empty, and nothing crashes.
 */
START_TEST(test_page_map_bad_files)
{
	struct edition *e = proof_sample();
	char *saved, *good, *bad, *big;
	const char *cut;
	struct pagemap back;
	struct laid l;
	guint i;

	lay(&l, e, "b.pdf");
	saved = g_strconcat(l.path, ".pages", NULL);
	ck_assert(pagemap_save(&l.pm, e, "k", saved, NULL));
	ck_assert(g_file_get_contents(saved, &good, NULL, NULL));
	cut = strstr(good, "\nline ");
	ck_assert_ptr_nonnull(cut);
	big = g_strnfill(300, 'x');
	{
		char *cases[] = {
			g_strdup(""),
			g_strdup("octavo pages 1\n"),
			g_strdup("octavo pages 1\nkey k\nend 0 0\n"),
			/* no end line */
			g_strndup(good, (gsize)(strstr(good, "end ") - good)),
			/* a line before the labels */
			g_strdup_printf("octavo pages 1\nkey k\n%s", cut + 1),
			/* numbers that do not fit, or are not numbers */
			g_strdup_printf("%.*s\nline one text 0 0 4294967297%s",
			    (int)(cut - good), good, cut),
			g_strdup_printf("%.*s\nline one text -1 0 1%s",
			    (int)(cut - good), good, cut),
			g_strdup_printf("%.*s\nline one text 0 4294967296 1%s",
			    (int)(cut - good), good, cut),
			g_strdup_printf("%.*s\nline one text 0 0 1junk%s",
			    (int)(cut - good), good, cut),
			g_strdup_printf("%.*s\nline %s text 0 0 1%s",
			    (int)(cut - good), good, big, cut),
			/* a blank line, then the rest */
			g_strdup_printf("%.*s\n%s", (int)(cut - good), good, cut),
			/* something after the end */
			g_strconcat(good, "label x\n", NULL),
		};

		for (i = 0; i < G_N_ELEMENTS(cases); i++) {
			ck_assert(g_file_set_contents(saved, cases[i], -1,
			    NULL));
			pagemap_init(&back);
			ck_assert_msg(!pagemap_load(&back, e, "k", saved),
			    "case %u was read", i);
			ck_assert_uint_eq(back.labels->len, 0);
			ck_assert_uint_eq(back.starts->len, 0);
			pagemap_release(&back);
			g_free(cases[i]);
		}
	}
	/* The good file reads; a directory where it should be does not. */
	ck_assert(g_file_set_contents(saved, good, -1, NULL));
	pagemap_init(&back);
	ck_assert(pagemap_load(&back, e, "k", saved));
	ck_assert_uint_eq(back.labels->len, l.pm.labels->len);
	pagemap_release(&back);
	g_remove(saved);
	bad = g_strdup(saved);
	ck_assert_int_eq(g_mkdir(bad, 0700), 0);
	pagemap_init(&back);
	ck_assert(!pagemap_load(&back, e, "k", bad));
	pagemap_release(&back);
	g_rmdir(bad);
	g_free(bad);
	g_free(big);
	g_free(good);
	g_free(saved);
	laid_release(&l);
	edition_free(e);
}
END_TEST

Suite *
pdf_index_suite(void)
{
	Suite *s = suite_create("pdf index");
	TCase *tc = tcase_create("index");

	/* Each test writes whole PDFs and runs poppler over them. */
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_index_of_names);
	tcase_add_test(tc, test_front_matter_alone);
	tcase_add_test(tc, test_page_map_kept);
	tcase_add_test(tc, test_page_map_bad_files);
	suite_add_tcase(s, tc);
	return s;
}
