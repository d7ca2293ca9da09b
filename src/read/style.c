/*
 * style.c — reading the print style.
 *
 * One table lists every key: its group, what kind of value it takes,
 * where it goes in struct style, and its default as the file would write
 * it.  style_init parses the defaults from the table, style_read the file
 * over them, so the defaults, the hints in error messages and
 * styles/print.ini all say the same thing.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "read/ini.h"
#include "read/style.h"

#define DEFAULT_FAMILY	"EB Garamond 12"

enum kind {
	LENGTH,		/* in, mm or pt, kept in points */
	FAMILY,		/* a fontconfig family, checked against the fonts installed */
	TEXT,		/* any string, "" included */
	CHOICE,		/* one of the key's choices, kept as its index */
	COUNT,		/* a whole number of zero or more */
	NUMBER		/* a number of zero or more, without a unit */
};

/*
 * A key: its group and name, its kind, where it goes, its default, its
 * choices, and the least and the most it may be, as the file would
 * write them (NULL: no bound), so that no value makes a page that
 * cannot be drawn: a page past the PDF's 200 inches, type too small to
 * read or too big for a line, a space that shrinks to nothing.
 */
struct key {
	const char	*group, *name;
	enum kind	 kind;
	size_t		 off;		/* into struct style */
	const char	*dflt;
	const char	*choices;	/* CHOICE: "a or b", in enum order */
	const char	*min, *max;
};

#define AT(field)	offsetof(struct style, field)
/* The bounds of margins and indents, of type, and of its leading. */
#define MARGIN		"0in", "100in"
#define TYPE		"4pt", "72pt"
#define LEADING		"4pt", "144pt"

static const struct key keys[] = {
	{ "page", "width", LENGTH, AT(width), "6in", NULL, "1in", "200in" },
	{ "page", "height", LENGTH, AT(height), "9in", NULL, "1in", "200in" },
	{ "page", "inner", LENGTH, AT(inner), "0.8125in", NULL, MARGIN },
	{ "page", "outer", LENGTH, AT(outer), "0.6875in", NULL, MARGIN },
	{ "page", "top", LENGTH, AT(top), "0.75in", NULL, MARGIN },
	{ "page", "bottom", LENGTH, AT(bottom), "0.9in", NULL, MARGIN },
	{ "page", "folio", CHOICE, AT(folio), "head", "head or foot", NULL,
	    NULL },
	{ "body", "font", FAMILY, AT(body.family), DEFAULT_FAMILY, NULL, NULL,
	    NULL },
	{ "body", "size", LENGTH, AT(body.size), "11pt", NULL, TYPE },
	{ "body", "leading", LENGTH, AT(body.leading), "14pt", NULL, LEADING },
	{ "body", "indent", LENGTH, AT(indent), "11pt", NULL, MARGIN },
	{ "heading", "font", FAMILY, AT(chapter.family), DEFAULT_FAMILY, NULL,
	    NULL, NULL },
	{ "heading", "chapter-size", LENGTH, AT(chapter.size), "18pt", NULL,
	    TYPE },
	{ "heading", "section-size", LENGTH, AT(section.size), "12.5pt", NULL,
	    TYPE },
	{ "heading", "subsection-size", LENGTH, AT(subsection.size), "11pt",
	    NULL, TYPE },
	{ "heading", "sink", LENGTH, AT(sink), "1.5in", NULL, MARGIN },
	{ "heading", "chapter-opens", CHOICE, AT(opening), "recto",
	    "recto or any", NULL, NULL },
	{ "quote", "size", LENGTH, AT(quote.size), "10pt", NULL, TYPE },
	{ "quote", "leading", LENGTH, AT(quote.leading), "12.5pt", NULL,
	    LEADING },
	{ "quote", "indent", LENGTH, AT(quote_indent), "22pt", NULL, MARGIN },
	{ "list", "indent", LENGTH, AT(list_indent), "18pt", NULL, MARGIN },
	{ "note", "size", LENGTH, AT(note.size), "9pt", NULL, TYPE },
	{ "note", "leading", LENGTH, AT(note.leading), "11pt", NULL, LEADING },
	{ "running-head", "font", FAMILY, AT(head.family), DEFAULT_FAMILY,
	    NULL, NULL, NULL },
	{ "running-head", "size", LENGTH, AT(head.size), "9pt", NULL, TYPE },
	{ "break", "mark", TEXT, AT(break_mark), "* * *", NULL, NULL, NULL },
	{ "hyphenation", "min-word", COUNT, AT(hyph_min_word), "6", NULL, "1",
	    "100" },
	{ "hyphenation", "min-left", COUNT, AT(hyph_min_left), "2", NULL, "1",
	    "100" },
	{ "hyphenation", "min-right", COUNT, AT(hyph_min_right), "3", NULL,
	    "1", "100" },
	{ "hyphenation", "max-lines", COUNT, AT(hyph_max_lines), "2", NULL,
	    "0", "100" },
	{ "justification", "tolerance", NUMBER, AT(tolerance), "300", NULL,
	    "0", "10000" },
	{ "justification", "pretolerance", NUMBER, AT(pretolerance), "100",
	    NULL, "0", "10000" },
	{ "justification", "hyphen-penalty", COUNT, AT(hyphen_penalty), "500",
	    NULL, "0", "10000" },
	{ "justification", "space-stretch", NUMBER, AT(space_stretch), "0.5",
	    NULL, "0", "4" },
	{ "justification", "space-shrink", NUMBER, AT(space_shrink), "0.333",
	    NULL, "0", "0.9" },
	{ "justification", "emergency-stretch", LENGTH, AT(emergency), "3pt",
	    NULL, "0in", "2in" },
	{ "hyphenation", "capitals", CHOICE, AT(capitals), "avoid",
	    "avoid or allow", NULL, NULL },
	{ "index", "max-groups", COUNT, AT(index_max_groups), "0", NULL, "0",
	    "1000" },
	{ "print", "bleed", LENGTH, AT(bleed), "0pt", NULL, "0in", "1in" },
	{ "print", "crop-marks", CHOICE, AT(crop_marks), "none",
	    "none or corners", NULL, NULL },
};

static const char *const groups[] = {
	"page", "body", "heading", "quote", "list", "note", "running-head",
	"break", "hyphenation", "justification", "index", "print", NULL
};

#define FIELD(st, k, type)	((type *)(void *)((char *)(st) + (k)->off))

/*
 * Parses a length such as "6in", "152.4 mm" or "11pt" into points.  On
 * failure returns -1 and sets *bad to the offending character, so the
 * error can point at it.
 */
static int
parse_length(const char *s, double *pt, const char **bad)
{
	static const struct { const char *unit; double pt; } units[] = {
		{ "in", 72.0 }, { "mm", 72.0 / 25.4 }, { "pt", 1.0 }
	};
	char *end;
	double v = g_ascii_strtod(s, &end);
	size_t i;

	if (end == s || !isfinite(v)) {
		*bad = s;
		return -1;
	}
	while (*end == ' ' || *end == '\t')
		end++;
	*bad = end;
	for (i = 0; i < G_N_ELEMENTS(units); i++)
		if (strcmp(end, units[i].unit) == 0) {
			*pt = v * units[i].pt;
			return 0;
		}
	return -1;
}

/* Does the font map have family, either as a family or as "family face"? */
static int
family_installed(PangoFontMap *fm, const char *name)
{
	PangoFontFamily **fams;
	int nfam, i, j, found = 0;

	pango_font_map_list_families(fm, &fams, &nfam);
	for (i = 0; i < nfam && !found; i++) {
		const char *fam = pango_font_family_get_name(fams[i]);
		size_t len = strlen(fam), rest;
		PangoFontFace **faces;
		int nface;

		found = g_ascii_strcasecmp(fam, name) == 0;
		/*
		 * Pango lists only a font's first family name: fontconfig's
		 * "EB Garamond 12" is the "12 …" faces of "EB Garamond".
		 */
		if (found || g_ascii_strncasecmp(fam, name, len) != 0 ||
		    name[len] != ' ')
			continue;
		rest = strlen(name + len + 1);
		pango_font_family_list_faces(fams[i], &faces, &nface);
		for (j = 0; j < nface && !found; j++) {
			const char *face = pango_font_face_get_face_name(faces[j]);

			found = g_ascii_strncasecmp(face, name + len + 1,
			    rest) == 0 && (face[rest] == ' ' || face[rest] == '\0');
		}
		g_free(faces);
	}
	g_free(fams);
	return found;
}

/*
 * Checks every font family is installed.  One the style file names is an
 * error: the book would not look as its style says.  A default that is
 * not installed (fonts-ebgaramond missing) is a warning, and replaced by
 * fontconfig's "serif", so octavo still works.
 */
static void
check_fonts(struct style *st, const struct ini *ini, struct diags *d)
{
	PangoFontMap *fm = pango_cairo_font_map_new();
	const char *fallback =
	    family_installed(fm, DEFAULT_FAMILY) ? DEFAULT_FAMILY : "serif";
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(keys); i++) {
		const struct key *k = &keys[i];
		struct srcpos pos;
		char **family;

		if (k->kind != FAMILY)
			continue;
		family = FIELD(st, k, char *);
		if (family_installed(fm, *family))
			continue;
		pos = ini_pos(ini, k->group, k->name);
		if (pos.line > 0) {
			diag_add(d, DIAG_ERROR, pos, "font '%s' for [%s] %s "
			    "is not installed; install it or name a family "
			    "that `fc-list : family` shows", *family,
			    k->group, k->name);
			continue;
		}
		/* A default not installed is reported at the file. */
		diag_add(d, DIAG_WARNING, pos, "the default font '%s' for "
		    "[%s] %s is not installed; using '%s'; install "
		    "fonts-ebgaramond", *family, k->group, k->name, fallback);
		g_free(*family);
		*family = g_strdup(fallback);
	}
	g_object_unref(fm);
}

/* A number as the file writes it: a length, in points, or a plain one. */
static int
parse_number(const struct key *k, const char *v, double *n, const char **bad)
{
	char *end;

	if (k->kind == LENGTH)
		return parse_length(v, n, bad);
	*n = g_ascii_strtod(v, &end);
	*bad = end;
	return end == v || *end != '\0' || !isfinite(*n) ? -1 : 0;
}

/* Whether n is within the key's bounds. */
static int
in_bounds(const struct key *k, double n)
{
	const char *bad;
	double b;

	if (k->min != NULL && (parse_number(k, k->min, &b, &bad) == -1 ||
	    n < b))
		return 0;
	return k->max == NULL || (parse_number(k, k->max, &b, &bad) == 0 &&
	    n <= b);
}

/* Sets the key from its text; returns -1 with *bad set if it is wrong. */
static int
set_value(struct style *st, const struct key *k, const char *v,
    const char **bad)
{
	double n;

	*bad = v;
	switch (k->kind) {
	case LENGTH:
	case COUNT:
	case NUMBER:
		if (parse_number(k, v, &n, bad) == -1)
			return -1;
		*bad = v;
		if (!in_bounds(k, n) || (k->kind == COUNT && n != floor(n)))
			return -1;
		if (k->kind == COUNT)
			*FIELD(st, k, int) = (int)n;
		else
			*FIELD(st, k, double) = n;
		return 0;
	case CHOICE: {
		char **choices = g_strsplit(k->choices, " or ", -1);
		int i, found;

		for (i = 0; choices[i] != NULL && strcmp(choices[i], v) != 0;
		    i++)
			continue;
		if ((found = choices[i] != NULL))
			*FIELD(st, k, int) = i;	/* the enum's value */
		g_strfreev(choices);
		return found ? 0 : -1;
	}
	case FAMILY:
		if (*v == '\0')
			return -1;
		/* FALLTHROUGH */
	case TEXT:
		g_free(*FIELD(st, k, char *));
		*FIELD(st, k, char *) = g_strdup(v);
		return 0;
	}
	return -1;
}

/* What a wrong value should look like, for the error's hint. */
static char *
kind_hint(const struct key *k)
{
	const char *what;

	switch (k->kind) {
	case LENGTH:
		what = "a length, in in, mm or pt,";
		break;
	case COUNT:
		what = "a whole number";
		break;
	case NUMBER:
		what = "a number";
		break;
	case CHOICE:
		return g_strdup(k->choices);
	case FAMILY:
		return g_strdup("a font family");
	default:
		return g_strdup("text");
	}
	return g_strdup_printf("%s from %s to %s", what, k->min, k->max);
}

/* The fonts that take their family from another key. */
static void
derive(struct style *st)
{
	struct font *same_as_heading[] = { &st->section, &st->subsection };
	struct font *same_as_body[] = { &st->quote, &st->note };
	struct font *no_leading[] = { &st->chapter, &st->section,
	    &st->subsection, &st->head };
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(same_as_heading); i++) {
		g_free(same_as_heading[i]->family);
		same_as_heading[i]->family = g_strdup(st->chapter.family);
	}
	for (i = 0; i < G_N_ELEMENTS(same_as_body); i++) {
		g_free(same_as_body[i]->family);
		same_as_body[i]->family = g_strdup(st->body.family);
	}
	/* Display type is set a little looser than solid. */
	for (i = 0; i < G_N_ELEMENTS(no_leading); i++)
		no_leading[i]->leading = ceil(no_leading[i]->size * 1.25);
}

void
style_init(struct style *st)
{
	const char *bad;
	size_t i;

	memset(st, 0, sizeof(*st));
	for (i = 0; i < G_N_ELEMENTS(keys); i++) {
		int rc = set_value(st, &keys[i], keys[i].dflt, &bad);

		g_assert(rc == 0);
	}
	derive(st);
}

void
style_release(struct style *st)
{
	struct font *fonts[] = { &st->body, &st->chapter, &st->section,
	    &st->subsection, &st->quote, &st->note, &st->head };
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(fonts); i++)
		g_free(fonts[i]->family);
	g_free(st->break_mark);
	g_free(st->path);
	memset(st, 0, sizeof(*st));
}

/* Reads every key the file sets; an error for each bad value. */
static void
read_keys(struct style *st, const struct ini *ini, struct diags *d)
{
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(keys); i++) {
		const struct key *k = &keys[i];
		char *v = ini_string(ini, k->group, k->name);
		const char *bad;

		if (v != NULL && set_value(st, k, v, &bad) == -1) {
			struct srcpos pos = ini_pos(ini, k->group, k->name);
			char *hint = kind_hint(k);

			if (pos.col > 0)
				pos.col += (int)g_utf8_strlen(v, bad - v);
			diag_add(d, DIAG_ERROR, pos, "[%s] %s = %s: %s is "
			    "wanted, as in '%s = %s'", k->group, k->name, v,
			    hint, k->name, k->dflt);
			g_free(hint);
		}
		g_free(v);
	}
}

/* Warns about groups and keys the table does not know. */
static void
check_names(const struct ini *ini, struct diags *d)
{
	gchar **names = g_key_file_get_groups(ini->kf, NULL);
	GPtrArray *known = g_ptr_array_new();
	size_t i, j;

	for (i = 0; names[i] != NULL; i++) {
		if (!g_strv_contains(groups, names[i])) {
			char *all = g_strjoinv("], [", (gchar **)groups);

			diag_add(d, DIAG_WARNING, ini_pos(ini, names[i], NULL),
			    "unknown group [%s] is ignored; the groups are "
			    "[%s]", names[i], all);
			g_free(all);
			continue;
		}
		g_ptr_array_set_size(known, 0);
		for (j = 0; j < G_N_ELEMENTS(keys); j++)
			if (strcmp(keys[j].group, names[i]) == 0)
				g_ptr_array_add(known, (gpointer)keys[j].name);
		g_ptr_array_add(known, NULL);
		ini_check_keys(ini, names[i],
		    (const char *const *)known->pdata, NULL, d);
	}
	g_ptr_array_free(known, TRUE);
	g_strfreev(names);
}

/*
 * Where the first of a group's keys that the file sets is, else the
 * file: a value wrong only with others is reported at the one written.
 */
static struct srcpos
first_set(const struct ini *ini, const char *group, const char *const *names)
{
	struct srcpos pos = srcpos_at(ini->path, 0, 0);

	for (; *names != NULL && pos.line == 0; names++)
		pos = ini_pos(ini, group, *names);
	return pos;
}

/* Type set on less than its own size: its lines would overlap. */
static void
check_leading(const struct font *f, const char *group, const struct ini *ini,
    struct diags *d)
{
	static const char *const keys_of[] = { "leading", "size", NULL };

	if (f->leading < f->size)
		diag_add(d, DIAG_ERROR, first_set(ini, group, keys_of),
		    "[%s] leading = %.4gpt is less than its size, %.4gpt: "
		    "the lines would overlap; make the leading %.4gpt or more",
		    group, f->leading, f->size, f->size);
}

/*
 * An indent that leaves less than half the measure for the text, from
 * one side or (sides 2, a quotation's) from both.
 */
static void
check_indent(double indent, int sides, double measure, const char *group,
    const struct ini *ini, struct diags *d)
{
	static const char *const keys_of[] = { "indent", NULL };

	if (sides * indent > measure / 2)
		diag_add(d, DIAG_ERROR, first_set(ini, group, keys_of),
		    "[%s] indent = %.4gin leaves less than half of the %.4gin "
		    "measure for the text; make it smaller", group,
		    indent / 72, measure / 72);
}

/* The values that are wrong only together: margins wider than the page. */
static void
check_page(const struct style *st, const struct ini *ini, struct diags *d)
{
	static const char *const across[] = { "outer", "inner", "width", NULL };
	static const char *const down[] = { "bottom", "top", "height", NULL };
	static const char *const body[] = { "leading", "size", NULL };
	double text_height = st->height - st->top - st->bottom;
	double measure = st->width - st->inner - st->outer;
	struct srcpos at;

	if (measure < 72)
		diag_add(d, DIAG_ERROR, first_set(ini, "page", across),
		    "margins of %.4gin and %.4gin leave less than an inch for "
		    "the text on a page %.4gin wide; make the margins narrower "
		    "or the page wider", st->inner / 72, st->outer / 72,
		    st->width / 72);
	if (text_height < st->body.size + st->body.leading) {
		/* The leading's fault if the file sets it, else the margins'. */
		at = first_set(ini, "body", body);
		if (at.line == 0)
			at = first_set(ini, "page", down);
		diag_add(d, DIAG_ERROR, at, "two lines of %.4gpt on %.4gpt "
		    "do not fit in the text block, %.4gin high between "
		    "margins of %.4gin and %.4gin; make the type or its "
		    "leading smaller, the margins smaller or the page taller",
		    st->body.size, st->body.leading, text_height / 72,
		    st->top / 72, st->bottom / 72);
	} else if (st->sink + st->chapter.leading > text_height)
		diag_add(d, DIAG_ERROR, ini_pos(ini, "heading", "sink"),
		    "a sink of %.4gin puts chapter titles below the text "
		    "block, which is %.4gin high; make it smaller",
		    st->sink / 72, text_height / 72);
	check_leading(&st->body, "body", ini, d);
	check_leading(&st->quote, "quote", ini, d);
	check_leading(&st->note, "note", ini, d);
	if (measure >= 72) {
		check_indent(st->indent, 1, measure, "body", ini, d);
		check_indent(st->quote_indent, 2, measure, "quote", ini, d);
		check_indent(st->list_indent, 1, measure, "list", ini, d);
	}
}

int
style_read(struct style *st, const char *path, struct diags *d)
{
	struct ini ini;
	int errors = d->count[DIAG_ERROR];

	style_init(st);
	st->path = g_strdup(path);
	if (ini_open(&ini, st->path, "the print style", d) == -1) {
		ini_close(&ini);
		style_release(st);
		return -1;
	}
	check_names(&ini, d);
	read_keys(st, &ini, d);
	check_fonts(st, &ini, d);
	derive(st);
	if (d->count[DIAG_ERROR] == errors)
		check_page(st, &ini, d);
	ini_close(&ini);
	if (d->count[DIAG_ERROR] > errors) {
		style_release(st);
		return -1;
	}
	return 0;
}
