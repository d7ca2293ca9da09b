/*
 * xhtml.c — XHTML content documents: the shared page frame, and the
 * chapter renderer, which walks the tree with the model's iterator (no
 * recursion, whatever the depth) and maps each node in one switch.
 */
#include "epub/book.h"
#include "epub/escape.h"
#include "epub/pagemarks.h"
#include "epub/semantics.h"
#include "epub/xhtml.h"
#include "out/cite.h"
#include "out/matter.h"
#include "out/titles.h"

/* Kobo shows a note in a pop-up only up to about this many characters. */
#define POPUP_MAX	5000

/* How an element sits in the output: where its tags take newlines. */
enum layout {
	INLINE,		/* <em>…</em> */
	BLOCK,		/* <p>…</p>\n */
	CONTAINER	/* <blockquote>\n…</blockquote>\n */
};

/* State of one chapter's rendering. */
struct render {
	GString			*out;
	const char		*byline;	/* the chapter's, or NULL */
	GPtrArray		*headings;	/* collects headings; NULL in notes */
	int			 sections;	/* headings so far: ids s-1, s-2… */
	const struct note	*label;		/* note numbered in the next <p> */
	const struct note	*back;		/* note whose backlink is due */
	const struct node	*back_at;	/* the paragraph it ends, or NULL:
						   a paragraph of its own */
	int			 note_base;	/* what the chapter's note ids
						   count from */
	struct pagemarks	*pm;		/* the print pages' markers */
	const struct anchors	*anchors;	/* where the index links to */
	const char		*file;		/* the page being written */
	const struct credits	*credits;	/* the book's people */
	const char		*lang;		/* the chapter's own language,
						   or NULL: the book's */
	const char		*book_lang;	/* the book's, where the
						   chapter's is another: what
						   octavo's own words are in */
	GHashTable		*targets;	/* xhtml_link_targets' */
};

void
heading_free(struct heading *h)
{
	g_free(h->id);
	g_free(h->text);
	g_free(h);
}

void
xhtml_begin(GString *out, const char *lang, const char *title,
    const char *matter)
{
	g_string_append(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<!DOCTYPE html>\n"
	    "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
	    "xmlns:epub=\"http://www.idpf.org/2007/ops\"");
	xhtml_lang(out, lang);
	g_string_append(out, ">\n<head>\n<title>");
	xml_escape(out, title);
	g_string_append_printf(out, "</title>\n<link href=\"%s\" "
	    "rel=\"stylesheet\" type=\"text/css\"/>\n</head>\n"
	    "<body epub:type=\"%s\">\n", BOOK_CSS, matter);
}

void
xhtml_lang(GString *out, const char *lang)
{
	if (lang == NULL)
		return;
	g_string_append(out, " lang=\"");
	xml_escape(out, lang);
	g_string_append(out, "\" xml:lang=\"");
	xml_escape(out, lang);
	g_string_append_c(out, '"');
}

void
xhtml_end(GString *out)
{
	g_string_append(out, "</body>\n</html>\n");
}

/* <p class="cls">text</p> in lang (NULL: the page's), if there is text. */
static void
para(GString *out, const char *cls, const char *lang, const char *text)
{
	if (text == NULL)
		return;
	g_string_append_printf(out, "<p class=\"%s\"", cls);
	xhtml_lang(out, lang);
	g_string_append_c(out, '>');
	xml_escape(out, text);
	g_string_append(out, "</p>\n");
}

void
xhtml_para(GString *out, const char *cls, const char *text)
{
	para(out, cls, NULL, text);
}

/* An element's tag, with its language if lang is not NULL. */
static void
element_lang(GString *out, int enter, const char *name, enum layout layout,
    const char *lang)
{
	if (enter) {
		g_string_append_printf(out, "<%s", name);
		xhtml_lang(out, lang);
		g_string_append(out, layout == CONTAINER ? ">\n" : ">");
	} else
		g_string_append_printf(out,
		    layout == INLINE ? "</%s>" : "</%s>\n", name);
}

static void
element(GString *out, int enter, const char *name, enum layout layout)
{
	element_lang(out, enter, name, layout, NULL);
}

/*
 * A nav entry for a heading in lang (NULL: the book's); takes id and
 * text, dropped if text is empty.
 */
static void
nav_entry(struct render *r, int level, char *id, char *text,
    const char *lang)
{
	struct heading *h;

	if (r->headings == NULL || *g_strstrip(text) == '\0') {
		g_free(id);
		g_free(text);
		return;
	}
	h = g_new(struct heading, 1);
	h->level = level;
	h->id = id;
	h->text = text;
	h->lang = lang;
	g_ptr_array_add(r->headings, h);
}

/*
 * A heading: h2 to h6 (h1 is the chapter's title), with an id for the
 * navigation to point at, after the markers of the print pages it
 * begins.  Headings without text get no nav entry.
 */
static void
heading(struct render *r, const struct node *n, int enter)
{
	int level = CLAMP(n->as.heading.level, 2, 6);

	if (!enter) {
		g_string_append_printf(r->out, "</h%d>\n", level);
		return;
	}
	/* The markers of a page it begins or spans, outside it. */
	pagemarks_node(r->pm, r->out, n, r->file);
	r->sections++;
	g_string_append_printf(r->out, "<h%d id=\"s-%d\">", level,
	    r->sections);
	nav_entry(r, level, g_strdup_printf("s-%d", r->sections),
	    node_text(n), r->lang);
}

/*
 * A section's own heading, outside the text, in the book's language:
 * "Notes", "Editor’s note".
 */
static void
section_heading(struct render *r, const char *id, const char *text)
{
	g_string_append_printf(r->out, "<h2 id=\"%s\"", id);
	xhtml_lang(r->out, r->book_lang);
	g_string_append_printf(r->out, ">%s</h2>\n", text);
	nav_entry(r, 2, g_strdup(id), g_strdup(text), NULL);
}

static void
list(GString *out, const struct node *n, int enter)
{
	if (!n->as.list.ordered)
		g_string_append(out, enter ? "<ul>\n" : "</ul>\n");
	else if (!enter)
		g_string_append(out, "</ol>\n");
	else if (n->as.list.start != 1)
		g_string_append_printf(out, "<ol start=\"%d\">\n",
		    n->as.list.start);
	else
		g_string_append(out, "<ol>\n");
}

/*
 * A table row: the head's in <thead>, the others in <tbody>, which the
 * first of them opens and the last closes.
 */
static void
row(GString *out, const struct node *n, int enter)
{
	int first = n->prev == NULL || n->prev->as.row.head;

	if (enter)
		g_string_append(out, n->as.row.head ? "<thead>\n<tr>\n" :
		    first ? "<tbody>\n<tr>\n" : "<tr>\n");
	else
		g_string_append(out, n->as.row.head ? "</tr>\n</thead>\n" :
		    n->next == NULL ? "</tr>\n</tbody>\n" : "</tr>\n");
}

/* A cell: a header of its column in the head, its column's alignment. */
static void
cell(GString *out, const struct node *n, int enter)
{
	static const char *const align[] = { [ALIGN_LEFT] = "left",
	    [ALIGN_CENTER] = "center", [ALIGN_RIGHT] = "right" };
	int head = n->parent != NULL && n->parent->as.row.head;

	if (!enter) {
		g_string_append(out, head ? "</th>\n" : "</td>\n");
		return;
	}
	g_string_append(out, head ? "<th scope=\"col\"" : "<td");
	if (n->as.cell.align != ALIGN_NONE)
		g_string_append_printf(out, " style=\"text-align: %s\"",
		    align[n->as.cell.align]);
	g_string_append_c(out, '>');
}

GHashTable *
xhtml_link_targets(const struct edition *e)
{
	GHashTable *targets = g_hash_table_new(g_direct_hash, g_direct_equal);
	struct citer it;
	guint i, k;
	int n;

	/* Each chapter's headings numbered as heading() counts them into
	 * their ids: through the introduction, the text and the notes. */
	for (i = 0; i < e->chapters->len; i++) {
		const struct chapter *c = g_ptr_array_index(e->chapters, i);

		for (k = 0, n = 0; k < chapter_trees(c); k++) {
			if (chapter_tree(c, k) == NULL)
				continue;
			citer_init(&it, chapter_tree(c, k));
			while (citer_next(&it) != ITER_NONE)
				if (it.ev == ITER_ENTER &&
				    it.cur->type == NODE_HEADING)
					g_hash_table_insert(targets,
					    (gpointer)it.cur,
					    GINT_TO_POINTER(++n));
		}
	}
	return targets;
}

/* Where a link to another chapter goes: its file, and the heading's id. */
static void
chapter_href(GString *out, const struct node *n, GHashTable *targets)
{
	char *file = book_chapter_file(n->as.link->chapter);

	xml_escape(out, file);
	if (n->as.link->heading != NULL)
		g_string_append_printf(out, "#s-%d", GPOINTER_TO_INT(
		    g_hash_table_lookup(targets, n->as.link->heading)));
	g_free(file);
}

/*
 * A link of the text: <a href="URL" title="…">…</a>, or to another
 * chapter's file; a link set as its text only (links.c) is its text.
 */
static void
hyperlink(GString *out, const struct node *n, int enter,
    GHashTable *targets)
{
	if (n->as.link->text_only)
		return;
	if (!enter) {
		g_string_append(out, "</a>");
		return;
	}
	g_string_append(out, "<a href=\"");
	if (n->as.link->chapter != NULL)
		chapter_href(out, n, targets);
	else
		xml_escape_url(out, n->as.link->url != NULL ?
		    n->as.link->url : "");
	if (n->as.link->title != NULL && *n->as.link->title != '\0') {
		g_string_append(out, "\" title=\"");
		xml_escape(out, n->as.link->title);
	}
	g_string_append(out, "\">");
}

/*
 * A note's id, prefix and a suffix: "author" for the byline's note,
 * else its place among the chapter's numbered notes.  That is the
 * number it prints, unless the book numbers its notes through: an id
 * then still counts from the chapter's first, so that notes added to
 * another chapter change no id of this one.
 */
static void
note_id(GString *out, const char *prefix, const struct render *r,
    const struct note *note)
{
	if (note->number == 0)
		g_string_append_printf(out, "%s-author", prefix);
	else
		g_string_append_printf(out, "%s-%d", prefix,
		    note->number - r->note_base);
}

/* The number the first of a chapter's numbered notes takes, less one. */
static int
note_base(const struct chapter *c)
{
	guint i;

	for (i = 0; i < c->notes->len; i++) {
		const struct note *n = g_ptr_array_index(c->notes, i);

		if (n->number > 0)
			return n->number - 1;
	}
	return 0;
}

/*
 * A note reference, marked as the edition prints it.  The link sits
 * inside the <sup> (Apple Books mishandles a <sup> inside the link).
 * Only the reference the note points back to carries the id its
 * backlink needs, so ids stay unique even if references share a note.
 */
static void
noteref(const struct render *r, const struct note *note, int first)
{
	g_string_append(r->out, "<sup><a href=\"#");
	note_id(r->out, "note", r, note);
	g_string_append_c(r->out, '"');
	if (first) {
		g_string_append(r->out, " id=\"");
		note_id(r->out, "noteref", r, note);
		g_string_append_c(r->out, '"');
	}
	semantics_class(r->out, "noteref");
	g_string_append_printf(r->out, ">%s</a></sup>", note->mark);
}

/* A note's mark, as it opens the note: "12. ", "* ". */
static void
note_number(GString *out, const struct note *note)
{
	g_string_append_printf(out, "<span class=\"note-number\">%s%s</span> ",
	    note->mark, note->number != 0 ? "." : "");
}

/*
 * The link from the end of a note back to its reference, an arrow as
 * Standard Ebooks sets it, named in words for a screen reader.
 */
static void
backlink(const struct render *r, const struct note *note)
{
	g_string_append(r->out, "<a href=\"#");
	note_id(r->out, "noteref", r, note);
	g_string_append_c(r->out, '"');
	semantics_class(r->out, "backlink");
	xhtml_lang(r->out, r->book_lang);
	g_string_append_printf(r->out, " aria-label=\"%s\">\xe2\x86\xa9</a>",
	    word(WORD_BACKLINK));
}

/*
 * A text node with its page markers and, where each of its index marks
 * falls, an anchor for the index of names, if it links there.
 */
static void
text(struct render *r, const struct node *n)
{
	const struct index_mark *const *m;
	gsize done = 0;

	for (m = node_marks(n); *m != NULL; m++) {
		int id = anchors_number(r->anchors, *m);

		pagemarks_text(r->pm, r->out, n, done, (*m)->offset, r->file);
		done = (*m)->offset;
		if (id > 0)
			g_string_append_printf(r->out, "<span id=\"ix-%d\">"
			    "</span>", id);
	}
	pagemarks_text(r->pm, r->out, n, done, G_MAXSIZE, r->file);
}

static void
render_tree(struct render *r, const struct node *root)
{
	const struct node *n;
	struct citer it;
	int enter;

	citer_init(&it, root);
	while (citer_next(&it) != ITER_NONE) {
		n = it.cur;
		enter = it.ev == ITER_ENTER;
		switch (n->type) {
		case NODE_DOCUMENT:
			break;
		case NODE_PARAGRAPH:
			if (!enter && n == r->back_at) {
				g_string_append_c(r->out, ' ');
				backlink(r, r->back);
				r->back = NULL;
			}
			element(r->out, enter, "p", BLOCK);
			if (enter && r->label != NULL) {
				note_number(r->out, r->label);
				r->label = NULL;
			}
			break;
		case NODE_HEADING:
			heading(r, n, enter);
			break;
		case NODE_BLOCKQUOTE:
			element(r->out, enter, "blockquote", CONTAINER);
			break;
		case NODE_DIV:
			element_lang(r->out, enter, "div", CONTAINER,
			    n->as.lang);
			break;
		case NODE_LIST:
			list(r->out, n, enter);
			break;
		case NODE_ITEM:
			element(r->out, enter, "li", CONTAINER);
			break;
		case NODE_BREAK:
			/* A page that begins with the break, before it. */
			pagemarks_node(r->pm, r->out, n, r->file);
			g_string_append(r->out, "<hr/>\n");
			continue;
		case NODE_TABLE:
			element(r->out, enter, "table", CONTAINER);
			break;
		case NODE_ROW:
			row(r->out, n, enter);
			break;
		case NODE_CELL:
			cell(r->out, n, enter);
			break;
		case NODE_CODEBLOCK:
			g_string_append(r->out, "<pre><code>");
			pagemarks_text(r->pm, r->out, n, 0, G_MAXSIZE, r->file);
			g_string_append(r->out, "</code></pre>\n");
			continue;
		case NODE_TEXT:
			text(r, n);
			continue;
		case NODE_SPAN:
			element_lang(r->out, enter, "span", INLINE,
			    n->as.lang);
			break;
		case NODE_EMPH:
			element(r->out, enter, "em", INLINE);
			break;
		case NODE_STRONG:
			element(r->out, enter, "strong", INLINE);
			break;
		case NODE_CODE:
			g_string_append(r->out, "<code>");
			pagemarks_text(r->pm, r->out, n, 0, G_MAXSIZE, r->file);
			g_string_append(r->out, "</code>");
			continue;
		case NODE_LINK:
			hyperlink(r->out, n, enter, r->targets);
			break;
		case NODE_SOFTBREAK:
			g_string_append_c(r->out, '\n');
			break;
		case NODE_LINEBREAK:
			g_string_append(r->out, "<br/>\n");
			break;
		case NODE_NOTEREF:
			noteref(r, n->as.noteref.note,
			    n->as.noteref.note->ref == n);
			break;
		case NODE_XREF:
			g_string_append(r->out, "<a href=\"#");
			note_id(r->out, "note", r, n->as.noteref.note);
			g_string_append_printf(r->out, "\">%s</a>",
			    n->as.noteref.note->mark);
			break;
		}
		/* Nodes with text placed their markers in it. */
		if (enter)
			pagemarks_node(r->pm, r->out, n, r->file);
	}
}

/* The markers of a print page that begins with the chapter. */
static void
opening_marks(struct render *r, const struct chapter *c)
{
	if (c->preface != NULL)
		pagemarks_node(r->pm, r->out, c->preface, r->file);
	if (c->doc != NULL)
		pagemarks_node(r->pm, r->out, c->doc, r->file);
}

/*
 * The chapter's opening: its label and title, then what the metadata
 * gives, the author's note marked at the byline.
 */
static void
opening(struct render *r, const struct chapter *c)
{
	GString *out = r->out;
	char *src = cite_source(&c->meta);
	char *tr = credits_translation(r->credits, c);

	g_string_append(out, "<header>\n");
	xhtml_para(out, "label", title_label(c));
	g_string_append(out, "<h1>");
	xml_escape(out, title_of(c));
	g_string_append(out, "</h1>\n");
	xhtml_para(out, "subtitle", c->meta.subtitle);
	if (r->byline != NULL && chapter_author_note(c) != NULL) {
		g_string_append(out, "<p class=\"author\">");
		xml_escape(out, r->byline);
		noteref(r, chapter_author_note(c), 1);
		g_string_append(out, "</p>\n");
	} else
		xhtml_para(out, "author", r->byline);
	xhtml_para(out, "affiliation", c->meta.affiliation);
	/* "Translated by": octavo's words, in the book's language. */
	para(out, "translator", r->book_lang, tr);
	xhtml_para(out, "source", src);
	xhtml_para(out, "dedication", c->meta.dedication);
	g_string_append(out, "</header>\n");
	g_free(src);
	g_free(tr);
}

/* The editor's introduction, set apart before the text. */
static void
preface(struct render *r, const struct chapter *c)
{
	if (c->preface == NULL)
		return;
	g_string_append(r->out, "<section");
	semantics_class(r->out, "preface");
	g_string_append(r->out, " aria-labelledby=\"preface\">\n");
	section_heading(r, "preface", word(WORD_PREFACE));
	render_tree(r, c->preface);
	g_string_append(r->out, "</section>\n");
}

/* Warns about a note too long for a reader's pop-up. */
static void
popup_check(const struct note *note, struct diags *d)
{
	char *text = node_text(note->body);

	if (g_utf8_strlen(text, -1) > POPUP_MAX)
		diag_add(d, DIAG_WARNING, note->pos, "note %s is over %d "
		    "characters: Kobo readers will not show it in a pop-up",
		    note->mark, POPUP_MAX);
	g_free(text);
}

/*
 * One note, an item of the notes' list: its number opens its first
 * paragraph (or a paragraph of its own if it starts otherwise), and a
 * link back to its reference, if it has one, ends its last (or a
 * paragraph of its own).  The author's note is referred to from the
 * byline.
 */
static void
note_item(struct render *r, const struct note *note)
{
	const struct node *first = note->body->first, *last = note->body->last;

	g_string_append(r->out, "<li id=\"");
	note_id(r->out, "note", r, note);
	g_string_append_c(r->out, '"');
	semantics_class(r->out, "endnote");
	g_string_append(r->out, ">\n");
	if (note->ref != NULL || (note->number == 0 && r->byline != NULL)) {
		r->back = note;
		r->back_at = last != NULL && last->type == NODE_PARAGRAPH ?
		    last : NULL;
	}
	if (first != NULL && first->type == NODE_PARAGRAPH)
		r->label = note;
	else {
		g_string_append(r->out, "<p>");
		note_number(r->out, note);
		g_string_append(r->out, "</p>\n");
	}
	render_tree(r, note->body);
	if (r->back != NULL) {
		g_string_append(r->out, "<p>");
		backlink(r, note);
		g_string_append(r->out, "</p>\n");
		r->back = NULL;
	}
	r->back_at = NULL;
	g_string_append(r->out, "</li>\n");
}

/*
 * The chapter's notes, after its text, as a list of endnotes, the
 * markup Standard Ebooks ships: Apple Books, Kobo and Thorium pop them
 * up from their references, and readers that hide footnote asides
 * still show a list, so that a note without a reference can be read.
 */
static void
notes(struct render *r, const struct chapter *c, struct diags *d)
{
	guint i;

	if (c->notes->len == 0)
		return;
	g_string_append(r->out, "<section");
	semantics_class(r->out, "endnotes");
	g_string_append(r->out, " aria-labelledby=\"notes\">\n");
	section_heading(r, "notes", word(WORD_NOTES));
	r->headings = NULL;
	g_string_append(r->out, "<ol>\n");
	for (i = 0; i < c->notes->len; i++) {
		popup_check(g_ptr_array_index(c->notes, i), d);
		note_item(r, g_ptr_array_index(c->notes, i));
	}
	g_string_append(r->out, "</ol>\n</section>\n");
}

/*
 * What each role of a chapter is called in EPUB: its name in the
 * manifest, but for notes, which EPUB calls endnotes (semantics.c gives
 * its ARIA role).
 */
const char *
xhtml_role_type(enum chapter_role role)
{
	return role == ROLE_NOTES ? "endnotes" : chapter_role_name(role);
}

/*
 * The section a chapter's page holds: typed by its role; a dedication
 * or an epigraph, which has no heading, named by its title and set
 * apart by its class.
 */
static void
section_begin(GString *out, const struct chapter *c)
{
	g_string_append(out, "<section");
	if (matter_alone(c)) {
		semantics_class(out, xhtml_role_type(c->role));
		g_string_append(out, " aria-label=\"");
		xml_escape(out, title_of(c));
		g_string_append_c(out, '"');
	} else
		semantics(out, xhtml_role_type(c->role));
	g_string_append(out, ">\n");
}

GString *
xhtml_chapter(struct book *b, struct part *p, struct diags *d)
{
	static const char *const body[] = { [MATTER_FRONT] = "frontmatter",
	    [MATTER_BODY] = "bodymatter", [MATTER_BACK] = "backmatter" };
	const struct chapter *c = p->chapter;
	struct render r = { g_string_new(NULL), credits_byline(&b->credits,
	    c), p->headings, 0, NULL, NULL, NULL, note_base(c), &b->marks,
	    &b->anchors, p->file, &b->credits, c->language,
	    c->language != NULL ? b->edition->language : NULL, b->targets };

	g_ptr_array_set_free_func(p->headings, (GDestroyNotify)heading_free);
	xhtml_begin(r.out, c->language != NULL ? c->language :
	    b->edition->language, title_of(c),
	    body[matter_of(&b->matter, b->edition, p->at)]);
	section_begin(r.out, c);
	opening_marks(&r, c);
	if (!matter_alone(c))
		opening(&r, c);
	preface(&r, c);
	if (c->doc != NULL)
		render_tree(&r, c->doc);
	notes(&r, c, d);
	g_string_append(r.out, "</section>\n");
	xhtml_end(r.out);
	return r.out;
}
