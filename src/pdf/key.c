/*
 * key.c — what a print layout is made from, digested: the key under
 * which a kept layout (pages.h) is found again, and which any change to
 * the text, the style or the typesetting machinery changes; and the key
 * of the words it shaped, which the text does not change.
 */
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <hyphen.h>

#include "hyph.h"
#include "out/digest.h"
#include "pdf.h"

/* The patterns of each passage in another language of tree, digested. */
static void
passage_patterns(GChecksum *sum, const struct node *tree)
{
	struct citer it;

	citer_init(&it, tree);
	while (citer_next(&it) != ITER_NONE)
		if (it.ev == ITER_ENTER && (it.cur->type == NODE_SPAN ||
		    it.cur->type == NODE_DIV)) {
			char *own = hyph_patterns(it.cur->as.lang);

			digest_stat(sum, own);
			g_free(own);
		}
}

/*
 * Adds to sum the hyphenation patterns the edition is set with: the
 * book's, each chapter's own, each passage's.
 */
static void
digest_patterns(GChecksum *sum, const struct edition *e)
{
	char *patterns = hyph_patterns(e->language);
	guint i, k;

	/* And libhyphen, which reads them: another may break otherwise. */
	digest_library(sum, (const void *)hnj_hyphen_load);
	digest_stat(sum, patterns);
	g_free(patterns);
	/* A chapter's own patterns too: installing them changes its lines. */
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);
		char *own = c->language != NULL ? hyph_patterns(c->language) :
		    NULL;

		digest_stat(sum, own);
		g_free(own);
		/* And a passage's, in the text or a note. */
		for (k = 0; k < chapter_trees(c); k++)
			passage_patterns(sum, chapter_tree(c, k));
	}
}

char *
pdf_layout_key(const struct edition *e, const char *manifest,
    const char *print_style, const char *sources_digest)
{
	GChecksum *sum = digest_new();

	digest_patterns(sum, e);
	if (digest_file(sum, manifest) && digest_file(sum, print_style)) {
		digest_string(sum, sources_digest);
		return digest_finish(sum);
	}
	g_checksum_free(sum);
	return NULL;
}

/* Sorts font files by name, so that fc-cache's order does not count. */
static gint
by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Adds to sum what chooses a character's font besides the style: the
 * fonts installed, each file and face, in the order of their names;
 * fontconfig's version and its configuration files.  A font installed
 * or removed, or a rule of fontconfig's changed, may change which font
 * a character is set in, which the blocks kept do not check, as they
 * check a font's own file.
 */
static void
digest_fonts(GChecksum *sum)
{
	FcFontSet *set = FcConfigGetFonts(NULL, FcSetSystem);
	FcStrList *files = FcConfigGetConfigFiles(NULL);
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	int version = FcGetVersion(), i, face;
	FcChar8 *file;
	guint k;

	for (i = 0; set != NULL && i < set->nfont; i++)
		if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) ==
		    FcResultMatch)
			g_ptr_array_add(names, g_strdup_printf("%s#%d",
			    (const char *)file, FcPatternGetInteger(
			    set->fonts[i], FC_INDEX, 0, &face) ==
			    FcResultMatch ? face : -1));
	g_ptr_array_sort(names, by_name);
	for (k = 0; k < names->len; k++)
		digest_string(sum, g_ptr_array_index(names, k));
	g_ptr_array_free(names, TRUE);
	digest_bytes(sum, &version, sizeof(version));
	while (files != NULL && (file = FcStrListNext(files)) != NULL) {
		digest_string(sum, (const char *)file);
		digest_stat(sum, (const char *)file);
	}
	if (files != NULL)
		FcStrListDone(files);
}

char *
pdf_paras_key(const struct edition *e, const char *print_style)
{
	GChecksum *sum = digest_new();

	digest_patterns(sum, e);
	digest_fonts(sum);
	if (digest_file(sum, print_style))
		return digest_finish(sum);
	g_checksum_free(sum);
	return NULL;
}

char *
pdf_shapes_key(void)
{
	return digest_finish(digest_new());
}
