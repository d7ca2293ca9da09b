/*
 * index.h — the index stage: every form of the authority list found in
 * the chapters' text, headings, quotations and notes, marked where it
 * occurs, and the index of names built on the edition in collation order.
 */
#ifndef OCTAVO_INDEX_H
#define OCTAVO_INDEX_H

#include "diag.h"
#include "model.h"
#include "index/names.h"

/* What 'octavo index' reports, as lines ready to print. */
struct index_log {
	int		 headings;	/* main headings printed */
	int		 marks;		/* occurrences marked */
	int		 locators;	/* distinct places, all headings */
	GPtrArray	*unmatched;	/* char *: headings no text names */
	GPtrArray	*ambiguous;	/* char *: forms of several headings */
	GPtrArray	*candidates;	/* char *: names the list lacks */
};

void	index_log_init(struct index_log *);
void	index_log_release(struct index_log *);

/*
 * Marks every occurrence of the list's forms in the edition's chapters
 * (an index mark in its text node, where it begins) and fills e->index,
 * collated with ICU's English rules.  Run once, after the notes stage
 * and after every stage that cuts or rewrites text nodes.  A form that
 * only several headings imply, with no rule to choose, is left unmarked
 * with a warning; a rule naming no chapter of the manifest is a warning.
 * If log is not NULL it gets the report of 'octavo index'.
 */
void	index_names(struct edition *, const struct names *,
	    struct index_log *, struct diags *);

/*
 * The index as plain text: each heading printed with its locators, as
 * "CHAPTER ¶N" (paragraph or heading N of the chapter's text) or
 * "CHAPTER n.N" (note N), once per place; then, if folios (as for
 * index_pages, out/indexing.h) is not NULL, its print pages.
 */
GString	*index_text(const struct edition *, const GArray *folios);

#endif
