/*
 * test_shapes.c — the shapes books come in, each on made-up text run
 * through the whole pipeline: wrapped paragraphs and their broken
 * words, chapters split from one file, notes in every convention,
 * italics, encodings, verse, a library's licence and a contents list,
 * and the word ledger that holds them all to account.
 */
#include <string.h>

#include "fixture.h"
#include "pipeline.h"
#include "read/source.h"
#include "suites.h"

/* Two paragraphs wrapped at about sixty columns, a blank line between. */
#define WRAPPED \
	"The orchard behind the mill was planted in the spring of the\n" \
	"year the river froze, and the miller kept a ledger of every\n" \
	"tree he set, with the name of the nursery it came from.\n" \
	"\n" \
	"By the autumn the young trees stood in rows along the lane,\n" \
	"and the children of the village were warned away from them\n" \
	"by a sign that nobody in the village could read aloud.\n"

/* The first warning's message, or "". */
static const char *
first_warning(const struct diags *d)
{
	guint i;

	for (i = 0; i < d->list->len; i++)
		if (g_array_index(d->list, struct diag, i).level ==
		    DIAG_WARNING)
			return g_array_index(d->list, struct diag, i).msg;
	return "";
}

/* Runs text with keys and asserts it succeeds with no warning. */
static void
run_clean(struct pipeline *p, const char *text, const char *keys)
{
	struct diags d;

	diags_init(&d);
	ck_assert_int_eq(fixture_run(p, text, -1, keys, &d), 0);
	ck_assert_msg(d.count[DIAG_WARNING] == 0, "%d warnings, first: %s",
	    d.count[DIAG_WARNING], first_warning(&d));
	ck_assert_uint_eq(p->ledger.unaccounted, 0);
	diags_release(&d);
}

static struct chapter *
chapter(const struct pipeline *p, guint i)
{
	ck_assert_uint_lt(i, p->edition->chapters->len);
	return g_ptr_array_index(p->edition->chapters, i);
}

START_TEST(test_wrapped_paragraphs)
{
	struct pipeline p;
	const char *md;

	run_clean(&p, WRAPPED, NULL);
	md = fixture_md(&p, 0);
	ck_assert_ptr_nonnull(strstr(md, "miller kept a ledger of every tree "
	    "he set, with the name of the nursery it came from.\n\nBy the "
	    "autumn"));
	ck_assert_ptr_nonnull(strstr(md, "could read aloud.\n"));
	pipeline_release(&p);
}
END_TEST

/* paragraphs = line reads a paragraph per line, whatever the shape. */
START_TEST(test_paragraphs_key)
{
	static const char text[] = WRAPPED "\nA line of its own that the "
	    "wrapping would join\nTo the line after it, in a wrapped text.\n";
	struct pipeline p;

	run_clean(&p, text, NULL);
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "join To the line"));
	pipeline_release(&p);
	run_clean(&p, text, "paragraphs = line");
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "join\n\nTo the line"));
	pipeline_release(&p);
}
END_TEST

/*
 * A hyphen at a line's end: kept in a word the text hyphenates
 * elsewhere, taken out where it writes the word solid elsewhere, and
 * out of a word whose halves it never uses alone.
 */
START_TEST(test_line_end_hyphens)
{
	struct pipeline p;
	const char *md;

	run_clean(&p,
	    "The well-keeper and the gate-keeper met at the well-\n"
	    "keeper's hut, as they did every evening at the hour when the\n"
	    "bells rang, and they drank to-\n"
	    "gether from the same cup, which both called their together-cup\n"
	    "and which the well-keeper kept on a nail by the door, a cup\n"
	    "so old that its glaze had crazed into a map of unknown coun-\n"
	    "tries, seas and islands.\n", NULL);
	md = fixture_md(&p, 0);
	ck_assert_ptr_nonnull(strstr(md, "at the well-keeper’s hut"));
	ck_assert_ptr_nonnull(strstr(md, "drank together from"));
	ck_assert_ptr_nonnull(strstr(md, "unknown countries, seas"));
	ck_assert_ptr_null(strstr(md, "- "));
	pipeline_release(&p);
}
END_TEST

/* Paragraphs that open with an indent, and no blank line between them. */
START_TEST(test_indented_paragraphs)
{
	struct pipeline p;
	const char *md;

	run_clean(&p, "   The first paragraph opens with an indent and runs on "
	    "for\nmore than one line before it comes to an end at last.\n"
	    "   The second paragraph opens the same way and it too runs on\n"
	    "for a while before it stops, as paragraphs in books do.\n"
	    "   A third one, to be sure of the shape, runs to a second\n"
	    "line of its own and ends there without more ado at all.\n",
	    NULL);
	md = fixture_md(&p, 0);
	ck_assert_ptr_nonnull(strstr(md, "at last.\n\nThe second paragraph"));
	ck_assert_ptr_nonnull(strstr(md, "books do.\n\nA third one"));
	pipeline_release(&p);
}
END_TEST

/* Without split, a chapter's number over its title is one heading. */
START_TEST(test_number_over_title)
{
	struct pipeline p;

	run_clean(&p, WRAPPED "\n\nCHAPTER II.\n\nTHE FERRY AT DUSK.\n\n"
	    WRAPPED, NULL);
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0),
	    "\n## Chapter II. The Ferry at Dusk\n"));
	pipeline_release(&p);
}
END_TEST

/*
 * A word broken at a line's end whose halves the text does not decide
 * ("in" is a word, "dividual" none): the hyphenation patterns do.
 */
START_TEST(test_line_end_hyphen_patterns)
{
	struct pipeline p;

	run_clean(&p, "In the valley and in the town, in the fields and in "
	    "the\nhouses, in every season, each in-\ndividual kept a "
	    "lantern lit in the window for the boats in\nthe bay, and "
	    "nobody in the whole valley ever let one go out in a storm.\n"
	    "That was the rule in the valley, in the town, in the fields,\n"
	    "in the houses, in every window that looked out on the bay.\n",
	    NULL);
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "each individual kept"));
	pipeline_release(&p);
}
END_TEST

#define CHAPTERS \
	"CHAPTER I.\n\nThe Lantern Maker.\n\n" WRAPPED "\n\n\n" \
	"CHAPTER II.\n\nTHE FERRY AT DUSK.\n\n" WRAPPED

START_TEST(test_split_chapters)
{
	struct pipeline p;

	run_clean(&p, CHAPTERS, "split = ^CHAPTER [IVX]+\\.$");
	ck_assert_uint_eq(p.edition->chapters->len, 2);
	ck_assert_str_eq(chapter(&p, 0)->id, "t-1");
	ck_assert_str_eq(chapter(&p, 1)->id, "t-2");
	ck_assert_str_eq(chapter(&p, 0)->meta.label, "Chapter I");
	ck_assert_str_eq(chapter(&p, 0)->meta.title, "The Lantern Maker");
	ck_assert_str_eq(chapter(&p, 1)->meta.label, "Chapter II");
	ck_assert_str_eq(chapter(&p, 1)->meta.title, "The Ferry at Dusk");
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 1), "The orchard"));
	pipeline_release(&p);
}
END_TEST

/* The pattern's first group is the title; the rest of the line the label. */
START_TEST(test_split_captures_title)
{
	struct pipeline p;

	run_clean(&p, "BOOK ONE: Of Rivers\n\n" WRAPPED "\n\nBOOK TWO: Of "
	    "Hills\n\n" WRAPPED, "split = ^BOOK \\w+: (.*)$");
	ck_assert_str_eq(chapter(&p, 0)->meta.title, "Of Rivers");
	ck_assert_str_eq(chapter(&p, 0)->meta.label, "Book One");
	ck_assert_str_eq(chapter(&p, 1)->meta.title, "Of Hills");
	pipeline_release(&p);
}
END_TEST

/*
 * Text before the first split line is a chapter of its own; untitled,
 * it is numbered as a chapter rather than called by its id.
 */
START_TEST(test_split_keeps_opening)
{
	struct pipeline p;

	run_clean(&p, WRAPPED "\n\n" CHAPTERS, "split = ^CHAPTER [IVX]+\\.$");
	ck_assert_uint_eq(p.edition->chapters->len, 3);
	ck_assert_ptr_null(chapter(&p, 0)->meta.title);
	ck_assert_str_eq(chapter(&p, 0)->meta.label, "Chapter 1");
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "The orchard"));
	pipeline_release(&p);
}
END_TEST

START_TEST(test_split_matches_nothing)
{
	struct pipeline p;
	struct diags d;

	diags_init(&d);
	ck_assert_int_eq(fixture_run(&p, WRAPPED, -1, "split = ^PART [IVX]+$",
	    &d), -1);
	ck_assert_int_eq(fixture_diags_matching(&d, "split matches no line"),
	    1);
	diags_release(&d);
}
END_TEST

/* lines takes part of the source; the rest is dropped by that rule. */
START_TEST(test_lines_take_part)
{
	struct pipeline p;

	run_clean(&p, CHAPTERS, "lines = 13-");
	ck_assert_uint_eq(p.edition->chapters->len, 1);
	ck_assert_str_eq(chapter(&p, 0)->meta.label, "Chapter II");
	ck_assert_ptr_null(strstr(fixture_md(&p, 0), "Lantern"));
	ck_assert_uint_gt(p.ledger.dropped, 20);
	pipeline_release(&p);
}
END_TEST

START_TEST(test_lines_past_the_end)
{
	struct pipeline p;
	struct diags d;

	diags_init(&d);
	ck_assert_int_eq(fixture_run(&p, WRAPPED, -1, "drop = 3, 90-95", &d),
	    -1);
	ck_assert_int_eq(fixture_diags_matching(&d, "names line 95"), 1);
	diags_release(&d);
}
END_TEST

/* The note of reference n in chapter c, as plain text. */
static char *
note_text(const struct pipeline *p, guint c, guint n)
{
	const struct chapter *ch = chapter(p, c);
	const struct note *note;

	ck_assert_uint_lt(n, ch->notes->len);
	note = g_ptr_array_index(ch->notes, n);
	ck_assert_ptr_nonnull(note->ref);
	return node_text(note->body);
}

/* [Footnote N: …] blocks after their paragraph, one of two paragraphs. */
START_TEST(test_footnote_blocks)
{
	struct pipeline p;
	char *t;

	run_clean(&p, WRAPPED "\nThe sign was painted by a travelling "
	    "artist.[1] He left\nbefore the paint was dry.[2]\n\n"
	    "[Footnote 1: A man named in no register.]\n\n"
	    "[Footnote 2: The second note runs on\nfor two lines.\n\n"
	    "And has a second paragraph.]\n\n" WRAPPED, NULL);
	ck_assert_uint_eq(chapter(&p, 0)->notes->len, 2);
	t = note_text(&p, 0, 0);
	ck_assert_str_eq(t, "A man named in no register.");
	g_free(t);
	t = note_text(&p, 0, 1);
	ck_assert_ptr_nonnull(strstr(t, "second paragraph."));
	g_free(t);
	ck_assert_ptr_null(strstr(fixture_md(&p, 0), "Footnote"));
	pipeline_release(&p);
}
END_TEST

/*
 * [N] notes interleaved after their paragraphs, numbered through the
 * book: each chapter numbers its own from 1.
 */
START_TEST(test_interleaved_notes_through_the_book)
{
	struct pipeline p;
	char *t;

	run_clean(&p, "CHAPTER I.\n\n" WRAPPED "\nA first claim.[1]\n\n"
	    "[1] The first note.\n\n" WRAPPED "\n\nCHAPTER II.\n\n" WRAPPED
	    "\nA second claim,[2] and a third.[3]\n\n[2] The second note.\n\n"
	    "[3] The third note.\n\n" WRAPPED, "split = ^CHAPTER [IVX]+\\.$");
	ck_assert_uint_eq(chapter(&p, 0)->notes->len, 1);
	ck_assert_uint_eq(chapter(&p, 1)->notes->len, 2);
	ck_assert_str_eq(((struct note *)g_ptr_array_index(chapter(&p, 1)->
	    notes, 0))->mark, "1");
	t = note_text(&p, 1, 1);
	ck_assert_str_eq(t, "The third note.");
	g_free(t);
	pipeline_release(&p);
}
END_TEST

/* {N} markers, and one block of notes at the book's end for every chapter. */
START_TEST(test_book_end_notes)
{
	struct pipeline p;
	char *t;

	run_clean(&p, "CHAPTER I.\n\n" WRAPPED "\nThe claim.{1}\n\n"
	    "CHAPTER II.\n\n" WRAPPED "\nAnother.{2}\n\nFOOTNOTES:\n\n"
	    "{1} Of the first chapter.\n\n{2} Of the second chapter.\n",
	    "split = ^CHAPTER [IVX]+\\.$");
	ck_assert_uint_eq(chapter(&p, 0)->notes->len, 1);
	ck_assert_uint_eq(chapter(&p, 1)->notes->len, 1);
	t = note_text(&p, 1, 0);
	ck_assert_str_eq(t, "Of the second chapter.");
	g_free(t);
	/* The source's heading over its notes goes: the edition sets its own. */
	ck_assert_ptr_null(strstr(fixture_md(&p, 1), "FOOTNOTES"));
	pipeline_release(&p);
}
END_TEST

/* A scrape's chapter whose notes run from 7, as its book numbers them. */
START_TEST(test_block_from_seven)
{
	struct pipeline p;
	char *t;

	run_clean(&p, "The first paragraph of the chapter, which says a good "
	    "deal at length about the matter in hand and cites a source.[7] "
	    "It goes on to cite another one.[8]\n\nA second paragraph "
	    "follows it and cites a third source as well.[9]\n\nNotes\n\n"
	    "[7] A source. [8] Another source. [9] A third source.\n", NULL);
	ck_assert_uint_eq(chapter(&p, 0)->notes->len, 3);
	t = note_text(&p, 0, 2);
	ck_assert_str_eq(t, "A third source.");
	g_free(t);
	pipeline_release(&p);
}
END_TEST

/*
 * A text of one note: its block has no second note to be told by, so
 * its marker, before it in the text, tells it; glued to a word only
 * when the manifest says so.  The source's "Notes" over it goes.
 */
START_TEST(test_one_note)
{
	static const char *const texts[] = {
		"The first paragraph of the essay says something worth a "
		    "note.[1] And it goes on, as essays do.\n\nThe second "
		    "paragraph has no note at all.\n\nNotes\n\n1. The only "
		    "note of the essay.\n",
		"The first paragraph of the essay says something worth a "
		    "note.1 And it goes on, as essays do.\n\nThe second "
		    "paragraph has no note at all.\n\nNotes\n\n1 The only "
		    "note of the essay.\n",
	};
	static const char *const keys[] = { NULL, "notes = glued-digits" };
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(texts); i++) {
		struct pipeline p;
		char *t;

		run_clean(&p, texts[i], keys[i]);
		ck_assert_uint_eq(chapter(&p, 0)->notes->len, 1);
		t = note_text(&p, 0, 0);
		ck_assert_str_eq(t, "The only note of the essay.");
		g_free(t);
		ck_assert_ptr_null(strstr(fixture_md(&p, 0), "Notes"));
		pipeline_release(&p);
	}
}
END_TEST

/* A marker in an editor's introduction refers to its note too. */
START_TEST(test_marker_in_introduction)
{
	struct pipeline p;
	const struct chapter *c;
	const struct note *n;

	run_clean(&p, "An editor's note on the essay, which cites a "
	    "letter.[1] It is short.\n\nThe essay says something worth a "
	    "note.[2] And it goes on.\n\nNotes\n\n1. The letter.\n\n"
	    "2. The essay's note.\n", "introduction-lines = 1");
	c = chapter(&p, 0);
	ck_assert_ptr_nonnull(c->preface);
	ck_assert_uint_eq(c->notes->len, 2);
	n = g_ptr_array_index(c->notes, 0);
	ck_assert_ptr_nonnull(n->ref);
	ck_assert_int_eq(n->number, 1);
	ck_assert_ptr_eq(n->ref->parent->parent, c->preface);
	pipeline_release(&p);
}
END_TEST

/* note-marker and note-text: a convention octavo does not know. */
START_TEST(test_note_patterns)
{
	struct pipeline p;
	char *t;

	run_clean(&p, WRAPPED "\nThe claim <<a>> and the other <<b>>.\n\n"
	    "Note a - First.\n\nNote b - Second.\n",
	    "note-marker = <<(\\w)>>\nnote-text = ^Note (\\w) - ");
	ck_assert_uint_eq(chapter(&p, 0)->notes->len, 2);
	t = note_text(&p, 0, 1);
	ck_assert_str_eq(t, "Second.");
	g_free(t);
	pipeline_release(&p);
}
END_TEST

/* A labelled paragraph no marker points to stays text. */
START_TEST(test_unreferenced_label_stays_text)
{
	struct pipeline p;

	run_clean(&p, WRAPPED "\n[1] A list that opens with a number in "
	    "brackets.\n", NULL);
	ck_assert_uint_eq(chapter(&p, 0)->notes->len, 0);
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "\\[1\\] A list"));
	pipeline_release(&p);
}
END_TEST

START_TEST(test_emphasis)
{
	struct pipeline p;
	const char *md;

	run_clean(&p, WRAPPED "\nShe said it _twice_, and _once more ~in "
	    "roman~ here_; a_b stays.\n", NULL);
	md = fixture_md(&p, 0);
	ck_assert_ptr_nonnull(strstr(md, "said it *twice*, and *once more* "
	    "in roman *here*; a\\_b stays."));
	pipeline_release(&p);
	run_clean(&p, WRAPPED "\nShe said it _twice_.\n", "emphasis = none");
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "\\_twice\\_"));
	pipeline_release(&p);
}
END_TEST

START_TEST(test_latin1)
{
	struct pipeline p;
	struct diags d;

	diags_init(&d);
	ck_assert_int_eq(fixture_run(&p, "Caf\xe9 cr\xe8me.\n", -1, NULL, &d),
	    -1);
	ck_assert_int_eq(fixture_diags_matching(&d, "encoding = latin1"), 1);
	diags_release(&d);
	run_clean(&p, "Caf\xe9 cr\xe8me.\n", "encoding = latin1");
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "Café crème."));
	pipeline_release(&p);
}
END_TEST

/* A BOM and CR line ends, lone or with LF. */
START_TEST(test_bom_and_cr)
{
	struct pipeline p;

	run_clean(&p, "\xef\xbb\xbf" "One line.\r\rAnother line.\r\n", NULL);
	ck_assert_str_eq(fixture_md(&p, 0), "One line.\n\nAnother line.\n\n");
	pipeline_release(&p);
}
END_TEST

/*
 * A line of raw text that opens with what Markdown would read as a
 * block (a quotation's '>', a heading's '#') is text, printed as
 * written: escaped once, not twice ("\\>" printed a backslash).
 */
START_TEST(test_block_marks_are_text)
{
	struct pipeline p;
	char *t;

	run_clean(&p, WRAPPED "\n> A line as quoted mail has it, and a "
	    "few more words to go.\n\n# Not a heading but a line of text, "
	    "with words.\n", "paragraphs = blank");
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "\n\\> A line"));
	t = node_text(chapter(&p, 0)->doc->last->prev);
	ck_assert_str_eq(t, "> A line as quoted mail has it, and a few more "
	    "words to go.");
	g_free(t);
	t = node_text(chapter(&p, 0)->doc->last);
	ck_assert_str_eq(t, "# Not a heading but a line of text, with words.");
	g_free(t);
	pipeline_release(&p);
}
END_TEST

/* Indented short lines are verse: a quotation, line by line. */
START_TEST(test_verse)
{
	struct pipeline p;

	run_clean(&p, WRAPPED "\n    The wind is in the willow,\n"
	    "    The rain is on the hill,\n    And I am by the water\n"
	    "    Waiting for you still.\n\n" WRAPPED, NULL);
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "> The wind is in the "
	    "willow,\\\n> The rain is on the hill,\\\n"));
	pipeline_release(&p);
}
END_TEST

/*
 * What is not a heading: a narrator's "I." opening a sentence, a
 * letter's closing and signature; what is: a heading in capitals, set
 * in title case.
 */
START_TEST(test_headings)
{
	struct pipeline p;
	const char *md;

	run_clean(&p, WRAPPED "\n\n\nA WALK BY THE RIVER\n\n" WRAPPED
	    "\nI.  Went down to the water that morning, as I had promised,\n"
	    "and found the boat gone.\n\n" WRAPPED "\nYours ever,\n\n"
	    "THOMAS GREY.\n\n" WRAPPED, NULL);
	md = fixture_md(&p, 0);
	ck_assert_ptr_nonnull(strstr(md, "\n## A Walk by the River\n"));
	ck_assert_ptr_null(strstr(md, "## I"));
	ck_assert_ptr_null(strstr(md, "## Thomas"));
	pipeline_release(&p);
	/* A scrape's line that opens with "I." and asks is no heading. */
	run_clean(&p, "I. What kind of man was he, and what did he want?\n\n"
	    "II. The Second Part\n\nThe second part of the essay runs on "
	    "from here, a paragraph long enough to be a paragraph of text.\n",
	    "paragraphs = line");
	md = fixture_md(&p, 0);
	ck_assert_ptr_null(strstr(md, "## I. What"));
	ck_assert_ptr_nonnull(strstr(md, "## II. The Second Part"));
	pipeline_release(&p);
}
END_TEST

/* Project Gutenberg's licence goes; the producers' credit is metadata. */
START_TEST(test_gutenberg_licence)
{
	struct pipeline p;

	run_clean(&p, "The Project Gutenberg EBook of Nothing Much\n\n"
	    "*** START OF THIS PROJECT GUTENBERG EBOOK NOTHING MUCH ***\n\n"
	    "Produced by A. Volunteer\n\n" WRAPPED "\nEnd of the Project "
	    "Gutenberg EBook of Nothing Much\n\nSection 5. General "
	    "Information\n", NULL);
	ck_assert_ptr_null(strstr(fixture_md(&p, 0), "Gutenberg"));
	ck_assert_ptr_nonnull(strstr(chapter(&p, 0)->meta.credits,
	    "A. Volunteer"));
	ck_assert_uint_gt(p.ledger.dropped, 15);
	pipeline_release(&p);
}
END_TEST

/* Transcribers' notes are not the book's: bracketed, or under a heading. */
START_TEST(test_transcriber_notes)
{
	struct pipeline p;
	const char *md;

	run_clean(&p, "[Transcriber's Note: Spelling is as in the\noriginal "
	    "edition.]\n\n" WRAPPED "\n\n\nTRANSCRIBER'S NOTES:\n\n"
	    "Page 12, a typo mended.\n\nPage 40, another.\n", NULL);
	md = fixture_md(&p, 0);
	ck_assert_ptr_null(strstr(md, "Spelling"));
	ck_assert_ptr_null(strstr(md, "typo"));
	ck_assert_ptr_null(strstr(md, "another"));
	ck_assert_ptr_nonnull(strstr(md, "The orchard"));
	pipeline_release(&p);
}
END_TEST

/* An old file's licence ends at its small print's END line. */
START_TEST(test_old_small_print)
{
	struct pipeline p;

	run_clean(&p, "The Project Gutenberg Etext of Nothing\n\n"
	    "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*"
	    "\n\n" WRAPPED "\nEnd of the Project Gutenberg Etext of Nothing\n",
	    NULL);
	ck_assert_ptr_null(strstr(fixture_md(&p, 0), "Gutenberg"));
	ck_assert_ptr_null(strstr(fixture_md(&p, 0), "SMALL PRINT"));
	pipeline_release(&p);
}
END_TEST

/* A contents list that repeats the headings after it is left out. */
START_TEST(test_contents_list)
{
	struct pipeline p;
	const char *md;

	run_clean(&p, "CONTENTS.\n\n    I. The Lantern Maker    1\n"
	    "   II. The Ferry at Dusk    9\n\n\n" CHAPTERS,
	    "split = ^CHAPTER [IVX]+\\.$");
	md = fixture_md(&p, 0);
	ck_assert_ptr_null(strstr(md, "CONTENTS"));
	ck_assert_ptr_null(strstr(md, "Ferry"));
	pipeline_release(&p);
}
END_TEST

/*
 * A chapter that opens with its number and title, then a proclamation
 * of short lines: with a manifest title that is not what the lines say,
 * they stay in the text, with a warning; nothing is lost either way.
 */
START_TEST(test_front_matter_keeps_text)
{
	static const char text[] = "II\nThe Long Winter\n"
	    "We the people of the valley\ndeclare the mill closed\n"
	    "until the thaw\n\nThe orchard behind the mill was planted in "
	    "the spring of the year the river froze, and the miller kept a "
	    "ledger of every tree he set, with the name of its nursery.\n";
	struct pipeline p;
	struct diags d;

	run_clean(&p, text, NULL);
	ck_assert_str_eq(chapter(&p, 0)->meta.label, "II");
	ck_assert_str_eq(chapter(&p, 0)->meta.title, "The Long Winter");
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "declare the mill"));
	pipeline_release(&p);
	diags_init(&d);
	ck_assert_int_eq(fixture_run(&p, text, -1, "title = A Book of Hours",
	    &d), 0);
	ck_assert_int_eq(fixture_diags_matching(&d, "stays in the text"), 1);
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "The Long Winter"));
	ck_assert_uint_eq(p.ledger.unaccounted, 0);
	pipeline_release(&p);
	diags_release(&d);
}
END_TEST

/* The ledger finds a paragraph the model lost, at its source line. */
START_TEST(test_ledger_finds_loss)
{
	struct pipeline p;
	struct ledger lg;
	struct ledger_input in;
	struct diags d;
	struct node *para;

	run_clean(&p, WRAPPED, NULL);
	para = chapter(&p, 0)->doc->last;
	node_unlink(para);
	node_free(para);
	in = (struct ledger_input){ p.ms, p.sources, p.normalizations,
	    p.normalized, p.edition };
	diags_init(&d);
	ledger_count(&lg, &in, &d);
	ck_assert_uint_ge(lg.unaccounted, 20);
	ck_assert_int_ge(fixture_diags_matching(&d, "in no chapter"), 1);
	ck_assert_int_eq(fixture_diags_matching(&d, "'autumn'"), 1);
	ledger_release(&lg);
	diags_release(&d);
	pipeline_release(&p);
}
END_TEST

/*
 * Two chapters made of one source's lines: the ledger counts its words
 * once for each, so that a line one of them drops is dropped once and a
 * paragraph one of them lost is unaccounted for, though the other has it.
 */
START_TEST(test_ledger_shared_source)
{
	static const char manifest[] = "[edition]\ntitle = T\nlanguage = en\n"
	    "identifier = urn:uuid:1\n"
	    "[chapter one]\nsource = a.txt\ntitle = One\n"
	    "[chapter two]\nsource = a.txt\ntitle = Two\ndrop = 1\n";
	char *dir = fixture_dir();
	char *ini = g_build_filename(dir, "edition.ini", NULL);
	char *txt = g_build_filename(dir, "a.txt", NULL);
	struct pipeline_opts o = { 0 };
	struct pipeline p, once;
	struct ledger lg;
	struct ledger_input in;
	struct diags d;
	struct node *para;

	run_clean(&once, WRAPPED, NULL);
	ck_assert(g_file_set_contents(txt, WRAPPED, -1, NULL));
	ck_assert(g_file_set_contents(ini, manifest, -1, NULL));
	diags_init(&d);
	o.max_source = SOURCE_MAX;
	o.keep_texts = TRUE;
	ck_assert_int_eq(pipeline_run(&p, ini, &o, &d), 0);
	ck_assert_uint_eq(p.ledger.sources, 2 * once.ledger.sources);
	/* "The orchard behind the mill was planted in the spring of the" */
	ck_assert_uint_eq(p.ledger.dropped, 12);
	ck_assert_uint_eq(p.ledger.edition, p.ledger.sources - 12);
	ck_assert_uint_eq(p.ledger.unaccounted, 0);
	para = chapter(&p, 0)->doc->last;
	node_unlink(para);
	node_free(para);
	in = (struct ledger_input){ p.ms, p.sources, p.normalizations,
	    p.normalized, p.edition };
	ledger_count(&lg, &in, &d);
	/* "By the autumn the young trees … could read aloud." */
	ck_assert_uint_eq(lg.unaccounted, 34);
	ck_assert_int_eq(fixture_diags_matching(&d, "'autumn'"), 1);
	ledger_release(&lg);
	diags_release(&d);
	pipeline_release(&p);
	pipeline_release(&once);
	g_free(ini);
	g_free(txt);
	fixture_clean(dir);
}
END_TEST

/* A Markdown chapter's title is its first level-1 heading. */
START_TEST(test_markdown_title)
{
	struct pipeline p;

	run_clean(&p, "# The Opening\n\nSome *text*.\n\n## A Section\n\n"
	    "More.\n", "format = markdown");
	ck_assert_str_eq(chapter(&p, 0)->meta.title, "The Opening");
	ck_assert_ptr_null(strstr(fixture_md(&p, 0), "The Opening"));
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "## A Section"));
	pipeline_release(&p);
}
END_TEST

/*
 * A file without a level-1 heading takes the heading it opens with as
 * its title, if no other heading of the file outranks or equals it.
 */
START_TEST(test_markdown_opening_heading)
{
	struct pipeline p;

	run_clean(&p, "## The Only Title\n\nSome text.\n\n### A Part\n\n"
	    "More.\n", "format = markdown");
	ck_assert_str_eq(chapter(&p, 0)->meta.title, "The Only Title");
	ck_assert_ptr_null(strstr(fixture_md(&p, 0), "The Only Title"));
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "### A Part"));
	pipeline_release(&p);
	/* Two of a level: sections, and the only chapter is the book's. */
	run_clean(&p, "## First Part\n\nText.\n\n## Second Part\n\nMore.\n",
	    "format = markdown");
	ck_assert_str_eq(chapter(&p, 0)->meta.title,
	    p.edition->meta.title);
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 0), "## First Part"));
	pipeline_release(&p);
}
END_TEST

/* An untitled chapter among others is numbered, and that is a doubt. */
START_TEST(test_untitled_numbered)
{
	struct pipeline p;
	struct diags d;

	diags_init(&d);
	ck_assert_int_eq(fixture_run(&p, "Words that open the book, with no "
	    "heading.\n\n# Two\n\nSecond.\n", -1, "format = markdown\n"
	    "split = heading", &d), 0);
	ck_assert_str_eq(chapter(&p, 0)->meta.label, "Chapter 1");
	ck_assert_str_eq(chapter(&p, 1)->meta.title, "Two");
	ck_assert_int_eq(d.count[DIAG_DOUBT], 1);
	ck_assert_int_eq(fixture_diags_matching(&d, "(say 'title = "), 1);
	diags_release(&d);
	pipeline_release(&p);
}
END_TEST

/* Several level-1 headings: an error, or with split = heading chapters. */
START_TEST(test_markdown_split)
{
	static const char text[] = "# One\n\nFirst.\n\nTwo\n===\n\n"
	    "Second.\n";
	struct pipeline p;
	struct diags d;

	diags_init(&d);
	ck_assert_int_eq(fixture_run(&p, text, -1, "format = markdown", &d),
	    -1);
	ck_assert_int_eq(fixture_diags_matching(&d, "split = heading"), 1);
	diags_release(&d);
	run_clean(&p, text, "format = markdown\nsplit = heading");
	ck_assert_uint_eq(p.edition->chapters->len, 2);
	ck_assert_str_eq(chapter(&p, 1)->id, "t-2");
	ck_assert_str_eq(chapter(&p, 1)->meta.title, "Two");
	ck_assert_ptr_nonnull(strstr(fixture_md(&p, 1), "Second."));
	pipeline_release(&p);
}
END_TEST

/* A YAML block fills what [edition] leaves out; its words are counted. */
START_TEST(test_markdown_yaml)
{
	struct pipeline p;

	run_clean(&p, "---\ntitle: Ignored, the manifest has one\n"
	    "subtitle: \"A Subtitle\"\nauthor:\n  - Ann Smith\n"
	    "  - Bob Jones\n---\n\n# Chapter\n\nText.\n",
	    "format = markdown");
	ck_assert_str_eq(p.edition->meta.title, "T");
	ck_assert_str_eq(p.edition->meta.subtitle, "A Subtitle");
	ck_assert_str_eq(p.edition->meta.author, "Ann Smith and Bob Jones");
	ck_assert_ptr_null(strstr(fixture_md(&p, 0), "---"));
	pipeline_release(&p);
}
END_TEST

/*
 * Markdown's notes: named labels keep no order, nor break that of the
 * numbered ones around them; a note may refer to another; and the
 * space after a code span stays.
 */
START_TEST(test_markdown_notes_and_code)
{
	struct pipeline p;
	const struct chapter *c;
	char *t;

	run_clean(&p, "Call `printf` and then `puts`.\n\nA[^1] claim[^smith] "
	    "here.[^2]\n\n[^1]: One.\n\n[^smith]: See also[^jones].\n\n"
	    "[^jones]: Another.\n\n[^2]: Two.\n", "format = markdown");
	c = chapter(&p, 0);
	t = node_text(c->doc->first);
	ck_assert_str_eq(t, "Call printf and then puts.");
	g_free(t);
	ck_assert_uint_eq(c->notes->len, 4);
	ck_assert_ptr_nonnull(((struct note *)g_ptr_array_index(c->notes,
	    2))->ref);
	pipeline_release(&p);
}
END_TEST

Suite *
shapes_suite(void)
{
	Suite *s = suite_create("shapes");
	TCase *para = tcase_create("paragraphs");
	TCase *split = tcase_create("chapters");
	TCase *notes = tcase_create("notes");
	TCase *text = tcase_create("text");

	tcase_add_test(para, test_wrapped_paragraphs);
	tcase_add_test(para, test_paragraphs_key);
	tcase_add_test(para, test_line_end_hyphens);
	tcase_add_test(para, test_line_end_hyphen_patterns);
	tcase_add_test(para, test_verse);
	tcase_add_test(para, test_block_marks_are_text);
	tcase_add_test(para, test_headings);
	tcase_add_test(para, test_indented_paragraphs);
	tcase_add_test(para, test_number_over_title);
	tcase_add_test(split, test_split_chapters);
	tcase_add_test(split, test_split_captures_title);
	tcase_add_test(split, test_split_keeps_opening);
	tcase_add_test(split, test_split_matches_nothing);
	tcase_add_test(split, test_lines_take_part);
	tcase_add_test(split, test_lines_past_the_end);
	tcase_add_test(split, test_contents_list);
	tcase_add_test(split, test_front_matter_keeps_text);
	tcase_add_test(notes, test_footnote_blocks);
	tcase_add_test(notes, test_interleaved_notes_through_the_book);
	tcase_add_test(notes, test_book_end_notes);
	tcase_add_test(notes, test_block_from_seven);
	tcase_add_test(notes, test_note_patterns);
	tcase_add_test(notes, test_one_note);
	tcase_add_test(notes, test_marker_in_introduction);
	tcase_add_test(notes, test_unreferenced_label_stays_text);
	tcase_add_test(text, test_emphasis);
	tcase_add_test(text, test_latin1);
	tcase_add_test(text, test_bom_and_cr);
	tcase_add_test(text, test_gutenberg_licence);
	tcase_add_test(text, test_transcriber_notes);
	tcase_add_test(text, test_old_small_print);
	tcase_add_test(text, test_ledger_finds_loss);
	tcase_add_test(text, test_ledger_shared_source);
	tcase_add_test(text, test_markdown_title);
	tcase_add_test(text, test_markdown_opening_heading);
	tcase_add_test(text, test_untitled_numbered);
	tcase_add_test(text, test_markdown_split);
	tcase_add_test(text, test_markdown_yaml);
	tcase_add_test(text, test_markdown_notes_and_code);
	suite_add_tcase(s, para);
	suite_add_tcase(s, split);
	suite_add_tcase(s, notes);
	suite_add_tcase(s, text);
	return s;
}
