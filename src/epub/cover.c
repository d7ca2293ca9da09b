/*
 * cover.c — the cover image: a typographic design drawn with Cairo and
 * Pango, from the edition's title, subtitle and people, in the face and
 * colours cover.ini gives.  Whom the book is by (credits.h) stands at
 * the head in small capitals, the title in spaced capitals at the
 * centre over an ornament and the subtitle, the editors (else the
 * translators) at the foot, all inside a double rule.  Fixed font
 * options and a private font map make the bytes the same on every run.
 */
#include <string.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "epub/cover.h"
#include "out/digest.h"
#include "out/kept.h"
#include "out/words.h"
#include "read/ini.h"

#define GROUP	"cover"

struct rgb {
	double	r, g, b;
};

struct cover_style {
	int		 width, height;	/* pixels */
	char		*font;		/* a fontconfig family */
	struct rgb	 background, ink, accent;
	double		 title_size;	/* fractions of the width */
	double		 text_size;
};

/* What the cover says: any of it may be NULL but the title. */
struct cover_words {
	char	*head;		/* whom the book is by */
	char	*title;		/* in capitals */
	char	*subtitle;
	char	*foot;		/* "Edited by …", else "Translated by …" */
};

/* What the cover is drawn with. */
struct canvas {
	const struct cover_style *st;
	cairo_t		*cr;
	PangoContext	*ctx;
	double		 measure;	/* width of the text, pixels */
};

static const char *const keys[] = {
	"width", "height", "font", "background", "ink", "accent",
	"title-size", "text-size", NULL
};

/* A required key's value, or NULL with an error. */
static char *
value(const struct ini *ini, const char *key, struct diags *d)
{
	char *v = ini_string(ini, GROUP, key);

	if (v == NULL)
		diag_add(d, DIAG_ERROR, ini_pos(ini, GROUP, NULL),
		    "[" GROUP "] has no '%s'", key);
	return v;
}

/* A number in [min, max]; 0 with an error if it is not one. */
static double
number(const struct ini *ini, const char *key, double min, double max,
    struct diags *d)
{
	char *v = value(ini, key, d), *end = NULL;
	double x = v != NULL ? g_ascii_strtod(v, &end) : 0;

	if (v != NULL && (end == v || *end != '\0' || x < min || x > max)) {
		diag_add(d, DIAG_ERROR, ini_pos(ini, GROUP, key),
		    "%s must be a number from %g to %g, not '%s'", key, min,
		    max, v);
		x = 0;
	}
	g_free(v);
	return x;
}

/* A colour written #rrggbb. */
static struct rgb
colour(const struct ini *ini, const char *key, struct diags *d)
{
	char *v = value(ini, key, d);
	struct rgb c = { 0, 0, 0 };
	double *ch[] = { &c.r, &c.g, &c.b };
	int i;

	if (v == NULL)
		return c;
	for (i = 0; i < 7; i++)
		if (i == 0 ? v[i] != '#' : !g_ascii_isxdigit(v[i]))
			break;
	if (i < 7 || v[7] != '\0')
		diag_add(d, DIAG_ERROR, ini_pos(ini, GROUP, key),
		    "%s must be a colour written #rrggbb, not '%s'", key, v);
	else
		for (i = 0; i < 3; i++)
			*ch[i] = (g_ascii_xdigit_value(v[1 + 2 * i]) * 16 +
			    g_ascii_xdigit_value(v[2 + 2 * i])) / 255.0;
	g_free(v);
	return c;
}

/* Reads the style at path; returns 0, or -1 with errors in diags. */
static int
style_read(struct cover_style *st, const char *path, struct diags *d)
{
	int errors = d->count[DIAG_ERROR];
	struct ini ini;

	memset(st, 0, sizeof(*st));
	if (ini_open(&ini, path, "the cover's style", d) == -1) {
		ini_close(&ini);
		return -1;
	}
	ini_check_keys(&ini, GROUP, keys, NULL, d);
	st->width = (int)number(&ini, "width", 200, 6000, d);
	st->height = (int)number(&ini, "height", 200, 9000, d);
	st->font = value(&ini, "font", d);
	st->background = colour(&ini, "background", d);
	st->ink = colour(&ini, "ink", d);
	st->accent = colour(&ini, "accent", d);
	st->title_size = number(&ini, "title-size", 0.01, 0.5, d);
	st->text_size = number(&ini, "text-size", 0.005, 0.2, d);
	ini_close(&ini);
	return d->count[DIAG_ERROR] > errors ? -1 : 0;
}

static void
set_colour(cairo_t *cr, struct rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/*
 * A block of text, centred on the measure and wrapped to it, its top at
 * y: size in pixels, spacing between letters in ems.  Drawn only if
 * draw; returns its height either way.
 */
static double
text(struct canvas *cv, const char *s, double size, PangoStyle slant,
    PangoVariant variant, double spacing, double y, int draw)
{
	PangoLayout *layout = pango_layout_new(cv->ctx);
	PangoFontDescription *fd = pango_font_description_new();
	PangoAttrList *attrs = pango_attr_list_new();
	int w, h;

	pango_font_description_set_family(fd, cv->st->font);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_style(fd, slant);
	pango_font_description_set_variant(fd, variant);
	pango_layout_set_font_description(layout, fd);
	pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(
	    (int)(spacing * size * PANGO_SCALE)));
	pango_layout_set_attributes(layout, attrs);
	pango_layout_set_width(layout, (int)(cv->measure * PANGO_SCALE));
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
	pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
	pango_layout_set_text(layout, s, -1);
	pango_layout_get_pixel_size(layout, &w, &h);
	if (draw) {
		cairo_move_to(cv->cr, (cv->st->width - cv->measure) / 2, y);
		pango_cairo_show_layout(cv->cr, layout);
	}
	pango_attr_list_unref(attrs);
	pango_font_description_free(fd);
	g_object_unref(layout);
	return h;
}

/* A double rule inset m from the edges: a heavy one and a light one. */
static void
frame(struct canvas *cv, double m)
{
	double w = cv->st->width, h = cv->st->height, in = m + w * 0.014;

	set_colour(cv->cr, cv->st->accent);
	cairo_set_line_width(cv->cr, w * 0.005);
	cairo_rectangle(cv->cr, m, m, w - 2 * m, h - 2 * m);
	cairo_stroke(cv->cr);
	cairo_set_line_width(cv->cr, w * 0.0018);
	cairo_rectangle(cv->cr, in, in, w - 2 * in, h - 2 * in);
	cairo_stroke(cv->cr);
}

/* A rule across the centre with a lozenge on it, centred on y. */
static void
ornament(struct canvas *cv, double y)
{
	double cx = cv->st->width / 2.0, half = cv->measure * 0.22;
	double r = cv->st->width * 0.012;

	set_colour(cv->cr, cv->st->accent);
	cairo_set_line_width(cv->cr, cv->st->width * 0.0025);
	cairo_move_to(cv->cr, cx - half, y);
	cairo_line_to(cv->cr, cx - 2 * r, y);
	cairo_move_to(cv->cr, cx + 2 * r, y);
	cairo_line_to(cv->cr, cx + half, y);
	cairo_stroke(cv->cr);
	cairo_move_to(cv->cr, cx, y - r);
	cairo_line_to(cv->cr, cx + r, y);
	cairo_line_to(cv->cr, cx, y + r);
	cairo_line_to(cv->cr, cx - r, y);
	cairo_close_path(cv->cr);
	cairo_fill(cv->cr);
}

/*
 * The title in capitals, a range of numbers ("1790–1826") held on one
 * line by a word joiner after its dash: the large type breaks often.
 */
static char *
cover_title(const char *title)
{
	static const char dash[] = "\u2013", joiner[] = "\u2060";
	char *up = g_utf8_strup(title, -1), *p;
	GString *held = g_string_new(NULL);

	for (p = up; *p != '\0'; p++) {
		g_string_append_c(held, *p);
		if (p > up && g_ascii_isdigit(p[-1]) &&
		    strncmp(p, dash, 3) == 0 && g_ascii_isdigit(p[3])) {
			g_string_append_len(held, p + 1, 2);
			g_string_append(held, joiner);
			p += 2;
		}
	}
	g_free(up);
	return g_string_free(held, FALSE);
}

/*
 * The title, its ornament and subtitle, centred on the cover's optical
 * centre (a little above the middle); the title shrinks until the group
 * fits in half the height.
 */
static void
centre(struct canvas *cv, const struct cover_words *w)
{
	const struct cover_style *st = cv->st;
	const char *title = w->title, *subtitle = w->subtitle;
	double size = st->title_size * st->width;
	double sub = st->text_size * st->width * 1.5, gap = sub;
	double th, sh, y;

	sh = subtitle == NULL ? 0 : text(cv, subtitle, sub,
	    PANGO_STYLE_ITALIC, PANGO_VARIANT_NORMAL, 0, 0, 0);
	while ((th = text(cv, title, size, PANGO_STYLE_NORMAL,
	    PANGO_VARIANT_NORMAL, 0.08, 0, 0)) + 2 * gap + sh >
	    st->height / 2.0 && size > 8)
		size *= 0.92;
	y = st->height * 0.45 - (th + 2 * gap + sh) / 2;
	set_colour(cv->cr, st->ink);
	text(cv, title, size, PANGO_STYLE_NORMAL, PANGO_VARIANT_NORMAL, 0.08,
	    y, 1);
	ornament(cv, y + th + gap);
	set_colour(cv->cr, st->ink);
	if (subtitle != NULL)
		text(cv, subtitle, sub, PANGO_STYLE_ITALIC,
		    PANGO_VARIANT_NORMAL, 0, y + th + 2 * gap, 1);
}

/* The names joined as credits_join does, each kept whole on its line. */
static char *
unbroken(const GPtrArray *names)
{
	GPtrArray *nb = g_ptr_array_new_with_free_func(g_free);
	char *s;
	guint i;

	for (i = 0; i < names->len; i++) {
		char **words = g_strsplit(g_ptr_array_index(names, i), " ", -1);

		g_ptr_array_add(nb, g_strjoinv("\xc2\xa0", words));
		g_strfreev(words);
	}
	s = credits_join(nb);
	g_ptr_array_free(nb, TRUE);
	return s;
}

/*
 * What the cover says, gathered before it is drawn: all the book gives
 * the drawing, and so all the book gives its key.
 */
static void
words_of(struct cover_words *w, const struct edition *e,
    const struct credits *cr)
{
	char *foot = unbroken(cr->editors->len > 0 ? cr->editors :
	    cr->book_translators);

	w->head = unbroken(credits_by(cr));
	w->title = cover_title(e->meta.title);
	w->subtitle = g_strdup(e->meta.subtitle);
	/* The foot names the editors, else the translators. */
	w->foot = foot == NULL ? NULL : word_before(cr->editors->len > 0 ?
	    WORD_EDITED_BY : WORD_TRANSLATED_BY, foot);
	g_free(foot);
}

static void
words_clear(struct cover_words *w)
{
	g_free(w->head);
	g_free(w->title);
	g_free(w->subtitle);
	g_free(w->foot);
}

/* Draws the whole cover on cv. */
static void
draw(struct canvas *cv, const struct cover_words *w)
{
	const struct cover_style *st = cv->st;
	double m = st->width * 0.06, size = st->text_size * st->width;
	double h;

	set_colour(cv->cr, st->background);
	cairo_paint(cv->cr);
	frame(cv, m);
	set_colour(cv->cr, st->ink);
	if (w->head != NULL)
		text(cv, w->head, size, PANGO_STYLE_NORMAL,
		    PANGO_VARIANT_SMALL_CAPS, 0.05, m + st->height * 0.07, 1);
	centre(cv, w);
	if (w->foot != NULL) {
		set_colour(cv->cr, st->ink);
		h = text(cv, w->foot, size, PANGO_STYLE_NORMAL,
		    PANGO_VARIANT_SMALL_CAPS, 0.05, 0, 0);
		text(cv, w->foot, size, PANGO_STYLE_NORMAL,
		    PANGO_VARIANT_SMALL_CAPS, 0.05,
		    st->height - m - st->height * 0.07 - h, 1);
	}
}

static cairo_status_t
png_append(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* The cover drawn anew as a PNG, or NULL with an error in diags. */
static GBytes *
draw_png(const struct cover_words *w, const char *style, struct diags *d)
{
	struct cover_style st;
	struct canvas cv;
	cairo_surface_t *surface;
	cairo_font_options_t *fo;
	PangoFontMap *fm;
	GByteArray *png;
	cairo_status_t status;

	if (style_read(&st, style, d) == -1) {
		g_free(st.font);
		return NULL;
	}
	surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, st.width,
	    st.height);
	cv.st = &st;
	cv.cr = cairo_create(surface);
	cv.measure = st.width * 0.72;
	fm = pango_cairo_font_map_new();
	cv.ctx = pango_font_map_create_context(fm);
	fo = cairo_font_options_create();
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(cv.ctx, fo);
	pango_cairo_context_set_resolution(cv.ctx, 72);
	pango_cairo_update_context(cv.cr, cv.ctx);
	draw(&cv, w);
	png = g_byte_array_new();
	status = cairo_surface_write_to_png_stream(surface, png_append, png);
	if (status != CAIRO_STATUS_SUCCESS) {
		diag_add(d, DIAG_ERROR, srcpos_at(style, 0, 0),
		    "cannot draw the cover: %s",
		    cairo_status_to_string(status));
		g_byte_array_free(png, TRUE);
		png = NULL;
	}
	cairo_font_options_destroy(fo);
	g_object_unref(cv.ctx);
	g_object_unref(fm);
	cairo_destroy(cv.cr);
	cairo_surface_destroy(surface);
	g_free(st.font);
	return png != NULL ? g_byte_array_free_to_bytes(png) : NULL;
}

/* The key of a cover: the program, the style's text, what it says. */
static char *
cover_key(const struct cover_words *w, const char *style)
{
	GChecksum *sum = digest_new();

	if (!digest_file(sum, style)) {
		g_checksum_free(sum);
		return NULL;
	}
	digest_string(sum, w->head);
	digest_string(sum, w->title);
	digest_string(sum, w->subtitle);
	digest_string(sum, w->foot);
	return digest_finish(sum);
}

GBytes *
cover_png(const struct edition *e, const struct credits *cr,
    const char *style, const char *kept, struct diags *d)
{
	struct cover_words w;
	GBytes *png = NULL;
	GError *err = NULL;
	char *key;

	words_of(&w, e, cr);
	key = kept == NULL ? NULL : cover_key(&w, style);
	if (key != NULL)
		png = kept_load(kept, key);
	if (png == NULL && (png = draw_png(&w, style, d)) != NULL &&
	    key != NULL && !kept_save(kept, key, png, &err)) {
		diag_add(d, DIAG_INFO, srcpos_at(kept, 0, 0), "the cover is "
		    "not kept for the next build: %s", err->message);
		g_clear_error(&err);
	}
	g_free(key);
	words_clear(&w);
	return png;
}

/* ", edited by A and B": the words in lower case, then the names. */
static void
alt_names(GString *s, enum word w, const GPtrArray *names)
{
	char *joined = credits_join(names), *lower;

	if (joined == NULL)
		return;
	lower = g_utf8_strdown(word(w), -1);
	g_string_append_printf(s, ", %s %s", lower, joined);
	g_free(lower);
	g_free(joined);
}

char *
cover_alt(const struct book *b)
{
	const struct edition *e = b->edition;
	const struct credits *cr = &b->credits;
	GString *s = g_string_new("The cover: ");

	g_string_append(s, e->meta.title);
	if (e->meta.subtitle != NULL)
		g_string_append_printf(s, ": %s", e->meta.subtitle);
	alt_names(s, WORD_BY, cr->authors);
	alt_names(s, WORD_TRANSLATED_BY, cr->book_translators);
	alt_names(s, WORD_EDITED_BY, cr->editors);
	if (cr->authors->len == 0)
		alt_names(s, WORD_TEXTS_BY, cr->contributors);
	g_string_append_c(s, '.');
	return g_string_free(s, FALSE);
}
