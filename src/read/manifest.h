/*
 * manifest.h — reading edition.ini: the edition's metadata, its chapters
 * in reading order, and each source's particular rules.
 */
#ifndef OCTAVO_MANIFEST_H
#define OCTAVO_MANIFEST_H

#include "diag.h"
#include "model.h"

/*
 * Reads the manifest at path into a new edition with its chapters (not
 * yet their text).  Unknown keys are warnings; missing required keys and
 * bad values are errors.  Returns NULL if any error was added.
 */
struct edition	*manifest_read(const char *path, struct diags *);

#endif
