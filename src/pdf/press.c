/*
 * press.c — the state one run of the print back end shares: the Pango
 * context and font map, the cache of shaped words, the hyphenation
 * patterns (the book's, and those of chapters and passages in other
 * languages), and the footnotes with their galley.
 */
#include <pango/pangocairo.h>

#include "hyph.h"
#include "press.h"
#include "read/hyphen.h"
#include "shape.h"
#include "typeset.h"

/* Pango for print: one context, unhinted, positions not rounded. */
static PangoContext *
press_context(const char *language, PangoFontMap **fm)
{
	cairo_font_options_t *fo = cairo_font_options_create();
	PangoContext *pc;

	*fm = pango_cairo_font_map_new();
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(*fm), 72);
	pc = pango_font_map_create_context(*fm);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(pc, fo);
	pango_context_set_round_glyph_positions(pc, FALSE);
	if (language != NULL)
		pango_context_set_language(pc,
		    pango_language_from_string(language));
	cairo_font_options_destroy(fo);
	return pc;
}

struct press *
press_new(const char *language, const struct style *st, struct diags *d)
{
	const char *families[] = { st->body.family, st->chapter.family,
	    st->head.family, NULL };
	struct press *p = g_new0(struct press, 1);

	p->st = st;
	p->pc = press_context(language, &p->fm);
	p->measure = st->width - st->inner - st->outer;
	p->depth = st->height - st->top - st->bottom;
	p->shaper = shaper_new(p->pc, families, d);
	p->work = typeset_work_new();
	p->hyph = p->book_hyph = hyph_new(language, NULL, st, d);
	p->hyphs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    (GDestroyNotify)hyph_free);
	p->notes = galley_new();
	p->footnotes = g_array_new(FALSE, FALSE, sizeof(struct footnote));
	p->note_index = g_hash_table_new(g_direct_hash, g_direct_equal);
	p->dests = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
	    g_free);
	p->diags = d;
	return p;
}

void
press_free(struct press *p)
{
	if (p == NULL)
		return;
	galley_free(p->notes);
	shaper_free(p->shaper);
	typeset_work_free(p->work);
	hyph_free(p->book_hyph);
	g_hash_table_destroy(p->hyphs);
	g_array_free(p->footnotes, TRUE);
	g_hash_table_destroy(p->note_index);
	g_hash_table_destroy(p->dests);
	g_object_unref(p->pc);
	g_object_unref(p->fm);
	g_free(p);
}

void
press_set_done(struct press *p)
{
	typeset_work_free(p->work);
	p->work = NULL;
	hyph_free(p->book_hyph);
	p->hyph = p->book_hyph = NULL;
	g_hash_table_remove_all(p->hyphs);
}

/*
 * The patterns for language, read once; NULL if there are none, which
 * is said once, at pos, if pos is not NULL.
 */
static struct hyph *
patterns(struct press *p, const char *language, const struct srcpos *pos)
{
	gpointer h;
	char *package;

	if (g_hash_table_lookup_extended(p->hyphs, language, NULL, &h))
		return h;
	h = hyph_new(language, NULL, p->st, NULL);
	hyph_reuse(h, p->paras);
	g_hash_table_insert(p->hyphs, g_strdup(language), h);
	if (h == NULL && pos != NULL) {
		package = hyphen_package(language);
		diag_add(p->diags, DIAG_WARNING, *pos, "no hyphenation patterns "
		    "for %s here: the passage is set without hyphens in the "
		    "PDF; install them (Debian's %s)", language, package);
		g_free(package);
	}
	return h;
}

void
press_reuse(struct press *p, struct reuse *paras)
{
	p->paras = paras;
	hyph_reuse(p->book_hyph, paras);
}

void
press_keep(struct press *p)
{
	GHashTableIter it;
	gpointer h;

	hyph_keep(p->book_hyph);
	g_hash_table_iter_init(&it, p->hyphs);
	while (g_hash_table_iter_next(&it, NULL, &h))
		hyph_keep(h);
	p->paras = NULL;
}

void
press_language(struct press *p, const char *language)
{
	p->hyph = language == NULL ? p->book_hyph : patterns(p, language,
	    NULL);
}

struct hyph *
press_hyph(struct press *p, const struct node *passage)
{
	return passage == NULL ? p->hyph : patterns(p, passage->as.lang,
	    &passage->pos);
}
