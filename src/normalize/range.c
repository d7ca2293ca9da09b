/*
 * range.c — which lines of the source are the group's, and where its
 * chapters begin.
 *
 * A group may take part of its source (lines = 120-480): the other
 * lines are another group's, or nobody's, and the word ledger counts
 * them so.  A group with a split pattern becomes one chapter per
 * matching line (CHAPTER I., BOOK II); the text before the first such
 * line, if there is any, is a chapter of its own.
 */
#include <string.h>

#include "normalize/lines.h"
#include "normalize/typo.h"

void
range_pass(struct lines *ls)
{
	const struct lineset *take = &ls->rules->lines;
	guint i;

	if (lineset_empty(take))
		return;
	for (i = 0; i < ls->a->len; i++)
		if (!lineset_has(take, LINE(ls, i)->no)) {
			LINE(ls, i)->role = LINE_DROPPED;
			LINE(ls, i)->why = LINE_OUTSIDE;
		}
	lines_bounds(ls);
}

/* Opens a chapter at line index first; ends the one before it there. */
static struct chap *
open_chapter(struct lines *ls, guint first)
{
	struct chap c = { 0 };

	if (ls->chaps->len > 0)
		CHAP(ls, ls->chaps->len - 1)->end = first;
	c.first = first;
	c.end = ls->a->len;
	g_array_append_val(ls->chaps, c);
	return CHAP(ls, ls->chaps->len - 1);
}

/* Whether any line in [from, to) is text (not blank, dropped or a split). */
static int
has_text(const struct lines *ls, guint from, guint to)
{
	guint i;

	for (i = from; i < to; i++) {
		enum line_role r = LINE(ls, i)->role;

		if (r != LINE_BLANK && r != LINE_DROPPED && r != LINE_CHAPTER)
			return 1;
	}
	return 0;
}

/* Whether a heading's last word is an abbreviation its stop belongs to. */
static int
abbreviation(const char *t, gsize n)
{
	static const char *const abbr[] = { "co", "jr", "sr", "st", "dr",
	    "mr", "mrs", "etc", "esq", "bros", "ltd", "inc", "no", "vol",
	    "ed", NULL };
	gsize start = n;
	size_t k;

	while (start > 0 && g_ascii_isalpha(t[start - 1]))
		start--;
	for (k = 0; abbr[k] != NULL; k++)
		if (n - start == strlen(abbr[k]) &&
		    g_ascii_strncasecmp(t + start, abbr[k], n - start) == 0)
			return 1;
	return 0;
}

char *
range_heading_text(const char *s)
{
	char *t = lines_plain(s), *mark;
	gsize n;

	g_strstrip(t);
	n = strlen(t);
	/* The stop before a note's marker at the end: "Petition.[^3]". */
	if (n >= 3 && strcmp(t + n - 3, MARK_CLOSE) == 0 &&
	    (mark = g_strrstr(t, MARK_OPEN)) != NULL)
		n = (gsize)(mark - t);
	/* One closing stop or colon goes; an ellipsis or "Co." stays. */
	if (n > 0 && (t[n - 1] == ':' || (t[n - 1] == '.' &&
	    (n < 2 || t[n - 2] != '.') && !abbreviation(t, n - 1))))
		memmove(t + n - 1, t + n, strlen(t + n) + 1);
	n = strlen(t);
	if (typo_is_shouting(t)) {
		char *tc = typo_title_case(t);

		g_free(t);
		t = tc;
	}
	return t;
}

/*
 * Takes the label and, when the pattern captures one, the title of a
 * split line (the string mi matched) into the chapter's metadata.
 */
static void
split_heading(struct lines *ls, struct chap *c, guint i, GMatchInfo *mi)
{
	const char *line = g_match_info_get_string(mi);
	char *title = g_match_info_get_match_count(mi) > 1 ?
	    g_match_info_fetch(mi, 1) : NULL;

	/* A group that only holds the number ("(CHAPTER I)") is no title. */
	if (title != NULL && lines_match(LABEL_RE, g_strstrip(title)))
		g_clear_pointer(&title, g_free);
	if (title != NULL && *g_strstrip(title) != '\0') {
		int a, b;
		GString *rest = g_string_new(NULL);

		g_match_info_fetch_pos(mi, 1, &a, &b);
		g_string_append_len(rest, line, a);
		g_string_append(rest, line + b);
		c->meta.title = range_heading_text(title);
		if (lines_match("[[:alnum:]]", rest->str))
			c->meta.label = range_heading_text(rest->str);
		g_string_free(rest, TRUE);
	} else
		c->meta.label = range_heading_text(line);
	g_free(title);
	line_set(ls, i, LINE_CHAPTER, "a chapter begins: the line matches "
	    "split");
}

void
chapters_pass(struct lines *ls)
{
	const struct pattern *split = ls->rules->split;
	int matched = 0;
	guint i;

	ls->chaps = g_array_new(FALSE, TRUE, sizeof(struct chap));
	open_chapter(ls, 0);
	if (split == NULL)
		return;
	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		char *subject;
		GMatchInfo *mi;

		if (l->role == LINE_BLANK || l->role == LINE_DROPPED)
			continue;
		/* The whole block ("IV. A TITLE / WRAPPED"), or its first line. */
		subject = lines_plain(l->text);
		if (!g_regex_match(split->re, subject, 0, &mi) &&
		    l->phys != NULL) {
			g_match_info_free(mi);
			g_free(subject);
			subject = g_strdup(g_ptr_array_index(l->phys, 0));
			/* The lines after the heading's stay text. */
			if (g_regex_match(split->re, subject, 0, &mi)) {
				line_split_at(ls, i, strlen(subject));
				LINE(ls, i)->last = LINE(ls, i)->no;
				LINE(ls, i + 1)->no = LINE(ls, i)->no + 1;
			}
		}
		if (g_match_info_matches(mi)) {
			struct chap *c = ls->chaps->len == 1 &&
			    !has_text(ls, 0, i) ? CHAP(ls, 0) :
			    open_chapter(ls, i);

			c->first = i;
			split_heading(ls, c, i, mi);
			matched++;
		}
		g_match_info_free(mi);
		g_free(subject);
	}
	if (matched == 0)
		diag_add(ls->diags, DIAG_ERROR, split->pos, "split matches no "
		    "line of %s; check the pattern against the chapter "
		    "headings, such as '^CHAPTER [IVXLC]+\\.?$'", ls->path);
}
