/*
 * main.c — the command line: commands and options, progress with each
 * stage's time, diagnostics, and outputs that are written whole or not
 * at all.  The stages themselves are pipeline.c's:
 *
 *   read → normalize → parse → notes → index → layout → PDF / EPUB
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "diag.h"
#include "epub/epub.h"
#include "heap.h"
#include "index/draft.h"
#include "model.h"
#include "normalize/kept.h"
#include "normalize/normalize.h"
#include "out/digest.h"
#include "out/epoch.h"
#include "out/kept.h"
#include "out/pages.h"
#include "out/reuse.h"
#include "out/sink.h"
#include "pdf/pdf.h"
#include "ledger.h"
#include "pipeline.h"
#include "read/source.h"
#include "read/style.h"
#include "tree/tree.h"

#define OCTAVO_VERSION	"0.1.0"
#define DEFAULT_MANIFEST "manuscript/edition.ini"

enum exit_code { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* Options shared by every command. */
static gboolean opt_quiet, opt_verbose, opt_no_pages, opt_strict;
static gchar *opt_warnings;
static gchar *opt_epub, *opt_pdf, *opt_outdir, *opt_report;
static gint64 opt_max_source = SOURCE_MAX;

static const GOptionEntry common_entries[] = {
	{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &opt_quiet,
	    "No progress on standard error", NULL },
	{ "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose,
	    "Also show what the heuristics did", NULL },
	{ "max-source", 0, 0, G_OPTION_ARG_INT64, &opt_max_source,
	    "Largest source file read, in bytes (256 MiB)", "BYTES" },
	{ "strict", 0, 0, G_OPTION_ARG_NONE, &opt_strict,
	    "Fail on warnings, as CI wants (the same as -W error)", NULL },
	{ "warnings", 'W', 0, G_OPTION_ARG_STRING, &opt_warnings,
	    "With 'error', fail on warnings", "error" },
	G_OPTION_ENTRY_NULL
};

static const GOptionEntry build_entries[] = {
	{ "epub", 0, 0, G_OPTION_ARG_FILENAME, &opt_epub,
	    "Write the EPUB to FILE", "FILE" },
	{ "pdf", 0, 0, G_OPTION_ARG_FILENAME, &opt_pdf,
	    "Write the PDF to FILE", "FILE" },
	{ "report", 0, 0, G_OPTION_ARG_FILENAME, &opt_report,
	    "Write the PDF's typesetting report to FILE", "FILE" },
	G_OPTION_ENTRY_NULL
};

static const GOptionEntry index_entries[] = {
	{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_outdir,
	    "Write the index to FILE (build/names-index.txt)", "FILE" },
	{ "no-pages", 0, 0, G_OPTION_ARG_NONE, &opt_no_pages,
	    "Only the locators: no layout pass for the print pages", NULL },
	G_OPTION_ENTRY_NULL
};

static const GOptionEntry names_entries[] = {
	{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_outdir,
	    "Write the draft list to FILE (build/names.txt)", "FILE" },
	G_OPTION_ENTRY_NULL
};

static const GOptionEntry normalize_entries[] = {
	{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_outdir,
	    "Write the chapters to DIR (build/normalized)", "DIR" },
	G_OPTION_ENTRY_NULL
};

/* check shows what the heuristics were unsure of; -v shows what they did. */
static gboolean checking;

static enum diag_level
least_shown(void)
{
	return opt_verbose ? DIAG_INFO : checking ? DIAG_DOUBT : DIAG_WARNING;
}

/*
 * Progress: one line per stage with the time it took, on standard error.
 * Diagnostics the stage added are printed just before its line.
 */
struct clock {
	gint64		 start;
	struct diags	*diags;
};

static void
clock_start(struct clock *ck, struct diags *d)
{
	ck->start = g_get_monotonic_time();
	ck->diags = d;
}

static void
clock_stage(struct clock *ck, const char *stage, const char *what)
{
	gint64 now = g_get_monotonic_time();

	if (!checking)
		diag_flush(ck->diags, stderr, least_shown());
	if (!opt_quiet)
		fprintf(stderr, "octavo: %-10s %8.1f ms  %s\n", stage,
		    (double)(now - ck->start) / 1000.0, what);
	ck->start = now;
}

/*
 * The lines a command ends with: the word ledger, and how many
 * diagnostics of each level (those below what is shown, counted).
 */
static void
summary(FILE *f, const struct pipeline *p, const struct diags *d)
{
	if (p->edition != NULL) {
		char *words = ledger_summary(&p->ledger);

		if (checking && opt_verbose) {
			char *rules = ledger_rules(&p->ledger);
			gchar **lines = g_strsplit(rules, "\n", -1), **l;

			for (l = lines; *l != NULL && **l != '\0'; l++)
				fprintf(f, "octavo: %s\n", *l);
			g_strfreev(lines);
			g_free(rules);
		}
		fprintf(f, "octavo: %s\n", words);
		g_free(words);
	}
	fprintf(f, "octavo: %d errors, %d warnings, %d unsure%s\n",
	    d->count[DIAG_ERROR], d->count[DIAG_WARNING],
	    d->count[DIAG_DOUBT], !checking && d->count[DIAG_DOUBT] > 0 ?
	    " (octavo check shows what is unsure)" : "");
}

/*
 * With --strict (-W error), warnings fail the command: an error that
 * says so, before any output is written.  Returns whether it failed.
 */
static int
strict_failed(struct diags *d)
{
	if (!opt_strict || d->count[DIAG_WARNING] == 0 || diags_failed(d))
		return diags_failed(d);
	diag_add(d, DIAG_ERROR, srcpos_at(NULL, 0, 0), "%d warnings, and "
	    "warnings are errors here (--strict); settle each, or build "
	    "without --strict", d->count[DIAG_WARNING]);
	return 1;
}

/* pipeline.h's progress callback: a clock's line per stage. */
static void
clock_progress(void *arg, const char *stage, const char *what)
{
	clock_stage(arg, stage, what);
}

/* The key the layout is kept under, from the text as read; or NULL. */
static char *
layout_key(const struct pipeline *p)
{
	return pdf_layout_key(p->edition, p->ms->path, p->ms->print_style,
	    p->sources_digest);
}

/*
 * An output being made: written to a temporary file in the
 * destination's folder, which replaces the destination only when every
 * output of the command is whole.  A failed build leaves the old files
 * as they were, the EPUB and the PDF alike.
 */
struct output {
	const char	*path;		/* the destination */
	char		*tmp;		/* written, not yet renamed; or NULL */
};

/* A back end: writes the edition (and arg) into the sink. */
typedef int (*writer)(const struct edition *, void *arg, struct sink *,
    struct diags *);

/*
 * Writes o's temporary file with write, what naming the output in
 * errors ("the PDF").  Returns 0, or -1 with an error (at the
 * destination, never the temporary file) and nothing left behind.
 */
static int
output_write(struct output *o, const char *path, const char *what,
    writer write, const struct edition *e, void *arg, struct diags *d)
{
	char *dir = g_path_get_dirname(path);
	char *base = g_path_get_basename(path);
	struct sink out;
	int fd, rc = -1;

	o->path = path;
	o->tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
	if (g_mkdir_with_parents(dir, 0777) == -1 ||
	    (fd = g_mkstemp(o->tmp)) == -1)
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0), "cannot write "
		    "here: %s; choose another output path", g_strerror(errno));
	else {
		close(fd);
		if (sink_open(&out, o->tmp, path, d) == 0) {
			rc = write(e, arg, &out, d);
			if (sink_close(&out, what, d) == -1)
				rc = -1;
		}
		if (rc == -1)
			g_unlink(o->tmp);
	}
	if (rc == -1)
		g_clear_pointer(&o->tmp, g_free);
	g_free(base);
	g_free(dir);
	return rc;
}

/* Renames a written output over its destination; 0, or -1 with an error. */
static int
output_commit(struct output *o, struct diags *d)
{
	int rc = 0;

	if (o->tmp == NULL)
		return -1;
	if (g_chmod(o->tmp, 0644) != 0 || g_rename(o->tmp, o->path) != 0) {
		diag_add(d, DIAG_ERROR, srcpos_at(o->path, 0, 0),
		    "cannot replace: %s", g_strerror(errno));
		g_unlink(o->tmp);
		rc = -1;
	}
	g_clear_pointer(&o->tmp, g_free);
	return rc;
}

/* Removes a written output that is not to replace its destination. */
static void
output_discard(struct output *o)
{
	if (o->tmp != NULL)
		g_unlink(o->tmp);
	g_clear_pointer(&o->tmp, g_free);
}

/*
 * The EPUB, written on a thread of its own while the main thread draws
 * the PDF: both only read the edition and the page map, and each has
 * its own diagnostics, its own Pango font map, its own files.
 */
struct epub_job {
	const struct edition	*e;
	struct epub_options	 opts;
	const struct pagemap	*pages;
	struct output		 out;
	const char		*path;
	struct diags		 diags;
	gint64			 took;		/* µs */
	int			 rc;
};

static int
write_epub(const struct edition *e, void *arg, struct sink *out,
    struct diags *d)
{
	const struct epub_job *job = arg;

	return epub_write(e, &job->opts, job->pages, out, d);
}

static gpointer
epub_job_run(gpointer arg)
{
	struct epub_job *job = arg;
	gint64 start = g_get_monotonic_time();

	job->rc = output_write(&job->out, job->path, "the EPUB", write_epub,
	    job->e, job, &job->diags);
	job->took = g_get_monotonic_time() - start;
	return NULL;
}

/* What the PDF is written with: the layout, and the contents kept. */
struct pdf_job {
	struct pdf_layout	*layout;
	struct reuse		*contents;	/* or NULL */
};

static int
write_pdf(const struct edition *e, void *arg, struct sink *out,
    struct diags *d)
{
	struct pdf_job *job = arg;

	(void)e;
	return pdf_draw(job->layout, out, job->contents, d);
}

/* What each file a build keeps for the next holds, as -v names it. */
#define PARAS		"the blocks set"
#define CONTENTS	"the pages' contents"
#define DEFLATED	"the EPUB's files deflated"
#define NORMALIZED	"the sources normalized"

/* The default output path: build/<output>.<ext>. */
static char *
default_output(const struct manuscript *ms, const char *ext)
{
	return g_strdup_printf("build/%s.%s", ms->output, ext);
}

/* The folder of a file kept at path made; NULL, or why it cannot be. */
static const char *
keep_folder(const char *path)
{
	char *dir = g_path_get_dirname(path);
	const char *why = NULL;

	if (g_mkdir_with_parents(dir, 0777) == -1)
		why = g_strerror(errno);
	g_free(dir);
	return why;
}

/*
 * Why a file cannot be kept at path under key (NULL: the manifest or
 * the print style could not be read), once its folder is made; NULL if
 * it can.
 */
static const char *
unkeepable(const char *path, const char *key)
{
	if (key == NULL)
		return "its manifest or print style could not be read";
	return keep_folder(path);
}

/*
 * Keeps the layout's page map in build/<output>.pages under key, for
 * `octavo index`.  Only a cache: when it cannot be kept, -v says why.
 */
static void
keep_layout(const struct pagemap *pages, const struct pipeline *p,
    const char *key, struct diags *d)
{
	char *path = default_output(p->ms, "pages");
	const char *why = unkeepable(path, key);
	GError *err = NULL;

	if (why == NULL && !pagemap_save(pages, p->edition, key, path, &err))
		why = err->message;
	if (why != NULL)
		diag_add(d, DIAG_INFO, srcpos_at(path, 0, 0), "the layout is "
		    "not kept for 'octavo index': %s", why);
	g_clear_error(&err);
	g_free(path);
}

/*
 * The words the last layout shaped, kept in build/<output>.shapes, for
 * pdf_lay_out to set again without shaping them; or NULL.
 */
static GBytes *
kept_shapes(const struct pipeline *p)
{
	char *path = default_output(p->ms, "shapes");
	char *key = pdf_shapes_key();
	GBytes *kept = kept_load(path, key);

	g_free(key);
	g_free(path);
	return kept;
}

/*
 * Keeps the words the layout shaped in build/<output>.shapes, for the
 * next layout, unless those kept already serve: once it is drawn, so as
 * not to add to what its drawing holds.  Only a cache: when they cannot
 * be kept, -v says why.
 */
static void
keep_shapes(struct pdf_layout *layout, const struct pipeline *p,
    struct diags *d)
{
	GBytes *shapes = pdf_layout_shapes(layout);
	char *path, *key;
	const char *why;
	GError *err = NULL;

	if (shapes == NULL)
		return;
	path = default_output(p->ms, "shapes");
	key = pdf_shapes_key();
	if ((why = unkeepable(path, key)) == NULL &&
	    !kept_save(path, key, shapes, &err))
		why = err->message;
	if (why != NULL)
		diag_add(d, DIAG_INFO, srcpos_at(path, 0, 0), "the words shaped "
		    "are not kept for the next layout: %s", why);
	g_clear_error(&err);
	g_bytes_unref(shapes);
	g_free(key);
	g_free(path);
}

/*
 * What an earlier build made, kept in build/<output>.<ext> under key,
 * for this build to find and to keep its own in (reuse.h); NULL if it
 * cannot be kept, which -v says, what naming it.  Frees key.
 */
static struct reuse *
reuse_at(const struct manuscript *ms, const char *ext, char *key,
    const char *what, struct diags *d)
{
	char *path = default_output(ms, ext);
	const char *why = unkeepable(path, key);
	struct reuse *r = why == NULL ? reuse_open(path, key) : NULL;

	if (why != NULL)
		diag_add(d, DIAG_INFO, srcpos_at(path, 0, 0), "%s are not kept "
		    "for the next build: %s", what, why);
	g_free(key);
	g_free(path);
	return r;
}

/*
 * Keeps what r holds for the next build if what it served is whole (ok),
 * else drops it; -v says why it could not be kept.
 */
static void
reuse_end(struct reuse *r, gboolean ok, const struct manuscript *ms,
    const char *ext, const char *what, struct diags *d)
{
	GError *err = NULL;
	char *path;

	if (r == NULL)
		return;
	if (!ok) {
		reuse_discard(r);
		return;
	}
	if (!reuse_close(r, &err)) {
		path = default_output(ms, ext);
		diag_add(d, DIAG_INFO, srcpos_at(path, 0, 0), "%s are not kept "
		    "for the next build: %s", what, err->message);
		g_free(path);
		g_error_free(err);
	}
}

/*
 * Runs the pipeline on the manifest, reporting each stage's time on
 * ck; without the word ledger if uncounted; keeping the sources and
 * their normalizations in p if keep_texts; finding each source's
 * normalization as the last run kept it, and keeping this run's, in
 * build/<output>.normalized if reuse.  Returns 0, or -1 once any stage
 * has added an error.
 */
static int
load(struct pipeline *p, const char *manifest, struct clock *ck,
    struct index_log *log, gboolean uncounted, gboolean keep_texts,
    gboolean reuse, struct diags *d)
{
	struct pipeline_opts o = { 0 };
	struct manuscript *ms;
	int rc;

	memset(p, 0, sizeof(*p));
	if ((ms = manifest_read(manifest, d)) == NULL)
		return -1;
	o.max_source = (gsize)opt_max_source;
	o.log = log;
	o.uncounted = uncounted;
	o.keep_texts = keep_texts;
	o.progress = clock_progress;
	o.arg = ck;
	if (reuse)
		o.normalized = reuse_at(ms, "normalized", normalization_key(ms),
		    NORMALIZED, d);
	rc = pipeline_start(p, ms, &o, d);
	/* A failed pipeline has let go of the manuscript: the reuse is
	 * then only discarded, and asks for none. */
	reuse_end(o.normalized, rc == 0, rc == 0 ? p->ms : NULL, "normalized",
	    NORMALIZED, d);
	return rc;
}

/*
 * pdf_lay_out with the words and the blocks the last layout kept, and
 * the blocks this one sets kept for the next.
 */
static struct pdf_layout *
lay_out(const struct pipeline *p, const struct style *st,
    struct pagemap *pages, const char *report, const char *drawn,
    struct diags *d)
{
	struct reuse *paras = reuse_at(p->ms, "paras", pdf_paras_key(p->edition,
	    p->ms->print_style), PARAS, d);
	struct pdf_layout *l = pdf_lay_out(p->edition, st, pages, report,
	    drawn, kept_shapes(p), paras, d);

	reuse_end(paras, l != NULL, p->ms, "paras", PARAS, d);
	return l;
}

/* Whether two paths name one file (or would, once written). */
static int
same_file(const char *a, const char *b)
{
	GStatBuf sa, sb;

	if (g_stat(a, &sa) == 0 && g_stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	return strcmp(a, b) == 0;
}

/*
 * The outputs must be two files, and neither the manifest: `--pdf
 * manuscript/edition.ini` with the manifest forgotten would overwrite
 * it.  Says so and returns 0 if not.
 */
static int
outputs_apart(const char *manifest)
{
	const char *clash = NULL;

	if (opt_epub != NULL && same_file(opt_epub, manifest))
		clash = "--epub names the manifest";
	else if (opt_pdf != NULL && same_file(opt_pdf, manifest))
		clash = "--pdf names the manifest";
	else if (opt_report != NULL && same_file(opt_report, manifest))
		clash = "--report names the manifest";
	else if (opt_epub != NULL && opt_pdf != NULL &&
	    same_file(opt_epub, opt_pdf))
		clash = "--epub and --pdf name one file";
	if (clash != NULL)
		fprintf(stderr, "octavo build: %s; give each output a path of "
		    "its own, and the manifest last\n", clash);
	return clash == NULL;
}

/*
 * The input that path names, of those the manifest lists (the manifest
 * itself is outputs_apart's): a source, a style, the cover's style
 * beside the stylesheet, the list of names; NULL if none.
 */
static const char *
input_named(const struct manuscript *ms, const char *path)
{
	static const char *const what[] = { "the print style",
	    "the EPUB stylesheet", "the list of names" };
	const char *files[G_N_ELEMENTS(what)] = { ms->print_style,
	    ms->epub_style, ms->names };
	char *cover = ms->epub_style != NULL ?
	    epub_cover_style(ms->epub_style) : NULL;
	const char *found = NULL;
	guint i;

	for (i = 0; i < G_N_ELEMENTS(what) && found == NULL; i++)
		if (files[i] != NULL && same_file(path, files[i]))
			found = what[i];
	if (found == NULL && cover != NULL && same_file(path, cover))
		found = "the cover's style";
	for (i = 0; i < ms->groups->len && found == NULL; i++) {
		const struct group *g = g_ptr_array_index(ms->groups, i);

		if (g->path != NULL && same_file(path, g->path))
			found = "a source";
	}
	g_free(cover);
	return found;
}

/*
 * No output may overwrite a file the build reads.  Says which, and
 * returns 0, if one would.
 */
static int
outputs_not_inputs(const struct manuscript *ms, const char *epub,
    const char *pdf)
{
	const char *paths[] = { epub, pdf, opt_report };
	static const char *const names[] = { "the EPUB", "the PDF",
	    "the report" };
	const char *input = NULL;
	guint i;

	for (i = 0; i < G_N_ELEMENTS(paths) && input == NULL; i++)
		if (paths[i] != NULL && (input = input_named(ms, paths[i])) !=
		    NULL)
			fprintf(stderr, "octavo build: %s, %s, is %s of the "
			    "edition, which it would overwrite; give the "
			    "output a path of its own\n", names[i], paths[i],
			    input);
	return input == NULL;
}

/*
 * Writes the PDF to a temporary file for path (output_write), its pages'
 * contents found in build/<output>.contents where an earlier build
 * finished them from the same drawing, and this build's kept there for
 * the next once the PDF is whole.
 */
static int
write_pdf_kept(const struct pipeline *p, struct pdf_layout *layout,
    struct output *po, const char *path, struct diags *d)
{
	struct pdf_job job = { layout, reuse_at(p->ms, "contents",
	    digest_deflated_key(), CONTENTS, d) };
	int rc = output_write(po, path, "the PDF", write_pdf, p->edition, &job,
	    d);

	reuse_end(job.contents, rc == 0, p->ms, "contents", CONTENTS, d);
	return rc;
}

/*
 * After the EPUB is made: its deflated files kept for the next build,
 * its diagnostics the build's, its stage said (when: beside or before
 * the PDF's finishing).
 */
static void
epub_job_end(struct epub_job *job, const struct pipeline *p,
    const char *when, struct diags *d)
{
	reuse_end(job->opts.deflated, job->rc == 0, p->ms, "deflated", DEFLATED,
	    &job->diags);
	diags_move(d, &job->diags);
	diags_release(&job->diags);
	if (job->rc == 0 && !opt_quiet)
		fprintf(stderr, "octavo: %-10s %8.1f ms  %s (%s)\n", "epub",
		    (double)job->took / 1000.0, job->path, when);
}

/*
 * The e-book's cover, drawn on a thread of its own beside the layout
 * (epub_cover): then the build holds little, where the EPUB, which
 * drew it, is made on top of a long book's text.
 */
struct cover_job {
	const struct edition	*e;
	struct epub_options	 opts;
	GBytes			*png;
	struct diags		 diags;
	GThread			*thread;
};

static gpointer
cover_job_run(gpointer arg)
{
	struct cover_job *job = arg;

	job->png = epub_cover(job->e, &job->opts, &job->diags);
	return NULL;
}

/* Begins drawing the cover kept at kept, if there is an EPUB to make. */
static void
cover_begin(struct cover_job *job, const struct pipeline *p,
    const char *kept, gboolean epub)
{
	memset(job, 0, sizeof(*job));
	diags_init(&job->diags);
	if (!epub)
		return;
	job->e = p->edition;
	job->opts.css = p->ms->epub_style;
	/* Its folder made here (the layout's files make it only after);
	 * if it cannot be, keeping the cover says why. */
	(void)keep_folder(kept);
	job->opts.cover_kept = kept;
	job->thread = g_thread_new("cover", cover_job_run, job);
}

/*
 * The cover drawn, or NULL: what it said is the build's if it was, else
 * dropped, since the EPUB, not given it, tries again and says why.
 */
static GBytes *
cover_end(struct cover_job *job, struct diags *d)
{
	if (job->thread != NULL)
		g_thread_join(job->thread);
	job->thread = NULL;
	if (job->png != NULL)
		diags_move(d, &job->diags);
	diags_release(&job->diags);
	return job->png;
}

/*
 * The chapters the PDF has drawn with its text, from the first (as
 * pdf_layout_text_from says), whose text the EPUB lets go of as it
 * renders them (epub_options' rendered).
 */
struct drawn_text {
	struct edition	*e;
	guint		 from;
};

static void
release_rendered(guint chapter, void *arg)
{
	const struct drawn_text *dt = arg;

	if (chapter < dt->from)
		return;
	chapter_release_text(g_ptr_array_index(dt->e->chapters, chapter));
	/* All of it let go of, it is given back before the EPUB's index,
	 * its largest page, is made. */
	if (chapter + 1 == dt->e->chapters->len)
		heap_give_back();
}

/*
 * Writes the EPUB (if epub is not NULL) and the PDF (if pdf is not
 * NULL), each to a temporary file.  They replace their destinations
 * only once both are whole, so that a failure in either, or a warning
 * under --strict, leaves both old files as they were.  The EPUB's cover
 * (png, drawn before, or NULL) is kept at cover for the next build.
 *
 * A book drawn on one surface has its EPUB made on a second thread
 * beside the finishing, once Cairo has let go of the PDF's pages (begun
 * before, what it holds would add to the most the build holds).  A
 * long book's (drawn on more than one surface) is made first, on this
 * thread, once its text is drawn, and lets go of each chapter's text
 * as it renders it: the EPUB's index, the drawing of the prelims and
 * index and the finishing, which do not read it (but for the front
 * matter's, drawn with the prelims), do not come on top of it.  Beside
 * the finishing, in a heap arena of its own, the EPUB was the most a
 * long build held, and sharing one arena between the threads slowed
 * every build.
 */
static void
write_outputs(const struct pipeline *p, struct pdf_layout *layout,
    const struct pagemap *pages, const char *epub, const char *pdf,
    const char *cover, GBytes *png, struct clock *ck, struct diags *d)
{
	struct output po = { NULL, NULL };
	struct epub_job job;
	struct drawn_text drawn = { p->edition, 0 };
	GThread *thread = NULL;
	gboolean first = FALSE;

	if (pdf != NULL) {
		first = pdf_layout_surfaces(layout) > 1;
		drawn.from = pdf_layout_text_from(layout);
	}
	if (epub != NULL) {
		job = (struct epub_job){ p->edition, { p->ms->epub_style,
		    p->ms->epub_embed_fonts, cover, NULL, NULL, NULL, png },
		    pages, { NULL, NULL }, epub, { 0 }, 0, -1 };
		diags_init(&job.diags);
		job.opts.deflated = reuse_at(p->ms, "deflated",
		    digest_deflated_key(), DEFLATED, &job.diags);
		if (first) {
			job.opts.rendered = release_rendered;
			job.opts.rendered_arg = &drawn;
			(void)epub_job_run(&job);
			epub_job_end(&job, p, "before the prelims are drawn", d);
		}
	}
	if (first)
		edition_release_text(p->edition, drawn.from);
	/* The words shaped are kept, and let go of, before the finishing
	 * (and a short book's EPUB): a long book's are megabytes. */
	if (pdf != NULL) {
		(void)pdf_draw_rest(layout, d);
		keep_shapes(layout, p, d);
	}
	if (first)
		edition_release_text(p->edition, 0);
	/* What was let go of since the drawing ended (the words shaped, a
	 * long book's index marks and front matter) given back before the
	 * finishing. */
	heap_give_back();
	if (!first && epub != NULL)
		thread = g_thread_new("epub", epub_job_run, &job);
	if (pdf != NULL && write_pdf_kept(p, layout, &po, pdf, d) == 0)
		clock_stage(ck, "pdf", pdf);
	if (thread != NULL) {
		g_thread_join(thread);
		epub_job_end(&job, p, "beside the pdf's finishing", d);
	}
	if (strict_failed(d)) {
		output_discard(&po);
		if (epub != NULL)
			output_discard(&job.out);
		return;
	}
	if (pdf != NULL)
		output_commit(&po, d);
	if (epub != NULL)
		output_commit(&job.out, d);
}

/*
 * Lays the book out (for the PDF, and for the EPUB's print pages even
 * when there is no PDF), then writes the outputs.
 */
static int
cmd_build(const char *manifest, struct diags *d)
{
	struct clock ck;
	struct pipeline p;
	struct style style;
	struct pagemap pages;
	struct pdf_layout *layout = NULL;
	struct cover_job cj;
	GBytes *png;
	char *epub, *pdf, *key, *cover;
	gint64 epoch;
	int want_epub = opt_epub != NULL || opt_pdf == NULL;
	int want_pdf = opt_pdf != NULL || opt_epub == NULL;
	int styled;

	if (!outputs_apart(manifest))
		return EXIT_USAGE;
	clock_start(&ck, d);
	/* Both outputs read it; a bad one is said once, before any work. */
	if (source_date_epoch(&epoch, d) == -1)
		return EXIT_INPUT;
	if (load(&p, manifest, &ck, NULL, FALSE, FALSE, TRUE, d) == -1 ||
	    strict_failed(d)) {
		diag_flush(d, stderr, least_shown());
		if (!opt_quiet)
			summary(stderr, &p, d);
		pipeline_release(&p);
		return EXIT_INPUT;
	}
	key = layout_key(&p);
	epub = opt_epub != NULL ? g_strdup(opt_epub) :
	    default_output(p.ms, "epub");
	pdf = opt_pdf != NULL ? g_strdup(opt_pdf) : default_output(p.ms, "pdf");
	if (!outputs_not_inputs(p.ms, want_epub ? epub : NULL,
	    want_pdf ? pdf : NULL)) {
		g_free(epub);
		g_free(pdf);
		g_free(key);
		pipeline_release(&p);
		return EXIT_USAGE;
	}
	cover = default_output(p.ms, "cover");
	pagemap_init(&pages);
	styled = style_read(&style, p.ms->print_style, d) == 0;
	cover_begin(&cj, &p, cover, want_epub);
	/* The text is drawn as it is laid out; what the PDF could not draw
	 * is refused before any output is written. */
	if (styled && (layout = lay_out(&p, &style, &pages, opt_report,
	    want_pdf ? pdf : NULL, d)) != NULL) {
		keep_layout(&pages, &p, key, d);
		pagemap_drop_lines(&pages);
		clock_stage(&ck, "layout", want_pdf ? "the text drawn" : "");
	}
	png = cover_end(&cj, d);
	if (layout != NULL && !strict_failed(d))
		write_outputs(&p, layout, &pages, want_epub ? epub : NULL,
		    want_pdf ? pdf : NULL, cover, png, &ck, d);
	if (png != NULL)
		g_bytes_unref(png);
	/* Without a PDF, the words the layout for the EPUB's pages shaped. */
	if (layout != NULL)
		keep_shapes(layout, &p, d);
	pdf_layout_free(layout);
	if (styled)
		style_release(&style);
	pagemap_release(&pages);
	diag_flush(d, stderr, least_shown());
	if (!opt_quiet)
		summary(stderr, &p, d);
	g_free(epub);
	g_free(pdf);
	g_free(cover);
	g_free(key);
	pipeline_release(&p);
	return diags_failed(d) ? EXIT_INPUT : EXIT_OK;
}

/* A metadata field as YAML: one line, or a block for several lines. */
static void
yaml_field(GString *s, const char *key, const char *value)
{
	gchar **lines, **l;

	if (value == NULL)
		return;
	if (strchr(value, '\n') == NULL) {
		g_string_append_printf(s, "%s: \"", key);
		for (; *value != '\0'; value++) {
			if (*value == '"' || *value == '\\')
				g_string_append_c(s, '\\');
			g_string_append_c(s, *value);
		}
		g_string_append(s, "\"\n");
		return;
	}
	g_string_append_printf(s, "%s: |\n", key);
	lines = g_strsplit(value, "\n", -1);
	for (l = lines; *l != NULL; l++)
		g_string_append_printf(s, "  %s\n", *l);
	g_strfreev(lines);
}

/*
 * Writes one normalized chapter: a YAML metadata block (the manifest's
 * and what the text gave), an editor's introduction, then the text.
 */
static int
write_normalized(const char *dir, const struct chapter *c,
    const struct normalized *n, struct diags *d)
{
	char *path = g_strdup_printf("%s/%s.md", dir, c->id);
	GString *s = g_string_new("---\n");
	GError *err = NULL;
	int rc = 0;

	yaml_field(s, "id", c->id);
	yaml_field(s, "file", c->path);
	yaml_field(s, "label", c->meta.label);
	yaml_field(s, "title", c->meta.title);
	yaml_field(s, "subtitle", c->meta.subtitle);
	yaml_field(s, "author", c->meta.author);
	yaml_field(s, "translator", c->meta.translator);
	yaml_field(s, "published", c->meta.published);
	yaml_field(s, "source", c->meta.source);
	yaml_field(s, "credits", c->meta.credits);
	yaml_field(s, "dedication", c->meta.dedication);
	yaml_field(s, "affiliation", c->meta.affiliation);
	yaml_field(s, "introduction", n->preface->len > 0 ? n->preface->str :
	    NULL);
	g_string_append_printf(s, "---\n\n%s", n->md->str);
	if (!g_file_set_contents(path, s->str, (gssize)s->len, &err)) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0),
		    "cannot write: %s", err->message);
		g_error_free(err);
		rc = -1;
	}
	g_string_free(s, TRUE);
	g_free(path);
	return rc;
}

static int
cmd_normalize(const char *manifest, struct diags *d)
{
	const char *dir = opt_outdir != NULL ? opt_outdir : "build/normalized";
	struct clock ck;
	struct pipeline p;
	guint i;

	clock_start(&ck, d);
	if (load(&p, manifest, &ck, NULL, FALSE, TRUE, FALSE, d) == -1 ||
	    strict_failed(d)) {
		pipeline_release(&p);
		return EXIT_INPUT;
	}
	if (g_mkdir_with_parents(dir, 0777) == -1)
		diag_add(d, DIAG_ERROR, srcpos_at(dir, 0, 0),
		    "cannot create: %s", g_strerror(errno));
	for (i = 0; i < p.edition->chapters->len && !diags_failed(d); i++)
		write_normalized(dir, g_ptr_array_index(p.edition->chapters, i),
		    g_ptr_array_index(p.normalized, i), d);
	diag_flush(d, stderr, least_shown());
	if (!opt_quiet && !diags_failed(d))
		fprintf(stderr, "octavo: normalized %u chapters into %s\n",
		    p.edition->chapters->len, dir);
	pipeline_release(&p);
	return diags_failed(d) ? EXIT_INPUT : EXIT_OK;
}

/* One chapter's notes, as check lists them (their problems are above). */
static void
print_notes(const struct chapter *c)
{
	guint i;
	int refs = 0, unreferenced = 0;

	for (i = 0; i < c->notes->len; i++) {
		const struct note *n = g_ptr_array_index(c->notes, i);

		refs += n->ref != NULL;
		unreferenced += n->ref == NULL && n->number != 0;
	}
	printf("octavo: chapter %s: %u notes, %d referenced", c->id,
	    c->notes->len, refs);
	if (chapter_author_note(c) != NULL)
		printf(", and the author's note");
	if (unreferenced > 0)
		printf(", %d without a marker", unreferenced);
	printf("\n");
}

/* Validates the manuscript through every stage short of the outputs. */
static int
cmd_check(const char *manifest, struct diags *d)
{
	struct clock ck;
	struct pipeline p;
	struct style style;
	guint i;

	opt_quiet = TRUE;
	checking = TRUE;
	clock_start(&ck, d);
	if (load(&p, manifest, &ck, NULL, FALSE, FALSE, FALSE, d) == 0 &&
	    style_read(&style, p.ms->print_style, d) == 0)
		style_release(&style);
	diag_flush(d, stdout, least_shown());
	for (i = 0; p.edition != NULL && i < p.edition->chapters->len; i++)
		print_notes(g_ptr_array_index(p.edition->chapters, i));
	strict_failed(d);
	summary(stdout, &p, d);
	pipeline_release(&p);
	return diags_failed(d) ? EXIT_INPUT : EXIT_OK;
}

/* Runs the stages and prints the model as indented text, for tests. */
static int
cmd_dump(const char *manifest, struct diags *d)
{
	struct clock ck;
	struct pipeline p;
	GString *tree;

	clock_start(&ck, d);
	if (load(&p, manifest, &ck, NULL, FALSE, FALSE, FALSE, d) == -1)
		return EXIT_INPUT;
	diag_flush(d, stderr, least_shown());
	tree = tree_dump(p.edition);
	fwrite(tree->str, 1, tree->len, stdout);
	g_string_free(tree, TRUE);
	pipeline_release(&p);
	return diags_failed(d) ? EXIT_INPUT : EXIT_OK;
}

/* Prints one section of the index's report, if it has lines. */
static void
report(const char *title, const GPtrArray *lines, const char *prefix)
{
	guint i;

	if (lines->len == 0)
		return;
	printf("\n# %s (%u):\n", title, lines->len);
	for (i = 0; i < lines->len; i++)
		printf("%s%s\n", prefix, (const char *)g_ptr_array_index(lines,
		    i));
}

/*
 * The print page of every index mark: from the last layout, kept by
 * `octavo build` or an earlier `octavo index` under the same key (made
 * from the same manuscript, style and octavo); else from a layout pass
 * without the drawing, kept in turn.  NULL if there is no kept layout
 * and none can be made.  *how says which.
 */
static GArray *
print_folios(const struct pipeline *p, const char *key, const char **how,
    struct diags *d)
{
	const struct edition *e = p->edition;
	GArray *folios = NULL;
	struct pdf_layout *layout;
	struct pagemap pages;
	struct style style;
	char *path = default_output(p->ms, "pages");

	pagemap_init(&pages);
	*how = "print pages, from the last layout";
	if (key != NULL && pagemap_load(&pages, e, key, path))
		folios = pagemap_folios(&pages, e);
	else if (style_read(&style, p->ms->print_style, d) == 0) {
		*how = "print pages, laid out";
		if ((layout = lay_out(p, &style, &pages, NULL, NULL, d)) !=
		    NULL) {
			folios = pagemap_folios(&pages, e);
			keep_layout(&pages, p, key, d);
			keep_shapes(layout, p, d);
			pdf_layout_free(layout);
		}
		style_release(&style);
	}
	pagemap_release(&pages);
	g_free(path);
	return folios;
}

/*
 * Runs the stages up to the index, writes it as text, and reports what
 * the list of names should look at.
 */
static int
cmd_index(const char *manifest, struct diags *d)
{
	const char *out = opt_outdir != NULL ? opt_outdir :
	    "build/names-index.txt";
	char *dir = g_path_get_dirname(out), *key = NULL;
	struct index_log log;
	struct clock ck;
	struct pipeline p;
	GError *err = NULL;
	GString *text;

	index_log_init(&log);
	clock_start(&ck, d);
	if (load(&p, manifest, &ck, &log, TRUE, FALSE, TRUE, d) == 0 &&
	    p.ms->names == NULL)
		diag_add(d, DIAG_ERROR, srcpos_at(manifest, 0, 0), "no list of "
		    "names: write names.txt beside the manifest, or name it "
		    "with 'names = FILE' in [edition]");
	if (p.ms != NULL && !diags_failed(d)) {
		const char *how = "none";
		GArray *folios;

		key = layout_key(&p);
		folios = opt_no_pages ? NULL : print_folios(&p, key, &how, d);

		clock_stage(&ck, "layout", folios != NULL ? how : "none");
		text = index_text(p.edition, folios);
		if (folios != NULL)
			g_array_unref(folios);
		if (g_mkdir_with_parents(dir, 0777) == -1 ||
		    !g_file_set_contents(out, text->str, (gssize)text->len,
		    &err)) {
			diag_add(d, DIAG_ERROR, srcpos_at(out, 0, 0), "cannot "
			    "write the index: %s", err != NULL ? err->message :
			    g_strerror(errno));
			g_clear_error(&err);
		} else {
			clock_stage(&ck, "write", out);
			printf("octavo index: %d headings, %d occurrences in %d "
			    "places, written to %s\n", log.headings, log.marks,
			    log.locators, out);
			report("Headings no text names", log.unmatched, "#   ");
			report("Forms of several headings, and how each "
			    "occurrence was decided", log.ambiguous, "#   ");
			report("Capitalised words the list does not know, most "
			    "frequent first; paste the names among them into "
			    "the list", log.candidates, "");
		}
		g_string_free(text, TRUE);
	}
	diag_flush(d, stderr, least_shown());
	index_log_release(&log);
	pipeline_release(&p);
	g_free(key);
	g_free(dir);
	return diags_failed(d) ? EXIT_INPUT : EXIT_OK;
}

/* A writer of a text made beforehand (arg, a GString). */
static int
write_text(const struct edition *e, void *arg, struct sink *out,
    struct diags *d)
{
	const GString *text = arg;

	(void)e;
	(void)d;
	return sink_write(out, text->str, text->len);
}

/*
 * Drafts the list of names from the text, merged with the manuscript's
 * own list if it has one, and writes it whole or not at all (so that -o
 * may name the list itself).
 */
static int
cmd_names(const char *manifest, struct diags *d)
{
	const char *out = opt_outdir != NULL ? opt_outdir : "build/names.txt";
	struct output o;
	struct draft_counts n;
	struct clock ck;
	struct pipeline p;
	struct names nl;
	char *text = NULL;
	GString *draft;

	clock_start(&ck, d);
	if (load(&p, manifest, &ck, NULL, TRUE, FALSE, FALSE, d) == -1 ||
	    strict_failed(d)) {
		pipeline_release(&p);
		return EXIT_INPUT;
	}
	names_init(&nl);
	if (p.ms->names == NULL || (names_read(&nl, p.ms->names, d) == 0 &&
	    (text = names_text(p.ms->names, d)) != NULL)) {
		draft = draft_list(p.edition, p.ms->names != NULL ? &nl : NULL,
		    text, &n);
		clock_stage(&ck, "names", "");
		if (output_write(&o, out, "the list", write_text, p.edition,
		    draft, d) == 0 && output_commit(&o, d) == 0) {
			clock_stage(&ck, "write", out);
			printf("octavo names: %d people, %d more commented out "
			    "as unsure, %d already in the list; written to "
			    "%s\n", n.sure, n.unsure, n.known, out);
		}
		g_string_free(draft, TRUE);
	}
	diag_flush(d, stderr, least_shown());
	g_free(text);
	names_release(&nl);
	pipeline_release(&p);
	return diags_failed(d) ? EXIT_INPUT : EXIT_OK;
}

static const struct command {
	const char	*name;
	const char	*summary;
	const GOptionEntry *entries;
	int		(*run)(const char *, struct diags *);
} commands[] = {
	{ "build", "Compile the manuscript to an EPUB and a PDF",
	    build_entries, cmd_build },
	{ "normalize", "Write each chapter's normalized CommonMark",
	    normalize_entries, cmd_normalize },
	{ "index", "Regenerate the index of names and report on the list",
	    index_entries, cmd_index },
	{ "names", "Draft the list of names from the text, for an editor "
	    "to correct", names_entries, cmd_names },
	{ "check", "Validate the manuscript and print every diagnostic",
	    NULL, cmd_check },
	{ "dump", "Print the document model as a tree, for tests",
	    NULL, cmd_dump },
};

static void
usage(FILE *f)
{
	size_t i;

	fputs("usage: octavo COMMAND [OPTION…] [MANIFEST]\n\ncommands:\n", f);
	for (i = 0; i < G_N_ELEMENTS(commands); i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("\nMANIFEST defaults to " DEFAULT_MANIFEST ".\n"
	    "'octavo COMMAND --help' lists a command's options; "
	    "'octavo --version' prints the version.\n", f);
}

int
main(int argc, char *argv[])
{
	const struct command *cmd = NULL;
	GOptionContext *ctx;
	GError *err = NULL;
	struct diags d;
	char *param;
	size_t i;
	int rc;

	heap_prefer_huge_pages();
	/* A write past a file-size limit must fail, not kill us. */
	signal(SIGXFSZ, SIG_IGN);
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("octavo " OCTAVO_VERSION);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	for (i = 0; i < G_N_ELEMENTS(commands); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			cmd = &commands[i];
	if (cmd == NULL) {
		fprintf(stderr, "octavo: unknown command '%s'\n", argv[1]);
		usage(stderr);
		return EXIT_USAGE;
	}
	param = g_strdup_printf("%s [MANIFEST]", cmd->name);
	ctx = g_option_context_new(param);
	g_free(param);
	g_option_context_set_summary(ctx, cmd->summary);
	g_option_context_add_main_entries(ctx, common_entries, NULL);
	if (cmd->entries != NULL)
		g_option_context_add_main_entries(ctx, cmd->entries, NULL);
	/* The command's options follow its name: parse from there on. */
	argv[1] = argv[0];
	argv++;
	argc--;
	if (!g_option_context_parse(ctx, &argc, &argv, &err) || argc > 2 ||
	    opt_max_source <= 0 || (opt_warnings != NULL &&
	    strcmp(opt_warnings, "error") != 0)) {
		fprintf(stderr, "octavo %s: %s\n", cmd->name, err != NULL ?
		    err->message : "too many arguments, a bad --max-source, "
		    "or -W other than 'error'");
		g_clear_error(&err);
		g_option_context_free(ctx);
		return EXIT_USAGE;
	}
	g_option_context_free(ctx);
	opt_strict |= opt_warnings != NULL;
	diags_init(&d);
	rc = cmd->run(argc == 2 ? argv[1] : DEFAULT_MANIFEST, &d);
	diag_flush(&d, stderr, least_shown());
	diags_release(&d);
	g_free(opt_epub);
	g_free(opt_pdf);
	g_free(opt_outdir);
	g_free(opt_report);
	g_free(opt_warnings);
	return rc;
}
