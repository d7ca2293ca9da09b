/*
 * pango-floor.c — the floor for any compiler built on Pango and Cairo:
 * every paragraph of the sources shaped, broken, justified and painted
 * line by line into a 6 × 9 in PDF, with no structure at all.
 *
 *   pango-floor [--plain] OUT.pdf SOURCE...
 *
 * --plain is a plainer floor still: each paragraph painted whole, as
 * Pango set it, a new page only between paragraphs.
 *
 * The sources hold a paragraph a line: each non-blank line is one
 * paragraph.  One PangoContext, one PangoLayout per paragraph, the body
 * face and measure of styles/print.ini (EB Garamond 12, 11 on 14 pt,
 * 4.5 in).  `make bench` times it beside octavo.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#define PT_PER_IN	72.0
#define PAGE_W		(6.0 * PT_PER_IN)
#define PAGE_H		(9.0 * PT_PER_IN)
#define MARGIN_IN	(0.8125 * PT_PER_IN)
#define MARGIN_TOP	(0.75 * PT_PER_IN)
#define MARGIN_BOTTOM	(0.9 * PT_PER_IN)
#define MEASURE		(4.5 * PT_PER_IN)
#define LEADING		14.0

/* Where the next line goes, and the page it goes on. */
struct pen {
	cairo_t		*cr;
	double		 y;
	int		 pages;
	int		 plain;		/* paragraphs painted whole */
};

static void
pen_line(struct pen *p, PangoLayoutLine *line)
{
	if (p->y + LEADING > PAGE_H - MARGIN_BOTTOM) {
		cairo_show_page(p->cr);
		p->y = MARGIN_TOP;
		p->pages++;
	}
	p->y += LEADING;
	cairo_move_to(p->cr, MARGIN_IN, p->y);
	pango_cairo_show_layout_line(p->cr, line);
}

/* Lays out one paragraph and paints it, line by line or whole. */
static void
paragraph(struct pen *p, PangoLayout *layout, const char *text, int len)
{
	GSList *l;
	int h;

	pango_layout_set_text(layout, text, len);
	if (p->plain) {
		pango_layout_get_size(layout, NULL, &h);
		if (p->y + (double)h / PANGO_SCALE > PAGE_H - MARGIN_BOTTOM &&
		    p->y > MARGIN_TOP) {
			cairo_show_page(p->cr);
			p->y = MARGIN_TOP;
			p->pages++;
		}
		cairo_move_to(p->cr, MARGIN_IN, p->y);
		pango_cairo_show_layout(p->cr, layout);
		p->y += (double)h / PANGO_SCALE + LEADING / 2;
		return;
	}
	for (l = pango_layout_get_lines_readonly(layout); l != NULL;
	    l = l->next)
		pen_line(p, l->data);
	p->y += LEADING / 2;
}

/*
 * Reads one source and paints each of its paragraphs.  Returns 0, or -1
 * if the file cannot be read.
 */
static int
source(struct pen *p, PangoContext *pc, const PangoFontDescription *fd,
    const char *path)
{
	char *text, *line, *next;
	gsize len;

	if (!g_file_get_contents(path, &text, &len, NULL)) {
		fprintf(stderr, "pango-floor: cannot read '%s'\n", path);
		return -1;
	}
	for (line = text; line != NULL && *line != '\0'; line = next) {
		PangoLayout *layout;

		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		g_strstrip(line);
		if (*line == '\0')
			continue;
		layout = pango_layout_new(pc);
		pango_layout_set_font_description(layout, fd);
		pango_layout_set_width(layout, (int)(MEASURE * PANGO_SCALE));
		pango_layout_set_justify(layout, TRUE);
		pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
		paragraph(p, layout, line, -1);
		g_object_unref(layout);
	}
	g_free(text);
	return 0;
}

int
main(int argc, char *argv[])
{
	cairo_surface_t *surface;
	PangoFontDescription *fd;
	PangoContext *pc;
	struct pen p;
	int i, rc = 0;

	p.plain = argc > 1 && strcmp(argv[1], "--plain") == 0;
	argc -= p.plain;
	argv += p.plain;
	if (argc < 3) {
		fputs("usage: pango-floor [--plain] OUT.pdf SOURCE...\n",
		    stderr);
		return 2;
	}
	surface = cairo_pdf_surface_create(argv[1], PAGE_W, PAGE_H);
	p.cr = cairo_create(surface);
	p.y = MARGIN_TOP;
	p.pages = 1;
	pc = pango_cairo_create_context(p.cr);
	fd = pango_font_description_new();
	pango_font_description_set_family(fd, "EB Garamond 12");
	pango_font_description_set_size(fd, 11 * PANGO_SCALE);
	for (i = 2; i < argc; i++)
		if (source(&p, pc, fd, argv[i]) == -1)
			rc = 1;
	cairo_show_page(p.cr);
	pango_font_description_free(fd);
	g_object_unref(pc);
	cairo_destroy(p.cr);
	cairo_surface_finish(surface);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "pango-floor: cannot write '%s': %s\n",
		    argv[1], cairo_status_to_string(cairo_surface_status(
		    surface)));
		rc = 1;
	}
	cairo_surface_destroy(surface);
	fprintf(stderr, "pango-floor: %d pages\n", p.pages);
	return rc;
}
