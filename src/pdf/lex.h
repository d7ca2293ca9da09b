/*
 * lex.h — the tokens of PDF syntax, shared by what reads a page's
 * content stream (content.c) and what reads the objects of Cairo's file
 * (pdfobj.c): both are the same lexical rules (ISO 32000-1, 7.2).
 */
#ifndef OCTAVO_PDF_LEX_H
#define OCTAVO_PDF_LEX_H

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
/* Whether t is word, exactly ("R", "BDC"). */
gboolean	lex_is(const struct lexer *, const struct lex_token *t,
		    const char *word);
/* Whether c is white space, as PDF counts it. */
gboolean	lex_white(char c);

#endif
