/*
 * prelims.c — what comes before the text: i half-title, ii blank,
 * iii title page, iv copyright page (set to its foot), v contents.
 */
#include <math.h>

#include "prelims.h"
#include "typeset.h"

/* A block of plain text, if there is any. */
static void
set(const struct press *p, GArray *galley, const char *text,
    const struct block *shape)
{
	if (text != NULL)
		typeset(p, shape, text, NULL, galley);
}

static struct block
centred(const struct font *f, PangoStyle slant, double space, unsigned flags)
{
	struct block b;

	block_init(&b, f);
	b.align = PANGO_ALIGN_CENTER;
	b.slant = slant;
	b.space = space;
	b.flags = flags;
	return b;
}

static void
half_title(const struct press *p, const struct edition *e, GArray *galley)
{
	struct block b = centred(&p->st->section, PANGO_STYLE_NORMAL,
	    p->depth / 5, LINE_NEW_RECTO);

	set(p, galley, e->meta.title, &b);
}

static void
title_page(const struct press *p, const struct edition *e, GArray *galley)
{
	const struct style *st = p->st;
	struct font big = { st->chapter.family, st->chapter.size * 4 / 3,
	    ceil(st->chapter.size * 4 / 3 * 1.25) };
	struct block b = centred(&big, PANGO_STYLE_NORMAL, p->depth / 5,
	    LINE_NEW_RECTO);
	char *by;

	/* Always a line, so the page exists even without a title. */
	typeset(p, &b, e->meta.title != NULL ? e->meta.title : "", NULL, galley);
	b = centred(&st->section, PANGO_STYLE_ITALIC, st->body.leading, 0);
	set(p, galley, e->meta.subtitle, &b);
	if (e->editor != NULL) {
		by = g_strdup_printf("Edited by %s", e->editor);
		b = centred(&st->body, PANGO_STYLE_NORMAL,
		    3 * st->body.leading, 0);
		b.variant = PANGO_VARIANT_SMALL_CAPS;
		set(p, galley, by, &b);
		g_free(by);
	}
}

/* The rights and the colophon, the last line on the foot of page iv. */
static void
copyright_page(const struct press *p, const struct edition *e,
    GArray *galley)
{
	const struct style *st = p->st;
	char *published = e->date != NULL ?
	    g_strdup_printf("Published %s.", e->date) : NULL;
	char *colophon = g_strdup_printf("Set in %s by octavo.",
	    st->body.family);
	const char *paras[] = { e->rights, published, e->identifier, colophon };
	guint first = galley->len, i;
	struct line *ln;
	double height;
	struct block b;

	for (i = 0; i < G_N_ELEMENTS(paras); i++) {
		block_init(&b, &st->note);
		b.space = galley->len > first ? st->note.leading / 2 : 0;
		b.flags = galley->len > first ? 0 : LINE_NEW_PAGE;
		set(p, galley, paras[i], &b);
	}
	ln = &g_array_index(galley, struct line, first);
	height = ln->ascent;
	for (i = first + 1; i < galley->len; i++)
		height += g_array_index(galley, struct line, i).advance +
		    g_array_index(galley, struct line, i).space;
	ln->space = MAX(0, p->depth - height);
	g_free(published);
	g_free(colophon);
}

/* "Title<tab>page" with the number set flush right, author below. */
static void
contents(const struct press *p, const struct edition *e, const int *folios,
    GArray *galley)
{
	const struct style *st = p->st;
	struct block b = centred(&st->chapter, PANGO_STYLE_NORMAL, st->sink,
	    LINE_NEW_RECTO | LINE_KEEP);
	guint i;

	set(p, galley, "Contents", &b);
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);
		/* %.0d prints nothing for 0: a chapter without pages. */
		char *entry = g_strdup_printf("%s\t%.0d",
		    c->meta.title != NULL ? c->meta.title : c->id, folios[i]);

		block_init(&b, &st->body);
		b.indent = -st->indent;		/* a long title hangs */
		b.tab = p->measure;
		b.tab_align = PANGO_TAB_RIGHT;
		b.space = i == 0 ? 2 * st->body.leading : st->body.leading / 2;
		b.flags = c->meta.author != NULL ? LINE_KEEP : 0;
		set(p, galley, entry, &b);
		g_free(entry);
		block_init(&b, &st->body);
		b.slant = PANGO_STYLE_ITALIC;
		b.left = st->indent;
		set(p, galley, c->meta.author, &b);
	}
}

void
prelims(const struct press *p, const struct edition *e, const int *folios,
    GArray *galley)
{
	half_title(p, e, galley);
	title_page(p, e, galley);
	copyright_page(p, e, galley);
	contents(p, e, folios, galley);
}
