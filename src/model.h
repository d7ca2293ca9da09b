/*
 * model.h — the document model: the one structure every stage talks through.
 *
 * An edition is an ordered list of chapters.  A chapter owns a tree of
 * nodes, shaped like cmark's: blocks (paragraphs, headings, quotations,
 * lists) contain inlines (text, emphasis, links, note references).
 * Children hang off first/last, siblings off prev/next, and every node
 * carries the file:line:col it came from, so any stage can report a
 * problem where the user can fix it.
 *
 * Ownership: the edition owns its chapters, a chapter its tree and its
 * notes, a node its children and its strings.  Text is UTF-8, never
 * escaped: each back end escapes for its own format.
 *
 * The index stage marks each name it finds where it begins in a text
 * node, without cutting the text: the node keeps its whole text and
 * lists its marks by their byte offsets into it (as.marks), so a name in
 * a long paragraph costs a small struct index_mark and no more nodes.
 * Whatever walks text meets a text's marks at those offsets.
 *
 * Back ends only read the model.  Walk it with the iterator below, which
 * needs no recursion, so a tree nested 50,000 deep is no danger.
 */
#ifndef OCTAVO_MODEL_H
#define OCTAVO_MODEL_H

#include <glib.h>

#include "diag.h"	/* struct srcpos */

enum node_type {
	/* blocks */
	NODE_DOCUMENT,		/* root of a chapter's text, or of a note's body */
	NODE_PARAGRAPH,
	NODE_HEADING,		/* as.heading.level: 2 = section, 3 = subsection */
	NODE_BLOCKQUOTE,
	NODE_LIST,		/* as.list */
	NODE_ITEM,
	NODE_BREAK,		/* scene break (thematic break) */
	NODE_CODEBLOCK,		/* text */
	NODE_TABLE,		/* a pipe table: its rows, the first its head */
	NODE_ROW,		/* as.row.head: the table's head */
	NODE_CELL,		/* a cell's inlines; as.cell.align */
	NODE_DIV,		/* blocks in another language: as.lang */
	/* inlines */
	NODE_TEXT,		/* text; as.marks: its index marks */
	NODE_SPAN,		/* inlines in another language: as.lang */
	NODE_EMPH,
	NODE_STRONG,
	NODE_CODE,		/* text */
	NODE_LINK,		/* as.link */
	NODE_SOFTBREAK,
	NODE_LINEBREAK,
	NODE_NOTEREF,		/* as.noteref.note; text: the source's label */
	NODE_XREF		/* "see note 12": as.noteref.note, printed as its number */
};

struct note;
struct index_mark;
struct chapter;

/*
 * Where a NODE_LINK goes.  Apart from the node, which every text and
 * inline of a book is, so that the node is as small as its other kinds
 * need (the largest of them a pointer): a long book has hundreds of
 * thousands of nodes and a few links.
 */
struct link {
	char	*url;
	char	*title;			/* NULL or "" if none */
	int	 text_only;		/* no target both outputs can follow:
					   set as its text */
	/* A link to another chapter of the book (its source file): the
	   chapter, and the heading in it the URL's fragment names, or NULL
	   for its start. */
	const struct chapter	*chapter;
	const struct node	*heading;
};

/* How a table's column is aligned, as its delimiter row says. */
enum cell_align { ALIGN_NONE, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

struct node {
	enum node_type	 type;
	struct node	*parent, *first, *last, *prev, *next;
	struct srcpos	 pos;
	char		*text;		/* TEXT, CODE, CODEBLOCK, NOTEREF; else NULL */
	union {
		struct { int level; } heading;
		struct { int ordered, start; } list;
		struct link	*link;	/* its own, made with the node */
		struct { int head; } row;
		struct { enum cell_align align; } cell;
		struct { struct note *note; } noteref;
		/* A text's index marks by offset, NULL-terminated, or
		   NULL if it has none; node_marks() reads them. */
		struct index_mark **marks;
		char		*lang;		/* BCP 47, as written */
	} as;
};

/* A footnote: its body is a NODE_DOCUMENT of blocks. */
struct note {
	int		 number;	/* 1, 2, …; 0 for the author's note */
	char		 mark[12];	/* as printed: "12", or "*" */
	char		*label;		/* as written in the source ("12", "*") */
	struct node	*body;
	struct node	*ref;		/* the NODE_NOTEREF pointing here, or NULL */
	struct srcpos	 pos;
};

/* Metadata that describes one text: the edition's and each chapter's. */
struct meta {
	char	*label;		/* the source's own number for a chapter,
				   printed above its title: "Chapter I" */
	char	*title;
	char	*subtitle;
	char	*author;	/* "A and B" for several */
	char	*translator;
	char	*published;	/* date of first publication, as written */
	char	*source;	/* where it first appeared, as a citation */
	char	*credits;	/* transcription and mark-up credits */
	char	*dedication;
	char	*affiliation;	/* the author's */
};

/*
 * What a chapter is in the book, which decides where and how it is set:
 * front matter before the text (a dedication and an epigraph each on a
 * page of its own, centred, outside the numbered contents), the text,
 * back matter after it.
 */
enum chapter_role {
	ROLE_CHAPTER,		/* the text; the default */
	ROLE_DEDICATION,	/* front matter */
	ROLE_EPIGRAPH,
	ROLE_FOREWORD,
	ROLE_PREFACE,
	ROLE_INTRODUCTION,	/* the text's opening */
	ROLE_APPENDIX,		/* back matter */
	ROLE_AFTERWORD,
	ROLE_NOTES,
	ROLE_BIBLIOGRAPHY
};

/* The role's name, as the manifest writes it ("dedication"). */
const char	*chapter_role_name(enum chapter_role);
/* Whether a role is front matter, or back matter. */
int		 chapter_role_front(enum chapter_role);
int		 chapter_role_back(enum chapter_role);

struct chapter {
	char			*id;		/* the manifest's [chapter ID] */
	const char		*path;		/* source file (interned), for diagnostics */
	enum chapter_role	 role;
	struct meta		 meta;
	char			*language;	/* BCP 47, when not the edition's;
						   else NULL */
	struct srcpos		 pos;		/* the manifest group, for diagnostics */
	struct node		*doc;		/* NODE_DOCUMENT, or NULL before parsing */
	struct node		*preface;	/* an editor's introduction, or NULL */
	GPtrArray		*notes;		/* struct note *, in edition order */
};

/*
 * The index of names, made by the index stage (index.h) from the
 * authority list.  A mark is one occurrence of a name: a byte offset
 * into the text node where the name begins, where a back end puts an
 * anchor.  Back ends print a heading's marks once per place (paragraph
 * or note).  An entry owns its marks; a text node only lists them.
 */
struct index_entry {
	char			*heading;	/* "Smith, Jane", as printed */
	char			*gloss;		/* "(1879–1940)", or NULL */
	char			*sort;		/* what it is collated by */
	struct index_entry	*parent;	/* a sub-heading's main heading */
	GPtrArray		*subs;		/* struct index_entry *, collated */
	struct index_entry	*see;		/* "see" this instead; then no marks */
	GPtrArray		*see_also;	/* struct index_entry * */
	GPtrArray		*marks;		/* struct index_mark *, text order */
	int			 id;		/* 1, 2… through the index */
};

struct index_mark {
	const struct node	*text;		/* the NODE_TEXT it is in; NULL
						   once its chapter's text is
						   let go of */
	struct index_entry	*entry;
	const struct chapter	*chapter;
	const struct note	*note;		/* the note it is in, or NULL */
	guint			 offset;	/* bytes into text's text, where
						   the name begins */
	int			 preface;	/* in the chapter's introduction */
	int			 para;		/* paragraph or heading, from 1, in
						   the chapter's text, its
						   introduction, or the note */
	int			 id;		/* 1, 2… through the edition */
};

struct edition {
	struct meta	 meta;
	char		*editor;
	char		*translator;	/* the whole book's translator */
	char		*language;	/* BCP 47, e.g. "en-US" */
	char		*identifier;	/* urn:uuid:… */
	char		*date;		/* YYYY or YYYY-MM-DD */
	char		*rights;
	char		*description;
	char		*publisher;	/* who publishes the edition */
	int		 notes_continuous; /* number notes through the book */
	GPtrArray	*chapters;	/* struct chapter *, in reading order */
	GPtrArray	*index;		/* struct index_entry *: main headings,
					   collated; empty without a list */
	GStringChunk	*strings;	/* interned file names for srcpos */
};

/* Tree building.  node_new never fails (GLib aborts on out-of-memory). */
struct node	*node_new(enum node_type, struct srcpos);
struct node	*node_new_text(enum node_type, struct srcpos, const char *, gssize);
void		 node_append(struct node *parent, struct node *child);
void		 node_insert_before(struct node *sibling, struct node *child);
void		 node_unlink(struct node *);
void		 node_free(struct node *);	/* and all its children */

/*
 * Cutting a text node t into pieces, left to right: node_text_cut puts
 * x where bytes [from, to) of t's text were, the text between *done and
 * from becoming a text node before it, and moves *done to to;
 * node_text_rest then leaves t only the text after done, freeing t if
 * there is none.  A text with index marks is not cut: they would be
 * left at the wrong offsets.
 */
void		 node_text_cut(struct node *t, int *done, int from, int to,
		    struct node *x);
void		 node_text_rest(struct node *t, int done);
int		 node_is_block(const struct node *);
/* Whether n is inside a node of the type (a text in a link's). */
int		 node_within(const struct node *n, enum node_type);
/*
 * The innermost passage in another language (NODE_SPAN or NODE_DIV)
 * that holds n or is n, or NULL: n is in its chapter's language.
 */
const struct node *node_passage(const struct node *n);
const char	*node_type_name(enum node_type);

/*
 * The iterators visit each node twice, on ENTER and on EXIT, in document
 * order; leaves (text, breaks) get only ENTER.  The tree must not change
 * during the walk, except that the current node's text may be rewritten
 * and its marks added.  Readers (the back ends, anything that only
 * looks) walk with a citer, which hands out const nodes, so the compiler
 * holds them to reading; the stages that build the tree walk with an
 * iter.
 */
enum iter_event { ITER_NONE, ITER_ENTER, ITER_EXIT };

struct iter {
	struct node	*root, *cur;
	enum iter_event	 ev;
};

struct citer {
	const struct node *root, *cur;
	enum iter_event	 ev;
};

void		 iter_init(struct iter *, struct node *root);
enum iter_event	 iter_next(struct iter *);
void		 citer_init(struct citer *, const struct node *root);
enum iter_event	 citer_next(struct citer *);
int		 node_is_leaf(const struct node *);

/* Plain text of a subtree (headings for a table of contents, titles). */
char		*node_text(const struct node *);
/* The bytes one node (not its children) adds to node_text(). */
gsize		 node_text_length(const struct node *);
/*
 * A text node's index marks in text order, NULL-terminated; none (an
 * empty list, never NULL) for a text without marks or another node.
 */
const struct index_mark *const *node_marks(const struct node *);

struct index_entry *index_entry_new(const char *heading, const char *gloss);
void		 index_entry_free(struct index_entry *);	/* and its subs */
/* Whether an index prints the entry: it has marks, or leads to some. */
int		 index_entry_printed(const struct index_entry *);
/*
 * A new mark of ie in chapter c (in note, if not NULL), offset bytes
 * into text node t, where a name begins: added last to ie's marks and
 * to t's, none of which may lie after it.  The caller sets the mark's
 * place (preface, para) and id.
 */
struct index_mark *index_mark_new(struct index_entry *ie,
		    const struct chapter *c, const struct note *note,
		    struct node *t, guint offset);
/* Whether two marks are in the same place: one note, or one paragraph. */
int		 index_mark_same_place(const struct index_mark *,
		    const struct index_mark *);
/*
 * Every heading of e's index and every sub-heading, main headings first
 * (struct index_entry *), gathered without recursion; the caller frees
 * the array.
 */
GPtrArray	*index_headings(const struct edition *e);
/*
 * A number kept for each index mark by its id, in a GArray of gint32
 * (mark 1 at 0): its page, its folio, its anchor.  A long book has some
 * 180,000 marks, which a table by address held in megabytes.  Reading
 * gives 0 for a mark with none, or without an id (0); setting grows the
 * array (made zero-filled) as far as the mark, and ignores one without
 * an id.
 */
int		 index_mark_number(const GArray *by_id,
		    const struct index_mark *);
void		 index_mark_set(GArray *by_id, const struct index_mark *,
		    int n);

struct note	*note_new(int number, const char *label, struct srcpos);
/* The chapter's author's note (the byline's "*"), or NULL. */
const struct note *chapter_author_note(const struct chapter *);
void		 note_free(struct note *);

/*
 * A chapter's trees in the order the EPUB numbers their headings: its
 * introduction (k = 0), its text (1), then each note's body; NULL for
 * one it lacks.  There are chapter_trees() of them.
 */
guint		 chapter_trees(const struct chapter *);
struct node	*chapter_tree(const struct chapter *, guint k);

struct chapter	*chapter_new(const char *id);
void		 chapter_free(struct chapter *);
struct edition	*edition_new(void);
void		 edition_free(struct edition *);
/*
 * Frees what only the making of the outputs reads of a chapter, once
 * both outputs have it: its text, introduction and notes' bodies.  Its
 * index marks stay, without their text.  What a build says of the book
 * after (its ids and titles, its notes' numbers and marks) stays.  A
 * long book's text is most of what its build holds.
 */
void		 chapter_release_text(struct chapter *);
/* The same for the chapters from the one at from on, and their index
 * marks freed. */
void		 edition_release_text(struct edition *, guint from);
const char	*edition_intern(struct edition *, const char *);
void		 meta_clear(struct meta *);
/* Fills each field of to that is unset with a copy of from's. */
void		 meta_merge(struct meta *to, const struct meta *from);

#endif
