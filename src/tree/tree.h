/*
 * tree.h — the model as indented text: a back end for tests, so that
 * what the stages made can be held to an expected dump apart from the
 * EPUB and the PDF ('octavo dump', tests/data/).
 */
#ifndef OCTAVO_TREE_H
#define OCTAVO_TREE_H

#include "model.h"

/*
 * The edition's metadata, then each chapter's: its metadata, its
 * editor's introduction, text and notes, a node a line, indented by
 * depth, with the line and column it came from; then the index of
 * names.  Strings are quoted, with \" \\ and \n escaped.
 */
GString	*tree_dump(const struct edition *);

#endif
