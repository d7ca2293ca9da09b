/*
 * pipeline.c — the one road from a manifest to an edition in the model:
 * each stage runs on every chapter, and the next starts only if no
 * stage before it has failed.
 */
#include <string.h>

#include "index/names.h"
#include "normalize/normalize.h"
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
normalized_free(struct normalized *n)
{
	normalized_release(n);
	g_free(n);
}

/*
 * Reads every group's source into texts (char *, per group) and digests
 * them all.  Returns the bytes read, or 0 once an error was added.
 */
static gsize
read_sources(struct pipeline *p, GPtrArray *texts,
    const struct pipeline_opts *o, struct diags *d)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	gsize bytes = 0, len;
	guint i;

	for (i = 0; i < p->ms->groups->len; i++) {
		const struct group *g = g_ptr_array_index(p->ms->groups, i);
		char *text = source_read(g->path, o->max_source, &len, d);

		g_ptr_array_add(texts, text);
		if (text == NULL)
			continue;
		g_checksum_update(sum, (const guchar *)&len, sizeof(len));
		g_checksum_update(sum, (const guchar *)text, (gssize)len);
		bytes += len;
	}
	p->sources_digest = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	return diags_failed(d) ? 0 : bytes;
}

/*
 * Normalizes each group's text and parses it into a chapter of the
 * edition; what the manifest says wins over what the text gave.
 */
static void
normalize_and_parse(struct pipeline *p, GPtrArray *texts,
    const struct pipeline_opts *o, struct diags *d)
{
	GPtrArray *norm = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)normalized_free);
	guint i;

	for (i = 0; i < p->ms->groups->len; i++) {
		struct normalized *n = g_new(struct normalized, 1);

		normalized_init(n);
		normalize(g_ptr_array_index(p->ms->groups, i),
		    g_ptr_array_index(texts, i), n, d);
		g_ptr_array_add(norm, n);
	}
	if (diags_failed(d)) {
		g_ptr_array_free(norm, TRUE);
		return;
	}
	progress(o, "normalize", "");
	for (i = 0; i < p->ms->groups->len; i++) {
		const struct group *g = g_ptr_array_index(p->ms->groups, i);
		struct normalized *n = g_ptr_array_index(norm, i);
		struct chapter *c = chapter_new(g->id);

		c->path = g->path;
		c->pos = g->pos;
		meta_merge(&c->meta, &g->meta);
		meta_merge(&c->meta, &n->meta);
		g_ptr_array_add(p->edition->chapters, c);
		parse_chapter(p->edition, c, n, d);
	}
	progress(o, "parse", "");
	if (o->keep_normalized)
		p->normalized = norm;
	else
		g_ptr_array_free(norm, TRUE);
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
	GPtrArray *texts;
	gsize bytes;

	memset(p, 0, sizeof(*p));
	p->ms = ms;
	p->edition = ms->edition;
	texts = g_ptr_array_new_with_free_func(g_free);
	if ((bytes = read_sources(p, texts, o, d)) > 0) {
		char *what = g_strdup_printf("%u sources, %" G_GSIZE_FORMAT
		    " bytes", p->ms->groups->len, bytes);

		progress(o, "read", what);
		g_free(what);
		normalize_and_parse(p, texts, o, d);
	}
	g_ptr_array_free(texts, TRUE);
	if (!diags_failed(d)) {
		notes_link(p->edition, d);
		progress(o, "notes", "");
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
	if (p->normalized != NULL)
		g_ptr_array_free(p->normalized, TRUE);
	memset(p, 0, sizeof(*p));
}
