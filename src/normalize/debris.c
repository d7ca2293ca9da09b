/*
 * debris.c — the first pass: what a web page put around the text.
 *
 * Blog and CMS pages wrap an article in share prompts, comment threads
 * and reply forms.  A small built-in set recognizes the common ones;
 * the manifest's drop rules name the rest, and its keep rule rescues a
 * line the built-in set would take.  Every dropped line is reported at
 * -v, so nothing vanishes silently.
 */
#include <string.h>

#include "normalize/lines.h"

/* Lines that are page furniture on any blog or CMS. */
static const char *const furniture[] = {
	"^(Leave a (Reply|Comment)|Similar Posts|Related Posts?|Share this"
	    "( post)?|Like this|Please follow and like us|Post navigation|"
	    "Comments)\\s*:?$",
	"^Your email address will not be published\\b",
	"^(Enjoy this blog\\?|Please spread the word)",
	"^Image (removed|not available)\\.?$",
	"^(Last updated|Last modified) on \\d",
	"^(Posted|Filed) (in|under) \\S",
	"^Share (on|via) (Facebook|Twitter|Email)\\b",
	"^(Click|Tap) (here )?to (share|print|email)\\b",
};

/* A comment thread: it runs to the reply form or the end of the page. */
static const char *const thread_start =
    "^\\d+ (thoughts?|comments?|responses?|replies) (on|to) \\S";
static const char *const thread_end =
    "^(Leave a (Reply|Comment)|Your email address will not be published)";

/*
 * The built-in patterns are ASCII and anchored: matched as bytes, PCRE
 * need not check that each whole line is UTF-8 once per pattern (the
 * source reader has).
 */
static GRegex *
compile(const char *src)
{
	GRegex *re = g_regex_new(src, G_REGEX_RAW, 0, NULL);

	g_assert(re != NULL);
	return re;
}

static int
any_matches(const GPtrArray *patterns, const char *text)
{
	guint i;

	for (i = 0; i < patterns->len; i++) {
		const struct pattern *p = g_ptr_array_index(patterns, i);

		if (g_regex_match(p->re, text, 0, NULL))
			return 1;
	}
	return 0;
}

/* Removes every match of the manifest's drop-text patterns from the line. */
static void
drop_text(struct lines *ls, struct line *l)
{
	guint i;

	for (i = 0; i < ls->rules->drop_text->len; i++) {
		const struct pattern *p =
		    g_ptr_array_index(ls->rules->drop_text, i);
		char *out;

		if (!g_regex_match(p->re, l->text, 0, NULL))
			continue;
		out = g_regex_replace_literal(p->re, l->text, -1, 0, "", 0,
		    NULL);
		diag_add(ls->diags, DIAG_INFO, srcpos_at(ls->path, l->no, 1),
		    "dropped text matching drop-text '%s'",
		    g_regex_get_pattern(p->re));
		g_free(l->text);
		l->text = out;
		if (*g_strstrip(l->text) == '\0')
			l->role = LINE_DROPPED;
	}
}

void
debris_pass(struct lines *ls)
{
	const struct rules *r = ls->rules;
	GRegex *furn[G_N_ELEMENTS(furniture)];
	GRegex *start = compile(thread_start), *end = compile(thread_end);
	int in_thread = 0;
	guint i;
	size_t k;

	for (k = 0; k < G_N_ELEMENTS(furniture); k++)
		furn[k] = compile(furniture[k]);
	for (i = 0; i < ls->a->len; i++) {
		struct line *l = LINE(ls, i);
		const char *why = NULL;

		if (l->role == LINE_BLANK)
			continue;
		if (lineset_has(&r->drop, l->no))
			why = "dropped: listed in the manifest's drop";
		else if (any_matches(r->drop_match, l->text))
			why = "dropped: matches the manifest's drop-match";
		else if (lineset_has(&r->keep, l->no))
			why = NULL;
		else if (in_thread && !g_regex_match(end, l->text, 0, NULL))
			why = "dropped: part of a comment thread";
		else if (g_regex_match(start, l->text, 0, NULL)) {
			why = "dropped: start of a comment thread";
			in_thread = 1;
		} else {
			in_thread = 0;
			for (k = 0; k < G_N_ELEMENTS(furniture); k++)
				if (g_regex_match(furn[k], l->text, 0, NULL))
					why = "dropped: web page furniture";
		}
		if (why != NULL)
			line_set(ls, i, LINE_DROPPED, why);
		else
			drop_text(ls, l);
	}
	for (k = 0; k < G_N_ELEMENTS(furniture); k++)
		g_regex_unref(furn[k]);
	g_regex_unref(start);
	g_regex_unref(end);
}
