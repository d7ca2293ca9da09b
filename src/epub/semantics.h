/*
 * semantics.h — the e-book's structural semantics: each epub:type the
 * book writes beside the ARIA role that says the same to assistive
 * technology (DPUB-ARIA's doc-* roles, mostly), from one table, so that
 * no element carries the one without the other, and the class its
 * stylesheet selects it by, since a reading system that parses XHTML
 * as HTML matches no namespaced selector.
 */
#ifndef OCTAVO_EPUB_SEMANTICS_H
#define OCTAVO_EPUB_SEMANTICS_H

#include <glib.h>

/*
 * The role that matches an epub:type ("chapter" → "doc-chapter"), or
 * NULL for a type no role matches (titlepage, imprint, bodymatter, the
 * index's entries).  A deprecated role counts as none.
 */
const char	*semantics_role(const char *type);

/* Appends ' epub:type="TYPE"' and, if it has one, ' role="ROLE"'. */
void		 semantics(GString *out, const char *type);

/* The same after ' class="TYPE"', for what the stylesheet styles. */
void		 semantics_class(GString *out, const char *type);

#endif
