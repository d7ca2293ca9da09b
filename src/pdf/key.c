/*
 * key.c — what a print layout is made from, digested: the key under
 * which a kept layout (pages.h) is found again, and which any change to
 * the text, the style or the typesetting machinery changes.
 */
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <hb.h>
#include <pango/pango.h>

#include "hyph.h"
#include "pdf.h"

/* Adds len bytes, its length first: no two lists of parts hash alike. */
static void
add(GChecksum *sum, const void *bytes, gsize len)
{
	g_checksum_update(sum, (const guchar *)&len, sizeof(len));
	g_checksum_update(sum, bytes, (gssize)len);
}

static void
add_string(GChecksum *sum, const char *s)
{
	add(sum, s, strlen(s));
}

/* Adds a file's contents; FALSE if it cannot be read. */
static gboolean
add_file(GChecksum *sum, const char *path)
{
	char *text;
	gsize len;

	if (!g_file_get_contents(path, &text, &len, NULL))
		return FALSE;
	add(sum, text, len);
	g_free(text);
	return TRUE;
}

/* Adds a file's size and time of change, or nothing if it is not there. */
static void
add_stat(GChecksum *sum, const char *path)
{
	GStatBuf st;
	gint64 v[2];

	if (path == NULL || g_stat(path, &st) != 0)
		return;
	v[0] = (gint64)st.st_size;
	v[1] = (gint64)st.st_mtime;
	add(sum, v, sizeof(v));
}

char *
pdf_layout_key(const struct edition *e, const char *manifest,
    const char *print_style, const char *sources_digest)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	char *patterns = hyph_patterns(e->language), *key = NULL;

	add_stat(sum, "/proc/self/exe");
	add_string(sum, pango_version_string());
	add_string(sum, cairo_version_string());
	add_string(sum, hb_version_string());
	add_stat(sum, patterns);
	if (add_file(sum, manifest) && add_file(sum, print_style)) {
		add_string(sum, sources_digest);
		key = g_strdup(g_checksum_get_string(sum));
	}
	g_free(patterns);
	g_checksum_free(sum);
	return key;
}
