/*
 * words.h — the words the edition prints of its own, in every output:
 * the titles of the pages it adds, the phrases before names, the index's
 * cross-references.  One table, so that the PDF and the EPUB say the
 * same, and so that another language would be one table more.
 */
#ifndef OCTAVO_WORDS_H
#define OCTAVO_WORDS_H

enum word {
	WORD_COVER,		/* the cover's page, in the e-book */
	WORD_TITLE_PAGE,
	WORD_IMPRINT,
	WORD_CONTENTS,
	WORD_CHAPTER,		/* an untitled chapter's heading: "Chapter 3" */
	WORD_INDEX,		/* the index of names' title */
	WORD_INDEX_HEAD,	/* its running head */
	WORD_LANDMARKS,		/* the e-book's navigation */
	WORD_PAGES,
	WORD_NOTES,		/* a chapter's notes */
	WORD_PREFACE,		/* an editor's introduction to a text */
	WORD_SOURCES,		/* the imprint's first publications */
	WORD_COLOPHON,
	WORD_BY,		/* before names: the book's authors */
	WORD_EDITED_BY,		/* the editors' */
	WORD_TEXTS_BY,		/* the contributors' */
	WORD_TRANSLATED_BY,	/* a chapter's translator's */
	WORD_PUBLISHED,		/* before the edition's date */
	WORD_PUBLISHED_BY,	/* before its publisher */
	WORD_ISBN,		/* before its ISBN */
	WORD_SEE,		/* the index's cross-references */
	WORD_SEE_ALSO,
	WORD_BACKLINK		/* a note's link back to the text, as
				   a screen reader reads it */
};

/* The words, as printed at the start of a line: "Edited by". */
const char	*word(enum word);

/* The words before s: "Translated by X"; NULL if s is NULL. */
char		*word_before(enum word, const char *s);

#endif
