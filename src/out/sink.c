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
		g_byte_array_append(s->mem, bytes, (guint)len);
		return 0;
	}
	if (fwrite(bytes, 1, len, s->fp) == len)
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
