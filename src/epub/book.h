/*
 * book.h — the EPUB being assembled, shared by the back end's parts:
 * book.c holds it, epub.c fills it, the pages (titlepage.c, imprint.c,
 * xhtml.c, index.c), the cover (cover.c), the fonts (fonts.c), the
 * navigation (nav.c) and the package document (opf.c) are rendered
 * from it, and ocf.c writes it out.
 */
#ifndef OCTAVO_EPUB_BOOK_H
#define OCTAVO_EPUB_BOOK_H

#include "diag.h"
#include "epub/anchors.h"
#include "epub/pagemarks.h"
#include "model.h"
#include "out/credits.h"
#include "out/matter.h"

/* The package's paths, relative to the OPF. */
#define BOOK_CSS	"css/epub.css"
#define BOOK_COVER	"cover.xhtml"
#define BOOK_COVER_PNG	"images/cover.png"
#define BOOK_TITLEPAGE	"titlepage.xhtml"
#define BOOK_IMPRINT	"imprint.xhtml"
#define BOOK_NAV	"nav.xhtml"
#define BOOK_NCX	"toc.ncx"
#define BOOK_INDEX	"index.xhtml"
#define XHTML_TYPE	"application/xhtml+xml"

/* One chapter's content document. */
struct part {
	const struct chapter	*chapter;
	guint			 at;		/* the chapter's index */
	const char		*id;		/* manifest id: "chapter-ID" */
	const char		*file;		/* "chapter-ID.xhtml" */
	const char		*title;		/* as the contents list it */
	GPtrArray		*headings;	/* struct heading *, for nav */
};

struct book;
struct epub_options;

/*
 * What makes an item's bytes when the archive is written (ocf.c): a
 * chapter's page is rendered, deflated into the archive and let go
 * before the next is rendered, so that the e-book's text is never held
 * whole.  arg is the item's.
 */
typedef GBytes *(*item_maker)(struct book *, void *arg);

/* A file of the package. */
struct item {
	const char	*id;		/* in the manifest */
	const char	*href;		/* relative to the OPF */
	const char	*type;		/* media type */
	const char	*properties;	/* the manifest's, or NULL */
	int		 spine;		/* in the reading order */
	GBytes		*data;		/* or NULL: made by make */
	item_maker	 make;
	void		*arg;
	gboolean	 text;		/* rendered from the text, in order,
					   before any other is made: a
					   chapter, the index */
};

struct book {
	const struct edition	*edition;
	char			*modified;	/* dcterms:modified, UTC */
	GStringChunk		*names;		/* the parts' and items' ids, files
						   and titles */
	GPtrArray		*parts;		/* struct part *, reading order */
	struct credits		 credits;	/* who made it */
	struct matter_bounds	 matter;	/* front, text and back */
	GPtrArray		*sources;	/* struct cited *: the imprint's */
	struct pagemarks	 marks;		/* the print pages, as placed */
	struct anchors		 anchors;	/* the index's links into the
						   text */
	GHashTable		*targets;	/* the headings links go to
						   (xhtml_link_targets) */
	GString			*prelim_marks[PRELIM_CONTENTS + 1];
						/* the markers of each prelim's
						   pages, for its e-book page */
	guint			 pages;		/* how many got a marker */
	GPtrArray		*items;		/* struct item *: manifest order,
						   the spine's in reading order */
	int			 has_cover;	/* a cover image and page */
	int			 has_index;	/* the index of names is printed */
	int			 has_fonts;	/* the print face is embedded */
	gboolean		 contents_marked;	/* the contents'
						   markers are written */
	struct diags		*diags;		/* the rendering's, while the
						   archive is written */
	const struct epub_options *opts;	/* what the book was asked */
};

/*
 * Opens a book of e, made at t, with no parts and no files yet: its
 * credits, sources and matter decided, every break of pages (which may
 * be NULL) pinned in the text, the markers of the title page and
 * imprint written, and the index's locators and the anchors they link
 * to chosen; the contents' follow any dedication and epigraph that open
 * the book (book_contents_marks).
 */
void	book_open(struct book *, const struct edition *e,
	    const struct pagemap *pages, GDateTime *t, struct diags *);
void	book_close(struct book *);

/*
 * Writes the markers of the contents' print pages, in reading order:
 * once, the first time it is called.
 */
void	book_contents_marks(struct book *);

/* Chapter at's part, added last to the parts; its page is still to
 * come. */
struct part *book_part(struct book *, const struct chapter *, guint at);

/* The file of chapter c's part, which holds its text, notes and marks. */
const char *book_file(const struct book *, const struct chapter *c);
/* The same, named before the part is made (a link from a chapter
 * before it); the caller frees it. */
char	*book_chapter_file(const struct chapter *c);

/* Adds a file to the package; the item takes over data. */
void	book_add(struct book *, const char *id, const char *href,
	    const char *type, const char *properties, int spine, GBytes *data);
/*
 * Adds an XHTML page of the spine that make(b, arg) renders from the
 * text, in the order added, when the archive is written.
 */
void	book_add_text(struct book *, const char *id, const char *href,
	    const char *properties, item_maker make, void *arg);
/* Adds a file that make(b, NULL) makes once the text is rendered. */
void	book_add_late(struct book *, const char *id, const char *href,
	    const char *type, const char *properties, int spine,
	    item_maker make);
/* Adds an XHTML page to the spine, from a rendered page it frees. */
void	book_page(struct book *, const char *id, const char *href,
	    const char *properties, GString *page);

GString	*opf_package(const struct book *);
GString	*nav_document(const struct book *);
GString	*nav_ncx(const struct book *);
GString	*titlepage(const struct book *);
GString	*cover_page(const struct book *);
GString	*imprint_page(const struct book *);
/* The index; it writes the markers of the index's print pages. */
GString	*index_document(struct book *);

#endif
