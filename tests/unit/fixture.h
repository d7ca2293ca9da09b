/*
 * fixture.h — helpers shared by the unit tests: temporary files.
 */
#ifndef OCTAVO_FIXTURE_H
#define OCTAVO_FIXTURE_H

#include <glib.h>

/* Writes len bytes (len < 0: a string) to a new temporary file; returns its path. */
char	*fixture_file(const char *name, const char *bytes, gssize len);

#endif
