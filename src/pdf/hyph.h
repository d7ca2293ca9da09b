/*
 * hyph.h — where words may be hyphenated: libhyphen's patterns (TeX's,
 * as packaged for LibreOffice) for the edition's language, within the
 * style's limits on word and fragment lengths.
 */
#ifndef OCTAVO_PDF_HYPH_H
#define OCTAVO_PDF_HYPH_H

#include "diag.h"
#include "read/style.h"

struct reuse;

/* The kinds of row in the blocks' kept file (struct press's paras):
 * typeset.c's blocks, and each pattern file's words hyphenated. */
enum kept_row {
	KEPT_BLOCK,
	KEPT_HYPHENS
};

/*
 * The patterns for a BCP 47 language ("en-US") from dir (NULL: the
 * system's /usr/share/hyphen).  Without them the text is set without
 * hyphens: NULL, and a warning in d if d is not NULL.
 */
struct hyph	*hyph_new(const char *language, const char *dir,
		    const struct style *, struct diags *);
/* The system's pattern file hyph_new would read for language, or NULL. */
char		*hyph_patterns(const char *language);
void		 hyph_free(struct hyph *);
/* The pattern file h was read from; "" for NULL (no hyphens). */
const char	*hyph_file(const struct hyph *);

/*
 * Sets at[i] to 1 where word (len bytes) may take a hyphen before byte
 * i, 0 elsewhere; at has len bytes.  Only words of ASCII letters, not
 * all capitals, of the style's minimum length are hyphenated.  Returns
 * the number of places.
 */
int		 hyph_word(struct hyph *, const char *word, gsize len,
		    guint8 *at);

/*
 * Where the words an earlier build hyphenated with the same patterns
 * are found (read once a word is not in the cache, before the patterns
 * are) and where hyph_keep keeps this build's: a row of r, whose key
 * covers the patterns' file, libhyphen and the style (typeset.h).
 * Does nothing for NULL.
 */
void		 hyph_reuse(struct hyph *, struct reuse *r);
/* Keeps every word hyphenated (or, if none was asked anew, what the
 * earlier build kept) in the reuse given, and lets go of it. */
void		 hyph_keep(struct hyph *);

#endif
