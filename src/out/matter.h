/*
 * matter.h — where each chapter stands in the book, from its role, as
 * both outputs set it: the front matter, the text, the back matter;
 * which chapters stand alone on a page without a heading; and where the
 * contents goes.
 *
 * The reading order is the manifest's; nothing is moved.  The front
 * matter is the run of dedications, epigraphs, forewords and prefaces
 * the book opens with; the dedications and epigraphs that lead it come
 * before the contents, as in a printed book, the rest after it.  Back
 * matter is an appendix, afterword, notes or bibliography after the
 * text has begun.  A dedication or an epigraph anywhere (a part's
 * epigraph) is set alone, centred, without a heading, and the contents
 * does not list it.
 */
#ifndef OCTAVO_MATTER_H
#define OCTAVO_MATTER_H

#include "model.h"

enum matter {
	MATTER_FRONT,
	MATTER_BODY,
	MATTER_BACK
};

struct matter_bounds {
	guint	before_contents; /* chapters [0, this) precede the contents */
	guint	front;		 /* chapters [0, this) are front matter */
};

void		 matter_init(struct matter_bounds *, const struct edition *);

/* Which matter chapter i of the edition is. */
enum matter	 matter_of(const struct matter_bounds *, const struct edition *,
		    guint i);

/*
 * Whether a chapter is set alone on its page, with no heading and no
 * entry in the contents.
 */
int		 matter_alone(const struct chapter *);

#endif
