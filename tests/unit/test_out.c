/*
 * test_out.c — what every output derives from the model (src/out/): the
 * people of the book and the bylines, titles and labels, the imprint's
 * line on the edition and the sources it cites, an index's letters and page numbers, the words.
 */
#include <string.h>

#include "fixture.h"
#include "out/cite.h"
#include "out/credits.h"
#include "out/digest.h"
#include "out/kept.h"
#include "out/matter.h"
#include "out/reuse.h"
#include "out/sink.h"
#include "out/indexing.h"
#include "out/titles.h"
#include "out/words.h"
#include "suites.h"

/* A chapter id of e by author (NULL: none), from the file path. */
static struct chapter *
by(struct edition *e, const char *id, const char *author, const char *path)
{
	struct chapter *c = fixture_chapter(e, id, id);

	c->meta.author = g_strdup(author);
	c->path = path;
	return c;
}

/* The names of a list, joined with '|'. */
static char *
listed(const GPtrArray *names)
{
	GString *s = g_string_new(NULL);
	guint i;

	for (i = 0; i < names->len; i++)
		g_string_append_printf(s, "%s|",
		    (const char *)g_ptr_array_index(names, i));
	return g_string_free(s, FALSE);
}

#define assert_names(list, want) assert_made(listed(list), want)

/* Each author once, however many chapters name them, in reading order. */
START_TEST(test_credits_once)
{
	struct edition *e = edition_new();
	struct credits cr;
	char *s;

	e->editor = g_strdup("Eve Editor and Ed Other");
	by(e, "a", "Ann Smith and Bob Jones", "a.txt");
	by(e, "b", "Ann Smith", "b.txt");
	by(e, "c", NULL, "c.txt")->meta.translator = g_strdup("Tom Trans");
	by(e, "d", "Cy Young and Ann Smith", "d.txt");
	credits_init(&cr, e);
	assert_names(cr.authors, "");
	assert_names(cr.editors, "Eve Editor|Ed Other|");
	assert_names(cr.contributors, "Ann Smith|Bob Jones|Cy Young|");
	assert_names(cr.translators, "Tom Trans|");
	ck_assert(credits_anthology(&cr));
	ck_assert_ptr_eq(credits_by(&cr), cr.contributors);
	s = credits_line(WORD_TEXTS_BY, cr.contributors);
	ck_assert_str_eq(s, "With texts by Ann Smith, Bob Jones and Cy Young");
	g_free(s);
	ck_assert_str_eq(credits_byline(&cr, g_ptr_array_index(e->chapters,
	    1)), "Ann Smith");
	ck_assert_ptr_null(credits_byline(&cr, g_ptr_array_index(e->chapters,
	    2)));
	ck_assert_ptr_null(credits_line(WORD_BY, cr.authors));
	credits_release(&cr);
	edition_free(e);
}
END_TEST

/* The book's author is not a contributor, and its chapters no byline. */
START_TEST(test_credits_book_author)
{
	struct edition *e = edition_new();
	struct credits cr;

	e->meta.author = g_strdup("Ann Smith");
	by(e, "a", "Ann Smith", "a.txt");
	by(e, "b", "Ann Smith and Bob Jones", "b.txt");
	by(e, "c", NULL, "c.txt");
	credits_init(&cr, e);
	assert_names(cr.authors, "Ann Smith|");
	assert_names(cr.contributors, "Bob Jones|");
	ck_assert_ptr_eq(credits_by(&cr), cr.authors);
	ck_assert_ptr_null(credits_byline(&cr, g_ptr_array_index(e->chapters,
	    0)));
	ck_assert_str_eq(credits_byline(&cr, g_ptr_array_index(e->chapters,
	    1)), "Ann Smith and Bob Jones");
	credits_release(&cr);
	g_ptr_array_set_size(e->chapters, 2);
	g_ptr_array_remove_index(e->chapters, 1);
	credits_init(&cr, e);
	ck_assert(!credits_anthology(&cr));
	credits_release(&cr);
	edition_free(e);
}
END_TEST

/*
 * The book's translator comes first among the translators; a chapter
 * prints "Translated by" only for someone the title page does not name.
 */
START_TEST(test_credits_translators)
{
	struct edition *e = edition_new();
	struct credits cr;
	char *s;

	e->translator = g_strdup("Tess Turner");
	by(e, "a", NULL, "a.txt")->meta.translator = g_strdup("Tess Turner");
	by(e, "b", NULL, "b.txt")->meta.translator = g_strdup("Otto Other");
	by(e, "c", NULL, "c.txt");
	credits_init(&cr, e);
	assert_names(cr.book_translators, "Tess Turner|");
	assert_names(cr.translators, "Tess Turner|Otto Other|");
	ck_assert_ptr_null(credits_translation(&cr,
	    g_ptr_array_index(e->chapters, 0)));
	s = credits_translation(&cr, g_ptr_array_index(e->chapters, 1));
	ck_assert_str_eq(s, "Translated by Otto Other");
	g_free(s);
	ck_assert_ptr_null(credits_translation(&cr,
	    g_ptr_array_index(e->chapters, 2)));
	credits_release(&cr);
	edition_free(e);
}
END_TEST

START_TEST(test_file_as)
{
	static const char *const names[][2] = {
		{ "Leo Tolstoy", "Tolstoy, Leo" },
		{ "Harriet  Martineau ", "Martineau, Harriet" },
		{ "Ludwig van Beethoven", "Beethoven, Ludwig van" },
		{ "Martin Luther King Jr.", "King, Martin Luther, Jr." },
		{ "Voltaire", "Voltaire" },
		{ "Smith, Ann", "Smith, Ann" },
		{ "The Pamphlet  Editors", "Pamphlet Editors, The" },
	};
	guint i;

	for (i = 0; i < G_N_ELEMENTS(names); i++) {
		char *s = credits_file_as(names[i][0]);

		ck_assert_str_eq(s, names[i][1]);
		g_free(s);
	}
}
END_TEST

/*
 * The imprint's line on the edition, from what the manifest gives, and
 * its identifier only when a reader can cite it: an ISBN.
 */
START_TEST(test_published)
{
	struct edition *e = edition_new();
	char *s;

	ck_assert_ptr_null(cite_published(e));
	e->date = g_strdup("1999");
	s = cite_published(e);
	ck_assert_str_eq(s, "Published 1999.");
	g_free(s);
	e->publisher = g_strdup("Lantern Press");
	s = cite_published(e);
	ck_assert_str_eq(s, "Published by Lantern Press, 1999.");
	g_free(s);
	g_clear_pointer(&e->date, g_free);
	s = cite_published(e);
	ck_assert_str_eq(s, "Published by Lantern Press.");
	g_free(s);
	e->identifier = g_strdup("urn:uuid:0b1c6f0e-6a53-4c4b-9d42-0f3b7f2ad001");
	ck_assert_ptr_null(cite_isbn(e));
	g_free(e->identifier);
	e->identifier = g_strdup("urn:isbn:9780000000002");
	s = cite_isbn(e);
	ck_assert_str_eq(s, "ISBN 9780000000002");
	g_free(s);
	edition_free(e);
}
END_TEST

/* A title, else the label, else the id; the label beside it in contents. */
START_TEST(test_titles)
{
	struct edition *e = edition_new();
	struct chapter *c = fixture_chapter(e, "one", "The Title");
	char *s;

	ck_assert_str_eq(title_of(c), "The Title");
	ck_assert_ptr_null(title_label(c));
	s = title_contents(c);
	ck_assert_str_eq(s, "The Title");
	g_free(s);
	c->meta.label = g_strdup("Chapter I");
	ck_assert_str_eq(title_label(c), "Chapter I");
	s = title_contents(c);
	ck_assert_str_eq(s, "Chapter I: The Title");
	g_free(s);
	g_free(c->meta.label);
	c->meta.label = g_strdup("IV");
	s = title_contents(c);
	ck_assert_str_eq(s, "IV. The Title");
	g_free(s);
	g_free(c->meta.label);
	c->meta.label = g_strdup("I.");
	s = title_contents(c);
	ck_assert_str_eq(s, "I. The Title");
	g_free(s);
	g_clear_pointer(&c->meta.title, g_free);
	ck_assert_str_eq(title_of(c), "I.");
	ck_assert_ptr_null(title_label(c));
	g_clear_pointer(&c->meta.label, g_free);
	ck_assert_str_eq(title_of(c), "one");
	edition_free(e);
}
END_TEST

/* Verso: the byline, else the book's author, else its title. */
START_TEST(test_running_heads)
{
	struct edition *e = edition_new();
	struct chapter *a = by(e, "a", "Bob Jones", "a.txt");
	struct chapter *b = by(e, "b", NULL, "b.txt");
	struct credits cr;
	char *s;

	e->meta.title = g_strdup("The Book");
	credits_init(&cr, e);
	s = title_running(e, &cr, a, 1);
	ck_assert_str_eq(s, "Bob Jones");
	g_free(s);
	s = title_running(e, &cr, b, 1);
	ck_assert_str_eq(s, "The Book");
	g_free(s);
	s = title_running(e, &cr, b, 0);
	ck_assert_str_eq(s, "b");
	g_free(s);
	s = title_running(e, &cr, NULL, 0);
	ck_assert_str_eq(s, "The Book");
	g_free(s);
	credits_release(&cr);
	e->meta.author = g_strdup("Ann Smith");
	credits_init(&cr, e);
	s = title_running(e, &cr, b, 1);
	ck_assert_str_eq(s, "Ann Smith");
	g_free(s);
	credits_release(&cr);
	edition_free(e);
}
END_TEST

/* The entries an imprint lists, joined with '|'. */
static char *
sources(const struct edition *e)
{
	struct credits cr;
	GPtrArray *list;
	GString *s = g_string_new(NULL);
	guint i;

	credits_init(&cr, e);
	list = cite_sources(e, &cr);
	for (i = 0; i < list->len; i++) {
		const struct cited *ct = g_ptr_array_index(list, i);

		g_string_append_printf(s, "%s%s|", ct->entry, ct->published ?
		    " [published]" : "");
	}
	g_ptr_array_free(list, TRUE);
	credits_release(&cr);
	return g_string_free(s, FALSE);
}

#define assert_sources(e, want) assert_made(sources(e), want)

/* An anthology cites every text; a monograph only texts published apart. */
START_TEST(test_sources)
{
	struct edition *e = edition_new();
	struct chapter *a = by(e, "a", "Ann Smith", "a.txt");

	e->meta.title = g_strdup("The Book");
	by(e, "b", "Bob Jones", "b.txt");
	a->meta.source = g_strdup("The Quarterly");
	a->meta.published = g_strdup("1999");
	assert_sources(e, "\xe2\x80\x9c" "a,\xe2\x80\x9d by Ann Smith. The "
	    "Quarterly, 1999. [published]|\xe2\x80\x9c" "b,\xe2\x80\x9d by Bob "
	    "Jones.|");
	e->meta.author = g_strdup("Ann Smith and Bob Jones");
	assert_sources(e, "\xe2\x80\x9c" "a,\xe2\x80\x9d by Ann Smith. The "
	    "Quarterly, 1999. [published]|");
	edition_free(e);
}
END_TEST

/* Chapters from one file: the file once, as the book, if it cites any. */
START_TEST(test_sources_one_file)
{
	struct edition *e = edition_new();
	struct chapter *a = by(e, "a", NULL, "book.txt");

	e->meta.title = g_strdup("The \xe2\x80\x9c" "Book\xe2\x80\x9d");
	e->meta.author = g_strdup("Ann Smith");
	by(e, "b", NULL, "book.txt");
	assert_sources(e, "");
	a->meta.source = g_strdup("London, 1838");
	assert_sources(e, "\xe2\x80\x9cThe \xe2\x80\x98" "Book\xe2\x80\x99,"
	    "\xe2\x80\x9d by Ann Smith. London, 1838. [published]|");
	edition_free(e);
}
END_TEST

START_TEST(test_index_letters)
{
	static const char *const sorts[][2] = {
		{ "Ørsted, Hans", "O" }, { "Élie, Jean", "E" },
		{ "van Heijenoort", "V" }, { "1917 group", "#" },
	};
	guint i;

	for (i = 0; i < G_N_ELEMENTS(sorts); i++) {
		struct index_entry *ie = index_entry_new(sorts[i][0], NULL);

		ck_assert_uint_eq(index_letter(ie), (guint)sorts[i][1][0]);
		index_entry_free(ie);
	}
}
END_TEST

/*
 * A paragraph of c naming Ann Smith, with a mark of ie (in note n),
 * numbered after ie's other marks as the index stage numbers them.
 */
static struct index_mark *
smith(struct index_entry *ie, struct chapter *c, const struct note *n)
{
	struct index_mark *m = index_mark_new(ie, c, n,
	    fixture_para(c->doc, "Ann Smith")->first, 0);

	m->id = (int)ie->marks->len;
	return m;
}

/*
 * Runs of pages named in their text are ranges; a page where the name
 * is only in a note has an n, and ends a range.
 */
START_TEST(test_index_pages)
{
	static const int folios[] = { 45, 46, 47, 50, 112, 112, 113 };
	static const int in_note[] = { 0, 0, 0, 1, 1, 0, 1 };
	struct edition *e = edition_new();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct index_entry *ie = index_entry_new("Smith, Ann", NULL);
	struct note *n = note_new(1, "1", c->doc->pos);
	GArray *folio = g_array_new(FALSE, TRUE, sizeof(gint32));
	GString *out = g_string_new(NULL);
	GArray *links = g_array_new(FALSE, FALSE, sizeof(int));
	guint i;

	g_ptr_array_add(c->notes, n);
	g_ptr_array_add(e->index, ie);
	for (i = 0; i < G_N_ELEMENTS(folios); i++) {
		index_mark_set(folio, smith(ie, c, in_note[i] ? n : NULL),
		    folios[i]);
	}
	ck_assert_int_eq(index_pages(ie, folio, NULL, out, links), 4);
	ck_assert_str_eq(out->str, "45\xe2\x80\x93" "47, 50n, 112, 113n");
	ck_assert_uint_eq(links->len, 3 * 5);
	ck_assert_int_eq(g_array_index(links, int, 3), 47);
	ck_assert(index_printed(e));
	ck_assert_str_eq(index_see_after(ie, 1), ". ");
	g_string_free(out, TRUE);
	g_array_free(links, TRUE);
	g_array_unref(folio);
	edition_free(e);
}
END_TEST

/* What index_pages prints for a name on each of pages, named in the
 * text, shortened as passim says. */
static char *
pages_of(const int *pages, guint n, const struct index_passim *passim)
{
	struct edition *e = edition_new();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct index_entry *ie = index_entry_new("Smith, Ann", NULL);
	GArray *folio = g_array_new(FALSE, TRUE, sizeof(gint32));
	GString *out = g_string_new(NULL);
	guint i;

	g_ptr_array_add(e->index, ie);
	for (i = 0; i < n; i++)
		index_mark_set(folio, smith(ie, c, NULL), pages[i]);
	index_pages(ie, folio, passim, out, NULL);
	g_array_unref(folio);
	edition_free(e);
	return g_string_free(out, FALSE);
}

/*
 * A stretch where the name is on most pages, three groups or more over
 * six pages or more, is "passim"; a page far off stays apart; without
 * passim every page is listed.
 */
START_TEST(test_index_passim)
{
	static const int pages[] = { 10, 11, 13, 15, 16, 18, 40, 41 };
	struct index_passim passim = { 0 };
	char *all = pages_of(pages, G_N_ELEMENTS(pages), NULL);
	char *cut = pages_of(pages, G_N_ELEMENTS(pages), &passim);
	char *few = pages_of(pages, 3, &passim);

	ck_assert_str_eq(all, "10\xe2\x80\x93" "11, 13, 15\xe2\x80\x93" "16, 18, "
	    "40\xe2\x80\x93" "41");
	ck_assert_str_eq(cut, "10\xe2\x80\x93" "18 passim, 40\xe2\x80\x93" "41");
	/* Under six pages: as they are. */
	ck_assert_str_eq(few, "10\xe2\x80\x93" "11, 13");
	g_free(all);
	g_free(cut);
	g_free(few);
}
END_TEST

/* A name on every third page: listed page by page, unless the style
 * caps the groups, when the stretch may be that sparse. */
START_TEST(test_index_max_groups)
{
	static const int pages[] = { 1, 4, 7, 10, 13, 16, 19 };
	struct index_passim any = { 0 }, three = { 3 };
	char *a = pages_of(pages, G_N_ELEMENTS(pages), &any);
	char *b = pages_of(pages, G_N_ELEMENTS(pages), &three);

	ck_assert_str_eq(a, "1, 4, 7, 10, 13, 16, 19");
	ck_assert_str_eq(b, "1\xe2\x80\x93" "19 passim");
	g_free(a);
	g_free(b);
}
END_TEST

/*
 * Pages of the front matter come first, in roman, and run into ranges
 * as the text's do; their links keep them below the text's folios.
 */
START_TEST(test_index_pages_front)
{
	static const int folios[] = { 3, -INDEX_FRONT + 8, -INDEX_FRONT + 7,
	    -INDEX_FRONT + 12 };
	struct edition *e = edition_new();
	struct chapter *c = fixture_chapter(e, "c", "C");
	struct index_entry *ie = index_entry_new("Smith, Ann", NULL);
	GArray *folio = g_array_new(FALSE, TRUE, sizeof(gint32));
	GString *out = g_string_new(NULL);
	GArray *links = g_array_new(FALSE, FALSE, sizeof(int));
	guint i;

	g_ptr_array_add(e->index, ie);
	for (i = 0; i < G_N_ELEMENTS(folios); i++) {
		index_mark_set(folio, smith(ie, c, NULL), folios[i]);
	}
	ck_assert_int_eq(index_pages(ie, folio, NULL, out, links), 3);
	ck_assert_str_eq(out->str, "vii\xe2\x80\x93viii, xii, 3");
	ck_assert_int_eq(g_array_index(links, int, 0), -INDEX_FRONT + 7);
	ck_assert_int_eq(g_array_index(links, int, 3 * 3), 3);
	g_string_free(out, TRUE);
	g_array_free(links, TRUE);
	g_array_unref(folio);
	edition_free(e);
}
END_TEST

/*
 * The leading dedication and epigraph precede the contents; the front
 * matter ends where the first chapter of another role begins; an
 * epigraph inside the text is set alone but is text; back matter is by
 * role.
 */
START_TEST(test_matter)
{
	static const enum chapter_role roles[] = { ROLE_DEDICATION,
	    ROLE_EPIGRAPH, ROLE_PREFACE, ROLE_DEDICATION, ROLE_CHAPTER,
	    ROLE_EPIGRAPH, ROLE_APPENDIX };
	static const enum matter want[] = { MATTER_FRONT, MATTER_FRONT,
	    MATTER_FRONT, MATTER_FRONT, MATTER_BODY, MATTER_BODY,
	    MATTER_BACK };
	struct edition *e = edition_new();
	struct matter_bounds m;
	char id[8];
	guint i;

	for (i = 0; i < G_N_ELEMENTS(roles); i++) {
		g_snprintf(id, sizeof(id), "c%u", i);
		fixture_chapter(e, id, id)->role = roles[i];
	}
	matter_init(&m, e);
	ck_assert_uint_eq(m.before_contents, 2);
	ck_assert_uint_eq(m.front, 4);
	for (i = 0; i < G_N_ELEMENTS(roles); i++)
		ck_assert_int_eq(matter_of(&m, e, i), want[i]);
	ck_assert(matter_alone(g_ptr_array_index(e->chapters, 5)));
	ck_assert(!matter_alone(g_ptr_array_index(e->chapters, 2)));
	edition_free(e);
	/* A book without front matter: the contents comes first. */
	e = edition_new();
	fixture_chapter(e, "a", "A");
	matter_init(&m, e);
	ck_assert_uint_eq(m.before_contents, 0);
	ck_assert_uint_eq(m.front, 0);
	edition_free(e);
}
END_TEST

START_TEST(test_see_after_stop)
{
	struct index_entry *ie = index_entry_new("Gurov, G.", NULL);

	ck_assert_str_eq(index_see_after(ie, 0), " ");
	ck_assert_str_eq(index_see_after(ie, 1), ". ");
	index_entry_free(ie);
}
END_TEST

START_TEST(test_words)
{
	char *s = word_before(WORD_TRANSLATED_BY, "Tom Trans");

	ck_assert_str_eq(word(WORD_CONTENTS), "Contents");
	ck_assert_str_eq(word(WORD_INDEX), "Index of Names");
	ck_assert_str_eq(s, "Translated by Tom Trans");
	ck_assert_ptr_null(word_before(WORD_EDITED_BY, NULL));
	g_free(s);
}
END_TEST

/*
 * A kept file is found again under its key alone: not under another,
 * not when cut short or damaged, not when missing.  Keys differ with what they
 * digest, a NULL string among them.
 */
START_TEST(test_kept)
{
	char *dir = fixture_dir();
	char *path = g_build_filename(dir, "thing.kept", NULL);
	GBytes *data = g_bytes_new_static("a\nb\0c", 5), *got;
	GChecksum *a = digest_new(), *b = digest_new(), *c = digest_new();
	char *ka, *kb, *kc, *text;
	gsize len;

	digest_string(a, "x");
	digest_string(b, NULL);
	digest_string(c, "");
	ka = digest_finish(a);
	kb = digest_finish(b);
	kc = digest_finish(c);
	ck_assert_str_ne(ka, kb);
	ck_assert_str_ne(kb, kc);
	ck_assert_ptr_null(kept_load(path, ka));
	ck_assert(kept_save(path, ka, data, NULL));
	got = kept_load(path, ka);
	ck_assert_ptr_nonnull(got);
	ck_assert(g_bytes_equal(got, data));
	g_bytes_unref(got);
	ck_assert_ptr_null(kept_load(path, kb));
	/* Cut short by a byte, or a byte of it changed: not found. */
	ck_assert(g_file_get_contents(path, &text, &len, NULL));
	ck_assert(g_file_set_contents(path, text, (gssize)len - 1, NULL));
	ck_assert_ptr_null(kept_load(path, ka));
	text[len - 1] ^= 1;
	ck_assert(g_file_set_contents(path, text, (gssize)len, NULL));
	ck_assert_ptr_null(kept_load(path, ka));
	ck_assert(g_file_set_contents(path, "octavo-kept ", -1, NULL));
	ck_assert_ptr_null(kept_load(path, ka));
	g_bytes_unref(data);
	g_free(text);
	g_free(ka);
	g_free(kb);
	g_free(kc);
	g_free(path);
	fixture_clean(dir);
}
END_TEST

/* What r finds for input, as a string ("" for nothing); freed by caller. */
static char *
found(struct reuse *r, const char *input)
{
	GBytes *b = reuse_find(r, 0, input, strlen(input));
	char *s = b != NULL ? g_strndup(g_bytes_get_data(b, NULL),
	    g_bytes_get_size(b)) : g_strdup("");

	if (b != NULL)
		g_bytes_unref(b);
	return s;
}

/* Asserts that r finds want for input, and frees what it found. */
static void
assert_found(struct reuse *r, const char *input, const char *want)
{
	char *got = found(r, input);

	ck_assert_str_eq(got, want);
	g_free(got);
}

START_TEST(test_reuse)
{
	char *dir = fixture_dir();
	char *path = g_build_filename(dir, "made.reuse", NULL);
	struct reuse *r = reuse_open(path, "k1");
	char *text, *cut;
	gsize len, i;

	/* Nothing kept yet; two outputs kept, one input seen twice. */
	assert_found(r, "page one", "");
	reuse_keep(r, 0, "page one", 8, "ONE", 3);
	reuse_keep(r, 0, "page two", 8, "TWO", 3);
	reuse_keep(r, 0, "page one", 8, "ONE", 3);
	ck_assert(reuse_close(r, NULL));
	r = reuse_open(path, "k1");
	assert_found(r, "page one", "ONE");
	assert_found(r, "page two", "TWO");
	assert_found(r, "page tw", "");
	assert_found(r, "page three", "");
	/* What this build keeps replaces the last's once closed... */
	reuse_keep(r, 0, "page three", 10, "THREE", 5);
	ck_assert(reuse_close(r, NULL));
	r = reuse_open(path, "k1");
	assert_found(r, "page three", "THREE");
	assert_found(r, "page one", "");
	/* ...and not if discarded, the output it served having failed. */
	reuse_keep(r, 0, "page four", 9, "FOUR", 4);
	reuse_discard(r);
	r = reuse_open(path, "k2");
	assert_found(r, "page three", "");	/* another key */
	reuse_discard(r);
	/* A file cut short anywhere, or any byte of it changed, gives
	 * nothing, or what was kept: never other bytes. */
	ck_assert(g_file_get_contents(path, &text, &len, NULL));
	for (i = 0; i < len; i++) {
		char *got;

		ck_assert(g_file_set_contents(path, text, (gssize)i, NULL));
		r = reuse_open(path, "k1");
		assert_found(r, "page three", "");
		reuse_discard(r);
		cut = g_memdup2(text, len);
		cut[i] ^= 0x20;
		ck_assert(g_file_set_contents(path, cut, (gssize)len, NULL));
		r = reuse_open(path, "k1");
		got = found(r, "page three");
		ck_assert(strcmp(got, "") == 0 || strcmp(got, "THREE") == 0);
		g_free(got);
		reuse_discard(r);
		g_free(cut);
	}
	/* A file of more than 8 MB is read an output at a time: found
	 * whole, and not when a byte of it changed. */
	{
		gsize big = (gsize)9 << 20;
		char *out = g_malloc(big);
		GBytes *got;

		memset(out, 'x', big);
		out[big / 2] = 'y';
		r = reuse_open(path, "k1");
		reuse_keep(r, 0, "big page", 8, out, big);
		ck_assert(reuse_close(r, NULL));
		r = reuse_open(path, "k1");
		got = reuse_find(r, 0, "big page", 8);
		ck_assert_ptr_nonnull(got);
		ck_assert_uint_eq(g_bytes_get_size(got), big);
		ck_assert_mem_eq(g_bytes_get_data(got, NULL), out, big);
		g_bytes_unref(got);
		reuse_discard(r);
		g_free(text);
		ck_assert(g_file_get_contents(path, &text, &len, NULL));
		text[len / 2] ^= 1;
		ck_assert(g_file_set_contents(path, text, (gssize)len, NULL));
		r = reuse_open(path, "k1");
		ck_assert_ptr_null(reuse_find(r, 0, "big page", 8));
		reuse_discard(r);
		g_free(out);
	}
	/* Where the new file cannot be made, close says why. */
	r = reuse_open("/nonexistent-dir/made.reuse", "k1");
	reuse_keep(r, 0, "page one", 8, "ONE", 3);
	ck_assert(!reuse_close(r, NULL));
	g_free(text);
	g_free(path);
	fixture_clean(dir);
}
END_TEST

/*
 * Writes abcdef, goes back to fill in two bytes, then on at the end,
 * as libzip does with an entry's header; returns what tell said along
 * the way, as "6 4 8".
 */
static char *
seek_and_fill(struct sink *s)
{
	gint64 t1, t2, t3;

	ck_assert_int_eq(sink_write(s, "abcdef", 6), 0);
	t1 = sink_tell(s);
	ck_assert_int_eq(sink_seek(s, 2), 0);
	ck_assert_int_eq(sink_write(s, "XY", 2), 0);
	t2 = sink_tell(s);
	ck_assert_int_eq(sink_seek(s, t1), 0);
	ck_assert_int_eq(sink_write(s, "gh", 2), 0);
	t3 = sink_tell(s);
	return g_strdup_printf("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT
	    " %" G_GINT64_FORMAT, t1, t2, t3);
}

START_TEST(test_sink_seek)
{
	char *dir = fixture_dir();
	char *path = g_build_filename(dir, "out.bin", NULL);
	struct diags d;
	struct sink s;
	char *told, *got;
	gsize len;

	diags_init(&d);
	sink_memory(&s, "mem.bin");
	told = seek_and_fill(&s);
	ck_assert_str_eq(told, "6 4 8");
	ck_assert_uint_eq(s.mem->len, 8);
	ck_assert_int_eq(memcmp(s.mem->data, "abXYefgh", 8), 0);
	/* Past the end is no place to write. */
	ck_assert_int_eq(sink_seek(&s, 9), -1);
	ck_assert_int_eq(sink_close(&s, "the test", &d), -1);
	ck_assert_int_eq(d.count[DIAG_ERROR], 1);
	g_free(told);

	ck_assert_int_eq(sink_open(&s, path, "out.bin", &d), 0);
	told = seek_and_fill(&s);
	ck_assert_str_eq(told, "6 4 8");
	ck_assert_int_eq(sink_close(&s, "the test", &d), 0);
	ck_assert(g_file_get_contents(path, &got, &len, NULL));
	ck_assert_uint_eq(len, 8);
	ck_assert_int_eq(memcmp(got, "abXYefgh", 8), 0);
	g_free(got);
	g_free(told);
	diags_release(&d);
	g_free(path);
	fixture_clean(dir);
}
END_TEST

Suite *
out_suite(void)
{
	Suite *s = suite_create("out");
	TCase *tc = tcase_create("out");

	tcase_add_test(tc, test_credits_once);
	tcase_add_test(tc, test_credits_book_author);
	tcase_add_test(tc, test_credits_translators);
	tcase_add_test(tc, test_file_as);
	tcase_add_test(tc, test_published);
	tcase_add_test(tc, test_titles);
	tcase_add_test(tc, test_running_heads);
	tcase_add_test(tc, test_sources);
	tcase_add_test(tc, test_sources_one_file);
	tcase_add_test(tc, test_index_letters);
	tcase_add_test(tc, test_index_pages);
	tcase_add_test(tc, test_index_pages_front);
	tcase_add_test(tc, test_kept);
	tcase_add_test(tc, test_reuse);
	tcase_add_test(tc, test_sink_seek);
	tcase_add_test(tc, test_index_passim);
	tcase_add_test(tc, test_index_max_groups);
	tcase_add_test(tc, test_matter);
	tcase_add_test(tc, test_see_after_stop);
	tcase_add_test(tc, test_words);
	suite_add_tcase(s, tc);
	return s;
}
