/*
 * pdfobj.h — the objects of the PDF file Cairo wrote, read in place
 * through its cross-reference table, and the few values the finishing
 * writes into them.
 *
 * Nothing is parsed into a tree: an object is a span of the file's
 * bytes, a dictionary's value is found by walking its tokens (lex.h),
 * and what the finishing leaves alone is copied byte for byte.  That is
 * what lets a book of fifteen thousand pages be finished in a pass over
 * its objects, holding only what it changes.  It reads what Cairo
 * writes (one cross-reference table, no object streams); anything else
 * is refused, not guessed at.
 */
#ifndef OCTAVO_PDF_PDFOBJ_H
#define OCTAVO_PDF_PDFOBJ_H

#include <glib.h>

/* Bytes of the file: a value, a key, an object. */
struct pdf_span {
	const char	*s;
	gsize		 n;
};

/* Where an object's value is: its first byte's distance from the
 * object's "n 0 obj", and its length; a length of 0 until it is read. */
struct pdf_value_at {
	guint32		 from, len;
};

struct pdf_file {
	const char	*s;
	gsize		 n;
	gsize		*at;		/* per object number: where its
					   "n 0 obj" begins; 0 if free */
	guint		 objects;	/* the numbers at has, from 0: as
					   many as the table says, no more
					   (a long book has 700,000) */
	guint		 root, info;	/* the trailer's */
	struct pdf_span	 header;	/* "%PDF-1.5" and the binary line */
	guint		*reads;		/* objects read since the map was let
					   go (pdf_file_let_go); NULL: never.
					   Reading changes this count, and
					   values, through the const file it
					   reads */
	struct pdf_value_at *values;	/* per object number: where its
					   value is, once read (the finishing
					   reads an element of the structure
					   several times over) */
};

/* An object: its value, and a stream's data. */
struct pdf_obj {
	guint		 num;
	struct pdf_span	 value;		/* a stream's dictionary */
	struct pdf_span	 data;		/* a stream's data, or { NULL, 0 } */
};

/* Reads the cross-reference table and trailer of data; 0, or -1. */
int	pdf_file_read(struct pdf_file *, const char *data, gsize len);
void	pdf_file_release(struct pdf_file *);
/*
 * Says the file's data are a file's map, to be given back to the system
 * every so many objects read if it is large (some megabytes): the
 * finishing reads a book's file all over (hundreds of megabytes at
 * 100x), and a page let go comes back from the file if read again.
 */
void	pdf_file_let_go(struct pdf_file *);
/*
 * Gives a mapped file's pages back to the system at once (those read
 * again come back from the file): the merging (merge.h) reads each of
 * a long book's files through once, and they would otherwise all stay.
 */
void	pdf_file_give_back(const struct pdf_file *);
/* Object num; 0, or -1 if it is free or not where the table says. */
int	pdf_file_obj(const struct pdf_file *, guint num, struct pdf_obj *);
/*
 * The numbers of the objects, in the order they are in the file: Cairo
 * numbers an object when it needs a reference to it, and writes it when
 * it is made.
 */
GArray	*pdf_file_order(const struct pdf_file *);
/* The value of object num (no stream's data): { NULL, 0 } if none. */
struct pdf_span pdf_file_value(const struct pdf_file *, guint num);

/* A dictionary's value under key ("/Type"), or { NULL, 0 }. */
struct pdf_span pdf_dict_value(struct pdf_span dict, const char *key);
/* The object a reference "12 0 R" points to, or 0. */
guint	pdf_ref(struct pdf_span);
/* The value under key, followed if it is a reference. */
struct pdf_span pdf_dict_follow(const struct pdf_file *, struct pdf_span dict,
	    const char *key);
gboolean pdf_is(struct pdf_span, const char *text);
gboolean pdf_int(struct pdf_span, gint64 *);
/* A string (literal or hex) as UTF-8, from UTF-16BE if it has a byte
 * order mark; NULL if v is not a string. */
char	*pdf_string_utf8(struct pdf_span v);

/* A name's bytes, its #xx escapes undone, without the slash. */
char	*pdf_name_utf8(struct pdf_span v);

/*
 * The objects a walk has met, a bit each: a tree meets each once, and a
 * walk that meets one again has found no tree (and would never end).
 * Or any set of the file's objects, as small.
 */
GArray	*pdf_seen_new(const struct pdf_file *);
/* Whether num is met for the first time; marks it met. */
gboolean pdf_seen_first(GArray *seen, guint num);
/* Whether num is met. */
gboolean pdf_seen_has(const GArray *seen, guint num);

/* An array's items in turn (a value that is no array: itself, once). */
struct pdf_items {
	const char	*s;
	gsize		 n, i;
};

void	pdf_items_init(struct pdf_items *, struct pdf_span);
gboolean pdf_items_next(struct pdf_items *, struct pdf_span *item);

/* A text string: literal if it is printable ASCII, else UTF-16BE. */
void	pdf_put_text(GString *, const char *utf8);
/*
 * dict with the keys in drop (NULL-terminated, "/Group") left out and
 * add ("/Tabs /S") put at its end; pdf_put_entries without the << >>.
 */
void	pdf_put_dict(GString *, struct pdf_span dict, const char *const *drop,
	    const char *add);
void	pdf_put_entries(GString *, struct pdf_span dict,
	    const char *const *drop, const char *add);
/* v with each reference to an object in to (number → number) pointed
 * at what it maps to. */
void	pdf_put_repointed(GString *, struct pdf_span v, GHashTable *to);
/* v with each reference to num pointed at map(num, arg), unless that
 * is 0. */
void	pdf_put_mapped(GString *, struct pdf_span v,
	    guint (*map)(guint num, gpointer arg), gpointer arg);

#endif
