/*
 * lex.h — the tokens of PDF syntax, shared by what reads a page's
 * content stream (content.c) and what reads the objects of Cairo's file
 * (pdfobj.c): both are the same lexical rules (ISO 32000-1, 7.2).
 */
#ifndef OCTAVO_PDF_LEX_H
#define OCTAVO_PDF_LEX_H

#include <string.h>

#include <glib.h>

enum lex_kind {
	LEX_END,
	LEX_OPERAND,	/* a name, a string, true, false, null, or a
			   delimiter of an array or a dictionary */
	LEX_NUMBER,
	LEX_KEYWORD	/* anything else: an operator, obj, R, stream… */
};

struct lex_token {
	enum lex_kind	 kind;
	gsize		 start, end;	/* bytes of the lexer's text */
};

struct lexer {
	const char	*s;
	gsize		 n, i;		/* the text, its length, where */
};

/* The next token, comments and white space skipped. */
struct lex_token lex_next(struct lexer *);
/* Whether c is white space, as PDF counts it. */
gboolean	lex_white(char c);

/*
 * Whether t is word, exactly ("R", "BDC"); inline, and its first byte
 * first, since most tokens asked about are not the word.
 */
static inline gboolean
lex_is(const struct lexer *lx, const struct lex_token *t, const char *word)
{
	gsize len = t->end - t->start;

	return len > 0 && lx->s[t->start] == word[0] &&
	    strncmp(lx->s + t->start, word, len) == 0 && word[len] == '\0';
}

#endif
