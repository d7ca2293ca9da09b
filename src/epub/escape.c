/*
 * escape.c — XML escaping: the only code in the EPUB back end that
 * turns the model's unescaped text into character data.
 */
#include <string.h>

#include "epub/escape.h"

/* Characters that pass through, beyond the URL's unreserved ones. */
#define URL_KEEP	"!#$%&'()*+,/:;=?@[]~"

/* Whether c may appear in an XHTML content document. */
static int
xml_char(gunichar c)
{
	if (c < 0x20)
		return c == '\t' || c == '\n' || c == '\r';
	if (c >= 0x7f && c <= 0x9f)
		return 0;
	if (c >= 0xd800 && c <= 0xdfff)
		return 0;
	return c != 0xfffe && c != 0xffff && c <= 0x10ffff;
}

/*
 * Copies runs of ordinary characters in one append; stops at each
 * character to replace or drop.
 */
void
xml_escape_len(GString *out, const char *s, gsize len)
{
	const char *run = s, *p = s, *end = s + len, *next;
	const char *repl;
	gunichar c;

	while (p < end && *p != '\0') {
		c = g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			next = p + 1;
			repl = "";
		} else {
			next = g_utf8_next_char(p);
			switch (c) {
			case '&':
				repl = "&amp;";
				break;
			case '<':
				repl = "&lt;";
				break;
			case '>':
				repl = "&gt;";
				break;
			case '"':
				repl = "&quot;";
				break;
			case 0xAD:	/* soft hyphen: the reader hyphenates */
				repl = "";
				break;
			default:
				repl = xml_char(c) ? NULL : "";
				break;
			}
		}
		if (repl != NULL) {
			g_string_append_len(out, run, p - run);
			g_string_append(out, repl);
			run = next;
		}
		p = next;
	}
	g_string_append_len(out, run, p - run);
}

void
xml_escape(GString *out, const char *s)
{
	xml_escape_len(out, s, strlen(s));
}

void
xml_escape_url(GString *out, const char *url)
{
	char *enc = g_uri_escape_string(url, URL_KEEP, FALSE);

	xml_escape(out, enc);
	g_free(enc);
}
