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

/* Past a literal string's closing parenthesis, nested ones balanced. */
static void
skip_string(struct lexer *lx)
{
	int depth = 0;

	for (; lx->i < lx->n; lx->i++) {
		char c = lx->s[lx->i];

		if (c == '\\')
			lx->i++;
		else if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0) {
			lx->i++;
			return;
		}
	}
	lx->i = lx->n;
}

/* Past a run of regular characters. */
static void
skip_regular(struct lexer *lx)
{
	while (lx->i < lx->n && !is_class(lx->s[lx->i], WHITE | DELIM))
		lx->i++;
}

/* Whether bytes start…end are a number, as PDF writes them. */
static gboolean
is_number(const char *s, gsize start, gsize end)
{
	gsize i;

	for (i = start; i < end; i++)
		if (!is_class(s[i], NUMERIC))
			return FALSE;
	return end > start;
}

struct lex_token
lex_next(struct lexer *lx)
{
	struct lex_token t = { LEX_OPERAND, 0, 0 };
	char c;

	for (;;) {
		while (lx->i < lx->n && lex_white(lx->s[lx->i]))
			lx->i++;
		if (lx->i >= lx->n || lx->s[lx->i] != '%')
			break;
		while (lx->i < lx->n && lx->s[lx->i] != '\n' &&
		    lx->s[lx->i] != '\r')
			lx->i++;
	}
	t.start = lx->i;
	if (lx->i >= lx->n) {
		t.kind = LEX_END;
		t.end = lx->i;
		return t;
	}
	c = lx->s[lx->i];
	if (c == '(')
		skip_string(lx);
	else if ((c == '<' || c == '>') && lx->i + 1 < lx->n &&
	    lx->s[lx->i + 1] == c)
		lx->i += 2;
	else if (c == '<') {
		while (lx->i < lx->n && lx->s[lx->i] != '>')
			lx->i++;
		lx->i = MIN(lx->i + 1, lx->n);
	} else if (c == '/') {
		lx->i++;
		skip_regular(lx);
	} else if (is_class(c, DELIM))
		lx->i++;
	else {
		skip_regular(lx);
		t.end = lx->i;
		if (is_number(lx->s, t.start, t.end))
			t.kind = LEX_NUMBER;
		else if (!lex_is(lx, &t, "true") && !lex_is(lx, &t, "false") &&
		    !lex_is(lx, &t, "null"))
			t.kind = LEX_KEYWORD;
		return t;
	}
	t.end = lx->i;
	return t;
}
