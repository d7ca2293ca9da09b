/*
 * galley.h — what the units of the print back end hand each other.
 *
 * A galley is text set in lines but not yet made up into pages, as on a
 * compositor's galley tray.  Each part of the book has one (each chapter
 * of the text, in turn), and the footnotes one, which the page builder
 * draws on as it fills pages.
 *
 *	press.c           what one run shares: Pango, the caches, the notes
 *	runs.c            a block's inlines → text, attributes and anchors
 *	shape.c           the text → pieces shaped by Pango, once per word
 *	hyph.c, kp.c      hyphenation points; Knuth–Plass line breaking
 *	typeset.c         a block → struct line in a galley
 *	flow.c, prelims.c the model → blocks, footnotes and the tags of the
 *	                  logical structure
 *	backmatter.c      the index of names, set and made up in two columns
 *	page.c            the galleys → struct page, each line given its place
 *	ink.c, draw.c     the pages → Cairo: lines, notes, heads, tags, links
 *	outline.c         the headings → the PDF's outline, in reading order
 *	map.c, report.c   where pages begin (pages.h); the typesetting measured
 *
 * Each stage only reads what the one before made, so a better line
 * breaker or page builder can replace typeset.c or page.c alone.
 */
#ifndef OCTAVO_PDF_GALLEY_H
#define OCTAVO_PDF_GALLEY_H

#include <pango/pango.h>

#include "diag.h"
#include "model.h"
#include "out/credits.h"
#include "out/pages.h"
#include "read/style.h"

/* What the page builder may and may not do around a line. */
enum line_flag {
	LINE_FIRST	= 1 << 0,	/* the first line of its block */
	LINE_LAST	= 1 << 1,	/* the last line of its block */
	LINE_KEEP	= 1 << 2,	/* no page break after this line */
	LINE_NEW_PAGE	= 1 << 3,	/* begins a page */
	LINE_NEW_RECTO	= 1 << 4,	/* begins a right-hand (odd) page */
	LINE_HEAD	= 1 << 5,	/* not at the head of a page (a scene break) */
	LINE_SPANS	= 1 << 6	/* its block's element holds others (tags) */
};

/* A place in a block's text that the drawing or the page map needs. */
enum anchor_kind {
	ANCHOR_REF,	/* a note's number in the text: links to the note */
	ANCHOR_XREF,	/* "see note 12": links to the note */
	ANCHOR_BACK,	/* a note's number at its foot: links back */
	ANCHOR_MARK,	/* an index mark: no text, only where it fell */
	ANCHOR_PAGE,	/* a page number in the index: links to the page */
	ANCHOR_URL,	/* a link's text: links to its URL */
	ANCHOR_LANG	/* a passage in another language: node, its
			   NODE_SPAN; the others it holds within it */
};

struct anchor {
	enum anchor_kind	 kind;
	guint			 start, end;	/* bytes of the text */
	union {				/* by kind, so an anchor stays small */
		const struct node *node;	/* NOTEREF, XREF, LINK, SPAN
						   or NULL */
		const struct index_mark *mark;	/* ANCHOR_MARK's */
	};
	const struct note	*note;
	int			 page;		/* ANCHOR_PAGE: of the file, from 1 */
};

/*
 * A block's text shaped once (shape.c): the Pango items and, within each,
 * pieces that are words or runs of spaces, each shaped by itself.  Lines
 * are cut from it; it is shared by them and counted.
 */
/* Sixteen bytes: a paragraph of a whole book has millions. */
struct piece {
	guint			 start;		/* its first byte of the text;
						   piece_end() is past its last */
	unsigned		 item : 29;	/* index into items */
	unsigned		 space : 1;	/* spaces: glue between words */
	unsigned		 tie : 1;	/* no-break spaces: glue, no break */
	unsigned		 cut : 1;	/* goes on with a word too long to be
						   one piece (shape.c's PIECE_MAX) */
	const struct shaped	*sh;		/* its glyphs (shape.c's cache) */
};

struct para {
	int		 refs;
	char		*text;
	PangoItem	**items;
	guint		 nitems;
	struct piece	*pieces;	/* in text order */
	guint		 npieces;
	GArray		*anchors;	/* struct anchor, by start */
};

/* One line of type. */
struct line {
	struct para	*para;		/* a reference of its own, or NULL */
	guint		 start, end;	/* bytes of para's text set on it */
	double		 x;		/* from the left of the measure */
	double		 ratio;		/* adjustment ratio of its spaces */
	unsigned	 justified : 1;	/* spaces stretch or shrink by ratio */
	unsigned	 hyphen : 1;	/* ends in a hyphen its break added */
	unsigned	 fill : 1;	/* ends a paragraph (or a forced break) */
	struct para	*side;		/* a second text on the baseline (a list
					   item's marker, a page number), or NULL */
	double		 side_x;
	double		 ascent;	/* to the baseline, at the top of a page */
	double		 advance;	/* from the baseline of the line before */
	double		 space;		/* more above; dropped at the top of a page
					   unless the line begins the page */
	unsigned	 flags;		/* enum line_flag */
	int		 chapter;	/* index into the edition's, or -1 */
	const struct node *block;	/* the model's block, or NULL */
	gsize		 offset;	/* into node_text(block): where it begins */
	const struct index_entry *entry; /* the index's entry it sets, or NULL */
	enum prelim	 prelim;	/* the prelim it sets, or PRELIM_NONE */
	guint		 notes, nnotes;	/* footnotes anchored here: indices
					   galley->anchored[notes…] */
	/* set by page.c */
	int		 page;		/* index into the pages */
	double		 y;		/* baseline, from the text block's top */
};

/*
 * A tag of the logical structure (or a link), begun or ended before a
 * line is drawn: the galley's tags are issued in order as its lines are.
 */
struct tagev {
	guint		 line;
	const char	*name;		/* "P", "H2", CAIRO_TAG_LINK… */
	char		*attrs;		/* owned; NULL for none */
	const char	*lang;		/* the element's language, if it is
					   not the one holding it's; or NULL */
	gboolean	 end;
	gboolean	 marker;	/* after the line's marker (its leading
					   side text), before its text */
};

/* A heading: a destination for links and an entry in the outline. */
struct head {
	guint		 line;		/* its first line */
	int		 level;		/* 1 chapter, 2 section, 3 subsection */
	char		*title;
	char		 dest[16];
};

struct galley {
	GArray		*lines;		/* struct line */
	GArray		*tags;		/* struct tagev */
	GArray		*anchored;	/* guint: footnotes, by line */
	GArray		*heads;		/* struct head */
};

/* A footnote: its lines in the notes' galley, and whose they are. */
struct footnote {
	const struct note *note;
	int		 chapter;
	guint		 first, count;	/* lines of the notes' galley */
	guint		 tags, ntags;	/* its tags in the notes' galley */
	gboolean	 backlink;	/* its number links back to a reference */
};

/* How to set one block: the font, the shape and what the lines carry. */
struct block {
	const struct font *font;
	PangoStyle	 slant;
	PangoVariant	 variant;
	PangoAlignment	 align;
	gboolean	 justify;
	gboolean	 code;		/* keep spaces; break only where it must */
	double		 left, right;	/* from the measure's edges */
	gboolean	 exact;		/* as narrow as left and right make
					   it (a table's column); else a third
					   of the measure at least */
	double		 indent;	/* first line: in (> 0) or out (< 0) */
	const char	*marker;	/* set in the indent of the first line */
	double		 space;		/* above the block */
	unsigned	 flags;		/* NEW_PAGE, NEW_RECTO: first line;
					   KEEP, HEAD, SPANS: all */
	int		 chapter;
	const struct node *node;	/* the model's block, or NULL */
};

struct shaper;
struct hyph;
struct reuse;
struct typeset_work;

/*
 * The geometry, the Pango context and what every unit shares for one
 * run: the cache of shaped words, the hyphenation patterns, and the
 * footnotes with their galley.
 */
struct press {
	const struct style	*st;
	PangoContext		*pc;
	PangoFontMap		*fm;
	double			 measure;	/* the text block's width */
	double			 depth;		/* and height */
	struct shaper		*shaper;
	struct reuse		*paras;		/* the blocks an earlier build
						   set, found by all they are
						   set from, and where this
						   build's are kept; or NULL */
	guint			 sets, sets_kept; /* blocks set; of them, as
						   an earlier build set them */
	struct typeset_work	*work;		/* typeset.c's arrays, kept from
						   block to block */
	struct hyph		*hyph;		/* what is set now is hyphenated
						   by, or NULL: not at all */
	struct hyph		*book_hyph;	/* the book's language's */
	GHashTable		*hyphs;		/* other languages': BCP 47 →
						   struct hyph *, or NULL */
	struct galley		*notes;		/* the footnotes' lines */
	GArray			*footnotes;	/* struct footnote */
	GHashTable		*note_index;	/* note → footnote index + 1 */
	const struct credits	*credits;	/* who made the book */
	guint			 heads;		/* headings named so far, h1, h2…
						   through the book */
	GHashTable		*dests;		/* a chapter or a heading of the
						   model → its destination's
						   name, for links to it */
	int			 front_pages;	/* the prelims', in the file */
	int			 text_pages;	/* the text's, drawn first */
	gboolean		 pages_named;	/* a link to a page names it
						   (merge.h's PDF_PAGE_DEST):
						   it is on another surface */
	struct diags		*diags;
};

struct galley	*galley_new(void);
void		 galley_free(struct galley *);
/* Frees what a struct head owns: an array of them's clear function. */
void		 head_clear(gpointer);
/* The line at i. */
#define GALLEY_LINE(g, i)	(&g_array_index((g)->lines, struct line, (i)))
/*
 * Lets go of the paragraphs of lines first…first + count, drawn: a
 * paragraph is freed with the last line that holds it, so that a book
 * is not held whole until its last page is drawn.
 */
void		 galley_release_lines(struct galley *, guint first, guint count);
/* Adds a tag event before the next line the galley gets. */
void		 galley_tag(struct galley *, const char *name, const char *attrs,
		    gboolean end);
/* Begins an element in the language lang (NULL: its parent's). */
void		 galley_tag_lang(struct galley *, const char *name,
		    const char *lang);
/* The same, issued between the next line's marker and its text. */
void		 galley_tag_marker(struct galley *, const char *name,
		    gboolean end);
/* Flags every line of the block that line i belongs to. */
void		 galley_flag_block(struct galley *, guint i, unsigned flags);
/*
 * Calls fn for every anchor of the model (an index mark, or one with a
 * node) on the lines from…to (excluded; G_MAXUINT: to the end) of g
 * that a page holds, with the line it begins on.
 */
void		 galley_each_anchor(const struct galley *, guint from, guint to,
		    void (*fn)(const struct line *, const struct anchor *,
		    void *), void *arg);

/*
 * The innermost passage in another language (its NODE_SPAN) that holds
 * byte at of pa's text, or NULL.
 */
const struct node *para_passage(const struct para *pa, guint at);
struct para	*para_ref(struct para *);
void		 para_unref(struct para *);

/* The footnote set for a note, or NULL if it has none yet. */
const struct footnote *press_footnote(const struct press *,
		    const struct note *);
/*
 * Page n of the file (from 1) as Cairo numbers it: the text is drawn
 * first, then the prelims, then the index (pdf.c); the finishing puts
 * the prelims back in front.
 */
int		 press_drawn(const struct press *, int n);
/* The names of a footnote's destinations: "nI" the note, "rI" its reference. */
void		 footnote_dest(const struct press *, const struct footnote *,
		    char kind, char *buf, size_t size);
/* The inverse: the footnote's index + 1, its kind in kind; or 0. */
guint		 footnote_of_dest(const char *dest, char *kind);

#endif
