/*
 * numerals.h — the numbers Cairo writes into a PDF, printed without
 * glibc's printf: Cairo 1.16 prints every number of a page (each
 * glyph's offset, each hex glyph index, each coordinate) through its
 * own printf, which hands each conversion to snprintf, and glibc's
 * snprintf was a tenth of a rebuild's instructions (docs/PERFORMANCE.md).
 * Cairo is built with _FORTIFY_SOURCE, so its calls are to
 * __snprintf_chk; this program's definition of it, found before
 * glibc's, prints the conversions Cairo uses itself, exactly as glibc
 * would, and hands any other format to glibc.
 */
#ifndef OCTAVO_PDF_NUMERALS_H
#define OCTAVO_PDF_NUMERALS_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Prints one conversion of the kinds Cairo's printf hands on ("%d",
 * "%0*x", "%ld", "%f", "%.*f", "%.18f"…: a flag '0', a width or '*',
 * a precision for 'f', 'l' or "ll", and d, u, x, X, o or f) into s
 * (size bytes, as snprintf does) and returns what snprintf would; or
 * -1 for a format it does not print alike (anything else, a float it
 * cannot round exactly as glibc does, a locale whose decimal point is
 * not '.'), which the caller then prints from its own copy of the
 * arguments: ap may have been read from.
 */
int	numerals_print(char *s, size_t size, const char *format, va_list ap);

#ifdef __GLIBC__
/* glibc's fortified snprintf, as <bits/stdio2.h> declares it: taken
 * over (another C library's is left as it is). */
int	__snprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
	    const char *format, ...);
#endif

#endif
