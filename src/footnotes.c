/*
 * footnotes.c — finding a raw text's notes: the block of notes at its
 * end, in whichever convention the source used.
 */
#include <string.h>

#include "lines.h"

/* How each convention's first note looks, and its second. */
static const struct {
	enum notes_style style;
	const char	*first, *second;
} openers[] = {
	{ NOTES_NUMBERED, "^1\\.\\s+\\S", "^2\\.\\s+\\S" },
	{ NOTES_BRACKET, "^\\[1\\]\\s*\\S", "\\[2\\]" },
	{ NOTES_GLUED, "^1\\s+[[:upper:]‘“(]", "\\s2\\s+[[:upper:]‘“(]" },
};

/*
 * The first line of the notes block, by the convention's look: the last
 * line that opens with note 1 and is followed (in it or after it) by
 * note 2.  Returns the line index or G_MAXUINT.
 */
static guint
find_block(const struct lines *ls, enum notes_style *style)
{
	guint i, j;
	size_t k;

	for (i = ls->a->len; i-- > 0;) {
		const struct line *l = LINE(ls, i);

		if (l->role != LINE_PARA || l->indent > 0)
			continue;
		for (k = 0; k < G_N_ELEMENTS(openers); k++) {
			if ((ls->rules->notes != NOTES_AUTO &&
			    ls->rules->notes != openers[k].style) ||
			    !g_regex_match_simple(openers[k].first, l->text, 0, 0))
				continue;
			for (j = i; j < ls->a->len; j = lines_next(ls, j))
				if (g_regex_match_simple(openers[k].second,
				    LINE(ls, j)->text + (j == i), 0, 0)) {
					*style = openers[k].style;
					return i;
				}
		}
	}
	return G_MAXUINT;
}

void
notes_block_pass(struct lines *ls)
{
	enum notes_style style = ls->rules->notes;
	guint i, start = G_MAXUINT;

	if (style == NOTES_NONE)
		return;
	if (ls->rules->notes_start > 0) {
		for (i = 0; i < ls->a->len; i++)
			if (LINE(ls, i)->no == ls->rules->notes_start) {
				start = i;
				break;
			}
		if (start == G_MAXUINT)
			diag_add(ls->diags, DIAG_ERROR, srcpos_at(ls->path, 0, 0),
			    "notes-start %d is past the end of the text",
			    ls->rules->notes_start);
	} else
		start = find_block(ls, &style);
	if (start == G_MAXUINT)
		return;
	diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, LINE(ls, start)->no,
	    1), "the notes start here");
	for (i = start; i < ls->a->len; i++)
		if (LINE(ls, i)->role == LINE_PARA)
			LINE(ls, i)->role = LINE_NOTES;
}
