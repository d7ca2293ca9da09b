/*
 * links.h — Markdown links made what both outputs can keep.
 */
#ifndef OCTAVO_LINKS_H
#define OCTAVO_LINKS_H

#include "diag.h"
#include "model.h"

/*
 * Moves each note reference in a link's text, in the tree at root, to
 * just after the link: inside it, it would be a link inside a link in
 * both outputs.
 */
void	links_refs_after(struct node *root);

/*
 * Gives every link of e's chapters a target both outputs can follow: a
 * URL with a scheme (https:, mailto:) is one already; a URL that names
 * the source file of a chapter of the book (relative to the linking
 * chapter's source: "second.md", "second.md#the-harbours", or
 * "#the-harbours" for its own) goes to that chapter, at the heading its
 * fragment names as GitHub and pandoc name headings (lower case, a '-'
 * for each space), or at its start with a warning if none is named so.
 * Anything else (a file that is no chapter's) has nowhere to go: the
 * link is marked text_only, with a warning at it.
 */
void	links_resolve(struct edition *e, struct diags *);

#endif
