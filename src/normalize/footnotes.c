/*
 * footnotes.c — the notes pass: a raw text's notes, in whichever
 * convention its source used, found and numbered in one: a marker
 * (MARK_OPEN index MARK_CLOSE, the index of the note in the group's
 * list, which the writer turns into "[^N]") where the reference was,
 * and each note numbered in its chapter in the order of its markers.
 *
 * Here, a block of notes at the end of a scraped text:
 *
 *   bracket        "word[12]" or "word [12]"; notes run on: "[1] … [2] …"
 *   numbered       "[12]" markers; notes are paragraphs "12. …", maybe
 *                  continued by unnumbered lines
 *   glued-digits   "the end.’5", "March.26Then"; notes run on:
 *                  "1 … 2 … 3 …"
 *
 * The first note's number may be more than 1, when a book numbers its
 * notes through its chapters.  Notes whose text is a paragraph of its
 * own, wherever it stands, are labelled.c's.
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

/*
 * How each convention's first note looks, and its second: printf
 * formats of the first note's number, and the next.
 */
static const struct {
	enum notes_style style;
	const char	*first, *second;
} openers[] = {
	{ NOTES_NUMBERED, "^%d\\.\\s+\\S", "^%d\\.\\s+\\S" },
	{ NOTES_BRACKET, "^\\[%d\\]\\s*\\S", "\\[%d\\]" },
	{ NOTES_GLUED, "^%d\\s+[[:upper:]‘“(]", "[\\s.,;:)’”]%d\\s+[[:upper:]‘“(]" },
};

/* What a line of the notes block opens with, by convention. */
static const char *const note_line[] = {
	[NOTES_BRACKET] = "^\\[\\d{1,6}\\]",
	[NOTES_NUMBERED] = "^\\d{1,6}\\.\\s",
	[NOTES_GLUED] = "^\\d{1,6}\\s",
};

/*
 * A note start in run-on notes: its number (group 1), then its first
 * word.  One lookbehind, and [0-9] for \d (lines.h): PCRE then skips
 * from digit to digit.
 */
static const char *const runon_start[] = {
	[NOTES_BRACKET] = "\\[(\\d{1,6})\\]\\s*",
	[NOTES_GLUED] = "(?<=^|\\s|[.,;:)]|’|”)([0-9]{1,6})\\s+"
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
	/* One lookbehind, and [0-9] for \d: PCRE then starts at digits. */
	[NOTES_GLUED] = "(?<=[.,;:!?)]|’|”)([0-9]{1,3})(?=\\s|$|[A-Z]|‘|“)",
};

/* A byte every marker of the style holds (lines_holds_any). */
static const char *const marker_needs[] = {
	[NOTES_BRACKET] = "[",
	[NOTES_NUMBERED] = "[",
	[NOTES_GLUED] = "0123456789",
};

/*
 * Whether the lines from start to the end are a block of notes in the
 * style: at most a few lines there open otherwise (a note's further
 * paragraphs), not the chapters of a book whose first note happens to
 * open a line.
 */
static int
is_block(const struct lines *ls, guint start, enum notes_style style)
{
	GRegex *re = g_regex_new(note_line[style], 0, 0, NULL);
	guint i, notes = 0, other = 0;

	for (i = start; i < ls->a->len; i = lines_next(ls, i)) {
		if (LINE(ls, i)->role != LINE_PARA)
			continue;
		if (g_regex_match(re, LINE(ls, i)->text, 0, NULL))
			notes++;
		else
			other++;
	}
	g_regex_unref(re);
	return other <= 3 || other <= notes / 2;
}

/*
 * Whether a line of running text before line index end holds marker n
 * of the style: "[n]", or (glued) a number after a stop.
 */
static int
marked_before(const struct lines *ls, guint end, enum notes_style style,
    int n)
{
	GRegex *re = lines_compile_raw(marker_re[style]);
	int found = 0;
	guint i;

	for (i = 0; i < end && !found; i++) {
		GMatchInfo *mi;

		if (!line_is_text(LINE(ls, i)) ||
		    !lines_holds_any(LINE(ls, i)->text, marker_needs[style]))
			continue;
		g_regex_match(re, LINE(ls, i)->text, 0, &mi);
		for (; g_match_info_matches(mi) && !found;
		    g_match_info_next(mi, NULL)) {
			char *num = g_match_info_fetch(mi, 1);

			found = atoi(num) == n;
			g_free(num);
		}
		g_match_info_free(mi);
	}
	g_regex_unref(re);
	return found;
}

/*
 * The first line of the notes block, by the convention's look: the last
 * line that opens with note first and is followed (in it or after it) by
 * note first + 1, and is the start of a block of notes.  A text of one
 * note has no note first + 1: then the block's one note is taken if its
 * marker stands in the text before it, in a bracket, or glued to a
 * word when the manifest says notes = glued (a number after a stop is
 * too common to be taken for a lone marker otherwise).  Returns the
 * line index or G_MAXUINT.
 */
static guint
find_block(const struct lines *ls, int first_no, enum notes_style *style)
{
	GRegex *first[G_N_ELEMENTS(openers)], *second[G_N_ELEMENTS(openers)];
	guint i, j, found = G_MAXUINT, single = G_MAXUINT;
	enum notes_style single_style = NOTES_AUTO;
	char opens[16];
	size_t k;

	/* A first note opens with its number's first character, or '['. */
	g_snprintf(opens, sizeof(opens), "%d", first_no);
	opens[1] = '[';
	opens[2] = '\0';
	/* Compiled once here, not once per line as g_regex_match_simple. */
	for (k = 0; k < G_N_ELEMENTS(openers); k++) {
		char *a = g_strdup_printf(openers[k].first, first_no);
		char *b = g_strdup_printf(openers[k].second, first_no + 1);

		first[k] = g_regex_new(a, 0, 0, NULL);
		second[k] = g_regex_new(b, 0, 0, NULL);
		g_assert(first[k] != NULL && second[k] != NULL);
		g_free(a);
		g_free(b);
	}
	for (i = ls->a->len; found == G_MAXUINT && i-- > 0;) {
		const struct line *l = LINE(ls, i);

		if (l->role != LINE_PARA || l->indent > 0)
			continue;
		for (k = 0; k < G_N_ELEMENTS(openers) && found == G_MAXUINT;
		    k++) {
			if ((ls->rules->notes != NOTES_AUTO &&
			    ls->rules->notes != openers[k].style) ||
			    !lines_opens_with(l->text, opens) ||
			    !g_regex_match(first[k], l->text, 0, NULL) ||
			    !is_block(ls, i, openers[k].style))
				continue;
			for (j = i; j < ls->a->len; j = lines_next(ls, j))
				if (g_regex_match(second[k],
				    LINE(ls, j)->text + (j == i), 0, NULL)) {
					*style = openers[k].style;
					found = i;
					break;
				}
			if (found == G_MAXUINT && single == G_MAXUINT &&
			    (openers[k].style != NOTES_GLUED ||
			    ls->rules->notes == NOTES_GLUED) &&
			    marked_before(ls, i, openers[k].style, first_no)) {
				single = i;
				single_style = openers[k].style;
			}
		}
	}
	if (found == G_MAXUINT && single != G_MAXUINT) {
		found = single;
		*style = single_style;
	}
	for (k = 0; k < G_N_ELEMENTS(openers); k++) {
		g_regex_unref(first[k]);
		g_regex_unref(second[k]);
	}
	return found;
}

/*
 * The number of the first bracketed marker in the running text, where
 * a book numbers its notes through its chapters ("[7]" in chapter 2);
 * 0 if there is none.
 */
static int
first_marker(const struct lines *ls)
{
	GRegex *re = g_regex_new("\\[(\\d{1,4})\\]", 0, 0, NULL);
	int n = 0;
	guint i;

	for (i = 0; i < ls->a->len && n == 0; i++) {
		GMatchInfo *mi = NULL;

		if (line_is_text(LINE(ls, i)) &&
		    lines_holds_any(LINE(ls, i)->text, "[") &&
		    g_regex_match(re, LINE(ls, i)->text, 0, &mi)) {
			char *num = g_match_info_fetch(mi, 1);

			n = atoi(num);
			g_free(num);
		}
		if (mi != NULL)
			g_match_info_free(mi);
	}
	g_regex_unref(re);
	return n;
}

/*
 * Finds every place the style's note-start pattern matches, once: the
 * search for each note then walks this list, not the text.
 */
static void
runon_init(struct runon *r, enum notes_style style, const char *s)
{
	GRegex *re = lines_compile_raw(runon_start[style]);
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

/*
 * Adds note label (NULL: the author's note, "*") with its text, which
 * stands at line index at.
 */
static void
add_note(struct lines *ls, int label, const char *text, guint at)
{
	struct srcnote note = { 0 };

	note.label = label > 0 ? g_strdup_printf("%d", label) : g_strdup("*");
	note.text = g_strstrip(g_strdup(text));
	lines_change(ls, LINE(ls, at)->no, note.label, NULL, RULE_NOTE_NUMBER);
	note.no = LINE(ls, at)->no;
	note.at = (int)at;
	note.ref = -1;
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

/*
 * Splits run-on notes, "[1] … [2] …" or "1 … 2 …", by their sequence
 * from note first on; they stand at line index at.  Returns how many.
 */
static int
split_runon(struct lines *ls, enum notes_style style, const char *s,
    guint at_line, int first)
{
	struct runon r;
	gsize at, text, next_at, next_text;
	int n = first, more;

	runon_init(&r, style, s);
	if (!next_start(&r, 0, first, &at, &text)) {
		g_array_free(r.cands, TRUE);
		return 0;
	}
	for (more = 1; more; n++, at = next_at, text = next_text) {
		char *body;

		more = next_start(&r, text, n + 1, &next_at, &next_text);
		body = g_strndup(s + text, (more ? next_at : (gsize)r.len) -
		    text);
		add_note(ls, n, body, at_line);
		g_free(body);
	}
	g_array_free(r.cands, TRUE);
	return n - first;
}

/*
 * "12. text" paragraphs from note first on, each continued by any
 * unnumbered lines after it.  Returns how many.
 */
static int
split_numbered(struct lines *ls, guint start, int first)
{
	GRegex *re = g_regex_new("^(\\d{1,4})\\.\\s+", 0, 0, NULL);
	guint i, before = ls->notes->len;
	int want = first;

	for (i = start; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		GMatchInfo *mi;
		int end;

		if (l->role != LINE_NOTES)
			continue;
		if (g_regex_match(re, l->text, 0, &mi) &&
		    atoi(l->text) == want) {
			g_match_info_fetch_pos(mi, 0, NULL, &end);
			add_note(ls, want++, l->text + end, i);
		} else if (ls->notes->len > before) {
			/* A continuation: a further paragraph of the note. */
			struct srcnote *last = &g_array_index(ls->notes,
			    struct srcnote, ls->notes->len - 1);
			char *joined = g_strconcat(last->text, "\n", l->text,
			    NULL);

			g_free(last->text);
			last->text = joined;
		} else {
			diag_add(ls->diags, DIAG_WARNING, srcpos_at(ls->path,
			    l->no, 1), "text before note %d in the notes; it "
			    "is kept as a paragraph of the body", first);
			l->role = LINE_PARA;
		}
		g_match_info_free(mi);
	}
	g_regex_unref(re);
	return want - first;
}

/* The index in ls->notes of the note labelled n, or -1. */
static int
note_index(const struct lines *ls, GHashTable *by_label, int n)
{
	char label[16];

	g_snprintf(label, sizeof(label), "%d", n);
	(void)ls;
	return GPOINTER_TO_INT(g_hash_table_lookup(by_label, label)) - 1;
}

/*
 * Records a marker glued to the word after it ("26Then"): for the
 * ledger, the source's word was "26Then" and the edition's is "Then".
 */
static void
record_glued(struct lines *ls, const struct line *l, int n, const char *word)
{
	const char *end = word;
	char *glued, *alone;

	while (*end != '\0' && g_unichar_isalnum(g_utf8_get_char(end)))
		end = g_utf8_next_char(end);
	alone = g_strndup(word, (gsize)(end - word));
	glued = g_strdup_printf("%d%s", n, alone);
	lines_change(ls, l->no, glued, alone, RULE_NOTE_NUMBER);
	g_free(glued);
	g_free(alone);
}

/*
 * Replaces each marker in a body line by MARK_OPEN index MARK_CLOSE.
 * A bracketed number is a marker if there is such a note; one close to
 * the notes' numbers without a note stays text, with a warning.  A bare
 * glued number must also come a little past the last marker: one that
 * jumps or goes back is a date or a page, not a marker.
 */
static void
mark_refs(struct lines *ls, enum notes_style style, int first)
{
	int last = first - 1, notes = (int)ls->notes->len;
	GRegex *re = lines_compile_raw(marker_re[style]);
	GHashTable *by_label = g_hash_table_new(g_str_hash, g_str_equal);
	guint i;

	for (i = (guint)notes; i-- > 0;)
		g_hash_table_insert(by_label, g_array_index(ls->notes,
		    struct srcnote, i).label, GINT_TO_POINTER(i + 1));
	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		GString *out;
		GMatchInfo *mi = NULL;
		gsize done = 0;

		if (!line_is_text(l) ||
		    !lines_holds_any(l->text, marker_needs[style]) ||
		    !g_regex_match(re, l->text, 0, &mi)) {
			if (mi != NULL)
				g_match_info_free(mi);
			continue;
		}
		out = g_string_new(NULL);
		for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
			char *num = g_match_info_fetch(mi, 1);
			int n = atoi(num), a, b, k;

			g_match_info_fetch_pos(mi, 0, &a, &b);
			g_free(num);
			/*
			 * The space before a bracketed marker, matched here
			 * and not by the pattern, which can then look for
			 * '[' alone: a pattern that may start at any space
			 * is tried at every space.
			 */
			if (style != NOTES_GLUED && a > (int)done &&
			    g_ascii_isspace(l->text[a - 1]))
				a--;
			if (style == NOTES_GLUED ? n <= last || n > last + 3 :
			    n < first || n > first + notes + 2)
				continue;
			if ((k = note_index(ls, by_label, n)) < 0) {
				diag_add(ls->diags, DIAG_WARNING, srcpos_at(
				    ls->path, l->no, 1), "note marker %d has "
				    "no note; it is kept as text", n);
				continue;
			}
			if (style == NOTES_GLUED && n > last + 1)
				diag_add(ls->diags, DIAG_WARNING,
				    srcpos_at(ls->path, l->no, 1),
				    "note marker %d follows %d: the "
				    "markers between are missing", n, last);
			g_string_append_len(out, l->text + done,
			    (gssize)a - (gssize)done);
			g_string_append_printf(out, MARK_OPEN "%d" MARK_CLOSE,
			    k);
			g_array_index(ls->notes, struct srcnote, k).ref =
			    (int)i;
			/* "March.26Then" → "March.[26] Then" */
			if (g_unichar_isalpha(g_utf8_get_char(l->text + b))) {
				record_glued(ls, l, n, l->text + b);
				g_string_append_c(out, ' ');
			} else {
				char label[16];

				g_snprintf(label, sizeof(label), "%d", n);
				lines_change(ls, l->no, label, NULL,
				    RULE_NOTE_NUMBER);
			}
			done = (gsize)b;
			last = n;
		}
		g_match_info_free(mi);
		g_string_append(out, l->text + done);
		g_free(l->text);
		l->text = g_string_free(out, FALSE);
	}
	g_hash_table_destroy(by_label);
	g_regex_unref(re);
}

/*
 * An author's note: a paragraph that opens with '*' ("* The author is
 * grateful …"), in a chapter whose byline's '*' pointed to it.
 */
static void
author_note(struct lines *ls)
{
	guint i, k;

	for (k = 0; k < ls->chaps->len; k++) {
		const struct chap *c = CHAP(ls, k);

		for (i = c->first; c->author_marker && i < c->end; i++) {
			struct line *l = LINE(ls, i);

			if (l->role == LINE_PARA &&
			    g_str_has_prefix(l->text, "* ")) {
				add_note(ls, 0, l->text + 2, i);
				line_set(ls, i, LINE_META, "taken as the "
				    "author's note");
			}
		}
	}
}

/*
 * The block of notes at the end of a scraped text, in one of the three
 * conventions, from its first note's number on: at notes-start, or
 * where it is found.  A block whose notes cannot be told apart stays
 * text, with a warning.
 */
static void
end_block(struct lines *ls)
{
	enum notes_style style = ls->rules->notes;
	guint i, start = G_MAXUINT;
	int first = 1, found;

	if (style == NOTES_PATTERN)
		return;
	if (ls->rules->notes_start > 0) {
		for (i = 0; i < ls->a->len && start == G_MAXUINT; i++)
			if (LINE(ls, i)->no >= ls->rules->notes_start &&
			    LINE(ls, i)->role == LINE_PARA)
				start = i;
		if (style == NOTES_AUTO && find_block(ls, first, &style) ==
		    G_MAXUINT && (first = first_marker(ls)) > 1)
			find_block(ls, first, &style);
	} else if ((start = find_block(ls, first, &style)) == G_MAXUINT &&
	    (first = first_marker(ls)) > 1)
		start = find_block(ls, first, &style);
	if (start == G_MAXUINT || style == NOTES_AUTO) {
		if (ls->rules->notes_start > 0)
			diag_add(ls->diags, DIAG_WARNING, ls->rules->
			    notes_start_pos, "no notes in a known convention "
			    "start at line %d; the lines stay text (give "
			    "'notes' the convention, or note-marker and "
			    "note-text)", ls->rules->notes_start);
		return;
	}
	diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, LINE(ls, start)->no,
	    1), "the notes start here");
	for (i = start; i < ls->a->len; i++)
		if (LINE(ls, i)->role == LINE_PARA)
			LINE(ls, i)->role = LINE_NOTES;
	if (style == NOTES_NUMBERED)
		found = split_numbered(ls, start, first);
	else {
		/* Run-on notes may still have been broken over lines. */
		GString *all = g_string_new(NULL);

		for (i = start; i < ls->a->len; i++)
			if (LINE(ls, i)->role == LINE_NOTES)
				g_string_append_printf(all, "%s%s",
				    all->len > 0 ? " " : "", LINE(ls, i)->text);
		found = split_runon(ls, style, all->str, start, first);
		g_string_free(all, TRUE);
	}
	if (found == 0) {
		diag_add(ls->diags, DIAG_WARNING, srcpos_at(ls->path,
		    LINE(ls, start)->no, 1), "the notes here could not be "
		    "told apart; they stay text (give 'notes' their "
		    "convention, or note-marker and note-text)");
		for (i = start; i < ls->a->len; i++)
			if (LINE(ls, i)->role == LINE_NOTES)
				LINE(ls, i)->role = LINE_PARA;
		return;
	}
	mark_refs(ls, style, first);
}

/* The chapter whose lines hold line index i. */
static guint
chapter_at(const struct lines *ls, guint i)
{
	guint k;

	for (k = ls->chaps->len; k-- > 1;)
		if (i >= CHAP(ls, k)->first)
			return k;
	return 0;
}

/* Orders notes by chapter, then where they stand, then as found. */
struct order {
	guint	chapter, at, index;
};

static gint
by_place(gconstpointer a, gconstpointer b)
{
	const struct order *x = a, *y = b;

	if (x->chapter != y->chapter)
		return x->chapter < y->chapter ? -1 : 1;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Each mark in l's text (MARK_OPEN, the note's index, MARK_CLOSE) given
 * its note's number instead.  A scan, not a regular expression: a line
 * may hold a hundred thousand marks.
 */
static void
renumber_marks(struct line *l, const GArray *notes)
{
	GString *out = g_string_new(NULL);
	const char *p = l->text, *m;

	while ((m = strstr(p, MARK_OPEN)) != NULL) {
		const char *d = m + strlen(MARK_OPEN);
		char *end = NULL;
		guint64 at = g_ascii_isdigit(*d) ?
		    g_ascii_strtoull(d, &end, 10) : G_MAXUINT64;

		g_string_append_len(out, p, m - p);
		if (at >= notes->len || !g_str_has_prefix(end, MARK_CLOSE)) {
			g_string_append(out, MARK_OPEN);
			p = d;
			continue;
		}
		g_string_append_printf(out, MARK_OPEN "%d" MARK_CLOSE,
		    g_array_index(notes, struct srcnote, at).number);
		p = end + strlen(MARK_CLOSE);
	}
	g_string_append(out, p);
	g_free(l->text);
	l->text = g_string_free(out, FALSE);
}

/*
 * Numbers each chapter's notes from 1, in the order they stand (a note
 * goes to the chapter of its marker), and puts each number in place of
 * the note's index in its marker.
 */
static void
number_notes(struct lines *ls)
{
	GArray *order = g_array_new(FALSE, FALSE, sizeof(struct order));
	guint i, chapter = G_MAXUINT;
	int next = 1;

	for (i = 0; i < ls->notes->len; i++) {
		const struct srcnote *n = &g_array_index(ls->notes,
		    struct srcnote, i);
		struct order o = { chapter_at(ls, (guint)(n->ref >= 0 ? n->ref :
		    n->at)), (guint)n->at, i };

		g_array_append_val(order, o);
	}
	g_array_sort(order, by_place);
	for (i = 0; i < order->len; i++) {
		const struct order *o = &g_array_index(order, struct order, i);
		struct srcnote *n = &g_array_index(ls->notes, struct srcnote,
		    o->index);

		if (o->chapter != chapter) {
			chapter = o->chapter;
			next = 1;
		}
		n->number = strcmp(n->label, "*") == 0 ? 0 : next++;
		n->chapter = o->chapter;
	}
	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);

		if (l->role != LINE_BLANK && l->role != LINE_DROPPED &&
		    strstr(l->text, MARK_OPEN) != NULL)
			renumber_marks(l, ls->notes);
	}
	g_array_free(order, TRUE);
}

/*
 * Bracketed numbers left in the text of a chapter that has no notes,
 * as a book numbered through would have: a warning with the keys that
 * make them notes.
 */
static void
stray_markers(struct lines *ls)
{
	GRegex *re = g_regex_new("\\[\\d{1,4}\\]", 0, 0, NULL);
	guint i, strays = 0, first = 0;

	if (ls->notes->len > 0) {
		g_regex_unref(re);
		return;
	}
	for (i = 0; i < ls->a->len; i++)
		if (LINE(ls, i)->role == LINE_PARA &&
		    lines_holds_any(LINE(ls, i)->text, "[") &&
		    g_regex_match(re, LINE(ls, i)->text, 0, NULL)) {
			if (strays++ == 0)
				first = i;
		}
	if (strays >= 2)
		diag_add(ls->diags, DIAG_WARNING, srcpos_at(ls->path,
		    LINE(ls, first)->no, 1), "%u paragraphs hold bracketed "
		    "numbers like note markers, but no notes were found; "
		    "if they are notes, say where with notes-start, or how "
		    "they look with note-marker and note-text; if not, say "
		    "notes = none", strays);
	g_regex_unref(re);
}

/*
 * The source's heading over a block of notes ("Notes", "FOOTNOTES:")
 * goes: the edition sets its own over the notes it places.
 */
static void
notes_headings(struct lines *ls)
{
	guint i, next;

	for (i = 0; i < ls->a->len; i++)
		if (LINE(ls, i)->role == LINE_PARA &&
		    lines_opens_with(LINE(ls, i)->text, NOTES_HEADING_OPENS) &&
		    lines_match(NOTES_HEADING_RE, LINE(ls, i)->text) &&
		    (next = lines_next(ls, i)) < ls->a->len &&
		    LINE(ls, next)->role == LINE_NOTES)
			line_drop(ls, i, "dropped: the source's heading over "
			    "its notes");
}

void
notes_block_pass(struct lines *ls)
{
	ls->notes = g_array_new(FALSE, TRUE, sizeof(struct srcnote));
	if (ls->rules->notes == NOTES_NONE)
		return;
	author_note(ls);
	end_block(ls);
	labelled_notes(ls);
	notes_headings(ls);
	stray_markers(ls);
	number_notes(ls);
}
