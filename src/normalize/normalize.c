/*
 * normalize.c — the normalization stage: a raw text's lines go through
 * the passes of lines.h, in order, and come out as CommonMark, a text
 * per chapter, each output line mapped to its source line; with them,
 * what each rule took out of the source, for the word ledger.
 */
#include <string.h>

#include "normalize/lines.h"
#include "normalize/markdown.h"
#include "normalize/normalize.h"
#include "normalize/typo.h"

/* Records each piece of text a fix pattern replaces, for the ledger. */
static void
record_fix(struct lines *ls, const struct line *l, const struct pattern *p)
{
	GMatchInfo *mi;

	g_regex_match(p->re, l->text, 0, &mi);
	for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
		char *m = g_match_info_fetch(mi, 0);
		char *to = g_match_info_expand_references(mi, p->replacement,
		    NULL);

		lines_change(ls, l->no, m, to, "changed: fix");
		g_free(m);
		g_free(to);
	}
	g_match_info_free(mi);
}

/* Applies the manifest's fix rules to every paragraph. */
void
fix_pass(struct lines *ls)
{
	guint i, k;

	for (k = 0; k < ls->rules->fix->len; k++) {
		const struct pattern *p = g_ptr_array_index(ls->rules->fix, k);

		for (i = 0; i < ls->a->len; i++) {
			struct line *l = LINE(ls, i);
			char *out;

			if (l->role == LINE_BLANK || l->role == LINE_DROPPED ||
			    !g_regex_match(p->re, l->text, 0, NULL))
				continue;
			out = g_regex_replace(p->re, l->text, -1, 0,
			    p->replacement, 0, NULL);
			if (out == NULL)
				continue;
			record_fix(ls, l, p);
			diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path,
			    l->no, 1), "fixed: '%s' => '%s'",
			    g_regex_get_pattern(p->re), p->replacement);
			g_free(l->text);
			l->text = out;
		}
	}
}

/* The metadata found in the text gets the text's typography. */
static void
typo_meta(struct meta *m)
{
	char **fields[] = { &m->title, &m->subtitle, &m->author,
	    &m->translator, &m->published, &m->source, &m->credits,
	    &m->dedication, &m->affiliation, &m->label };
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(fields); i++)
		if (*fields[i] != NULL) {
			/* Line by line: credits keep a line each. */
			gchar **lines = g_strsplit(*fields[i], "\n", -1), **l;

			for (l = lines; *l != NULL; l++) {
				char *clean = typo_paragraph(*l, -1);

				g_free(*l);
				*l = clean;
			}
			g_free(*fields[i]);
			*fields[i] = g_strjoinv("\n", lines);
			g_strfreev(lines);
		}
}

/* Whether chapter k has any text to print. */
static int
has_text(const struct lines *ls, guint k)
{
	const struct chap *c = CHAP(ls, k);
	guint i;

	for (i = c->first; i < c->end; i++) {
		enum line_role r = LINE(ls, i)->role;

		if (r != LINE_BLANK && r != LINE_DROPPED && r != LINE_META &&
		    r != LINE_CHAPTER && r != LINE_NOTES)
			return 1;
	}
	return 0;
}

/* Whether the manifest's drop rules took any line of chapter k. */
static int
manifest_dropped(const struct lines *ls, guint k)
{
	const struct chap *c = CHAP(ls, k);
	guint i;

	for (i = c->first; i < c->end; i++)
		if (LINE(ls, i)->role == LINE_DROPPED && LINE(ls, i)->why !=
		    NULL && (strstr(LINE(ls, i)->why, "manifest") != NULL ||
		    strstr(LINE(ls, i)->why, "drop-") != NULL))
			return 1;
	return 0;
}

/*
 * Each chapter's CommonMark, with the metadata its front matter gave.
 * A chapter the rules left without text is an error: its words would
 * be nowhere; one that the source gives only a title (a part's title
 * page) is not.  Chapters of a split group are numbered ID-1, ID-2, ….
 */
static void
write_chapters(struct lines *ls, const struct group *g,
    struct normalization *out)
{
	guint k;

	for (k = 0; k < ls->chaps->len; k++) {
		struct chap *c = CHAP(ls, k);
		char *id = ls->rules->split == NULL ? g_strdup(g->id) :
		    g_strdup_printf("%s-%u", g->id, k + 1);
		struct normalized *n = normalized_new(id);

		if (!has_text(ls, k) && manifest_dropped(ls, k))
			diag_add(ls->diags, DIAG_ERROR, srcpos_at(ls->path,
			    LINE(ls, MIN(c->first, ls->a->len - 1))->no, 1),
			    "chapter %s has no text left: the rules drop or "
			    "take all its lines; check [chapter %s]", id,
			    g->id);
		else if (!has_text(ls, k) && c->meta.title == NULL &&
		    c->meta.label == NULL) {
			/* Only what built-in rules drop: a licence, a list. */
			diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path,
			    LINE(ls, MIN(c->first, ls->a->len - 1))->no, 1),
			    "no chapter here: nothing but what the rules drop");
			normalized_free(n);
			g_free(id);
			continue;
		}
		n->split = LINE(ls, c->first)->role == LINE_CHAPTER;
		write_chapter(n, ls, k);
		typo_meta(&c->meta);
		n->meta = c->meta;
		memset(&c->meta, 0, sizeof(c->meta));
		g_ptr_array_add(out->chapters, n);
		g_free(id);
	}
}

/* The number of lines of text, as an editor's text editor shows them. */
static int
count_lines(const char *text)
{
	int n = 1;
	const char *p;

	for (p = text; *p != '\0'; p++)
		n += *p == '\n';
	return n - (p > text && p[-1] == '\n');
}

int
normalize(const struct group *g, const char *text, struct normalization *out,
    struct diags *d)
{
	struct lines ls = { 0 };
	int errors = d->count[DIAG_ERROR];

	if (rules_check_lines(&g->rules, count_lines(text), g->path, d) > 0)
		return -1;
	if (g->format == FORMAT_MARKDOWN)
		return markdown_read(g, text, out, d);
	ls.path = g->path;
	ls.rules = &g->rules;
	ls.manifest = &g->meta;
	ls.language = g->language;
	ls.diags = d;
	ls.changes = out->changes;
	lines_split(&ls, text);
	range_pass(&ls);
	debris_pass(&ls);
	paragraphs_pass(&ls);
	fix_pass(&ls);
	contents_pass(&ls);
	chapters_pass(&ls);
	front_pass(&ls);
	notes_block_pass(&ls);
	structure_pass(&ls);
	write_chapters(&ls, g, out);
	lines_release(&ls);
	return d->count[DIAG_ERROR] > errors ? -1 : 0;
}
