/*
 * xhtml.c — XHTML content documents: the shared page frame, and the
 * chapter renderer, which walks the tree with the model's iterator (no
 * recursion, whatever the depth) and maps each node in one switch.
 */
#include "epub/book.h"
#include "epub/escape.h"
#include "epub/pagemarks.h"
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
	int			 backlink;	/* its number links to its reference */
	struct pagemarks	*pm;		/* the print pages' markers */
	const struct anchors	*anchors;	/* where the index links to */
	const char		*file;		/* the page being written */
	const struct credits	*credits;	/* the book's people */
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
	    "xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"");
	xml_escape(out, lang);
	g_string_append(out, "\" xml:lang=\"");
	xml_escape(out, lang);
	g_string_append(out, "\">\n<head>\n<title>");
	xml_escape(out, title);
	g_string_append_printf(out, "</title>\n<link href=\"%s\" "
	    "rel=\"stylesheet\" type=\"text/css\"/>\n</head>\n"
	    "<body epub:type=\"%s\">\n", BOOK_CSS, matter);
}

void
xhtml_end(GString *out)
{
	g_string_append(out, "</body>\n</html>\n");
}

void
xhtml_para(GString *out, const char *cls, const char *text)
{
	if (text == NULL)
		return;
	g_string_append_printf(out, "<p class=\"%s\">", cls);
	xml_escape(out, text);
	g_string_append(out, "</p>\n");
}

static void
element(GString *out, int enter, const char *name, enum layout layout)
{
	if (enter)
		g_string_append_printf(out,
		    layout == CONTAINER ? "<%s>\n" : "<%s>", name);
	else
		g_string_append_printf(out,
		    layout == INLINE ? "</%s>" : "</%s>\n", name);
}

/* A nav entry for a heading; takes id and text, dropped if text is empty. */
static void
nav_entry(struct render *r, int level, char *id, char *text)
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
	    node_text(n));
}

/* A section's own heading, outside the text: "Notes", "Editor’s note". */
static void
section_heading(struct render *r, const char *id, const char *text)
{
	g_string_append_printf(r->out, "<h2 id=\"%s\">%s</h2>\n", id, text);
	nav_entry(r, 2, g_strdup(id), g_strdup(text));
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

/* A link of the text: <a href="URL">…</a>. */
static void
hyperlink(GString *out, const struct node *n, int enter)
{
	if (!enter) {
		g_string_append(out, "</a>");
		return;
	}
	g_string_append(out, "<a href=\"");
	xml_escape_url(out, n->as.link.url != NULL ? n->as.link.url : "");
	g_string_append(out, "\">");
}

/* A note's id suffix: its number, or "author" for the byline's note. */
static void
note_id(GString *out, const char *prefix, const struct note *note)
{
	if (note->number == 0)
		g_string_append_printf(out, "%s-author", prefix);
	else
		g_string_append_printf(out, "%s-%d", prefix, note->number);
}

/*
 * A note reference, marked as the edition prints it.  The link sits
 * inside the <sup> (Apple Books mishandles a <sup> inside the link).
 * Only the reference the note points back to carries the id its
 * backlink needs, so ids stay unique even if references share a note.
 */
static void
noteref(GString *out, const struct note *note, int first)
{
	g_string_append(out, "<sup><a href=\"#");
	note_id(out, "note", note);
	g_string_append_c(out, '"');
	if (first) {
		g_string_append(out, " id=\"");
		note_id(out, "noteref", note);
		g_string_append_c(out, '"');
	}
	g_string_append_printf(out, " epub:type=\"noteref\" "
	    "role=\"doc-noteref\">%s</a></sup>", note->mark);
}

/* A note's mark, linking back to its reference if backlink. */
static void
note_label(GString *out, const struct note *note, int backlink)
{
	if (backlink) {
		g_string_append(out, "<a href=\"#");
		note_id(out, "noteref", note);
		g_string_append_printf(out, "\" role=\"doc-backlink\">%s%s</a> ",
		    note->mark, note->number != 0 ? "." : "");
	} else
		g_string_append_printf(out,
		    "<span class=\"note-number\">%s.</span> ", note->mark);
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
			element(r->out, enter, "p", BLOCK);
			if (enter && r->label != NULL) {
				note_label(r->out, r->label, r->backlink);
				r->label = NULL;
			}
			break;
		case NODE_HEADING:
			heading(r, n, enter);
			break;
		case NODE_BLOCKQUOTE:
			element(r->out, enter, "blockquote", CONTAINER);
			break;
		case NODE_LIST:
			list(r->out, n, enter);
			break;
		case NODE_ITEM:
			element(r->out, enter, "li", CONTAINER);
			break;
		case NODE_BREAK:
			g_string_append(r->out, "<hr/>\n");
			break;
		case NODE_CODEBLOCK:
			g_string_append(r->out, "<pre><code>");
			pagemarks_text(r->pm, r->out, n, n->text, r->file);
			g_string_append(r->out, "</code></pre>\n");
			continue;
		case NODE_TEXT:
			pagemarks_text(r->pm, r->out, n, n->text, r->file);
			continue;
		case NODE_EMPH:
			element(r->out, enter, "em", INLINE);
			break;
		case NODE_STRONG:
			element(r->out, enter, "strong", INLINE);
			break;
		case NODE_CODE:
			g_string_append(r->out, "<code>");
			pagemarks_text(r->pm, r->out, n, n->text, r->file);
			g_string_append(r->out, "</code>");
			continue;
		case NODE_LINK:
			hyperlink(r->out, n, enter);
			break;
		case NODE_SOFTBREAK:
			g_string_append_c(r->out, '\n');
			break;
		case NODE_LINEBREAK:
			g_string_append(r->out, "<br/>\n");
			break;
		case NODE_NOTEREF:
			noteref(r->out, n->as.noteref.note,
			    n->as.noteref.note->ref == n);
			break;
		case NODE_XREF:
			g_string_append(r->out, "<a href=\"#");
			note_id(r->out, "note", n->as.noteref.note);
			g_string_append_printf(r->out, "\">%s</a>",
			    n->as.noteref.note->mark);
			break;
		case NODE_INDEXMARK:
			/* Where the index of names links to, if it does. */
			if (anchors_id(r->anchors, n) != NULL)
				g_string_append_printf(r->out, "<span id=\"%s\">"
				    "</span>", anchors_id(r->anchors, n));
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
		noteref(out, chapter_author_note(c), 1);
		g_string_append(out, "</p>\n");
	} else
		xhtml_para(out, "author", r->byline);
	xhtml_para(out, "affiliation", c->meta.affiliation);
	xhtml_para(out, "translator", tr);
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
	g_string_append(r->out, "<section class=\"preface\" "
	    "epub:type=\"preface\" role=\"doc-preface\" "
	    "aria-labelledby=\"preface\">\n");
	section_heading(r, "preface", word(WORD_PREFACE));
	render_tree(r, c->preface);
	g_string_append(r->out, "</section>\n");
}

/*
 * The chapter's notes, after its text, where Kobo's pop-ups want them.
 * Each note's number opens its first paragraph (or a paragraph of its
 * own if it starts otherwise) and links back to the reference.
 */
static void
notes(struct render *r, const struct chapter *c, struct diags *d)
{
	const struct note *note;
	char *text;
	guint i;

	if (c->notes->len == 0)
		return;
	g_string_append(r->out, "<section epub:type=\"endnotes\" "
	    "role=\"doc-endnotes\" aria-labelledby=\"notes\">\n");
	section_heading(r, "notes", word(WORD_NOTES));
	r->headings = NULL;
	for (i = 0; i < c->notes->len; i++) {
		note = g_ptr_array_index(c->notes, i);
		text = node_text(note->body);
		if (g_utf8_strlen(text, -1) > POPUP_MAX)
			diag_add(d, DIAG_WARNING, note->pos, "note %s is over "
			    "%d characters: Kobo readers will not show it in "
			    "a pop-up", note->mark, POPUP_MAX);
		g_free(text);
		g_string_append(r->out, "<aside id=\"");
		note_id(r->out, "note", note);
		g_string_append(r->out, "\" epub:type=\"footnote\" "
		    "role=\"doc-footnote\">\n");
		/* The author's note is referred to from the byline. */
		r->backlink = note->ref != NULL || (note->number == 0 &&
		    r->byline != NULL);
		if (note->body->first != NULL &&
		    note->body->first->type == NODE_PARAGRAPH)
			r->label = note;
		else {
			g_string_append(r->out, "<p>");
			note_label(r->out, note, r->backlink);
			g_string_append(r->out, "</p>\n");
		}
		render_tree(r, note->body);
		g_string_append(r->out, "</aside>\n");
	}
	g_string_append(r->out, "</section>\n");
}

/* What each role of a chapter is called in EPUB and in DPUB-ARIA. */
static const struct {
	const char	*type;		/* epub:type */
	const char	*aria;		/* role */
} semantics[] = {
	[ROLE_CHAPTER] = { "chapter", "doc-chapter" },
	[ROLE_DEDICATION] = { "dedication", "doc-dedication" },
	[ROLE_EPIGRAPH] = { "epigraph", "doc-epigraph" },
	[ROLE_FOREWORD] = { "foreword", "doc-foreword" },
	[ROLE_PREFACE] = { "preface", "doc-preface" },
	[ROLE_INTRODUCTION] = { "introduction", "doc-introduction" },
	[ROLE_APPENDIX] = { "appendix", "doc-appendix" },
	[ROLE_AFTERWORD] = { "afterword", "doc-afterword" },
	[ROLE_NOTES] = { "endnotes", "doc-endnotes" },
	[ROLE_BIBLIOGRAPHY] = { "bibliography", "doc-bibliography" },
};

const char *
xhtml_role_type(enum chapter_role role)
{
	return semantics[role].type;
}

/*
 * The section a chapter's page holds: typed by its role; a dedication
 * or an epigraph, which has no heading, named by its title and set
 * apart by its class.
 */
static void
section_begin(GString *out, const struct chapter *c)
{
	g_string_append_printf(out, "<section epub:type=\"%s\" role=\"%s\"",
	    semantics[c->role].type, semantics[c->role].aria);
	if (matter_alone(c)) {
		g_string_append_printf(out, " class=\"%s\" aria-label=\"",
		    semantics[c->role].type);
		xml_escape(out, title_of(c));
		g_string_append_c(out, '"');
	}
	g_string_append(out, ">\n");
}

GString *
xhtml_chapter(struct book *b, struct part *p, struct diags *d)
{
	static const char *const body[] = { [MATTER_FRONT] = "frontmatter",
	    [MATTER_BODY] = "bodymatter", [MATTER_BACK] = "backmatter" };
	const struct chapter *c = p->chapter;
	struct render r = { g_string_new(NULL), credits_byline(&b->credits,
	    c), p->headings, 0, NULL, 0, &b->marks, &b->anchors, p->file,
	    &b->credits };
	guint i = b->parts->len - 1;	/* the part is the last added */

	g_ptr_array_set_free_func(p->headings, (GDestroyNotify)heading_free);
	xhtml_begin(r.out, b->edition->language, title_of(c),
	    body[matter_of(&b->matter, b->edition, i)]);
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
