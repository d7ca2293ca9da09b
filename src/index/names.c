/*
 * names.c — reading the authority list of names, and the word trie that
 * finds its forms in running text.
 */
#include <string.h>

#include "index/names.h"
#include "read/file.h"

#define MAX_WORDS	64	/* words in one form: the capital mask's bits */
#define NAMES_NOT_UTF8	"save the list as UTF-8 text"

/*
 * A node of the trie: its children by folded word, and a form ending
 * here.  The root also keeps a bit for the hash of each form's first
 * word, and another for those a form may begin in lower case, so that
 * the matcher passes over most words of a text (no name can start with
 * them) without a lookup.
 */
struct trie {
	GHashTable		*next;		/* char * → struct trie *, or NULL */
	struct name_form	*form;
	guint32			*firsts;	/* FIRSTS_BITS bits of first
						   words, then as many of those
						   in lower case; or NULL */
};

#define FIRSTS_BITS	8192

/* A "see" or "see also" reference, resolved once every heading is read. */
struct ref {
	struct name_entry	*from;
	char			*to;
	struct srcpos		 pos;
	int			 also;
};

struct parser {
	struct names		*nl;
	struct diags		*d;
	struct name_entry	*main;		/* the heading being read */
	struct name_entry	*cur;		/* it, or its sub-heading */
	GHashTable		*headings;	/* heading → struct name_entry * */
	GHashTable		*forms;		/* folded words → struct name_form * */
	GArray			*refs;		/* struct ref */
	int			 errors;
};

static const char keys_hint[] = "a heading's lines are 'forms:', "
    "'in CHAPTER:', 'at PLACE:LINE:', 'see:', 'see also:', 'sort:' or "
    "'- sub-heading'";

static int
is_apostrophe(gunichar c)
{
	return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

static int
is_wordchar(gunichar c)
{
	if (c < 0x80)		/* most of any text: no Unicode tables */
		return g_ascii_isalnum(c);
	return g_unichar_isalnum(c) || g_unichar_ismark(c);
}

/*
 * Appends to out the word at s (len bytes) folded for matching, and a
 * NUL: decomposed and stripped of accents, the letters NFD keeps whole
 * spelled plainly (ø as o), apostrophes made one, case folded, and a
 * possessive "'s" dropped.
 */
static void
fold_into(GString *out, const char *s, gsize len)
{
	char *nfd, *folded, *d;
	GString *plain;
	const char *p;
	gsize n, at = out->len;

	/* Plain ASCII, most words: no accents, lowered as it is copied. */
	g_string_set_size(out, at + len + 1);
	for (d = out->str + at, n = 0; n < len && (guchar)s[n] < 0x80 &&
	    s[n] != '\''; n++)
		d[n] = (char)(s[n] + ((guint)(s[n] - 'A') < 26 ? 'a' - 'A' : 0));
	if (n == len) {
		d[n] = '\0';
		return;
	}
	g_string_truncate(out, at);
	nfd = g_utf8_normalize(s, (gssize)len, G_NORMALIZE_NFD);
	plain = g_string_sized_new(len);

	for (p = nfd; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_ismark(c))
			continue;
		switch (c) {
		case 0xD8: case 0xF8:	/* Ø ø */
			g_string_append_c(plain, 'o');
			break;
		case 0xC6: case 0xE6:	/* Æ æ */
			g_string_append(plain, "ae");
			break;
		case 0x152: case 0x153:	/* Œ œ */
			g_string_append(plain, "oe");
			break;
		case 0x141: case 0x142:	/* Ł ł */
			g_string_append_c(plain, 'l');
			break;
		case 0x110: case 0x111:	/* Đ đ */
			g_string_append_c(plain, 'd');
			break;
		case 0x131:		/* ı */
			g_string_append_c(plain, 'i');
			break;
		default:
			g_string_append_unichar(plain, is_apostrophe(c) ?
			    '\'' : c);
			break;
		}
	}
	folded = g_utf8_casefold(plain->str, (gssize)plain->len);
	n = strlen(folded);
	if (n > 2 && strcmp(folded + n - 2, "'s") == 0)
		n -= 2;
	g_string_append_len(out, folded, (gssize)n);
	g_string_append_c(out, '\0');
	g_string_free(plain, TRUE);
	g_free(folded);
	g_free(nfd);
}

/*
 * The words found so far, the last of them not yet in the array: they
 * go in a batch at a time, since g_array_append_vals costs more than
 * copying a word, and a text has tens of thousands.  Their folds go
 * into one buffer, and are pointed at once the text is done, since the
 * buffer moves as it grows: until then a word's fold holds its offset.
 */
struct batch {
	GArray			*words;
	GString			*folds;
	struct name_word	 w[32];
	guint			 n;
};

static void
flush_words(struct batch *b)
{
	g_array_append_vals(b->words, b->w, b->n);
	b->n = 0;
}

static void
add_word(struct batch *b, const char *text, const char *start,
    const char *end)
{
	struct name_word *w = &b->w[b->n];
	gunichar c = (guchar)*start < 0x80 ? (guchar)*start :
	    g_utf8_get_char(start);

	w->start = (gsize)(start - text);
	w->end = (gsize)(end - text);
	/* Where the fold starts in the buffer, until the buffer is done. */
	w->fold = GSIZE_TO_POINTER(b->folds->len);
	fold_into(b->folds, start, w->end - w->start);
	/* No ASCII letter is title case: spare ASCII the Unicode tables. */
	w->capital = c < 0x80 ? g_ascii_isupper(c) != 0 :
	    g_unichar_isupper(c) || g_unichar_istitle(c);
	if (++b->n == G_N_ELEMENTS(b->w))
		flush_words(b);
}

void
names_text_init(struct name_text *nt)
{
	nt->words = g_array_new(FALSE, FALSE, sizeof(struct name_word));
	nt->folds = g_string_new(NULL);
}

/* Words are letters, digits and marks; an apostrophe between letters too. */
void
names_text_scan(struct name_text *nt, const char *text)
{
	struct batch b;
	const char *p = text, *start = NULL, *next;
	gunichar c, prev = 0;
	guint i;
	int in;

	g_array_set_size(nt->words, 0);
	g_string_truncate(nt->folds, 0);
	b.words = nt->words;
	b.folds = nt->folds;
	b.n = 0;
	for (; *p != '\0'; p = next, prev = c) {
		/*
		 * A word of ASCII letters and digits that ASCII other than an
		 * apostrophe ends, most words, is one without more ado.
		 */
		if (start == NULL && g_ascii_isalnum(*p)) {
			for (next = p + 1; g_ascii_isalnum(*next); next++)
				continue;
			if ((guchar)*next < 0x80 && *next != '\'') {
				add_word(&b, text, p, next);
				c = (guchar)next[-1];
				continue;
			}
		}
		if ((guchar)*p < 0x80) {
			c = (guchar)*p;
			next = p + 1;
		} else {
			c = g_utf8_get_char(p);
			next = g_utf8_next_char(p);
		}
		in = is_wordchar(c);
		if (!in && is_apostrophe(c) && start != NULL &&
		    g_unichar_isalpha(prev))
			in = *next != '\0' &&
			    g_unichar_isalpha(g_utf8_get_char(next));
		if (in && start == NULL)
			start = p;
		else if (!in && start != NULL) {
			add_word(&b, text, start, p);
			start = NULL;
		}
		/* The rest of a run of ASCII letters and digits: all word. */
		if (in && g_ascii_isalnum(*next)) {
			while (g_ascii_isalnum(*next))
				next++;
			c = (guchar)next[-1];
		}
	}
	if (start != NULL)
		add_word(&b, text, start, p);
	flush_words(&b);
	for (i = 0; i < nt->words->len; i++) {
		struct name_word *w = &g_array_index(nt->words,
		    struct name_word, i);

		w->fold = nt->folds->str + GPOINTER_TO_SIZE(w->fold);
	}
}

void
names_text_release(struct name_text *nt)
{
	g_array_free(nt->words, TRUE);
	g_string_free(nt->folds, TRUE);
}

GArray *
names_words(const char *text)
{
	struct name_text nt;
	GArray *words;
	guint i;

	names_text_init(&nt);
	names_text_scan(&nt, text);
	words = g_array_sized_new(FALSE, FALSE, sizeof(struct name_word),
	    nt.words->len);
	for (i = 0; i < nt.words->len; i++) {
		struct name_word w = g_array_index(nt.words, struct name_word,
		    i);

		w.fold = g_strdup(w.fold);
		g_array_append_val(words, w);
	}
	names_text_release(&nt);
	return words;
}

void
names_words_free(GArray *words)
{
	guint i;

	if (words == NULL)
		return;
	for (i = 0; i < words->len; i++)
		g_free(g_array_index(words, struct name_word, i).fold);
	g_array_free(words, TRUE);
}

int
names_joinable(const char *text, const struct name_word *a,
    const struct name_word *b)
{
	const char *p = text + a->end, *end = text + b->start;
	glong before = g_utf8_strlen(text + a->start, (gssize)(a->end -
	    a->start));
	int stops = 0;

	for (; p < end; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c == '.')
			stops++;
		else if (!g_unichar_isspace(c) && c != 0xA0 && c != 0x202F &&
		    c != '-' && c != 0x2010 && c != 0x2011)
			return 0;
	}
	/* A full stop ends an initial or an abbreviation, not a sentence. */
	return stops == 0 || (stops == 1 && before <= 3);
}

static void
trie_free(struct trie *t)
{
	if (t == NULL)
		return;
	if (t->next != NULL)
		g_hash_table_destroy(t->next);
	g_free(t->firsts);
	g_free(t);
}

/* A word's bit among the root's firsts: FNV-1a, a byte at a time. */
static guint32
first_bit(const char *fold)
{
	guint32 h = 2166136261u;

	for (; *fold != '\0'; fold++)
		h = (h ^ (guchar)*fold) * 16777619u;
	return h % FIRSTS_BITS;
}

/* Notes in the root that a form's claim starts with word w. */
static void
mark_first(struct trie *root, const struct name_word *w)
{
	guint32 bit = first_bit(w->fold);

	if (root->firsts == NULL)
		root->firsts = g_new0(guint32, 2 * FIRSTS_BITS / 32);
	root->firsts[bit / 32] |= (guint32)1 << (bit % 32);
	bit += FIRSTS_BITS;
	if (!w->capital)
		root->firsts[bit / 32] |= (guint32)1 << (bit % 32);
}

/*
 * Whether a form may start at word w of a text, its case as a form's
 * first word needs: FALSE only if none does.
 */
static int
may_start(const struct trie *root, const struct name_word *w)
{
	guint32 bit = first_bit(w->fold) + (w->capital ? 0 : FIRSTS_BITS);

	return root->firsts != NULL &&
	    (root->firsts[bit / 32] >> (bit % 32) & 1) != 0;
}

/* The trie node at the end of words' path, made as needed. */
static struct trie *
trie_path(struct trie *t, GArray *words)
{
	guint i;

	for (i = 0; i < words->len; i++) {
		const char *w = g_array_index(words, struct name_word, i).fold;
		struct trie *child;

		if (t->next == NULL)
			t->next = g_hash_table_new_full(g_str_hash,
			    g_str_equal, g_free, (GDestroyNotify)trie_free);
		if ((child = g_hash_table_lookup(t->next, w)) == NULL) {
			child = g_new0(struct trie, 1);
			g_hash_table_insert(t->next, g_strdup(w), child);
		}
		t = child;
	}
	return t;
}

static int
capitals_ok(const struct name_form *f, const GArray *words, guint first)
{
	guint k;

	for (k = 0; k < f->words; k++)
		if ((f->capital >> k & 1) && !g_array_index(words,
		    struct name_word, first + k).capital)
			return 0;
	return 1;
}

GArray *
names_match(const struct names *nl, const char *text, const GArray *words,
    names_accept accept, void *arg)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct name_match));
	GArray *found = g_array_new(FALSE, FALSE, sizeof(struct name_match));
	guint i = 0, j;

	while (i < words->len) {
		const struct trie *t = nl->trie;
		struct name_match m;

		if (found->len > 0)
			g_array_set_size(found, 0);
		for (j = i; j < words->len && t != NULL; j++) {
			const struct name_word *w = &g_array_index(words,
			    struct name_word, j);

			if (j > i && !names_joinable(text, w - 1, w))
				break;
			t = t->next != NULL && (j > i || may_start(t, w)) ?
			    g_hash_table_lookup(t->next, w->fold) : NULL;
			if (t == NULL || t->form == NULL ||
			    !capitals_ok(t->form, words, i))
				continue;
			m.first = i;
			m.last = j;
			m.start = g_array_index(words, struct name_word,
			    i).start;
			m.end = w->end;
			m.form = t->form;
			g_array_append_val(found, m);
		}
		for (j = found->len; j > 0; j--) {
			m = g_array_index(found, struct name_match, j - 1);
			if (accept == NULL || accept(&m, arg))
				break;
		}
		if (j > 0) {
			g_array_append_val(out, m);
			i = m.last + 1;
		} else
			i++;
	}
	g_array_free(found, TRUE);
	return out;
}

int
names_place_is(const char *place, const char *chapter, const char *file)
{
	gsize pl = strlen(place), fl;

	if (chapter != NULL && strcmp(place, chapter) == 0)
		return 1;
	if (file == NULL)
		return 0;
	if (strcmp(file, place) == 0)
		return 1;
	fl = strlen(file);
	return fl > pl && file[fl - pl - 1] == '/' &&
	    strcmp(file + fl - pl, place) == 0;
}

const struct name_claim *
names_resolve(const struct name_form *f, const char *chapter,
    const char *file, int line, int nth)
{
	const struct name_claim *on_nth = NULL, *on_line = NULL, *in = NULL,
	    *any = NULL, *implied = NULL;
	int several = 0;
	guint i;

	for (i = 0; i < f->claims->len; i++) {
		const struct name_claim *c = g_ptr_array_index(f->claims, i);

		switch (c->scope) {
		case SCOPE_LINE:
			if (c->line != line ||
			    !names_place_is(c->place, chapter, file))
				break;
			if (c->nth == nth)
				on_nth = c;
			else if (c->nth == 0)
				on_line = c;
			break;
		case SCOPE_CHAPTER:
			if (names_place_is(c->place, chapter, file))
				in = c;
			break;
		case SCOPE_ANYWHERE:
			any = c;
			break;
		case SCOPE_IMPLIED:
			if (implied != NULL && implied->entry != c->entry)
				several = 1;
			implied = c;
			break;
		}
	}
	if (on_nth != NULL)
		return on_nth;
	if (on_line != NULL)
		return on_line;
	if (in != NULL)
		return in;
	if (any != NULL)
		return any;
	return several ? NULL : implied;
}

/* --- reading the list ------------------------------------------------- */

static void
entry_free(struct name_entry *e)
{
	g_free(e->heading);
	g_free(e->gloss);
	g_free(e->sort);
	g_ptr_array_free(e->see_also, TRUE);
	g_free(e);
}

static void
claim_free(struct name_claim *c)
{
	g_free(c->place);
	g_free(c);
}

static void
form_free(struct name_form *f)
{
	g_free(f->text);
	g_ptr_array_free(f->claims, TRUE);
	g_free(f);
}

void
names_init(struct names *nl)
{
	nl->path = NULL;
	nl->entries = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)entry_free);
	nl->forms = g_ptr_array_new_with_free_func((GDestroyNotify)form_free);
	nl->trie = g_new0(struct trie, 1);
}

void
names_release(struct names *nl)
{
	g_free(nl->path);
	g_ptr_array_free(nl->forms, TRUE);
	g_ptr_array_free(nl->entries, TRUE);
	trie_free(nl->trie);
	nl->path = NULL;
	nl->entries = nl->forms = NULL;
	nl->trie = NULL;
}

/* An error at a line of the list; at, in the line's text, gives the column. */
static void G_GNUC_PRINTF(5, 6)
error(struct parser *p, int line, const char *text, const char *at,
    const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int col = at != NULL ? (int)g_utf8_strlen(text, at - text) + 1 : 0;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	diag_add(p->d, DIAG_ERROR, srcpos_at(p->nl->path, line, col), "%s",
	    msg);
	g_free(msg);
	p->errors++;
}

static const char *
scope_words(const struct name_claim *c)
{
	switch (c->scope) {
	case SCOPE_IMPLIED:
		return "its heading";
	case SCOPE_ANYWHERE:
		return "'forms:'";
	case SCOPE_CHAPTER:
		return "'in'";
	default:
		return "'at'";
	}
}

/* Whether two claims of different headings would decide the same place. */
static int
claims_clash(const struct name_claim *a, const struct name_claim *b)
{
	if (a->entry == b->entry || a->scope != b->scope)
		return 0;
	switch (a->scope) {
	case SCOPE_ANYWHERE:
		return 1;
	case SCOPE_CHAPTER:
		return strcmp(a->place, b->place) == 0;
	case SCOPE_LINE:
		return strcmp(a->place, b->place) == 0 && a->line == b->line &&
		    (a->nth == b->nth || a->nth == 0 || b->nth == 0);
	default:
		return 0;	/* implied forms yield to any rule */
	}
}

/*
 * Entry e claims form in a scope, as the list says at pos; the form is
 * made (and put in the trie) the first time it is written.  Returns 0,
 * or -1 with an error if it has no words to match or too many.
 */
static int
claim(struct parser *p, struct name_entry *e, const char *form,
    enum name_scope scope, const char *place, int line, int nth,
    struct srcpos pos)
{
	GArray *words = names_words(form);
	GString *key = g_string_new(NULL);
	struct name_form *f;
	struct name_claim *c;
	guint64 capital = 0;
	guint i;

	for (i = 0; i < words->len; i++) {
		const struct name_word *w = &g_array_index(words,
		    struct name_word, i);

		if (i > 0)
			g_string_append_c(key, ' ');
		g_string_append(key, w->fold);
		if (w->capital && i < MAX_WORDS)
			capital |= (guint64)1 << i;
	}
	if (words->len == 0 || words->len > MAX_WORDS) {
		diag_add(p->d, DIAG_ERROR, pos, words->len == 0 ?
		    "'%s' has no letters to match; remove it" : "'%s' is too "
		    "long for a name; split it at its semicolons", form);
		p->errors++;
		names_words_free(words);
		g_string_free(key, TRUE);
		return -1;
	}
	if ((f = g_hash_table_lookup(p->forms, key->str)) == NULL) {
		f = g_new0(struct name_form, 1);
		f->text = g_strdup(form);
		f->words = words->len;
		f->capital = capital;
		f->claims = g_ptr_array_new_with_free_func(
		    (GDestroyNotify)claim_free);
		g_ptr_array_add(p->nl->forms, f);
		g_hash_table_insert(p->forms, g_strdup(key->str), f);
		trie_path(p->nl->trie, words)->form = f;
	} else
		f->capital &= capital;	/* "van" and "Van": either */
	mark_first(p->nl->trie, &g_array_index(words, struct name_word, 0));
	names_words_free(words);
	g_string_free(key, TRUE);
	for (i = 0; i < f->claims->len; i++) {
		c = g_ptr_array_index(f->claims, i);
		if (c->entry == e && c->scope == scope && c->line == line &&
		    c->nth == nth && g_strcmp0(c->place, place) == 0)
			return 0;
	}
	c = g_new0(struct name_claim, 1);
	c->entry = e;
	c->scope = scope;
	c->place = g_strdup(place);
	c->line = line;
	c->nth = nth;
	c->pos = pos;
	g_ptr_array_add(f->claims, c);
	return 0;
}

/* Claims each ';'-separated item of list, which starts at list in text. */
static void
claim_list(struct parser *p, int lineno, const char *text, const char *list,
    enum name_scope scope, const char *place, int line, int nth)
{
	char **items = g_strsplit(list, ";", -1);
	const char *at = list, *counted = text;
	int n = 0, col = 1;
	guint i;

	for (i = 0; items[i] != NULL; i++) {
		const char *item = items[i];
		char *form;

		while (*item == ' ' || *item == '\t')
			item++;
		form = g_strstrip(g_strdup(item));
		if (*form != '\0') {
			/* Counted on from the last form: a line of many
			 * forms is read once, not once a form. */
			const char *here = at + (item - items[i]);

			col += (int)g_utf8_strlen(counted, here - counted);
			counted = here;
			claim(p, p->cur, form, scope, place, line, nth,
			    srcpos_at(p->nl->path, lineno, col));
			n++;
		}
		g_free(form);
		at += strlen(items[i]) + 1;
	}
	if (n == 0)
		error(p, lineno, text, list, "no forms after the colon; list "
		    "them separated by ';'");
	g_strfreev(items);
}

static struct name_entry *
entry_new(struct parser *p, const char *heading, int lineno)
{
	struct name_entry *e = g_new0(struct name_entry, 1);

	e->heading = g_strdup(heading);
	e->see_also = g_ptr_array_new();
	e->pos = srcpos_at(p->nl->path, lineno, 1);
	g_ptr_array_add(p->nl->entries, e);
	return e;
}

/* "Surname, Forenames (gloss)" at the margin, or "! what is not a name". */
static void
heading_line(struct parser *p, int lineno, const char *line)
{
	const char *paren = strchr(line, '(');
	char *heading, *gloss = NULL;
	struct name_entry *e, *other;
	int depth = 0;
	const char *q;

	p->main = p->cur = NULL;
	if (*line == '!') {
		heading = g_strstrip(g_strdup(line + 1));
		p->main = p->cur = entry_new(p, heading, lineno);
		p->main->not_name = 1;
		g_free(heading);
		return;
	}
	heading = g_strstrip(paren != NULL ? g_strndup(line,
	    (gsize)(paren - line)) : g_strdup(line));
	if (paren != NULL) {
		for (q = paren; *q != '\0'; q++)
			depth += *q == '(' ? 1 : *q == ')' ? -1 : 0;
		if (depth != 0)
			error(p, lineno, line, paren, "unbalanced parentheses "
			    "in the gloss; write it as '(1879–1940)' or "
			    "'(the author's son)'");
		gloss = g_strdup(paren);
	}
	if ((q = strpbrk(heading, ":;")) != NULL)
		error(p, lineno, line, line + (q - heading), "a heading holds "
		    "no ':' or ';'; if this is a key such as 'forms:', indent "
		    "it under its heading");
	else if (*heading == '\0')
		error(p, lineno, line, line, "a heading line starts with the "
		    "name: 'Surname, Forenames (dates)'");
	else if ((other = g_hash_table_lookup(p->headings, heading)) != NULL)
		error(p, lineno, line, line, "'%s' is already a heading at "
		    "line %d; tell the two apart by forenames or initials",
		    heading, other->pos.line);
	else {
		e = entry_new(p, heading, lineno);
		e->gloss = gloss;
		gloss = NULL;
		g_hash_table_insert(p->headings, e->heading, e);
		p->main = p->cur = e;
	}
	g_free(heading);
	g_free(gloss);
}

/* "- sub-heading" under the current heading. */
static void
sub_line(struct parser *p, int lineno, const char *line, const char *text)
{
	struct name_entry *e;
	char *heading = g_strstrip(g_strdup(text));
	guint i;

	if (p->main->not_name || *heading == '\0') {
		error(p, lineno, line, text, p->main->not_name ? "what is not "
		    "a name has no sub-headings" : "a sub-heading needs its "
		    "words after '- '");
		g_free(heading);
		return;
	}
	for (i = 0; i < p->nl->entries->len; i++) {
		e = g_ptr_array_index(p->nl->entries, i);
		if (e->parent == p->main && strcmp(e->heading, heading) == 0) {
			error(p, lineno, line, text, "'%s' is already a "
			    "sub-heading of '%s' at line %d", heading,
			    p->main->heading, e->pos.line);
			g_free(heading);
			return;
		}
	}
	p->cur = entry_new(p, heading, lineno);
	p->cur->parent = p->main;
	g_free(heading);
}

/* Remembers "see:" or "see also:" targets, resolved at the end. */
static void
ref_list(struct parser *p, int lineno, const char *line, const char *list,
    int also)
{
	char **items = g_strsplit(list, ";", -1);
	const char *at = list;
	guint i;

	if (p->cur != p->main || p->main->not_name)
		error(p, lineno, line, line, "only a main heading has "
		    "'see:' and 'see also:'");
	else
		for (i = 0; items[i] != NULL; i++) {
			struct ref r;

			r.from = p->cur;
			r.to = g_strstrip(g_strdup(items[i]));
			r.pos = srcpos_at(p->nl->path, lineno,
			    (int)g_utf8_strlen(line, at - line) + 1 +
			    (int)strspn(items[i], " \t"));
			r.also = also;
			if (*r.to == '\0' || (!also && i > 0)) {
				error(p, lineno, line, at, *r.to == '\0' ?
				    "an empty reference; name a heading as "
				    "its line writes it" : "'see:' names one "
				    "heading; use 'see also:' for several");
				g_free(r.to);
			} else
				g_array_append_val(p->refs, r);
			at += strlen(items[i]) + 1;
		}
	g_strfreev(items);
}

/* The place of "at PLACE:LINE[#N]: …"; returns where the forms start. */
static const char *
at_place(struct parser *p, int lineno, const char *line, const char *spec,
    char **place, int *srcline, int *nth)
{
	const char *colon = strchr(spec, ':'), *q;
	char *end;

	*place = NULL;
	if (colon == NULL || colon == spec || memchr(spec, ' ',
	    (gsize)(colon - spec)) != NULL || !g_ascii_isdigit(colon[1]))
		goto bad;
	*srcline = (int)strtol(colon + 1, &end, 10);
	*nth = 0;
	q = end;
	if (*q == '#') {
		*nth = (int)strtol(q + 1, &end, 10);
		if (end == q + 1 || *nth <= 0)
			goto bad;
		q = end;
	}
	if (*q != ':' || *srcline <= 0)
		goto bad;
	*place = g_strndup(spec, (gsize)(colon - spec));
	return q + 1;
bad:
	error(p, lineno, line, spec, "write 'at CHAPTER:LINE: forms' or 'at "
	    "FILE:LINE#N: forms' (the Nth occurrence on that source line)");
	return NULL;
}

static void
key_line(struct parser *p, int lineno, const char *line, const char *text)
{
	char *place = NULL;
	const char *rest, *colon;
	int srcline = 0, nth = 0;

	if (g_str_has_prefix(text, "forms:"))
		claim_list(p, lineno, line, text + 6, SCOPE_ANYWHERE, NULL, 0,
		    0);
	else if (g_str_has_prefix(text, "in ")) {
		for (rest = text + 3; *rest == ' '; rest++)
			;
		colon = strchr(rest, ':');
		if (colon == NULL || colon == rest || memchr(rest, ' ',
		    (gsize)(colon - rest)) != NULL)
			error(p, lineno, line, rest, "write 'in CHAPTER: "
			    "forms', with a chapter id of the manifest or a "
			    "source file name");
		else {
			place = g_strndup(rest, (gsize)(colon - rest));
			claim_list(p, lineno, line, colon + 1, SCOPE_CHAPTER,
			    place, 0, 0);
		}
	} else if (g_str_has_prefix(text, "at ")) {
		for (rest = text + 3; *rest == ' '; rest++)
			;
		if ((rest = at_place(p, lineno, line, rest, &place, &srcline,
		    &nth)) != NULL)
			claim_list(p, lineno, line, rest, SCOPE_LINE, place,
			    srcline, nth);
	} else if (g_str_has_prefix(text, "see also:"))
		ref_list(p, lineno, line, text + 9, 1);
	else if (g_str_has_prefix(text, "see:"))
		ref_list(p, lineno, line, text + 4, 0);
	else if (g_str_has_prefix(text, "sort:")) {
		char *v = g_strstrip(g_strdup(text + 5));

		if (*v == '\0' || p->cur->not_name)
			error(p, lineno, line, text, *v == '\0' ? "'sort:' "
			    "needs the text to collate by" : "what is not a "
			    "name is not sorted");
		else {
			g_free(p->cur->sort);
			p->cur->sort = g_strdup(v);
		}
		g_free(v);
	} else
		error(p, lineno, line, text, "unknown line '%s'; %s", text,
		    keys_hint);
	g_free(place);
}

/* "Smith, Jane" implies "Jane Smith" and "Smith". */
static void
implied_forms(struct parser *p, struct name_entry *e)
{
	const char *comma = strchr(e->heading, ',');
	char *surname, *forenames, *direct;

	if (comma == NULL) {
		claim(p, e, e->heading, SCOPE_IMPLIED, NULL, 0, 0, e->pos);
		return;
	}
	surname = g_strstrip(g_strndup(e->heading,
	    (gsize)(comma - e->heading)));
	forenames = g_strstrip(g_strdup(comma + 1));
	if (*forenames != '\0') {
		direct = g_strconcat(forenames, " ", surname, NULL);
		claim(p, e, direct, SCOPE_IMPLIED, NULL, 0, 0, e->pos);
		g_free(direct);
	}
	if (*surname != '\0')
		claim(p, e, surname, SCOPE_IMPLIED, NULL, 0, 0, e->pos);
	g_free(surname);
	g_free(forenames);
}

static void
resolve_refs(struct parser *p)
{
	guint i, k;

	for (i = 0; i < p->refs->len; i++) {
		struct ref *r = &g_array_index(p->refs, struct ref, i);
		struct name_entry *to = g_hash_table_lookup(p->headings, r->to);

		if (to == NULL || to == r->from) {
			diag_add(p->d, DIAG_ERROR, r->pos, to == NULL ? "no "
			    "heading '%s' in the list; a reference names a "
			    "heading as its line writes it, without the "
			    "gloss" : "'%s' refers to itself", r->to);
			p->errors++;
		} else if (!r->also)
			r->from->see = to;
		else if (!g_ptr_array_find(r->from->see_also, to, NULL))
			g_ptr_array_add(r->from->see_also, to);
		g_free(r->to);
	}
	for (i = 0; i < p->nl->entries->len; i++) {
		struct name_entry *e = g_ptr_array_index(p->nl->entries, i);
		const char *why = NULL;

		if (e->see != NULL && e->see->see != NULL)
			why = "points to a 'see' reference; point to the "
			    "heading that one points to";
		else if (e->see != NULL && e->see_also->len > 0)
			why = "has both 'see:' and 'see also:'; a reference "
			    "heading only says where to look";
		for (k = 0; why == NULL && k < p->nl->entries->len; k++)
			if (e->see != NULL && ((struct name_entry *)
			    g_ptr_array_index(p->nl->entries, k))->parent == e)
				why = "is a 'see' reference and cannot have "
				    "sub-headings";
		if (why != NULL) {
			diag_add(p->d, DIAG_ERROR, e->pos, "'%s' %s",
			    e->heading, why);
			p->errors++;
		}
	}
}

/* Two headings claiming one form in the same scope: an error at the second. */
static void
check_clashes(struct parser *p)
{
	guint i, j, k;

	for (i = 0; i < p->nl->forms->len; i++) {
		const struct name_form *f = g_ptr_array_index(p->nl->forms, i);

		for (k = 1; k < f->claims->len; k++)
			for (j = 0; j < k; j++) {
				const struct name_claim *a =
				    g_ptr_array_index(f->claims, j);
				const struct name_claim *b =
				    g_ptr_array_index(f->claims, k);

				if (!claims_clash(a, b))
					continue;
				diag_add(p->d, DIAG_ERROR, b->pos, "'%s' is "
				    "claimed by '%s' (line %d) and by '%s' "
				    "with %s; keep it under one heading and "
				    "give the other 'in CHAPTER:' or 'at "
				    "PLACE:LINE:'", f->text, a->entry->heading,
				    a->pos.line, b->entry->heading,
				    scope_words(b));
				p->errors++;
				break;
			}
	}
}

/* Cuts off a comment: '#' at the start or after a space. */
static void
strip_comment(char *line)
{
	char *p;

	for (p = line; *p != '\0'; p++)
		if (*p == '#' && (p == line || p[-1] == ' ' || p[-1] == '\t')) {
			*p = '\0';
			break;
		}
	g_strchomp(line);
}

int
names_parse(struct names *nl, const char *path, const char *text,
    struct diags *d)
{
	struct parser p = { nl, d, NULL, NULL, NULL, NULL, NULL, 0 };
	char **lines;
	guint i;

	g_free(nl->path);
	nl->path = g_strdup(path);
	if (file_check_text(path, text, strlen(text), NAMES_NOT_UTF8, d) == -1)
		return -1;
	p.headings = g_hash_table_new(g_str_hash, g_str_equal);
	p.forms = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	p.refs = g_array_new(FALSE, FALSE, sizeof(struct ref));
	lines = g_strsplit(text, "\n", -1);
	for (i = 0; lines[i] != NULL; i++) {
		char *line = lines[i];
		const char *body = line;
		int lineno = (int)i + 1;

		strip_comment(line);
		while (*body == ' ' || *body == '\t')
			body++;
		if (*body == '\0')
			continue;
		if (body == line)
			heading_line(&p, lineno, line);
		else if (p.cur == NULL)
			error(&p, lineno, line, body, "this indented line "
			    "belongs to no heading; start the entry with its "
			    "heading at the left margin");
		else if (g_str_has_prefix(body, "- "))
			sub_line(&p, lineno, line, body + 2);
		else
			key_line(&p, lineno, line, body);
	}
	g_strfreev(lines);
	for (i = 0; i < nl->entries->len; i++) {
		struct name_entry *e = g_ptr_array_index(nl->entries, i);

		if (e->parent == NULL && !e->not_name)
			implied_forms(&p, e);
	}
	resolve_refs(&p);
	check_clashes(&p);
	g_array_free(p.refs, TRUE);
	g_hash_table_destroy(p.forms);
	g_hash_table_destroy(p.headings);
	return p.errors > 0 ? -1 : 0;
}

char *
names_text(const char *path, struct diags *d)
{
	return file_read_text(path, "the list of names", FILE_MAX_NAMES,
	    NAMES_NOT_UTF8, NULL, d);
}

int
names_read(struct names *nl, const char *path, struct diags *d)
{
	char *text;
	int rc;

	if ((text = names_text(path, d)) == NULL)
		return -1;
	rc = names_parse(nl, path, text, d);
	g_free(text);
	return rc;
}
