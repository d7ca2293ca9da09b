/*
 * content.c — reading a content stream's tokens and rewriting a few
 * operators: artifacts around untagged painting, grays as DeviceGray.
 *
 * The stream is copied as it is, with text inserted before an
 * operator's operands (the artifact's BMC and EMC) or put in place of
 * an operator with its operands (a gray); nothing else is parsed into
 * objects or written anew.
 */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "lex.h"

/* Operators that paint: text shown (inside its text object, which may
 * hold the structure's sequences too), a path begun, a shading, an
 * XObject, an inline image. */
static const char *const painting[] = { "Tj", "TJ", "'", "\"", "m", "re",
	"sh", "Do", "BI", NULL };

/* Past an inline image's data, to the EI that ends it. */
static void
skip_image(struct lexer *lx)
{
	for (lx->i++; lx->i + 2 <= lx->n; lx->i++)
		if (lx->s[lx->i] == 'E' && lx->s[lx->i + 1] == 'I' &&
		    lex_white(lx->s[lx->i - 1]) && (lx->i + 2 == lx->n ||
		    lex_white(lx->s[lx->i + 2])))
			return;
	lx->i = lx->n;
}

struct rewriter {
	struct lexer	 lx;
	GString		*out;
	gsize		 copied;	/* input bytes copied to out */
	gsize		 operands;	/* where the pending operands begin */
	int		 noperands;
	struct lex_token	 first;		/* the first of them */
	gboolean	 gray;		/* all numbers, and all equal */
	double		 value;		/* the first's */
	GArray		*marked;	/* gboolean per open marked-content
					   sequence: whether it is the
					   structure's (an MCID) */
	int		 tagged;	/* of them, the structure's */
	int		 saved;		/* q … Q depth */
	gboolean	 text;		/* inside BT … ET */
	gboolean	 artifact;	/* an artifact is open */
	int		 artifact_saved;	/* at this q depth */
	gboolean	 artifact_text;	/* opened inside BT … ET */
	struct content_counts *counts;
};

/* Copies the input up to at. */
static void
copy_to(struct rewriter *r, gsize at)
{
	g_string_append_len(r->out, r->lx.s + r->copied,
	    (gssize)(at - r->copied));
	r->copied = at;
}

/* Copies the input up to at, then text, on a line of its own. */
static void
insert(struct rewriter *r, gsize at, const char *text)
{
	copy_to(r, at);
	if (r->out->len > 0 && !lex_white(r->out->str[r->out->len - 1]))
		g_string_append_c(r->out, '\n');
	g_string_append(r->out, text);
}

static void
operand(struct rewriter *r, const struct lex_token *t)
{
	double v = t->kind == LEX_NUMBER ? g_ascii_strtod(r->lx.s + t->start,
	    NULL) : 0;

	if (r->noperands++ == 0) {
		r->operands = t->start;
		r->first = *t;
		r->value = v;
		r->gray = t->kind == LEX_NUMBER;
	} else
		r->gray = r->gray && t->kind == LEX_NUMBER && v == r->value;
}

/* "r r r rg" as "r g", "r r r RG" as "r G"; other colours left. */
static void
colour(struct rewriter *r, const struct lex_token *op, gboolean stroke)
{
	char buf[8];

	if (r->noperands != 3 || !r->gray) {
		r->counts->colours++;
		return;
	}
	copy_to(r, r->operands);
	g_string_append_len(r->out, r->lx.s + r->first.start,
	    (gssize)(r->first.end - r->first.start));
	g_snprintf(buf, sizeof(buf), " %c", stroke ? 'G' : 'g');
	g_string_append(r->out, buf);
	r->copied = op->end;
	r->counts->grays++;
}

static void
close_artifact(struct rewriter *r, gsize at)
{
	insert(r, at, "EMC\n");
	r->artifact = FALSE;
}

static void
open_artifact(struct rewriter *r, gsize at)
{
	insert(r, at, "/Artifact BMC\n");
	r->artifact = TRUE;
	r->artifact_saved = r->saved;
	r->artifact_text = r->text;
	r->counts->artifacts++;
}

/*
 * Whether the BDC whose operands are pending tags content for the
 * structure (it has an MCID), or is itself an artifact; a span that
 * only gives the text it shows (/ActualText) is neither.
 */
static gboolean
tags_content(const struct rewriter *r, const struct lex_token *op)
{
	const char *s = r->lx.s + r->operands;
	gsize n = op->start - r->operands;

	return r->noperands > 0 && (g_strstr_len(s, (gssize)n, "/MCID") !=
	    NULL || g_strstr_len(s, (gssize)n, "/Artifact") != NULL);
}

/* A marked-content sequence begun: the structure's closes an artifact
 * open outside it; another, outside both, is painting untagged. */
static void
begin_marked(struct rewriter *r, const struct lex_token *t, gsize at)
{
	gboolean tagged = lex_is(&r->lx, t, "BDC") && tags_content(r, t);

	if (tagged && r->artifact && r->tagged == 0)
		close_artifact(r, at);
	else if (!tagged && !r->artifact && r->tagged == 0)
		open_artifact(r, at);
	g_array_append_val(r->marked, tagged);
	r->tagged += tagged;
}

static void
end_marked(struct rewriter *r)
{
	if (r->marked->len == 0)
		return;
	r->tagged -= g_array_index(r->marked, gboolean, r->marked->len - 1);
	g_array_set_size(r->marked, r->marked->len - 1);
}

/* Whether t is an operator that paints, outside marked content. */
static gboolean
is_painting(const struct rewriter *r, const struct lex_token *t)
{
	size_t i;

	for (i = 0; painting[i] != NULL; i++)
		if (lex_is(&r->lx, t, painting[i]))
			return TRUE;
	return FALSE;
}

/*
 * What an operator does to the marked content and the artifacts.  An
 * artifact closes before the structure's next sequence, at the Q that
 * restores its state, and, opened in a text object, before its ET:
 * marked content never crosses either.
 */
static void
operator(struct rewriter *r, const struct lex_token *t)
{
	gsize at = r->noperands > 0 ? r->operands : t->start;

	if (lex_is(&r->lx, t, "BDC") || lex_is(&r->lx, t, "BMC"))
		begin_marked(r, t, at);
	else if (lex_is(&r->lx, t, "EMC"))
		end_marked(r);
	else if (lex_is(&r->lx, t, "q"))
		r->saved++;
	else if (lex_is(&r->lx, t, "Q")) {
		if (r->artifact && r->saved - 1 < r->artifact_saved)
			close_artifact(r, at);
		r->saved--;
	} else if (lex_is(&r->lx, t, "ET")) {
		if (r->artifact && r->artifact_text)
			close_artifact(r, at);
		r->text = FALSE;
	} else if (lex_is(&r->lx, t, "rg") || lex_is(&r->lx, t, "RG"))
		colour(r, t, lex_is(&r->lx, t, "RG"));
	else if (r->marked->len == 0 && !r->artifact && is_painting(r, t))
		open_artifact(r, at);
	if (lex_is(&r->lx, t, "BT"))
		r->text = TRUE;
	if (lex_is(&r->lx, t, "ID")) {
		r->lx.i = t->end;
		skip_image(&r->lx);
	}
	r->noperands = 0;
}

GString *
content_finish(const char *data, gsize len, struct content_counts *counts)
{
	struct content_counts none = { 0, 0, 0 };
	struct rewriter r;
	struct lex_token t;

	memset(&r, 0, sizeof(r));
	r.lx.s = data;
	r.lx.n = len;
	r.out = g_string_sized_new(len + 256);
	r.counts = counts != NULL ? counts : &none;
	r.marked = g_array_new(FALSE, FALSE, sizeof(gboolean));
	while ((t = lex_next(&r.lx)).kind != LEX_END) {
		if (t.kind == LEX_KEYWORD)
			operator(&r, &t);
		else
			operand(&r, &t);
	}
	if (r.artifact)
		insert(&r, len, "EMC\n");
	copy_to(&r, len);
	g_array_free(r.marked, TRUE);
	return r.out;
}
