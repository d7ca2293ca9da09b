/*
 * kept.c — a group's normalization as bytes, and back (kept.h).
 *
 * In order: the chapters (each its id, CommonMark, line map, preface
 * and its map, metadata, and whether it was CommonMark or begins at a
 * split), the rules' changes, the book's YAML metadata, then the
 * diagnostics normalize added.  A count or a length is 32 bits; a
 * string that may be NULL has the length NO_STRING for NULL.
 */
#include <string.h>

#include <hyphen.h>

#include "bytes.h"
#include "normalize/kept.h"
#include "out/digest.h"
#include "read/hyphen.h"

#define NO_STRING	G_MAXUINT32

/* Where the fields of struct meta and struct markdown_meta are: they
 * are written and read in this order. */
#define META_FIELDS(m) { &(m)->label, &(m)->title, &(m)->subtitle, \
	&(m)->author, &(m)->translator, &(m)->published, &(m)->source, \
	&(m)->credits, &(m)->dedication, &(m)->affiliation }
#define BOOK_FIELDS(m) { &(m)->title, &(m)->subtitle, &(m)->author, \
	&(m)->date, &(m)->language, &(m)->identifier, &(m)->rights, \
	&(m)->description, &(m)->publisher }

/* A string, or NULL. */
static void
put_string(GString *out, const char *s)
{
	if (s == NULL)
		bytes_put_u32(out, NO_STRING);
	else
		bytes_put_counted(out, s, strlen(s));
}

static void
put_ints(GString *out, const GArray *a)
{
	bytes_put_counted(out, a != NULL ? a->data : "", a != NULL ?
	    a->len * sizeof(int) : 0);
}

static void
put_strings(GString *out, char *const *const *fields, gsize n)
{
	gsize i;

	for (i = 0; i < n; i++)
		put_string(out, *fields[i]);
}

static void
put_chapter(GString *out, const struct normalized *n)
{
	const struct meta *m = &n->meta;
	char *const *const fields[] = META_FIELDS(m);

	put_string(out, n->id);
	bytes_put_counted(out, n->md->str, n->md->len);
	put_ints(out, n->srcline);
	bytes_put_counted(out, n->preface != NULL ? n->preface->str : "",
	    n->preface != NULL ? n->preface->len : 0);
	put_ints(out, n->preface_srcline);
	put_strings(out, fields, G_N_ELEMENTS(fields));
	bytes_put_u32(out, (guint32)n->markdown);
	bytes_put_u32(out, (guint32)n->split);
}

void
normalization_put(GString *out, const struct normalization *nz,
    const struct diags *d, guint first)
{
	const struct markdown_meta *b = &nz->book;
	char *const *const book[] = BOOK_FIELDS(b);
	guint i;

	bytes_put_u32(out, nz->chapters->len);
	for (i = 0; i < nz->chapters->len; i++)
		put_chapter(out, g_ptr_array_index(nz->chapters, i));
	bytes_put_u32(out, nz->changes->len);
	for (i = 0; i < nz->changes->len; i++) {
		const struct change *c = &g_array_index(nz->changes,
		    struct change, i);

		bytes_put_u32(out, (guint32)c->line);
		put_string(out, c->removed);
		put_string(out, c->added);
		put_string(out, c->rule);
		bytes_put_u32(out, (guint32)c->renumbered);
	}
	put_strings(out, book, G_N_ELEMENTS(book));
	bytes_put_u32(out, d->list->len - first);
	for (i = first; i < d->list->len; i++) {
		const struct diag *dg = &g_array_index(d->list, struct diag, i);

		bytes_put_u32(out, (guint32)dg->level);
		put_string(out, dg->pos.file);
		bytes_put_u32(out, (guint32)dg->pos.line);
		bytes_put_u32(out, (guint32)dg->pos.col);
		put_string(out, dg->msg);
	}
}

static gboolean
get_int(struct bytes_reader *r, int *v)
{
	guint32 u;

	if (!bytes_read_u32(r, &u))
		return FALSE;
	*v = (int)u;
	return TRUE;
}

/* A length and its bytes, not copied; FALSE if they are not all there
 * (or, unless nullable, stand for NULL). */
static gboolean
get_span(struct bytes_reader *r, const char **s, gsize *len, gboolean nullable)
{
	guint32 n;

	if (!bytes_read_u32(r, &n))
		return FALSE;
	if (n == NO_STRING && nullable) {
		*s = NULL;
		*len = 0;
		return TRUE;
	}
	if ((*s = (const char *)bytes_read(r, n)) == NULL)
		return FALSE;
	*len = n;
	return TRUE;
}

/* A string, newly allocated, or NULL; FALSE, *out as it was, if it is
 * not whole or holds a NUL. */
static gboolean
get_string(struct bytes_reader *r, char **out)
{
	const char *s;
	gsize len;

	if (!get_span(r, &s, &len, TRUE) || (s != NULL &&
	    memchr(s, '\0', len) != NULL))
		return FALSE;
	*out = s != NULL ? g_strndup(s, len) : NULL;
	return TRUE;
}

static gboolean
get_text(struct bytes_reader *r, GString *into)
{
	const char *s;
	gsize len;

	if (!get_span(r, &s, &len, FALSE))
		return FALSE;
	g_string_append_len(into, s, (gssize)len);
	return TRUE;
}

static gboolean
get_ints(struct bytes_reader *r, GArray *into)
{
	const char *s;
	gsize len;

	if (!get_span(r, &s, &len, FALSE) || len % sizeof(int) != 0)
		return FALSE;
	g_array_append_vals(into, s, (guint)(len / sizeof(int)));
	return TRUE;
}

static gboolean
get_strings(struct bytes_reader *r, char **const *fields, gsize n)
{
	gsize i;

	for (i = 0; i < n; i++)
		if (!get_string(r, fields[i]))
			return FALSE;
	return TRUE;
}

/* A chapter, into nz's; FALSE if it is not whole. */
static gboolean
get_chapter(struct bytes_reader *r, struct normalization *nz)
{
	char *id = NULL;
	struct normalized *n;
	gboolean ok;

	if (!get_string(r, &id) || id == NULL) {
		g_free(id);
		return FALSE;
	}
	n = normalized_new(id);
	g_free(id);
	g_ptr_array_add(nz->chapters, n);
	{
		struct meta *m = &n->meta;
		char **const fields[] = META_FIELDS(m);

		ok = get_text(r, n->md) && get_ints(r, n->srcline) &&
		    get_text(r, n->preface) &&
		    get_ints(r, n->preface_srcline) &&
		    get_strings(r, fields, G_N_ELEMENTS(fields)) &&
		    get_int(r, &n->markdown) && get_int(r, &n->split);
	}
	return ok;
}

/* A change, onto nz's; FALSE if it is not whole.  Its rule's name is
 * interned: a rule's name lives as long as the program. */
static gboolean
get_change(struct bytes_reader *r, struct normalization *nz)
{
	struct change c = { 0, NULL, NULL, NULL, 0 };
	char *rule = NULL;
	gboolean ok;

	ok = get_int(r, &c.line) && get_string(r, &c.removed) &&
	    get_string(r, &c.added) && get_string(r, &rule) && rule != NULL &&
	    get_int(r, &c.renumbered);
	c.rule = rule != NULL ? g_intern_string(rule) : NULL;
	g_free(rule);
	g_array_append_val(nz->changes, c);	/* freed with nz if not ok */
	return ok;
}

/* The diagnostics, added to said; FALSE if one is not whole. */
static gboolean
get_diags(struct bytes_reader *r, struct diags *said)
{
	guint32 n, i, level;

	if (!bytes_read_u32(r, &n))
		return FALSE;
	for (i = 0; i < n; i++) {
		struct srcpos pos = { NULL, 0, 0 };
		char *file = NULL, *msg = NULL;

		if (!bytes_read_u32(r, &level) || level > DIAG_ERROR ||
		    !get_string(r, &file) || !get_int(r, &pos.line) ||
		    !get_int(r, &pos.col) || !get_string(r, &msg) ||
		    msg == NULL) {
			g_free(file);
			g_free(msg);
			return FALSE;
		}
		pos.file = file;
		diag_add(said, (enum diag_level)level, pos, "%s", msg);
		g_free(file);
		g_free(msg);
	}
	return TRUE;
}

gboolean
normalization_get(const guint8 *bytes, gsize len, struct normalization *nz,
    struct diags *d)
{
	struct bytes_reader r = { bytes, len };
	struct markdown_meta *b = &nz->book;
	char **const book[] = BOOK_FIELDS(b);
	struct diags said;
	guint32 n, i;
	gboolean ok = bytes_read_u32(&r, &n);

	diags_init(&said);
	for (i = 0; ok && i < n; i++)
		ok = get_chapter(&r, nz);
	ok = ok && bytes_read_u32(&r, &n);
	for (i = 0; ok && i < n; i++)
		ok = get_change(&r, nz);
	ok = ok && get_strings(&r, book, G_N_ELEMENTS(book)) &&
	    get_diags(&r, &said) && r.left == 0;
	if (ok)
		diags_move(d, &said);
	else {
		g_ptr_array_set_size(nz->chapters, 0);
		g_array_set_size(nz->changes, 0);
		markdown_meta_clear(&nz->book);
	}
	diags_release(&said);
	return ok;
}

char *
normalization_key(const struct manuscript *ms)
{
	GChecksum *sum = digest_new();
	guint i;

	if (!digest_file(sum, ms->path)) {
		g_checksum_free(sum);
		return NULL;
	}
	digest_string(sum, ms->path);
	digest_library(sum, (const void *)hnj_hyphen_load);
	digest_library(sum, (const void *)g_utf8_strlen);
	for (i = 0; i < ms->groups->len; i++) {
		const struct group *g = g_ptr_array_index(ms->groups, i);
		char *patterns = hyphen_patterns(g->language, NULL);

		digest_string(sum, patterns);
		(void)digest_stat(sum, patterns);
		g_free(patterns);
	}
	return digest_finish(sum);
}
