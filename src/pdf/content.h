/*
 * content.h — a page's content stream, as Cairo wrote it, made fit for
 * print and for PDF/UA-1: black in one ink, and whatever the structure
 * does not hold (running heads, folios, the rule above the notes, crop
 * marks) marked as an artifact.
 *
 * Cairo 1.16 writes every colour as DeviceRGB ("0 0 0 rg") and leaves
 * untagged drawing outside any marked content; libqpdf's C API has no
 * content-stream tokenizer, so this one reads the stream's tokens (PDF's
 * lexical rules, ISO 32000-1 7.2) and rewrites only operators, never
 * objects: the file itself is written by libqpdf (finish.h).
 */
#ifndef OCTAVO_PDF_CONTENT_H
#define OCTAVO_PDF_CONTENT_H

#include <glib.h>

/* What content_finish changed, for the caller's counts. */
struct content_counts {
	int	 artifacts;	/* sequences marked /Artifact */
	int	 grays;		/* rg / RG turned into g / G */
	int	 colours;	/* rg / RG left, not a gray */
};

/*
 * The stream data (len bytes) rewritten: each run of painting (a text
 * object, a path, an XObject, text shown after a tagged sequence within
 * a text object) outside the structure's marked content (sequences
 * with an MCID) wrapped in "/Artifact BMC … EMC", within one level of
 * q … Q and never across BT or ET; a span that only gives its text
 * (/ActualText) is inside the artifact, or in the structure's sequence,
 * around it.  Each gray given in RGB ("r r r rg") is given as gray ("r
 * g").  Everything else is copied byte for byte.  Adds to counts if it
 * is not NULL.
 */
GString	*content_finish(const char *data, gsize len,
	    struct content_counts *counts);

#endif
