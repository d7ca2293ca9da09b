/*
 * diag.c — collecting and printing diagnostics.
 */
#include <string.h>

#include "diag.h"

static const char *const level_names[] = {
	"info", "unsure", "warning", "error"
};

void
diags_init(struct diags *d)
{
	d->list = g_array_new(FALSE, FALSE, sizeof(struct diag));
	d->files = g_string_chunk_new(256);
	d->printed = 0;
	d->worst = DIAG_INFO;
	memset(d->count, 0, sizeof(d->count));
}

void
diags_release(struct diags *d)
{
	guint i;

	for (i = 0; i < d->list->len; i++)
		g_free(g_array_index(d->list, struct diag, i).msg);
	g_array_free(d->list, TRUE);
	g_string_chunk_free(d->files);
	d->list = NULL;
	d->files = NULL;
}

void
diag_add(struct diags *d, enum diag_level level, struct srcpos pos,
    const char *fmt, ...)
{
	struct diag dg;
	va_list ap;

	va_start(ap, fmt);
	dg.level = level;
	dg.pos = pos;
	if (pos.file != NULL)
		dg.pos.file = g_string_chunk_insert_const(d->files, pos.file);
	dg.msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_array_append_val(d->list, dg);
	d->count[level]++;
	if (level > d->worst)
		d->worst = level;
}

void
diags_move(struct diags *to, struct diags *from)
{
	guint i;

	for (i = 0; i < from->list->len; i++) {
		struct diag dg = g_array_index(from->list, struct diag, i);

		if (dg.pos.file != NULL)
			dg.pos.file = g_string_chunk_insert_const(to->files,
			    dg.pos.file);
		g_array_append_val(to->list, dg);
		to->count[dg.level]++;
		if (dg.level > to->worst)
			to->worst = dg.level;
	}
	g_array_set_size(from->list, 0);	/* the messages are to's now */
	from->printed = 0;
}

/* Prints the diagnostics added since the last flush, those at least as grave as least. */
void
diag_flush(struct diags *d, FILE *f, enum diag_level least)
{
	for (; d->printed < d->list->len; d->printed++) {
		const struct diag *dg =
		    &g_array_index(d->list, struct diag, d->printed);

		if (dg->level < least)
			continue;
		fputs("octavo: ", f);
		if (dg->pos.file != NULL) {
			fputs(dg->pos.file, f);
			if (dg->pos.line > 0)
				fprintf(f, ":%d", dg->pos.line);
			if (dg->pos.col > 0)
				fprintf(f, ":%d", dg->pos.col);
			fputs(": ", f);
		}
		fprintf(f, "%s: %s\n", level_names[dg->level], dg->msg);
	}
	fflush(f);
}

int
diags_failed(const struct diags *d)
{
	return d->count[DIAG_ERROR] > 0;
}

struct srcpos
srcpos_at(const char *file, int line, int col)
{
	struct srcpos p = { file, line, col };

	return p;
}
