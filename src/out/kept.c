/*
 * kept.c — files kept between builds (kept.h).  A kept file is a line
 * "octavo-kept KEY CRC" and then the bytes, as made: CRC, the CRC-32 of
 * the bytes in eight hexadecimal digits, tells a file cut short or
 * damaged on the disk from one whole.
 */
#include <stdio.h>
#include <string.h>

#include <libdeflate.h>

#include "out/kept.h"
#include "read/file.h"

#define KEPT_MAGIC	"octavo-kept "
#define KEPT_MAX	(256 * 1024 * 1024)	/* bytes: no cache is larger */
#define CRC_DIGITS	8

/* The CRC-32 of len bytes, as the header line writes it. */
static void
crc_hex(const void *bytes, gsize len, char hex[CRC_DIGITS + 1])
{
	snprintf(hex, CRC_DIGITS + 1, "%08x",
	    (unsigned)libdeflate_crc32(0, bytes, len));
}

GBytes *
kept_load(const char *path, const char *key)
{
	GBytes *whole, *data = NULL;
	char *text, crc[CRC_DIGITS + 1];
	gsize len, magic = strlen(KEPT_MAGIC), keylen = strlen(key);
	gsize head = magic + keylen + 1 + CRC_DIGITS + 1;

	if ((text = file_read(path, "", KEPT_MAX, "", &len, NULL)) == NULL)
		return NULL;
	whole = g_bytes_new_take(text, len);
	if (len >= head && strncmp(text, KEPT_MAGIC, magic) == 0 &&
	    strncmp(text + magic, key, keylen) == 0 &&
	    text[magic + keylen] == ' ' && text[head - 1] == '\n') {
		crc_hex(text + head, len - head, crc);
		if (strncmp(text + magic + keylen + 1, crc, CRC_DIGITS) == 0)
			data = g_bytes_new_from_bytes(whole, head, len - head);
	}
	g_bytes_unref(whole);
	return data;
}

gboolean
kept_save(const char *path, const char *key, GBytes *data, GError **err)
{
	GString *out = g_string_new(KEPT_MAGIC);
	gconstpointer bytes;
	char crc[CRC_DIGITS + 1];
	gsize len;
	gboolean ok;

	bytes = g_bytes_get_data(data, &len);
	crc_hex(bytes, len, crc);
	g_string_append_printf(out, "%s %s\n", key, crc);
	g_string_append_len(out, bytes, (gssize)len);
	ok = g_file_set_contents(path, out->str, (gssize)out->len, err);
	g_string_free(out, TRUE);
	return ok;
}
