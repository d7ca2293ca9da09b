/*
 * hyphen.h — a language's hyphenation patterns (TeX's, as packaged for
 * LibreOffice and read by libhyphen): where they are, and where a word
 * may break.  The normalizer asks them whether a hyphen at a line's end
 * broke a word; the PDF's line breaker, where to break one.
 */
#ifndef OCTAVO_READ_HYPHEN_H
#define OCTAVO_READ_HYPHEN_H

#include <glib.h>

struct hyphen;

/*
 * The pattern file for a BCP 47 language ("en-US") in dir (NULL: the
 * system's /usr/share/hyphen): hyph_en_US.dic, else hyph_en.dic.  NULL
 * if there is none.
 */
char		*hyphen_patterns(const char *language, const char *dir);
/*
 * The Debian package that installs the patterns for a BCP 47 language:
 * hyphen-fr for fr or fr-CA; English and Portuguese have one a country
 * (hyphen-en-us, hyphen-pt-br).  A new string.
 */
char		*hyphen_package(const char *language);
/* The patterns in path, or NULL if they cannot be read. */
struct hyphen	*hyphen_load(const char *path);
void		 hyphen_free(struct hyphen *);

/*
 * Where the lower-case word w (len bytes) may break: a new array of len
 * bytes, at[i] 1 where a hyphen may come before byte i, leaving at
 * least left and right letters on either side.
 */
guint8		*hyphen_points(struct hyphen *, const char *w, gsize len,
		    int left, int right);

#endif
