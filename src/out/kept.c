/*
 * kept.c — files kept between builds (kept.h).  A kept file is a line
 * "octavo-kept KEY CRC" and then the bytes, as made: CRC, the CRC-32 of
 * the bytes in eight hexadecimal digits, tells a file cut short or
 * damaged on the disk from one whole.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
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

/*
 * Written beside path and renamed over it, the header line and the
 * bytes each as they are: not copied into one buffer first (some
 * megabytes of fresh pages, which cost more than the writing), and not
 * synced, since a file cut short by a crash fails its CRC.
 */
gboolean
kept_save(const char *path, const char *key, GBytes *data, GError **err)
{
	char *tmp = g_strdup_printf("%s.XXXXXX", path), crc[CRC_DIGITS + 1];
	gconstpointer bytes = g_bytes_get_data(data, NULL);
	gsize len = g_bytes_get_size(data);
	FILE *f = NULL;
	int fd, e;
	gboolean ok;

	crc_hex(bytes, len, crc);
	ok = (fd = g_mkstemp_full(tmp, O_WRONLY, 0666)) != -1 &&
	    (f = fdopen(fd, "wb")) != NULL &&
	    fprintf(f, "%s%s %s\n", KEPT_MAGIC, key, crc) > 0 &&
	    fwrite(bytes, 1, len, f) == len;
	e = ok ? 0 : errno;
	if (f != NULL && fclose(f) != 0 && ok) {
		ok = FALSE;
		e = errno;
	} else if (f == NULL && fd != -1)
		close(fd);
	if (ok && g_rename(tmp, path) != 0) {
		ok = FALSE;
		e = errno;
	}
	if (!ok) {
		if (fd != -1)
			g_unlink(tmp);
		e = e != 0 ? e : EIO;
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e),
		    "cannot write %s: %s", path, g_strerror(e));
	}
	g_free(tmp);
	return ok;
}
