/*
 * cite.h — how the edition cites a chapter's first publication: one line
 * under its title, an entry in the imprint's sources, and the EPUB's
 * dc:source, all plain text from the chapter's metadata.
 */
#ifndef OCTAVO_CITE_H
#define OCTAVO_CITE_H

#include "model.h"

/*
 * Where and when it first appeared: the source, followed by the date
 * of publication unless the source already gives its year ("First
 * published DATE" without a source).  NULL if the metadata gives
 * neither.
 */
char	*cite_source(const struct meta *);

/*
 * The full entry: “Title,” by Author. Source. Translated by X.
 * Credits.  Quotation marks in the title turn single.
 */
char	*cite_entry(const struct chapter *);

#endif
