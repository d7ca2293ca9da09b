/*
 * fixture.c — what the unit tests share.  Temporary files, in a folder
 * of each test process's own, so forked tests never share, removed when
 * the process exits.  The entries of an EPUB written, read back with
 * libzip.  Model
 * builders, so each back end's tests build editions the same way; the
 * prose that both the line breaker's and the PDF's tests set; and the
 * diagnostics as the tests look at them.
 */
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <zip.h>

#include <glib/gstdio.h>

#include "epub/epub.h"
#include "fixture.h"
#include "out/sink.h"
#include "normalize/normalize.h"
#include "pipeline.h"
#include "read/ini.h"
#include "read/source.h"

/* Where every node built here comes from. */
static const struct srcpos here = { "test", 1, 1 };

/* This process's folder of fixtures, made on first use; or NULL. */
static char *root;

/* Removes path, and all in it if it is a folder. */
static void
remove_tree(const char *path)
{
	GDir *dir = g_dir_open(path, 0, NULL);
	const char *name;

	if (dir != NULL) {
		while ((name = g_dir_read_name(dir)) != NULL) {
			char *sub = g_build_filename(path, name, NULL);

			remove_tree(sub);
			g_free(sub);
		}
		g_dir_close(dir);
	}
	g_remove(path);
}

static void
root_remove(void)
{
	remove_tree(root);
	g_free(root);
	root = NULL;
}

char *
fixture_dir(void)
{
	char *dir;

	if (root == NULL) {
		root = g_dir_make_tmp("octavo-test-XXXXXX", NULL);
		ck_assert_ptr_nonnull(root);
		atexit(root_remove);
	}
	dir = g_build_filename(root, "XXXXXX", NULL);
	ck_assert_ptr_nonnull(g_mkdtemp(dir));
	return dir;
}

void
fixture_clean(char *dir)
{
	remove_tree(dir);
	g_free(dir);
}

char *
fixture_file(const char *name, const char *bytes, gssize len)
{
	char *dir = fixture_dir();
	char *path = g_build_filename(dir, name, NULL);

	g_free(dir);
	ck_assert(g_file_set_contents(path, bytes,
	    len < 0 ? (gssize)strlen(bytes) : len, NULL));
	return path;
}

void
fixture_remove(char *path)
{
	fixture_clean(g_path_get_dirname(path));
	g_free(path);
}

/* An empty manuscript with what [edition] must say. */
static struct manuscript *
fixture_manuscript(void)
{
	struct manuscript *ms = manuscript_new();

	ms->edition->meta.title = g_strdup("T");
	ms->edition->language = g_strdup("en");
	ms->edition->identifier = g_strdup("urn:uuid:1");
	return ms;
}

struct edition *
fixture_edition(const char *text, int markdown, struct diags *d)
{
	char *path = fixture_file(markdown ? "t.md" : "t.txt", text, -1);
	struct manuscript *ms = fixture_manuscript();
	struct group *g = group_new("t");
	struct pipeline_opts o = { 0 };
	struct pipeline p;
	struct edition *e = NULL;

	g->path = edition_intern(ms->edition, path);
	g->format = markdown ? FORMAT_MARKDOWN : FORMAT_TEXT;
	g_ptr_array_add(ms->groups, g);
	o.max_source = SOURCE_MAX;
	if (pipeline_start(&p, ms, &o, d) == 0) {
		e = p.edition;
		p.ms->edition = NULL;
		pipeline_release(&p);
	}
	fixture_remove(path);
	return e;
}

int
fixture_run(struct pipeline *p, const char *text, gssize len, const char *keys,
    struct diags *d)
{
	char *path = fixture_file("t.txt", text, len);
	struct manuscript *ms = fixture_manuscript();
	struct group *g = group_new("t");
	struct pipeline_opts o = { 0 };
	int rc;

	g->path = edition_intern(ms->edition, path);
	g->pos = srcpos_at("t.ini", 1, 1);
	g_ptr_array_add(ms->groups, g);
	if (keys != NULL && strstr(keys, "format = markdown") != NULL)
		g->format = FORMAT_MARKDOWN;
	if (keys != NULL) {
		struct ini ini = { 0 };
		char *group = g_strconcat("[chapter t]\n", keys, "\n", NULL);

		ini.kf = g_key_file_new();
		ini.path = "t.ini";
		ini.text = group;
		ck_assert(g_key_file_load_from_data(ini.kf, group, (gsize)-1,
		    G_KEY_FILE_NONE, NULL));
		rules_read(&g->rules, &ini, "chapter t", d);
		g->meta.title = ini_string(&ini, "chapter t", "title");
		ini_close(&ini);
	}
	o.max_source = SOURCE_MAX;
	o.keep_texts = TRUE;		/* for fixture_md, and the ledger's tests */
	rc = pipeline_start(p, ms, &o, d);
	fixture_remove(path);
	return rc;
}

const char *
fixture_md(const struct pipeline *p, guint i)
{
	const struct normalized *n;

	ck_assert_uint_lt(i, p->normalized->len);
	n = g_ptr_array_index(p->normalized, i);
	return n->md->str;
}

char *
fixture_zip_entry(const char *path, const char *name)
{
	zip_t *za = zip_open(path, ZIP_RDONLY, NULL);
	zip_stat_t st;
	zip_file_t *f;
	char *buf = NULL;

	ck_assert_ptr_nonnull(za);
	if (zip_stat(za, name, 0, &st) == 0) {
		buf = g_malloc0(st.size + 1);
		ck_assert_ptr_nonnull(f = zip_fopen(za, name, 0));
		ck_assert_int_eq(zip_fread(f, buf, st.size),
		    (zip_int64_t)st.size);
		zip_fclose(f);
	}
	zip_discard(za);
	return buf;
}

struct node *
fixture_node(struct node *parent, enum node_type type)
{
	struct node *n = node_new(type, here);

	node_append(parent, n);
	return n;
}

void
fixture_text(struct node *parent, const char *s)
{
	node_append(parent, node_new_text(NODE_TEXT, here, s, -1));
}

struct node *
fixture_para(struct node *parent, const char *s)
{
	struct node *p = fixture_node(parent, NODE_PARAGRAPH);

	fixture_text(p, s);
	return p;
}

struct node *
fixture_heading(struct node *parent, int level, const char *s)
{
	struct node *h = fixture_node(parent, NODE_HEADING);

	h->as.heading.level = level;
	fixture_text(h, s);
	return h;
}

struct chapter *
fixture_chapter(struct edition *e, const char *id, const char *title)
{
	struct chapter *c = chapter_new(id);

	c->meta.title = g_strdup(title);
	c->doc = node_new(NODE_DOCUMENT, here);
	g_ptr_array_add(e->chapters, c);
	return c;
}

const char fixture_prose[] =
    "The history of the struggle within the party is not a history of "
    "personal quarrels, as its opponents liked to present it, but of "
    "irreconcilable disagreements over the character of the revolution "
    "itself, over industrialization and collectivization, over the "
    "international strategy of the movement and the internal regime of "
    "the party. Every one of these questions was argued in pamphlets, "
    "platforms and resolutions, in the columns of the press and at "
    "meetings of the Central Committee, and every one of them was finally "
    "settled not by argument but by administrative measures: transfers, "
    "expulsions, exile and, in the end, the trials. The documents that "
    "survive allow us to reconstruct these arguments with considerable "
    "precision, notwithstanding the extraordinary difficulties of "
    "interpretation that their fragmentary and frequently contradictory "
    "testimony presents to the historian.";

const struct diag *
fixture_first_diag(const struct diags *d)
{
	ck_assert_uint_gt(d->list->len, 0);
	return &g_array_index(d->list, struct diag, 0);
}

int
fixture_diags_matching(const struct diags *d, const char *needle)
{
	guint i;
	int n = 0;

	for (i = 0; i < d->list->len; i++)
		n += strstr(g_array_index(d->list, struct diag, i).msg,
		    needle) != NULL;
	return n;
}

int
fixture_epub(const struct edition *e, const struct epub_options *o,
    const struct pagemap *pm, const char *path, struct diags *d)
{
	struct sink mem, file;
	int rc;

	sink_memory(&mem, path);
	rc = epub_write(e, o, pm, &mem, d);
	if (rc == 0 && (rc = sink_open(&file, path, path, d)) == 0) {
		sink_write(&file, mem.mem->data, mem.mem->len);
		rc = sink_close(&file, "the EPUB", d);
	}
	sink_close(&mem, "the EPUB", d);
	return rc;
}

cairo_status_t
fixture_to_bytes(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}
