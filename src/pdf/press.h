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

#endif
