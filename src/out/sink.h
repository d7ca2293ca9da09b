/*
 * sink.h — where an output's bytes go: a file the front end opened (a
 * temporary one beside the destination, renamed over it only once
 * every output is whole), or memory (the fuzz targets).  The back ends
 * write through a sink and name its destination in their errors, never
 * the temporary file.
 */
#ifndef OCTAVO_SINK_H
#define OCTAVO_SINK_H

#include <stdio.h>

#include "diag.h"

struct sink {
	const char	*name;		/* the destination, for diagnostics */
	FILE		*fp;		/* the file written, or NULL: mem */
	GByteArray	*mem;		/* what was written, without a file */
	gsize		 at;		/* mem: where the next bytes go */
	int		 err;		/* errno of the first failed write, or 0 */
};

/* A sink into memory, for an output named name. */
void	sink_memory(struct sink *, const char *name);
/*
 * A sink into the file at path, created or truncated, for an output
 * named name.  Returns 0, or -1 with an error at name.
 */
int	sink_open(struct sink *, const char *path, const char *name,
	    struct diags *);
/*
 * Writes len bytes where the sink stands (the end, unless sink_seek
 * went back).  Returns 0, or -1 (the first failure's errno kept
 * in err, for sink_close to report).
 */
int	sink_write(struct sink *, const void *, gsize len);
/*
 * Where the next bytes go, from the start, and going back there: a
 * writer that fills in a length once it knows it (libzip's).  Writing
 * after a seek replaces what was there.  -1 on failure, the errno kept
 * in err.
 */
gint64	sink_tell(struct sink *);
int	sink_seek(struct sink *, gint64 offset);
/*
 * Closes the file, or frees the memory.  Returns 0, or -1 with an error
 * at the sink's name if a write or the closing failed, what (such as
 * "the PDF") saying what could not be written.
 */
int	sink_close(struct sink *, const char *what, struct diags *);

#endif
