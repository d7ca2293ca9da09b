/*
 * manifest.c — edition.ini to struct edition.
 *
 * [edition] holds the book's metadata; each [chapter ID] group, in the
 * order written, is one chapter.  Everything particular to a source is
 * here, so a new manuscript needs a manifest and no code.
 */
#include <string.h>

#include "read/hyphen.h"
#include "read/ini.h"
#include "read/manifest.h"
#include "read/source.h"
#include "read/rules.h"

#define CHAPTER_PREFIX "chapter "
/* A path that names something, but not a file octavo reads (file.h). */
#define NOT_FILE	"'%s' is no text file but a folder, a FIFO or a " \
			"device; correct '%s = FILE' in [edition]"

static const char *const edition_keys[] = {
	"title", "subtitle", "author", "editor", "translator", "creator",
	"language",
	"identifier", "encoding",
	"date", "rights", "description", "publisher", "output", "print-style",
	"epub-style", "epub-embed-fonts", "note-numbering", "names", NULL
};

static const char *const chapter_keys[] = {
	"source", "format", "role", "title", "subtitle", "author",
	"translator", "published", "publication", "language", NULL
};

/* role = NAME: what the group's chapters are in the book; -1 if unsaid. */
static int
read_role(const struct ini *ini, const char *g, struct diags *d)
{
	char *v = ini_string(ini, g, "role");
	int r;

	if (v == NULL)
		return -1;
	for (r = ROLE_CHAPTER; r <= ROLE_BIBLIOGRAPHY; r++)
		if (strcmp(v, chapter_role_name((enum chapter_role)r)) == 0) {
			g_free(v);
			return r;
		}
	diag_add(d, DIAG_ERROR, ini_pos(ini, g, "role"), "unknown role '%s'; "
	    "a chapter is a dedication, epigraph, foreword, preface, "
	    "introduction, chapter, appendix, afterword, notes or "
	    "bibliography", v);
	g_free(v);
	return -1;
}

/* A required key: its value, or NULL and an error naming it. */
static char *
required(const struct ini *ini, const char *group, const char *key,
    struct diags *d)
{
	char *v = ini_string(ini, group, key);

	if (v == NULL || *v == '\0')
		diag_add(d, DIAG_ERROR, ini_pos(ini, group, NULL),
		    "[%s] has no '%s'; add a line '%s = …'", group, key, key);
	if (v != NULL && *v == '\0') {
		g_free(v);
		v = NULL;
	}
	return v;
}

int
language_tag_valid(const char *tag)
{
	return g_regex_match_simple("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
	    tag, 0, 0);
}

/*
 * language = TAG in group g, a BCP 47 tag: its value, or NULL if the
 * key is absent (an error if need is set) or its value no tag (an
 * error at the key).  The edition's and each chapter's.
 */
static char *
read_language(const struct ini *ini, const char *g, int need,
    struct diags *d)
{
	char *v = need ? required(ini, g, "language", d) :
	    ini_string(ini, g, "language");

	if (v != NULL && !language_tag_valid(v)) {
		diag_add(d, DIAG_ERROR, ini_pos(ini, g, "language"),
		    "language '%s' is no BCP 47 tag; write one such as 'en', "
		    "'en-GB' or 'fr'", v);
		g_clear_pointer(&v, g_free);
	}
	return v;
}

/* An empty title is no title: an error, since the outputs need one. */
static void
check_title(const struct ini *ini, const char *group, const char *title,
    struct diags *d)
{
	if (title != NULL && *title == '\0')
		diag_add(d, DIAG_ERROR, ini_pos(ini, group, "title"), "an empty "
		    "title; give one, or remove the key to take the source's");
}

static void
read_meta(const struct ini *ini, const char *group, struct meta *m)
{
	m->title = ini_string(ini, group, "title");
	m->subtitle = ini_string(ini, group, "subtitle");
	m->author = ini_string(ini, group, "author");
	m->translator = ini_string(ini, group, "translator");
	m->published = ini_string(ini, group, "published");
	m->source = ini_string(ini, group, "publication");
}

/*
 * A style file: the manifest's key, relative to the manifest; else the
 * styles/ folder beside the manuscript's, beside octavo's own tree (a
 * build/octavo not installed finds styles/), or the installed one.  A
 * style that is in none of them is an error at the key, or at
 * [edition] if the key is not given, with the places tried.
 */
static char *
style_path(const struct manuscript *ms, const struct ini *ini, const char *key,
    const char *name, struct diags *d)
{
	char *v = ini_string(ini, "edition", key), *exe, *path = NULL;
	GPtrArray *tried = g_ptr_array_new_with_free_func(g_free);
	GString *all;
	guint i;

	if (v != NULL)
		g_ptr_array_add(tried, g_path_is_absolute(v) ? g_strdup(v) :
		    g_build_filename(ms->basedir, v, NULL));
	else {
		g_ptr_array_add(tried, g_build_filename(ms->basedir, "..",
		    "styles", name, NULL));
		if ((exe = g_file_read_link("/proc/self/exe", NULL)) != NULL) {
			char *dir = g_path_get_dirname(exe);

			g_ptr_array_add(tried, g_build_filename(dir, "..",
			    "styles", name, NULL));
			g_free(dir);
			g_free(exe);
		}
		g_ptr_array_add(tried, g_build_filename(OCTAVO_DATADIR,
		    "styles", name, NULL));
	}
	for (i = 0; i < tried->len && path == NULL; i++)
		if (g_file_test(g_ptr_array_index(tried, i),
		    G_FILE_TEST_IS_REGULAR))
			path = g_strdup(g_ptr_array_index(tried, i));
	if (path == NULL && v != NULL &&
	    g_file_test(g_ptr_array_index(tried, 0), G_FILE_TEST_EXISTS)) {
		diag_add(d, DIAG_ERROR, ini_pos(ini, "edition", key), NOT_FILE,
		    (const char *)g_ptr_array_index(tried, 0), key);
		path = g_strdup(g_ptr_array_index(tried, 0));
	} else if (path == NULL) {
		all = g_string_new(NULL);
		for (i = 0; i < tried->len; i++)
			g_string_append_printf(all, "%s%s", i > 0 ? ", " : "",
			    (const char *)g_ptr_array_index(tried, i));
		diag_add(d, DIAG_ERROR, ini_pos(ini, "edition", v != NULL ?
		    key : NULL), "no %s at %s; %s '%s = FILE' in [edition]",
		    name, all->str, v != NULL ? "correct" : "add", key);
		g_string_free(all, TRUE);
		path = g_strdup(g_ptr_array_index(tried, 0));
	}
	g_ptr_array_free(tried, TRUE);
	g_free(v);
	return path;
}

/*
 * names: the list of names, relative to the manifest; else names.txt
 * beside the manifest if there is one.  An empty value: no index.
 */
static char *
names_path(const struct manuscript *ms, const struct ini *ini, struct diags *d)
{
	char *v = ini_string(ini, "edition", "names"), *path;

	if (v == NULL) {
		path = g_build_filename(ms->basedir, "names.txt", NULL);
		if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
			return path;
		g_free(path);
		return NULL;
	}
	if (*v == '\0') {
		g_free(v);
		return NULL;
	}
	path = g_path_is_absolute(v) ? g_strdup(v) :
	    g_build_filename(ms->basedir, v, NULL);
	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
		diag_add(d, DIAG_ERROR, ini_pos(ini, "edition", "names"),
		    g_file_test(path, G_FILE_TEST_EXISTS) ? NOT_FILE :
		    "no list of names at '%s'; give its path relative to the "
		    "manifest, or leave '%s' empty for no index", path,
		    "names");
	g_free(v);
	return path;
}

/*
 * A key of [edition] with two values: sets *flag if it is yes, leaves it
 * if it is no or absent (the default), and is an error otherwise.
 */
static void
read_choice(const struct ini *ini, const char *key, const char *no,
    const char *yes, int *flag, struct diags *d)
{
	char *v = ini_string(ini, "edition", key);

	if (v != NULL && strcmp(v, yes) == 0)
		*flag = 1;
	else if (v != NULL && strcmp(v, no) != 0)
		diag_add(d, DIAG_ERROR, ini_pos(ini, "edition", key),
		    "%s is '%s' or '%s', not '%s'", key, no, yes, v);
	g_free(v);
}

/* [edition] encoding, the default of every group, must be one iconv knows. */
static void
check_encoding(const struct ini *ini, struct diags *d)
{
	char *v = ini_string(ini, "edition", "encoding");

	if (v != NULL && !source_encoding_known(v))
		diag_add(d, DIAG_ERROR, ini_pos(ini, "edition", "encoding"),
		    "unknown encoding '%s'; name one iconv knows, such as "
		    "utf-8, latin1 or windows-1252", v);
	g_free(v);
}

/*
 * Reads [edition].  With a Markdown source, whose YAML block may give
 * them, the title, language and identifier are checked once the
 * sources are read (pipeline.c), not here.
 */
static void
read_edition(struct manuscript *ms, const struct ini *ini, int markdown,
    struct diags *d)
{
	struct edition *e = ms->edition;
	const char *g = "edition";

	if (!g_key_file_has_group(ini->kf, g)) {
		diag_add(d, DIAG_ERROR, srcpos_at(ini->path, 1, 1),
		    "no [edition] group; start the manifest with [edition] "
		    "and its title, language and identifier");
		return;
	}
	ini_check_keys(ini, g, edition_keys, NULL, d);
	ms->edition_pos = ini_pos(ini, g, NULL);
	e->meta.title = markdown ? ini_string(ini, g, "title") :
	    required(ini, g, "title", d);
	e->meta.subtitle = ini_string(ini, g, "subtitle");
	e->editor = ini_string(ini, g, "editor");
	e->translator = ini_string(ini, g, "translator");
	/* The book's author; creator is the older name of the key. */
	if ((e->meta.author = ini_string(ini, g, "author")) == NULL)
		e->meta.author = ini_string(ini, g, "creator");
	e->language = read_language(ini, g, !markdown, d);
	e->identifier = markdown ? ini_string(ini, g, "identifier") :
	    required(ini, g, "identifier", d);
	e->date = ini_string(ini, g, "date");
	e->rights = ini_string(ini, g, "rights");
	e->description = ini_string(ini, g, "description");
	e->publisher = ini_string(ini, g, "publisher");
	check_encoding(ini, d);
	ms->output = ini_string(ini, g, "output");
	if (ms->output == NULL)
		ms->output = g_strdup("edition");
	else if (*ms->output == '\0' || strchr(ms->output, '/') != NULL)
		diag_add(d, DIAG_ERROR, ini_pos(ini, g, "output"),
		    "output must be a plain file name without '/', such as "
		    "'edition'");
	read_choice(ini, "note-numbering", "chapter", "continuous",
	    &e->notes_continuous, d);
	ms->print_style = style_path(ms, ini, "print-style", "print.ini", d);
	ms->epub_style = style_path(ms, ini, "epub-style", "epub.css", d);
	read_choice(ini, "epub-embed-fonts", "false", "true",
	    &ms->epub_embed_fonts, d);
	ms->names = names_path(ms, ini, d);
	if (e->editor == NULL && e->meta.author == NULL && !markdown)
		diag_add(d, DIAG_WARNING, ini_pos(ini, g, NULL),
		    "[edition] names neither author nor editor; readers' "
		    "libraries will show no author");
	if (e->identifier != NULL &&
	    !g_str_has_prefix(e->identifier, "urn:uuid:"))
		diag_add(d, DIAG_WARNING, ini_pos(ini, g, "identifier"),
		    "identifier should be a fixed 'urn:uuid:…'; generate one "
		    "once with uuidgen and keep it");
}

/* Chapter IDs become file names and XML ids: keep them plain. */
static int
valid_id(const char *id)
{
	const char *p;

	if (!g_ascii_isalpha(*id))
		return 0;
	for (p = id; *p != '\0'; p++)
		if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_')
			return 0;
	return 1;
}

struct group *
group_new(const char *id)
{
	struct group *grp = g_new0(struct group, 1);

	grp->id = g_strdup(id);
	grp->role = -1;
	rules_init(&grp->rules);
	return grp;
}

const char *
group_own_language(const struct group *grp, const struct edition *e)
{
	if (grp->language == NULL || (e->language != NULL &&
	    g_ascii_strcasecmp(grp->language, e->language) == 0))
		return NULL;
	return grp->language;
}

void
group_free(struct group *grp)
{
	if (grp == NULL)
		return;
	g_free(grp->id);
	meta_clear(&grp->meta);
	rules_release(&grp->rules);
	g_free(grp);
}

/* Rules for raw text given to a Markdown chapter are errors at their keys. */
static void
check_group(const char *g, const struct group *grp, struct diags *d,
    const struct ini *ini)
{
	guint i;

	if (grp->format == FORMAT_MARKDOWN && grp->rules.split != NULL)
		diag_add(d, DIAG_ERROR, ini_pos(ini, g, "split"), "a Markdown "
		    "chapter splits at its level-1 headings: say 'split = "
		    "heading'");
	if (grp->format == FORMAT_TEXT && grp->rules.split_heading)
		diag_add(d, DIAG_ERROR, ini_pos(ini, g, "split"), "'split = "
		    "heading' is for Markdown; for raw text, give the pattern "
		    "of the lines that begin chapters, such as "
		    "'^CHAPTER [IVXLC]+\\.?$'");
	for (i = 0; grp->format == FORMAT_MARKDOWN &&
	    i < grp->rules.keys->len; i++)
		diag_add(d, DIAG_ERROR, g_array_index(grp->rules.key_pos,
		    struct srcpos, i), "'%s' applies to raw text, and [%s] "
		    "is format = markdown; remove the key, or say format = "
		    "text", (const char *)g_ptr_array_index(grp->rules.keys,
		    i), g);
}

static struct group *
read_group(struct manuscript *ms, const struct ini *ini, const char *g,
    struct diags *d)
{
	const char *id = g + strlen(CHAPTER_PREFIX);
	struct group *grp = group_new(id);
	char *source, *format, *language;

	grp->pos = ini_pos(ini, g, NULL);
	if (!valid_id(id))
		diag_add(d, DIAG_ERROR, grp->pos, "chapter id '%s' must start "
		    "with a letter and hold only letters, digits, '-' and "
		    "'_'", id);
	ini_check_keys(ini, g, chapter_keys, rules_keys, d);
	read_meta(ini, g, &grp->meta);
	check_title(ini, g, grp->meta.title, d);
	grp->role = read_role(ini, g, d);
	if ((language = read_language(ini, g, 0, d)) != NULL) {
		grp->language = edition_intern(ms->edition, language);
		grp->language_pos = ini_pos(ini, g, "language");
		g_free(language);
	}
	rules_read(&grp->rules, ini, g, d);
	if (grp->rules.encoding == NULL)
		grp->rules.encoding = ini_string(ini, "edition", "encoding");
	if ((source = required(ini, g, "source", d)) != NULL) {
		char *path = g_path_is_absolute(source) ? g_strdup(source) :
		    g_build_filename(ms->basedir, source, NULL);

		grp->path = edition_intern(ms->edition, path);
		g_free(path);
		g_free(source);
	}
	format = ini_string(ini, g, "format");
	if (format == NULL || strcmp(format, "text") == 0)
		grp->format = FORMAT_TEXT;
	else if (strcmp(format, "markdown") == 0)
		grp->format = FORMAT_MARKDOWN;
	else
		diag_add(d, DIAG_ERROR, ini_pos(ini, g, "format"),
		    "unknown format '%s'; use 'text' for raw scraped text or "
		    "'markdown' for CommonMark", format);
	g_free(format);
	check_group(g, grp, d, ini);
	return grp;
}

/*
 * Each group's language: its own, else the edition's.  A language of
 * its own that has no hyphenation patterns here is said once, at the
 * first key that names it: its chapters are set without hyphens, and
 * the normalizer decides a hyphen at a line's end without them.
 */
static void
group_languages(struct manuscript *ms, struct diags *d)
{
	GHashTable *said = g_hash_table_new(g_str_hash, g_str_equal);
	guint i;

	for (i = 0; i < ms->groups->len; i++) {
		struct group *grp = g_ptr_array_index(ms->groups, i);
		char *path, *package;

		if (grp->language == NULL)
			grp->language = ms->edition->language;
		if (group_own_language(grp, ms->edition) == NULL)
			continue;
		if ((path = hyphen_patterns(grp->language, NULL)) != NULL ||
		    !g_hash_table_add(said, (gpointer)grp->language)) {
			g_free(path);
			continue;
		}
		package = hyphen_package(grp->language);
		diag_add(d, DIAG_WARNING, grp->language_pos, "no hyphenation "
		    "patterns for %s here: [chapter %s] is set without hyphens; "
		    "install them (Debian's %s)", grp->language, grp->id,
		    package);
		g_free(package);
	}
	g_hash_table_destroy(said);
}

void
manuscript_free(struct manuscript *ms)
{
	if (ms == NULL)
		return;
	g_ptr_array_free(ms->groups, TRUE);
	edition_free(ms->edition);
	g_free(ms->basedir);
	g_free(ms->output);
	g_free(ms->print_style);
	g_free(ms->epub_style);
	g_free(ms->names);
	g_free(ms);
}

struct manuscript *
manuscript_new(void)
{
	struct manuscript *ms = g_new0(struct manuscript, 1);

	ms->edition = edition_new();
	ms->groups = g_ptr_array_new_with_free_func((GDestroyNotify)group_free);
	return ms;
}

struct manuscript *
manifest_read(const char *path, struct diags *d)
{
	struct manuscript *ms = manuscript_new();
	struct ini ini;
	gchar **groups, **g;
	int errors = d->count[DIAG_ERROR], markdown = 0;

	ms->path = edition_intern(ms->edition, path);
	ms->basedir = g_path_get_dirname(path);
	if (ini_open(&ini, ms->path, "the manifest", d) == -1) {
		ini_close(&ini);
		manuscript_free(ms);
		return NULL;
	}
	groups = g_key_file_get_groups(ini.kf, NULL);
	for (g = groups; *g != NULL; g++) {
		if (g_str_has_prefix(*g, CHAPTER_PREFIX)) {
			struct group *grp = read_group(ms, &ini, *g, d);

			markdown |= grp->format == FORMAT_MARKDOWN;
			g_ptr_array_add(ms->groups, grp);
		} else if (strcmp(*g, "edition") != 0)
			diag_add(d, DIAG_WARNING, ini_pos(&ini, *g, NULL),
			    "unknown group [%s] is ignored; chapters are "
			    "written [chapter ID]", *g);
	}
	read_edition(ms, &ini, markdown, d);
	group_languages(ms, d);
	if (ms->groups->len == 0)
		diag_add(d, DIAG_ERROR, srcpos_at(ini.path, 0, 0),
		    "no chapters; add a [chapter ID] group with a source");
	g_strfreev(groups);
	ini_close(&ini);
	if (d->count[DIAG_ERROR] > errors) {
		manuscript_free(ms);
		return NULL;
	}
	return ms;
}
