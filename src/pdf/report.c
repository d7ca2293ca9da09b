/*
 * report.c — writing what the line breaker and the page builder did, so
 * that the typography is measured, not guessed.
 */
#include <math.h>
#include <string.h>

#include "kp.h"
#include "report.h"

/* Lines TeX reports as underfull: r > 2.15, spaces over twice as wide. */
#define LOOSE_BADNESS	1000

/* Whether a line's ratio says anything: justified, not a last line. */
static gboolean
counted(const struct line *ln)
{
	return ln->para != NULL && ln->justified && !ln->fill;
}

/*
 * Whether line ln ends in a hyphen that breaks a capitalised word: the
 * word's first letter, past any quotation mark, is a capital.
 */
static gboolean
breaks_capital(const struct line *ln)
{
	const char *t = ln->para->text, *w;
	guint a = ln->end;

	if (!ln->hyphen)
		return FALSE;
	while (a > ln->start && t[a - 1] != ' ')
		a--;
	for (w = t + a; w < t + ln->end; w = g_utf8_next_char(w))
		if (g_unichar_isalpha(g_utf8_get_char(w)))
			return g_unichar_isupper(g_utf8_get_char(w));
	return FALSE;
}

/* Counts one galley's lines. */
static void
tally_lines(const struct galley *g, struct tally *t)
{
	int run = 0;
	guint i;

	for (i = 0; i < g->lines->len; i++) {
		const struct line *ln = GALLEY_LINE(g, i);

		if (ln->justified && (ln->flags & LINE_FIRST))
			t->paragraphs++;
		if (ln->hyphen) {
			t->hyphens++;
			t->capitals += breaks_capital(ln);
			run++;
			t->hyphen_run = MAX(t->hyphen_run, run);
		} else
			run = 0;
		if (!counted(ln))
			continue;
		t->lines++;
		t->loose += kp_badness(ln->ratio) > LOOSE_BADNESS;
		t->tight += ln->ratio < -0.5;
		t->overfull += ln->ratio < -1;
	}
}

/* The page's last line of text. */
static const struct line *
last_line(const struct part *part, const struct page *pg)
{
	return GALLEY_LINE(part->galley, pg->first + pg->count - 1);
}

/* How far down page i's type goes: its last note's line, or its text's. */
static double
bottom(const struct press *p, const struct part *part, guint i)
{
	const struct page *pg = &g_array_index(part->mk.pages, struct page, i);
	const struct placed *pl;

	if (pg->nnotes == 0)
		return last_line(part, pg)->y;
	pl = &g_array_index(part->mk.placed, struct placed,
	    pg->notes + pg->nnotes - 1);
	return GALLEY_LINE(p->notes, pl->to - 1)->y;
}

/* Whether page i holds text that runs on, within its chapter, to the
 * page after it. */
static gboolean
runs_on(const struct part *part, guint i)
{
	const GArray *pages = part->mk.pages;
	const struct page *pg = &g_array_index(pages, struct page, i);
	const struct page *next;

	if (pg->count == 0 || i + 1 >= pages->len)
		return FALSE;
	next = &g_array_index(pages, struct page, i + 1);
	return next->count > 0 && !next->opening &&
	    next->chapter == pg->chapter;
}

/*
 * What a typographer looks at on page i: a hyphen on its last line, a
 * spread out of line (i a verso, its type ending above or below its
 * recto's, the text running on past both), a hole above the rule (the
 * text running on), a note split leaving one line, a chapter's last
 * page nearly empty.
 */
static void
tally_page(const struct press *p, const struct part *part, guint i,
    struct tally *t)
{
	const GArray *pages = part->mk.pages;
	const struct page *pg = &g_array_index(pages, struct page, i);
	gboolean recto = (i + 1 + (guint)part->folio_base) % 2 == 1;
	guint k;

	if (pg->count == 0)
		return;
	if (last_line(part, pg)->hyphen) {
		t->page_hyphens++;
		t->recto_hyphens += recto;
	}
	if (!recto && runs_on(part, i) && runs_on(part, i + 1) &&
	    fabs(bottom(p, part, i) - bottom(p, part, i + 1)) > 0.5)
		t->spreads++;
	/* The rule sits half a line under the text (page.c's sep); a
	 * chapter's last page ends where its text does. */
	if (pg->nnotes > 0 && runs_on(part, i) && pg->rule -
	    last_line(part, pg)->y > 1.5 * p->st->body.leading)
		t->holes++;
	for (k = pg->notes; k < pg->notes + pg->nnotes; k++) {
		const struct placed *pl = &g_array_index(part->mk.placed,
		    struct placed, k);
		const struct footnote *fn = &g_array_index(p->footnotes,
		    struct footnote, pl->fn);

		t->note_lines += pl->to - pl->from == 1 && fn->count > 1;
	}
	if (!pg->opening && pg->chapter >= 0 && !runs_on(part, i) &&
	    pg->count < MIN_ENDING)
		t->short_endings++;
}

void
tally_part(const struct press *p, const struct part *part, struct tally *t)
{
	const GArray *pages = part->mk.pages;
	guint i;

	tally_lines(part->galley, t);
	if (p->notes != NULL)
		tally_lines(p->notes, t);
	t->pages += (int)pages->len;
	for (i = 0; i < pages->len; i++) {
		const struct page *pg = &g_array_index(pages, struct page, i);

		tally_page(p, part, i, t);
		t->short_pages += pg->short_by > 0;
		if (pg->count == 0)
			continue;
		switch (page_fault(part->galley, pg->first + pg->count)) {
		case FAULT_WIDOW:
			t->widows++;
			break;
		case FAULT_ORPHAN:
			t->orphans++;
			break;
		case FAULT_KEEP:
			t->keeps++;
			break;
		case FAULT_NONE:
			break;
		}
	}
}

/* Where a line's block comes from: chapter, and file:line. */
static void
where(GString *out, const struct edition *e, const struct line *ln,
    const char *what)
{
	const struct chapter *c = ln->chapter >= 0 ?
	    g_ptr_array_index(e->chapters, ln->chapter) : NULL;

	g_string_append_printf(out, "%s%s", c != NULL ? c->id : "-", what);
	if (ln->block != NULL && ln->block->pos.file != NULL)
		g_string_append_printf(out, " %s:%d", ln->block->pos.file,
		    ln->block->pos.line);
}

/* One line per paragraph of a galley: where, page, and each line's ratio. */
static void
paragraphs(GString *out, const struct edition *e, const struct part *part,
    const struct galley *g, const char *what)
{
	guint i;

	for (i = 0; i < g->lines->len; i++) {
		const struct line *ln = GALLEY_LINE(g, i);
		char label[16];

		if (!ln->justified)
			continue;
		if (ln->flags & LINE_FIRST) {
			where(out, e, ln, what);
			part_label(part, ln->page + 1, label, sizeof(label));
			g_string_append_printf(out, "  p. %s:", label);
		}
		if (counted(ln))
			g_string_append_printf(out, " %.2f%s", ln->ratio,
			    ln->hyphen ? "-" : "");
		if (ln->flags & LINE_LAST)
			g_string_append_c(out, '\n');
	}
}

void
report_init(struct report *r)
{
	memset(&r->t, 0, sizeof(r->t));
	r->text = g_string_new(NULL);
	r->notes = g_string_new(NULL);
}

void
report_part(struct report *r, const struct press *p,
    const struct edition *e, const struct part *part)
{
	tally_part(p, part, &r->t);
	paragraphs(r->text, e, part, part->galley, "");
	paragraphs(r->notes, e, part, p->notes, " note");
}

int
report_write(const struct report *r, const char *path, struct diags *d)
{
	const struct tally *t = &r->t;
	GString *out = g_string_new(NULL);
	GError *err = NULL;
	int rc = 0;

	g_string_append(out, "# octavo typesetting report\n"
	    "# Each justified paragraph: chapter, source, first page, and the\n"
	    "# adjustment ratio of each line but the last (> 0: spaces\n"
	    "# stretched by that share of their stretch; < 0: shrunk; a\n"
	    "# trailing '-' marks a hyphen).\n");
	g_string_append_len(out, r->text->str, (gssize)r->text->len);
	g_string_append_len(out, r->notes->str, (gssize)r->notes->len);
	g_string_append_printf(out, "\n# totals\n"
	    "paragraphs      %d\n"
	    "lines           %d\n"
	    "loose           %d (badness > %d, as TeX's \\hbadness)\n"
	    "tight           %d (r < -0.5)\n"
	    "overfull        %d (r < -1)\n"
	    "hyphens         %d (at most %d lines in a row)\n"
	    "capitals hyphenated %d\n"
	    "widows          %d\n"
	    "orphans         %d\n"
	    "headings at foot %d\n"
	    "short pages     %d of %d\n"
	    "page-final hyphens %d\n"
	    "recto-final hyphens %d\n"
	    "spreads out of line %d\n"
	    "holes above notes %d\n"
	    "note parts of one line %d\n"
	    "short chapter endings %d (under %d lines)\n",
	    t->paragraphs, t->lines, t->loose, LOOSE_BADNESS, t->tight,
	    t->overfull, t->hyphens, t->hyphen_run, t->capitals, t->widows,
	    t->orphans, t->keeps, t->short_pages, t->pages, t->page_hyphens,
	    t->recto_hyphens, t->spreads, t->holes, t->note_lines,
	    t->short_endings, MIN_ENDING);
	if (!g_file_set_contents(path, out->str, (gssize)out->len, &err)) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0),
		    "cannot write the report: %s", err->message);
		g_error_free(err);
		rc = -1;
	}
	g_string_free(out, TRUE);
	return rc;
}

void
report_release(struct report *r)
{
	g_string_free(r->text, TRUE);
	g_string_free(r->notes, TRUE);
}
