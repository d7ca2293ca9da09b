/*
 * kept.h — files a build keeps for the next one, each under the key of
 * what it was made from (digest.h): found again only while that key
 * holds, so that what is reused is what a clean build would make.
 * Only a cache: a kept file that is missing, damaged or made from
 * something else is simply not found.
 */
#ifndef OCTAVO_KEPT_H
#define OCTAVO_KEPT_H

#include <glib.h>

/* The bytes kept in path under key, or NULL. */
GBytes	*kept_load(const char *path, const char *key);

/* Keeps data in path under key, atomically; FALSE with err if not. */
gboolean kept_save(const char *path, const char *key, GBytes *data,
	    GError **err);

#endif
