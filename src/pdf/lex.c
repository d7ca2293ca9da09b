/*
 * lex.c — PDF's tokens.  A token is only delimited, never decoded: its
 * bytes stay where they are, so that a rewriter copies what it does not
 * change exactly as Cairo wrote it.
 */
#include <string.h>

#include "lex.h"

/* Each byte's class: PDF's white space, its delimiters, and what a
 * number is written with; a table, since every byte is asked. */
enum { WHITE = 1, DELIM = 2, NUMERIC = 4 };

static const unsigned char classes[256] = {
	['\0'] = WHITE, ['\t'] = WHITE, ['\n'] = WHITE, ['\f'] = WHITE,
	['\r'] = WHITE, [' '] = WHITE,
	['('] = DELIM, [')'] = DELIM, ['<'] = DELIM, ['>'] = DELIM,
	['['] = DELIM, [']'] = DELIM, ['{'] = DELIM, ['}'] = DELIM,
	['/'] = DELIM, ['%'] = DELIM,
	['+'] = NUMERIC, ['-'] = NUMERIC, ['.'] = NUMERIC, ['0'] = NUMERIC,
	['1'] = NUMERIC, ['2'] = NUMERIC, ['3'] = NUMERIC, ['4'] = NUMERIC,
	['5'] = NUMERIC, ['6'] = NUMERIC, ['7'] = NUMERIC, ['8'] = NUMERIC,
	['9'] = NUMERIC,
};

static gboolean
is_class(char c, int class)
{
	return (classes[(unsigned char)c] & class) != 0;
}

gboolean
lex_white(char c)
{
	return is_class(c, WHITE);
}

/* Past a literal string's closing parenthesis, nested ones balanced,
 * from s[i] on (n bytes); the loops keep their place in a local, which
 * the compiler holds in a register, not in the lexer it would have to
 * write back at every byte (a char may alias it). */
static gsize
skip_string(const char *s, gsize n, gsize i)
{
	int depth = 0;

	for (; i < n; i++) {
		char c = s[i];

		if (c == '\\')
			i++;
		else if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0)
			return i + 1;
	}
	return n;
}

struct lex_token
lex_next(struct lexer *lx)
{
	struct lex_token t = { LEX_OPERAND, 0, 0 };
	const char *s = lx->s;
	gsize n = lx->n, i = lx->i;
	int all;
	char c;

	for (;;) {
		while (i < n && is_class(s[i], WHITE))
			i++;
		if (i >= n || s[i] != '%')
			break;
		while (i < n && s[i] != '\n' && s[i] != '\r')
			i++;
	}
	t.start = i;
	if (i >= n) {
		t.kind = LEX_END;
		t.end = lx->i = i;
		return t;
	}
	c = s[i];
	if (c == '(')
		i = skip_string(s, n, i);
	else if ((c == '<' || c == '>') && i + 1 < n && s[i + 1] == c)
		i += 2;
	else if (c == '<') {
		while (i < n && s[i] != '>')
			i++;
		i = MIN(i + 1, n);
	} else if (c == '/') {
		for (i++; i < n && !is_class(s[i], WHITE | DELIM); i++)
			;
	} else if (is_class(c, DELIM))
		i++;
	else {
		/* A run of regular characters: a number if all are what a
		 * number is written with. */
		for (all = NUMERIC; i < n && !is_class(s[i], WHITE | DELIM);
		    i++)
			all &= classes[(unsigned char)s[i]];
		t.end = lx->i = i;
		if (all != 0)
			t.kind = LEX_NUMBER;
		else if (!lex_is(lx, &t, "true") && !lex_is(lx, &t, "false") &&
		    !lex_is(lx, &t, "null"))
			t.kind = LEX_KEYWORD;
		return t;
	}
	t.end = lx->i = i;
	return t;
}
