/*
 * ini.h — GKeyFile with positions: the manifest and the styles are INI
 * files, and their diagnostics must say file:line:col.
 *
 * GKeyFile parses but forgets where things were; ini_pos finds a group
 * or key again in the text, so a bad value can be reported at its line.
 */
#ifndef OCTAVO_INI_H
#define OCTAVO_INI_H

#include "diag.h"

struct ini {
	GKeyFile	*kf;
	const char	*path;		/* interned by the caller; lives longer */
	char		*text;		/* the file's contents, for ini_pos */
};

/*
 * Loads path (through file.h: a regular file of at most FILE_MAX_INI
 * bytes of UTF-8), what naming it in errors ("the manifest"); on
 * failure adds an error and returns -1.
 */
int		ini_open(struct ini *, const char *path, const char *what,
		    struct diags *);
void		ini_close(struct ini *);

/* Where group (and key, if not NULL) is written; line 0 if nowhere. */
struct srcpos	ini_pos(const struct ini *, const char *group, const char *key);

/*
 * Warns about every key of group in neither NULL-terminated list (more
 * may be NULL).
 */
void		ini_check_keys(const struct ini *, const char *group,
		    const char *const *known, const char *const *more,
		    struct diags *);

/* The key's value (trimmed, UTF-8 checked) or NULL if absent. */
char		*ini_string(const struct ini *, const char *group, const char *key);

#endif
