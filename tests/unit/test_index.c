/*
 * test_index.c — the index stage on editions built by hand: places in
 * headings, quotations and notes, the report, the EPUB's index document
 * and its anchors in the text, and the manifest's 'names' key.  What the stage makes of a text and a
 * list (marks, references, sub-headings, rules by chapter and line,
 * collation, the plain-text index) is held to tests/data/index/ and
 * tests/data/model/index-*.
 */
#include <string.h>

#include <glib/gstdio.h>

#include "epub/epub.h"
#include "fixture.h"
#include "index/index.h"
#include "read/manifest.h"
#include "suites.h"

/* Appends a paragraph (or heading) of one text node at file:line. */
static struct node *
para(struct node *parent, enum node_type type, const char *file, int line,
    const char *text)
{
	struct srcpos pos = { file, line, 1 };
	struct node *p = node_new(type, pos);

	if (type == NODE_HEADING)
		p->as.heading.level = 2;
	node_append(parent, p);
	node_append(p, node_new_text(NODE_TEXT, pos, text, -1));
	return p;
}

static struct chapter *
chapter(struct edition *e, const char *id, const char *path)
{
	struct chapter *c = chapter_new(id);
	struct srcpos pos = { path, 1, 1 };

	c->path = path;
	c->meta.title = g_strdup(id);
	c->doc = node_new(NODE_DOCUMENT, pos);
	g_ptr_array_add(e->chapters, c);
	return c;
}

static struct edition *
edition(void)
{
	struct edition *e = edition_new();

	e->meta.title = g_strdup("Essays");
	e->editor = g_strdup("The Editors");
	e->language = g_strdup("en");
	e->identifier = g_strdup("urn:uuid:0b1c6f0e-6a53-4c4b-9d42-0f3b7f2ad001");
	return e;
}

/* Runs the stage on e with the list text, which must parse. */
static void
run(struct edition *e, const char *list, struct index_log *log,
    struct diags *d)
{
	struct names nl;

	names_init(&nl);
	diags_init(d);
	ck_assert_int_eq(names_parse(&nl, "names.txt", list, d), 0);
	index_names(e, &nl, log, d);
	names_release(&nl);
}

/* A text node's text with each mark as "[heading]" where it falls. */
static void
text_marked(GString *s, const struct node *t)
{
	const struct index_mark *const *m;
	gsize done = 0;

	for (m = node_marks(t); *m != NULL; m++) {
		g_string_append_len(s, t->text + done,
		    (gssize)((*m)->offset - done));
		g_string_append_printf(s, "[%s]", (*m)->entry->heading);
		done = (*m)->offset;
	}
	g_string_append(s, t->text + done);
}

/* A tree's text with each mark as "[heading]" before its name. */
static char *
dump(struct node *root)
{
	GString *s = g_string_new(NULL);
	struct iter it;

	iter_init(&it, root);
	while (iter_next(&it) != ITER_NONE) {
		if (it.ev != ITER_ENTER)
			continue;
		if (it.cur->type == NODE_TEXT)
			text_marked(s, it.cur);
		else if (it.cur->type == NODE_PARAGRAPH && s->len > 0)
			g_string_append_c(s, '/');
	}
	return g_string_free(s, FALSE);
}

#define assert_dump(root, want) assert_made(dump(root), want)

/* The index entry with heading h, at the top level or under another. */
static struct index_entry *
entry(const struct edition *e, const char *h)
{
	guint i, k;

	for (i = 0; i < e->index->len; i++) {
		struct index_entry *ie = g_ptr_array_index(e->index, i);

		if (strcmp(ie->heading, h) == 0)
			return ie;
		for (k = 0; k < ie->subs->len; k++)
			if (strcmp(((struct index_entry *)g_ptr_array_index(
			    ie->subs, k))->heading, h) == 0)
				return g_ptr_array_index(ie->subs, k);
	}
	ck_abort_msg("no entry '%s'", h);
	return NULL;
}

static const char list[] =
    "Trotsky, Leon (1879–1940)\n"
    "    forms: Lev Trotsky\n"
    "    see also: Sedov, Leon\n"
    "    - papers\n"
    "        forms: Trotsky papers\n"
    "Sedov, Leon\n"
    "    forms: Sedov\n"
    "Sedov, Sergei\n"
    "    in chimes: Sergei\n"
    "Zinoviev, Grigory\n"
    "Radomylski, Gregori Y.\n"
    "    see: Zinoviev, Grigory\n"
    "Stalin, Joseph\n"
    "Deutscher, Isaac\n"
    "Smirnov, Ivan Nikitich\n"
    "    forms: Smirnov\n"
    "Smirnov, Alexander Petrovich\n"
    "    forms: A.P. Smirnov\n"
    "    at bloc:66#3: Smirnov\n"
    "Nobody, Here\n"
    "! not names\n"
    "    forms: Institut Léon Trotsky\n";

/* Headings and quotations are numbered as paragraphs; notes by number. */
START_TEST(test_headings_quotes_notes)
{
	struct edition *e = edition();
	struct chapter *c = chapter(e, "a", "src/a.txt");
	struct note *n = note_new(3, "3", c->doc->pos);
	struct node *q = node_new(NODE_BLOCKQUOTE, c->doc->pos);
	const struct index_mark *m;
	struct diags d;

	g_strlcpy(n->mark, "3", sizeof(n->mark));
	g_ptr_array_add(c->notes, n);
	para(c->doc, NODE_HEADING, "src/a.txt", 1, "Stalin’s purge");
	node_append(c->doc, q);
	para(q, NODE_PARAGRAPH, "src/a.txt", 2, "Zinoviev wrote:");
	para(n->body, NODE_PARAGRAPH, "src/a.txt", 9, "See Deutscher.");
	para(n->body, NODE_PARAGRAPH, "src/a.txt", 9, "And Deutscher again.");
	run(e, list, NULL, &d);
	m = g_ptr_array_index(entry(e, "Stalin, Joseph")->marks, 0);
	ck_assert_int_eq(m->para, 1);
	m = g_ptr_array_index(entry(e, "Zinoviev, Grigory")->marks, 0);
	ck_assert_int_eq(m->para, 2);
	m = g_ptr_array_index(entry(e, "Deutscher, Isaac")->marks, 1);
	ck_assert_ptr_eq(m->note, n);
	ck_assert_int_eq(m->para, 2);
	/* One note is one place, whatever its paragraphs. */
	ck_assert(index_mark_same_place(g_ptr_array_index(entry(e,
	    "Deutscher, Isaac")->marks, 0), m));
	assert_dump(n->body, "See [Deutscher, Isaac]Deutscher./And "
	    "[Deutscher, Isaac]Deutscher again.");
	edition_free(e);
	diags_release(&d);
}
END_TEST

/* The report: unmatched headings, shared forms, and candidates. */
START_TEST(test_report)
{
	struct edition *e = edition();
	struct chapter *c = chapter(e, "bloc", "src/broue.txt");
	struct index_log log;
	struct diags d;
	GString *all = g_string_new(NULL);
	guint i;

	para(c->doc, NODE_PARAGRAPH, "src/broue.txt", 66, "Smirnov met "
	    "P.A. Galkin in Moscow, and Galkin met Trotskyists in Moscow. "
	    "Grigori I. Brilliant, known as Sokolnikov, was there.");
	index_log_init(&log);
	run(e, list, &log, &d);
	ck_assert_int_eq(log.marks, 1);
	for (i = 0; i < log.unmatched->len; i++)
		g_string_append_printf(all, "%s\n", (char *)g_ptr_array_index(
		    log.unmatched, i));
	ck_assert_ptr_nonnull(strstr(all->str, "names.txt:20: Nobody, Here\n"));
	ck_assert_ptr_nonnull(strstr(all->str, "names.txt:4: Trotsky, Leon — "
	    "papers\n"));
	g_string_truncate(all, 0);
	for (i = 0; i < log.ambiguous->len; i++)
		g_string_append_printf(all, "%s\n", (char *)g_ptr_array_index(
		    log.ambiguous, i));
	ck_assert_ptr_nonnull(strstr(all->str, "\"Smirnov\":\n      1× "
	    "Smirnov, Ivan Nikitich (forms:, the default), first "
	    "src/broue.txt:66\n"));
	g_string_truncate(all, 0);
	for (i = 0; i < log.candidates->len; i++)
		g_string_append_printf(all, "%s\n", (char *)g_ptr_array_index(
		    log.candidates, i));
	ck_assert_msg(g_str_has_prefix(all->str, "Sokolnikov "), "%s", all->str);
	ck_assert_ptr_nonnull(strstr(all->str, "after \"known as\""));
	ck_assert_ptr_nonnull(strstr(all->str, "\nGalkin "));
	ck_assert_ptr_nonnull(strstr(all->str, "\nBrilliant, Grigori I. "));
	ck_assert_ptr_nonnull(strstr(all->str, "# 1×, first src/broue.txt:66"));
	ck_assert_ptr_null(strstr(all->str, "Moscow"));
	ck_assert_ptr_null(strstr(all->str, "Trotskyists"));
	g_string_free(all, TRUE);
	index_log_release(&log);
	edition_free(e);
	diags_release(&d);
}
END_TEST

static void
assert_well_formed(const char *name, const char *xml)
{
	static const GMarkupParser none = { 0 };
	GMarkupParseContext *ctx = g_markup_parse_context_new(&none, 0, NULL,
	    NULL);
	GError *err = NULL;

	ck_assert_msg(g_markup_parse_context_parse(ctx, xml, -1, &err) &&
	    g_markup_parse_context_end_parse(ctx, &err), "%s: %s", name,
	    err != NULL ? err->message : "");
	g_markup_parse_context_free(ctx);
}

#define assert_has(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) != NULL, \
	    "expected \"%s\" in:\n%s", (needle), (hay))

/* The offsets of a text's marks, and their entries' headings. */
static char *
marks_of(const struct node *t)
{
	const struct index_mark *const *m;
	GString *s = g_string_new(NULL);

	for (m = node_marks(t); *m != NULL; m++)
		g_string_append_printf(s, "%s%u %s", s->len > 0 ? "; " : "",
		    (*m)->offset, (*m)->entry->heading);
	return g_string_free(s, FALSE);
}

#define assert_marks(t, want) assert_made(marks_of(t), want)

/*
 * A name is marked where it begins in its text, which stays one node,
 * whole: two names in one text (one at its start), a name in emphasis
 * and in a link, and in a note's body.  The EPUB anchors each where it
 * falls, if a locator links to it.
 */
START_TEST(test_marks_in_text)
{
	char *dir = fixture_dir();
	char *css = g_build_filename(dir, "epub.css", NULL);
	char *path = g_build_filename(dir, "book.epub", NULL);
	struct edition *e = edition();
	struct chapter *c = chapter(e, "one", "src/a.txt");
	struct note *n = note_new(1, "1", c->doc->pos);
	struct node *p1, *p2, *em, *link, *nt;
	struct srcpos pos = { "src/a.txt", 2, 1 };
	const struct index_mark *m;
	struct diags d;
	char *x;

	g_setenv("SOURCE_DATE_EPOCH", "1700000000", TRUE);
	ck_assert(g_file_set_contents(css, "p {}\n", -1, NULL));
	p1 = para(c->doc, NODE_PARAGRAPH, "src/a.txt", 1,
	    "Sedov and Trotsky met Sedov.");
	p2 = para(c->doc, NODE_PARAGRAPH, "src/a.txt", 2, "Letters of ");
	em = node_new(NODE_EMPH, pos);
	node_append(p2, em);
	node_append(em, node_new_text(NODE_TEXT, pos, "Trotsky", -1));
	node_append(p2, node_new_text(NODE_TEXT, pos, " to ", -1));
	link = node_new(NODE_LINK, pos);
	link->as.link->url = g_strdup("https://example.org/");
	node_append(p2, link);
	node_append(link, node_new_text(NODE_TEXT, pos, "Sedov", -1));
	node_append(p2, node_new_text(NODE_TEXT, pos, ".", -1));
	g_ptr_array_add(c->notes, n);
	n->ref = node_new(NODE_NOTEREF, pos);
	n->ref->as.noteref.note = n;
	node_append(p2, n->ref);
	nt = para(n->body, NODE_PARAGRAPH, "src/a.txt", 9,
	    "Zinoviev, says Deutscher.")->first;
	run(e, list, NULL, &d);
	ck_assert_ptr_eq(p1->first, p1->last);
	ck_assert_str_eq(p1->first->text, "Sedov and Trotsky met Sedov.");
	assert_marks(p1->first, "0 Sedov, Leon; 10 Trotsky, Leon; "
	    "22 Sedov, Leon");
	assert_marks(em->first, "0 Trotsky, Leon");
	assert_marks(link->first, "0 Sedov, Leon");
	assert_marks(nt, "0 Zinoviev, Grigory; 15 Deutscher, Isaac");
	m = node_marks(p1->first)[1];
	ck_assert_ptr_eq(m->text, p1->first);
	ck_assert_int_eq(m->id, 2);
	ck_assert_int_eq(m->para, 1);
	m = node_marks(nt)[1];
	ck_assert_ptr_eq(m->note, n);
	ck_assert_int_eq(m->id, 7);
	assert_dump(c->doc, "[Sedov, Leon]Sedov and [Trotsky, Leon]Trotsky "
	    "met [Sedov, Leon]Sedov./Letters of [Trotsky, Leon]Trotsky to "
	    "[Sedov, Leon]Sedov.");
	ck_assert_int_eq(fixture_epub(e, &(struct epub_options){ css, 0,
	    NULL, NULL, NULL, NULL, NULL }, NULL, path, &d), 0);
	x = fixture_zip_entry(path, "OEBPS/chapter-one.xhtml");
	/* The second Sedov of a paragraph: no locator, so no anchor. */
	assert_has(x, "<p><span id=\"ix-1\"></span>Sedov and <span "
	    "id=\"ix-2\"></span>Trotsky met Sedov.</p>");
	assert_has(x, "<p>Letters of <em><span id=\"ix-4\"></span>Trotsky"
	    "</em> to <a ");
	assert_has(x, "><span id=\"ix-5\"></span>Sedov</a>.");
	assert_has(x, "<span id=\"ix-6\"></span>Zinoviev, says <span "
	    "id=\"ix-7\"></span>Deutscher.");
	g_free(x);
	edition_free(e);
	diags_release(&d);
	g_free(path);
	g_free(css);
	fixture_clean(dir);
}
END_TEST

/* The EPUB's index document: well-formed, typed, linked to the marks. */
START_TEST(test_epub_index_document)
{
	char *dir = fixture_dir();
	char *css = g_build_filename(dir, "epub.css", NULL);
	char *path = g_build_filename(dir, "book.epub", NULL);
	struct edition *e = edition();
	struct chapter *c = chapter(e, "one", "src/a.txt");
	struct diags d;
	char *x;

	g_setenv("SOURCE_DATE_EPOCH", "1700000000", TRUE);
	ck_assert(g_file_set_contents(css, "p {}\n", -1, NULL));
	para(c->doc, NODE_PARAGRAPH, "src/a.txt", 1, "Trotsky & Sedov; "
	    "Radomylski.");
	run(e, list, NULL, &d);
	ck_assert_int_eq(fixture_epub(e, &(struct epub_options){ css, 0, NULL, NULL,
	    NULL, NULL, NULL }, NULL,
	    path, &d), 0);
	x = fixture_zip_entry(path, "OEBPS/index.xhtml");
	ck_assert_ptr_nonnull(x);
	assert_well_formed("index.xhtml", x);
	/* The index a section, with the role a body cannot take. */
	assert_has(x, "<body epub:type=\"backmatter\">\n<header>\n"
	    "<h1 id=\"index-title\">Index of Names</h1>\n</header>\n"
	    "<section id=\"index\" class=\"index\" epub:type=\"index\" "
	    "role=\"doc-index\" aria-labelledby=\"index-title\">\n");
	assert_has(x, "<section class=\"index-group\" "
	    "epub:type=\"index-group\">\n<h2>T</h2>\n"
	    "<ul epub:type=\"index-entry-list\">\n");
	assert_has(x, "<li epub:type=\"index-entry\" id=\"ixe-");
	assert_has(x, "<span epub:type=\"index-term\">Trotsky, Leon</span> "
	    "<span class=\"gloss\">(1879–1940)</span>, <a epub:type=\""
	    "index-locator\" href=\"chapter-one.xhtml#ix-1\">one \xc2\xb6\xc2\xa0"
	    "1</a>. <span epub:type=\"index-xref-related\">See also <a "
	    "epub:type=\"index-term\" href=\"#ixe-");
	assert_has(x, "Radomylski, Gregori Y.</span> <span epub:type=\""
	    "index-xref-preferred\">See <a epub:type=\"index-term\"");
	g_free(x);
	x = fixture_zip_entry(path, "OEBPS/chapter-one.xhtml");
	assert_has(x, "<p><span id=\"ix-1\"></span>Trotsky &amp; <span "
	    "id=\"ix-2\"></span>Sedov; <span id=\"ix-3\"></span>Radomylski.</p>");
	g_free(x);
	x = fixture_zip_entry(path, "OEBPS/content.opf");
	assert_has(x, "<item id=\"index\" href=\"index.xhtml\" media-type=\""
	    "application/xhtml+xml\" properties=\"index\"/>");
	assert_has(x, "<itemref idref=\"index\"/>");
	g_free(x);
	x = fixture_zip_entry(path, "OEBPS/nav.xhtml");
	assert_has(x, "<a href=\"index.xhtml\" epub:type=\"index\">");
	assert_well_formed("nav.xhtml", x);
	g_free(x);
	edition_free(e);
	diags_release(&d);
	g_free(path);
	g_free(css);
	fixture_clean(dir);
}
END_TEST

/*
 * A book of two chapters, the first opening with first (if not NULL),
 * made into an EPUB in dir; returns the page of the chapter named id.
 */
static char *
anchored_page(const char *dir, const char *first, const char *id)
{
	char *css = g_build_filename(dir, "epub.css", NULL);
	char *path = g_build_filename(dir, "book.epub", NULL);
	char *file = g_strdup_printf("OEBPS/chapter-%s.xhtml", id);
	struct edition *e = edition();
	struct chapter *one = chapter(e, "one", "src/a.txt");
	struct chapter *two = chapter(e, "two", "src/b.txt");
	struct diags d;
	char *x;

	ck_assert(g_file_set_contents(css, "p {}\n", -1, NULL));
	if (first != NULL)
		para(one->doc, NODE_PARAGRAPH, "src/a.txt", 1, first);
	para(one->doc, NODE_PARAGRAPH, "src/a.txt", 2, "Trotsky met Trotsky.");
	para(two->doc, NODE_PARAGRAPH, "src/b.txt", 1, "Sedov and Trotsky.");
	run(e, list, NULL, &d);
	ck_assert_int_eq(fixture_epub(e, &(struct epub_options){ css, 0, NULL, NULL,
	    NULL, NULL, NULL }, NULL,
	    path, &d), 0);
	x = fixture_zip_entry(path, file);
	ck_assert_ptr_nonnull(x);
	edition_free(e);
	diags_release(&d);
	g_free(file);
	g_free(path);
	g_free(css);
	return x;
}

/*
 * An anchor only where a locator links (one per place: the second
 * "Trotsky" of a paragraph gets none), with an id counted in its own
 * chapter, which a paragraph more in another chapter leaves as it was.
 */
START_TEST(test_epub_index_anchors)
{
	char *dir = fixture_dir();
	char *one, *two, *again;

	g_setenv("SOURCE_DATE_EPOCH", "1700000000", TRUE);
	one = anchored_page(dir, NULL, "one");
	assert_has(one, "<p><span id=\"ix-1\"></span>Trotsky met Trotsky.</p>");
	two = anchored_page(dir, NULL, "two");
	assert_has(two, "<p><span id=\"ix-1\"></span>Sedov and <span "
	    "id=\"ix-2\"></span>Trotsky.</p>");
	again = anchored_page(dir, "Sedov came first.", "two");
	ck_assert_str_eq(two, again);
	g_free(one);
	g_free(two);
	g_free(again);
	fixture_clean(dir);
}
END_TEST

/* 'names' in [edition], or names.txt beside the manifest, or none. */
START_TEST(test_manifest_names)
{
	static const char head[] = "[edition]\ntitle = T\neditor = E\n"
	    "language = en\nidentifier = urn:uuid:1\n";
	char *text = g_strconcat(head, "[chapter a]\nsource = a.txt\n", NULL);
	char *path = fixture_file("edition.ini", text, -1);
	char *dir = g_path_get_dirname(path), *txt;
	struct manuscript *ms;
	struct diags d;

	diags_init(&d);
	ms = manifest_read(path, &d);
	ck_assert_ptr_null(ms->names);
	manuscript_free(ms);
	txt = g_build_filename(dir, "names.txt", NULL);
	ck_assert(g_file_set_contents(txt, "Trotsky, Leon\n", -1, NULL));
	ms = manifest_read(path, &d);
	ck_assert_str_eq(ms->names, txt);
	manuscript_free(ms);
	g_free(text);
	fixture_remove(path);
	text = g_strconcat(head, "names = missing.txt\n[chapter a]\n"
	    "source = a.txt\n", NULL);
	path = fixture_file("edition.ini", text, -1);
	ck_assert_ptr_null(manifest_read(path, &d));
	ck_assert_int_eq(fixture_diags_matching(&d, "no list of names at"), 1);
	ck_assert_int_eq(g_array_index(d.list, struct diag, 0).pos.line, 6);
	diags_release(&d);
	g_free(text);
	fixture_remove(path);
	g_free(txt);
	g_free(dir);
}
END_TEST

/*
 * Two chapters naming people, in their text and in a note, marked; the
 * second links back to a heading of the first.
 */
static struct edition *
named_book(void)
{
	struct edition *e = edition();
	const char *id[] = { "one", "two" };
	struct node *heading = NULL, *link;
	struct diags d;
	guint i;

	for (i = 0; i < G_N_ELEMENTS(id); i++) {
		struct chapter *c = chapter(e, id[i], "src/a.txt");
		struct note *n = note_new(1, "1", c->doc->pos);
		struct node *p = para(c->doc, NODE_PARAGRAPH, "src/a.txt", 1,
		    "Sedov and Trotsky met Sedov.");

		g_ptr_array_add(c->notes, n);
		n->ref = node_new(NODE_NOTEREF, c->doc->pos);
		n->ref->as.noteref.note = n;
		node_append(p, n->ref);
		para(n->body, NODE_PARAGRAPH, "src/a.txt", 9,
		    "Zinoviev, says Deutscher.");
		if (heading == NULL) {
			para(c->doc, NODE_HEADING, "src/a.txt", 3, "First");
			heading = para(c->doc, NODE_HEADING, "src/a.txt", 5,
			    "Second");
			continue;
		}
		link = node_new(NODE_LINK, c->doc->pos);
		link->as.link->url = g_strdup("one.md#second");
		link->as.link->chapter = g_ptr_array_index(e->chapters, 0);
		link->as.link->heading = heading;
		node_append(p, link);
		node_append(link, node_new_text(NODE_TEXT, c->doc->pos,
		    "back", -1));
	}
	run(e, list, NULL, &d);
	diags_release(&d);
	return e;
}

/* What epub_options' rendered was told, and the edition it lets go of. */
struct rendering {
	struct edition	*e;
	GString		*told;
};

static void
let_go(guint chapter, void *arg)
{
	struct rendering *r = arg;
	struct chapter *c = g_ptr_array_index(r->e->chapters, chapter);

	g_string_append_printf(r->told, "%u;", chapter);
	ck_assert_ptr_nonnull(c->doc);
	chapter_release_text(c);
}

/* How many marks the headings and sub-headings hold, and how many of
 * them have a text. */
static void
count_marks(const struct edition *e, guint *marks, guint *texts)
{
	GPtrArray *all = index_headings(e);
	guint i, j;

	*marks = *texts = 0;
	for (i = 0; i < all->len; i++) {
		const struct index_entry *ie = g_ptr_array_index(all, i);

		for (j = 0; j < ie->marks->len; j++) {
			const struct index_mark *m = g_ptr_array_index(
			    ie->marks, j);

			++*marks;
			*texts += m->text != NULL;
		}
	}
	g_ptr_array_free(all, TRUE);
}

/*
 * A long book's EPUB lets go of each chapter's text as it is rendered:
 * the EPUB is the same, byte for byte, as one made with the text kept
 * (a link back to a heading of a chapter let go of among it);
 * each chapter is told once, in order, and after it has no text, its
 * marks kept without theirs until edition_release_text frees them, from
 * the chapter it is given on.
 */
START_TEST(test_text_let_go_as_rendered)
{
	char *dir = fixture_dir();
	char *css = g_build_filename(dir, "epub.css", NULL);
	char *kept = g_build_filename(dir, "kept.epub", NULL);
	char *freed = g_build_filename(dir, "freed.epub", NULL);
	struct edition *e = named_book();
	struct rendering r = { named_book(), g_string_new(NULL) };
	char *a, *b;
	gsize na, nb;
	guint marks, texts, all;
	struct diags d;

	g_setenv("SOURCE_DATE_EPOCH", "1700000000", TRUE);
	ck_assert(g_file_set_contents(css, "p {}\n", -1, NULL));
	diags_init(&d);
	ck_assert_int_eq(fixture_epub(e, &(struct epub_options){ css, 0,
	    NULL, NULL, NULL, NULL, NULL }, NULL, kept, &d), 0);
	ck_assert_int_eq(fixture_epub(r.e, &(struct epub_options){ css, 0,
	    NULL, NULL, let_go, &r, NULL }, NULL, freed, &d), 0);
	ck_assert_str_eq(r.told->str, "0;1;");
	ck_assert(g_file_get_contents(kept, &a, &na, NULL));
	ck_assert(g_file_get_contents(freed, &b, &nb, NULL));
	ck_assert_uint_eq(na, nb);
	ck_assert_msg(memcmp(a, b, na) == 0, "the two EPUBs differ");
	g_free(a);
	a = fixture_zip_entry(freed, "OEBPS/chapter-two.xhtml");
	ck_assert_msg(strstr(a, "href=\"chapter-one.xhtml#s-2\"") != NULL,
	    "no link to the second heading of chapter one in:\n%s", a);
	count_marks(r.e, &all, &texts);
	ck_assert_uint_eq(all, 10);
	ck_assert_uint_eq(texts, 0);
	ck_assert_ptr_null(((struct note *)g_ptr_array_index(((struct chapter *)
	    g_ptr_array_index(r.e->chapters, 1))->notes, 0))->body);
	edition_release_text(r.e, 1);
	count_marks(r.e, &marks, &texts);
	ck_assert_uint_eq(marks, all / 2);
	edition_release_text(r.e, 0);
	count_marks(r.e, &marks, &texts);
	ck_assert_uint_eq(marks, 0);
	g_free(a);
	g_free(b);
	g_string_free(r.told, TRUE);
	edition_free(r.e);
	edition_free(e);
	diags_release(&d);
	g_free(kept);
	g_free(freed);
	g_free(css);
	fixture_clean(dir);
}
END_TEST

Suite *
index_suite(void)
{
	Suite *s = suite_create("index");
	TCase *tc = tcase_create("index");

	tcase_add_test(tc, test_headings_quotes_notes);
	tcase_add_test(tc, test_marks_in_text);
	tcase_add_test(tc, test_report);
	tcase_add_test(tc, test_epub_index_document);
	tcase_add_test(tc, test_epub_index_anchors);
	tcase_add_test(tc, test_manifest_names);
	tcase_add_test(tc, test_text_let_go_as_rendered);
	suite_add_tcase(s, tc);
	return s;
}
