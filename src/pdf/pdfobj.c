/*
 * pdfobj.c — Cairo's PDF read in place: the cross-reference table, each
 * object's span, a dictionary's values, an array's items, strings; and
 * the values written back (pdfobj.h).
 */
#define _DEFAULT_SOURCE		/* madvise(2), Linux's and the BSDs' */

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "lex.h"
#include "pdfobj.h"

/* Objects read between two lettings go of a map: some 16 MB of it, at
 * most, with the pages the system maps around each. */
#define LET_GO_READS	256
/* A file smaller is held whole: let go, its pages would only be read
 * again, each at the cost of a fault. */
#define LET_GO_FROM	((gsize)8 << 20)

static struct lexer
lexer_of(struct pdf_span v)
{
	struct lexer lx = { v.s, v.n, 0 };

	return lx;
}

static struct pdf_span
span(const struct lexer *lx, gsize start, gsize end)
{
	struct pdf_span v = { lx->s + start, end - start };

	return v;
}

static gboolean
opens(const struct lexer *lx, const struct lex_token *t)
{
	return lex_is(lx, t, "<<") || lex_is(lx, t, "[");
}

static gboolean
closes(const struct lexer *lx, const struct lex_token *t)
{
	return lex_is(lx, t, ">>") || lex_is(lx, t, "]");
}

/*
 * The next whole value: a dictionary or an array with all it holds, a
 * reference's three tokens, or one token.  FALSE at the end, or at
 * what closes the dictionary or array being read.
 */
static gboolean
next_value(struct lexer *lx, struct pdf_span *v)
{
	struct lex_token t = lex_next(lx), u, w;
	gsize start = t.start, after;
	int depth;

	if (t.kind == LEX_END || closes(lx, &t))
		return FALSE;
	if (opens(lx, &t)) {
		for (depth = 1; depth > 0; ) {
			u = lex_next(lx);
			if (u.kind == LEX_END)
				return FALSE;
			depth += opens(lx, &u) ? 1 : closes(lx, &u) ? -1 : 0;
		}
		*v = span(lx, start, u.end);
		return TRUE;
	}
	*v = span(lx, start, t.end);
	if (t.kind != LEX_NUMBER)
		return TRUE;
	after = lx->i;
	u = lex_next(lx);
	w = lex_next(lx);
	if (u.kind == LEX_NUMBER && w.kind == LEX_KEYWORD && lex_is(lx, &w, "R"))
		*v = span(lx, start, w.end);
	else
		lx->i = after;
	return TRUE;
}

gboolean
pdf_is(struct pdf_span v, const char *text)
{
	gsize len = strlen(text);

	return v.n == len && memcmp(v.s, text, len) == 0;
}

/* The value of key in a dictionary, or FALSE. */
static gboolean
dict_get(struct pdf_span dict, const char *key, struct pdf_span *value)
{
	struct lexer lx = lexer_of(dict);
	struct lex_token t = lex_next(&lx);
	struct pdf_span v;

	if (!lex_is(&lx, &t, "<<"))
		return FALSE;
	for (;;) {
		t = lex_next(&lx);
		if (t.kind == LEX_END || lx.s[t.start] != '/')
			return FALSE;
		if (!next_value(&lx, &v))
			return FALSE;
		if (lex_is(&lx, &t, key)) {
			*value = v;
			return TRUE;
		}
	}
}

struct pdf_span
pdf_dict_value(struct pdf_span dict, const char *key)
{
	struct pdf_span v = { NULL, 0 };

	if (!dict_get(dict, key, &v))
		v.s = NULL;
	return v;
}

gboolean
pdf_int(struct pdf_span v, gint64 *out)
{
	char buf[24];
	char *end;

	if (v.n == 0 || v.n >= sizeof(buf))
		return FALSE;
	memcpy(buf, v.s, v.n);
	buf[v.n] = '\0';
	*out = g_ascii_strtoll(buf, &end, 10);
	return *end == '\0';
}

guint
pdf_ref(struct pdf_span v)
{
	struct lexer lx = lexer_of(v);
	struct lex_token a = lex_next(&lx), b = lex_next(&lx), r = lex_next(&lx);
	gint64 num;

	if (a.kind != LEX_NUMBER || b.kind != LEX_NUMBER ||
	    !lex_is(&lx, &r, "R") || lex_next(&lx).kind != LEX_END ||
	    !pdf_int(span(&lx, a.start, a.end), &num) || num <= 0 ||
	    num > G_MAXINT)
		return 0;
	return (guint)num;
}

struct pdf_span
pdf_dict_follow(const struct pdf_file *f, struct pdf_span dict,
    const char *key)
{
	struct pdf_span v = pdf_dict_value(dict, key);
	guint ref = v.s != NULL ? pdf_ref(v) : 0;

	return ref != 0 ? pdf_file_value(f, ref) : v;
}

void
pdf_items_init(struct pdf_items *it, struct pdf_span v)
{
	struct lexer lx = lexer_of(v);
	struct lex_token t = lex_next(&lx);

	it->s = v.s;
	it->n = v.n;
	/* An array's items follow its bracket; anything else is one item. */
	it->i = lex_is(&lx, &t, "[") ? t.end : 0;
}

gboolean
pdf_items_next(struct pdf_items *it, struct pdf_span *item)
{
	struct lexer lx = { it->s, it->n, it->i };
	gboolean got = next_value(&lx, item);

	it->i = got ? lx.i : it->n;
	return got;
}

/*
 * The bytes of a literal string, its escapes undone; ends of lines
 * inside it are kept as they are (Cairo writes none).
 */
static GByteArray *
literal_bytes(struct pdf_span v)
{
	GByteArray *b = g_byte_array_new();
	gsize i;

	for (i = 1; i + 1 < v.n; i++) {
		guint8 c = (guint8)v.s[i];

		if (c == '\\' && i + 2 < v.n) {
			const char *esc = "n\nr\rt\tb\bf\f", *e;

			c = (guint8)v.s[++i];
			if (c >= '0' && c <= '7') {
				int k, octal = 0;

				for (k = 0; k < 3 && i + 1 < v.n && v.s[i] >= '0' &&
				    v.s[i] <= '7'; k++, i++)
					octal = octal * 8 + (v.s[i] - '0');
				i--;
				c = (guint8)octal;
			} else if (c == '\n' || c == '\r')
				continue;
			else if ((e = strchr(esc, c)) != NULL &&
			    (e - esc) % 2 == 0)
				c = (guint8)e[1];
		}
		g_byte_array_append(b, &c, 1);
	}
	return b;
}

static int
hex_digit(char c)
{
	return g_ascii_isxdigit(c) ? g_ascii_xdigit_value(c) : -1;
}

static GByteArray *
hex_bytes(struct pdf_span v)
{
	GByteArray *b = g_byte_array_new();
	int high = -1;
	gsize i;

	for (i = 1; i + 1 < v.n; i++) {
		int d = hex_digit(v.s[i]);
		guint8 c;

		if (d < 0)
			continue;
		if (high < 0) {
			high = d;
			continue;
		}
		c = (guint8)(high * 16 + d);
		g_byte_array_append(b, &c, 1);
		high = -1;
	}
	if (high >= 0) {
		guint8 c = (guint8)(high * 16);

		g_byte_array_append(b, &c, 1);
	}
	return b;
}

char *
pdf_string_utf8(struct pdf_span v)
{
	GByteArray *b;
	char *s;

	if (v.n < 2 || !((v.s[0] == '(' && v.s[v.n - 1] == ')') ||
	    (v.s[0] == '<' && v.s[1] != '<' && v.s[v.n - 1] == '>')))
		return NULL;
	b = v.s[0] == '(' ? literal_bytes(v) : hex_bytes(v);
	if (b->len >= 2 && b->data[0] == 0xfe && b->data[1] == 0xff)
		s = g_convert((const char *)b->data + 2, b->len - 2, "UTF-8",
		    "UTF-16BE", NULL, NULL, NULL);
	else
		s = g_convert((const char *)b->data, b->len, "UTF-8",
		    "ISO-8859-1", NULL, NULL, NULL);
	g_byte_array_free(b, TRUE);
	return s;
}

void
pdf_put_text(GString *out, const char *utf8)
{
	const char *p;
	gunichar2 *u;
	glong i, n;

	for (p = utf8; *p != '\0' && *p >= ' ' && *p <= '~'; p++)
		;
	if (*p == '\0') {
		g_string_append_c(out, '(');
		for (p = utf8; *p != '\0'; p++) {
			if (*p == '(' || *p == ')' || *p == '\\')
				g_string_append_c(out, '\\');
			g_string_append_c(out, *p);
		}
		g_string_append_c(out, ')');
		return;
	}
	u = g_utf8_to_utf16(utf8, -1, NULL, &n, NULL);
	g_string_append(out, "<FEFF");
	for (i = 0; u != NULL && i < n; i++)
		g_string_append_printf(out, "%04X", (unsigned)u[i]);
	g_string_append_c(out, '>');
	g_free(u);
}

static gboolean
dropped(const struct lexer *lx, const struct lex_token *key,
    const char *const *drop)
{
	for (; drop != NULL && *drop != NULL; drop++)
		if (lex_is(lx, key, *drop))
			return TRUE;
	return FALSE;
}

void
pdf_put_entries(GString *out, struct pdf_span dict, const char *const *drop,
    const char *add)
{
	struct lexer lx = lexer_of(dict);
	struct lex_token key = lex_next(&lx);
	struct pdf_span v;

	for (;;) {
		key = lex_next(&lx);
		if (key.kind == LEX_END || lx.s[key.start] != '/' ||
		    !next_value(&lx, &v))
			break;
		if (dropped(&lx, &key, drop))
			continue;
		g_string_append_len(out, lx.s + key.start,
		    (gssize)(key.end - key.start));
		g_string_append_c(out, ' ');
		g_string_append_len(out, v.s, (gssize)v.n);
		g_string_append(out, "\n   ");
	}
	if (add != NULL)
		g_string_append(out, add);
}

void
pdf_put_dict(GString *out, struct pdf_span dict, const char *const *drop,
    const char *add)
{
	g_string_append(out, "<< ");
	pdf_put_entries(out, dict, drop, add);
	g_string_append(out, " >>");
}

void
pdf_put_mapped(GString *out, struct pdf_span v, guint (*map)(guint, gpointer),
    gpointer arg)
{
	struct lexer lx = lexer_of(v);
	gsize copied = 0;
	struct pdf_span item;

	/* Each value in turn, nested ones opened: a reference is a value. */
	for (;;) {
		gsize at = lx.i;
		struct lex_token t = lex_next(&lx);
		guint target;
		gint64 num;

		if (t.kind == LEX_END)
			break;
		if (t.kind != LEX_NUMBER)
			continue;
		lx.i = at;
		if (!next_value(&lx, &item))
			break;
		if (pdf_ref(item) == 0)
			continue;
		pdf_int(span(&lx, t.start, t.end), &num);
		if ((target = map((guint)num, arg)) == 0)
			continue;
		g_string_append_len(out, v.s + copied,
		    (gssize)(t.start - copied));
		g_string_append_printf(out, "%u 0 R", target);
		copied = (gsize)(item.s - v.s) + item.n;
	}
	g_string_append_len(out, v.s + copied, (gssize)(v.n - copied));
}

/* What a table maps num to, or 0. */
static guint
looked_up(guint num, gpointer to)
{
	return GPOINTER_TO_UINT(g_hash_table_lookup(to, GUINT_TO_POINTER(num)));
}

void
pdf_put_repointed(GString *out, struct pdf_span v, GHashTable *to)
{
	pdf_put_mapped(out, v, looked_up, to);
}

static gint
by_offset(gconstpointer a, gconstpointer b, gpointer at)
{
	gsize x = ((const gsize *)at)[*(const guint *)a];
	gsize y = ((const gsize *)at)[*(const guint *)b];

	return x < y ? -1 : x > y;
}

GArray *
pdf_file_order(const struct pdf_file *pf)
{
	GArray *order = g_array_new(FALSE, FALSE, sizeof(guint));
	guint num;

	for (num = 1; num < pf->objects; num++)
		if (pf->at[num] != 0)
			g_array_append_val(order, num);
	g_array_sort_with_data(order, by_offset, pf->at);
	return order;
}

/* Where "startxref" says the table is, or 0. */
static gsize
table_at(const char *s, gsize n)
{
	gsize from = n > 64 ? n - 64 : 0;
	const char *p = g_strrstr_len(s + from, (gssize)(n - from),
	    "startxref");
	gint64 at;
	char *end;

	if (p == NULL)
		return 0;
	at = g_ascii_strtoll(p + strlen("startxref"), &end, 10);
	return at > 0 && (gsize)at < n ? (gsize)at : 0;
}

/* The table's entries: "first count" then count "offset gen n|f". */
static int
read_table(struct pdf_file *f, struct lexer *lx)
{
	for (;;) {
		gsize at = lx->i;
		struct lex_token a = lex_next(lx), b;
		gint64 first, count, i;

		if (a.kind != LEX_NUMBER) {
			lx->i = at;
			return 0;
		}
		b = lex_next(lx);
		/* No more objects than the file has bytes: the table is
		 * made as large as its numbers say. */
		if (!pdf_int(span(lx, a.start, a.end), &first) ||
		    !pdf_int(span(lx, b.start, b.end), &count) || first < 0 ||
		    count < 0 || first > (gint64)f->n ||
		    count > (gint64)f->n - first)
			return -1;
		if ((gint64)f->objects < first + count) {
			f->at = g_renew(gsize, f->at, first + count);
			memset(f->at + f->objects, 0, (gsize)(first + count -
			    f->objects) * sizeof(gsize));
			f->objects = (guint)(first + count);
		}
		for (i = 0; i < count; i++) {
			struct lex_token off = lex_next(lx), gen = lex_next(lx);
			struct lex_token use = lex_next(lx);
			gint64 o;

			(void)gen;
			if (!pdf_int(span(lx, off.start, off.end), &o) || o < 0 ||
			    (gsize)o >= f->n)
				return -1;
			f->at[first + i] = lex_is(lx, &use, "n") ? (gsize)o :
			    0;
		}
	}
}

int
pdf_file_read(struct pdf_file *f, const char *data, gsize len)
{
	struct lexer lx = { data, len, 0 };
	struct lex_token t;
	struct pdf_span trailer;
	const char *nl;

	memset(f, 0, sizeof(*f));
	f->s = data;
	f->n = len;
	if (len < 8 || memcmp(data, "%PDF-", 5) != 0 ||
	    (lx.i = table_at(data, len)) == 0)
		return -1;
	t = lex_next(&lx);
	if (!lex_is(&lx, &t, "xref") || read_table(f, &lx) != 0)
		return -1;
	f->values = g_new0(struct pdf_value_at, MAX(f->objects, 1));
	t = lex_next(&lx);
	/* A file updated since it was written is not what Cairo writes. */
	if (!lex_is(&lx, &t, "trailer") || !next_value(&lx, &trailer) ||
	    pdf_dict_value(trailer, "/Prev").s != NULL)
		return -1;
	f->root = pdf_ref(pdf_dict_value(trailer, "/Root"));
	f->info = pdf_ref(pdf_dict_value(trailer, "/Info"));
	/* The header: the version line and the line of binary bytes. */
	nl = memchr(data, '\n', len);
	if (nl != NULL && (gsize)(nl - data) + 1 < len && nl[1] == '%')
		nl = memchr(nl + 1, '\n', len - (gsize)(nl + 1 - data));
	f->header.s = data;
	f->header.n = nl != NULL ? (gsize)(nl - data) + 1 : 0;
	return f->root != 0 ? 0 : -1;
}

void
pdf_file_release(struct pdf_file *f)
{
	g_clear_pointer(&f->at, g_free);
	g_clear_pointer(&f->values, g_free);
	f->objects = 0;
	g_free(f->reads);
	f->reads = NULL;
}

void
pdf_file_let_go(struct pdf_file *f)
{
	if ((guintptr)f->s % (guintptr)sysconf(_SC_PAGESIZE) == 0 &&
	    f->n >= LET_GO_FROM && f->reads == NULL)
		f->reads = g_new0(guint, 1);
}

void
pdf_file_give_back(const struct pdf_file *f)
{
	if ((guintptr)f->s % (guintptr)sysconf(_SC_PAGESIZE) == 0)
		madvise((void *)f->s, f->n, MADV_DONTNEED);
}

/* Every LET_GO_READS objects read, a mapped file's pages given back. */
static void
read_one(const struct pdf_file *f)
{
	if (f->reads != NULL && ++*f->reads >= LET_GO_READS) {
		madvise((void *)f->s, f->n, MADV_DONTNEED);
		*f->reads = 0;
	}
}

/*
 * Object num's header and value, into o; -1 if it is not where the
 * table says.  Its value only: a stream's data is found by the caller.
 */
static int
read_value(const struct pdf_file *f, guint num, struct lexer *lx,
    struct pdf_obj *o)
{
	struct lex_token a, b, t;
	struct pdf_value_at *v;
	gint64 n;
	gsize at, from;

	if (num == 0 || num >= f->objects || (at = f->at[num]) == 0)
		return -1;
	read_one(f);
	v = &f->values[num];
	o->num = num;
	o->data.s = NULL;
	o->data.n = 0;
	if (v->len != 0) {
		o->value = span(lx, at + v->from, at + v->from + v->len);
		lx->i = at + v->from + v->len;
		return 0;
	}
	lx->i = at;
	a = lex_next(lx);
	b = lex_next(lx);
	t = lex_next(lx);
	if (!pdf_int(span(lx, a.start, a.end), &n) || n != (gint64)num ||
	    b.kind != LEX_NUMBER || !lex_is(lx, &t, "obj") ||
	    !next_value(lx, &o->value))
		return -1;
	from = (gsize)(o->value.s - lx->s) - at;
	if (from <= G_MAXUINT32 && o->value.n <= G_MAXUINT32) {
		v->from = (guint32)from;
		v->len = (guint32)o->value.n;
	}
	return 0;
}

struct pdf_span
pdf_file_value(const struct pdf_file *f, guint num)
{
	struct lexer lx = { f->s, f->n, 0 };
	struct pdf_obj o;
	struct pdf_span none = { NULL, 0 };

	return read_value(f, num, &lx, &o) == 0 ? o.value : none;
}

/* A stream's length: its /Length, itself or the object it points to
 * (whose value is read alone: a stream is no length). */
static gboolean
stream_length(const struct pdf_file *f, struct pdf_span dict, gint64 *len)
{
	struct pdf_span v = pdf_dict_value(dict, "/Length");
	guint ref;

	if (v.s == NULL)
		return FALSE;
	if ((ref = pdf_ref(v)) != 0)
		v = pdf_file_value(f, ref);
	return v.s != NULL && pdf_int(v, len) && *len >= 0;
}

int
pdf_file_obj(const struct pdf_file *f, guint num, struct pdf_obj *o)
{
	struct lexer lx = { f->s, f->n, 0 };
	struct lex_token t;
	gint64 len;

	if (read_value(f, num, &lx, o) != 0)
		return -1;
	t = lex_next(&lx);
	if (lex_is(&lx, &t, "stream")) {
		gsize from = t.end;

		if (from < f->n && f->s[from] == '\r')
			from++;
		if (from < f->n && f->s[from] == '\n')
			from++;
		if (!stream_length(f, o->value, &len) ||
		    (gsize)len > f->n - from)
			return -1;
		o->data.s = f->s + from;
		o->data.n = (gsize)len;
		lx.i = from + (gsize)len;
		t = lex_next(&lx);
		if (!lex_is(&lx, &t, "endstream"))
			return -1;
		t = lex_next(&lx);
	}
	return lex_is(&lx, &t, "endobj") ? 0 : -1;
}

GArray *
pdf_seen_new(const struct pdf_file *f)
{
	GArray *seen = g_array_new(FALSE, TRUE, 1);

	g_array_set_size(seen, f->objects / 8 + 1);
	return seen;
}

gboolean
pdf_seen_first(GArray *seen, guint num)
{
	guint8 *byte, bit = (guint8)(1u << (num % 8));

	if (num / 8 >= seen->len)
		return FALSE;
	byte = &g_array_index(seen, guint8, num / 8);
	if (*byte & bit)
		return FALSE;
	*byte |= bit;
	return TRUE;
}

gboolean
pdf_seen_has(const GArray *seen, guint num)
{
	return num / 8 < seen->len && (g_array_index(seen, guint8, num / 8) &
	    (1u << (num % 8))) != 0;
}

char *
pdf_name_utf8(struct pdf_span v)
{
	GString *s = g_string_new(NULL);
	gsize i;

	for (i = 1; i < v.n; i++) {
		int high, low;

		if (v.s[i] == '#' && i + 2 < v.n &&
		    (high = hex_digit(v.s[i + 1])) >= 0 &&
		    (low = hex_digit(v.s[i + 2])) >= 0) {
			g_string_append_c(s, (char)(high * 16 + low));
			i += 2;
		} else
			g_string_append_c(s, v.s[i]);
	}
	return g_string_free(s, FALSE);
}
