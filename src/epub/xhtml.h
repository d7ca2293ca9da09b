/*
 * xhtml.h — XHTML content documents: the frame every page shares, and
 * the renderer that turns a chapter's tree into its page.
 */
#ifndef OCTAVO_EPUB_XHTML_H
#define OCTAVO_EPUB_XHTML_H

#include "model.h"

/* A section heading, collected while rendering, for the navigation. */
struct heading {
	int	 level;		/* 2..6, as rendered */
	char	*id;		/* its id in the page: "s-N" */
	char	*text;		/* plain text, never empty */
};

void		 heading_free(struct heading *);
const char	*chapter_title(const struct chapter *);

/* Opens a page up to <body>; matter is the body's epub:type. */
void		 xhtml_begin(GString *, const char *lang, const char *title,
		    const char *matter);
void		 xhtml_end(GString *);

/* <p class="cls">prefix text</p>, or nothing if text is NULL. */
void		 xhtml_para(GString *, const char *cls, const char *prefix,
		    const char *text);

/* The chapter's page; appends its non-empty headings to headings. */
GString		*xhtml_chapter(const struct chapter *, const char *lang,
		    GPtrArray *headings);

#endif
