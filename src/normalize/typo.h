/*
 * typo.h — en-US typography of running text, as a copy-editor would
 * correct it: curly quotes and apostrophes, em and en dashes, the
 * ellipsis glyph, and spacing.  The words themselves never change.
 *
 * A paragraph is corrected one text node at a time, in order, through
 * one struct typo, so that a quotation mark at the start of a node takes
 * its direction from the end of the node before it.  Every decision looks
 * only at a character's near neighbours, so the pass is linear, and an
 * unbalanced quotation mark (common in scraped text) cannot flip the
 * direction of every quotation mark after it.
 *
 * What the pass does (decisions a style sheet would record):
 *
 * Quotes: a straight " or ' opens after the start of the paragraph, white
 *   space, an opening bracket or quotation mark, or a dash, unless white
 *   space or closing punctuation follows; otherwise it closes.  ' after a
 *   letter or digit is always ’ (don't, Smith's, workers', 1930's), and
 *   so is ' opening an elision: '30s, 'em, 'n', and 'tis, 'twas, 'twere,
 *   'twould, 'twill, 'til, lower-case or capitalized.  Curly marks are
 *   kept, with two corrections that are certain: ‘ or “ directly after a
 *   letter or digit and before white space or punctuation closes
 *   (‘Reply‘ → ‘Reply’), and ” after white space or an
 *   opening mark and before a letter or digit opens (‘”The → ‘“The).
 *   ’ is never changed: between letters it may be a transliterated soft
 *   sign (Ol’ga, Il’ich).
 *
 * Dashes: between digits, a hyphen, an en dash, or a run of them ("--",
 *   "-–"), unspaced or spaced on both sides, becomes an unspaced en dash
 *   (1926–1938, 1936–37, 1880–1936); a single hyphen in a chain of three
 *   or more numbers (1-12-1933, 0-19-500000-4) is kept.  Elsewhere a run
 *   of dashes (white space between them included) becomes one em dash,
 *   and so does a lone em dash, an en dash or hyphen spaced on both sides,
 *   and one glued to closing punctuation and spaced after ("October’-
 *   a"); the em dash is unspaced when there is text on both sides (en-US:
 *   word—word).  A hyphen glued between words is kept (war-this cannot
 *   be told from a compound), so is a suspended hyphen (pre- and post-),
 *   but after a month, or a month and its day, and before a month, it
 *   joins a range: January–March, May 26–June 10.
 *   Runs of em dashes alone (2-em and 3-em dashes) are kept.
 *
 * Ellipses: "...", ". . .", and runs of dots and … become one …; with four
 *   or more dots after a word, a closing quotation mark or bracket, a
 *   sentence's period follows the ellipsis ("them.... this" → "them….
 *   this").  An ellipsis that trails a word is glued to it, so that it
 *   never begins a line ("leaders ... and" → "leaders… and"); one that
 *   leads into the word after it keeps the space before ("of
 *   …approaching"), and after an opening mark none ("“ … I" → "“… I").
 *   The space after it is removed before closing punctuation or a
 *   closing quotation mark ("capitulate. . . ”" → "capitulate…”"), and
 *   one is added when an ellipsis glued to the word before is glued to
 *   the word after too ("peasantry...The" → "peasantry… The").
 *
 * Spaces: every run of white space (spaces, tabs, newlines, and other
 *   Unicode spaces) becomes one space; none at the start of a
 *   paragraph; a space before , ; : . ? ! that is followed by white space
 *   or a closing mark is removed ("Paris , a").  A run of no-break spaces
 *   alone stays one no-break space: the source binds the words it
 *   joins.  After p. pp. No. no. Nos. nos. Vol. vol. Vols. vols. before
 *   a digit the space is a no-break space, added where missing (pp.161 →
 *   pp. 161).  Word joiners and the zero-width joiners stay; zero-width
 *   spaces, byte order marks, soft hyphens and NULs are deleted; invalid
 *   UTF-8 becomes U+FFFD.
 */
#ifndef OCTAVO_TYPO_H
#define OCTAVO_TYPO_H

#include <glib.h>

/*
 * The context carried from one text node of a paragraph to the next.
 * For an inline that is not text, set prev to what it reads as: ' ' for
 * a line break; leave it alone for a note reference.
 */
struct typo {
	gunichar	 prev;	/* last character written; 0 at the start */
};

/* Starts a paragraph. */
void	typo_init(struct typo *);

/*
 * Corrects the next text node of the paragraph (len < 0: a string) and
 * returns the result, a new UTF-8 string for g_free.  White space at the
 * end of the node is kept as one space, since another node may follow;
 * the caller strips it from the paragraph's last node.
 */
char	*typo_text(struct typo *, const char *in, gssize len);

/* Corrects a whole paragraph held in one string, with no space at its end. */
char	*typo_paragraph(const char *in, gssize len);

/*
 * Checks corrected text for what typo_paragraph never leaves: invalid
 * UTF-8, a straight quote, "--", "...", ". . .", a spaced hyphen or en
 * dash, doubled, leading or trailing space, or an invisible character
 * the pass deletes.  Returns NULL if there is none, or
 * the first fault's name with its byte offset in *at (if at is not NULL).
 */
const char *typo_lint(const char *s, gssize len, gsize *at);

/*
 * Whether a heading is set in capitals: four letters or more, nearly
 * all of them upper case.
 */
int	typo_is_shouting(const char *s);

/*
 * A heading in capitals in title case: each word capitalized, except
 * the small words of English titles (a, of, the, and, …) and name
 * particles (van, de) after the first word; roman numerals stay as
 * they are (Chapter IV).  Returns a new string.
 */
char	*typo_title_case(const char *s);

#endif
