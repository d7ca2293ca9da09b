/*
 * prelims.c — what comes before the text: i half-title, ii blank, iii
 * title page, iv imprint (rights, the sources of the texts, colophon;
 * set to the foot); then, after any dedication and epigraph, the
 * contents, linked to the chapters and the index.
 */
#include <math.h>
#include <string.h>

#include <cairo.h>

#include "out/cite.h"
#include "out/matter.h"
#include "out/titles.h"
#include "prelims.h"
#include "typeset.h"

/* A tagged block of plain text, if there is any. */
static void
set(struct press *p, struct galley *g, const char *tag, const char *text,
    const struct block *shape)
{
	if (text == NULL)
		return;
	galley_tag(g, tag, NULL, FALSE);
	typeset_text(p, shape, text, g);
	galley_tag(g, tag, NULL, TRUE);
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
half_title(struct press *p, const struct edition *e, struct galley *g)
{
	struct block b = centred(&p->st->section, PANGO_STYLE_NORMAL,
	    p->depth / 5, LINE_NEW_RECTO);

	b.variant = PANGO_VARIANT_SMALL_CAPS;
	/* Always a line, so the page exists even without a title. */
	set(p, g, "P", e->meta.title != NULL ? e->meta.title : "", &b);
}

/* A centred line of the title page in small capitals, if there is one. */
static void
set_caps(struct press *p, struct galley *g, const struct font *f,
    PangoStyle slant, double space, char *line)
{
	struct block b = centred(f, slant, space, 0);

	b.variant = PANGO_VARIANT_SMALL_CAPS;
	set(p, g, "P", line, &b);
	g_free(line);
}

/*
 * Title and subtitle, then whom the book is by, who translated it, its
 * editors, and the other authors of its texts (credits.h).
 */
static void
title_page(struct press *p, const struct edition *e, struct galley *g)
{
	const struct style *st = p->st;
	const struct credits *cr = p->credits;
	struct font big = { st->chapter.family, st->chapter.size * 4 / 3,
	    ceil(st->chapter.size * 4 / 3 * 1.25) };
	struct block b = centred(&big, PANGO_STYLE_NORMAL, p->depth / 5,
	    LINE_NEW_RECTO);
	char *texts = credits_line(WORD_TEXTS_BY, cr->contributors);
	char *translators = credits_line(WORD_TRANSLATED_BY,
	    cr->book_translators);

	set(p, g, "H1", e->meta.title != NULL ? e->meta.title : "", &b);
	b = centred(&st->section, PANGO_STYLE_ITALIC, st->body.leading, 0);
	set(p, g, "P", e->meta.subtitle, &b);
	set_caps(p, g, &st->section, PANGO_STYLE_NORMAL, 2 * st->body.leading,
	    credits_join(cr->authors));
	b = centred(&st->body, PANGO_STYLE_ITALIC, st->body.leading, 0);
	set(p, g, "P", translators, &b);
	set_caps(p, g, &st->body, PANGO_STYLE_NORMAL, 3 * st->body.leading,
	    credits_line(WORD_EDITED_BY, cr->editors));
	b = centred(&st->quote, PANGO_STYLE_ITALIC, 2 * st->body.leading, 0);
	set(p, g, "P", texts, &b);
	g_free(translators);
	g_free(texts);
}

/* The rights, the sources and the colophon, the last line at the foot. */
static void
imprint(struct press *p, const struct edition *e, struct galley *g)
{
	const struct style *st = p->st;
	char *published = cite_published(e), *isbn = cite_isbn(e);
	GPtrArray *sources = cite_sources(e, p->credits);
	char *colophon = g_strdup_printf("Set in %s, %g on %g point, "
	    "and made up into pages by octavo.", st->body.family,
	    st->body.size, st->body.leading);
	const char *paras[] = { e->rights, published, isbn };
	guint first = g->lines->len, i;
	double height;
	struct line *ln;
	struct block b;

	for (i = 0; i < G_N_ELEMENTS(paras); i++) {
		block_init(&b, &st->note);
		b.space = g->lines->len > first ? st->note.leading / 2 : 0;
		b.flags = g->lines->len > first ? 0 : LINE_NEW_PAGE;
		set(p, g, "P", paras[i], &b);
	}
	block_init(&b, &st->note);
	b.variant = PANGO_VARIANT_SMALL_CAPS;
	b.space = st->note.leading;
	b.flags = LINE_KEEP | (g->lines->len > first ? 0 : LINE_NEW_PAGE);
	if (sources->len > 0)
		set(p, g, "H2", word(WORD_SOURCES), &b);
	for (i = 0; i < sources->len; i++) {
		block_init(&b, &st->note);
		b.justify = TRUE;
		b.left = st->indent;
		b.indent = -st->indent;
		b.space = st->note.leading / 4;
		set(p, g, "P", ((const struct cited *)g_ptr_array_index(sources,
		    i))->entry, &b);
	}
	block_init(&b, &st->note);
	b.space = st->note.leading;
	b.flags = g->lines->len > first ? 0 : LINE_NEW_PAGE;
	set(p, g, "P", colophon, &b);
	ln = GALLEY_LINE(g, first);
	height = ln->ascent;
	for (i = first + 1; i < g->lines->len; i++)
		height += GALLEY_LINE(g, i)->advance + GALLEY_LINE(g, i)->space;
	ln->space = MAX(0, p->depth - height);
	g_ptr_array_free(sources, TRUE);
	g_free(published);
	g_free(isbn);
	g_free(colophon);
}

/* Says which prelim the lines from first on set, for the page map. */
static void
tag_prelim(struct galley *g, guint first, enum prelim what)
{
	for (; first < g->lines->len; first++)
		GALLEY_LINE(g, first)->prelim = what;
}

/*
 * One chapter in the contents: its title, hanging, with the page number
 * flush right on its last line, all a link to the chapter; the author
 * below; the entry in lang, the chapter's (NULL: the book's).
 */
static void
contents_entry(struct press *p, const char *title, const char *author,
    const char *lang, const char *dest, gboolean first, const char *folio,
    struct galley *g)
{
	const struct style *st = p->st;
	char num[16], attrs[32];
	struct line *last;
	struct block b;

	/* A space before the number: read out, it is apart from the title. */
	g_snprintf(num, sizeof(num), " %s", folio != NULL ? folio : "");
	g_snprintf(attrs, sizeof(attrs), "dest='%s'", dest);
	galley_tag_lang(g, "TOCI", lang);
	galley_tag(g, CAIRO_TAG_LINK, attrs, FALSE);
	block_init(&b, &st->body);
	b.left = st->indent;
	b.indent = -st->indent;
	b.right = 3 * st->body.size;
	b.space = first ? 2 * st->body.leading : st->body.leading / 2;
	b.flags = author != NULL ? LINE_KEEP : 0;
	typeset_text(p, &b, title, g);
	last = GALLEY_LINE(g, g->lines->len - 1);
	last->side = typeset_side(p, &b, num);
	last->side_x = p->measure - para_width(last->side);
	galley_tag(g, CAIRO_TAG_LINK, NULL, TRUE);
	block_init(&b, &st->body);
	b.slant = PANGO_STYLE_ITALIC;
	b.left = st->indent;
	set(p, g, "P", author, &b);
	galley_tag(g, "TOCI", NULL, TRUE);
}

void
prelims_contents(struct press *p, const struct edition *e,
    char *const *folios, struct galley *g)
{
	struct block b = centred(&p->st->chapter, PANGO_STYLE_NORMAL,
	    p->st->sink, LINE_NEW_RECTO | LINE_KEEP);
	struct head h = { g->lines->len, 1, g_strdup(word(WORD_CONTENTS)),
	    "toc" };
	gboolean first = TRUE;
	guint i;

	g_array_append_val(g->heads, h);
	set(p, g, "H1", word(WORD_CONTENTS), &b);
	galley_tag(g, "TOC", NULL, FALSE);
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);
		char dest[16], *title;

		if (matter_alone(c))
			continue;
		title = title_contents(c);
		g_snprintf(dest, sizeof(dest), "c%u", i + 1);
		contents_entry(p, title, credits_byline(p->credits, c),
		    c->language, dest, first, folios[i], g);
		first = FALSE;
		g_free(title);
	}
	if (folios[e->chapters->len] != NULL)
		contents_entry(p, word(WORD_INDEX), NULL, NULL, "index", first,
		    folios[e->chapters->len], g);
	galley_tag(g, "TOC", NULL, TRUE);
	tag_prelim(g, 0, PRELIM_CONTENTS);
}

void
prelims_opening(struct press *p, const struct edition *e, struct galley *g)
{
	guint at = g->lines->len;

	half_title(p, e, g);
	title_page(p, e, g);
	tag_prelim(g, at, PRELIM_TITLE);
	at = g->lines->len;
	imprint(p, e, g);
	tag_prelim(g, at, PRELIM_IMPRINT);
}
