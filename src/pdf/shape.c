/*
 * shape.c — itemizing paragraphs and shaping their words through a
 * cache, so each word is shaped once per font in the whole book, and
 * once per font over the builds that keep the cache (shaper_save).
 */
#include <string.h>

#include <hb.h>
#include <pango/pangofc-font.h>

#include "bytes.h"
#include "out/digest.h"
#include "shape.h"

/* What shaping depends on besides the text. */
struct fontkey {
	PangoFont	*font;
	int		 script;
	int		 level;
};

/*
 * For each glyph of a font file, the character a PDF reader takes it
 * for when it is drawn without its text: the lowest that the character
 * map gives it (as Cairo's ToUnicode does), or 0.
 */
struct reverse {
	gunichar	*of;		/* indexed by glyph */
	unsigned	 glyphs;
};

/* The words shaped in one font. */
struct fontcache {
	struct fontkey	 key;		/* holds a reference on the font */
	char		*id;		/* what its shaping depends on,
					   digested (font_id), or NULL: its
					   words are not kept */
	GHashTable	*words;		/* struct shaped *, by their text */
	struct shaped	*hyphen;	/* "-", when first asked for */
	gboolean	 fallback;	/* not a family the style names */
	const struct reverse *rev;
};

/*
 * The characters of the text that the style's fonts lack: those set in
 * one other font, or (font NULL) those no font has, which print as
 * boxes.  Said once a font, at the first, when the layout is done.
 */
struct stray {
	char		*font;		/* its family, or NULL: none */
	guint		 chars;		/* how many different characters */
	gunichar	 first;
	struct srcpos	 pos;		/* where the first stands */
};

struct shaper {
	PangoContext	*pc;
	GHashTable	*fonts;		/* struct fontkey * → struct fontcache * */
	GHashTable	*reverses;	/* hb_face_t * → struct reverse * */
	GHashTable	*seen;		/* characters already counted as strays */
	GPtrArray	*strays;	/* struct stray *, a font each */
	struct stray	 missing;	/* what no font has */
	PangoGlyphString *gs;		/* what a word is shaped in, then
					   copied to its struct shaped */
	char		**families;	/* the families the style names */
	GPtrArray	*named;		/* PangoFont * of each of them */
	GHashTable	*by_id;		/* font id → a font of this build
					   (the fontcache's), for para_kept */
	GHashTable	*kept;		/* font id → the words a build before
					   set in it, until a font takes them;
					   or NULL */
	guint		 loaded;	/* words shaper_load gave */
	guint		 reused;	/* of them, those set in this build */
	guint		 fresh;		/* words shaped in this build, in
					   fonts that can be kept */
	struct diags	*d;
};

/* The words set may differ from those loaded by a hundredth of them,
 * and the kept ones still serve (shaper_changed). */
#define CHANGED_PART	100

static guint
fontkey_hash(gconstpointer p)
{
	const struct fontkey *k = p;

	return g_direct_hash(k->font) ^ (guint)(k->script * 31 + k->level);
}

static gboolean
fontkey_equal(gconstpointer a, gconstpointer b)
{
	const struct fontkey *x = a, *y = b;

	return x->font == y->font && x->script == y->script &&
	    x->level == y->level;
}

/* The words of a font's cache are told apart by their text. */
static guint
word_hash(gconstpointer p)
{
	const struct shaped *w = p;

	return bytes_hash(w->text, w->len);
}

static gboolean
word_equal(gconstpointer a, gconstpointer b)
{
	const struct shaped *x = a, *y = b;

	return bytes_equal(x->text, x->len, y->text, y->len);
}

static GHashTable *
words_new(void)
{
	return g_hash_table_new_full(word_hash, word_equal, g_free, NULL);
}

/*
 * A word of len bytes, s copied, with room for n glyphs: one block,
 * which g_free frees, since a book has tens of thousands.  Its text
 * comes first after the struct, so that a lookup's comparison reads the
 * cache line it has just read the length from.
 */
static struct shaped *
shaped_new(const char *s, gsize len, int n)
{
	gsize text = (len + 7) & ~(gsize)7;	/* the glyphs aligned */
	gsize glyphs = (gsize)n * sizeof(PangoGlyphInfo);
	gsize clusters = (gsize)n * sizeof(gint);
	struct shaped *w = g_malloc(sizeof(*w) + text + glyphs + clusters);
	char *at = (char *)(w + 1);

	w->text = memcpy(at, s, len);
	w->glyphs.num_glyphs = w->glyphs.space = n;
	w->glyphs.glyphs = (PangoGlyphInfo *)(void *)(at + text);
	w->glyphs.log_clusters = (gint *)(void *)(at + text + glyphs);
	w->len = (guint)len;
	w->width = 0;
	w->plain = w->used = FALSE;
	return w;
}

static void
reverse_free(gpointer p)
{
	struct reverse *r = p;

	g_free(r->of);
	g_free(r);
}

/* The reverse map of a font's file, made on first use. */
static const struct reverse *
reverse_get(struct shaper *sh, PangoFont *font)
{
	hb_font_t *hb = pango_font_get_hb_font(font);
	hb_face_t *face = hb != NULL ? hb_font_get_face(hb) : NULL;
	struct reverse *r = g_hash_table_lookup(sh->reverses, face);
	hb_set_t *set;
	hb_codepoint_t c = HB_SET_VALUE_INVALID, g;

	if (r != NULL || face == NULL)
		return r;
	r = g_new0(struct reverse, 1);
	r->glyphs = hb_face_get_glyph_count(face);
	r->of = g_new0(gunichar, r->glyphs + 1);
	set = hb_set_create();
	hb_face_collect_unicodes(face, set);
	while (hb_set_next(set, &c))
		if (hb_font_get_nominal_glyph(hb, c, &g) && g < r->glyphs &&
		    r->of[g] == 0)
			r->of[g] = c;
	hb_set_destroy(set);
	g_hash_table_insert(sh->reverses, face, r);
	return r;
}

/*
 * Whether a shaped word can be drawn without its text (which Cairo
 * makes costly) and still be read back: one glyph per character, in
 * order, each the glyph its character maps to and back.
 */
static gboolean
is_plain(const struct reverse *rev, const char *s, gsize len,
    const PangoGlyphString *g)
{
	const char *p = s;
	int i;

	if (rev == NULL)
		return FALSE;
	for (i = 0; i < g->num_glyphs; i++, p = g_utf8_next_char(p)) {
		PangoGlyph gl = g->glyphs[i].glyph;

		if (p >= s + len || g->log_clusters[i] != p - s ||
		    gl >= rev->glyphs || rev->of[gl] != g_utf8_get_char(p))
			return FALSE;
	}
	return p == s + len;
}

static void
fontcache_free(gpointer p)
{
	struct fontcache *fc = p;

	g_hash_table_destroy(fc->words);
	g_free(fc->hyphen);
	g_free(fc->id);
	g_object_unref(fc->key.font);
	g_free(fc);
}

static void
stray_free(gpointer p)
{
	struct stray *st = p;

	g_free(st->font);
	g_free(st);
}

struct shaper *
shaper_new(PangoContext *pc, const char *const *families, struct diags *d)
{
	struct shaper *sh = g_new0(struct shaper, 1);
	const char *const *f;

	sh->pc = pc;
	sh->fonts = g_hash_table_new_full(fontkey_hash, fontkey_equal, NULL,
	    fontcache_free);
	sh->reverses = g_hash_table_new_full(g_direct_hash, g_direct_equal,
	    NULL, reverse_free);
	sh->seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	sh->by_id = g_hash_table_new(g_str_hash, g_str_equal);
	sh->strays = g_ptr_array_new_with_free_func(stray_free);
	sh->gs = pango_glyph_string_new();
	sh->families = g_strdupv((char **)families);
	sh->named = g_ptr_array_new_with_free_func(g_object_unref);
	for (f = families; *f != NULL; f++) {
		PangoFontDescription *fd = pango_font_description_new();
		PangoFont *font;

		pango_font_description_set_family(fd, *f);
		pango_font_description_set_absolute_size(fd, 10 * PANGO_SCALE);
		if ((font = pango_context_load_font(pc, fd)) != NULL)
			g_ptr_array_add(sh->named, font);
		pango_font_description_free(fd);
	}
	sh->d = d;
	return sh;
}

void
shaper_free(struct shaper *sh)
{
	if (sh == NULL)
		return;
	g_hash_table_destroy(sh->by_id);
	g_hash_table_destroy(sh->fonts);
	g_hash_table_destroy(sh->reverses);
	g_hash_table_destroy(sh->seen);
	g_ptr_array_free(sh->strays, TRUE);
	pango_glyph_string_free(sh->gs);
	g_strfreev(sh->families);
	g_ptr_array_free(sh->named, TRUE);
	if (sh->kept != NULL)
		g_hash_table_destroy(sh->kept);
	g_free(sh);
}

PangoFontDescription *
press_font(const struct font *f, PangoStyle slant, PangoVariant variant)
{
	PangoFontDescription *fd = pango_font_description_new();

	/* Set field by field: "EB Garamond 12" as a string is a size. */
	pango_font_description_set_family(fd, f->family);
	pango_font_description_set_absolute_size(fd, f->size * PANGO_SCALE);
	pango_font_description_set_style(fd, slant);
	pango_font_description_set_variant(fd, variant);
	return fd;
}

/*
 * Whether font is one the style asked for: fontconfig's family may be
 * shorter ("EB Garamond") than the style's ("EB Garamond 12").  A
 * monospaced font is what code asks for.
 */
static gboolean
font_named(const struct shaper *sh, PangoFont *font)
{
	PangoFontDescription *fd = pango_font_describe(font);
	const char *fam = pango_font_description_get_family(fd);
	PangoFontFace *face = pango_font_get_face(font);
	gboolean named = face != NULL && pango_font_family_is_monospace(
	    pango_font_face_get_family(face));
	char **f;

	for (f = sh->families; fam != NULL && *f != NULL && !named; f++)
		named = g_str_has_prefix(*f, fam) || g_str_has_prefix(fam, *f);
	pango_font_description_free(fd);
	return named;
}

/*
 * What shaping a word in item's font depends on, besides the word and
 * what the key the words are kept under holds (this octavo, the Pango
 * and HarfBuzz it runs with, the print style), digested: the font's
 * file as it is now (its path, size and time), its fontconfig pattern
 * (the face in the file, the size, matrix, variations and features
 * asked for; not its characters and languages, the file's and the
 * bulk of it), its description with its size (the variant, the
 * gravity), the OpenType features Pango shapes with, and the item's
 * script, direction and language.  The attributes para_new is given
 * change shaping only through the font they choose (family, slant,
 * weight, scale) or not at all (rise).  NULL if the font is no file
 * here: its words are then not kept.
 */
static char *
font_id(PangoFont *font, const PangoAnalysis *a)
{
	hb_feature_t features[64];
	char feature[128], *desc;
	int sl[2] = { a->script, a->level };
	PangoFontDescription *fd;
	FcPattern *pat;
	FcChar8 *file, *name;
	GChecksum *sum;
	guint i, n = 0;

	if (!PANGO_IS_FC_FONT(font) || (pat = pango_fc_font_get_pattern(
	    PANGO_FC_FONT(font))) == NULL || FcPatternGetString(pat, FC_FILE,
	    0, &file) != FcResultMatch)
		return NULL;
	sum = g_checksum_new(G_CHECKSUM_SHA256);
	pat = FcPatternDuplicate(pat);
	FcPatternDel(pat, FC_CHARSET);
	FcPatternDel(pat, FC_LANG);
	if (!digest_stat(sum, (const char *)file) ||
	    (name = FcNameUnparse(pat)) == NULL) {
		FcPatternDestroy(pat);
		g_checksum_free(sum);
		return NULL;
	}
	FcPatternDestroy(pat);
	digest_string(sum, (const char *)name);
	FcStrFree(name);
	fd = pango_font_describe_with_absolute_size(font);
	desc = pango_font_description_to_string(fd);
	digest_string(sum, desc);
	g_free(desc);
	pango_font_description_free(fd);
	pango_font_get_features(font, features, G_N_ELEMENTS(features), &n);
	for (i = 0; i < n; i++) {
		hb_feature_to_string(&features[i], feature, sizeof(feature));
		digest_string(sum, feature);
	}
	digest_bytes(sum, sl, sizeof(sl));
	digest_string(sum, pango_language_to_string(a->language));
	return digest_finish(sum);
}

/*
 * The words set in fc's font by the build before, if it kept them and
 * the font is the same, each told plain or not by this font's map as
 * shape tells it; else a new table.
 */
static GHashTable *
kept_words(struct shaper *sh, const struct fontcache *fc)
{
	GHashTableIter it;
	gpointer id, words, w;

	if (fc->id == NULL || sh->kept == NULL ||
	    !g_hash_table_steal_extended(sh->kept, fc->id, &id, &words))
		return words_new();
	g_free(id);
	g_hash_table_iter_init(&it, words);
	while (g_hash_table_iter_next(&it, &w, NULL)) {
		struct shaped *sw = w;

		sw->plain = is_plain(fc->rev, sw->text, sw->len, &sw->glyphs);
	}
	return words;
}

static struct fontcache *
fontcache_get(struct shaper *sh, const PangoItem *item)
{
	struct fontkey k = { item->analysis.font, item->analysis.script,
	    item->analysis.level };
	struct fontcache *fc = g_hash_table_lookup(sh->fonts, &k);

	if (fc != NULL)
		return fc;
	fc = g_new0(struct fontcache, 1);
	fc->key = k;
	g_object_ref(k.font);
	fc->id = font_id(k.font, &item->analysis);
	fc->fallback = !font_named(sh, k.font);
	fc->rev = reverse_get(sh, k.font);
	fc->words = kept_words(sh, fc);
	g_hash_table_insert(sh->fonts, &fc->key, fc);
	if (fc->id != NULL)
		g_hash_table_insert(sh->by_id, fc->id, k.font);
	return fc;
}

/*
 * s (len bytes) shaped in item's font: in the shaper's glyph string,
 * then copied into a word of its own (shaped_new).
 */
static struct shaped *
shape(struct shaper *sh, const char *s, gsize len, const PangoItem *item,
    const struct reverse *rev)
{
	PangoGlyphString *gs = sh->gs;
	struct shaped *w;

	pango_shape_with_flags(s, (int)len, s, (int)len, &item->analysis, gs,
	    PANGO_SHAPE_NONE);
	w = shaped_new(s, len, gs->num_glyphs);
	memcpy(w->glyphs.glyphs, gs->glyphs, (gsize)gs->num_glyphs *
	    sizeof(PangoGlyphInfo));
	memcpy(w->glyphs.log_clusters, gs->log_clusters,
	    (gsize)gs->num_glyphs * sizeof(gint));
	w->width = pango_glyph_string_get_width(gs);
	w->plain = is_plain(rev, s, len, gs);
	return w;
}

/* The glyphs of s (len bytes) in item's font, shaped on first use. */
static const struct shaped *
lookup(struct shaper *sh, struct fontcache *fc, const char *s, gsize len,
    const PangoItem *item)
{
	struct shaped key, *w;

	key.text = s;
	key.len = (guint)len;
	w = g_hash_table_lookup(fc->words, &key);
	if (w == NULL) {
		w = shape(sh, s, len, item, fc->rev);
		g_hash_table_add(fc->words, w);
		if (fc->id != NULL)	/* else never kept, never new */
			sh->fresh++;
	} else if (!w->used)
		sh->reused++;
	w->used = TRUE;
	return w;
}

const struct shaped *
shaper_hyphen(struct shaper *sh, const PangoItem *item)
{
	struct fontcache *fc = fontcache_get(sh, item);

	if (fc->hyphen == NULL)
		fc->hyphen = shape(sh, "-", 1, item, fc->rev);
	return fc->hyphen;
}

/*
 * The words kept between builds (shaper_save) are, in this machine's
 * byte order: the fonts' count; then for each font its id's length and
 * its id (font_id), its words' count and its words; for each word its
 * length in bytes, its glyphs' count, its text, and each glyph in
 * GLYPH_BYTES: the glyph, its width, its x and y offsets and its
 * cluster (4 bytes each), and its visual attributes (a byte).  A
 * word's width and whether it is plain are not kept but worked out
 * again, as shape does.
 */
#define GLYPH_BYTES	21

/* The bytes put_word writes for w. */
static gsize
word_bytes(const struct shaped *w)
{
	return 2 * sizeof(guint32) + w->len +
	    (gsize)w->glyphs.num_glyphs * GLYPH_BYTES;
}

/* A word, its room made at once: a book has a hundred thousand glyphs. */
static void
put_word(GString *out, const struct shaped *w)
{
	guint32 head[2] = { w->len, (guint32)w->glyphs.num_glyphs };
	gsize at = out->len;
	guchar *g;
	int i;

	g_string_set_size(out, at + word_bytes(w));
	g = (guchar *)out->str + at;
	memcpy(g, head, sizeof(head));
	memcpy(g + sizeof(head), w->text, w->len);
	g += sizeof(head) + w->len;
	for (i = 0; i < w->glyphs.num_glyphs; i++, g += GLYPH_BYTES) {
		const PangoGlyphInfo *gi = &w->glyphs.glyphs[i];
		gint32 v[5] = { (gint32)gi->glyph, gi->geometry.width,
		    gi->geometry.x_offset, gi->geometry.y_offset,
		    w->glyphs.log_clusters[i] };

		memcpy(g, v, sizeof(v));
		g[sizeof(v)] = (guchar)(gi->attr.is_cluster_start |
		    gi->attr.is_color << 1);
	}
}

/*
 * The words of fc set in this build, after the others: returns whether
 * there were any (if not, nothing is added).
 */
static gboolean
put_font(GString *out, const struct fontcache *fc)
{
	GHashTableIter it;
	gpointer w;
	gsize start = out->len, count;
	guint32 n = 0;

	if (fc->id == NULL)
		return FALSE;
	bytes_put_counted(out, fc->id, strlen(fc->id));
	count = out->len;
	bytes_put_u32(out, 0);
	g_hash_table_iter_init(&it, fc->words);
	while (g_hash_table_iter_next(&it, &w, NULL))
		if (((const struct shaped *)w)->used) {
			put_word(out, w);
			n++;
		}
	if (n == 0)
		g_string_truncate(out, start);
	else
		memcpy(out->str + count, &n, sizeof(n));
	return n > 0;
}

/*
 * The bytes shaper_save writes, at most (a font without a word set in
 * this build is not written): some megabytes, made room for at once,
 * since fresh pages cost more than the copying.
 */
static gsize
save_bytes(const struct shaper *sh)
{
	GHashTableIter fi, wi;
	gpointer p, w;
	gsize n = sizeof(guint32);

	g_hash_table_iter_init(&fi, sh->fonts);
	while (g_hash_table_iter_next(&fi, NULL, &p)) {
		const struct fontcache *fc = p;

		if (fc->id == NULL)
			continue;
		n += 2 * sizeof(guint32) + strlen(fc->id);
		g_hash_table_iter_init(&wi, fc->words);
		while (g_hash_table_iter_next(&wi, &w, NULL))
			if (((const struct shaped *)w)->used)
				n += word_bytes(w);
	}
	return n;
}

GBytes *
shaper_save(const struct shaper *sh)
{
	GString *out = g_string_sized_new(save_bytes(sh));
	GHashTableIter it;
	gpointer fc;
	guint32 fonts = 0;

	bytes_put_u32(out, 0);
	g_hash_table_iter_init(&it, sh->fonts);
	while (g_hash_table_iter_next(&it, NULL, &fc))
		fonts += put_font(out, fc);
	memcpy(out->str, &fonts, sizeof(fonts));
	return g_string_free_to_bytes(out);
}

/*
 * The next word, as put_word writes it; NULL if the bytes are too few
 * or are no word: its text not UTF-8, a glyph's cluster outside it.
 */
static struct shaped *
read_word(struct bytes_reader *r)
{
	const guchar *text, *g;
	guint32 len, n, i;
	struct shaped *w;

	if (!bytes_read_u32(r, &len) || !bytes_read_u32(r, &n) ||
	    (text = bytes_read(r, len)) == NULL ||
	    n > r->left / GLYPH_BYTES ||
	    !g_utf8_validate_len((const char *)text, len, NULL))
		return NULL;
	g = bytes_read(r, (gsize)n * GLYPH_BYTES);
	w = shaped_new((const char *)text, len, (int)n);
	for (i = 0; i < n; i++, g += GLYPH_BYTES) {
		PangoGlyphInfo *gi = &w->glyphs.glyphs[i];
		gint32 v[5];

		memcpy(v, g, sizeof(v));
		if (v[4] < 0 || (guint32)v[4] >= len) {
			g_free(w);
			return NULL;
		}
		gi->glyph = (PangoGlyph)v[0];
		gi->geometry.width = v[1];
		gi->geometry.x_offset = v[2];
		gi->geometry.y_offset = v[3];
		gi->attr.is_cluster_start = g[sizeof(v)] & 1;
		gi->attr.is_color = g[sizeof(v)] >> 1 & 1;
		w->glyphs.log_clusters[i] = v[4];
	}
	w->width = pango_glyph_string_get_width(&w->glyphs);
	return w;
}

/* The next font's words, as put_font writes them, into fonts. */
static gboolean
read_font(struct bytes_reader *r, GHashTable *fonts)
{
	const guchar *id;
	guint32 len, n, i;
	GHashTable *words;
	struct shaped *w;

	if (!bytes_read_u32(r, &len) || (id = bytes_read(r, len)) == NULL ||
	    !bytes_read_u32(r, &n))
		return FALSE;
	words = words_new();
	g_hash_table_insert(fonts, g_strndup((const char *)id, len), words);
	for (i = 0; i < n; i++) {
		if ((w = read_word(r)) == NULL)
			return FALSE;
		g_hash_table_add(words, w);
	}
	return TRUE;
}

gboolean
shaper_load(struct shaper *sh, GBytes *kept)
{
	GHashTable *fonts;
	GHashTableIter it;
	gpointer words;
	struct bytes_reader r;
	guint32 n, i;
	gboolean ok;

	g_return_val_if_fail(g_hash_table_size(sh->fonts) == 0, FALSE);
	r.at = g_bytes_get_data(kept, &r.left);
	fonts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    (GDestroyNotify)g_hash_table_destroy);
	ok = bytes_read_u32(&r, &n);
	for (i = 0; ok && i < n; i++)
		ok = read_font(&r, fonts);
	if (!ok || r.left > 0) {
		g_hash_table_destroy(fonts);
		return FALSE;
	}
	if (sh->kept != NULL)
		g_hash_table_destroy(sh->kept);
	sh->kept = fonts;
	sh->loaded = 0;
	g_hash_table_iter_init(&it, fonts);
	while (g_hash_table_iter_next(&it, NULL, &words))
		sh->loaded += g_hash_table_size(words);
	return TRUE;
}

gboolean
shaper_changed(const struct shaper *sh)
{
	guint unused = sh->loaded - sh->reused;

	return sh->loaded == 0 ||
	    ((guint64)sh->fresh + unused) * CHANGED_PART > sh->loaded;
}

/* Whether some glyph is the box of a character no font has. */
static gboolean
has_unknown(const struct shaped *w)
{
	int i;

	for (i = 0; i < w->glyphs.num_glyphs; i++)
		if (w->glyphs.glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
			return TRUE;
	return FALSE;
}

/* Whether one of the style's fonts has c. */
static gboolean
named_has(const struct shaper *sh, gunichar c)
{
	guint i;

	for (i = 0; i < sh->named->len; i++)
		if (pango_font_has_char(g_ptr_array_index(sh->named, i), c))
			return TRUE;
	return FALSE;
}

/* Counts c among the strays of font (NULL: of none), once. */
static void
count_stray(struct shaper *sh, const char *font, gunichar c,
    struct srcpos pos)
{
	struct stray *st = font == NULL ? &sh->missing : NULL;
	guint i;

	for (i = 0; st == NULL && i < sh->strays->len; i++)
		if (strcmp(((struct stray *)g_ptr_array_index(sh->strays,
		    i))->font, font) == 0)
			st = g_ptr_array_index(sh->strays, i);
	if (st == NULL) {
		st = g_new0(struct stray, 1);
		st->font = g_strdup(font);
		g_ptr_array_add(sh->strays, st);
	}
	if (st->chars++ == 0) {
		st->first = c;
		st->pos = pos;
	}
}

/*
 * Counts the characters of a piece (s, len bytes, shaped as w) that the
 * style's fonts lack: set in the item's font, or boxes where no font
 * has them.  Characters that are never drawn (a joiner, a variation
 * selector) and those a style's font has (a stop after a word of
 * another script, itemized with it) are not counted.
 */
static void
note_strays(struct shaper *sh, const PangoItem *item, const char *s,
    gsize len, const struct shaped *w, gboolean fallback,
    struct srcpos pos)
{
	PangoFontDescription *fd = pango_font_describe(item->analysis.font);
	const char *p;
	int i;

	for (i = 0; i < w->glyphs.num_glyphs; i++) {
		gunichar c;

		if (!(w->glyphs.glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG))
			continue;
		c = g_utf8_get_char(s + w->glyphs.log_clusters[i]);
		if (g_hash_table_add(sh->seen, GUINT_TO_POINTER(c)))
			count_stray(sh, NULL, c, pos);
	}
	for (p = s; fallback && p < s + len; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_iszerowidth(c) ||
		    g_unichar_type(c) == G_UNICODE_FORMAT || named_has(sh, c) ||
		    !g_hash_table_add(sh->seen, GUINT_TO_POINTER(c)))
			continue;
		count_stray(sh, pango_font_description_get_family(fd), c, pos);
	}
	pango_font_description_free(fd);
}

/*
 * "'x' (U+0078)", and how many more: what a stray's diagnostic begins
 * with.  Returns a new string.
 */
static char *
stray_chars(const struct stray *st)
{
	char first[8] = "";

	g_unichar_to_utf8(st->first, first);
	if (st->chars == 1)
		return g_strdup_printf("'%s' (U+%04X) is", first, st->first);
	return g_strdup_printf("'%s' (U+%04X) and %u other character%s after "
	    "it are", first, st->first, st->chars - 1, st->chars > 2 ? "s" :
	    "");
}

void
shaper_report(struct shaper *sh)
{
	guint i;

	for (i = 0; i < sh->strays->len; i++) {
		const struct stray *st = g_ptr_array_index(sh->strays, i);
		char *what = stray_chars(st);

		diag_add(sh->d, DIAG_WARNING, st->pos, "%s in none of the "
		    "style's fonts, and set in %s; name a font in the style "
		    "that has %s", what, st->font, st->chars > 1 ? "them" :
		    "it");
		g_free(what);
	}
}

gboolean
shaper_complete(const struct shaper *sh)
{
	return sh->missing.chars == 0;
}

int
shaper_drawable(const struct shaper *sh, struct diags *d)
{
	char *what;

	if (sh->missing.chars == 0)
		return 0;
	what = stray_chars(&sh->missing);
	diag_add(d, DIAG_ERROR, sh->missing.pos, "%s in no font on this "
	    "machine: the PDF would print a box for each; install a font "
	    "that has %s (fc-list ':charset=%04x' lists those that do), or "
	    "take %s out of the text", what, sh->missing.chars > 1 ? "them" :
	    "it", sh->missing.first, sh->missing.chars > 1 ? "them" : "it");
	g_free(what);
	return -1;
}

enum class { WORD, SPACE, TIE };

/* The longest piece of a word, in bytes: a longer run of letters is cut
 * into pieces, so that the line breaker's work on it stays bounded. */
#define PIECE_MAX	512

static enum class
classify(gunichar c)
{
	return c == ' ' ? SPACE : c == 0x00A0 ? TIE : WORD;
}

/* The character at p: ASCII, most of any text, read without decoding. */
static inline gunichar
char_at(const char *p)
{
	return (guchar)*p < 0x80 ? (guchar)*p : g_utf8_get_char(p);
}

/*
 * Where a piece of class cls that begins at at ends, before end: where
 * the class changes, or, for a word longer than PIECE_MAX bytes (no
 * word, but a hostile run of letters), at a character that is no mark
 * past that length: *cut says the piece after goes on with the word.
 */
static guint
run_end(const char *text, guint at, guint end, enum class cls,
    gboolean *cut)
{
	guint p = at;

	*cut = FALSE;
	while (p < end && classify(char_at(text + p)) == cls) {
		if (cls == WORD && p - at >= PIECE_MAX &&
		    !g_unichar_ismark(g_utf8_get_char(text + p))) {
			*cut = TRUE;
			break;
		}
		p = (guint)(g_utf8_next_char(text + p) - text);
	}
	return p;
}

/* How many pieces cut_item cuts item i into. */
static guint
count_pieces(const struct para *pa, guint i)
{
	const PangoItem *item = pa->items[i];
	guint at = (guint)item->offset, end = at + (guint)item->length, n;
	gboolean cut;

	for (n = 0; at < end; n++)
		at = run_end(pa->text, at, end, classify(char_at(pa->text +
		    at)), &cut);
	return n;
}

/*
 * Cuts item i into pieces of one class each, shaped through the cache,
 * after the paragraph's pieces so far (which have room for them).
 */
static void
cut_item(struct shaper *sh, struct para *pa, guint i, struct srcpos pos)
{
	const PangoItem *item = pa->items[i];
	struct fontcache *fc = fontcache_get(sh, item);
	const char *text = pa->text;
	guint at = (guint)item->offset, end = at + (guint)item->length;
	gboolean cut = FALSE;

	while (at < end) {
		enum class cls = classify(char_at(text + at));
		struct piece *pc = &pa->pieces[pa->npieces++];
		gboolean cont = cut;
		guint to = run_end(text, at, end, cls, &cut);

		*pc = (struct piece){ at, i, cls == SPACE, cls == TIE, cont,
		    lookup(sh, fc, text + at, to - at, item) };
		if ((fc->fallback || has_unknown(pc->sh)) && cls == WORD)
			note_strays(sh, item, text + at, to - at, pc->sh,
			    fc->fallback, pos);
		at = to;
	}
}

/* A paragraph of text (len bytes), its anchors copied, no items yet. */
static struct para *
para_begin(const char *text, gsize len, const GArray *anchors)
{
	struct para *pa = g_new0(struct para, 1);

	pa->refs = 1;
	pa->text = g_strndup(text, len);
	pa->anchors = g_array_new(FALSE, FALSE, sizeof(struct anchor));
	if (anchors != NULL)
		g_array_append_vals(pa->anchors, anchors->data, anchors->len);
	return pa;
}

/* pa's items cut into pieces, each shaped through the cache. */
static void
para_cut(struct shaper *sh, struct para *pa, struct srcpos pos)
{
	guint i, n;

	/* Counted first, then cut into an array of their size: grown by
	 * doubling, each paragraph's held a third more (they are the
	 * largest part of a book's layout), and a paragraph of a million
	 * words was copied at each doubling. */
	for (i = 0, n = 0; i < pa->nitems; i++)
		n += count_pieces(pa, i);
	pa->pieces = g_new(struct piece, n);
	for (i = 0; i < pa->nitems; i++)
		cut_item(sh, pa, i, pos);
}

/* text's items in the press's context, as para_new and
 * shaper_know_fonts both itemize it. */
static GList *
itemize(struct shaper *sh, const char *text, gsize len, PangoAttrList *attrs)
{
	return len > 0 ? pango_itemize(sh->pc, text, 0, (int)len, attrs,
	    NULL) : NULL;
}

struct para *
para_new(struct shaper *sh, const char *text, gsize len, PangoAttrList *attrs,
    const GArray *anchors, struct srcpos pos)
{
	struct para *pa = para_begin(text, len, anchors);
	GList *items = itemize(sh, pa->text, len, attrs), *l;
	guint i;

	pa->nitems = g_list_length(items);
	pa->items = g_new(PangoItem *, pa->nitems + 1);
	for (i = 0, l = items; l != NULL; l = l->next, i++)
		pa->items[i] = l->data;
	g_list_free(items);
	para_cut(sh, pa, pos);
	return pa;
}

void
shaper_know_fonts(struct shaper *sh, const char *text, gsize len,
    PangoAttrList *attrs)
{
	GList *items = itemize(sh, text, len, attrs), *l;

	for (l = items; l != NULL; l = l->next)
		(void)fontcache_get(sh, l->data);
	g_list_free_full(items, (GDestroyNotify)pango_item_free);
}

/* An item as para_items_save writes it, before its font's id and its
 * language, each a count of bytes and the bytes. */
struct kept_item {
	gint32		 offset, length, num_chars;
	gint32		 rise;		/* with has_rise */
	guint8		 level, gravity, flags, script;
	guint8		 has_rise, pad[3];
};

/* A string bytes_put_counted wrote, into buf; FALSE if the bytes are
 * few. */
static gboolean
read_string(struct bytes_reader *r, GString *buf)
{
	const guchar *p;
	guint32 n;

	if (!bytes_read_u32(r, &n) || (p = bytes_read(r, n)) == NULL)
		return FALSE;
	g_string_truncate(buf, 0);
	g_string_append_len(buf, (const char *)p, (gssize)n);
	return TRUE;
}

gboolean
para_items_save(struct shaper *sh, const struct para *pa, GString *out)
{
	const char *lang;
	guint i;

	bytes_put_u32(out, pa->nitems);
	for (i = 0; i < pa->nitems; i++) {
		const PangoItem *item = pa->items[i];
		const struct fontcache *fc = fontcache_get(sh, item);
		struct kept_item k = { item->offset, item->length,
		    item->num_chars, 0, item->analysis.level,
		    item->analysis.gravity, item->analysis.flags,
		    item->analysis.script, 0, { 0, 0, 0 } };
		GSList *l;

		if (fc->id == NULL)
			return FALSE;
		/* A rise is all the attributes that are not the font's
		 * (runs.c): any other and the item is not kept. */
		for (l = item->analysis.extra_attrs; l != NULL; l = l->next) {
			const PangoAttribute *a = l->data;

			if (a->klass->type != PANGO_ATTR_RISE || k.has_rise)
				return FALSE;
			k.has_rise = 1;
			k.rise = ((const PangoAttrInt *)a)->value;
		}
		bytes_put(out, &k, sizeof(k));
		bytes_put_counted(out, fc->id, strlen(fc->id));
		lang = pango_language_to_string(item->analysis.language);
		bytes_put_counted(out, lang, strlen(lang));
	}
	/* The pieces, so that the text need not be cut again: each its
	 * first byte and its item with its kind. */
	bytes_put_u32(out, pa->npieces);
	for (i = 0; i < pa->npieces; i++) {
		const struct piece *pc = &pa->pieces[i];

		bytes_put_u32(out, pc->start);
		bytes_put_u32(out, (guint32)pc->item << 3 | pc->space | pc->tie << 1 |
		    pc->cut << 2);
	}
	return TRUE;
}

/* The items para_items_save wrote, into pa; FALSE if one is damaged
 * or its font is not yet one of this build's. */
static gboolean
kept_items(struct shaper *sh, struct para *pa, gsize len,
    struct bytes_reader *r)
{
	GString *id = g_string_new(NULL), *lang = g_string_new(NULL);
	const guchar *p;
	guint32 n, i;
	gsize at = 0;
	gboolean ok;

	ok = bytes_read_u32(r, &n) && n <= r->left / sizeof(struct kept_item);
	pa->items = g_new0(PangoItem *, (ok ? n : 0) + 1);
	for (i = 0; ok && i < n; i++) {
		struct kept_item k;
		PangoFont *font;
		PangoItem *item;

		if ((p = bytes_read(r, sizeof(k))) == NULL ||
		    !read_string(r, id) || !read_string(r, lang)) {
			ok = FALSE;
			break;
		}
		memcpy(&k, p, sizeof(k));
		/* Each item where the last ended, on a character's first
		 * byte, its characters counted right: Pango asserts as much. */
		if ((font = g_hash_table_lookup(sh->by_id, id->str)) == NULL ||
		    k.length <= 0 || (gsize)k.offset != at ||
		    (gsize)k.length > len - at ||
		    !bytes_starts_char(pa->text, len, at + (gsize)k.length) ||
		    k.num_chars != g_utf8_strlen(pa->text + at, k.length)) {
			ok = FALSE;
			break;
		}
		at += (gsize)k.length;
		item = pango_item_new();
		item->offset = k.offset;
		item->length = k.length;
		item->num_chars = k.num_chars;
		item->analysis.font = g_object_ref(font);
		item->analysis.level = k.level;
		item->analysis.gravity = k.gravity;
		item->analysis.flags = k.flags;
		item->analysis.script = k.script;
		item->analysis.language = pango_language_from_string(
		    lang->str);
		if (k.has_rise)
			item->analysis.extra_attrs = g_slist_prepend(NULL,
			    pango_attr_rise_new(k.rise));
		pa->items[pa->nitems++] = item;
	}
	g_string_free(id, TRUE);
	g_string_free(lang, TRUE);
	return ok && at == len;		/* the whole text, as itemized */
}

/* A class as a kept piece's two lowest bits say it: space, tie. */
static guint32
kept_kind(enum class cls)
{
	return (cls == SPACE) | (cls == TIE) << 1;
}

/* A kept piece: its first byte, and its item << 3 with its kind. */
static void
kept_piece(const guchar *p, guint32 k, guint32 *at, guint32 *bits)
{
	memcpy(at, p + 8 * (gsize)k, sizeof(*at));
	memcpy(bits, p + 8 * (gsize)k + 4, sizeof(*bits));
}

/*
 * The pieces para_items_save wrote, into pa (its items read), each
 * looked up as cut_item does; FALSE if they are damaged: not each
 * item's in turn, from its first byte to its last.
 */
static gboolean
kept_pieces(struct shaper *sh, struct para *pa, struct bytes_reader *r,
    struct srcpos pos)
{
	const guchar *p;
	guint32 n, k, at, bits, next, nbits, item = 0;
	guint from = pa->nitems > 0 ? (guint)pa->items[0]->offset : 0;
	struct fontcache *fc = NULL;	/* the item's, got at its first piece */

	if (!bytes_read_u32(r, &n) || n > r->left / 8 || (p = bytes_read(r,
	    (gsize)n * 8)) == NULL)
		return FALSE;
	pa->pieces = g_new(struct piece, MAX(n, 1));
	for (k = 0; k < n; k++) {
		const PangoItem *it;
		struct piece *pc;
		guint end;

		kept_piece(p, k, &at, &bits);
		if (item >= pa->nitems || bits >> 3 != item || at != from)
			return FALSE;
		it = pa->items[item];
		end = (guint)it->offset + (guint)it->length;
		next = end;
		if (k + 1 < n) {
			kept_piece(p, k + 1, &next, &nbits);
			if (nbits >> 3 != item)
				next = end;
		}
		/* A piece of the kind its first character is, where the
		 * next begins on a character's first byte. */
		if (next <= at || next > end ||
		    !bytes_starts_char(pa->text, end, next) || (bits & 3) !=
		    kept_kind(classify(char_at(pa->text + at))))
			return FALSE;
		if (fc == NULL || at == (guint)it->offset)
			fc = fontcache_get(sh, it);
		pc = &pa->pieces[pa->npieces++];
		*pc = (struct piece){ at, item, bits & 1, bits >> 1 & 1,
		    bits >> 2 & 1, lookup(sh, fc, pa->text + at, next - at,
		    it) };
		if ((fc->fallback || has_unknown(pc->sh)) && !pc->space &&
		    !pc->tie)
			note_strays(sh, it, pa->text + at, next - at, pc->sh,
			    fc->fallback, pos);
		from = next;
		if (next == end && ++item < pa->nitems)
			from = (guint)pa->items[item]->offset;
	}
	return item == pa->nitems;
}

struct para *
para_kept(struct shaper *sh, const char *text, gsize len,
    const GArray *anchors, struct srcpos pos, const guint8 **at,
    const guint8 *end)
{
	struct para *pa = para_begin(text, len, anchors);
	struct bytes_reader r = { *at, (gsize)(end - *at) };

	if (!kept_items(sh, pa, len, &r) || !kept_pieces(sh, pa, &r, pos)) {
		para_unref(pa);
		return NULL;
	}
	*at = r.at;
	return pa;
}

int
piece_x(const struct piece *pc, guint at)
{
	const PangoGlyphString *g = &pc->sh->glyphs;
	int i, x = 0, rel = (int)(at - pc->start);

	if (at >= piece_end(pc))
		return pc->sh->width;
	for (i = 0; i < g->num_glyphs && g->log_clusters[i] < rel; i++)
		x += g->glyphs[i].geometry.width;
	return i < g->num_glyphs && g->log_clusters[i] == rel ? x : -1;
}

void
piece_xs(const struct piece *pc, int *xs)
{
	const PangoGlyphString *g = &pc->sh->glyphs;
	guint len = pc->sh->len, k;
	int i, x = 0;

	for (i = 1; i < g->num_glyphs; i++)
		if (g->log_clusters[i] < g->log_clusters[i - 1])
			break;
	if (i < g->num_glyphs) {	/* not in order: right to left */
		for (k = 0; k < len; k++)
			xs[k] = piece_x(pc, pc->start + k);
		return;
	}
	/* In order: byte k is at the first glyph of a cluster k or later. */
	for (i = 0, k = 0; k < len; k++) {
		for (; i < g->num_glyphs && g->log_clusters[i] < (int)k; i++)
			x += g->glyphs[i].geometry.width;
		xs[k] = i < g->num_glyphs && g->log_clusters[i] == (int)k ?
		    x : -1;
	}
}
