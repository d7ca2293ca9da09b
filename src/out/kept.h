/*
 * kept.h — files a build keeps for the next one, each under the key of
 * what it was made from (digest.h): found again only while that key
 * holds, so that what is reused is what a clean build would make.
 * Only a cache: a kept file that is missing, damaged or made from
 * something else is simply not found.
 */
#ifndef OCTAVO_KEPT_H
#define OCTAVO_KEPT_H

#include <stdio.h>

#include <glib.h>

/*
 * The bytes kept in path under key, or NULL: the file mapped, which a
 * build never writes in place (kept_end renames a new one over it), so
 * that only another program cutting it short while it is read would
 * take the mapped pages away.
 */
GBytes	*kept_load(const char *path, const char *key);

/* A kept file is written through a buffer of this many bytes, not
 * stdio's page: the blocks' file is a megabyte and more. */
#define KEPT_BUFFER	(64 * 1024)

/*
 * A file written beside path (path.XXXXXX) and put in its place only
 * when whole, so that a failed or abandoned write leaves path as it
 * was: kept_save's, and reuse.h's, which writes as a build goes.
 */
struct kept_file {
	char	*path;
	char	*tmp;		/* the file being written, or NULL */
	FILE	*fp;		/* it, open; NULL if it could not be made */
	char	*buf;		/* its buffer: KEPT_BUFFER bytes */
	guint64	 written;	/* bytes */
	int	 err;		/* errno of the first failure, or 0 */
};

/* Begins one; if the file cannot be made, kf->err says why. */
void	kept_begin(struct kept_file *, const char *path);
/* Writes len bytes, unless a write failed before. */
void	kept_write(struct kept_file *, const void *, gsize len);
/*
 * Closes the file and, if keep and nothing failed, renames it over the
 * path; else removes it.  Returns TRUE, or FALSE with err set ("cannot
 * write PATH: why") if keep and it could not be kept.
 */
gboolean kept_end(struct kept_file *, gboolean keep, GError **err);

/* Keeps data in path under key, atomically; FALSE with err if not. */
gboolean kept_save(const char *path, const char *key, GBytes *data,
	    GError **err);

#endif
