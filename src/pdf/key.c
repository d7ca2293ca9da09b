/*
 * key.c — what a print layout is made from, digested: the key under
 * which a kept layout (pages.h) is found again, and which any change to
 * the text, the style or the typesetting machinery changes; and the key
 * of the words it shaped, which the text does not change.
 */
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

char *
pdf_layout_key(const struct edition *e, const char *manifest,
    const char *print_style, const char *sources_digest)
{
	GChecksum *sum = digest_new();
	char *patterns = hyph_patterns(e->language), *key = NULL;
	guint i, k;

	digest_stat(sum, patterns);
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
	if (digest_file(sum, manifest) && digest_file(sum, print_style)) {
		digest_string(sum, sources_digest);
		key = digest_finish(sum);
	} else
		g_checksum_free(sum);
	g_free(patterns);
	return key;
}

char *
pdf_shapes_key(void)
{
	return digest_finish(digest_new());
}
