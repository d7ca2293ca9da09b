/*
 * markdown.c — a CommonMark source, which is already what the parser
 * wants, read for what a book in Markdown says about itself: a YAML
 * metadata block at its top (title, author, …, as pandoc reads it), and
 * each chapter's title in its first level-1 heading (or, in a file with
 * none, the heading it opens with, if no other outranks or equals it).  A file with more
 * level-1 headings is several chapters with split = heading, an error
 * without.  Lines taken out are blanked, so every line keeps its number.
 */
#include <stddef.h>
#include <string.h>

#include "normalize/lines.h"
#include "normalize/markdown.h"
#include "normalize/normalized.h"


/* The level of an ATX heading ("## Title"), or 0. */
static int
atx_level(const char *l)
{
	int n = 0;

	while (l[n] == '#')
		n++;
	return n >= 1 && n <= 6 && (l[n] == ' ' || l[n] == '\0') ? n : 0;
}

/* An ATX heading's text, without its closing sequence of #s. */
static char *
atx_text(const char *l)
{
	char *t = g_strstrip(g_strdup(l + atx_level(l)));
	gsize n = strlen(t);

	while (n > 0 && t[n - 1] == '#')
		t[--n] = '\0';
	return g_strchomp(t);
}

/* A level-1 heading's text, or NULL: "# Title", or a line over "===". */
static char *
heading_1(gchar **lines, guint i, guint *taken)
{
	const char *l = lines[i];

	*taken = 1;
	if (atx_level(l) == 1)
		return atx_text(l);
	if (*l != '\0' && *l != ' ' && lines[i + 1] != NULL &&
	    lines_match("^=+\\s*$", lines[i + 1])) {
		*taken = 2;
		return g_strstrip(g_strdup(l));
	}
	return NULL;
}

/* Whether a line holds nothing but white space. */
static int
blank(const char *line)
{
	for (; *line != '\0'; line++)
		if (!g_ascii_isspace(*line))
			return 0;
	return 1;
}

int
markdown_fence(const char *line)
{
	const char *p = line;

	while (*p == ' ' && p - line < 4)
		p++;
	return g_str_has_prefix(p, "```") || g_str_has_prefix(p, "~~~");
}

/*
 * The line of the heading that titles a file without a level-1 heading:
 * its opening block, if no other heading of the file is of its level or
 * above ("## Title" over "### Sections"); -1 if there is none.
 */
static int
opening_heading(gchar **lines, guint from)
{
	int open = -1, level = 0, in_fence = 0;
	guint i, taken;

	for (i = from; lines[i] != NULL; i++) {
		char *h1;
		int lv;

		if (markdown_fence(lines[i]))
			in_fence = !in_fence;
		if (in_fence || blank(lines[i]))
			continue;
		if ((h1 = heading_1(lines, i, &taken)) != NULL) {
			g_free(h1);
			return -1;
		}
		lv = atx_level(lines[i]);
		if (open < 0 && level == 0) {
			if (lv == 0)
				return -1;	/* the file opens with text */
			open = (int)i;
			level = lv;
		} else if (lv > 0 && lv <= level)
			return -1;
	}
	return open;
}

/* One value of the YAML block: unquoted, a list's items joined by "and". */
static void
yaml_value(GString *out, const char *v)
{
	char *s = g_strstrip(g_strdup(v));
	gsize n = strlen(s);

	if (n >= 2 && (s[0] == '"' || s[0] == '\'') && s[n - 1] == s[0]) {
		s[n - 1] = '\0';
		memmove(s, s + 1, n - 1);
	}
	if (*s != '\0')
		g_string_append_printf(out, "%s%s", out->len > 0 ? " and " :
		    "", s);
	g_free(s);
}

/* Sets the field of book named by key, if it is one octavo reads. */
static void
yaml_set(struct markdown_meta *book, const char *key, GString *value)
{
	static const struct {
		const char	*key;
		size_t		 off;
	} fields[] = {
		{ "title", offsetof(struct markdown_meta, title) },
		{ "subtitle", offsetof(struct markdown_meta, subtitle) },
		{ "author", offsetof(struct markdown_meta, author) },
		{ "date", offsetof(struct markdown_meta, date) },
		{ "lang", offsetof(struct markdown_meta, language) },
		{ "language", offsetof(struct markdown_meta, language) },
		{ "identifier", offsetof(struct markdown_meta, identifier) },
		{ "rights", offsetof(struct markdown_meta, rights) },
		{ "description", offsetof(struct markdown_meta, description) },
		{ "publisher", offsetof(struct markdown_meta, publisher) },
	};
	size_t k;

	for (k = 0; k < G_N_ELEMENTS(fields); k++) {
		char **field = (char **)((char *)book + fields[k].off);

		if (strcmp(key, fields[k].key) == 0 && *field == NULL &&
		    value->len > 0)
			*field = g_strdup(value->str);
	}
}

/*
 * The YAML block at the top of the text, "---" to "---" or "...": its
 * keys of one value, or of a list ("author:" then "  - A", "  - B"),
 * into book.  Returns the lines it spans, 0 if there is none.
 */
static guint
yaml_block(gchar **lines, struct markdown_meta *book)
{
	GString *value;
	char *key = NULL;
	guint i, end = 0;

	if (lines[0] == NULL || strcmp(g_strchomp(lines[0]), "---") != 0)
		return 0;
	value = g_string_new(NULL);
	for (i = 1; lines[i] != NULL && end == 0; i++)
		if (strcmp(lines[i], "---") == 0 || strcmp(lines[i], "...") == 0)
			end = i + 1;
	for (i = 1; end > 0 && i + 1 < end; i++) {
		const char *l = lines[i], *colon = strchr(l, ':');

		if (lines_match("^\\s+-\\s", l) && key != NULL) {
			yaml_value(value, strchr(l, '-') + 1);
			continue;
		}
		if (key != NULL)
			yaml_set(book, key, value);
		g_clear_pointer(&key, g_free);
		g_string_truncate(value, 0);
		if (colon == NULL || *l == ' ' || *l == '#')
			continue;
		key = g_ascii_strdown(l, colon - l);
		yaml_value(value, colon + 1);
	}
	if (key != NULL)
		yaml_set(book, key, value);
	g_free(key);
	g_string_free(value, TRUE);
	return end;
}

/*
 * Blanks lines [from, to); with a rule, records what they said for the
 * ledger (without, their words are in the chapter's metadata).
 */
static void
take_lines(gchar **lines, guint from, guint to, GArray *changes,
    const char *rule)
{
	guint i;

	for (i = from; i < to; i++) {
		struct change c = { (int)i + 1, g_strdup(lines[i]), NULL, rule,
		    0 };

		if (rule != NULL)
			g_array_append_val(changes, c);
		else
			g_free(c.removed);
		lines[i][0] = '\0';
	}
}

/*
 * Records for the ledger each note label of a line ("[^smith]"), which
 * the edition prints as a number.
 */
static void
note_labels(const char *line, int no, GArray *changes)
{
	const char *p = line, *end;

	while ((p = strstr(p, "[^")) != NULL &&
	    (end = strchr(p + 2, ']')) != NULL) {
		struct change c = { no, g_strndup(p + 2, (gsize)(end - p - 2)),
		    NULL, RULE_NOTE_NUMBER, 1 };

		g_array_append_val(changes, c);
		p = end + 1;
	}
}

/* Appends the group's chapter k (from 1); a split group's are ID-k. */
static struct normalized *
chapter(const struct group *g, struct normalization *out, guint k, int split)
{
	char *id = split ? g_strdup_printf("%s-%u", g->id, k) :
	    g_strdup(g->id);
	struct normalized *n = normalized_new(id);

	g_free(id);
	n->markdown = 1;
	g_ptr_array_add(out->chapters, n);
	return n;
}

int
markdown_read(const struct group *g, const char *text,
    struct normalization *out, struct diags *d)
{
	gchar **lines = g_strsplit(text, "\n", -1);
	struct normalized *n = NULL;
	guint i, taken, k = 0;
	int split = g->rules.split_heading, in_fence = 0, no, opening;
	/* A title the manifest gives leaves the heading in the text. */
	int titled = !split && g->meta.title != NULL;
	int errors = d->count[DIAG_ERROR];
	char *title;

	i = yaml_block(lines, &out->book);
	take_lines(lines, 0, i, out->changes, "taken into the book's "
	    "metadata: the YAML block");
	opening = split || titled ? -1 : opening_heading(lines, i);
	for (; lines[i] != NULL; i++) {
		if (markdown_fence(lines[i]))
			in_fence = !in_fence;
		if (!in_fence)
			note_labels(lines[i], (int)i + 1, out->changes);
		title = in_fence || titled ? NULL : heading_1(lines, i, &taken);
		if ((int)i == opening) {
			title = atx_text(lines[i]);
			diag_add(d, DIAG_INFO, srcpos_at(g->path, (int)i + 1, 1),
			    "'%s' is the chapter's title: the file has no "
			    "level-1 heading, and opens with this one", title);
		}
		if (title != NULL && (n == NULL || split ||
		    n->meta.title == NULL)) {
			/* A chapter's title; with split, a chapter begins. */
			if (n == NULL || (split && !blank(n->md->str)) ||
			    (split && n->meta.title != NULL))
				n = chapter(g, out, ++k, split);
			n->meta.title = title;
			n->split = split;
			take_lines(lines, i, i + taken, out->changes, NULL);
			i += taken - 1;
			continue;
		}
		if (title != NULL) {
			diag_add(d, DIAG_ERROR, srcpos_at(g->path, (int)i + 1, 1),
			    "a second level-1 heading, '%s': a chapter has one "
			    "title; say 'split = heading' in [chapter %s] for a "
			    "chapter at each, or make it '## %s'", title, g->id,
			    title);
			g_free(title);
		}
		if (n == NULL && !blank(lines[i]))
			n = chapter(g, out, ++k, split);
		/* The empty piece after the text's last newline is no line. */
		if (n != NULL && !(lines[i + 1] == NULL && *lines[i] == '\0')) {
			no = (int)i + 1;
			g_string_append_printf(n->md, "%s\n", lines[i]);
			g_array_append_val(n->srcline, no);
		}
	}
	if (n == NULL)
		chapter(g, out, 1, 0);
	g_strfreev(lines);
	return d->count[DIAG_ERROR] > errors ? -1 : 0;
}
