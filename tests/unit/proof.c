/*
 * proof.c — the print back end's tests' helpers (proof.h).
 */
#include <stdlib.h>
#include <string.h>

#include "proof.h"

static const struct srcpos here = { "test", 1, 1 };

/* White space, for proof_flat; made on first use. */
static GRegex *spaces;

struct edition *
proof_sample(void)
{
	struct edition *e = edition_new();
	struct chapter *c;
	struct node *n, *list, *item, *ref;
	struct note *note;
	GString *s = g_string_new("Beginning of the second chapter.");
	int i;

	e->meta.title = g_strdup("A Test Edition");
	e->editor = g_strdup("Ed Itor");
	e->language = g_strdup("en-US");
	e->description = g_strdup("Texts for testing.");
	c = fixture_chapter(e, "one", "The First Chapter");
	c->meta.author = g_strdup("Au Thor");
	n = fixture_para(c->doc, "Opening words of the first chapter, ");
	node_append(n, node_new(NODE_EMPH, here));
	node_append(n->last, node_new_text(NODE_TEXT, here, "emphatically", -1));
	ref = node_new(NODE_NOTEREF, here);
	note = note_new(7, "7", here);
	note->ref = ref;
	ref->as.noteref.note = note;
	fixture_para(note->body, "The seventh note, at the foot.");
	g_ptr_array_add(c->notes, note);
	node_append(n, ref);
	n = node_new(NODE_HEADING, here);
	n->as.heading.level = 2;
	node_append(c->doc, n);
	node_append(n, node_new_text(NODE_TEXT, here, "A Section", -1));
	fixture_para(c->doc, "After the section.");
	n = node_new(NODE_BLOCKQUOTE, here);
	node_append(c->doc, n);
	fixture_para(n, "Quoted words, set smaller.");
	list = node_new(NODE_LIST, here);
	list->as.list.ordered = 1;
	list->as.list.start = 1;
	node_append(c->doc, list);
	for (i = 0; i < 2; i++) {
		item = node_new(NODE_ITEM, here);
		node_append(list, item);
		fixture_para(item, i == 0 ? "First item." : "Second item.");
	}
	node_append(c->doc, node_new(NODE_BREAK, here));
	fixture_para(c->doc, "After the break.");
	c = fixture_chapter(e, "two", "The Second Chapter");
	for (i = 0; i < 600; i++)
		g_string_append(s, " The quick brown fox jumps over the lazy dog.");
	g_string_append(s, " Terminus.");
	fixture_para(c->doc, s->str);
	g_string_free(s, TRUE);
	return e;
}

char *
proof_path(const char *name)
{
	char *dir = fixture_dir();
	char *path = g_build_filename(dir, name, NULL);

	g_free(dir);
	return path;
}

char *
proof_write_styled(const struct edition *e, const struct style *st,
    const char *name)
{
	char *path = proof_path(name);
	struct diags d;

	diags_init(&d);
	ck_assert_int_eq(pdf_write(e, st, path, NULL, NULL, &d), 0);
	ck_assert_uint_eq(d.list->len, 0);
	diags_release(&d);
	return path;
}

char *
proof_write(const struct edition *e, const char *name)
{
	struct style st;
	char *path;

	style_init(&st);
	path = proof_write_styled(e, &st, name);
	style_release(&st);
	return path;
}

guint
proof_write_mapped(const struct edition *e, const char *path,
    struct pagemap *pm)
{
	struct style st;
	struct diags d;
	guint n;

	style_init(&st);
	diags_init(&d);
	pagemap_init(pm);
	ck_assert_int_eq(pdf_write(e, &st, path, pm, NULL, &d), 0);
	n = d.list->len;
	diags_release(&d);
	style_release(&st);
	return n;
}

char *
proof_run(const char *const *argv)
{
	char *out = NULL;
	int status;

	if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH |
	    G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
	    NULL) || !g_spawn_check_wait_status(status, NULL)) {
		g_free(out);
		return NULL;
	}
	return out;
}

char *
proof_flat(const char *text)
{
	if (spaces == NULL)
		spaces = g_regex_new("\\s+", 0, 0, NULL);
	return g_regex_replace_literal(spaces, text, -1, 0, " ", 0, NULL);
}

char *
proof_text(const char *pdf, int n)
{
	char num[16];
	const char *all[] = { "pdftotext", "-layout", pdf, "-", NULL };
	const char *one[] = { "pdftotext", "-layout", "-f", num, "-l", num,
	    pdf, "-", NULL };
	char *text, *flat;

	g_snprintf(num, sizeof(num), "%d", n);
	text = proof_run(n == 0 ? all : one);
	ck_assert_ptr_nonnull(text);
	flat = proof_flat(text);
	g_free(text);
	return flat;
}

char *
proof_info(const char *pdf)
{
	const char *argv[] = { "pdfinfo", "-isodates", pdf, NULL };
	char *info = proof_run(argv);

	ck_assert_ptr_nonnull(info);
	return info;
}

int
proof_page_count(const char *pdf)
{
	char *info = proof_info(pdf), *at = strstr(info, "Pages:");
	int n;

	ck_assert_ptr_nonnull(at);
	n = atoi(at + strlen("Pages:"));
	g_free(info);
	return n;
}

int
proof_page_of(const char *pdf, const char *needle)
{
	int i, n = proof_page_count(pdf), found = 0;

	for (i = 1; i <= n && found == 0; i++) {
		char *text = proof_text(pdf, i);

		if (strstr(text, needle) != NULL)
			found = i;
		g_free(text);
	}
	return found;
}

char *
proof_text_lower(const char *pdf, int n)
{
	char *text = proof_text(pdf, n), *lower = g_ascii_strdown(text, -1);

	g_free(text);
	return lower;
}

char **
proof_all_pages(const char *pdf)
{
	const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
	char *text = proof_run(argv), **pages;

	ck_assert_ptr_nonnull(text);
	pages = g_strsplit(text, "\f", -1);
	g_free(text);
	return pages;
}

/* A note numbered n referred to at the end of paragraph p after the
 * word "marker<n>z", whose body begins "Foot<n>" and is words long. */
static struct note *
add_note(struct chapter *c, struct node *p, int n, int words)
{
	struct note *note = note_new(n, "", here);
	struct node *ref = node_new(NODE_NOTEREF, here);
	GString *s = g_string_new(NULL);
	int i;

	g_string_printf(s, "Foot%d begins the note", n);
	for (i = 0; i < words; i++)
		g_string_append(s, i % 9 == 8 ? " and so on." : " words");
	g_string_append_printf(s, " End%d.", n);
	fixture_para(note->body, s->str);
	g_string_free(s, TRUE);
	if (p != NULL) {
		char *marker = g_strdup_printf(" marker%dz", n);

		node_append(p, node_new_text(NODE_TEXT, here, marker, -1));
		node_append(p, ref);
		ref->as.noteref.note = note;
		note->ref = ref;
		g_free(marker);
	} else
		node_free(ref);
	g_ptr_array_add(c->notes, note);
	return note;
}

struct edition *
proof_annotated(void)
{
	struct edition *e = edition_new();
	struct chapter *c = fixture_chapter(e, "notes", "A Chapter with Notes");
	struct note *author;
	int i, n = 0;

	e->meta.title = g_strdup("Annotated");
	e->language = g_strdup("en-US");
	c->meta.author = g_strdup("An Author");
	author = note_new(0, "*", here);
	g_strlcpy(author->mark, "*", sizeof(author->mark));
	fixture_para(author->body, "AuthorNote: the author teaches history.");
	g_ptr_array_add(c->notes, author);
	for (i = 0; i < 40; i++) {
		struct node *p = fixture_para(c->doc, fixture_prose);

		if (i % 3 == 0) {
			n++;
			add_note(c, p, n, n == 7 ? 700 : 12 + 5 * (n % 4));
		}
		if (n == 5 && i % 3 == 0)
			add_note(c, NULL, ++n, 10);
	}
	return e;
}
