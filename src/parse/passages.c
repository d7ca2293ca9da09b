/*
 * passages.c — passages in another language: pandoc's fenced divs, cut
 * out of the text before cmark reads it (each stretch between fences
 * is parsed by itself, so that no list or quotation runs through a
 * fence), and its bracketed spans, found in the tree cmark made, where
 * the brackets are still text.
 */
#include <string.h>

#include "normalize/markdown.h"
#include "normalize/normalized.h"
#include "parse/passages.h"
#include "read/manifest.h"

/* What the braces after a span or a div's fence hold. */
enum attrs {
	ATTRS_NONE,	/* no attributes: braces in prose */
	ATTRS_LANG,	/* lang=TAG alone */
	ATTRS_OTHER	/* others, which octavo does not take */
};

/*
 * Reads the inside of an attribute list, len bytes of s: classes
 * (.name), an identifier (#name) and key=value pairs, the value in
 * double quotes or bare.  *lang is set to a new string where the list
 * is lang=TAG alone.
 */
static enum attrs
attributes(const char *s, gsize len, char **lang)
{
	gsize i = 0, start, key, vs, ve;
	int other = 0, count = 0;

	*lang = NULL;
	for (;;) {
		while (i < len && g_ascii_isspace(s[i]))
			i++;
		if (i == len)
			break;
		start = i;
		if (s[i] == '.' || s[i] == '#') {
			while (++i < len && !g_ascii_isspace(s[i]))
				;
			if (i == start + 1)
				goto none;
			other = 1;
			count++;
			continue;
		}
		while (i < len && (g_ascii_isalnum(s[i]) || s[i] == '-' ||
		    s[i] == '_'))
			i++;
		if ((key = i - start) == 0 || i >= len || s[i] != '=')
			goto none;
		if (++i < len && s[i] == '"') {
			const char *q = memchr(s + i + 1, '"', len - i - 1);

			if (q == NULL)
				goto none;
			vs = i + 1;
			ve = (gsize)(q - s);
			i = ve + 1;
		} else {
			for (vs = i; i < len && !g_ascii_isspace(s[i]); i++)
				;
			ve = i;
		}
		if (i < len && !g_ascii_isspace(s[i]))
			goto none;
		if (key == 4 && strncmp(s + start, "lang", 4) == 0 &&
		    *lang == NULL)
			*lang = g_strndup(s + vs, ve - vs);
		else
			other = 1;
		count++;
	}
	if (count == 0)
		goto none;
	return other ? ATTRS_OTHER : ATTRS_LANG;
none:
	g_clear_pointer(lang, g_free);
	return ATTRS_NONE;
}

/*
 * Whether the attributes as written (what, for the message) are lang
 * and a good tag; else says why, at pos, and that they are left as
 * text.  kind is "span" or "div".
 */
static int
lang_only(enum attrs a, const char *lang, const char *what, const char *kind,
    struct srcpos pos, struct diags *d)
{
	if (a == ATTRS_OTHER) {
		diag_add(d, DIAG_WARNING, pos, "'%s': octavo takes only a "
		    "language on a %s ({lang=TAG}), not other attributes; it "
		    "is left as text; write {lang=TAG} alone, or take the "
		    "braces out", what, kind);
		return 0;
	}
	if (!language_tag_valid(lang)) {
		diag_add(d, DIAG_ERROR, pos, "'%s': language '%s' is no BCP "
		    "47 tag; write one such as 'en', 'en-GB' or 'fr'", what,
		    lang);
		return 0;
	}
	return 1;
}

/* Tells the ledger that the words of what, on line, are mark-up. */
static void
dropped(GArray *changes, int line, const char *what, gsize len)
{
	struct change c = { line, g_strndup(what, len), NULL, RULE_PASSAGE,
	    0 };

	g_array_append_val(changes, c);
}

/* --- fenced divs -------------------------------------------------------- */

/*
 * The fence a line is, outside code: FENCE_CLOSE for ':::' alone (three
 * colons or more, up to three spaces in); FENCE_OPEN for colons before
 * an attribute list or a single word (a class), *attrs and *len being
 * it; else FENCE_NONE.  *indent is the spaces before the colons.
 */
static enum fence_kind
fence_of(const char *line, const char **attrs, gsize *len, int *indent)
{
	const char *p = line, *end;
	int colons = 0;

	for (*indent = 0; *p == ' ' && *indent < 3; p++)
		(*indent)++;
	for (; *p == ':'; p++)
		colons++;
	if (colons < 3)
		return FENCE_NONE;
	while (g_ascii_isspace(*p))
		p++;
	if (*p == '\0')
		return FENCE_CLOSE;
	/* pandoc lets colons close the opening line too. */
	for (end = p + strlen(p); end > p && (g_ascii_isspace(end[-1]) ||
	    end[-1] == ':'); end--)
		;
	*attrs = p;
	*len = (gsize)(end - p);
	if (*p == '{')
		return end[-1] == '}' ? FENCE_OPEN : FENCE_NONE;
	for (; p < end; p++)
		if (g_ascii_isspace(*p) || *p == '{' || *p == '}')
			return FENCE_NONE;
	return FENCE_OPEN;
}

/* A div open: a real one, or one left as text whose ':::' is text too. */
struct open_div {
	int		 real;
	struct srcpos	 pos;
};

static struct stretch *
stretch_new(void)
{
	struct stretch *s = g_new0(struct stretch, 1);

	s->md = g_string_new(NULL);
	s->srcline = g_array_new(FALSE, FALSE, sizeof(int));
	return s;
}

/* A stretch freed, as the array passages_split returns frees each. */
static void
stretch_free(struct stretch *s)
{
	if (s == NULL)
		return;
	g_string_free(s->md, TRUE);
	g_array_free(s->srcline, TRUE);
	g_free(s->lang);
	g_free(s);
}

/* Ends the stretch *cur with a fence, in out, and begins the next. */
static void
cut(GPtrArray *out, struct stretch **cur, enum fence_kind fence)
{
	(*cur)->fence = fence;
	g_ptr_array_add(out, *cur);
	*cur = stretch_new();
}

/*
 * An opening fence at pos: a div, or (with other attributes than lang,
 * or a bad tag) text, said so at its attributes.  Returns whether it
 * opened a div.
 */
static int
open_fence(GPtrArray *out, struct stretch **cur, const char *line,
    const char *attrs, gsize len, struct srcpos pos, GArray *changes,
    struct diags *d)
{
	char *what = g_strndup(attrs, len), *lang = NULL;
	enum attrs a = *attrs == '{' ? attributes(attrs + 1, len - 2, &lang) :
	    ATTRS_OTHER;
	struct srcpos at = pos;
	int ok = a != ATTRS_NONE;

	at.col += (int)(attrs - line);
	if (ok && (ok = lang_only(a, lang, what, "div", at, d))) {
		dropped(changes, pos.line, line, strlen(line));
		(*cur)->lang = lang;
		(*cur)->pos = pos;
		lang = NULL;
		cut(out, cur, FENCE_OPEN);
	}
	g_free(lang);
	g_free(what);
	return ok;
}

GPtrArray *
passages_split(const GString *md, const GArray *srcline, const char *path,
    GArray *changes, struct diags *d)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)stretch_free);
	GArray *open = g_array_new(FALSE, FALSE, sizeof(struct open_div));
	gchar **lines = g_strsplit(md->str, "\n", -1);
	struct stretch *cur = stretch_new();
	int code = 0;
	guint i;

	for (i = 0; lines[i] != NULL; i++) {
		int no = i < srcline->len ? g_array_index(srcline, int, i) : 0;
		enum fence_kind kind = FENCE_NONE;
		struct open_div od = { 0, srcpos_at(path, no, 1) };
		const char *attrs = NULL;
		gsize len = 0;
		int indent = 0;

		if (lines[i + 1] == NULL && *lines[i] == '\0')
			break;	/* the empty piece after the last newline */
		if (markdown_fence(lines[i]))
			code = !code;
		if (!code)
			kind = fence_of(lines[i], &attrs, &len, &indent);
		od.pos.col += indent;
		if (kind == FENCE_OPEN) {
			od.real = open_fence(out, &cur, lines[i], attrs, len,
			    od.pos, changes, d);
			g_array_append_val(open, od);
			if (od.real)
				continue;
		} else if (kind == FENCE_CLOSE && open->len == 0) {
			diag_add(d, DIAG_WARNING, od.pos, "a ':::' that closes "
			    "no div; it is left out; take it out, or open the "
			    "div with '::: {lang=TAG}'");
			continue;
		} else if (kind == FENCE_CLOSE) {
			od = g_array_index(open, struct open_div,
			    open->len - 1);
			g_array_set_size(open, open->len - 1);
			if (od.real) {
				cut(out, &cur, FENCE_CLOSE);
				continue;
			}
		}
		g_string_append(cur->md, lines[i]);
		g_string_append_c(cur->md, '\n');
		g_array_append_val(cur->srcline, no);
	}
	for (i = open->len; i > 0; i--) {
		struct open_div *od = &g_array_index(open, struct open_div,
		    i - 1);

		if (!od->real)
			continue;
		diag_add(d, DIAG_WARNING, od->pos, "this div is never closed: "
		    "it runs to the end of the text; close it with a line "
		    "':::' where it ends");
		cut(out, &cur, FENCE_CLOSE);
	}
	g_ptr_array_add(out, cur);
	g_strfreev(lines);
	g_array_free(open, TRUE);
	return out;
}

/* --- bracketed spans ---------------------------------------------------- */

/* A text node's text from byte from on, at its place; NULL if empty. */
static struct node *
text_from(const struct node *t, gsize from, gsize to)
{
	struct srcpos pos = t->pos;

	if (to <= from)
		return NULL;
	pos.col += (int)from;
	return node_new_text(NODE_TEXT, pos, t->text + from,
	    (gssize)(to - from));
}

/* Keeps t's first len bytes; frees t if that leaves nothing. */
static void
text_keep(struct node *t, gsize len)
{
	if (len == 0) {
		node_free(t);
		return;
	}
	t->text[len] = '\0';
}

/*
 * The '[' that opens the span whose ']' is byte at of text node c:
 * searched back through c and the texts before it among its siblings,
 * brackets counted in pairs (a note's "[^1]" in the span), other
 * inlines (emphasis, a link, a span made already) passed over whole.
 * Returns its text node, *where its byte, or NULL if there is none.
 */
static struct node *
opener(struct node *c, gsize at, gsize *where)
{
	struct node *t;
	int depth = 0;

	for (t = c; t != NULL; t = t->prev) {
		gsize i = t == c ? at : t->type == NODE_TEXT ?
		    strlen(t->text) : 0;

		while (i-- > 0) {
			if (t->text[i] == ']')
				depth++;
			else if (t->text[i] == '[' && depth-- == 0) {
				*where = i;
				return t;
			}
		}
	}
	return NULL;
}

/* Puts n after the node at, among its siblings. */
static void
insert_after(struct node *at, struct node *n)
{
	if (at->next != NULL)
		node_insert_before(at->next, n);
	else
		node_append(at->parent, n);
}

/*
 * Makes the span: from byte ow of text o ('[') to byte at of text c
 * (']'), whose attributes end before byte end of c.  Returns the node
 * after it, where the search goes on.
 */
static struct node *
make_span(struct node *o, gsize ow, struct node *c, gsize at, gsize end,
    char *lang)
{
	struct srcpos pos = o->pos;
	struct node *span, *k, *after, *x;

	pos.col += (int)ow;
	span = node_new(NODE_SPAN, pos);
	span->as.lang = lang;
	if ((after = text_from(c, end, strlen(c->text))) != NULL)
		insert_after(c, after);
	insert_after(o, span);
	if (o == c) {
		if ((x = text_from(o, ow + 1, at)) != NULL)
			node_append(span, x);
	} else {
		if ((x = text_from(o, ow + 1, strlen(o->text))) != NULL)
			node_append(span, x);
		for (k = span->next; k != c; k = x) {
			x = k->next;
			node_unlink(k);
			node_append(span, k);
		}
		if ((x = text_from(c, 0, at)) != NULL)
			node_append(span, x);
		node_free(c);
	}
	text_keep(o, ow);
	return span->next;
}

/*
 * The spans among parent's inlines, left to right by their ']{', so
 * that an inner span is made before the span that holds it.
 */
static void
spans_in(struct node *parent, GArray *changes, struct diags *d)
{
	struct node *c = parent->first;

	while (c != NULL) {
		gsize from = 0;
		struct node *next = c->next;
		const char *p;

		while (c->type == NODE_TEXT &&
		    (p = strstr(c->text + from, "]{")) != NULL) {
			gsize at = (gsize)(p - c->text), ow;
			const char *close = strchr(p + 2, '}');
			struct srcpos pos = c->pos;
			struct node *o;
			char *lang, *what;
			enum attrs a;

			from = at + 1;
			if (close == NULL)
				break;
			a = attributes(p + 2, (gsize)(close - p - 2), &lang);
			if (a == ATTRS_NONE || (o = opener(c, at, &ow)) ==
			    NULL) {
				g_free(lang);
				continue;
			}
			what = g_strndup(p + 1, (gsize)(close - p));
			pos.col += (int)at + 1;
			if (lang_only(a, lang, what, "span", pos, d)) {
				dropped(changes, pos.line, what, strlen(what));
				next = make_span(o, ow, c, at,
				    (gsize)(close + 1 - c->text), lang);
				lang = NULL;
				g_free(what);
				break;
			}
			from = (gsize)(close - c->text);
			g_free(what);
			g_free(lang);
		}
		c = next;
	}
}

void
passages_spans(struct node *tree, GArray *changes, struct diags *d)
{
	GPtrArray *parents = g_ptr_array_new();
	struct iter it;
	guint i;

	/* Every node that holds inlines, gathered before the tree changes. */
	iter_init(&it, tree);
	while (iter_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && it.cur->first != NULL &&
		    !node_is_block(it.cur->first))
			g_ptr_array_add(parents, it.cur);
	for (i = 0; i < parents->len; i++)
		spans_in(g_ptr_array_index(parents, i), changes, d);
	g_ptr_array_free(parents, TRUE);
}
