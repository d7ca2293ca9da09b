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

/* Prints where a diagnostic is: "FILE:LINE:COL: ", as far as known. */
static void
print_pos(FILE *f, const struct srcpos *pos)
{
	if (pos->file == NULL)
		return;
	fputs(pos->file, f);
	if (pos->line > 0)
		fprintf(f, ":%d", pos->line);
	if (pos->col > 0)
		fprintf(f, ":%d", pos->col);
	fputs(": ", f);
}

/* A warning's key among those flushed together: its file and message. */
static char *
warning_key(const struct diag *dg)
{
	return g_strconcat(dg->pos.file != NULL ? dg->pos.file : "", "\n",
	    dg->msg, NULL);
}

/* Warnings that say the same of one file: the first, the last, how many. */
struct same {
	guint	first, last, count;
};

/*
 * The warnings to flush, by their key: each key's first and last, and
 * how many say it (a note referred to 20,000 times is one line).
 */
static GHashTable *
repeats(const struct diags *d)
{
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, g_free);
	guint i;

	for (i = d->printed; i < d->list->len; i++) {
		const struct diag *dg = &g_array_index(d->list, struct diag, i);
		char *key;
		struct same *sm;

		if (dg->level != DIAG_WARNING)
			continue;
		key = warning_key(dg);
		if ((sm = g_hash_table_lookup(seen, key)) == NULL) {
			sm = g_new0(struct same, 1);
			sm->first = i;
			g_hash_table_insert(seen, key, sm);
		} else
			g_free(key);
		sm->last = i;
		sm->count++;
	}
	return seen;
}

/*
 * Prints the diagnostics added since the last flush, those at least as
 * grave as least.  A warning others repeat word for word is printed
 * once, with how many more there are and where the last is.
 */
void
diag_flush(struct diags *d, FILE *f, enum diag_level least)
{
	GHashTable *same = repeats(d);

	for (; d->printed < d->list->len; d->printed++) {
		const struct diag *dg =
		    &g_array_index(d->list, struct diag, d->printed);
		const struct same *sm = NULL;

		if (dg->level < least)
			continue;
		if (dg->level == DIAG_WARNING) {
			char *key = warning_key(dg);

			sm = g_hash_table_lookup(same, key);
			g_free(key);
			if (sm->first != d->printed)
				continue;
		}
		fputs("octavo: ", f);
		print_pos(f, &dg->pos);
		fprintf(f, "%s: %s", level_names[dg->level], dg->msg);
		if (sm != NULL && sm->count > 1) {
			const struct srcpos *last = &g_array_index(d->list,
			    struct diag, sm->last).pos;

			fprintf(f, " (and %u more like it", sm->count - 1);
			if (last->line > 0)
				fprintf(f, ", the last at line %d", last->line);
			fputc(')', f);
		}
		fputc('\n', f);
	}
	g_hash_table_destroy(same);
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
