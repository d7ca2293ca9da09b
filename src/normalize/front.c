/*
 * front.c — the metadata pass: label, title, byline, date, source,
 * credits, dedication and an editor's introduction leave the running
 * text and become each chapter's metadata.
 *
 * Scraped articles open with a block of short lines before the first
 * paragraph; each is recognized by its form ("By …", "(January 1980)",
 * "Translated by …").  What the manifest lists by line is taken first;
 * the heuristics only look at lines it did not list, and take only what
 * looks like front matter: a title is at most two short lines that are
 * not sentences.  Where the manifest's title replaces lines taken as
 * the title, they must say the same, or they go back into the text.
 */
#include <string.h>

#include "normalize/lines.h"
#include "normalize/typo.h"

/* A paragraph this long is running text, not a front-matter line. */
#define FRONT_MAX_CHARS	200
/* A title: at most two lines, this long together. */
#define TITLE_MAX_LINES	2
#define TITLE_MAX_CHARS	150
#define TITLE_MAX_WORDS	20

#define MONTH "(January|February|March|April|May|June|July|August|" \
	"September|October|November|December)"

enum field { F_NONE, F_LABEL, F_TITLE, F_AUTHOR, F_DATE, F_SOURCE,
	F_TRANSLATOR, F_CREDIT, F_DEDICATION };

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
	    "Produced|Converted|HTML(-| )?(mark-?up)?) (by|for)\\s" },
	{ F_LABEL, LABEL_RE },
	{ F_DEDICATION, "^(To|For) the memory of\\b|^In (loving )?memory "
	    "of\\b|^Dedicated to\\b" },
};

/* The first body line: long, or a numbered section heading. */
static int
is_body(const struct lines *ls, const struct line *l)
{
	return line_chars(l, FRONT_MAX_CHARS) > FRONT_MAX_CHARS ||
	    line_listed(&ls->rules->intro_lines, l) ||
	    line_listed(&ls->rules->headings, l) ||
	    lines_match("^[IVX]+\\.\\s", l->text);
}

/*
 * Whether a line may be (part of) a title: short, its lines few, not a
 * sentence (no full stop inside it; a closing one only if it is the
 * only one, as old books end headings), not a quotation or verse.
 */
static int
title_like(const struct line *l)
{
	const char *dot = strstr(l->text, ". ");

	if (line_chars(l, TITLE_MAX_CHARS) > TITLE_MAX_CHARS ||
	    l->indent >= 4 || line_count(l) > TITLE_MAX_LINES ||
	    line_words(l, TITLE_MAX_WORDS) > TITLE_MAX_WORDS)
		return 0;
	/* "Dr. Smith", "St. Peter" stop inside; a sentence stops then goes on. */
	if (dot != NULL && lines_match("[a-z]{2,}[.!?][”’\"]?\\s+[A-Z]", l->text))
		return 0;
	/* A closing stop, as old books end headings: not a sentence's. */
	if (g_str_has_suffix(l->text, ".") && !typo_is_shouting(l->text) &&
	    !line_title_cased(l->text))
		return 0;
	return !g_str_has_suffix(l->text, ",") && !g_str_has_suffix(l->text,
	    ":") && !g_str_has_suffix(l->text, ";");
}

/* Appends text to a metadata field, separated as the field wants. */
static void
add(char **field, const char *text, const char *sep)
{
	char *old = *field, *plain = lines_plain(text);

	*field = old == NULL ? g_strdup(plain) :
	    g_strconcat(old, sep, plain, NULL);
	g_free(plain);
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
take(struct lines *ls, struct chap *c, guint i, enum field f)
{
	struct line *l = LINE(ls, i);
	struct meta *m = &c->meta;
	char *name;

	switch (f) {
	case F_LABEL:
		name = range_heading_text(l->text);
		add(&m->label, name, " ");
		g_free(name);
		line_set(ls, i, LINE_META, "taken as the chapter's number");
		return;
	case F_TITLE:
		name = range_heading_text(l->text);
		add(&m->title, name, " ");
		g_free(name);
		line_set(ls, i, LINE_META, "taken as the title");
		return;
	case F_AUTHOR:
		if (g_ascii_strncasecmp(l->text, "by ", 3) == 0) {
			lines_change(ls, l->no, "By", NULL, "a byline's 'By'");
			diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path,
			    l->no, 1), "dropped: a byline's 'By'");
		}
		name = byline_name(l->text, &c->author_marker);
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

/* What the manifest says a line is, by its *-lines keys. */
static enum field
listed(const struct rules *r, const struct line *l)
{
	if (line_listed(&r->title_lines, l))
		return F_TITLE;
	if (line_listed(&r->author_lines, l))
		return F_AUTHOR;
	if (line_listed(&r->date_lines, l))
		return F_DATE;
	if (line_listed(&r->source_lines, l))
		return F_SOURCE;
	if (line_listed(&r->credit_lines, l))
		return F_CREDIT;
	if (line_listed(&r->dedication_lines, l))
		return F_DEDICATION;
	return F_NONE;
}

/* What a front line's form says it is; the manifest's author counts too. */
static enum field
recognize(const struct line *l, const struct meta *manifest)
{
	size_t k;

	for (k = 0; k < G_N_ELEMENTS(forms); k++)
		if (lines_match(forms[k].re, l->text))
			return forms[k].field;
	if (manifest->author != NULL &&
	    g_ascii_strcasecmp(l->text, manifest->author) == 0)
		return F_AUTHOR;
	return F_NONE;
}

/* The chapter whose lines hold line index i. */
static struct chap *
chapter_of(struct lines *ls, guint i)
{
	guint k;

	for (k = ls->chaps->len; k-- > 1;)
		if (i >= CHAP(ls, k)->first)
			return CHAP(ls, k);
	return CHAP(ls, 0);
}

/* The next line of text after i, within the chapter; c->end if none. */
static guint
chap_next(const struct lines *ls, const struct chap *c, guint i)
{
	guint j = lines_next(ls, i);

	return j < c->end ? j : c->end;
}

/* Whether the line after i, with no blank line between, goes on in lower case. */
static int
continued(const struct lines *ls, const struct chap *c, guint i)
{
	guint next = chap_next(ls, c, i);

	return next < c->end && !lines_blank_between(ls, i, next) &&
	    g_unichar_islower(g_utf8_get_char(LINE(ls, next)->text));
}

/*
 * Walks a chapter's front block.  A chapter's number, then a title of
 * at most two lines that nothing else claims, continued by the next
 * line when no blank line parts them; then bylines and the like, until
 * the first line of the text.
 */
static void
front_heuristics(struct lines *ls, struct chap *c)
{
	guint i, start = c->first, title_at = G_MAXUINT;
	int title_lines = 0;

	if (LINE(ls, start)->role == LINE_CHAPTER)
		start = chap_next(ls, c, start);
	else if (LINE(ls, start)->role == LINE_BLANK ||
	    LINE(ls, start)->role == LINE_DROPPED)
		start = chap_next(ls, c, start);
	for (i = start; i < c->end; i = chap_next(ls, c, i)) {
		struct line *l = LINE(ls, i);
		enum field f;

		if (l->role == LINE_META)
			continue;
		if (l->role != LINE_PARA || is_body(ls, l))
			break;
		f = recognize(l, ls->manifest);
		if (f == F_LABEL && (c->meta.label != NULL ||
		    c->meta.title != NULL))
			f = F_NONE;
		/* A line the next continues in lower case is a sentence's. */
		if (f == F_NONE && continued(ls, c, i) &&
		    !line_title_cased(l->text))
			break;
		if (f == F_NONE && title_at != G_MAXUINT &&
		    title_at == lines_prev(ls, i) &&
		    !lines_blank_between(ls, title_at, i) &&
		    title_lines < TITLE_MAX_LINES && title_like(l))
			f = F_TITLE;
		else if (f == F_NONE && c->meta.title == NULL && title_like(l))
			f = F_TITLE;
		if (f == F_NONE)
			break;
		if (f == F_TITLE) {
			title_at = i;
			title_lines += l->phys != NULL ? (int)l->phys->len : 1;
		}
		take(ls, c, i, f);
	}
	/* A number alone is the title when no title follows it. */
	if (c->meta.title == NULL && c->meta.label != NULL) {
		c->meta.title = c->meta.label;
		c->meta.label = NULL;
	}
}

/* Whether two titles say the same: most words of the shorter in the other. */
static int
similar(const char *a, const char *b)
{
	GHashTable *wa = lines_word_set(a), *wb = lines_word_set(b);
	GHashTable *small, *big;
	GHashTableIter it;
	gpointer k;
	guint shared = 0;
	int yes;

	small = g_hash_table_size(wa) <= g_hash_table_size(wb) ? wa : wb;
	big = small == wa ? wb : wa;
	g_hash_table_iter_init(&it, small);
	while (g_hash_table_iter_next(&it, &k, NULL))
		shared += g_hash_table_contains(big, k);
	yes = g_hash_table_size(small) > 0 &&
	    shared * 3 >= g_hash_table_size(small) * 2;
	g_hash_table_destroy(wa);
	g_hash_table_destroy(wb);
	return yes;
}

/*
 * The manifest's title replaces what the heuristics took as one: the
 * lines go, as the manifest says, if they say the same; otherwise they
 * were not the title and go back into the text, with a warning.  Lines
 * the manifest itself lists in title-lines are the title, whatever they
 * say.
 */
static void
manifest_title(struct lines *ls, struct chap *c)
{
	const char *want = ls->manifest->title;
	int same;
	guint i;

	if (want == NULL || c->meta.title == NULL)
		return;
	same = similar(want, c->meta.title);
	for (i = c->first; i < c->end; i++) {
		struct line *l = LINE(ls, i);

		if (l->role != LINE_META || l->why == NULL ||
		    strcmp(l->why, "taken as the title") != 0)
			continue;
		if (line_listed(&ls->rules->title_lines, l) || same) {
			lines_change(ls, l->no, l->text, NULL, "replaced by "
			    "the manifest's title");
			diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path,
			    l->no, 1), "dropped: replaced by the manifest's "
			    "title");
		}
		else {
			diag_add(ls->diags, DIAG_WARNING, srcpos_at(ls->path,
			    l->no, 1), "'%s' looked like the title, but the "
			    "manifest's title is '%s': it stays in the text; "
			    "list its lines in 'title-lines' if it is the "
			    "title", l->text, want);
			l->role = LINE_PARA;
			l->why = NULL;
		}
	}
	if (!same) {
		g_free(c->meta.title);
		c->meta.title = NULL;
	}
}

/*
 * A date and a publication glued to the chapter's first paragraph:
 * "October 13, 2017 — A Journal␣ In the novel …".
 */
static void
glued_dateline(struct lines *ls, struct chap *c)
{
	static const char *re = "^(" MONTH " \\d{1,2}, \\d{4})[\\s\\x{A0}]*"
	    "[—–-][\\s\\x{A0}]*([^.!?]{3,120}?)(\\x{A0}\\s*|\\s{2,})(?=\\S)";
	GRegex *g = g_regex_new(re, 0, 0, NULL);
	GMatchInfo *mi = NULL;
	guint i = chap_next(ls, c, c->first == 0 ? G_MAXUINT : c->first - 1);
	int tries;

	/* The first paragraph, perhaps after a heading or two. */
	for (tries = 0; tries < 3 && i < c->end; i = chap_next(ls, c, i))
		if (LINE(ls, i)->role == LINE_PARA) {
			g_match_info_free(mi);
			if (g_regex_match(g, LINE(ls, i)->text, 0, &mi))
				break;
			tries++;
		}
	if (i < c->end && g_match_info_matches(mi)) {
		int end;
		char *date = g_match_info_fetch(mi, 1);
		char *pub = g_match_info_fetch(mi, 3);

		g_match_info_fetch_pos(mi, 0, NULL, &end);
		add(&c->meta.published, date, "; ");
		add(&c->meta.source, g_strstrip(pub), " ");
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
		add(&chapter_of(ls, i)->meta.affiliation, aff, "; ");
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
closing_bio(struct lines *ls, struct chap *c)
{
	const char *author = ls->manifest->author != NULL ?
	    ls->manifest->author : c->meta.author;
	guint i = lines_prev(ls, c->end);
	char *prefix;

	if (author == NULL || i == G_MAXUINT || i < c->first ||
	    LINE(ls, i)->role != LINE_PARA)
		return;
	prefix = g_strconcat(author, " is ", NULL);
	if (g_str_has_prefix(LINE(ls, i)->text, prefix) &&
	    line_chars(LINE(ls, i), FRONT_MAX_CHARS) < FRONT_MAX_CHARS) {
		add(&c->meta.affiliation, LINE(ls, i)->text, " ");
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
		    line_listed(&ls->rules->intro_lines, LINE(ls, i))) {
			LINE(ls, i)->role = LINE_INTRO;
			last = i;
		}
	if (last == G_MAXUINT)
		return;
	i = lines_next(ls, last);
	if (i < ls->a->len &&
	    lines_match("^([*•·]\\s*){3,}$", LINE(ls, i)->text))
		line_drop(ls, i, "dropped: the break after the introduction");
}

/*
 * Whether the manifest's title is this chapter's: a group's only
 * chapter, or the text before its first split line.
 */
static int
titled_by_manifest(const struct lines *ls, const struct chap *c)
{
	return c == CHAP(ls, 0) && LINE(ls, c->first)->role != LINE_CHAPTER;
}

void
front_pass(struct lines *ls)
{
	guint i, k;

	for (i = 0; i < ls->a->len; i++) {
		enum field f = listed(ls->rules, LINE(ls, i));

		if (f != F_NONE && LINE(ls, i)->role == LINE_PARA)
			take(ls, chapter_of(ls, i), i, f);
	}
	/* Splitting a line moves the chapters after it: indices each time. */
	for (k = 0; k < ls->chaps->len; k++)
		front_heuristics(ls, CHAP(ls, k));
	for (k = 0; k < ls->chaps->len; k++)
		if (titled_by_manifest(ls, CHAP(ls, k)))
			manifest_title(ls, CHAP(ls, k));
	introduction(ls);
	for (k = 0; k < ls->chaps->len; k++)
		glued_dateline(ls, CHAP(ls, k));
	glued_affiliation(ls);
	for (k = 0; k < ls->chaps->len; k++)
		closing_bio(ls, CHAP(ls, k));
}
