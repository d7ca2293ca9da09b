/*
 * targets.c — the fuzz targets: arbitrary bytes through each reader and
 * stage of octavo, the same way the front end drives them.
 *
 * Readers that take a path get the bytes in a scratch folder of their
 * own (one per process, removed at exit); the normalizer gets them
 * through source_read, which is what checks a source is text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "epub/epub.h"
#include "index/index.h"
#include "index/names.h"
#include "out/pages.h"
#include "out/sink.h"
#include "pdf/finish.h"
#include "pdf/pdf.h"
#include "pipeline.h"
#include "read/rules.h"
#include "read/source.h"
#include "read/style.h"
#include "targets.h"

static char	*scratch_dir;
static pid_t	 scratch_pid;

/* The scratch folder's files, removed with it at exit. */
static const char *const scratch_files[] = {
	"text.txt", "edition.ini", "print.ini", "kept.pages", "names.txt",
	NULL
};

static void
scratch_remove(void)
{
	size_t i;

	if (scratch_dir == NULL || scratch_pid != getpid())
		return;
	for (i = 0; scratch_files[i] != NULL; i++) {
		char *p = g_build_filename(scratch_dir, scratch_files[i], NULL);

		g_unlink(p);
		g_free(p);
	}
	g_rmdir(scratch_dir);
}

/*
 * Writes the bytes to name (one of scratch_files) in this process's
 * scratch folder; returns its path, to free, or NULL if it cannot.
 */
static char *
scratch(const char *name, const uint8_t *data, size_t size)
{
	char *path;
	FILE *f;
	int ok;

	if (scratch_dir == NULL || scratch_pid != getpid()) {
		scratch_dir = g_dir_make_tmp("octavo-fuzz-XXXXXX", NULL);
		if (scratch_dir == NULL)
			return NULL;
		if (scratch_pid == 0)
			atexit(scratch_remove);
		scratch_pid = getpid();
	}
	path = g_build_filename(scratch_dir, name, NULL);
	if ((f = fopen(path, "wb")) == NULL) {
		g_free(path);
		return NULL;
	}
	ok = fwrite(data, 1, size, f) == size;
	if (fclose(f) != 0 || !ok) {
		g_free(path);
		return NULL;
	}
	return path;
}

/* A few names, some sharing forms, for the index stage to look for. */
static const char names_list[] =
    "! not names\n"
    "    forms: Leon Trotsky Institute; May Day\n"
    "Trotsky, Leon (1879–1940)\n"
    "    forms: Trotskii; L.D. Trotsky\n"
    "    see also: Sedov, Leon\n"
    "Stalin, Joseph\n"
    "Sedov, Leon\n"
    "    in fuzz: Leon\n"
    "Smirnov, Ivan Nikitich\n"
    "    forms: I.N. Smirnov\n"
    "    at fuzz:3: Smirnov\n"
    "    - papers\n"
    "        forms: Smirnov papers\n"
    "Smirnov, Vladimir\n"
    "Broue, Pierre\n";

/* Adds lines first..last (last 0: to the end) to a line set. */
static void
lines(struct lineset *s, int first, int last)
{
	g_array_append_val(s->ranges, first);
	g_array_append_val(s->ranges, last);
}

/*
 * Sets the manifest's line rules that the bits of b choose, on lines
 * that short texts have, so they meet whatever the heuristics found.
 */
static void
line_rules(struct rules *r, unsigned b)
{
	if (b & 0x01)
		lines(&r->drop, 2, 2);
	if (b & 0x02)
		lines(&r->quotes, 3, 5);
	if (b & 0x04)
		lines(&r->headings, 1, 1);
	if (b & 0x08)
		lines(&r->subheadings, 4, 4);
	if (b & 0x10)
		lines(&r->join, 2, 3);
	if (b & 0x20)
		lines(&r->not_headings, 1, 0);
	if (b & 0x40) {
		lines(&r->title_lines, 1, 1);
		lines(&r->author_lines, 2, 2);
	}
	if (b & 0x80) {
		lines(&r->intro_lines, 3, 4);
		lines(&r->keep, 1, 0);
	}
}

/* The index as text: what `octavo index` writes. */
static void
index_out(const struct pipeline *p)
{
	g_string_free(index_text(p->edition, NULL), TRUE);
}

/*
 * Both outputs, into memory, as `octavo build` makes them: the PDF,
 * drawn as it is laid out in the default print style (if every
 * character has a font), and the EPUB with the print pages of a layout
 * not drawn, as `octavo build --epub` makes it.
 */
static void
book_out(const struct pipeline *p)
{
	struct epub_options eo = { NULL, 0, NULL, NULL, NULL, NULL, NULL };
	struct pdf_layout *layout;
	struct pagemap pages;
	struct style st;
	struct sink pdf, epub;
	struct diags d;

	diags_init(&d);
	style_init(&st);
	pagemap_init(&pages);
	if ((layout = pdf_lay_out(p->edition, &st, &pages, NULL, "fuzz.pdf",
	    NULL, NULL, &d)) != NULL) {
		sink_memory(&pdf, "fuzz.pdf");
		pdf_draw(layout, &pdf, NULL, &d);
		sink_close(&pdf, "the PDF", &d);
		pdf_layout_free(layout);
	}
	/* The EPUB, from a layout that is not drawn: the PDF's may have
	 * stopped at a character in no font. */
	pagemap_release(&pages);
	pagemap_init(&pages);
	if ((layout = pdf_lay_out(p->edition, &st, &pages, NULL, NULL, NULL,
	    NULL, &d)) != NULL) {
		sink_memory(&epub, "fuzz.epub");
		epub_write(p->edition, &eo, &pages, &epub, &d);
		sink_close(&epub, "the EPUB", &d);
		pdf_layout_free(layout);
	}
	pagemap_release(&pages);
	style_release(&st);
	diags_release(&d);
}

/*
 * Runs one chapter of the given format and notes style through the
 * pipeline octavo runs: read, normalize, parse, notes, index; then
 * hands the pipeline to out (the index as text, or both outputs).
 */
static void
run(const uint8_t *data, size_t size, enum source_format format,
    enum notes_style style, int flags, unsigned rules,
    void (*out)(const struct pipeline *))
{
	struct manuscript *ms;
	struct pipeline_opts o = { 0 };
	struct pipeline p;
	struct group *g;
	struct diags d;
	char *path, *names;

	if ((path = scratch("text.txt", data, size)) == NULL)
		return;
	if ((names = scratch("names.txt", (const uint8_t *)names_list,
	    strlen(names_list))) == NULL) {
		g_free(path);
		return;
	}
	ms = manuscript_new();
	ms->edition->meta.title = g_strdup("T");
	ms->edition->language = g_strdup("en");
	ms->edition->identifier = g_strdup("urn:uuid:1");
	ms->names = names;
	g = group_new("fuzz");
	g->path = edition_intern(ms->edition, path);
	g->format = format;
	g->rules.notes = style;
	if (flags & 1)
		g->rules.heading_max_words = 0;
	if (flags & 2)
		g->rules.notes_start = 1 + (flags >> 2);
	line_rules(&g->rules, rules);
	g_ptr_array_add(ms->groups, g);
	o.max_source = SOURCE_MAX;
	diags_init(&d);
	if (pipeline_start(&p, ms, &o, &d) == 0) {
		out(&p);
		pipeline_release(&p);
	}
	diags_release(&d);
	g_free(path);
}

/*
 * The first byte chooses the notes style (each of the parsers, or the
 * guess) and a few other rules, the second the manifest's line rules;
 * the rest is the source.
 */
int
fuzz_normalize(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	run(data + 2, size - 2, FORMAT_TEXT,
	    (enum notes_style)(data[0] % (NOTES_GLUED + 1)), data[0] >> 3,
	    data[1], index_out);
	return 0;
}

int
fuzz_markdown(const uint8_t *data, size_t size)
{
	run(data, size, FORMAT_MARKDOWN, NOTES_AUTO, 0, 0, index_out);
	return 0;
}

int
fuzz_book(const uint8_t *data, size_t size)
{
	run(data, size, FORMAT_MARKDOWN, NOTES_AUTO, 0, 0, book_out);
	return 0;
}

int
fuzz_manifest(const uint8_t *data, size_t size)
{
	struct diags d;
	char *path;

	if ((path = scratch("edition.ini", data, size)) == NULL)
		return 0;
	diags_init(&d);
	manuscript_free(manifest_read(path, &d));
	diags_release(&d);
	g_free(path);
	return 0;
}

int
fuzz_style(const uint8_t *data, size_t size)
{
	struct style st;
	struct diags d;
	char *path;

	if ((path = scratch("print.ini", data, size)) == NULL)
		return 0;
	diags_init(&d);
	if (style_read(&st, path, &d) == 0)
		style_release(&st);
	diags_release(&d);
	g_free(path);
	return 0;
}

/*
 * The bytes as a list of names (NUL-terminated, as names_read gives
 * them), then every form of it looked for in the bytes themselves.
 */
int
fuzz_names(const uint8_t *data, size_t size)
{
	struct names nl;
	struct diags d;
	char *text = g_strndup((const char *)data, size);

	diags_init(&d);
	names_init(&nl);
	if (names_parse(&nl, "names.txt", text, &d) == 0) {
		GArray *words = names_words(text);

		g_array_free(names_match(&nl, text, words, NULL, NULL), TRUE);
		names_words_free(words);
	}
	names_release(&nl);
	diags_release(&d);
	g_free(text);
	return 0;
}

/*
 * A paragraph of text, with a mark of ie at byte at, or none if at < 0;
 * the mark numbered after those of ie, as the index stage numbers them
 * (the page map knows a mark by its number).
 */
static void
pages_para(struct node *parent, struct index_entry *ie, const char *text,
    int at)
{
	struct srcpos pos = { "fuzz.txt", 1, 1 };
	struct node *p = node_new(NODE_PARAGRAPH, pos);
	struct node *t = node_new_text(NODE_TEXT, pos, text, -1);

	node_append(parent, p);
	node_append(p, t);
	if (at >= 0)
		index_mark_new(ie, NULL, NULL, t, (guint)at)->id =
		    (int)ie->marks->len;
}

/*
 * The bytes as a kept layout (pages.h) of a small edition: a chapter
 * "fuzz" of three paragraphs and a note, with index marks; if they load,
 * the marks' folios are found from them.
 */
int
fuzz_pages(const uint8_t *data, size_t size)
{
	struct srcpos pos = { "fuzz.txt", 1, 1 };
	struct edition *e = edition_new();
	struct chapter *c = chapter_new("fuzz");
	struct index_entry *ie = index_entry_new("Name, A", NULL);
	struct note *n = note_new(1, "1", pos);
	struct pagemap pm;
	char *path;

	g_ptr_array_add(e->chapters, c);
	g_ptr_array_add(e->index, ie);
	c->doc = node_new(NODE_DOCUMENT, pos);
	pages_para(c->doc, ie, "Opening words, and a name here.", 20);
	pages_para(c->doc, NULL, "A paragraph without a name.", -1);
	pages_para(c->doc, ie, "A name at the start.", 0);
	g_ptr_array_add(c->notes, n);
	pages_para(n->body, ie, "A note that names a name.", 18);
	if ((path = scratch("kept.pages", data, size)) != NULL) {
		pagemap_init(&pm);
		if (pagemap_load(&pm, e, "k", path))
			g_array_unref(pagemap_folios(&pm, e));
		pagemap_release(&pm);
		g_free(path);
	}
	edition_free(e);
	return 0;
}

/* What a link says in fuzz_finish's edition: the one note's "Note 1". */
static char *
note_said(const char *dest, const void *arg)
{
	(void)arg;
	return strcmp(dest, "n1") == 0 ? g_strdup("Note 1") : NULL;
}

/*
 * The bytes as the PDF Cairo drew, finished (finish.h) for an edition
 * of one note in two parts, the second continued with two elements
 * opened anew, and one element in French: the finishing reads the file
 * by hand, so whatever it is given must end in a PDF or an error.
 */
int
fuzz_finish(const uint8_t *data, size_t size)
{
	GPtrArray *labels = g_ptr_array_new();
	GArray *notes = g_array_new(FALSE, FALSE, sizeof(struct note_tag));
	struct note_tag parts[2] = { { 0, 0 }, { 0, 2 } };
	struct taglangs langs;
	struct finishing f = { "en", 200, 300, 5, 10, note_said, NULL, labels,
	    notes, &langs, NULL, FALSE, NULL };
	struct sink out;
	struct diags d;

	diags_init(&d);
	taglangs_init(&langs);
	taglangs_begun(&langs, "P", "fr");
	g_ptr_array_add(labels, (char *)"1");
	g_array_append_vals(notes, parts, 2);
	sink_memory(&out, "fuzz.pdf");
	pdf_finish((const char *)data, size, &out, &f, NULL, &d);
	sink_close(&out, "the PDF", &d);
	diags_release(&d);
	taglangs_release(&langs);
	g_ptr_array_free(labels, TRUE);
	g_array_free(notes, TRUE);
	return 0;
}

const struct fuzz_target fuzz_targets[] = {
	{ "normalize", fuzz_normalize },
	{ "markdown", fuzz_markdown },
	{ "manifest", fuzz_manifest },
	{ "style", fuzz_style },
	{ "names", fuzz_names },
	{ "pages", fuzz_pages },
	{ "book", fuzz_book },
	{ "finish", fuzz_finish },
	{ NULL, NULL }
};
