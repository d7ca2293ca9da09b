/*
 * normalize.c — the normalization stage: classify each line of a raw
 * text, then write it out as CommonMark.
 */
#include <string.h>

#include "normalize.h"

void
normalized_init(struct normalized *n)
{
	n->md = g_string_new(NULL);
	n->srcline = g_array_new(FALSE, FALSE, sizeof(int));
}

void
normalized_release(struct normalized *n)
{
	g_string_free(n->md, TRUE);
	g_array_free(n->srcline, TRUE);
}

/* Ends the current md line, which came from source line srcline. */
static void
emit_line(struct normalized *out, int srcline)
{
	g_string_append_c(out->md, '\n');
	g_array_append_val(out->srcline, srcline);
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
		if (strchr("\\`*_[]<>&!", *p) != NULL)
			g_string_append_c(md, '\\');
		g_string_append_c(md, *p);
	}
}

/* Is the line empty or white space (including no-break spaces) only? */
static int
is_blank(const char *s, gsize len)
{
	const char *p = s, *end = s + len;

	for (; p < end; p = g_utf8_next_char(p))
		if (!g_unichar_isspace(g_utf8_get_char(p)) &&
		    g_utf8_get_char(p) != 0xA0)
			return 0;
	return 1;
}

/* Skips leading white space, no-break spaces included. */
static const char *
skip_space(const char *s, const char *end)
{
	while (s < end && (g_unichar_isspace(g_utf8_get_char(s)) ||
	    g_utf8_get_char(s) == 0xA0))
		s = g_utf8_next_char(s);
	return s;
}

/* One source line, one paragraph: the rule scraped text follows. */
static void
normalize_text(const char *text, struct normalized *out)
{
	const char *p = text, *eol;
	int line = 1;

	for (; *p != '\0'; p = eol + (*eol != '\0'), line++) {
		const char *start;

		eol = p + strcspn(p, "\n");
		if (is_blank(p, (gsize)(eol - p)))
			continue;
		start = skip_space(p, eol);
		normalize_escape(out->md, start, eol - start);
		emit_line(out, line);
		emit_line(out, line);
		if (*eol == '\0')
			break;
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
normalize(const struct chapter *c, const char *text, struct normalized *out,
    struct diags *d)
{
	(void)d;
	if (c->format == FORMAT_MARKDOWN)
		normalize_markdown(text, out);
	else
		normalize_text(text, out);
	return 0;
}
