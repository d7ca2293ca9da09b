/*
 * press.h — making and releasing the state one run of the print back
 * end shares (struct press, galley.h).
 */
#ifndef OCTAVO_PDF_PRESS_H
#define OCTAVO_PDF_PRESS_H

#include "galley.h"

/*
 * A press for the style, hyphenating in the BCP 47 language (NULL:
 * en-US); problems with fonts or patterns go to d as warnings.
 */
struct press	*press_new(const char *language, const struct style *,
		    struct diags *);
void		 press_free(struct press *);
/*
 * Lets go of what only setting type needs, the hyphenation patterns
 * and the line breaker's scratch, once the layout is done: what was
 * set is then only drawn.  Nothing may be set with the press after.
 */
void		 press_set_done(struct press *);
/*
 * Where the blocks an earlier build set are found and this build's are
 * kept (struct press's paras), and the words its patterns hyphenated
 * (hyph.h); NULL: nowhere.
 */
void		 press_reuse(struct press *, struct reuse *paras);
/* Keeps the words hyphenated in the reuse given, and lets go of it:
 * what is set after is neither found nor kept. */
void		 press_keep(struct press *);
/*
 * Hyphenates what is set next in the BCP 47 language (NULL: the
 * book's), as a chapter in another language is: with its patterns,
 * read once, or without hyphens if there are none (the manifest has
 * said so, at the chapter's key).
 */
void		 press_language(struct press *, const char *language);
/*
 * The patterns a passage in another language (NODE_SPAN or NODE_DIV;
 * NULL: none) is hyphenated by: its language's, or none if there are
 * none here, which a warning says once a language, at the first
 * passage in it.  NULL for no hyphens.
 */
struct hyph	*press_hyph(struct press *, const struct node *passage);

#endif
