/*
 * ebook.c — the EPUB back end's tests' fixture and helpers (ebook.h).
 */
#include <string.h>

#include "ebook.h"

static const struct srcpos here = { "test", 1, 1 };
char *ebook_dir;
char *ebook_css;
int ebook_fonts;
char *ebook_cover_kept;

void
ebook_setup(void)
{
	ebook_dir = fixture_dir();
	ebook_css = g_build_filename(ebook_dir, "epub.css", NULL);
	ck_assert(g_file_set_contents(ebook_css, "p { margin: 0; }\n", -1,
	    NULL));
	g_setenv("SOURCE_DATE_EPOCH", EPOCH, TRUE);
	ebook_fonts = 0;
	ebook_cover_kept = NULL;
}

void
ebook_teardown(void)
{
	fixture_clean(ebook_dir);
	g_free(ebook_css);
}

struct edition *
ebook_bare(void)
{
	struct edition *e = edition_new();

	e->meta.title = g_strdup("Essays & Studies");
	e->meta.subtitle = g_strdup("Five Texts");
	e->editor = g_strdup("The Editors");
	e->language = g_strdup("en-US");
	e->identifier = g_strdup(IDENTIFIER);
	e->date = g_strdup("2026");
	e->rights = g_strdup("Reprinted for study.");
	e->publisher = g_strdup("Lantern Press");
	e->description = g_strdup("Essays <on> history.");
	return e;
}

struct edition *
ebook_sample(void)
{
	struct edition *e = ebook_bare();
	struct chapter *c = fixture_chapter(e, "one", "The First");
	struct node *doc = c->doc, *p, *n;

	c->meta.subtitle = g_strdup("A Subtitle");
	c->meta.author = g_strdup("A. Writer and B. Writer");
	c->meta.published = g_strdup("January 1980");
	c->meta.source = g_strdup("Journal of Things 1 (1980)");
	fixture_para(doc, "a < b & c");
	fixture_heading(doc, 2, "Part One");
	p = fixture_para(doc, "plain ");
	fixture_text(fixture_node(p, NODE_EMPH), "em");
	fixture_text(fixture_node(p, NODE_STRONG), "strong");
	node_append(p, node_new_text(NODE_CODE, here, "x<y", -1));
	fixture_node(p, NODE_LINEBREAK);
	n = fixture_node(p, NODE_LINK);
	n->as.link->url = g_strdup("http://example.org/?a=1&b=2 c");
	fixture_text(n, "link");
	fixture_heading(doc, 3, "Detail");
	fixture_node(doc, NODE_BREAK);
	node_append(doc, node_new_text(NODE_CODEBLOCK, here, "if (a < b)\n", -1));

	c = fixture_chapter(e, "two", "The Second");
	c->meta.author = g_strdup("A. Writer");
	fixture_heading(c->doc, 2, "Only Section");
	fixture_para(c->doc, "text");
	return e;
}

char *
ebook_write(const struct edition *e, const struct pagemap *pm,
    const char *name, int warnings)
{
	char *path = g_build_filename(ebook_dir, name, NULL);
	struct diags d;
	struct epub_options o = { ebook_css, ebook_fonts, ebook_cover_kept,
	    NULL, NULL, NULL, NULL };

	diags_init(&d);
	ck_assert_int_eq(fixture_epub(e, &o, pm, path, &d), 0);
	ck_assert_int_eq(d.count[DIAG_ERROR], 0);
	ck_assert_int_eq(d.count[DIAG_WARNING], warnings);
	diags_release(&d);
	return path;
}

char *
ebook_write_ok(const struct edition *e, const char *name)
{
	return ebook_write(e, NULL, name, 0);
}

char *
ebook_render(struct edition *e, const char *name)
{
	char *path = ebook_write_ok(e, "book.epub");
	char *s = fixture_zip_entry(path, name);

	ck_assert_msg(s != NULL, "no %s in the EPUB", name);
	edition_free(e);
	g_free(path);
	return s;
}

int
ebook_count(const char *hay, const char *needle)
{
	const char *end = hay + strlen(hay);
	int n = 0;

	/* g_strstr_len, not strstr: ASan's strstr measures the whole
	 * haystack on every call, which makes this loop quadratic. */
	while ((hay = g_strstr_len(hay, end - hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

struct note *
ebook_note(struct chapter *c, int n, const char *s)
{
	char label[12];
	struct note *nt;

	g_snprintf(label, sizeof(label), "%d", n);
	nt = note_new(n, label, here);
	fixture_para(nt->body, s);
	g_ptr_array_add(c->notes, nt);
	return nt;
}

void
ebook_cover_style(void)
{
	char *text, *path = g_build_filename(ebook_dir, "cover.ini", NULL);

	ck_assert(g_file_get_contents(COVER_STYLE, &text, NULL, NULL));
	ck_assert(g_file_set_contents(path, text, -1, NULL));
	g_free(text);
	g_free(path);
}
