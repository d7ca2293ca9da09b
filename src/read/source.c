/*
 * source.c — reading sources: the only place that touches their bytes
 * before they are known to be text.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "read/source.h"

void
source_locate(const char *text, gsize off, int *line, int *col)
{
	const char *p, *bol = text;

	*line = 1;
	for (p = text; p < text + off; p++)
		if (*p == '\n') {
			(*line)++;
			bol = p + 1;
		}
	/* Count characters, not bytes, up to the offending byte. */
	*col = 1;
	for (p = bol; p < text + off; p = g_utf8_next_char(p))
		(*col)++;
}

/* Checks text is UTF-8 without NUL; adds an error at the first bad byte. */
static int
check_text(const char *path, const char *text, gsize len, struct diags *d)
{
	const char *end;
	int line, col;

	if (g_utf8_validate(text, (gssize)len, &end))
		return 0;
	source_locate(text, (gsize)(end - text), &line, &col);
	if (*end == '\0')
		diag_add(d, DIAG_ERROR, srcpos_at(path, line, col),
		    "NUL byte: this is a binary file, not a text source; "
		    "give the manifest the text itself");
	else
		diag_add(d, DIAG_ERROR, srcpos_at(path, line, col),
		    "invalid UTF-8 byte 0x%02x; convert the file to UTF-8 "
		    "(for instance with iconv -f WINDOWS-1252 -t UTF-8)",
		    (unsigned char)*end);
	return -1;
}

/* Drops a byte-order mark and the CR of every CR LF, in place. */
static gsize
strip_crlf(char *text, gsize len)
{
	gsize i, j = 0, start = 0;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	for (i = start; i < len; i++)
		if (!(text[i] == '\r' && i + 1 < len && text[i + 1] == '\n'))
			text[j++] = text[i];
	text[j] = '\0';
	return j;
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
source_read(const char *path, gsize max, gsize *len, struct diags *d)
{
	GError *err = NULL;
	struct stat st;
	char *text;

	if (stat(path, &st) == -1) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0),
		    "cannot read source: %s; check 'source' in the manifest",
		    g_strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0),
		    "not a regular file; 'source' must name a text file");
		return NULL;
	}
	if ((guint64)st.st_size > max) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0),
		    "source is %" G_GUINT64_FORMAT " bytes, over the limit of "
		    "%" G_GSIZE_FORMAT "; split it into chapters or raise "
		    "--max-source", (guint64)st.st_size, max);
		return NULL;
	}
	if (!g_file_get_contents(path, &text, len, &err)) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0),
		    "cannot read source: %s", err->message);
		g_error_free(err);
		return NULL;
	}
	if (check_text(path, text, *len, d) == -1) {
		g_free(text);
		return NULL;
	}
	*len = strip_crlf(text, *len);
	if (is_blank(text)) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, 0, 0), "the source "
		    "is empty; give 'source' a file with the chapter's text");
		g_free(text);
		return NULL;
	}
	return text;
}
