/*
 * labelled.c — notes whose text is a paragraph of its own that begins
 * with the note's label, wherever in the source it stands:
 *
 *   [Footnote 3: …]   Project Gutenberg's blocks, after the paragraph
 *                     or at the end of a letter or chapter, closed by
 *                     their bracket (several paragraphs if need be)
 *   [3] …  {3} …      a paragraph opening with the label: soon after
 *                     the paragraph that refers to it, or in a block
 *                     of notes at a chapter's end or the book's end
 *   note-text = …     the manifest's own pattern for the opening
 *
 * and their markers in the text, [3], {3}, [*] or the manifest's
 * note-marker.  Labels may restart in every letter or run through the
 * book: a note pairs with the nearest marker of its label before it
 * that no other note has taken.  A labelled paragraph is a note only if
 * a marker points to it, or it follows a note or a heading that says
 * notes; otherwise it is text.
 */
#include <stdlib.h>
#include <string.h>

#include "normalize/lines.h"

/*
 * The built-in conventions: a marker, and the opening of a note's text
 * with the byte it opens with, which the marker holds too.
 */
static const struct {
	const char	*marker;	/* group 1: the label */
	const char	*text;		/* at a paragraph's start; group 1 */
	const char	*opens;
} conventions[] = {
	{ "\\[(\\d{1,4}|\\*)\\]", "^\\[(\\d{1,4}|\\*)\\]\\s*", "[" },
	{ "\\{(\\d{1,4}|\\*)\\}", "^\\{(\\d{1,4}|\\*)\\}\\s*", "{" },
};

/* A Project Gutenberg footnote block: "[Footnote 3: …]". */
static const char *const footnote_re =
    "^\\[(?:Footnote|FOOTNOTE|Note|NOTE)\\s+(\\w{1,6}|\\*)\\s*:\\s*";


/* A marker found in the text: where, and which label. */
struct marker {
	guint		 line;
	gsize		 start, end;	/* bytes in the line's text */
	char		*label;
	int		 note;		/* index in ls->notes, or -1 */
};

/*
 * A pattern matched once per line, anchored.  The markers, matched
 * match after match over a whole line, are lines_compile_raw's.
 */
static GRegex *
compile(const char *src)
{
	GRegex *re = g_regex_new(src, 0, 0, NULL);

	g_assert(re != NULL);
	return re;
}

/* Adds a note to the group's list; returns its index. */
static int
add_note(struct lines *ls, const char *label, const char *text, guint at)
{
	struct srcnote n = { 0 };

	n.label = g_strdup(label);
	n.text = g_strstrip(g_strdup(text));
	n.no = LINE(ls, at)->no;
	n.at = (int)at;
	n.ref = -1;
	g_array_append_val(ls->notes, n);
	return (int)ls->notes->len - 1;
}

/* The bracket depth of s: '[' opens, ']' closes. */
static int
depth(const char *s, int d)
{
	for (; *s != '\0'; s++)
		d += *s == '[' ? 1 : *s == ']' ? -1 : 0;
	return d;
}

/*
 * "[Footnote 3: …]" blocks: the text runs to the bracket that closes
 * the opening one, through further paragraphs if it must.
 */
static void
footnote_blocks(struct lines *ls)
{
	GRegex *re = compile(footnote_re);
	guint i, j;

	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		GString *text;
		GMatchInfo *mi;
		char *label, *opening;
		int end, d;

		mi = NULL;
		if (l->role != LINE_PARA || !lines_opens_with(l->text, "[") ||
		    !g_regex_match(re, l->text, 0, &mi)) {
			if (mi != NULL)
				g_match_info_free(mi);
			continue;
		}
		label = g_match_info_fetch(mi, 1);
		g_match_info_fetch_pos(mi, 0, NULL, &end);
		opening = g_match_info_fetch(mi, 0);
		g_match_info_free(mi);
		lines_change(ls, l->no, opening, NULL, RULE_NOTE_NUMBER);
		g_free(opening);
		text = g_string_new(NULL);
		d = 1;
		for (j = i; j < ls->a->len; j = lines_next(ls, j)) {
			struct line *m = LINE(ls, j);
			const char *s = j == i ? m->text + end : m->text;

			d = depth(s, j == i ? 1 : d);
			if (text->len > 0)
				g_string_append_c(text, '\n');
			g_string_append(text, s);
			line_set(ls, j, LINE_NOTES, NULL);
			if (d <= 0)
				break;
		}
		/* The closing bracket is the block's, not the note's. */
		if (d <= 0 && text->len > 0 && text->str[text->len - 1] == ']')
			g_string_truncate(text, text->len - 1);
		else
			diag_add(ls->diags, DIAG_WARNING, srcpos_at(ls->path,
			    l->no, 1), "footnote %s is not closed by ']'; it "
			    "runs to the end of the text", label);
		diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, l->no, 1),
		    "a note: [Footnote %s: …]", label);
		add_note(ls, label, text->str, i);
		g_string_free(text, TRUE);
		g_free(label);
		i = j < ls->a->len ? j : i;
	}
	g_regex_unref(re);
}

/*
 * Finds every marker of re in the lines of running text; each holds one
 * of the bytes of needs (NULL: any line may hold one).
 */
static void
find_markers(struct lines *ls, GRegex *re, const char *needs, GArray *out)
{
	guint i;

	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		GMatchInfo *mi;

		if (!line_is_text(l) || !lines_holds_any(l->text, needs))
			continue;
		g_regex_match(re, l->text, 0, &mi);
		for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
			struct marker m = { i, 0, 0, NULL, -1 };
			int a, b;

			g_match_info_fetch_pos(mi, 0, &a, &b);
			m.start = (gsize)a;
			m.end = (gsize)b;
			m.label = g_match_info_fetch(mi, 1);
			g_array_append_val(out, m);
		}
		g_match_info_free(mi);
	}
}

/*
 * Markers waiting for their notes: for each label, a stack of the
 * markers seen and not yet taken, the nearest last.
 */
struct waiting {
	GHashTable	*by_label;	/* label → GArray of guint (marker) */
	GArray		*markers;	/* struct marker, in text order */
	guint		 seen;		/* markers before the line looked at */
};

static void
waiting_init(struct waiting *w, GArray *markers)
{
	w->by_label = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
	    (GDestroyNotify)g_array_unref);
	w->markers = markers;
	w->seen = 0;
}

/* Makes the markers of the lines before line wait for their notes. */
static void
waiting_until(struct waiting *w, guint line)
{
	for (; w->seen < w->markers->len; w->seen++) {
		struct marker *m = &g_array_index(w->markers, struct marker,
		    w->seen);
		GArray *stack;

		if (m->line >= line)
			break;
		if (m->note != -1)
			continue;
		if ((stack = g_hash_table_lookup(w->by_label, m->label)) ==
		    NULL) {
			stack = g_array_new(FALSE, FALSE, sizeof(guint));
			g_hash_table_insert(w->by_label, m->label, stack);
		}
		g_array_append_val(stack, w->seen);
	}
}

/* Pairs note n with the nearest waiting marker of its label, if any. */
static int
pair(struct lines *ls, struct waiting *w, int n)
{
	struct srcnote *note = &g_array_index(ls->notes, struct srcnote, n);
	GArray *stack = g_hash_table_lookup(w->by_label, note->label);
	struct marker *m;

	if (stack == NULL || stack->len == 0)
		return 0;
	m = &g_array_index(w->markers, struct marker,
	    g_array_index(stack, guint, stack->len - 1));
	g_array_set_size(stack, stack->len - 1);
	m->note = n;
	note->ref = (int)m->line;
	return 1;
}

/* A line's own markers are not references: a note's label, say. */
static void
skip_markers(GArray *markers, guint line)
{
	guint lo = 0, hi = markers->len;

	while (lo < hi) {		/* the first marker at or after line */
		guint mid = lo + (hi - lo) / 2;

		if (g_array_index(markers, struct marker, mid).line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < markers->len && g_array_index(markers, struct marker,
	    lo).line == line; lo++)
		g_array_index(markers, struct marker, lo).note = -2;
}

/*
 * Whether an unpaired labelled paragraph is still a note: it follows
 * another note (a block of notes), or a heading that says notes.
 */
static int
in_notes_block(const struct lines *ls, guint i, GRegex *heading)
{
	guint p = lines_prev(ls, i);

	return p != G_MAXUINT && (LINE(ls, p)->role == LINE_NOTES ||
	    g_regex_match(heading, LINE(ls, p)->text, 0, NULL));
}

/* The note whose text stands at line i and has no marker yet, or -1. */
static int
unpaired_at(const struct lines *ls, guint i)
{
	guint k;

	for (k = 0; k < ls->notes->len; k++) {
		const struct srcnote *n = &g_array_index(ls->notes,
		    struct srcnote, k);

		if (n->at == (int)i && n->ref < 0)
			return (int)k;
	}
	return -1;
}

/*
 * The labelled paragraphs of one convention, in text order: each a
 * note if a marker before it waits for its label.  A note with nothing
 * after its label takes the paragraph after it.  Footnote blocks found
 * before pair with this convention's markers too.  text_re opens with
 * a byte of opens (lines_opens_with), and marker_re's markers hold one,
 * if it is not NULL.
 */
static void
labelled_paragraphs(struct lines *ls, GRegex *marker_re, GRegex *text_re,
    const char *opens, GArray *markers)
{
	GRegex *heading = compile(NOTES_HEADING_RE);
	struct waiting w;
	guint i;

	find_markers(ls, marker_re, opens, markers);
	waiting_init(&w, markers);
	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		GMatchInfo *mi = NULL;
		char *label, *opening;
		int end, n;
		guint next;

		waiting_until(&w, i);
		if (l->role == LINE_NOTES && (n = unpaired_at(ls, i)) >= 0)
			pair(ls, &w, n);
		if (l->role != LINE_PARA || !lines_opens_with(l->text, opens) ||
		    !g_regex_match(text_re, l->text, 0, &mi)) {
			if (mi != NULL)
				g_match_info_free(mi);
			continue;
		}
		label = g_match_info_fetch(mi, 1);
		g_match_info_fetch_pos(mi, 0, NULL, &end);
		g_match_info_free(mi);
		n = add_note(ls, label, l->text + end, i);
		g_free(label);
		if (!pair(ls, &w, n) && !in_notes_block(ls, i, heading)) {
			/* Not a note: it stays text. */
			g_free(g_array_index(ls->notes, struct srcnote, n).label);
			g_free(g_array_index(ls->notes, struct srcnote, n).text);
			g_array_set_size(ls->notes, (guint)n);
			continue;
		}
		skip_markers(markers, i);
		opening = g_strndup(l->text, (gsize)end);
		lines_change(ls, l->no, opening, NULL, RULE_NOTE_NUMBER);
		g_free(opening);
		line_set(ls, i, LINE_NOTES, "a note: a paragraph opening with "
		    "its label");
		next = lines_next(ls, i);
		if (l->text[end] == '\0' && next < ls->a->len &&
		    LINE(ls, next)->role == LINE_PARA) {
			struct srcnote *sn = &g_array_index(ls->notes,
			    struct srcnote, n);

			g_free(sn->text);
			sn->text = g_strdup(LINE(ls, next)->text);
			skip_markers(markers, next);
			line_set(ls, next, LINE_NOTES, "the text of the note "
			    "before it");
		}
	}
	g_hash_table_destroy(w.by_label);
	g_regex_unref(heading);
}

/*
 * Replaces each paired marker by MARK_OPEN index MARK_CLOSE, the index
 * of its note in ls->notes; the numbering pass puts in the number.
 * Unpaired markers that look like ours stay text, with a warning.
 */
static void
mark(struct lines *ls, GArray *markers, const char *key)
{
	guint k = 0;
	long highest = 0;

	/* A number far past every note's ("[337]", a letter) is no marker. */
	for (k = 0; k < ls->notes->len; k++)
		highest = MAX(highest, strtol(g_array_index(ls->notes,
		    struct srcnote, k).label, NULL, 10));
	k = 0;

	while (k < markers->len) {
		guint line = g_array_index(markers, struct marker, k).line;
		struct line *l = LINE(ls, line);
		GString *out = g_string_new(NULL);
		gsize done = 0;

		for (; k < markers->len && g_array_index(markers,
		    struct marker, k).line == line; k++) {
			struct marker *m = &g_array_index(markers,
			    struct marker, k);

			if (m->note == -2)
				continue;
			if (m->note < 0) {
				if (ls->notes->len > 0 &&
				    strtol(m->label, NULL, 10) <= highest + 3)
					diag_add(ls->diags, DIAG_WARNING,
					    srcpos_at(ls->path, l->no, 1),
					    "[%s] looks like a note marker, "
					    "but no note %s follows it; it "
					    "stays text (%s)", m->label,
					    m->label, key);
				continue;
			}
			g_string_append_len(out, l->text + done,
			    (gssize)(m->start - done));
			/* The space before a marker goes with it: "word [3]". */
			if (out->len > 0 && out->str[out->len - 1] == ' ')
				g_string_truncate(out, out->len - 1);
			g_string_append_printf(out, MARK_OPEN "%d" MARK_CLOSE,
			    m->note);
			lines_change(ls, l->no, m->label, NULL,
			    RULE_NOTE_NUMBER);
			done = m->end;
		}
		g_string_append(out, l->text + done);
		g_free(l->text);
		l->text = g_string_free(out, FALSE);
	}
}

static void
markers_free(GArray *markers)
{
	guint k;

	for (k = 0; k < markers->len; k++)
		g_free(g_array_index(markers, struct marker, k).label);
	g_array_free(markers, TRUE);
}

/*
 * Finds the notes of every labelled convention in the text; returns
 * how many it found.
 */
int
labelled_notes(struct lines *ls)
{
	guint before = ls->notes->len;
	size_t c;

	footnote_blocks(ls);
	if (ls->rules->notes == NOTES_PATTERN) {
		GArray *m = g_array_new(FALSE, TRUE, sizeof(struct marker));

		labelled_paragraphs(ls, ls->rules->note_marker->re,
		    ls->rules->note_text->re, NULL, m);
		mark(ls, m, "check note-marker and note-text");
		markers_free(m);
		return (int)(ls->notes->len - before);
	}
	for (c = 0; c < G_N_ELEMENTS(conventions); c++) {
		GRegex *mre = lines_compile_raw(conventions[c].marker);
		GRegex *tre = compile(conventions[c].text);
		GArray *m = g_array_new(FALSE, TRUE, sizeof(struct marker));

		labelled_paragraphs(ls, mre, tre, conventions[c].opens, m);
		mark(ls, m, "if it is one, give its note's opening with "
		    "note-text, or say notes = none");
		markers_free(m);
		g_regex_unref(mre);
		g_regex_unref(tre);
	}
	return (int)(ls->notes->len - before);
}
