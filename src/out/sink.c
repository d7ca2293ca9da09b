/*
 * sink.c — an output's bytes into a file or into memory, with the first
 * error kept for the end.
 */
#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "out/sink.h"

void
sink_memory(struct sink *s, const char *name)
{
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->mem = g_byte_array_new();
}

int
sink_open(struct sink *s, const char *path, const char *name,
    struct diags *d)
{
	memset(s, 0, sizeof(*s));
	s->name = name;
	if ((s->fp = g_fopen(path, "wb")) != NULL)
		return 0;
	diag_add(d, DIAG_ERROR, srcpos_at(name, 0, 0), "cannot write here: "
	    "%s; choose another output path", g_strerror(errno));
	return -1;
}

int
sink_write(struct sink *s, const void *bytes, gsize len)
{
	if (s->err != 0)
		return -1;
	if (s->fp == NULL) {
		gsize over = MIN(len, s->mem->len - s->at);

		if (over > 0)	/* an empty array's data is NULL */
			memcpy(s->mem->data + s->at, bytes, over);
		g_byte_array_append(s->mem, (const guint8 *)bytes + over,
		    (guint)(len - over));
		s->at += len;
		return 0;
	}
	if (fwrite(bytes, 1, len, s->fp) == len)
		return 0;
	s->err = errno != 0 ? errno : EIO;
	return -1;
}

gint64
sink_tell(struct sink *s)
{
	off_t at;

	if (s->err != 0)
		return -1;
	if (s->fp == NULL)
		return (gint64)s->at;
	if ((at = ftello(s->fp)) != -1)
		return (gint64)at;
	s->err = errno != 0 ? errno : EIO;
	return -1;
}

int
sink_seek(struct sink *s, gint64 offset)
{
	if (s->err != 0)
		return -1;
	if (s->fp == NULL) {
		if (offset < 0 || (guint64)offset > s->mem->len) {
			s->err = EINVAL;
			return -1;
		}
		s->at = (gsize)offset;
		return 0;
	}
	if (fseeko(s->fp, (off_t)offset, SEEK_SET) == 0)
		return 0;
	s->err = errno != 0 ? errno : EIO;
	return -1;
}

int
sink_close(struct sink *s, const char *what, struct diags *d)
{
	if (s->fp != NULL && fclose(s->fp) != 0 && s->err == 0)
		s->err = errno;
	if (s->mem != NULL)
		g_byte_array_unref(s->mem);
	s->fp = NULL;
	s->mem = NULL;
	if (s->err == 0)
		return 0;
	diag_add(d, DIAG_ERROR, srcpos_at(s->name, 0, 0), "cannot write %s: "
	    "%s", what, g_strerror(s->err));
	return -1;
}
