/*
 * ini.c — loading INI files with GKeyFile and finding keys again by line.
 */
#include <string.h>

#include "read/file.h"
#include "read/ini.h"

/*
 * The first line GKeyFile cannot read (its messages name the line's text
 * but not its number): not blank, not a comment, not a [group] and not
 * a key = value.  0 if every line looks right.
 */
static int
bad_line(const char *text)
{
	gchar **lines = g_strsplit(text, "\n", -1);
	int i, bad = 0;

	for (i = 0; lines[i] != NULL && bad == 0; i++) {
		char *l = g_strstrip(lines[i]);
		size_t len = strlen(l);

		if (len == 0 || *l == '#')
			continue;
		if (*l == '[' ? l[len - 1] != ']' || strchr(l + 1, '[') != NULL :
		    strchr(l, '=') == NULL || *l == '=')
			bad = i + 1;
	}
	g_strfreev(lines);
	return bad;
}

/*
 * The line of a second group of a name already seen, which GKeyFile
 * would merge into the first; 0 if there is none.  *name is the group.
 */
static int
repeated_group(const char *text, char **name)
{
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);
	gchar **lines = g_strsplit(text, "\n", -1);
	int i, at = 0;

	for (i = 0; lines[i] != NULL && at == 0; i++) {
		char *l = g_strstrip(lines[i]);
		size_t len = strlen(l);

		if (len < 2 || *l != '[' || l[len - 1] != ']')
			continue;
		l[len - 1] = '\0';
		if (!g_hash_table_add(seen, g_strdup(l + 1))) {
			*name = g_strdup(l + 1);
			at = i + 1;
		}
	}
	g_strfreev(lines);
	g_hash_table_destroy(seen);
	return at;
}

int
ini_open(struct ini *ini, const char *path, const char *what,
    struct diags *d)
{
	GError *err = NULL;
	char *group = NULL;
	gsize len;
	int at;

	memset(ini, 0, sizeof(*ini));
	ini->path = path;
	if ((ini->text = file_read_text(path, what, FILE_MAX_INI,
	    "save the file as UTF-8", &len, d)) == NULL)
		return -1;
	if ((at = repeated_group(ini->text, &group)) > 0) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, at, 1), "a second "
		    "[%s]: its keys would be mixed with the first's; give "
		    "each group a name of its own", group);
		g_free(group);
		return -1;
	}
	ini->kf = g_key_file_new();
	if (!g_key_file_load_from_data(ini->kf, ini->text, len,
	    G_KEY_FILE_NONE, &err)) {
		diag_add(d, DIAG_ERROR, srcpos_at(path, bad_line(ini->text), 1),
		    "%s; write groups as [name] and keys as key = value",
		    err->message);
		g_error_free(err);
		return -1;
	}
	return 0;
}

void
ini_close(struct ini *ini)
{
	if (ini->kf != NULL)
		g_key_file_free(ini->kf);
	g_free(ini->text);
	memset(ini, 0, sizeof(*ini));
}

/* Does line (not NUL-terminated, len bytes) open the given group? */
static int
is_group_line(const char *line, size_t len, const char *group)
{
	size_t glen = strlen(group);

	while (len > 0 && (*line == ' ' || *line == '\t'))
		line++, len--;
	return len >= glen + 2 && line[0] == '[' &&
	    strncmp(line + 1, group, glen) == 0 && line[glen + 1] == ']';
}

/* If line sets key, the 1-based column of its value; else 0. */
static int
key_value_col(const char *line, size_t len, const char *key)
{
	size_t klen = strlen(key), i = 0;

	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (len - i < klen || strncmp(line + i, key, klen) != 0)
		return 0;
	i += klen;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i >= len || line[i] != '=')
		return 0;
	i++;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return (int)g_utf8_strlen(line, (gssize)i) + 1;
}

struct srcpos
ini_pos(const struct ini *ini, const char *group, const char *key)
{
	const char *p = ini->text, *eol;
	int line = 1, in_group = 0, col;

	for (; p != NULL && *p != '\0'; p = eol + 1, line++) {
		size_t len;

		eol = strchr(p, '\n');
		len = eol != NULL ? (size_t)(eol - p) : strlen(p);
		if (len > 0 && p[strspn(p, " \t")] == '[')
			in_group = is_group_line(p, len, group);
		if (in_group && key == NULL)
			return srcpos_at(ini->path, line, 1);
		if (in_group && key != NULL &&
		    (col = key_value_col(p, len, key)) > 0)
			return srcpos_at(ini->path, line, col);
		if (eol == NULL)
			break;
	}
	return srcpos_at(ini->path, 0, 0);
}

void
ini_check_keys(const struct ini *ini, const char *group,
    const char *const *known, const char *const *more, struct diags *d)
{
	gchar **keys = g_key_file_get_keys(ini->kf, group, NULL, NULL);
	gchar **k;

	for (k = keys; k != NULL && *k != NULL; k++)
		if (!g_strv_contains(known, *k) &&
		    (more == NULL || !g_strv_contains(more, *k)))
			diag_add(d, DIAG_WARNING, ini_pos(ini, group, *k),
			    "unknown key '%s' in [%s] is ignored; check its "
			    "spelling against README.md", *k, group);
	g_strfreev(keys);
}

char *
ini_string(const struct ini *ini, const char *group, const char *key)
{
	char *v = g_key_file_get_string(ini->kf, group, key, NULL);

	return v != NULL ? g_strstrip(v) : NULL;
}
