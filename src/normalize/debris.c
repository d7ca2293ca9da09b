/*
 * debris.c — the first pass: what a web page or an e-text library put
 * around the text.
 *
 * Blog and CMS pages wrap an article in share prompts, comment threads
 * and reply forms; Project Gutenberg wraps a book in its licence.  A
 * small built-in set recognizes the common ones; the manifest's drop
 * rules name the rest, and its keep rule rescues a line the built-in
 * set would take.  Every dropped line is reported at -v and kept for
 * the word ledger, so nothing vanishes silently.
 */
#include <string.h>

#include "normalize/lines.h"

/*
 * Lines that are page furniture on any blog or CMS: one alternative a
 * kind, so that a line is tried once.
 */
static const char furniture[] =
	"^(Leave a (Reply|Comment)|Similar Posts|Related Posts?|Share this"
	    "( post)?|Like this|Please follow and like us|Post navigation|"
	    "Comments)\\s*:?$"
	"|^Your email address will not be published\\b"
	"|^(Enjoy this blog\\?|Please spread the word)"
	"|^Image (removed|not available)\\.?$"
	"|^(Last updated|Last modified) on \\d"
	"|^(Posted|Filed) (in|under) \\S"
	"|^Share (on|via) (Facebook|Twitter|Email)\\b"
	"|^(Click|Tap) (here )?to (share|print|email)\\b";
static const char furniture_opens[] = "CEFILPRSTY";

/*
 * A comment thread: it runs to the reply form or the end of the page.
 * Its first line opens with a digit.
 */
static const char *const thread_start =
    "^\\d+ (thoughts?|comments?|responses?|replies) (on|to) \\S";
static const char thread_start_opens[] = "0123456789";
static const char *const thread_end =
    "^(Leave a (Reply|Comment)|Your email address will not be published)";

/*
 * Project Gutenberg's licence: a header that ends with the START line,
 * a footer that begins with "End of (the) Project Gutenberg …" or the
 * END line, whichever comes first.  The START line opens with '*'.
 */
static const char *const licence_start =
    "^\\*{3}\\s*START OF (THE|THIS) PROJECT GUTENBERG|"
    "^\\*END\\*THE SMALL PRINT";
static const char licence_start_opens[] = "*";
static const char *const licence_end =
    "^(\\*{3}\\s*END OF (THE|THIS) PROJECT GUTENBERG|"
    "End of (the )?Project Gutenberg)";

static int
any_matches(const GPtrArray *patterns, const char *text)
{
	guint i;

	for (i = 0; i < patterns->len; i++) {
		const struct pattern *p = g_ptr_array_index(patterns, i);

		if (g_regex_match(p->re, text, 0, NULL))
			return 1;
	}
	return 0;
}

/* Records for the ledger each piece of text re takes out of the line. */
static void
record_matches(struct lines *ls, const struct line *l, GRegex *re)
{
	GMatchInfo *mi;

	g_regex_match(re, l->text, 0, &mi);
	for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
		char *m = g_match_info_fetch(mi, 0);

		lines_change(ls, l->no, m, NULL, "dropped: drop-text");
		g_free(m);
	}
	g_match_info_free(mi);
}

/* Removes every match of the manifest's drop-text patterns from the line. */
static void
drop_text(struct lines *ls, struct line *l)
{
	guint i;

	for (i = 0; i < ls->rules->drop_text->len; i++) {
		const struct pattern *p =
		    g_ptr_array_index(ls->rules->drop_text, i);
		char *out;

		if (!g_regex_match(p->re, l->text, 0, NULL))
			continue;
		out = g_regex_replace_literal(p->re, l->text, -1, 0, "", 0,
		    NULL);
		diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, l->no, 1),
		    "dropped text matching drop-text '%s'",
		    g_regex_get_pattern(p->re));
		record_matches(ls, l, p->re);
		g_free(l->text);
		l->text = out;
		if (*g_strstrip(l->text) == '\0') {
			l->role = LINE_DROPPED;
			l->why = "dropped: drop-text";
		}
	}
}

/* Drops lines [from, to) as the licence, with one line said at -v. */
static void
drop_licence(struct lines *ls, guint from, guint to)
{
	const char *why = "dropped: the Project Gutenberg licence";
	guint i;

	for (; from < to && LINE(ls, from)->role == LINE_DROPPED; from++)
		continue;
	if (from >= to)
		return;
	for (i = from; i < to; i++) {
		struct line *l = LINE(ls, i);

		if (l->role == LINE_BLANK || l->role == LINE_DROPPED ||
		    lineset_has(&ls->rules->keep, l->no))
			continue;
		lines_change(ls, l->no, l->text, NULL, why);
		l->role = LINE_DROPPED;
		l->why = why;
	}
	diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, LINE(ls, from)->no,
	    1), "%s, lines %d-%d", why, LINE(ls, from)->no,
	    LINE(ls, to - 1)->no);
}

/*
 * The licence around a Project Gutenberg text, if it is one: only when
 * its START line is there, which no other text has.
 */
static void
licence(struct lines *ls)
{
	GRegex *start = g_regex_new(licence_start, G_REGEX_CASELESS, 0, NULL);
	GRegex *end = g_regex_new(licence_end, G_REGEX_CASELESS, 0, NULL);
	guint i, body = G_MAXUINT;

	/*
	 * Over the whole source: the group may take only part of it.  An
	 * old file has two lines that end the header (the START line, then
	 * the small print's END): the last in its first half counts.
	 */
	for (i = 0; i < ls->a->len / 2 + 1 && i < ls->a->len; i++)
		if (lines_opens_with(LINE(ls, i)->text, licence_start_opens) &&
		    g_regex_match(start, LINE(ls, i)->text, 0, NULL))
			body = i + 1;
	if (body != G_MAXUINT) {
		drop_licence(ls, 0, body);
		for (i = body; i < ls->a->len; i++)
			if (g_regex_match(end, LINE(ls, i)->text, 0, NULL))
				break;
		drop_licence(ls, i, ls->a->len);
	}
	g_regex_unref(start);
	g_regex_unref(end);
}

/*
 * A transcriber's note, bracketed or under its own heading, each with
 * the bytes it can open with (the heading's case aside).
 */
static const char *const note_bracket =
    "^\\[Transcriber(['’]s|s['’]?) Notes?\\b";
static const char note_bracket_opens[] = "[";
static const char *const note_heading =
    "^Transcriber(['’]s|s['’]?) Notes?[.:]?$";
static const char note_heading_opens[] = "Tt";

/* Drops line i as part of a transcriber's note. */
static void
drop_note_line(struct lines *ls, guint i)
{
	static const char why[] = "dropped: a transcriber's note";

	if (LINE(ls, i)->role == LINE_BLANK || LINE(ls, i)->role ==
	    LINE_DROPPED || lineset_has(&ls->rules->keep, LINE(ls, i)->no))
		return;
	lines_change(ls, LINE(ls, i)->no, LINE(ls, i)->text, NULL, why);
	LINE(ls, i)->role = LINE_DROPPED;
	LINE(ls, i)->why = why;
}

/*
 * Transcribers' notes, which are not the book's: "[Transcriber's Note:
 * …]" to its closing bracket, or a "Transcriber's Notes" heading and
 * what follows it, to the next gap of two blank lines.
 */
static void
transcriber_notes(struct lines *ls)
{
	GRegex *bracket = g_regex_new(note_bracket, G_REGEX_CASELESS, 0, NULL);
	GRegex *heading = g_regex_new(note_heading, G_REGEX_CASELESS, 0, NULL);
	guint i, j;

	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		int depth = 0, blanks = 0;

		if (l->role != LINE_PARA)
			continue;
		if (lines_opens_with(l->text, note_bracket_opens) &&
		    g_regex_match(bracket, l->text, 0, NULL)) {
			for (j = i; j < ls->a->len; j++) {
				const char *p;

				for (p = LINE(ls, j)->text; *p != '\0'; p++)
					depth += *p == '[' ? 1 : *p == ']' ? -1 : 0;
				drop_note_line(ls, j);
				if (depth <= 0)
					break;
			}
		} else if (lines_opens_with(l->text, note_heading_opens) &&
		    g_regex_match(heading, l->text, 0, NULL)) {
			for (j = i; j < ls->a->len && blanks < 2; j++) {
				blanks = LINE(ls, j)->role == LINE_BLANK ?
				    blanks + 1 : 0;
				drop_note_line(ls, j);
			}
		} else
			continue;
		diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, l->no, 1),
		    "dropped: a transcriber's note, lines %d-%d (keep = %d-%d "
		    "keeps it)", l->no, LINE(ls, MIN(j, ls->a->len - 1))->no,
		    l->no, LINE(ls, MIN(j, ls->a->len - 1))->no);
		i = j;
	}
	g_regex_unref(bracket);
	g_regex_unref(heading);
}

void
debris_pass(struct lines *ls)
{
	const struct rules *r = ls->rules;
	GRegex *furn = lines_compile_raw(furniture);
	GRegex *start = lines_compile_raw(thread_start);
	GRegex *end = lines_compile_raw(thread_end);
	int in_thread = 0;
	guint i;

	licence(ls);
	transcriber_notes(ls);
	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		const char *why = NULL;

		if (l->role == LINE_BLANK || l->role == LINE_DROPPED)
			continue;
		if (lineset_has(&r->drop, l->no))
			why = "dropped: listed in the manifest's drop";
		else if (any_matches(r->drop_match, l->text))
			why = "dropped: matches the manifest's drop-match";
		else if (lineset_has(&r->keep, l->no))
			why = NULL;
		else if (in_thread && !g_regex_match(end, l->text, 0, NULL))
			why = "dropped: part of a comment thread";
		else if (lines_opens_with(l->text, thread_start_opens) &&
		    g_regex_match(start, l->text, 0, NULL)) {
			why = "dropped: start of a comment thread";
			in_thread = 1;
		} else {
			in_thread = 0;
			if (lines_opens_with(l->text, furniture_opens) &&
			    g_regex_match(furn, l->text, 0, NULL))
				why = "dropped: web page furniture";
		}
		if (why != NULL)
			line_drop(ls, i, why);
		else
			drop_text(ls, l);
	}
	g_regex_unref(furn);
	g_regex_unref(start);
	g_regex_unref(end);
}
