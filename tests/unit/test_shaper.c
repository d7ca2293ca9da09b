/*
 * test_shaper.c — the shaper's words kept between builds (shape.h):
 * saved and loaded, they set a paragraph as shaping it again would,
 * warnings of characters the style's fonts lack and all; only the words
 * set are kept; a font that is not the same takes none of them; bytes
 * cut short or garbled are not used at all; words that differ from those
 * loaded by a hundredth need not be saved again.
 */
#include <string.h>

#include "pdf/press.h"
#include "pdf/shape.h"
#include "suites.h"

static struct srcpos here = { "test", 1, 1 };

/* Latin, Greek, ligatures, a sun that the style's fonts lack, italics. */
static const char mixed[] = "The miller\xe2\x80\x99s ledger \xe2\x80\x94 "
    "\xe2\x80\x9c\xce\xa9\xce\xbc\xce\xad\xce\xb3\xce\xb1\xe2\x80\x9d, a sun "
    "\xe2\x98\x80, and the orchard\xe2\x80\x99s fine official trees.";

/* In one font: the kept bytes hold one font's words (their layout is
 * written at shape.c's GLYPH_BYTES). */
static const char latin[] = "The orchard behind the mill was planted in "
    "the spring.";

/* Byte offsets in the kept bytes of the latin text's one font. */
#define FONT_ID		8		/* after the fonts' count, its length */
#define FIRST_WORD	(FONT_ID + 64 + 4)	/* past the id, the count */

struct bench {
	struct style	 st;
	struct diags	 d;
	struct press	*p;
	struct para	*pa;
};

/* A press for the default style, given kept (if not NULL) to load. */
static gboolean
bench_open(struct bench *b, GBytes *kept)
{
	gboolean loaded = FALSE;

	style_init(&b->st);
	diags_init(&b->d);
	b->p = press_new("en-US", &b->st, &b->d);
	b->pa = NULL;
	if (kept != NULL)
		loaded = shaper_load(b->p->shaper, kept);
	return loaded;
}

/* Sets text in the body's font, the sun's sentence in italics. */
static void
bench_set(struct bench *b, const char *text)
{
	PangoFontDescription *fd = press_font(&b->st.body, PANGO_STYLE_NORMAL,
	    PANGO_VARIANT_NORMAL);
	PangoAttrList *attrs = pango_attr_list_new();
	const char *sun = strstr(text, "a sun");
	PangoAttribute *it;

	pango_attr_list_insert(attrs, pango_attr_font_desc_new(fd));
	if (sun != NULL) {
		it = pango_attr_style_new(PANGO_STYLE_ITALIC);
		it->start_index = (guint)(sun - text);
		it->end_index = it->start_index + 10;
		pango_attr_list_insert(attrs, it);
	}
	b->pa = para_new(b->p->shaper, text, strlen(text), attrs, NULL, here);
	pango_attr_list_unref(attrs);
	pango_font_description_free(fd);
}

static void
bench_close(struct bench *b)
{
	if (b->pa != NULL)
		para_unref(b->pa);
	press_free(b->p);
	diags_release(&b->d);
	style_release(&b->st);
}

/* The words the bench's shaper has set, as shaper_save gives them. */
static GBytes *
bench_save(const struct bench *b)
{
	return shaper_save(b->p->shaper);
}

/* Whether two words are shaped alike: glyphs, widths, plainness. */
static void
assert_same_word(const struct shaped *x, const struct shaped *y)
{
	int i;

	ck_assert_uint_eq(x->len, y->len);
	ck_assert_mem_eq(x->text, y->text, x->len);
	ck_assert_int_eq(x->width, y->width);
	ck_assert_int_eq(x->plain, y->plain);
	ck_assert_int_eq(x->glyphs.num_glyphs, y->glyphs.num_glyphs);
	for (i = 0; i < x->glyphs.num_glyphs; i++) {
		const PangoGlyphInfo *a = &x->glyphs.glyphs[i];
		const PangoGlyphInfo *b = &y->glyphs.glyphs[i];

		ck_assert_uint_eq(a->glyph, b->glyph);
		ck_assert_int_eq(a->geometry.width, b->geometry.width);
		ck_assert_int_eq(a->geometry.x_offset, b->geometry.x_offset);
		ck_assert_int_eq(a->geometry.y_offset, b->geometry.y_offset);
		ck_assert_uint_eq(a->attr.is_cluster_start,
		    b->attr.is_cluster_start);
		ck_assert_uint_eq(a->attr.is_color, b->attr.is_color);
		ck_assert_int_eq(x->glyphs.log_clusters[i],
		    y->glyphs.log_clusters[i]);
	}
}

/* Whether two paragraphs are cut and shaped alike, piece by piece. */
static void
assert_same_para(const struct para *x, const struct para *y)
{
	guint i;

	ck_assert_uint_eq(x->nitems, y->nitems);
	ck_assert_uint_eq(x->npieces, y->npieces);
	for (i = 0; i < x->npieces; i++) {
		ck_assert_uint_eq(x->pieces[i].start, y->pieces[i].start);
		assert_same_word(x->pieces[i].sh, y->pieces[i].sh);
	}
}

/* The piece of pa whose text is word. */
static const struct shaped *
piece_of(const struct para *pa, const char *word)
{
	guint i;

	for (i = 0; i < pa->npieces; i++)
		if (pa->pieces[i].sh->len == strlen(word) && memcmp(
		    pa->pieces[i].sh->text, word, strlen(word)) == 0)
			return pa->pieces[i].sh;
	ck_abort_msg("no piece '%s'", word);
	return NULL;
}

/*
 * Words saved, then loaded by another shaper, set a paragraph as
 * shaping it would, and the sun is said to be in none of the style's
 * fonts alike; saved again, they are as many bytes.  A shaper that sets
 * fewer words keeps only those.
 */
START_TEST(test_shaper_kept_words)
{
	struct bench a, b, c;
	GBytes *kept, *again, *fewer;
	const struct diag *da, *db;
	guint i;

	bench_open(&a, NULL);
	bench_set(&a, mixed);
	ck_assert(shaper_changed(a.p->shaper));
	kept = bench_save(&a);
	ck_assert(bench_open(&b, kept));
	bench_set(&b, mixed);
	assert_same_para(a.pa, b.pa);
	ck_assert(!shaper_changed(b.p->shaper));
	shaper_report(a.p->shaper);
	shaper_report(b.p->shaper);
	ck_assert_int_ge(a.d.count[DIAG_WARNING], 1);
	ck_assert_uint_eq(a.d.list->len, b.d.list->len);
	for (i = 0; i < a.d.list->len; i++) {
		da = &g_array_index(a.d.list, struct diag, i);
		db = &g_array_index(b.d.list, struct diag, i);
		ck_assert_str_eq(da->msg, db->msg);
	}
	ck_assert_int_eq(shaper_complete(a.p->shaper),
	    shaper_complete(b.p->shaper));
	again = bench_save(&b);
	ck_assert_uint_eq(g_bytes_get_size(again), g_bytes_get_size(kept));

	ck_assert(bench_open(&c, kept));
	bench_set(&c, "The miller");
	ck_assert(shaper_changed(c.p->shaper));
	fewer = bench_save(&c);
	ck_assert_uint_gt(g_bytes_get_size(fewer), 0);
	ck_assert_uint_lt(g_bytes_get_size(fewer), g_bytes_get_size(kept));
	g_bytes_unref(fewer);
	g_bytes_unref(again);
	g_bytes_unref(kept);
	bench_close(&c);
	bench_close(&b);
	bench_close(&a);
}
END_TEST

/* The kept bytes of the latin text, and its paragraph shaped afresh. */
static GBytes *
latin_kept(struct bench *fresh)
{
	bench_open(fresh, NULL);
	bench_set(fresh, latin);
	return bench_save(fresh);
}

/* bytes with the 32 bits at off set to v. */
static GBytes *
with_u32(GBytes *bytes, gsize off, guint32 v)
{
	gsize len;
	const guchar *data = g_bytes_get_data(bytes, &len);
	guchar *p = g_memdup2(data, len);

	ck_assert_uint_le(off + sizeof(v), len);
	memcpy(p + off, &v, sizeof(v));
	return g_bytes_new_take(p, len);
}

/* Where in bytes the glyphs of word begin, past its text. */
static gsize
glyphs_of(GBytes *bytes, const char *word)
{
	gsize len, n = strlen(word), at;
	const guchar *p = g_bytes_get_data(bytes, &len);

	for (at = 0; at + n <= len && memcmp(p + at, word, n) != 0; at++)
		continue;
	ck_assert_uint_le(at + n, len);
	return at + n;
}

/*
 * The kept words are the ones set: a width changed in the kept bytes
 * is the width the paragraph is set with.  The same bytes under a font
 * id that is not this font's are not taken: the word is shaped again.
 */
START_TEST(test_shaper_kept_font)
{
	struct bench fresh, b;
	GBytes *kept, *wider, *other;
	const guchar *data;
	guint32 width;
	gsize at, len;
	guchar *p;

	kept = latin_kept(&fresh);
	at = glyphs_of(kept, "orchard") + 4;	/* the first glyph's width */
	memcpy(&width, (const guchar *)g_bytes_get_data(kept, NULL) + at,
	    sizeof(width));
	wider = with_u32(kept, at, width + 1000);
	ck_assert(bench_open(&b, wider));
	bench_set(&b, latin);
	ck_assert_int_eq(piece_of(b.pa, "orchard")->width,
	    piece_of(fresh.pa, "orchard")->width + 1000);
	bench_close(&b);

	data = g_bytes_get_data(wider, &len);
	p = g_memdup2(data, len);
	p[FONT_ID] = p[FONT_ID] == '0' ? '1' : '0';
	other = g_bytes_new_take(p, len);
	ck_assert(bench_open(&b, other));
	bench_set(&b, latin);
	assert_same_para(fresh.pa, b.pa);
	bench_close(&b);
	g_bytes_unref(other);
	g_bytes_unref(wider);
	g_bytes_unref(kept);
	bench_close(&fresh);
}
END_TEST

/*
 * Kept bytes cut short anywhere, with a byte more, with a length, a
 * count or a cluster out of range, with text that is not UTF-8, or
 * made of noise, are refused whole, and the words are shaped again.
 */
START_TEST(test_shaper_kept_damaged)
{
	struct bench fresh, b;
	GBytes *kept, *bad[7];
	const guchar *data;
	GRand *noise = g_rand_new_with_seed(7);
	gsize len, cut, at;
	guchar *p;
	guint i;

	kept = latin_kept(&fresh);
	data = g_bytes_get_data(kept, &len);
	bench_open(&b, NULL);
	for (cut = 0; cut < len; cut++) {
		bad[0] = g_bytes_new(data, cut);
		ck_assert(!shaper_load(b.p->shaper, bad[0]));
		g_bytes_unref(bad[0]);
	}
	p = g_malloc0(len + 1);
	memcpy(p, data, len);
	bad[0] = g_bytes_new_take(p, len + 1);
	at = glyphs_of(kept, "orchard");
	bad[1] = with_u32(kept, at + 16, 7);	/* a cluster past "orchard" */
	bad[2] = with_u32(kept, FIRST_WORD, G_MAXUINT32);	/* its length */
	bad[3] = with_u32(kept, FIRST_WORD + 4, G_MAXUINT32);	/* glyphs */
	bad[4] = with_u32(kept, 0, G_MAXUINT32);	/* the fonts' count */
	bad[5] = with_u32(kept, FONT_ID - 4, G_MAXUINT32);	/* id's length */
	p = g_memdup2(data, len);
	p[FIRST_WORD + 8] = 0xff;	/* the first word's first byte */
	bad[6] = g_bytes_new_take(p, len);
	for (i = 0; i < G_N_ELEMENTS(bad); i++) {
		ck_assert_msg(!shaper_load(b.p->shaper, bad[i]), "bad[%u]", i);
		g_bytes_unref(bad[i]);
	}
	for (i = 0; i < 256; i++) {
		gsize n = (gsize)g_rand_int_range(noise, 0, 4096);

		p = g_malloc(n + 1);
		for (cut = 0; cut < n; cut++)
			p[cut] = (guchar)g_rand_int_range(noise, 0, 256);
		bad[0] = g_bytes_new_take(p, n);
		ck_assert(!shaper_load(b.p->shaper, bad[0]));
		g_bytes_unref(bad[0]);
	}
	bench_set(&b, latin);
	assert_same_para(fresh.pa, b.pa);
	bench_close(&b);
	g_rand_free(noise);
	g_bytes_unref(kept);
	bench_close(&fresh);
}
END_TEST

/* text, then n words of its own, each set apart: "tail0 tail1 …". */
static char *
with_tail(const char *text, int n)
{
	GString *s = g_string_new(text);
	int i;

	for (i = 0; i < n; i++)
		g_string_append_printf(s, " tail%d", i);
	return g_string_free(s, FALSE);
}

/*
 * Words that differ from those loaded by a hundredth of them or less
 * (here one new word in some three hundred) leave the kept bytes to
 * serve; five new words, or the words of a shorter text, do not.
 */
START_TEST(test_shaper_changed)
{
	struct bench a, b;
	char *many = with_tail("", 300), *one = with_tail(many, 1);
	char *five = g_strconcat(many, " new1 new2 new3 new4 new5", NULL);
	GBytes *kept;

	bench_open(&a, NULL);
	bench_set(&a, many);
	kept = bench_save(&a);
	bench_close(&a);
	ck_assert(bench_open(&b, kept));
	bench_set(&b, one);
	ck_assert(!shaper_changed(b.p->shaper));
	bench_close(&b);
	ck_assert(bench_open(&b, kept));
	bench_set(&b, five);
	ck_assert(shaper_changed(b.p->shaper));
	bench_close(&b);
	ck_assert(bench_open(&b, kept));
	bench_set(&b, many + 100);
	ck_assert(shaper_changed(b.p->shaper));
	bench_close(&b);
	g_bytes_unref(kept);
	g_free(five);
	g_free(one);
	g_free(many);
}
END_TEST

Suite *
shaper_suite(void)
{
	Suite *s = suite_create("shaper");
	TCase *tc = tcase_create("kept");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_shaper_kept_words);
	tcase_add_test(tc, test_shaper_kept_font);
	tcase_add_test(tc, test_shaper_kept_damaged);
	tcase_add_test(tc, test_shaper_changed);
	suite_add_tcase(s, tc);
	return s;
}
