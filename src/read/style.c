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
	SIZE,		/* a length greater than zero */
	SPACE,		/* a length of zero or more */
	FAMILY,		/* a fontconfig family, checked against the fonts installed */
	TEXT,		/* any string, "" included */
	CHOICE,		/* one of the key's choices, kept as its index */
	COUNT,		/* a whole number of zero or more */
	NUMBER		/* a number of zero or more, without a unit */
};

struct key {
	const char	*group, *name;
	enum kind	 kind;
	size_t		 off;		/* into struct style */
	const char	*dflt;
	const char	*choices;	/* CHOICE: "a or b", in enum order */
};

#define AT(field)	offsetof(struct style, field)

static const struct key keys[] = {
	{ "page", "width", SIZE, AT(width), "6in", NULL },
	{ "page", "height", SIZE, AT(height), "9in", NULL },
	{ "page", "inner", SPACE, AT(inner), "0.8125in", NULL },
	{ "page", "outer", SPACE, AT(outer), "0.6875in", NULL },
	{ "page", "top", SPACE, AT(top), "0.75in", NULL },
	{ "page", "bottom", SPACE, AT(bottom), "0.9in", NULL },
	{ "page", "folio", CHOICE, AT(folio), "head", "head or foot" },
	{ "body", "font", FAMILY, AT(body.family), DEFAULT_FAMILY, NULL },
	{ "body", "size", SIZE, AT(body.size), "11pt", NULL },
	{ "body", "leading", SIZE, AT(body.leading), "14pt", NULL },
	{ "body", "indent", SPACE, AT(indent), "11pt", NULL },
	{ "heading", "font", FAMILY, AT(chapter.family), DEFAULT_FAMILY, NULL },
	{ "heading", "chapter-size", SIZE, AT(chapter.size), "18pt", NULL },
	{ "heading", "section-size", SIZE, AT(section.size), "12.5pt", NULL },
	{ "heading", "subsection-size", SIZE,
	    AT(subsection.size), "11pt", NULL },
	{ "heading", "sink", SPACE, AT(sink), "1.5in", NULL },
	{ "heading", "chapter-opens", CHOICE, AT(opening), "recto",
	    "recto or any" },
	{ "quote", "size", SIZE, AT(quote.size), "10pt", NULL },
	{ "quote", "leading", SIZE, AT(quote.leading), "12.5pt", NULL },
	{ "quote", "indent", SPACE, AT(quote_indent), "22pt", NULL },
	{ "list", "indent", SPACE, AT(list_indent), "18pt", NULL },
	{ "note", "size", SIZE, AT(note.size), "9pt", NULL },
	{ "note", "leading", SIZE, AT(note.leading), "11pt", NULL },
	{ "running-head", "font", FAMILY,
	    AT(head.family), DEFAULT_FAMILY, NULL },
	{ "running-head", "size", SIZE, AT(head.size), "9pt", NULL },
	{ "break", "mark", TEXT, AT(break_mark), "* * *", NULL },
	{ "hyphenation", "min-word", COUNT, AT(hyph_min_word), "6", NULL },
	{ "hyphenation", "min-left", COUNT, AT(hyph_min_left), "2", NULL },
	{ "hyphenation", "min-right", COUNT, AT(hyph_min_right), "3", NULL },
	{ "hyphenation", "max-lines", COUNT, AT(hyph_max_lines), "2", NULL },
	{ "justification", "tolerance", NUMBER, AT(tolerance), "300", NULL },
	{ "justification", "pretolerance", NUMBER,
	    AT(pretolerance), "100", NULL },
	{ "justification", "hyphen-penalty", COUNT,
	    AT(hyphen_penalty), "500", NULL },
	{ "justification", "space-stretch", NUMBER,
	    AT(space_stretch), "0.5", NULL },
	{ "justification", "space-shrink", NUMBER,
	    AT(space_shrink), "0.333", NULL },
	{ "justification", "emergency-stretch", SPACE,
	    AT(emergency), "3pt", NULL },
};

static const char *const groups[] = {
	"page", "body", "heading", "quote", "list", "note", "running-head",
	"break", "hyphenation", "justification", NULL
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

/* Sets the key from its text; returns -1 with *bad set if it is wrong. */
static int
set_value(struct style *st, const struct key *k, const char *v,
    const char **bad)
{
	char *end;
	double pt;

	*bad = v;
	switch (k->kind) {
	case SIZE:
	case SPACE:
		if (parse_length(v, &pt, bad) == -1)
			return -1;
		*bad = v;
		if (pt < 0 || (k->kind == SIZE && pt == 0))
			return -1;
		*FIELD(st, k, double) = pt;
		return 0;
	case COUNT:
	case NUMBER:
		pt = g_ascii_strtod(v, &end);
		if (end == v || *end != '\0' || !isfinite(pt) || pt < 0 ||
		    (k->kind == COUNT && (pt != floor(pt) || pt > 10000)))
			return -1;
		if (k->kind == COUNT)
			*FIELD(st, k, int) = (int)pt;
		else
			*FIELD(st, k, double) = pt;
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
static const char *
kind_hint(const struct key *k)
{
	switch (k->kind) {
	case SIZE:
		return "a length more than zero, in in, mm or pt";
	case SPACE:
		return "a length of zero or more, in in, mm or pt";
	case CHOICE:
		return k->choices;
	case COUNT:
		return "a whole number of zero or more";
	case NUMBER:
		return "a number of zero or more";
	case FAMILY:
		return "a font family";
	case TEXT:
		break;
	}
	return "text";
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

			if (pos.col > 0)
				pos.col += (int)g_utf8_strlen(v, bad - v);
			diag_add(d, DIAG_ERROR, pos, "[%s] %s = %s: %s is "
			    "wanted, as in '%s = %s'", k->group, k->name, v,
			    kind_hint(k), k->name, k->dflt);
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

/* Where the first of the [page] keys the file sets is, else the file. */
static struct srcpos
first_set(const struct ini *ini, const char *const *names)
{
	struct srcpos pos = srcpos_at(ini->path, 0, 0);

	for (; *names != NULL && pos.line == 0; names++)
		pos = ini_pos(ini, "page", *names);
	return pos;
}

/* The values that are wrong only together: margins wider than the page. */
static void
check_page(const struct style *st, const struct ini *ini, struct diags *d)
{
	static const char *const across[] = { "outer", "inner", "width", NULL };
	static const char *const down[] = { "bottom", "top", "height", NULL };
	double text_height = st->height - st->top - st->bottom;

	if (st->width - st->inner - st->outer < 72)
		diag_add(d, DIAG_ERROR, first_set(ini, across), "margins of "
		    "%.4gin and %.4gin leave less than an inch for the text "
		    "on a page %.4gin wide; make the margins narrower or the "
		    "page wider", st->inner / 72, st->outer / 72,
		    st->width / 72);
	if (text_height < st->body.size + st->body.leading)
		diag_add(d, DIAG_ERROR, first_set(ini, down), "margins of "
		    "%.4gin and %.4gin leave less than two lines on a page "
		    "%.4gin high; make the margins smaller or the page taller",
		    st->top / 72, st->bottom / 72, st->height / 72);
	else if (st->sink + st->chapter.leading > text_height)
		diag_add(d, DIAG_ERROR, ini_pos(ini, "heading", "sink"),
		    "a sink of %.4gin puts chapter titles below the text "
		    "block, which is %.4gin high; make it smaller",
		    st->sink / 72, text_height / 72);
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
