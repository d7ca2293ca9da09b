/*
 * rules.c — reading a chapter's normalization rules from the manifest.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "read/rules.h"

const char *const rules_keys[] = {
	"drop", "drop-match", "drop-text", "keep",
	"title-lines", "author-lines", "date-lines", "source-lines",
	"credit-lines", "dedication-lines", "introduction-lines",
	"affiliation",
	"headings", "subheadings", "not-headings", "heading-match",
	"heading-max-words", "heading-max-chars",
	"quotes", "not-quotes", "join", "fix",
	"notes", "notes-start", NULL
};

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
	memset(r, 0, sizeof(*r));
	lineset_init(&r->drop);
	lineset_init(&r->keep);
	lineset_init(&r->title_lines);
	lineset_init(&r->author_lines);
	lineset_init(&r->date_lines);
	lineset_init(&r->source_lines);
	lineset_init(&r->credit_lines);
	lineset_init(&r->dedication_lines);
	lineset_init(&r->intro_lines);
	lineset_init(&r->headings);
	lineset_init(&r->subheadings);
	lineset_init(&r->not_headings);
	lineset_init(&r->quotes);
	lineset_init(&r->not_quotes);
	lineset_init(&r->join);
	r->drop_match = g_ptr_array_new_with_free_func((GDestroyNotify)pattern_free);
	r->drop_text = g_ptr_array_new_with_free_func((GDestroyNotify)pattern_free);
	r->heading_match = g_ptr_array_new_with_free_func((GDestroyNotify)pattern_free);
	r->fix = g_ptr_array_new_with_free_func((GDestroyNotify)pattern_free);
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
	struct lineset *sets[] = {
		&r->drop, &r->keep, &r->title_lines, &r->author_lines,
		&r->date_lines, &r->source_lines, &r->credit_lines,
		&r->dedication_lines, &r->intro_lines, &r->headings,
		&r->subheadings, &r->not_headings, &r->quotes, &r->not_quotes,
		&r->join,
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(sets); i++)
		if (sets[i]->ranges != NULL)
			g_array_free(sets[i]->ranges, TRUE);
	if (r->drop_match != NULL) {
		g_ptr_array_free(r->drop_match, TRUE);
		g_ptr_array_free(r->drop_text, TRUE);
		g_ptr_array_free(r->heading_match, TRUE);
		g_ptr_array_free(r->fix, TRUE);
	}
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

static void
read_lineset(struct lineset *s, const struct ini *ini, const char *group,
    const char *key, struct diags *d)
{
	char *v = ini_string(ini, group, key);

	if (v != NULL && parse_lineset(s, v) == -1)
		diag_add(d, DIAG_ERROR, ini_pos(ini, group, key), "%s: bad "
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
read_notes(struct rules *r, const struct ini *ini, const char *group,
    struct diags *d)
{
	static const struct { const char *name; enum notes_style style; } styles[] = {
		{ "auto", NOTES_AUTO }, { "none", NOTES_NONE },
		{ "bracket", NOTES_BRACKET }, { "numbered", NOTES_NUMBERED },
		{ "glued-digits", NOTES_GLUED },
	};
	char *v = ini_string(ini, group, "notes");
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < G_N_ELEMENTS(styles); i++)
		if (strcmp(v, styles[i].name) == 0)
			break;
	if (i < G_N_ELEMENTS(styles))
		r->notes = styles[i].style;
	else
		diag_add(d, DIAG_ERROR, ini_pos(ini, group, "notes"),
		    "unknown notes style '%s'; use auto, none, bracket, "
		    "numbered or glued-digits", v);
	g_free(v);
}

void
rules_read(struct rules *r, const struct ini *ini, const char *group,
    struct diags *d)
{
	static const struct { const char *key; size_t off; } sets[] = {
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
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(sets); i++)
		read_lineset((struct lineset *)((char *)r + sets[i].off), ini,
		    group, sets[i].key, d);
	read_patterns(r->drop_match, ini, group, "drop-match", 0, 0, d);
	read_patterns(r->drop_text, ini, group, "drop-text", 0, 0, d);
	read_patterns(r->heading_match, ini, group, "heading-match", 1, 0, d);
	read_patterns(r->fix, ini, group, "fix", 0, 1, d);
	read_int(&r->heading_max_words, ini, group, "heading-max-words", d);
	read_int(&r->heading_max_chars, ini, group, "heading-max-chars", d);
	read_int(&r->notes_start, ini, group, "notes-start", d);
	r->affiliation = ini_string(ini, group, "affiliation");
	read_notes(r, ini, group, d);
}
