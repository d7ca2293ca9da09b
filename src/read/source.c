/*
 * source.c — reading sources: the only place that touches their bytes
 * before they are known to be text.
 */
#include <string.h>

#include "read/file.h"
#include "read/source.h"

/* What to do about a source that is not UTF-8. */
#define NOT_UTF8	"add 'encoding = latin1' (or the file's encoding: " \
			"windows-1252, UTF-16, …) to its chapter's group, " \
			"or convert the file to UTF-8; a binary file is no source"

/*
 * The encoding a Project Gutenberg header declares ("Character set
 * encoding: ISO-8859-1") in the first lines, or NULL.
 */
static char *
declared_encoding(const char *text, gsize len)
{
	static const char key[] = "Character set encoding:";
	const char *p = g_strstr_len(text, (gssize)MIN(len, 8192), key);
	gsize n;

	if (p == NULL)
		return NULL;
	p += sizeof(key) - 1;
	while (*p == ' ' || *p == '\t')
		p++;
	n = strcspn(p, " \t\r\n");
	return n > 0 && n < 40 ? g_strndup(p, n) : NULL;
}

/*
 * The text converted from encoding to UTF-8, replacing *text; 0, or -1
 * with an error.
 */
static int
convert(const char *path, char **text, gsize *len, const char *encoding,
    struct diags *d)
{
	GError *err = NULL;
	gsize out;
	char *utf8 = g_convert(*text, (gssize)*len, "UTF-8", encoding, NULL,
	    &out, &err);

	if (utf8 == NULL) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0), "cannot read it "
		    "as %s: %s; check 'encoding' in the manifest", encoding,
		    err->message);
		g_error_free(err);
		return -1;
	}
	g_free(*text);
	*text = utf8;
	*len = out;
	return 0;
}

/*
 * The encoding to read text in: the manifest's; else, for a file that
 * is not UTF-8, the one its header declares, if iconv knows it (said
 * at -v, with the key that says it outright); else none.  *utf8 says
 * whether the text was found to be UTF-8 as it is.
 */
static char *
encoding_of(const char *path, const char *text, gsize len,
    const char *encoding, gboolean *utf8, struct diags *d)
{
	char *declared;

	*utf8 = FALSE;
	if (encoding != NULL)
		return g_strdup(encoding);
	if ((*utf8 = g_utf8_validate(text, (gssize)len, NULL)) ||
	    memchr(text, '\0', len) != NULL ||
	    (declared = declared_encoding(text, len)) == NULL)
		return NULL;
	if (g_ascii_strncasecmp(declared, "utf", 3) == 0 ||
	    !source_encoding_known(declared)) {
		g_free(declared);
		return NULL;
	}
	diag_add(d, DIAG_INFO, srcpos_at(path, 0, 0), "read as %s, the "
	    "encoding its header declares ('encoding = %s' says so in the "
	    "manifest)", declared, declared);
	return declared;
}

/*
 * Drops a byte-order mark and makes every line end LF, in place: CR LF
 * and a lone CR (old Mac files) alike.
 */
static gsize
strip_crlf(char *text, gsize len)
{
	gsize i = 0, j = 0, run;
	const char *cr;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	/* The text up to each CR moves whole; a file with none, at most once. */
	for (; i < len; i++) {
		cr = memchr(text + i, '\r', len - i);
		run = (cr != NULL ? (gsize)(cr - text) : len) - i;
		if (j != i)
			memmove(text + j, text + i, run);
		i += run;
		j += run;
		if (i < len && (i + 1 >= len || text[i + 1] != '\n'))
			text[j++] = '\n';
	}
	text[j] = '\0';
	return j;
}

/* Whether c is no character of text: a control, or a noncharacter. */
static int
not_text(gunichar c)
{
	if (c < 0x20)
		return c != '\t' && c != '\n' && c != '\r' && c != '\f';
	return c == 0x7F || (c >= 0xFDD0 && c <= 0xFDEF) ||
	    (c & 0xFFFE) == 0xFFFE;
}

/*
 * Takes out, in place, what is no character of text (a DOS end-of-file
 * mark, a bell, U+FFFF), which no output can show; a warning at the
 * first says how many.  Returns the new length.
 */
static gsize
drop_controls(const char *path, char *text, gsize len, struct diags *d)
{
	char *p = text, *out = text;
	gsize dropped = 0, first = 0;

	while (p < text + len) {
		gunichar c;
		const char *next, *run = p;

		/*
		 * Printable ASCII and line ends, most of any text, stay: a run
		 * at a time, moved only once something before it was dropped.
		 */
		while (p < text + len && (((guchar)*p >= 0x20 &&
		    (guchar)*p < 0x7F) || *p == '\n'))
			p++;
		if (p > run) {
			if (out != run)
				memmove(out, run, (size_t)(p - run));
			out += p - run;
			continue;
		}
		c = g_utf8_get_char(p);
		next = g_utf8_next_char(p);
		if (c == 0x1A && strspn(next, " \t\r\n") ==
		    (size_t)(text + len - next))
			;	/* old DOS files end in ^Z: no text, no news */
		else if (not_text(c)) {
			if (dropped++ == 0)
				first = (gsize)(p - text);
		} else {
			memmove(out, p, (size_t)(next - p));
			out += next - p;
		}
		p = (char *)next;
	}
	*out = '\0';
	if (dropped > 0) {
		int line, col;

		file_locate(text, first, &line, &col);
		diag_add(d, DIAG_WARNING, srcpos_at(path, line, col), "%"
		    G_GSIZE_FORMAT " control characters or noncharacters, the "
		    "first here, are no text: they are left out", dropped);
	}
	return (gsize)(out - text);
}

/* Is the text nothing but white space (no-break spaces included)? */
static int
is_blank(const char *text)
{
	const char *p;

	for (p = text; *p != '\0'; p = g_utf8_next_char(p))
		if (!g_unichar_isspace(g_utf8_get_char(p)) &&
		    g_utf8_get_char(p) != 0xA0)
			return 0;
	return 1;
}

char *
source_read(const char *path, const char *encoding, gsize max, gsize *len,
    struct diags *d)
{
	char *text, *enc;
	gboolean utf8;

	if ((text = file_read(path, "the source", max, "split it into "
	    "chapters, or raise --max-source", len, d)) == NULL)
		return NULL;
	enc = encoding_of(path, text, *len, encoding, &utf8, d);
	if (enc != NULL && convert(path, &text, len, enc, d) == -1) {
		g_free(enc);
		g_free(text);
		return NULL;
	}
	g_free(enc);
	/* Text found UTF-8 as it is (and so not converted) is checked. */
	if (!utf8 && file_check_text(path, text, *len, NOT_UTF8, d) == -1) {
		g_free(text);
		return NULL;
	}
	*len = strip_crlf(text, *len);
	*len = drop_controls(path, text, *len, d);
	if (is_blank(text)) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0), "the source "
		    "is empty; give 'source' a file with the chapter's text");
		g_free(text);
		return NULL;
	}
	return text;
}

int
source_encoding_known(const char *encoding)
{
	GIConv cd = g_iconv_open("UTF-8", encoding);

	if (cd == (GIConv)-1)
		return 0;
	g_iconv_close(cd);
	return 1;
}
