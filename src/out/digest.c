/*
 * digest.c — digests of what an output is made from (digest.h).
 */
#define _GNU_SOURCE		/* dladdr(3) */

#include <dlfcn.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <hb.h>
#include <libdeflate.h>
#include <pango/pango.h>

#include "out/digest.h"
#include "read/file.h"

GChecksum *
digest_new(void)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);

	digest_program(sum);
	return sum;
}

void
digest_program(GChecksum *sum)
{
	digest_stat(sum, "/proc/self/exe");
	digest_string(sum, pango_version_string());
	digest_string(sum, cairo_version_string());
	digest_string(sum, hb_version_string());
}

void
digest_library(GChecksum *sum, const void *symbol)
{
	Dl_info info;

	if (dladdr(symbol, &info) == 0 || info.dli_fname == NULL)
		digest_string(sum, NULL);
	else
		(void)digest_stat(sum, info.dli_fname);
}

void
digest_bytes(GChecksum *sum, const void *bytes, gsize len)
{
	g_checksum_update(sum, (const guchar *)&len, sizeof(len));
	g_checksum_update(sum, bytes, (gssize)len);
}

void
digest_string(GChecksum *sum, const char *s)
{
	static const guchar none = 0xff;	/* never in UTF-8 */

	if (s == NULL)
		digest_bytes(sum, &none, 1);
	else
		digest_bytes(sum, s, strlen(s));
}

gboolean
digest_file(GChecksum *sum, const char *path)
{
	char *text;
	gsize len;

	if (path == NULL || (text = file_read(path, "", FILE_MAX_DATA, "",
	    &len, NULL)) == NULL)
		return FALSE;
	digest_bytes(sum, text, len);
	g_free(text);
	return TRUE;
}

gboolean
digest_stat(GChecksum *sum, const char *path)
{
	GStatBuf st;
	gint64 v[2];

	if (path == NULL || g_stat(path, &st) != 0)
		return FALSE;
	v[0] = (gint64)st.st_size;
	v[1] = (gint64)st.st_mtime;
	digest_bytes(sum, v, sizeof(v));
	return TRUE;
}

char *
digest_deflated_key(void)
{
	GChecksum *sum = digest_new();

	digest_library(sum, (const void *)libdeflate_alloc_compressor);
	return digest_finish(sum);
}

char *
digest_finish(GChecksum *sum)
{
	char *hex = g_strdup(g_checksum_get_string(sum));

	g_checksum_free(sum);
	return hex;
}
