/*
 * write.c — the normalizer's last pass: each chapter's lines as
 * CommonMark, every line of it mapped to the source line it came from.
 *
 * Text is escaped, so that what a raw text says stays literal, except
 * for what the passes decided it means: a note's reference ("[^3]"),
 * emphasis the source marked with underscores ("*word*"), the line
 * breaks of verse (a backslash at the line's end).
 */
#include <stdlib.h>
#include <string.h>

#include "normalize/lines.h"
#include "normalize/typo.h"

/* Inline punctuation CommonMark reads as markup; NUL too, as strchr has it. */
static int
inline_markup(char c)
{
	switch (c) {
	case '\\': case '`': case '*': case '_': case '[': case ']':
	case '<': case '>': case '&': case '!': case '\0':
		return 1;
	default:
		return 0;
	}
}

/*
 * Escapes what CommonMark would read as markup: inline punctuation
 * everywhere, and at the start of a line whatever opens a block (a
 * heading's '#', a list's "1." or "-", a quotation's '>').
 */
void
normalize_escape(GString *md, const char *s, gssize len)
{
	const char *p = s, *end = s + (len < 0 ? (gssize)strlen(s) : len), *q;

	if (p < end && strchr("#>-+=", *p) != NULL) {
		/* Escaped once: '>' is inline punctuation too. */
		g_string_append_c(md, '\\');
		g_string_append_c(md, *p++);
	} else if (p < end && g_ascii_isdigit(*p)) {
		q = p;
		while (q < end && g_ascii_isdigit(*q))
			q++;
		g_string_append_len(md, p, q - p);
		if (q < end && (*q == '.' || *q == ')'))
			g_string_append_c(md, '\\');
		p = q;
	}
	for (; p < end; p++) {
		const char *close;

		/* Up to markup or a mark (each opens with 0xEE), as it is. */
		for (q = p; q < end && (guchar)*q != 0xEE && !inline_markup(*q);
		    q++)
			;
		g_string_append_len(md, p, q - p);
		if ((p = q) == end)
			break;
		if (strncmp(p, EMPH_OPEN, 3) == 0 ||
		    strncmp(p, EMPH_CLOSE, 3) == 0) {
			g_string_append_c(md, '*');
			p += 2;
			continue;
		}
		if (strncmp(p, BREAK_MARK, 3) == 0) {
			/* A verse line's end where no verse is written. */
			g_string_append_c(md, ' ');
			p += 2;
			continue;
		}
		if (strncmp(p, MARK_OPEN, 3) == 0 &&
		    (close = strstr(p, MARK_CLOSE)) != NULL) {
			/* A note reference, in pandoc's syntax. */
			g_string_append(md, "[^");
			g_string_append_len(md, p + 3, close - p - 3);
			g_string_append_c(md, ']');
			p = close + 2;
			continue;
		}
		if (inline_markup(*p))
			g_string_append_c(md, '\\');
		g_string_append_c(md, *p);
	}
}

/* --- emphasis ---------------------------------------------------------- */

/* The character before p in s, or 0 at its start. */
static gunichar
before(const char *s, const char *p)
{
	return p > s ? g_utf8_get_char(g_utf8_prev_char(p)) : 0;
}

/*
 * Whether the delimiter at p opens emphasis: at the text's start or
 * after what is not a letter or digit, and before what is not space.
 */
static int
opens(const char *s, const char *p, char d)
{
	gunichar b = before(s, p), a = g_utf8_get_char(p + 1);

	return (b == 0 || !g_unichar_isalnum(b)) && p[1] != '\0' &&
	    p[1] != d && !g_unichar_isspace(a);
}

/* Whether the delimiter at p closes emphasis: the mirror of opens(). */
static int
closes(const char *s, const char *p)
{
	gunichar b = before(s, p), a = g_utf8_get_char(p + 1);

	return b != 0 && !g_unichar_isspace(b) &&
	    (p[1] == '\0' || !g_unichar_isalnum(a));
}

/*
 * At a '~' inside italics (*p, before q, the span's end): the italics
 * close before a roman stretch and open again after it, outside the
 * spaces around it, where CommonMark lets them ("*more* in roman
 * *here*").
 */
static void
roman(GString *out, const char **p, const char *q)
{
	const char *close = strchr(*p + 1, '~');

	if (close != NULL && close < q) {
		int space = out->len > 0 && out->str[out->len - 1] == ' ';

		if (space)
			g_string_truncate(out, out->len - 1);
		g_string_append(out, EMPH_CLOSE);
		if (space)
			g_string_append_c(out, ' ');
		return;
	}
	/* The roman stretch ends: a space after it goes before the italics. */
	if ((*p)[1] == ' ') {
		g_string_append_c(out, ' ');
		(*p)++;
	}
	g_string_append(out, EMPH_OPEN);
}

/*
 * The text with each span the source marks as italic, "_word_" (or
 * "*word*"), between EMPH_OPEN and EMPH_CLOSE; inside one, "~roman~"
 * (a transcriber's mark for roman type in italics) closes and reopens
 * it.  A delimiter without its pair stays as it is.
 */
static char *
emphasize(const char *s, enum emphasis mode)
{
	char d = mode == EMPHASIS_ASTERISK ? '*' : '_';
	GString *out;
	const char *p, *q;

	if (mode == EMPHASIS_NONE || strchr(s, d) == NULL)
		return g_strdup(s);
	out = g_string_new(NULL);
	for (p = s; *p != '\0'; p++) {
		if (*p != d || !opens(s, p, d)) {
			g_string_append_c(out, *p);
			continue;
		}
		for (q = p + 1; *q != '\0' && !(*q == d && closes(s, q)); q++)
			;
		if (*q == '\0') {
			g_string_append_c(out, *p);
			continue;
		}
		g_string_append(out, EMPH_OPEN);
		for (p++; p < q; p++)
			if (*p == '~')
				roman(out, &p, q);
			else
				g_string_append_c(out, *p);
		g_string_append(out, EMPH_CLOSE);
	}
	return g_string_free(out, FALSE);
}

/* --- writing CommonMark ------------------------------------------------ */

struct writer {
	GString			*md;
	GArray			*srcline;
	enum emphasis		 emphasis;
};

/* Ends the current md line, which came from source line no. */
static void
end_line(struct writer *w, int no)
{
	g_string_append_c(w->md, '\n');
	g_array_append_val(w->srcline, no);
}

/*
 * Splits a run-in numbered list, "(1) To adopt … (2) To …" or
 * "1.Repeal … 2.The hours …", into its items; NULL unless the line
 * opens with item 1 and has at least items 2 and 3, in order.
 */
static GPtrArray *
runin_items(const char *text)
{
	static const char *const styles[] = {
		"(?:^|\\s)\\((\\d{1,2})\\)\\s+", "(?:^|\\s)(\\d{1,2})\\.(?=[A-Z])"
	};
	static GRegex *compiled[G_N_ELEMENTS(styles)];
	static gsize once;
	GPtrArray *items = NULL;
	const char *p = text;
	size_t k;

	/*
	 * Item 1 must match at offset 0: after at most one space, a '(' or
	 * a digit.  Most paragraphs fail this and are not searched at all.
	 */
	if (strchr(" \t\n\v\f\r", *p) != NULL && *p != '\0')
		p++;
	if (*p != '(' && !g_ascii_isdigit(*p))
		return NULL;
	if (g_once_init_enter(&once)) {
		/* Raw: PCRE would check a UTF-8 text whole at every match. */
		for (k = 0; k < G_N_ELEMENTS(styles); k++)
			compiled[k] = g_regex_new(styles[k], G_REGEX_RAW, 0,
			    NULL);
		g_once_init_leave(&once, 1);
	}
	for (k = 0; k < G_N_ELEMENTS(styles) && items == NULL; k++) {
		GRegex *re = compiled[k];
		GMatchInfo *mi;
		GArray *at = g_array_new(FALSE, FALSE, sizeof(int) * 2);
		int want = 1;

		g_regex_match(re, text, 0, &mi);
		for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
			char *num = g_match_info_fetch(mi, 1);
			int se[2];

			if (atoi(num) == want) {
				g_match_info_fetch_pos(mi, 0, &se[0], &se[1]);
				g_array_append_val(at, se);
				want++;
			}
			g_free(num);
		}
		g_match_info_free(mi);
		if (at->len >= 3 && g_array_index(at, int, 0) == 0) {
			guint i;

			items = g_ptr_array_new_with_free_func(g_free);
			for (i = 0; i < at->len; i++) {
				int from = g_array_index(at, int, 2 * i + 1);
				int to = i + 1 < at->len ?
				    g_array_index(at, int, 2 * (i + 1)) :
				    (int)strlen(text);

				g_ptr_array_add(items, g_strstrip(
				    g_strndup(text + from, (gsize)(to - from))));
			}
		}
		g_array_free(at, TRUE);
	}
	return items;
}

/* A paragraph's text, its typography corrected, its italics marked. */
static char *
clean_text(const struct writer *w, const char *text)
{
	char *typo = typo_paragraph(text, -1);
	char *emph = emphasize(typo, w->emphasis);

	g_free(typo);
	return emph;
}

/* Writes a paragraph's text, cleaned and escaped. */
static void
write_text(struct writer *w, const char *text)
{
	char *clean = clean_text(w, text);

	normalize_escape(w->md, clean, -1);
	g_free(clean);
}

/*
 * Writes a block whose source lines stay lines (verse, an address):
 * cleaned as one paragraph, so that quotation marks take their sides
 * across its lines, then each line ended by a hard break.
 */
static void
write_verse(struct writer *w, const char *prefix, const struct line *l)
{
	char *clean = clean_text(w, l->text);
	gchar **lines;
	guint k;

	lines = g_strsplit(clean, BREAK_MARK, -1);
	for (k = 0; lines[k] != NULL; k++) {
		g_string_append(w->md, prefix);
		normalize_escape(w->md, g_strstrip(lines[k]), -1);
		if (lines[k + 1] != NULL)
			g_string_append_c(w->md, '\\');
		end_line(w, l->no + (int)k);
	}
	g_strfreev(lines);
	g_free(clean);
}

/* Writes one paragraph's text with a prefix on its line ("> ", "1. "). */
static void
write_para(struct writer *w, const char *prefix, const char *text, int no)
{
	g_string_append(w->md, prefix);
	write_text(w, text);
	end_line(w, no);
}

/* Writes a list, its items separated by blank lines (each with prefix). */
static void
write_items(struct writer *w, const char *prefix, GPtrArray *items,
    int first, int no)
{
	guint i;

	for (i = 0; i < items->len; i++) {
		char *lead = g_strdup_printf("%s%d. ", prefix, first + (int)i);

		if (i > 0) {
			/* The blank line between items, inside a quotation too. */
			g_string_append_len(w->md, prefix,
			    (gssize)strcspn(prefix, " "));
			end_line(w, no);
		}
		write_para(w, lead, g_ptr_array_index(items, i), no);
		g_free(lead);
	}
}

/*
 * Writes one row of a table as it stands, its indent first; the marks
 * of italics, which a code block cannot show, give way to spaces after
 * the span, so that the columns stay where they were.
 */
static void
write_row(struct writer *w, int indent, const char *row, int no)
{
	char *marked = emphasize(row, w->emphasis);
	const char *p;

	g_string_append_printf(w->md, "%*s", indent, "");
	for (p = marked; *p != '\0'; p++) {
		if (strncmp(p, EMPH_OPEN, 3) == 0) {
			p += 2;
			continue;
		}
		if (strncmp(p, EMPH_CLOSE, 3) == 0) {
			g_string_append(w->md, "  ");
			p += 2;
			continue;
		}
		g_string_append_c(w->md, *p);
	}
	end_line(w, no);
	g_free(marked);
}

/* Writes one block's source lines as they stand, with their indents. */
static void
write_rows(struct writer *w, const struct line *l)
{
	guint k;

	if (l->phys == NULL) {
		write_row(w, l->indent, l->text, l->no);
		return;
	}
	for (k = 0; k < l->phys->len; k++)
		write_row(w, g_array_index(l->indents, int, k),
		    g_ptr_array_index(l->phys, k), l->no + (int)k);
}

/*
 * Writes blocks set out in columns as they stand, in one fenced code
 * block: line i and the blocks in columns after it, a blank line
 * between each, in a fence none of their lines holds.  Returns the
 * last line written.
 */
static guint
write_pre(struct writer *w, const struct lines *ls, guint i)
{
	const char *fence = strstr(LINE(ls, i)->text, "```") != NULL ?
	    "~~~~~~" : "```";
	guint next;

	g_string_append(w->md, fence);
	end_line(w, LINE(ls, i)->no);
	for (;;) {
		write_rows(w, LINE(ls, i));
		next = lines_next(ls, i);
		if (next >= ls->a->len || LINE(ls, next)->role != LINE_PRE)
			break;
		end_line(w, LINE(ls, i)->last);
		i = next;
	}
	g_string_append(w->md, fence);
	end_line(w, LINE(ls, i)->last);
	return i;
}

/* A paragraph's text: line i and the lines joined to it. */
static char *
joined_text(const struct lines *ls, guint *i)
{
	GString *s = g_string_new(LINE(ls, *i)->text);
	guint next;

	while ((next = lines_next(ls, *i)) < ls->a->len &&
	    LINE(ls, next)->join) {
		g_string_append_c(s, ' ');
		g_string_append(s, LINE(ls, next)->text);
		*i = next;
	}
	return g_string_free(s, FALSE);
}

/* Writes one block of the running text starting at line i; returns its last line. */
static guint
write_block(struct writer *w, const struct lines *ls, guint i)
{
	const struct line *l = LINE(ls, i);
	const char *prefix = l->role == LINE_QUOTE ? "> " : "";
	GPtrArray *items;
	char *text;
	guint next;

	switch (l->role) {
	case LINE_PRE:
		return write_pre(w, ls, i);
	case LINE_HEADING:
		text = range_heading_text(l->text);
		g_string_append(w->md, l->level >= 4 ? "#### " : l->level == 3 ?
		    "### " : "## ");
		write_text(w, text);
		end_line(w, l->no);
		g_free(text);
		return i;
	case LINE_BREAK:
		g_string_append(w->md, "* * *");
		end_line(w, l->no);
		return i;
	case LINE_ITEM:
		items = g_ptr_array_new();
		g_ptr_array_add(items, strchr(l->text, ' ') + 1);
		while ((next = lines_next(ls, i)) < ls->a->len &&
		    LINE(ls, next)->role == LINE_ITEM &&
		    LINE(ls, next)->group == l->group) {
			i = next;
			g_ptr_array_add(items, strchr(LINE(ls, i)->text, ' ') + 1);
		}
		write_items(w, "", items, atoi(l->text), l->no);
		g_ptr_array_free(items, TRUE);
		return i;
	default:
		break;
	}
	/* Paragraphs, and the paragraphs of one quotation in one block. */
	for (;;) {
		if (strstr(LINE(ls, i)->text, BREAK_MARK) != NULL &&
		    !LINE(ls, i)->join) {
			write_verse(w, prefix, LINE(ls, i));
			text = NULL;
		} else if ((items = runin_items(text = joined_text(ls, &i))) !=
		    NULL) {
			write_items(w, prefix, items, 1, LINE(ls, i)->no);
			g_ptr_array_free(items, TRUE);
		} else
			write_para(w, prefix, text, LINE(ls, i)->no);
		g_free(text);
		next = lines_next(ls, i);
		if (l->role != LINE_QUOTE || next >= ls->a->len ||
		    LINE(ls, next)->role != LINE_QUOTE ||
		    LINE(ls, next)->group != l->group)
			return i;
		g_string_append(w->md, ">");
		end_line(w, LINE(ls, i)->no);
		i = next;
	}
}

/*
 * The notes of chapter k, as pandoc writes them: "[^N]: first
 * paragraph", further paragraphs indented by four spaces; the author's
 * note is "[^*]".  In the order of their numbers.
 */
static void
write_notes(struct writer *w, const struct lines *ls, guint k)
{
	GPtrArray *mine = g_ptr_array_new();
	guint i;

	for (i = 0; i < ls->notes->len; i++) {
		const struct srcnote *n = &g_array_index(ls->notes,
		    struct srcnote, i);

		if (n->chapter != k)
			continue;
		if (n->number == 0)
			g_ptr_array_insert(mine, 0, (gpointer)n);
		else
			g_ptr_array_add(mine, (gpointer)n);
	}
	for (i = 0; i < mine->len; i++) {
		const struct srcnote *n = g_ptr_array_index(mine, i);
		gchar **paras = g_strsplit(n->text, "\n", -1), **p;

		if (n->number == 0)
			g_string_append(w->md, "[^*]: ");
		else
			g_string_append_printf(w->md, "[^%d]: ", n->number);
		for (p = paras; *p != NULL; p++) {
			if (p != paras) {
				end_line(w, n->no);
				g_string_append(w->md, "    ");
			}
			write_text(w, *p);
			end_line(w, n->no);
		}
		end_line(w, n->no);
		g_strfreev(paras);
	}
	g_ptr_array_free(mine, TRUE);
}

void
write_chapter(struct normalized *out, const struct lines *ls, guint k)
{
	const struct chap *c = CHAP(ls, k);
	struct writer body = { out->md, out->srcline, ls->rules->emphasis };
	struct writer preface = { out->preface, out->preface_srcline,
	    ls->rules->emphasis };
	guint i;

	for (i = c->first; i < c->end; i++) {
		const struct line *l = LINE(ls, i);
		struct writer *w = l->role == LINE_INTRO ? &preface : &body;

		if (l->role == LINE_BLANK || l->role == LINE_DROPPED ||
		    l->role == LINE_META || l->role == LINE_NOTES ||
		    l->role == LINE_CHAPTER)
			continue;
		if (l->role == LINE_INTRO) {
			write_para(w, "", l->text, l->no);
			end_line(w, l->no);
			continue;
		}
		i = write_block(w, ls, i);
		end_line(w, LINE(ls, i)->no);
	}
	write_notes(&body, ls, k);
}
