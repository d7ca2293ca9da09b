/*
 * book.h — the EPUB being assembled, shared by the back end's parts:
 * epub.c builds it, and the package document (opf.c), navigation
 * (nav.c), title page (titlepage.c) and index of names (index.c) are
 * rendered from it.
 */
#ifndef OCTAVO_EPUB_BOOK_H
#define OCTAVO_EPUB_BOOK_H

#include "model.h"

/* The package's paths, relative to the OPF, and its stylesheet's. */
#define BOOK_CSS	"css/epub.css"
#define BOOK_NAV	"nav.xhtml"
#define BOOK_NCX	"toc.ncx"
#define BOOK_TITLEPAGE	"titlepage.xhtml"
#define BOOK_INDEX	"index.xhtml"
#define BOOK_INDEX_TITLE "Index of Names"

/* One chapter's content document. */
struct part {
	const struct chapter	*chapter;
	char			*id;		/* manifest id: "chapter-ID" */
	char			*file;		/* "chapter-ID.xhtml" */
	GPtrArray		*headings;	/* struct heading *, for nav */
	GBytes			*xhtml;		/* the rendered page */
};

struct book {
	const struct edition	*edition;
	char			*modified;	/* dcterms:modified, UTC */
	GPtrArray		*parts;		/* struct part *, reading order */
	GPtrArray		*editors;	/* names: "A and B" split */
	GPtrArray		*authors;	/* distinct names, reading order */
	GPtrArray		*translators;	/* likewise */
	int			 has_index;	/* the index of names is printed */
};

GString	*opf_package(const struct book *);
GString	*nav_document(const struct book *);
GString	*nav_ncx(const struct book *);
GString	*titlepage(const struct book *);
GString	*index_document(const struct book *);

#endif
