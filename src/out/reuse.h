/*
 * reuse.h — what an earlier build made from the same bytes, found again
 * by a digest of those bytes, so that a rebuild does not make it twice:
 * a page's content as the PDF's finishing rewrote and deflated it,
 * found by the bytes Cairo drew for that page.
 *
 * A build reads what the last one kept in a file (opened under a key
 * of the program, since what is made from the bytes is its work) and
 * writes what it made and found beside it, renamed over it only once
 * its output is whole.  A long book's file is read as it is needed,
 * never whole, so that it does not add to what its build holds: the
 * table of digests, then one output at a time; a file of less than
 * 8 MB of outputs is read at once.  Only a cache: a kept
 * file missing, damaged or under another key gives nothing.  Its bytes
 * are this machine's.
 */
#ifndef OCTAVO_REUSE_H
#define OCTAVO_REUSE_H

#include <glib.h>

struct reuse;

/*
 * What was kept in path under key, for reuse_find, and a new file
 * beside it for reuse_keep.  Never NULL: if the new file cannot be
 * made, nothing is kept and reuse_close says why.
 */
struct reuse	*reuse_open(const char *path, const char *key);
/*
 * The output kept for input (len bytes) of the given kind by the last
 * build, or NULL.  Kinds are the caller's: inputs of two kinds are never
 * taken for one another, whatever their bytes.  An output whose bytes
 * were damaged on the disk is not found.
 */
GBytes		*reuse_find(struct reuse *, guint kind, const void *input,
		    gsize len);
/* Keeps output (outlen bytes) as what input (len bytes, of kind) made. */
void		 reuse_keep(struct reuse *, guint kind, const void *input,
		    gsize len, const void *output, gsize outlen);
/*
 * Puts what this build kept in the place of the last build's, and frees
 * the reuse.  Returns TRUE, or FALSE with err (nothing kept, the last
 * build's file left as it was).
 */
gboolean	 reuse_close(struct reuse *, GError **err);
/* Frees the reuse, keeping nothing: the output it served failed. */
void		 reuse_discard(struct reuse *);

#endif
