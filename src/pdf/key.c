/*
 * key.c — what a print layout is made from, digested: the key under
 * which a kept layout (pages.h) is found again, and which any change to
 * the text, the style or the typesetting machinery changes.
 */
#include "hyph.h"
#include "out/digest.h"
#include "pdf.h"

char *
pdf_layout_key(const struct edition *e, const char *manifest,
    const char *print_style, const char *sources_digest)
{
	GChecksum *sum = digest_new();
	char *patterns = hyph_patterns(e->language), *key = NULL;
	guint i;

	digest_stat(sum, patterns);
	/* A chapter's own patterns too: installing them changes its lines. */
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);
		char *own = c->language != NULL ? hyph_patterns(c->language) :
		    NULL;

		digest_stat(sum, own);
		g_free(own);
	}
	if (digest_file(sum, manifest) && digest_file(sum, print_style)) {
		digest_string(sum, sources_digest);
		key = digest_finish(sum);
	} else
		g_checksum_free(sum);
	g_free(patterns);
	return key;
}
