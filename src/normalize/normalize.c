/*
 * normalize.c — the normalization stage: a raw text's lines go through
 * the passes (debris, front matter, notes block, structure) and come out
 * as CommonMark, each output line mapped to its source line.
 */
#include <stdlib.h>
#include <string.h>

#include "normalize/lines.h"
#include "normalize/normalize.h"
#include "normalize/typo.h"

void
normalized_init(struct normalized *n)
{
	memset(n, 0, sizeof(*n));
	n->md = g_string_new(NULL);
	n->srcline = g_array_new(FALSE, FALSE, sizeof(int));
	n->preface = g_string_new(NULL);
	n->preface_srcline = g_array_new(FALSE, FALSE, sizeof(int));
}

void
normalized_release(struct normalized *n)
{
	g_string_free(n->md, TRUE);
	g_array_free(n->srcline, TRUE);
	g_string_free(n->preface, TRUE);
	g_array_free(n->preface_srcline, TRUE);
	meta_clear(&n->meta);
}

/*
 * Escapes what CommonMark would read as markup: inline punctuation
 * everywhere, and at the start of a line whatever opens a block (a
 * heading's '#', a list's "1." or "-", a quotation's '>').
 */
void
normalize_escape(GString *md, const char *s, gssize len)
{
	const char *p = s, *end = s + (len < 0 ? (gssize)strlen(s) : len);

	if (p < end && strchr("#>-+=", *p) != NULL)
		g_string_append_c(md, '\\');
	else if (p < end && g_ascii_isdigit(*p)) {
		const char *q = p;

		while (q < end && g_ascii_isdigit(*q))
			q++;
		g_string_append_len(md, p, q - p);
		if (q < end && (*q == '.' || *q == ')'))
			g_string_append_c(md, '\\');
		p = q;
	}
	for (; p < end; p++) {
		const char *close;

		if (strncmp(p, MARK_OPEN, 3) == 0 &&
		    (close = strstr(p, MARK_CLOSE)) != NULL) {
			/* A note reference, in pandoc's syntax. */
			g_string_append(md, "[^");
			g_string_append_len(md, p + 3, close - p - 3);
			g_string_append_c(md, ']');
			p = close + 2;
			continue;
		}
		if (strchr("\\`*_[]<>&!", *p) != NULL)
			g_string_append_c(md, '\\');
		g_string_append_c(md, *p);
	}
}

/* --- writing CommonMark ------------------------------------------------ */

struct writer {
	GString	*md;
	GArray	*srcline;
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

/* Writes a paragraph's text, its typography corrected, escaped. */
static void
write_text(struct writer *w, const char *text)
{
	char *clean = typo_paragraph(text, -1);

	normalize_escape(w->md, clean, -1);
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
	case LINE_HEADING:
		g_string_append(w->md, l->level == 3 ? "### " : "## ");
		write_text(w, l->text);
		end_line(w, l->no);
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
		text = joined_text(ls, &i);
		if ((items = runin_items(text)) != NULL) {
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
 * The notes, as pandoc writes them: "[^N]: first paragraph", further
 * paragraphs indented by four spaces.  The author's note is "[^*]".
 */
static void
write_notes(struct writer *w, const struct lines *ls)
{
	guint i;

	for (i = 0; i < ls->notes->len; i++) {
		const struct line *n = &g_array_index(ls->notes, struct line, i);
		gchar **paras = g_strsplit(n->text, "\n", -1), **p;

		if (n->group == 0)
			g_string_append(w->md, "[^*]: ");
		else
			g_string_append_printf(w->md, "[^%d]: ", n->group);
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
}

static void
write_markdown(struct normalized *out, const struct lines *ls)
{
	struct writer body = { out->md, out->srcline };
	struct writer preface = { out->preface, out->preface_srcline };
	guint i;

	for (i = lines_next(ls, G_MAXUINT); i < ls->a->len;
	    i = lines_next(ls, i)) {
		const struct line *l = LINE(ls, i);
		struct writer *w = l->role == LINE_INTRO ? &preface : &body;

		if (l->role == LINE_META || l->role == LINE_NOTES)
			continue;
		if (l->role == LINE_INTRO) {
			write_para(w, "", l->text, l->no);
			end_line(w, l->no);
			continue;
		}
		i = write_block(w, ls, i);
		end_line(w, LINE(ls, i)->no);
	}
	write_notes(&body, ls);
}

/* --- the stage -------------------------------------------------------- */

/* Applies the manifest's fix rules to every line. */
static void
fix_pass(struct lines *ls)
{
	guint i, k;

	for (k = 0; k < ls->rules->fix->len; k++) {
		const struct pattern *p = g_ptr_array_index(ls->rules->fix, k);

		for (i = 0; i < ls->a->len; i++) {
			struct line *l = LINE(ls, i);
			char *out;

			if (l->role == LINE_BLANK || l->role == LINE_DROPPED ||
			    !g_regex_match(p->re, l->text, 0, NULL))
				continue;
			out = g_regex_replace(p->re, l->text, -1, 0,
			    p->replacement, 0, NULL);
			if (out == NULL)
				continue;
			diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path,
			    l->no, 1), "fixed: '%s' => '%s'",
			    g_regex_get_pattern(p->re), p->replacement);
			g_free(l->text);
			l->text = out;
		}
	}
}

/* The metadata found in the text gets the text's typography. */
static void
typo_meta(struct meta *m)
{
	char **fields[] = { &m->title, &m->subtitle, &m->author,
	    &m->translator, &m->published, &m->source, &m->credits,
	    &m->dedication, &m->affiliation, &m->label };
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(fields); i++)
		if (*fields[i] != NULL) {
			/* Line by line: credits keep a line each. */
			gchar **lines = g_strsplit(*fields[i], "\n", -1), **l;

			for (l = lines; *l != NULL; l++) {
				char *clean = typo_paragraph(*l, -1);

				g_free(*l);
				*l = clean;
			}
			g_free(*fields[i]);
			*fields[i] = g_strjoinv("\n", lines);
			g_strfreev(lines);
		}
}

/* Markdown is already what we want: copy it, line for line. */
static void
normalize_markdown(const char *text, struct normalized *out)
{
	const char *p;
	int line = 1;

	g_string_append(out->md, text);
	for (p = text; *p != '\0'; p++)
		if (*p == '\n') {
			g_array_append_val(out->srcline, line);
			line++;
		}
	g_array_append_val(out->srcline, line);
}

int
normalize(const struct group *g, const char *text, struct normalized *out,
    struct diags *d)
{
	struct lines ls = { 0 };

	if (g->format == FORMAT_MARKDOWN) {
		out->markdown = 1;
		normalize_markdown(text, out);
		return 0;
	}
	ls.path = g->path;
	ls.rules = &g->rules;
	ls.diags = d;
	lines_split(&ls, text);
	debris_pass(&ls);
	fix_pass(&ls);
	front_pass(&ls, &g->meta);
	notes_block_pass(&ls);
	structure_pass(&ls);
	write_markdown(out, &ls);
	typo_meta(&ls.meta);
	out->meta = ls.meta;
	memset(&ls.meta, 0, sizeof(ls.meta));
	lines_release(&ls);
	return 0;
}
