/*
 * pipeline.c — the one road from a manifest to an edition in the model:
 * each stage runs on every chapter, and the next starts only if no
 * stage before it has failed.
 */
#include <string.h>

#include <xxhash.h>

#include "index/names.h"
#include "ledger.h"
#include "normalize/kept.h"
#include "normalize/normalize.h"
#include "out/reuse.h"
#include "out/words.h"
#include "parse/links.h"
#include "parse/notes.h"
#include "parse/parse.h"
#include "pipeline.h"
#include "read/source.h"

static void
progress(const struct pipeline_opts *o, const char *stage, const char *what)
{
	if (o->progress != NULL)
		o->progress(o->arg, stage, what);
}

static void
source_clear(struct source *s)
{
	g_free(s->text);
}

/* The source at path among those read, or NULL. */
static const struct source *
find_source(const GArray *sources, const char *path)
{
	guint i;

	for (i = 0; i < sources->len; i++)
		if (strcmp(g_array_index(sources, struct source, i).path,
		    path) == 0)
			return &g_array_index(sources, struct source, i);
	return NULL;
}

/*
 * Reads every group's source once into p->sources and digests them
 * all.  Returns the bytes read, or 0 once an error was added.
 */
static gsize
read_sources(struct pipeline *p, const struct pipeline_opts *o,
    struct diags *d)
{
	/* XXH3, not SHA-256: a tenth of a millisecond for the sample's
	 * sources, not three (the key of a kept layout, pages.h). */
	XXH3_state_t *sum = XXH3_createState();
	XXH128_hash_t h;
	gsize bytes = 0;
	guint i;

	if (sum == NULL || XXH3_128bits_reset(sum) != XXH_OK)
		g_error("out of memory");

	for (i = 0; i < p->ms->groups->len; i++) {
		const struct group *g = g_ptr_array_index(p->ms->groups, i);
		struct source s = { g->path, NULL, 0 };

		if (find_source(p->sources, g->path) != NULL)
			continue;
		s.text = source_read(g->path, g->rules.encoding,
		    o->max_source, &s.len, d);
		if (s.text == NULL)
			continue;
		g_array_append_val(p->sources, s);
		XXH3_128bits_update(sum, &s.len, sizeof(s.len));
		XXH3_128bits_update(sum, s.text, s.len);
		bytes += s.len;
	}
	h = XXH3_128bits_digest(sum);
	p->sources_digest = g_strdup_printf("%016" G_GINT64_MODIFIER "x%016"
	    G_GINT64_MODIFIER "x", (guint64)h.high64, (guint64)h.low64);
	XXH3_freeState(sum);
	return diags_failed(d) ? 0 : bytes;
}

/*
 * A chapter's role from its title or number when the manifest says
 * none: "Preface", "Author's Preface", "Appendix A"; said at -v.
 */
static enum chapter_role
guess_role(const struct chapter *c, struct diags *d)
{
	const char *said[] = { c->meta.label, c->meta.title };
	size_t k;
	int r;

	for (k = 0; k < G_N_ELEMENTS(said); k++) {
		char *t;
		gchar **words;
		guint n;

		if (said[k] == NULL)
			continue;
		t = g_utf8_strdown(said[k], -1);
		words = g_regex_split_simple("[^[:alpha:]]+", t, 0, 0);
		for (n = 0; words[n] != NULL && *words[n] != '\0'; n++)
			continue;
		for (r = ROLE_DEDICATION; r <= ROLE_BIBLIOGRAPHY; r++) {
			const char *name = chapter_role_name(
			    (enum chapter_role)r);

			/* "Preface", "Editor's Preface", "Appendix A". */
			if (n > 0 && n <= 3 && (strcmp(words[n - 1], name) == 0 ||
			    (r == ROLE_APPENDIX && strcmp(words[0], name) == 0)))
				break;
		}
		g_strfreev(words);
		g_free(t);
		if (r <= ROLE_BIBLIOGRAPHY) {
			diag_add(d, DIAG_INFO, c->pos, "chapter %s is the book's "
			    "%s, by its title ('role = chapter' says it is "
			    "not)", c->id, chapter_role_name((enum chapter_role)r));
			return (enum chapter_role)r;
		}
	}
	return ROLE_CHAPTER;
}

/*
 * A chapter of group g from its normalized text: what the manifest
 * says wins over what the text gave, except that a split group's title
 * is its opening's, not each split chapter's.
 */
static struct chapter *
chapter_of(struct pipeline *p, const struct group *g,
    const struct normalized *n, struct diags *d)
{
	struct chapter *c = chapter_new(n->id);
	struct meta m = g->meta;

	if (n->split) {
		m.title = NULL;
		m.subtitle = NULL;
	}
	c->path = g->path;
	c->pos = g->pos;
	c->language = g_strdup(group_own_language(g, p->edition));
	meta_merge(&c->meta, &m);
	meta_merge(&c->meta, &n->meta);
	if (g->role >= 0)
		c->role = (enum chapter_role)g->role;
	else
		c->role = guess_role(c, d);
	g_ptr_array_add(p->edition->chapters, c);
	return c;
}

/*
 * A heading for each chapter neither the manifest nor its source titles,
 * rather than its id: its role ("Preface"), the book's title if it is
 * the only chapter, else its number among the chapters ("Chapter 3"),
 * which is a guess an editor should settle.
 */
static void
name_untitled(struct pipeline *p, struct diags *d)
{
	const struct edition *e = p->edition;
	guint i, number = 0;

	for (i = 0; i < e->chapters->len; i++) {
		struct chapter *c = g_ptr_array_index(e->chapters, i);

		number += c->role == ROLE_CHAPTER;
		if (c->meta.title != NULL || c->meta.label != NULL)
			continue;
		if (c->role != ROLE_CHAPTER) {
			c->meta.label = g_strdup(chapter_role_name(c->role));
			c->meta.label[0] = g_ascii_toupper(c->meta.label[0]);
		} else if (e->chapters->len == 1 && e->meta.title != NULL)
			c->meta.title = g_strdup(e->meta.title);
		else {
			c->meta.label = g_strdup_printf("%s %u",
			    word(WORD_CHAPTER), number);
			diag_add(d, DIAG_DOUBT, c->pos, "chapter %s has no title "
			    "in the manifest or its source; it is headed '%s' "
			    "(say 'title = …' in [chapter %s])", c->id,
			    c->meta.label, c->id);
		}
	}
}

/* Chapter ids name files: two chapters may not share one. */
static void
check_ids(const struct pipeline *p, struct diags *d)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	guint i;

	for (i = 0; i < p->edition->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(p->edition->chapters,
		    i);

		if (!g_hash_table_add(seen, c->id))
			diag_add(d, DIAG_ERROR, c->pos, "a second chapter "
			    "'%s'; give each [chapter ID] group an id of its "
			    "own (a split group's chapters are ID-1, ID-2, …)",
			    c->id);
	}
	g_hash_table_destroy(seen);
}

/* The title of a split group belongs to the text before its first split. */
static void
check_split_title(const struct group *g, const struct normalization *nz,
    struct diags *d)
{
	guint k;

	if (g->rules.split == NULL || g->meta.title == NULL)
		return;
	for (k = 0; k < nz->chapters->len; k++)
		if (!((const struct normalized *)g_ptr_array_index(
		    nz->chapters, k))->split)
			return;
	diag_add(d, DIAG_WARNING, g->pos, "[chapter %s] has a title, but "
	    "its split chapters take theirs from their headings, and no text "
	    "comes before the first; remove 'title'", g->id);
}

/* Sets *field to a copy of value if it is unset. */
static void
fill(char **field, const char *value)
{
	if (*field == NULL && value != NULL)
		*field = g_strdup(value);
}

/*
 * What the manifest leaves out of [edition], the first Markdown
 * source's YAML block gives, as pandoc reads it; then the title, the
 * language and the identifier must be known.
 */
static void
book_metadata(struct pipeline *p, struct diags *d)
{
	struct edition *e = p->edition;
	guint i;

	for (i = 0; i < p->normalizations->len; i++) {
		const struct markdown_meta *b = &g_array_index(
		    p->normalizations, struct normalization, i).book;

		fill(&e->meta.title, b->title);
		fill(&e->meta.subtitle, b->subtitle);
		fill(&e->meta.author, b->author);
		fill(&e->date, b->date);
		fill(&e->language, b->language);
		fill(&e->identifier, b->identifier);
		fill(&e->rights, b->rights);
		fill(&e->description, b->description);
		fill(&e->publisher, b->publisher);
	}
	if (e->meta.title == NULL || e->language == NULL ||
	    e->identifier == NULL)
		diag_add(d, DIAG_ERROR, p->ms->edition_pos, "[edition] has no "
		    "'%s', nor does a YAML block of a Markdown source; add a "
		    "line '%s = …'", e->meta.title == NULL ? "title" :
		    e->language == NULL ? "language" : "identifier",
		    e->meta.title == NULL ? "title" : e->language == NULL ?
		    "language" : "identifier");
}

/*
 * Group k's source normalized into nz, or found as an earlier run
 * normalized it (its diagnostics said again); one made anew is kept for
 * the next run unless normalizing it failed.  The group's place is the
 * kind of its row: the manifest, which the reuse is kept under, says
 * the rest of what the group is.  Returns whether it was found.
 */
static gboolean
normalize_kept(const struct group *g, guint k, const struct source *src,
    const struct pipeline_opts *o, struct normalization *nz,
    struct diags *d)
{
	GBytes *kept = o->normalized != NULL ? reuse_find(o->normalized, k,
	    src->text, src->len) : NULL;
	guint first = d->list->len;
	int errors = d->count[DIAG_ERROR];
	GString *made;

	if (kept != NULL) {
		gboolean found = normalization_get(g_bytes_get_data(kept, NULL),
		    g_bytes_get_size(kept), nz, d);

		if (found)
			reuse_keep(o->normalized, k, src->text, src->len,
			    g_bytes_get_data(kept, NULL),
			    g_bytes_get_size(kept));
		g_bytes_unref(kept);
		if (found)
			return TRUE;
	}
	normalize(g, src->text, nz, d);
	if (o->normalized == NULL || d->count[DIAG_ERROR] > errors)
		return FALSE;
	made = g_string_new(NULL);
	normalization_put(made, nz, d, first);
	reuse_keep(o->normalized, k, src->text, src->len, made->str,
	    made->len);
	g_string_free(made, TRUE);
	return FALSE;
}

/*
 * Normalizes each group's text and parses each of its chapters into
 * the edition.
 */
static void
normalize_and_parse(struct pipeline *p, const struct pipeline_opts *o,
    struct diags *d)
{
	guint i, k, found = 0;

	for (i = 0; i < p->ms->groups->len; i++) {
		const struct group *g = g_ptr_array_index(p->ms->groups, i);
		struct normalization nz;

		normalization_init(&nz);
		found += normalize_kept(g, i, find_source(p->sources, g->path),
		    o, &nz, d);
		check_split_title(g, &nz, d);
		g_array_append_val(p->normalizations, nz);
	}
	if (found > 0)
		diag_add(d, DIAG_INFO, srcpos_at(p->ms->path, 0, 0), "%u of "
		    "the %u sources are as the last build normalized them, "
		    "from the same manifest and text", found,
		    p->ms->groups->len);
	book_metadata(p, d);
	if (diags_failed(d))
		return;
	progress(o, "normalize", "");
	for (i = 0; i < p->ms->groups->len; i++) {
		const struct group *g = g_ptr_array_index(p->ms->groups, i);
		struct normalization *nz = &g_array_index(
		    p->normalizations, struct normalization, i);

		for (k = 0; k < nz->chapters->len; k++) {
			struct normalized *n = g_ptr_array_index(nz->chapters,
			    k);

			parse_chapter(p->edition, chapter_of(p, g, n, d), n,
			    nz->changes, d);
			g_ptr_array_add(p->normalized, n);
			if (!o->keep_texts)
				normalized_drop_text(n);
		}
	}
	name_untitled(p, d);
	check_ids(p, d);
	links_resolve(p->edition, d);
	progress(o, "parse", "");
}

/*
 * Lets the sources as read and their normalizations go once the last
 * stage reading them is done, unless the caller keeps them: what comes
 * after (the index, a book's layout) reuses their memory rather than
 * growing the heap.
 */
static void
drop_texts(struct pipeline *p, const struct pipeline_opts *o)
{
	if (o->keep_texts)
		return;
	g_ptr_array_set_size(p->normalized, 0);
	g_array_set_size(p->normalizations, 0);
	g_array_set_size(p->sources, 0);
}

/* The index of names, if the manuscript has a list. */
static void
index_stage(struct pipeline *p, const struct pipeline_opts *o,
    struct diags *d)
{
	struct names nl;

	if (p->ms->names == NULL)
		return;
	names_init(&nl);
	if (names_read(&nl, p->ms->names, d) == 0)
		index_names(p->edition, &nl, o->log, d);
	names_release(&nl);
	progress(o, "index", p->ms->names);
}

int
pipeline_run(struct pipeline *p, const char *path,
    const struct pipeline_opts *o, struct diags *d)
{
	struct manuscript *ms;

	memset(p, 0, sizeof(*p));
	if ((ms = manifest_read(path, d)) == NULL)
		return -1;
	return pipeline_start(p, ms, o, d);
}

int
pipeline_start(struct pipeline *p, struct manuscript *ms,
    const struct pipeline_opts *o, struct diags *d)
{
	gsize bytes;

	memset(p, 0, sizeof(*p));
	p->ms = ms;
	p->edition = ms->edition;
	p->sources = g_array_new(FALSE, FALSE, sizeof(struct source));
	g_array_set_clear_func(p->sources, (GDestroyNotify)source_clear);
	p->normalizations = g_array_new(FALSE, FALSE,
	    sizeof(struct normalization));
	g_array_set_clear_func(p->normalizations,
	    (GDestroyNotify)normalization_release);
	p->normalized = g_ptr_array_new();
	if ((bytes = read_sources(p, o, d)) > 0) {
		char *what = g_strdup_printf("%u sources, %" G_GSIZE_FORMAT
		    " bytes", p->sources->len, bytes);

		progress(o, "read", what);
		g_free(what);
		normalize_and_parse(p, o, d);
	}
	if (o->uncounted)
		drop_texts(p, o);
	if (!diags_failed(d)) {
		notes_link(p->edition, d);
		progress(o, "notes", "");
	}
	if (!diags_failed(d) && !o->uncounted) {
		struct ledger_input in = { p->ms, p->sources,
		    p->normalizations, p->normalized, p->edition };

		ledger_count(&p->ledger, &in, d);
		drop_texts(p, o);
		progress(o, "ledger", "");
	}
	if (!diags_failed(d))
		index_stage(p, o, d);
	if (diags_failed(d)) {
		pipeline_release(p);
		return -1;
	}
	return 0;
}

void
pipeline_release(struct pipeline *p)
{
	manuscript_free(p->ms);
	g_free(p->sources_digest);
	if (p->sources != NULL)
		g_array_free(p->sources, TRUE);
	if (p->normalizations != NULL)
		g_array_free(p->normalizations, TRUE);
	if (p->normalized != NULL)
		g_ptr_array_free(p->normalized, TRUE);
	ledger_release(&p->ledger);
	memset(p, 0, sizeof(*p));
}
