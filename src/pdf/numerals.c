/*
 * numerals.c — glibc's __snprintf_chk, which Cairo calls for every
 * number it writes into a PDF, taken over (numerals.h).
 *
 * The executable's definition comes first in the dynamic linker's
 * search, so Cairo's calls land here, as its deflateInit_ calls land in
 * stored.c.  Integers are printed digit by digit; a float with a
 * precision is rounded as glibc rounds it, from its exact binary value
 * (to nearest, a tie to the even digit), which 128-bit integer
 * arithmetic holds whole for any magnitude under 2^53 and any precision
 * up to 18.  What this file does not print alike goes to glibc's own
 * __vsnprintf_chk.
 */
#include <fenv.h>
#include <langinfo.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "numerals.h"

/* The longest conversion printed here: 2^64 in octal, or 2^53 with 18
 * decimals, with a sign and a width of up to this many. */
#define MAX_WIDTH	64

/* The most decimals a float is printed with here. */
#define MAX_PRECISION	18

#ifdef __GLIBC__
/* glibc's, as <bits/stdio2.h> and <bits/stdio2-decl.h> declare them. */
int	__vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
	    const char *format, va_list ap);
void	__chk_fail(void) __attribute__((__noreturn__));
#endif

/* One conversion's parts, as numerals_print reads its format. */
struct conversion {
	int		 zero;		/* the flag '0' */
	int		 star;		/* the width is an argument */
	int		 width;
	int		 precision;	/* -2: an argument; -1: none */
	int		 longs;		/* 'l's: 0, 1 or 2 */
	char		 kind;		/* d u x X o f */
};

/* Reads a format of one conversion and nothing else; 0 if it is not one
 * printed here. */
static int
parse(const char *f, struct conversion *c)
{
	memset(c, 0, sizeof(*c));
	c->precision = -1;
	if (*f++ != '%')
		return 0;
	if (*f == '0') {
		c->zero = 1;
		f++;
	}
	if (*f == '*') {
		c->star = 1;
		f++;
	} else
		for (; *f >= '0' && *f <= '9' && c->width < MAX_WIDTH; f++)
			c->width = c->width * 10 + (*f - '0');
	if (*f == '.') {
		f++;
		if (*f == '*') {
			c->precision = -2;
			f++;
		} else
			for (c->precision = 0; *f >= '0' && *f <= '9' &&
			    c->precision <= MAX_PRECISION; f++)
				c->precision = c->precision * 10 + (*f - '0');
	}
	for (; *f == 'l' && c->longs < 2; f++)
		c->longs++;
	c->kind = *f;
	if (c->kind == '\0' || f[1] != '\0' || c->width >= MAX_WIDTH ||
	    c->precision > MAX_PRECISION)
		return 0;
	if (c->kind == 'f')
		return c->longs == 0;
	return strchr("duxXo", c->kind) != NULL && c->precision == -1;
}

/* An unsigned value's digits in base (8, 10 or 16), from the end of
 * buf backwards; returns where they begin.  A base the compiler knows
 * divides by multiplying. */
static char *
digits(char *end, unsigned long long v, unsigned base, int upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";

	if (base == 10)
		do {
			*--end = (char)('0' + v % 10);
			v /= 10;
		} while (v != 0);
	else
		do {
			*--end = set[v & (base - 1)];
			v >>= base == 16 ? 4 : 3;
		} while (v != 0);
	return end;
}

/*
 * A finite float's magnitude to precision decimals: its integer part in
 * *whole, its decimals in *part; 0 if it is not one rounded here.  The
 * fraction's bits times 10^precision are under 2^53 · 2^60, whole in
 * 128 bits, and shifted, never divided.
 */
static int
rounded(double d, int precision, uint64_t *whole, uint64_t *part)
{
	static const uint64_t tens[MAX_PRECISION + 1] = { 1, 10, 100, 1000,
	    10000, 100000, 1000000, 10000000, 100000000, 1000000000,
	    10000000000ULL, 100000000000ULL, 1000000000000ULL,
	    10000000000000ULL, 100000000000000ULL, 1000000000000000ULL,
	    10000000000000000ULL, 100000000000000000ULL,
	    1000000000000000000ULL };
	uint64_t bits, m, f;
	unsigned __int128 p, r, half;
	int e, k, odd;

	memcpy(&bits, &d, sizeof(bits));
	e = (int)(bits >> 52 & 0x7ff);
	m = bits & ((UINT64_C(1) << 52) - 1);
	if (e == 0x7ff || fegetround() != FE_TONEAREST)
		return 0;
	if (e == 0)		/* subnormal */
		e = 1;
	else
		m |= UINT64_C(1) << 52;
	k = 1075 - e;		/* the magnitude is m / 2^k */
	if (k < 0)
		return 0;
	*whole = k < 64 ? m >> k : 0;
	*part = 0;
	if (k == 0)
		return 1;
	f = k < 64 ? m & ((UINT64_C(1) << k) - 1) : m;
	if (k > 113)		/* under half the last decimal's unit */
		return 1;
	p = (unsigned __int128)f * tens[precision];
	*part = (uint64_t)(p >> k);
	r = p & (((unsigned __int128)1 << k) - 1);
	half = (unsigned __int128)1 << (k - 1);
	/* A tie goes to the even last digit, the whole's if no decimals. */
	odd = (int)((precision > 0 ? *part : *whole) & 1);
	if (r > half || (r == half && odd)) {
		if (precision == 0)
			++*whole;
		else if (++*part == tens[precision]) {
			*part = 0;
			++*whole;
		}
	}
	return 1;
}

/* The len bytes at at, as snprintf puts them into s (size bytes). */
static int
put_out(char *s, size_t size, const char *at, int len)
{
	if (size > 0) {
		size_t copied = (size_t)len < size ? (size_t)len : size - 1;

		memcpy(s, at, copied);
		s[copied] = '\0';
	}
	return len;
}

/* "%d", Cairo's commonest by far (a glyph's offset in a TJ array). */
static int
print_int(char *s, size_t size, int v)
{
	char buf[16], *end = buf + sizeof(buf), *at;
	unsigned long long u = v < 0 ? 0 - (unsigned long long)v :
	    (unsigned long long)v;

	at = digits(end, u, 10, 0);
	if (v < 0)
		*--at = '-';
	return put_out(s, size, at, (int)(end - at));
}

int
numerals_print(char *s, size_t size, const char *format, va_list ap)
{
	char buf[2 * MAX_WIDTH + 2 * MAX_PRECISION], *end = buf + sizeof(buf);
	char *at;
	struct conversion c;
	unsigned long long v;
	int negative = 0, pad;

	if (format[0] == '%' && format[1] == 'd' && format[2] == '\0')
		return print_int(s, size, va_arg(ap, int));
	if (!parse(format, &c))
		return -1;
	if (c.star && ((c.width = va_arg(ap, int)) < 0 || c.width >= MAX_WIDTH))
		return -1;
	if (c.precision == -2 && ((c.precision = va_arg(ap, int)) < 0 ||
	    c.precision > MAX_PRECISION))
		return -1;
	if (c.kind == 'f') {
		double d = va_arg(ap, double);
		uint64_t whole, part;
		/* glibc writes the locale's point, which Cairo then looks
		 * for: octavo sets no locale, but a library might. */
		const char *point = nl_langinfo(RADIXCHAR);

		if (c.precision < 0)
			c.precision = 6;
		if (strcmp(point, ".") != 0 ||
		    !rounded(d, c.precision, &whole, &part))
			return -1;
		negative = signbit(d) != 0;
		at = end;
		if (c.precision > 0) {
			at = digits(end, part, 10, 0);
			while (end - at < c.precision)
				*--at = '0';
			*--at = '.';
		}
		at = digits(at, whole, 10, 0);
	} else {
		if (c.kind == 'd') {
			long long x = c.longs == 0 ? va_arg(ap, int) :
			    c.longs == 1 ? va_arg(ap, long) :
			    va_arg(ap, long long);

			negative = x < 0;
			v = negative ? 0 - (unsigned long long)x :
			    (unsigned long long)x;
		} else
			v = c.longs == 0 ? va_arg(ap, unsigned) : c.longs == 1 ?
			    va_arg(ap, unsigned long) :
			    va_arg(ap, unsigned long long);
		at = digits(end, v, c.kind == 'o' ? 8 : c.kind == 'd' ||
		    c.kind == 'u' ? 10 : 16, c.kind == 'X');
	}
	/* The width: zeros after the sign, or spaces before it. */
	pad = c.width - (int)(end - at) - negative;
	for (; c.zero && pad > 0; pad--)
		*--at = '0';
	if (negative)
		*--at = '-';
	for (; pad > 0; pad--)
		*--at = ' ';
	return put_out(s, size, at, (int)(end - at));
}

#ifdef __GLIBC__
int
__snprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
    const char *format, ...)
{
	va_list ap, again;
	int n;

	if (slen < maxlen)
		__chk_fail();
	va_start(ap, format);
	va_copy(again, ap);
	n = numerals_print(s, maxlen, format, ap);
	if (n < 0)
		n = __vsnprintf_chk(s, maxlen, flag, slen, format, again);
	va_end(again);
	va_end(ap);
	return n;
}
#endif
