/*
 * rules.c — reading a chapter's normalization rules from the manifest.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "read/rules.h"
#include "read/source.h"

const char *const rules_keys[] = {
	"encoding", "lines", "split", "paragraphs", "emphasis",
	"drop", "drop-match", "drop-text", "keep",
	"title-lines", "author-lines", "date-lines", "source-lines",
	"credit-lines", "dedication-lines", "introduction-lines",
	"affiliation",
	"headings", "subheadings", "not-headings", "heading-match",
	"heading-max-words", "heading-max-chars",
	"quotes", "not-quotes", "join", "fix",
	"notes", "notes-start", "note-marker", "note-text", "note-numbering",
	NULL
};

/* Keys that apply to a Markdown source as well as to a raw text. */
static const char *const any_format_keys[] = {
	"encoding", "lines", "split", NULL
};

/* The line lists, by key, so that each is read and checked alike. */
static const struct { const char *key; size_t off; } linesets[] = {
	{ "lines", offsetof(struct rules, lines) },
	{ "drop", offsetof(struct rules, drop) },
	{ "keep", offsetof(struct rules, keep) },
	{ "title-lines", offsetof(struct rules, title_lines) },
	{ "author-lines", offsetof(struct rules, author_lines) },
	{ "date-lines", offsetof(struct rules, date_lines) },
	{ "source-lines", offsetof(struct rules, source_lines) },
	{ "credit-lines", offsetof(struct rules, credit_lines) },
	{ "dedication-lines", offsetof(struct rules, dedication_lines) },
	{ "introduction-lines", offsetof(struct rules, intro_lines) },
	{ "headings", offsetof(struct rules, headings) },
	{ "subheadings", offsetof(struct rules, subheadings) },
	{ "not-headings", offsetof(struct rules, not_headings) },
	{ "quotes", offsetof(struct rules, quotes) },
	{ "not-quotes", offsetof(struct rules, not_quotes) },
	{ "join", offsetof(struct rules, join) },
};

#define LINESET(r, k)	((struct lineset *)((char *)(r) + linesets[k].off))
#define CLINESET(r, k)	((const struct lineset *)((const char *)(r) + \
			    linesets[k].off))

static void
lineset_init(struct lineset *s)
{
	s->ranges = g_array_new(FALSE, FALSE, sizeof(int));
}

static void
pattern_free(struct pattern *p)
{
	g_regex_unref(p->re);
	g_free(p->replacement);
	g_free(p);
}

void
rules_init(struct rules *r)
{
	size_t k;

	memset(r, 0, sizeof(*r));
	for (k = 0; k < G_N_ELEMENTS(linesets); k++)
		lineset_init(LINESET(r, k));
	r->drop_match = g_ptr_array_new_with_free_func((GDestroyNotify)pattern_free);
	r->drop_text = g_ptr_array_new_with_free_func((GDestroyNotify)pattern_free);
	r->heading_match = g_ptr_array_new_with_free_func((GDestroyNotify)pattern_free);
	r->fix = g_ptr_array_new_with_free_func((GDestroyNotify)pattern_free);
	r->keys = g_ptr_array_new_with_free_func(g_free);
	r->key_pos = g_array_new(FALSE, FALSE, sizeof(struct srcpos));
	r->heading_max_words = 8;
	r->heading_max_chars = 60;
	r->notes = NOTES_AUTO;
}

struct rules *
rules_new(void)
{
	struct rules *r = g_new(struct rules, 1);

	rules_init(r);
	return r;
}

void
rules_free(struct rules *r)
{
	if (r == NULL)
		return;
	rules_release(r);
	g_free(r);
}

void
rules_release(struct rules *r)
{
	size_t k;

	for (k = 0; k < G_N_ELEMENTS(linesets); k++)
		if (LINESET(r, k)->ranges != NULL)
			g_array_free(LINESET(r, k)->ranges, TRUE);
	if (r->drop_match != NULL) {
		g_ptr_array_free(r->drop_match, TRUE);
		g_ptr_array_free(r->drop_text, TRUE);
		g_ptr_array_free(r->heading_match, TRUE);
		g_ptr_array_free(r->fix, TRUE);
		g_ptr_array_free(r->keys, TRUE);
		g_array_free(r->key_pos, TRUE);
	}
	if (r->split != NULL)
		pattern_free(r->split);
	if (r->note_marker != NULL)
		pattern_free(r->note_marker);
	if (r->note_text != NULL)
		pattern_free(r->note_text);
	g_free(r->encoding);
	g_free(r->affiliation);
	memset(r, 0, sizeof(*r));
}

int
lineset_range(const struct lineset *s, int line, int *first, int *last)
{
	guint i;

	for (i = 0; i + 1 < s->ranges->len; i += 2) {
		int a = g_array_index(s->ranges, int, i);
		int b = g_array_index(s->ranges, int, i + 1);

		if (line >= a && (b == 0 || line <= b)) {
			*first = a;
			*last = b;
			return 1;
		}
	}
	return 0;
}

int
lineset_empty(const struct lineset *s)
{
	return s->ranges->len == 0;
}

int
lineset_max(const struct lineset *s)
{
	int most = 0;
	guint i;

	for (i = 0; i + 1 < s->ranges->len; i += 2) {
		int a = g_array_index(s->ranges, int, i);
		int b = g_array_index(s->ranges, int, i + 1);

		most = MAX(most, MAX(a, b));
	}
	return most;
}

int
rules_check_lines(const struct rules *r, int nlines, const char *source,
    struct diags *d)
{
	int errors = 0;
	size_t k;

	for (k = 0; k < G_N_ELEMENTS(linesets); k++) {
		const struct lineset *s = CLINESET(r, k);
		int most = lineset_max(s);

		if (most <= nlines)
			continue;
		diag_add(d, DIAG_ERROR, s->pos, "%s names line %d, but %s has "
		    "%d lines; correct the line numbers", linesets[k].key, most,
		    source, nlines);
		errors++;
	}
	if (r->notes_start > nlines) {
		diag_add(d, DIAG_ERROR, r->notes_start_pos, "notes-start is "
		    "line %d, but %s has %d lines; correct the line number",
		    r->notes_start, source, nlines);
		errors++;
	}
	return errors;
}

int
lineset_has(const struct lineset *s, int line)
{
	int a, b;

	return lineset_range(s, line, &a, &b);
}

/* Parses "3, 14-20, 35-" into s; returns -1 on the first bad item. */
static int
parse_lineset(struct lineset *s, const char *v)
{
	gchar **items = g_strsplit(v, ",", -1), **it;
	int rc = 0;

	for (it = items; *it != NULL && rc == 0; it++) {
		char *item = g_strstrip(*it), *end;
		long a, b;

		if (*item == '\0')
			continue;
		a = strtol(item, &end, 10);
		b = a;
		if (*end == '-' && end[1] == '\0') {
			b = 0;			/* "35-": to the end */
			end++;
		} else if (*end == '-') {
			char *from = end + 1;

			b = strtol(from, &end, 10);
			if (end == from)
				b = -1;
		}
		if (end == item || a < 1 || (b != 0 && b < a) || *end != '\0' ||
		    a > G_MAXINT || b > G_MAXINT) {
			rc = -1;
			break;
		}
		g_array_append_val(s->ranges, a);
		g_array_append_val(s->ranges, b);
	}
	g_strfreev(items);
	return rc;
}

/*
 * Splits a raw value on ';' (written "\;" when the pattern needs one).
 * Values are read raw, without GKeyFile's escapes, so "\s" stays a
 * regular expression's white space.
 */
static GPtrArray *
split_patterns(const char *v)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	GString *cur = g_string_new(NULL);
	const char *p;

	for (p = v; ; p++) {
		if (*p == '\\' && p[1] == ';') {
			g_string_append_c(cur, ';');
			p++;
		} else if (*p == ';' || *p == '\0') {
			g_strstrip(cur->str);
			cur->len = strlen(cur->str);
			if (cur->len > 0)
				g_ptr_array_add(out, g_strdup(cur->str));
			g_string_truncate(cur, 0);
			if (*p == '\0')
				break;
		} else
			g_string_append_c(cur, *p);
	}
	g_string_free(cur, TRUE);
	return out;
}

/*
 * Reads key as a list of patterns into list.  With levels, each item is
 * "LEVEL:REGEX"; with replacements, "REGEX => TEXT".
 */
static void
read_patterns(GPtrArray *list, const struct ini *ini, const char *group,
    const char *key, int levels, int replacements, struct diags *d)
{
	char *v = g_key_file_get_value(ini->kf, group, key, NULL);
	struct srcpos pos = ini_pos(ini, group, key);
	GPtrArray *items;
	guint i;

	if (v == NULL)
		return;
	items = split_patterns(v);
	for (i = 0; i < items->len; i++) {
		char *src = g_ptr_array_index(items, i), *arrow;
		struct pattern *p = g_new0(struct pattern, 1);
		GError *err = NULL;

		p->pos = pos;
		if (levels) {
			p->level = (int)strtol(src, &src, 10);
			if (*src != ':' || p->level < 2 || p->level > 3) {
				diag_add(d, DIAG_ERROR, pos, "%s: write each "
				    "item as LEVEL:REGEX, LEVEL 2 or 3", key);
				g_free(p);
				continue;
			}
			src++;
		}
		if (replacements) {
			if ((arrow = strstr(src, " => ")) == NULL) {
				diag_add(d, DIAG_ERROR, pos, "%s: write each "
				    "item as REGEX => REPLACEMENT", key);
				g_free(p);
				continue;
			}
			*arrow = '\0';
			p->replacement = g_strdup(arrow + 4);
		}
		p->re = g_regex_new(src, 0, 0, &err);
		if (p->re == NULL) {
			diag_add(d, DIAG_ERROR, pos, "%s: bad regular "
			    "expression '%s': %s", key, src, err->message);
			g_error_free(err);
			g_free(p->replacement);
			g_free(p);
			continue;
		}
		g_ptr_array_add(list, p);
	}
	g_ptr_array_free(items, TRUE);
	g_free(v);
}

/*
 * A key holding one regular expression; with groups, it must capture
 * at least one group.  NULL if the key is absent or the pattern bad.
 */
static struct pattern *
read_pattern(const struct ini *ini, const char *group, const char *key,
    int groups, struct diags *d)
{
	char *v = g_key_file_get_value(ini->kf, group, key, NULL);
	struct pattern *p;
	GError *err = NULL;
	GRegex *re;

	if (v == NULL)
		return NULL;
	g_strstrip(v);
	if ((re = g_regex_new(v, 0, 0, &err)) == NULL) {
		diag_add(d, DIAG_ERROR, ini_pos(ini, group, key), "%s: bad "
		    "regular expression '%s': %s", key, v, err->message);
		g_error_free(err);
		g_free(v);
		return NULL;
	}
	if (groups && g_regex_get_capture_count(re) < 1) {
		diag_add(d, DIAG_ERROR, ini_pos(ini, group, key), "%s: put "
		    "the note's label in parentheses, as in '\\{(\\d+)\\}'",
		    key);
		g_regex_unref(re);
		g_free(v);
		return NULL;
	}
	p = g_new0(struct pattern, 1);
	p->re = re;
	p->pos = ini_pos(ini, group, key);
	g_free(v);
	return p;
}

/* Whether key's value is value. */
static int
is_value(const struct ini *ini, const char *group, const char *key,
    const char *value)
{
	char *v = ini_string(ini, group, key);
	int yes = v != NULL && strcmp(v, value) == 0;

	g_free(v);
	return yes;
}

/*
 * A key with a few named values: the index of the value in names (a
 * NULL-terminated list), or -1 if absent; a value not in the list is
 * an error that lists them.
 */
static int
read_choice(const struct ini *ini, const char *group, const char *key,
    const char *const *names, struct diags *d)
{
	char *v = ini_string(ini, group, key);
	GString *all;
	int i;

	if (v == NULL)
		return -1;
	for (i = 0; names[i] != NULL; i++)
		if (strcmp(v, names[i]) == 0) {
			g_free(v);
			return i;
		}
	all = g_string_new(NULL);
	for (i = 0; names[i] != NULL; i++)
		g_string_append_printf(all, "%s%s", i == 0 ? "" :
		    names[i + 1] == NULL ? " or " : ", ", names[i]);
	diag_add(d, DIAG_ERROR, ini_pos(ini, group, key), "%s is %s, not "
	    "'%s'", key, all->str, v);
	g_string_free(all, TRUE);
	g_free(v);
	return -1;
}

static void
read_lineset(struct lineset *s, const struct ini *ini, const char *group,
    const char *key, struct diags *d)
{
	char *v = ini_string(ini, group, key);

	s->pos = ini_pos(ini, group, key);
	if (v != NULL && parse_lineset(s, v) == -1)
		diag_add(d, DIAG_ERROR, s->pos, "%s: bad "
		    "line list '%s'; write lines and ranges such as "
		    "'3, 14-20, 35-'", key, v);
	g_free(v);
}

static void
read_int(int *out, const struct ini *ini, const char *group, const char *key,
    struct diags *d)
{
	char *v = ini_string(ini, group, key), *end;
	long n;

	if (v == NULL)
		return;
	n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || n < 0 || n > 100000)
		diag_add(d, DIAG_ERROR, ini_pos(ini, group, key), "%s must "
		    "be a whole number from 0 to 100000, not '%s'", key, v);
	else
		*out = (int)n;
	g_free(v);
}

static void
read_choices(struct rules *r, const struct ini *ini, const char *group,
    struct diags *d)
{
	static const char *const notes[] = { "auto", "none", "bracket",
	    "numbered", "glued-digits", NULL };
	static const char *const paragraphs[] = { "auto", "line", "blank",
	    NULL };
	static const char *const emphasis[] = { "auto", "underscore",
	    "asterisk", "none", NULL };
	static const char *const numbering[] = { "chapter", "continuous",
	    NULL };
	int v;

	if ((v = read_choice(ini, group, "notes", notes, d)) >= 0)
		r->notes = (enum notes_style)v;
	if ((v = read_choice(ini, group, "paragraphs", paragraphs, d)) >= 0)
		r->paragraphs = (enum paragraphs)v;
	if ((v = read_choice(ini, group, "emphasis", emphasis, d)) >= 0)
		r->emphasis = (enum emphasis)v;
	/*
	 * How the source numbers its notes is found from the sequence;
	 * the key is read so that a wrong value is still an error.
	 */
	(void)read_choice(ini, group, "note-numbering", numbering, d);
}

/* Remembers which keys that apply to raw text only the group gives. */
static void
remember_text_keys(struct rules *r, const struct ini *ini, const char *group)
{
	size_t i, k;

	for (i = 0; rules_keys[i] != NULL; i++) {
		struct srcpos pos;

		for (k = 0; any_format_keys[k] != NULL; k++)
			if (strcmp(rules_keys[i], any_format_keys[k]) == 0)
				break;
		if (any_format_keys[k] != NULL ||
		    !g_key_file_has_key(ini->kf, group, rules_keys[i], NULL))
			continue;
		pos = ini_pos(ini, group, rules_keys[i]);
		g_ptr_array_add(r->keys, g_strdup(rules_keys[i]));
		g_array_append_val(r->key_pos, pos);
	}
}

void
rules_read(struct rules *r, const struct ini *ini, const char *group,
    struct diags *d)
{
	size_t k;

	for (k = 0; k < G_N_ELEMENTS(linesets); k++)
		read_lineset(LINESET(r, k), ini, group, linesets[k].key, d);
	read_patterns(r->drop_match, ini, group, "drop-match", 0, 0, d);
	read_patterns(r->drop_text, ini, group, "drop-text", 0, 0, d);
	read_patterns(r->heading_match, ini, group, "heading-match", 1, 0, d);
	read_patterns(r->fix, ini, group, "fix", 0, 1, d);
	read_int(&r->heading_max_words, ini, group, "heading-max-words", d);
	read_int(&r->heading_max_chars, ini, group, "heading-max-chars", d);
	read_int(&r->notes_start, ini, group, "notes-start", d);
	r->notes_start_pos = ini_pos(ini, group, "notes-start");
	r->affiliation = ini_string(ini, group, "affiliation");
	r->encoding = ini_string(ini, group, "encoding");
	if (r->encoding != NULL && !source_encoding_known(r->encoding))
		diag_add(d, DIAG_ERROR, ini_pos(ini, group, "encoding"),
		    "unknown encoding '%s'; name one iconv knows, such as "
		    "utf-8, latin1 or windows-1252", r->encoding);
	if (!(r->split_heading = is_value(ini, group, "split", "heading")))
		r->split = read_pattern(ini, group, "split", 0, d);
	r->note_marker = read_pattern(ini, group, "note-marker", 1, d);
	r->note_text = read_pattern(ini, group, "note-text", 1, d);
	if (r->note_marker != NULL && r->note_text != NULL)
		r->notes = NOTES_PATTERN;
	else if (r->note_marker != NULL || r->note_text != NULL)
		diag_add(d, DIAG_ERROR, ini_pos(ini, group, r->note_marker !=
		    NULL ? "note-marker" : "note-text"), "give both "
		    "note-marker and note-text: how a note is referred to in "
		    "the text, and how the note itself begins");
	read_choices(r, ini, group, d);
	remember_text_keys(r, ini, group);
}
