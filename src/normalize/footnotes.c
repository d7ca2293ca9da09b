/*
 * footnotes.c — recognizing a raw text's notes, in whichever of three
 * conventions its source used, and writing them in one: a marker
 * (MARK_OPEN label MARK_CLOSE, which the writer turns into "[^label]")
 * where the reference was, and one "[^label]: …" definition per note.
 *
 *   bracket        "word[12]" or "word [12]"; notes run on: "[1] … [2] …"
 *   numbered       "[12]" markers; notes are paragraphs "12. …", maybe
 *                  continued by unnumbered lines
 *   glued-digits   "the end.’5", "March.26Then"; notes run on:
 *                  "1 … 2 … 3 …"
 *
 * Numbers in running text and in notes look like markers and note
 * starts.  The sequence decides: a marker or a note is accepted only as
 * the next number (or, for markers, a small step past a missing one),
 * and a note start only where the note after it can still be found.
 * Whatever cannot be resolved stays text, with a warning.
 */
#include <stdlib.h>
#include <string.h>

#include "normalize/lines.h"

/* How each convention's first note looks, and its second. */
static const struct {
	enum notes_style style;
	const char	*first, *second;
} openers[] = {
	{ NOTES_NUMBERED, "^1\\.\\s+\\S", "^2\\.\\s+\\S" },
	{ NOTES_BRACKET, "^\\[1\\]\\s*\\S", "\\[2\\]" },
	{ NOTES_GLUED, "^1\\s+[[:upper:]‘“(]", "[\\s.,;:)’”]2\\s+[[:upper:]‘“(]" },
};

/* A note start in run-on notes: its number (group 1), then its first word. */
static const char *const runon_start[] = {
	[NOTES_BRACKET] = "\\[(\\d{1,6})\\]\\s*",
	[NOTES_GLUED] = "(?:^|(?<=\\s)|(?<=[.,;:)])|(?<=’)|(?<=”))(\\d{1,6})\\s+"
	    "(?=[A-Z\"'(\\[]|‘|“)",
};

/* Where a note may start in run-on notes: its number, and its text. */
struct cand {
	gsize	at, text;
	int	n;
};

/* Run-on notes being split: the text and every place a note may start. */
struct runon {
	const char	*s;
	gssize		 len;
	GArray		*cands;		/* struct cand, in text order */
};

/* A marker in the text, as a pattern with the number as group 1. */
static const char *const marker_re[] = {
	/* A space before "[12]" goes too; mark_refs takes it (see there). */
	[NOTES_BRACKET] = "\\[(\\d{1,4})\\]",
	[NOTES_NUMBERED] = "\\[(\\d{1,4})\\]",
	/* One lookbehind, not a group of three: PCRE then starts at digits. */
	[NOTES_GLUED] = "(?<=[.,;:!?)]|’|”)(\\d{1,3})(?=\\s|$|[A-Z]|‘|“)",
};

/*
 * These patterns run over whole lines, match after match: compiled raw
 * (bytes, not UTF-8), since PCRE checks a UTF-8 subject whole at every
 * match, which makes a line with many markers quadratic.  The text was
 * checked once when read; the patterns spell non-ASCII marks as
 * alternatives, so bytes match them as well as characters would.
 */
static GRegex *
compile_raw(const char *src)
{
	GRegex *re = g_regex_new(src, G_REGEX_RAW, 0, NULL);

	g_assert(re != NULL);
	return re;
}

/*
 * The first line of the notes block, by the convention's look: the last
 * line that opens with note 1 and is followed (in it or after it) by
 * note 2.  Returns the line index or G_MAXUINT.
 */
static guint
find_block(const struct lines *ls, enum notes_style *style)
{
	GRegex *first[G_N_ELEMENTS(openers)], *second[G_N_ELEMENTS(openers)];
	guint i, j, found = G_MAXUINT;
	size_t k;

	/* Compiled once here, not once per line as g_regex_match_simple. */
	for (k = 0; k < G_N_ELEMENTS(openers); k++) {
		first[k] = g_regex_new(openers[k].first, 0, 0, NULL);
		second[k] = g_regex_new(openers[k].second, 0, 0, NULL);
		g_assert(first[k] != NULL && second[k] != NULL);
	}
	for (i = ls->a->len; found == G_MAXUINT && i-- > 0;) {
		const struct line *l = LINE(ls, i);

		if (l->role != LINE_PARA || l->indent > 0)
			continue;
		for (k = 0; k < G_N_ELEMENTS(openers) && found == G_MAXUINT;
		    k++) {
			if ((ls->rules->notes != NOTES_AUTO &&
			    ls->rules->notes != openers[k].style) ||
			    !g_regex_match(first[k], l->text, 0, NULL))
				continue;
			for (j = i; j < ls->a->len; j = lines_next(ls, j))
				if (g_regex_match(second[k],
				    LINE(ls, j)->text + (j == i), 0, NULL)) {
					*style = openers[k].style;
					found = i;
					break;
				}
		}
	}
	for (k = 0; k < G_N_ELEMENTS(openers); k++) {
		g_regex_unref(first[k]);
		g_regex_unref(second[k]);
	}
	return found;
}

/*
 * Finds every place the style's note-start pattern matches, once: the
 * search for each note then walks this list, not the text.
 */
static void
runon_init(struct runon *r, enum notes_style style, const char *s)
{
	GRegex *re = compile_raw(runon_start[style]);
	GMatchInfo *mi;

	r->s = s;
	r->len = (gssize)strlen(s);
	r->cands = g_array_new(FALSE, FALSE, sizeof(struct cand));
	g_regex_match_full(re, s, r->len, 0, 0, &mi, NULL);
	for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
		char *num = g_match_info_fetch(mi, 1);
		struct cand c = { 0, 0, atoi(num) };
		int a, b;

		g_match_info_fetch_pos(mi, 0, &a, &b);
		c.at = (gsize)a;
		c.text = (gsize)b;
		g_array_append_val(r->cands, c);
		g_free(num);
	}
	g_match_info_free(mi);
	g_regex_unref(re);
}

/*
 * Where note n starts at or after from: its number's offset, and its
 * text's.  The candidates are in text order and the search only goes
 * forward.
 */
static int
find_start(const struct runon *r, gsize from, int n, gsize *at, gsize *text)
{
	guint lo = 0, hi = r->cands->len, i;

	while (lo < hi) {		/* the first candidate at or after from */
		guint mid = lo + (hi - lo) / 2;

		if (g_array_index(r->cands, struct cand, mid).at < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < r->cands->len; i++) {
		const struct cand *c = &g_array_index(r->cands, struct cand, i);

		if (c->n == n) {
			*at = c->at;
			*text = c->text;
			return 1;
		}
	}
	return 0;
}

/* Adds note n (0: the author's note) with its text, from source line no. */
static void
add_note(struct lines *ls, int n, const char *text, int no)
{
	struct line note = { 0 };

	note.text = g_strstrip(g_strdup(text));
	note.no = no;
	note.role = LINE_NOTES;
	note.group = n;
	g_array_append_val(ls->notes, note);
}

/*
 * Where note n starts, at or after from: the first place it can be found
 * after which note n + 1 can still be found, or else (n is the last
 * note) the first place at all.  This is how "pp. 1-12 (dated …" in
 * note 11 loses to the real start of note 12 further on.
 */
static int
next_start(const struct runon *r, gsize from, int n, gsize *at, gsize *text)
{
	gsize a, t, a2, t2, first_a = 0, first_t = 0;
	int have = 0;

	while (find_start(r, from, n, &a, &t)) {
		if (!have) {
			first_a = a;
			first_t = t;
			have = 1;
		}
		if (find_start(r, t, n + 1, &a2, &t2)) {
			*at = a;
			*text = t;
			return 1;
		}
		from = t;
	}
	*at = first_a;
	*text = first_t;
	return have;
}

/* Splits run-on notes, "[1] … [2] …" or "1 … 2 …", by their sequence. */
static void
split_runon(struct lines *ls, enum notes_style style, const char *s, int no)
{
	struct runon r;
	gsize at, text, next_at, next_text;
	int n = 1, more;

	runon_init(&r, style, s);
	if (!next_start(&r, 0, 1, &at, &text)) {
		g_array_free(r.cands, TRUE);
		return;
	}
	for (more = 1; more; n++, at = next_at, text = next_text) {
		char *body;

		more = next_start(&r, text, n + 1, &next_at, &next_text);
		body = g_strndup(s + text, (more ? next_at : (gsize)r.len) -
		    text);
		add_note(ls, n, body, no);
		g_free(body);
	}
	g_array_free(r.cands, TRUE);
}

/* "12. text" paragraphs, each continued by any unnumbered lines after it. */
static void
split_numbered(struct lines *ls, guint start)
{
	GRegex *re = g_regex_new("^(\\d{1,4})\\.\\s+", 0, 0, NULL);
	guint i;
	int want = 1;

	for (i = start; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		GMatchInfo *mi;
		int end;

		if (l->role != LINE_NOTES)
			continue;
		if (g_regex_match(re, l->text, 0, &mi) &&
		    atoi(l->text) == want) {
			g_match_info_fetch_pos(mi, 0, NULL, &end);
			add_note(ls, want++, l->text + end, l->no);
		} else if (ls->notes->len > 0) {
			/* A continuation: a further paragraph of the note. */
			struct line *last = &g_array_index(ls->notes,
			    struct line, ls->notes->len - 1);
			char *joined = g_strconcat(last->text, "\n", l->text,
			    NULL);

			g_free(last->text);
			last->text = joined;
		} else
			diag_add(ls->diags, DIAG_WARNING, srcpos_at(ls->path,
			    l->no, 1), "text before note 1 in the notes; it "
			    "is kept as a paragraph of the body");
		g_match_info_free(mi);
	}
	g_regex_unref(re);
}

/*
 * Replaces each marker in a body line by MARK_OPEN label MARK_CLOSE.
 * A bracketed number is a marker if there is such a note, or nearly (the
 * notes stage reports a marker without its note).  A bare glued
 * number must also come a little past the last marker: one that jumps
 * or goes back is a date or a page, not a marker.
 */
static void
mark_refs(struct lines *ls, enum notes_style style)
{
	int last = 0, notes = (int)ls->notes->len;
	GRegex *re = compile_raw(marker_re[style]);
	guint i;

	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		GString *out;
		GMatchInfo *mi;
		gsize done = 0;

		if (l->role != LINE_PARA || !g_regex_match(re, l->text, 0, &mi)) {
			if (l->role == LINE_PARA)
				g_match_info_free(mi);
			continue;
		}
		out = g_string_new(NULL);
		for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
			char *num = g_match_info_fetch(mi, 1);
			int n = atoi(num), a, b;

			g_match_info_fetch_pos(mi, 0, &a, &b);
			/*
			 * The space before a bracketed marker, matched here
			 * and not by the pattern, which can then look for
			 * '[' alone: a pattern that may start at any space
			 * is tried at every space.
			 */
			if (style != NOTES_GLUED && a > (int)done &&
			    g_ascii_isspace(l->text[a - 1]))
				a--;
			if (style == NOTES_GLUED ? n > last && n <= last + 3 :
			    n >= 1 && n <= notes + 3) {
				if (style == NOTES_GLUED && n > last + 1)
					diag_add(ls->diags, DIAG_WARNING,
					    srcpos_at(ls->path, l->no, 1),
					    "note marker %d follows %d: the "
					    "markers between are missing", n,
					    last);
				g_string_append_len(out, l->text + done,
				    (gssize)a - (gssize)done);
				g_string_append_printf(out, MARK_OPEN "%d"
				    MARK_CLOSE, n);
				/* "March.26Then" → "March.[26] Then" */
				if (g_unichar_isalpha(g_utf8_get_char(l->text + b)))
					g_string_append_c(out, ' ');
				done = (gsize)b;
				last = n;
			}
			g_free(num);
		}
		g_match_info_free(mi);
		g_string_append(out, l->text + done);
		g_free(l->text);
		l->text = g_string_free(out, FALSE);
	}
	g_regex_unref(re);
}

/*
 * An author's note: a paragraph that opens with '*' ("* The author is
 * grateful …"), after the text, where a byline's '*' pointed.
 */
static void
author_note(struct lines *ls)
{
	guint i;

	if (!ls->author_marker)
		return;
	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);

		if (l->role == LINE_PARA && g_str_has_prefix(l->text, "* ")) {
			add_note(ls, 0, l->text + 2, l->no);
			line_set(ls, i, LINE_META, "taken as the author's note");
		}
	}
}

void
notes_block_pass(struct lines *ls)
{
	enum notes_style style = ls->rules->notes;
	guint i, start = G_MAXUINT;

	ls->notes = g_array_new(FALSE, TRUE, sizeof(struct line));
	if (style == NOTES_NONE)
		return;
	author_note(ls);
	if (ls->rules->notes_start > 0) {
		for (i = 0; i < ls->a->len && start == G_MAXUINT; i++)
			if (LINE(ls, i)->no == ls->rules->notes_start)
				start = i;
		if (start == G_MAXUINT) {
			diag_add(ls->diags, DIAG_ERROR, srcpos_at(ls->path, 0,
			    0), "notes-start %d is past the end of the text",
			    ls->rules->notes_start);
			return;
		}
		if (style == NOTES_AUTO)
			find_block(ls, &style);
	} else
		start = find_block(ls, &style);
	if (start == G_MAXUINT || style == NOTES_AUTO)
		return;
	diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, LINE(ls, start)->no,
	    1), "the notes start here");
	for (i = start; i < ls->a->len; i++)
		if (LINE(ls, i)->role == LINE_PARA)
			LINE(ls, i)->role = LINE_NOTES;
	if (style == NOTES_NUMBERED)
		split_numbered(ls, start);
	else {
		/* Run-on notes may still have been broken over lines. */
		GString *all = g_string_new(NULL);

		for (i = start; i < ls->a->len; i++)
			if (LINE(ls, i)->role == LINE_NOTES)
				g_string_append_printf(all, "%s%s",
				    all->len > 0 ? " " : "", LINE(ls, i)->text);
		split_runon(ls, style, all->str, LINE(ls, start)->no);
		g_string_free(all, TRUE);
	}
	mark_refs(ls, style);
}
