/*
 * kept.c — files kept between builds (kept.h).  A kept file is a line
 * "octavo-kept KEY" and then the bytes, as made.
 */
#include <string.h>

#include "out/kept.h"
#include "read/file.h"

#define KEPT_MAGIC	"octavo-kept "
#define KEPT_MAX	(256 * 1024 * 1024)	/* bytes: no cache is larger */

GBytes *
kept_load(const char *path, const char *key)
{
	GBytes *whole, *data = NULL;
	char *text;
	gsize len, head = strlen(KEPT_MAGIC) + strlen(key) + 1;

	if ((text = file_read(path, "", KEPT_MAX, "", &len, NULL)) == NULL)
		return NULL;
	whole = g_bytes_new_take(text, len);
	if (len >= head && strncmp(text, KEPT_MAGIC, strlen(KEPT_MAGIC)) == 0 &&
	    strncmp(text + strlen(KEPT_MAGIC), key, strlen(key)) == 0 &&
	    text[head - 1] == '\n')
		data = g_bytes_new_from_bytes(whole, head, len - head);
	g_bytes_unref(whole);
	return data;
}

gboolean
kept_save(const char *path, const char *key, GBytes *data, GError **err)
{
	GString *out = g_string_new(KEPT_MAGIC);
	gconstpointer bytes;
	gsize len;
	gboolean ok;

	bytes = g_bytes_get_data(data, &len);
	g_string_append_printf(out, "%s\n", key);
	g_string_append_len(out, bytes, (gssize)len);
	ok = g_file_set_contents(path, out->str, (gssize)out->len, err);
	g_string_free(out, TRUE);
	return ok;
}
