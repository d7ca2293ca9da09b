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
	/* Mapped, not read: a copy would be fresh memory for the system to
	 * clear.  A build never writes the file in place, but a new one
	 * renamed over it. */
	GMappedFile *mf = g_mapped_file_new(path, FALSE, NULL);
	GBytes *whole, *data = NULL;
	const char *text;
	char crc[CRC_DIGITS + 1];
	gsize len, magic = strlen(KEPT_MAGIC), keylen = strlen(key);
	gsize head = magic + keylen + 1 + CRC_DIGITS + 1;

	if (mf == NULL)
		return NULL;
	if ((len = g_mapped_file_get_length(mf)) > KEPT_MAX) {
		g_mapped_file_unref(mf);
		return NULL;
	}
	whole = g_mapped_file_get_bytes(mf);
	g_mapped_file_unref(mf);
	text = g_bytes_get_data(whole, NULL);
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

/* The errno of a failure that did not set one: EIO. */
static int
failure(void)
{
	return errno != 0 ? errno : EIO;
}

void
kept_begin(struct kept_file *kf, const char *path)
{
	int fd;

	memset(kf, 0, sizeof(*kf));
	kf->path = g_strdup(path);
	kf->tmp = g_strdup_printf("%s.XXXXXX", path);
	if ((fd = g_mkstemp_full(kf->tmp, O_WRONLY, 0666)) == -1 ||
	    (kf->fp = fdopen(fd, "wb")) == NULL) {
		kf->err = failure();
		if (fd != -1) {
			close(fd);
			g_unlink(kf->tmp);
		}
		g_clear_pointer(&kf->tmp, g_free);
		return;
	}
	kf->buf = g_malloc(KEPT_BUFFER);
	setvbuf(kf->fp, kf->buf, _IOFBF, KEPT_BUFFER);
}

void
kept_write(struct kept_file *kf, const void *bytes, gsize len)
{
	if (kf->fp == NULL || kf->err != 0)
		return;
	if (fwrite(bytes, 1, len, kf->fp) != len)
		kf->err = failure();
	else
		kf->written += len;
}

/*
 * Not synced: a kept file cut short by a crash fails its CRC, and a
 * cache is not worth the disk's time.
 */
gboolean
kept_end(struct kept_file *kf, gboolean keep, GError **err)
{
	int e = kf->err;

	if (kf->fp != NULL && fclose(kf->fp) != 0 && e == 0)
		e = failure();
	kf->fp = NULL;
	g_free(kf->buf);
	if (keep && e == 0 && g_rename(kf->tmp, kf->path) != 0)
		e = failure();
	if (kf->tmp != NULL && (!keep || e != 0))
		g_unlink(kf->tmp);
	if (keep && e != 0)
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e),
		    "cannot write %s: %s", kf->path, g_strerror(e));
	g_free(kf->tmp);
	g_free(kf->path);
	memset(kf, 0, sizeof(*kf));
	return !keep || e == 0;
}

/*
 * The header line and the bytes each written as they are: not copied
 * into one buffer first (some megabytes of fresh pages, which cost
 * more than the writing).
 */
gboolean
kept_save(const char *path, const char *key, GBytes *data, GError **err)
{
	gconstpointer bytes = g_bytes_get_data(data, NULL);
	gsize len = g_bytes_get_size(data);
	char crc[CRC_DIGITS + 1], *head;
	struct kept_file kf;

	crc_hex(bytes, len, crc);
	head = g_strdup_printf("%s%s %s\n", KEPT_MAGIC, key, crc);
	kept_begin(&kf, path);
	kept_write(&kf, head, strlen(head));
	kept_write(&kf, bytes, len);
	g_free(head);
	return kept_end(&kf, TRUE, err);
}
