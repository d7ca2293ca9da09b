/*
 * digest.h — a SHA-256 of what an output is made from: the key under
 * which a kept file (kept.h) is found again, which any change to its
 * inputs, or to the program that made it, changes.
 */
#ifndef OCTAVO_DIGEST_H
#define OCTAVO_DIGEST_H

#include <glib.h>

/* A new digest, begun with the program itself (digest_program). */
GChecksum	*digest_new(void);

/*
 * The program that makes an output: this binary's size and time, and
 * the versions of Pango, Cairo and HarfBuzz, which draw and shape.
 */
void	 digest_program(GChecksum *);

/*
 * The shared library that holds symbol (a function of it), by its file's
 * size and time, as digest_stat: a library that makes what is kept
 * (libdeflate's bytes, libhyphen's points) but has no version to ask;
 * a digest of its own if it cannot be found.
 */
void	digest_library(GChecksum *, const void *symbol);

/* Bytes, their length first: no two lists of parts digest alike. */
void	 digest_bytes(GChecksum *, const void *, gsize);

/* A string, or NULL, which digests unlike any string. */
void	 digest_string(GChecksum *, const char *);

/* A file's contents; FALSE if it cannot be read. */
gboolean digest_file(GChecksum *, const char *path);

/*
 * A file's size and time of change; nothing, and FALSE, if it is not
 * there.
 */
gboolean digest_stat(GChecksum *, const char *path);

/*
 * The key of what is kept deflated (the PDF's streams, the EPUB's
 * files): the program and the libdeflate that deflated it, whose bytes
 * another version of it may not make alike.  Newly allocated.
 */
char	*digest_deflated_key(void);

/* The digest as hexadecimal, newly allocated; frees the checksum. */
char	*digest_finish(GChecksum *);

#endif
