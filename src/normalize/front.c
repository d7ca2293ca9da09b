/*
 * front.c — the metadata pass: title, byline, date, source, credits,
 * dedication and an editor's introduction leave the running text and
 * become the chapter's metadata.
 *
 * Scraped articles open with a block of short lines before the first
 * paragraph; each is recognized by its form ("By …", "(January 1980)",
 * "Translated by …").  What the manifest lists by line is taken first;
 * the heuristics only look at lines it did not list.
 */
#include <string.h>

#include "normalize/lines.h"

/* A paragraph this long is running text, not a front-matter line. */
#define FRONT_MAX_CHARS	200

#define MONTH "(January|February|March|April|May|June|July|August|" \
	"September|October|November|December)"

enum field { F_NONE, F_TITLE, F_AUTHOR, F_DATE, F_SOURCE, F_TRANSLATOR,
	F_CREDIT, F_DEDICATION };

static const struct {
	enum field	 field;
	const char	*re;
} forms[] = {
	{ F_AUTHOR, "^By\\s+\\S" },
	{ F_DATE, "^\\(?(\\d{1,2}\\s+)?" MONTH "?(\\s+\\d{1,2},?)?\\s*"
	    "\\d{4}\\)?$" },
	{ F_SOURCE, "^(From|Originally published|First published|"
	    "Published|Source:|Reprinted from)\\b" },
	{ F_SOURCE, "\\b([Vv]ol|[Nn]o)\\.\\s*[0-9IVXLC]+.*\\b(1[89]|20)\\d\\d\\b" },
	{ F_TRANSLATOR, "^Translated (from \\S+ )?by\\s" },
	{ F_CREDIT, "^(Transcribed|Marked up|Proofread|Proof-read|Prepared|"
	    "Converted|HTML(-| )?(mark-?up)?) (by|for)\\s" },
	{ F_DEDICATION, "^(To|For) the memory of\\b|^In (loving )?memory "
	    "of\\b|^Dedicated to\\b" },
};

/* The first body line: long, or a numbered section heading. */
static int
is_body(const struct lines *ls, const struct line *l)
{
	return line_chars(l) > FRONT_MAX_CHARS ||
	    lineset_has(&ls->rules->intro_lines, l->no) ||
	    lineset_has(&ls->rules->headings, l->no) ||
	    g_regex_match_simple("^[IVX]+\\.\\s", l->text, 0, 0);
}

/* Appends text to a metadata field, separated as the field wants. */
static void
add(char **field, const char *text, const char *sep)
{
	char *old = *field;

	*field = old == NULL ? g_strdup(text) : g_strconcat(old, sep, text, NULL);
	g_free(old);
}

/*
 * A byline's name: "By J. R. Smith*" → "J. R. Smith", and whether a
 * '*' marked an author's note.
 */
static char *
byline_name(const char *text, int *marker)
{
	const char *p = text;
	char *name;

	if (g_str_has_prefix(p, "By ") || g_str_has_prefix(p, "by "))
		p += 3;
	name = g_strstrip(g_strdup(p));
	/* A trailing '*' is an author note's marker; the notes pass finds it. */
	while (*name != '\0' && name[strlen(name) - 1] == '*') {
		name[strlen(name) - 1] = '\0';
		*marker = 1;
	}
	return g_strchomp(name);
}

static void
take(struct lines *ls, guint i, enum field f)
{
	struct line *l = LINE(ls, i);
	struct meta *m = &ls->meta;
	char *name;

	switch (f) {
	case F_TITLE:
		add(&m->title, l->text, " ");
		line_set(ls, i, LINE_META, "taken as the title");
		return;
	case F_AUTHOR:
		name = byline_name(l->text, &ls->author_marker);
		add(&m->author, name, " and ");
		g_free(name);
		line_set(ls, i, LINE_META, "taken as the author");
		return;
	case F_DATE:
		name = g_strdup(l->text);
		if (*name == '(' && g_str_has_suffix(name, ")")) {
			name[strlen(name) - 1] = '\0';
			memmove(name, name + 1, strlen(name));
		}
		add(&m->published, name, "; ");
		g_free(name);
		line_set(ls, i, LINE_META, "taken as the date");
		return;
	case F_SOURCE:
		add(&m->source, l->text, " ");
		line_set(ls, i, LINE_META, "taken as the source");
		return;
	case F_TRANSLATOR:
		name = g_strdup(strstr(l->text, "by ") + 3);
		if (g_str_has_suffix(name, "."))
			name[strlen(name) - 1] = '\0';
		add(&m->translator, name, " and ");
		add(&m->credits, l->text, "\n");
		g_free(name);
		line_set(ls, i, LINE_META, "taken as the translator");
		return;
	case F_CREDIT:
		add(&m->credits, l->text, "\n");
		line_set(ls, i, LINE_META, "taken as a credit");
		return;
	case F_DEDICATION:
		add(&m->dedication, l->text, " ");
		line_set(ls, i, LINE_META, "taken as the dedication");
		return;
	case F_NONE:
		break;
	}
}

/* What the manifest says line no is, by its *-lines keys. */
static enum field
listed(const struct rules *r, int no)
{
	if (lineset_has(&r->title_lines, no))
		return F_TITLE;
	if (lineset_has(&r->author_lines, no))
		return F_AUTHOR;
	if (lineset_has(&r->date_lines, no))
		return F_DATE;
	if (lineset_has(&r->source_lines, no))
		return F_SOURCE;
	if (lineset_has(&r->credit_lines, no))
		return F_CREDIT;
	if (lineset_has(&r->dedication_lines, no))
		return F_DEDICATION;
	return F_NONE;
}

/* What a front line's form says it is; the manifest's author counts too. */
static enum field
recognize(const struct line *l, const struct meta *manifest)
{
	size_t k;

	for (k = 0; k < G_N_ELEMENTS(forms); k++)
		if (g_regex_match_simple(forms[k].re, l->text, 0, 0))
			return forms[k].field;
	if (manifest->author != NULL &&
	    g_ascii_strcasecmp(l->text, manifest->author) == 0)
		return F_AUTHOR;
	return F_NONE;
}

/*
 * Walks the front block.  A short line nothing else claims is the title,
 * continued by the next line when no blank line parts them.
 */
static void
front_heuristics(struct lines *ls, const struct meta *manifest)
{
	guint i, title_at = G_MAXUINT;

	for (i = lines_next(ls, G_MAXUINT); i < ls->a->len;
	    i = lines_next(ls, i)) {
		struct line *l = LINE(ls, i);
		enum field f;

		if (l->role == LINE_META)
			continue;
		if (is_body(ls, l))
			break;
		f = recognize(l, manifest);
		if (f == F_NONE && title_at != G_MAXUINT &&
		    title_at == lines_prev(ls, i) &&
		    LINE(ls, title_at)->no == l->no - 1)
			f = F_TITLE;
		else if (f == F_NONE && ls->meta.title == NULL &&
		    !g_str_has_suffix(l->text, "."))
			f = F_TITLE;
		if (f == F_NONE)
			break;
		if (f == F_TITLE)
			title_at = i;
		take(ls, i, f);
	}
}

/*
 * A date and a publication glued to the first paragraph: "October 13,
 * 2017 — A Journal␣ In the novel …".
 */
static void
glued_dateline(struct lines *ls)
{
	static const char *re = "^(" MONTH " \\d{1,2}, \\d{4})[\\s\\x{A0}]*"
	    "[—–-][\\s\\x{A0}]*([^.!?]{3,120}?)(\\x{A0}\\s*|\\s{2,})(?=\\S)";
	GRegex *g = g_regex_new(re, 0, 0, NULL);
	GMatchInfo *mi = NULL;
	guint i = lines_next(ls, G_MAXUINT);
	int tries;

	/* The first paragraph, perhaps after a heading or two. */
	for (tries = 0; tries < 3 && i < ls->a->len; i = lines_next(ls, i))
		if (LINE(ls, i)->role == LINE_PARA) {
			g_match_info_free(mi);
			if (g_regex_match(g, LINE(ls, i)->text, 0, &mi))
				break;
			tries++;
		}
	if (i < ls->a->len && g_match_info_matches(mi)) {
		int end;
		char *date = g_match_info_fetch(mi, 1);
		char *pub = g_match_info_fetch(mi, 3);

		g_match_info_fetch_pos(mi, 0, NULL, &end);
		add(&ls->meta.published, date, "; ");
		add(&ls->meta.source, g_strstrip(pub), " ");
		line_split_at(ls, i, (gsize)end);
		line_set(ls, i, LINE_META, "taken as date and publication "
		    "glued to the first paragraph");
		g_free(date);
		g_free(pub);
	}
	g_match_info_free(mi);
	g_regex_unref(g);
}

/*
 * The author's affiliation glued to the last paragraph ("… in 1917.
 * University of Nowhere * The author is …"): the manifest
 * names it; the text after it becomes a paragraph of its own.
 */
static void
glued_affiliation(struct lines *ls)
{
	const char *aff = ls->rules->affiliation;
	guint i;

	if (aff == NULL)
		return;
	for (i = ls->a->len; i-- > 0;) {
		struct line *l = LINE(ls, i);
		char *at;

		if (l->role != LINE_PARA ||
		    (at = strstr(l->text, aff)) == NULL)
			continue;
		add(&ls->meta.affiliation, aff, "; ");
		if (at[strlen(aff)] != '\0') {
			line_split_at(ls, i, (gsize)(at - l->text) + strlen(aff));
			LINE(ls, i + 1)->role = LINE_PARA;
		}
		l = LINE(ls, i);
		at = strstr(l->text, aff);
		*at = '\0';
		g_strchomp(l->text);
		diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, l->no, 1),
		    "taken as the author's affiliation: %s", aff);
		return;
	}
	diag_add(ls->diags, DIAG_WARNING, srcpos_at(ls->path, 0, 0),
	    "affiliation '%s' is not in the text; check the manifest", aff);
}

/* A closing line about the author ("Jane Roe is a historian …"). */
static void
closing_bio(struct lines *ls, const struct meta *manifest)
{
	const char *author = manifest->author != NULL ? manifest->author :
	    ls->meta.author;
	guint i = lines_prev(ls, ls->a->len);
	char *prefix;

	if (author == NULL || i == G_MAXUINT || LINE(ls, i)->role != LINE_PARA)
		return;
	prefix = g_strconcat(author, " is ", NULL);
	if (g_str_has_prefix(LINE(ls, i)->text, prefix) &&
	    line_chars(LINE(ls, i)) < FRONT_MAX_CHARS) {
		add(&ls->meta.affiliation, LINE(ls, i)->text, " ");
		line_set(ls, i, LINE_META, "taken as a note on the author");
	}
	g_free(prefix);
}

/* The introduction's lines; a scene break that only closed it goes too. */
static void
introduction(struct lines *ls)
{
	guint i, last = G_MAXUINT;

	for (i = 0; i < ls->a->len; i++)
		if (LINE(ls, i)->role == LINE_PARA &&
		    lineset_has(&ls->rules->intro_lines, LINE(ls, i)->no)) {
			LINE(ls, i)->role = LINE_INTRO;
			last = i;
		}
	if (last == G_MAXUINT)
		return;
	i = lines_next(ls, last);
	if (i < ls->a->len &&
	    g_regex_match_simple("^([*•·]\\s*){3,}$", LINE(ls, i)->text, 0, 0))
		line_set(ls, i, LINE_DROPPED, "dropped: the break after the "
		    "introduction");
}

void
front_pass(struct lines *ls, const struct meta *manifest)
{
	guint i;

	for (i = 0; i < ls->a->len; i++) {
		enum field f = listed(ls->rules, LINE(ls, i)->no);

		if (f != F_NONE && LINE(ls, i)->role == LINE_PARA)
			take(ls, i, f);
	}
	front_heuristics(ls, manifest);
	introduction(ls);
	glued_dateline(ls);
	glued_affiliation(ls);
	closing_bio(ls, manifest);
}
