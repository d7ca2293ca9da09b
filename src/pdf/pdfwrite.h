/*
 * pdfwrite.h — writing a PDF file object by object, to a sink, as it
 * goes: each object that is not a stream packed with its neighbours
 * into a deflated object stream, each stream written whole, then a
 * cross-reference stream whose ID is drawn from the bytes before it, so
 * that the same objects make the same file.
 *
 * The objects' text is the caller's (pdfobj.h reads and changes it);
 * this is only the file's frame, which PDF 1.5 fixes (ISO 32000-1,
 * 7.5.7 and 7.5.8).  What is held is one object stream being filled
 * and one entry per object.
 */
#ifndef OCTAVO_PDF_PDFWRITE_H
#define OCTAVO_PDF_PDFWRITE_H

#include <glib.h>

#include "out/sink.h"

struct pdf_writer;

/*
 * A writer to out, the file beginning with header ("%PDF-1.5\n…"); the
 * numbers below reserved are the caller's, the writer's own above.
 */
struct pdf_writer *pdf_writer_new(struct sink *out, const char *header,
	    gsize len, guint reserved);
/* Object num, not a stream: its value's text. */
void	pdf_write_value(struct pdf_writer *, guint num, const char *text,
	    gsize len);
/* Object num, a stream: its dictionary's entries but /Length, its data. */
void	pdf_write_stream(struct pdf_writer *, guint num, const char *entries,
	    const void *data, gsize len);
/*
 * The same, its data deflated here (/Filter added); as it is if it
 * cannot be (libdeflate's compressor not made, or data over 4 GiB).
 * keep: found in, and kept in, the writer's reuse (pdf_writer_reuse),
 * unless the caller keeps it otherwise.  Returns the deflated data as
 * written, its length in *written if that is not NULL, until the
 * writer's next call; or NULL, written as it is.
 */
const guint8 *pdf_write_deflated(struct pdf_writer *, guint num,
	    const char *entries, const void *data, gsize len, gboolean keep,
	    gsize *written);
/*
 * Each stream pdf_write_deflated deflates found first in kept (reuse.h),
 * as an earlier build deflated the same bytes, and kept there, under the
 * kind PDF_KEPT_STREAM.
 */
#define PDF_KEPT_STREAM	0
struct reuse;
void	pdf_writer_reuse(struct pdf_writer *, struct reuse *kept);
/* A number no object has yet, for a new one. */
guint	pdf_writer_number(struct pdf_writer *);
/*
 * Ends the file: the last object stream, the cross-reference stream
 * with trailer (the trailer's entries but /Size, /ID and the stream's
 * own).  Returns 0, or -1 if the sink failed (its error is the sink's).
 */
int	pdf_writer_end(struct pdf_writer *, const char *trailer);
void	pdf_writer_free(struct pdf_writer *);

#endif
