/*
 * diag.h — diagnostics: every problem any stage finds, with where it is.
 *
 * Stages never print.  They add to a struct diags, and the front end
 * prints them as "octavo: FILE:LINE:COL: level: message".  The exit
 * status follows the worst level seen, as in mandoc.
 */
#ifndef OCTAVO_DIAG_H
#define OCTAVO_DIAG_H

#include <stdio.h>

#include <glib.h>

/* Where a node or a problem came from.  file is interned by its owner. */
struct srcpos {
	const char	*file;
	int		 line;		/* 1-based; 0 if unknown */
	int		 col;		/* 1-based, in characters; 0 if unknown */
};

enum diag_level {
	DIAG_INFO,		/* shown with -v only: what a heuristic did */
	DIAG_DOUBT,		/* shown by check: what a heuristic was unsure of */
	DIAG_WARNING,		/* the output is built, but look at this */
	DIAG_ERROR		/* the input is wrong: no output */
};

struct diag {
	enum diag_level	 level;
	struct srcpos	 pos;
	char		*msg;
};

struct diags {
	GArray		*list;		/* struct diag */
	GStringChunk	*files;		/* copies of pos.file: diags outlive editions */
	guint		 printed;	/* how many diag_flush has shown */
	enum diag_level	 worst;
	int		 count[DIAG_ERROR + 1];
};

void	diags_init(struct diags *);
void	diags_release(struct diags *);
void	diag_add(struct diags *, enum diag_level, struct srcpos,
	    const char *fmt, ...) G_GNUC_PRINTF(4, 5);
/* Moves from's diagnostics to the end of to's (from another thread's). */
void	diags_move(struct diags *to, struct diags *from);
void	diag_flush(struct diags *, FILE *, enum diag_level least);
int	diags_failed(const struct diags *);

/* The position of a whole file, or of a line and column in it. */
struct srcpos	srcpos_at(const char *file, int line, int col);

#endif
