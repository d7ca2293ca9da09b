/*
 * links.h — Markdown links made what both outputs can keep.
 */
#ifndef OCTAVO_LINKS_H
#define OCTAVO_LINKS_H

#include "diag.h"
#include "model.h"

/*
 * Checks every link in the tree at root.  A link must go to a URL with
 * a scheme (https:, mailto:): anything else (another chapter's file, a
 * relative path, a fragment) has nowhere to go in the EPUB or the PDF,
 * so the link is marked text_only, with a warning at it.  A note
 * reference in a link's text would be a link inside a link in both
 * outputs: it is moved to just after the link.
 */
void	links_check(struct node *root, struct diags *);

#endif
