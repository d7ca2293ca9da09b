/*
 * xhtml.h — XHTML content documents: the frame every page shares, and
 * the renderer that turns a chapter's tree into its page.
 */
#ifndef OCTAVO_EPUB_XHTML_H
#define OCTAVO_EPUB_XHTML_H

#include "diag.h"
#include "model.h"

struct book;
struct part;

/* A section heading, collected while rendering, for the navigation. */
struct heading {
	int	 level;		/* 2..6, as rendered */
	char	*id;		/* its id in the page: "s-N", "preface", "notes" */
	char	*text;		/* plain text, never empty */
	const char *lang;	/* its language, where not the book's; or NULL */
};

void		 heading_free(struct heading *);

/* Opens a page up to <body>, in lang; matter is the body's epub:type. */
void		 xhtml_begin(GString *, const char *lang, const char *title,
		    const char *matter);
void		 xhtml_end(GString *);
/*
 * An element's lang and xml:lang attributes (with a space before), for
 * what is in another language than the page around it; nothing if lang
 * is NULL.
 */
void		 xhtml_lang(GString *, const char *lang);

/* <p class="cls">text</p>, or nothing if text is NULL. */
void		 xhtml_para(GString *, const char *cls, const char *text);

/*
 * The page of a part of the book, rendered in reading order: its
 * chapter's opening (none for a dedication or an epigraph), the
 * editor's note, the text and the notes, with the print pages'
 * markers, in a section typed by the chapter's role and a body by its
 * matter (out/matter.h).  The page is in the chapter's language;
 * octavo's own words on it, where that is not the book's, are marked
 * as in the book's.  Fills the part's headings; warns about notes too
 * long for a reader's pop-up.
 */
GString		*xhtml_chapter(struct book *, struct part *, struct diags *);

/*
 * The number each heading of e has in its page (its id "s-N"), for the
 * links that go to it: a table of heading → number, made before any page is
 * rendered, since a chapter's text may be let go of once its page is
 * (epub_options' rendered) while a later chapter links back to it.
 */
GHashTable	*xhtml_link_targets(const struct edition *e);
/* The epub:type of a chapter's role: "chapter", "preface"… */
const char	*xhtml_role_type(enum chapter_role);

#endif
