/*
 * epoch.h — the time the outputs say they were made, read once for
 * both: SOURCE_DATE_EPOCH, so that two builds are the same bytes.
 */
#ifndef OCTAVO_EPOCH_H
#define OCTAVO_EPOCH_H

#include "diag.h"

/*
 * SOURCE_DATE_EPOCH as seconds since 1970 in *secs: returns 1, or 0 if
 * it is not set (each output is then dated now), or -1 with an error if
 * it is set to what is no such count (up to 9999-12-31).
 */
int	source_date_epoch(gint64 *secs, struct diags *);

#endif
