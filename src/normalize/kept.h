/*
 * kept.h — a group's normalization as bytes, and back: what normalize
 * made of a source (normalized.h) and what it said of it, kept between
 * runs so that a rebuild normalizes only the sources that changed
 * (pipeline.c finds them by the manifest and the source's bytes).
 * The bytes are this machine's.
 */
#ifndef OCTAVO_NORMALIZE_KEPT_H
#define OCTAVO_NORMALIZE_KEPT_H

#include <glib.h>

#include "diag.h"
#include "normalize/normalized.h"
#include "read/manifest.h"

/*
 * The key normalizations are kept under: the program; the manifest,
 * its bytes (each group's rules) and its path as given (the diagnostics
 * name files by it); each group's hyphenation patterns (a word broken
 * at a line's end is joined as they would break it); and libhyphen and
 * GLib, which read them and classify characters.  NULL if the manifest
 * cannot be read.  Newly allocated.
 */
char	*normalization_key(const struct manuscript *);

/*
 * Appends nz, with the diagnostics of d from the first'th on (those
 * normalize added), to out.
 */
void	normalization_put(GString *out, const struct normalization *nz,
	    const struct diags *d, guint first);
/*
 * Reads what normalization_put wrote into nz (initialized, empty) and
 * adds its diagnostics to d, as normalize would have; FALSE, nz left
 * empty and d as it was, if the bytes are not whole.
 */
gboolean normalization_get(const guint8 *bytes, gsize len,
	    struct normalization *nz, struct diags *d);

#endif
