/*
 * words.c — the table of the edition's own words, in English.
 */
#include <glib.h>

#include "out/words.h"

static const char *const words[] = {
	[WORD_COVER] = "Cover",
	[WORD_TITLE_PAGE] = "Title Page",
	[WORD_IMPRINT] = "Imprint",
	[WORD_CONTENTS] = "Contents",
	[WORD_INDEX] = "Index of Names",
	[WORD_INDEX_HEAD] = "Index",
	[WORD_LANDMARKS] = "Landmarks",
	[WORD_PAGES] = "Pages",
	[WORD_CHAPTER] = "Chapter",
	[WORD_NOTES] = "Notes",
	[WORD_PREFACE] = "Editor\xe2\x80\x99s note",
	[WORD_SOURCES] = "Sources",
	[WORD_COLOPHON] = "Colophon",
	[WORD_BY] = "By",
	[WORD_EDITED_BY] = "Edited by",
	[WORD_TEXTS_BY] = "With texts by",
	[WORD_TRANSLATED_BY] = "Translated by",
	[WORD_PUBLISHED] = "Published",
	[WORD_PUBLISHED_BY] = "Published by",
	[WORD_ISBN] = "ISBN",
	[WORD_SEE] = "See",
	[WORD_SEE_ALSO] = "See also",
	[WORD_BACKLINK] = "Back to the text",
};

const char *
word(enum word w)
{
	g_assert((size_t)w < G_N_ELEMENTS(words) && words[w] != NULL);
	return words[w];
}

char *
word_before(enum word w, const char *s)
{
	return s != NULL ? g_strdup_printf("%s %s", word(w), s) : NULL;
}
