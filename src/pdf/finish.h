/*
 * finish.h — the PDF Cairo wrote, finished for PDF/UA-1 and for a
 * printer: what Cairo 1.16 cannot say, said in one pass over its
 * objects, the file written again with an ID drawn from its content so
 * that two builds are the same bytes.
 *
 * The pages are put in the reading order, if they were drawn in another
 * (struct page_run).  The catalogue gets the document's language, its
 * page labels, an XMP packet that says
 * the file is PDF/UA-1, and DisplayDocTitle; each page its TrimBox (and
 * BleedBox), tab order by structure, its content in one ink with the
 * furniture as artifacts (content.h); each link a description; each
 * footnote one Note element with an ID, however many pages it runs
 * over, and each element in another language (a chapter, a passage,
 * a contents entry) its /Lang (tagtree.h).
 */
#ifndef OCTAVO_PDF_FINISH_H
#define OCTAVO_PDF_FINISH_H

#include <glib.h>

#include "diag.h"
#include "out/sink.h"
#include "taglangs.h"

struct reuse;

/*
 * A Note element, in the order the drawing began them: the footnote it
 * is part of, and for a part continued from a page before, how many
 * elements were opened anew with it (the Note, a paragraph…), else 0.
 */
struct note_tag {
	guint		 fn;
	guint		 reopened;
};

/*
 * A run of pages drawn together and held by one kid of the Document
 * element (a Part): the text is drawn before the contents that give its
 * pages, and the finishing puts each run, its pages and its Part, where
 * place says.
 */
struct page_run {
	guint		 pages;
	guint		 place;		/* the runs are read in the order of
					   their places */
};

/* The runs' indices in the reading order: by place, ties as drawn. */
GArray	*page_runs_read(const GArray *runs);

/* What the layout tells the finishing. */
struct finishing {
	const char	*language;	/* BCP 47: the document's */
	double		 width, height;	/* the trim */
	double		 bleed;		/* printed beyond the trim, each side */
	double		 margin;	/* the trim's offset in the media box */
	/* What a link to a destination (a name) says ("Note 12"), newly
	 * allocated; NULL: nothing. */
	char		*(*said)(const char *dest, const void *arg);
	const void	*said_arg;
	GPtrArray	*labels;	/* each page's label, in the reading
					   order: the page labels, and what
					   a link to a page says; empty:
					   Cairo's labels, as drawn */
	GArray		*notes;		/* struct note_tag */
	const struct taglangs *langs;	/* the elements in another language
					   than what holds them */
	GArray		*runs;		/* struct page_run, as drawn; NULL:
					   the pages are drawn in order */
	gboolean	 mapped;	/* the PDF is a file's map: let go as
					   it is read (pdf_file_let_go), its
					   pages read again from the file if
					   need be */
	struct reuse	*contents;	/* the pages' contents an earlier
					   build finished, found by the
					   bytes Cairo drew, and the streams
					   it deflated, by their text; kept
					   for the next (reuse.h); or NULL */
};

/* What the finishing did, for the report and the tests. */
struct finished {
	int		 artifacts, grays, colours;	/* content.h's */
	int		 links;			/* links described */
	int		 notes, merged;		/* Note elements; parts merged */
	int		 reused;		/* pages' contents as an earlier
						   build finished them */
};

/*
 * Reads the PDF in data (len bytes), finishes it, and writes it to out.
 * Returns 0, or -1 with an error in diags (or, if writing to out failed,
 * the sink's to report when it is closed).  done may be NULL.
 */
int	pdf_finish(const char *data, gsize len, struct sink *out,
	    const struct finishing *, struct finished *done, struct diags *);

#endif
