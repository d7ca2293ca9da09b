/*
 * finish.c — the pass over Cairo's PDF through libqpdf's C API: the
 * catalogue, each page and its links, the structure tree; then the file
 * written by libqpdf, with a deterministic ID.
 */
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>
#include <zlib.h>

#include "content.h"
#include "finish.h"
#include "tagtree.h"
#include "xmp.h"

/* The Info dictionary's string under key, as UTF-8, or NULL. */
static const char *
info(qpdf_data q, const char *key)
{
	qpdf_oh dict = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info");
	qpdf_oh v = qpdf_oh_get_key(q, dict, key);

	return qpdf_oh_is_string(q, v) ? qpdf_oh_get_utf8_value(q, v) : NULL;
}

/* The XMP packet, from the Info dictionary, as the catalogue's Metadata. */
static void
metadata(qpdf_data q, const char *language)
{
	struct xmp_info xi;
	qpdf_oh st = qpdf_oh_new_stream(q), dict;
	char *x;

	/* Each string copied: qpdf's buffer is reused by the next call. */
	char *v[8];
	const char *keys[] = { "/Title", "/Author", "/Subject", "/Keywords",
	    "/Creator", "/Producer", "/CreationDate", "/ModDate" };
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(keys); i++)
		v[i] = g_strdup(info(q, keys[i]));
	xi.title = v[0];
	xi.author = v[1];
	xi.subject = v[2];
	xi.keywords = v[3];
	xi.creator = v[4];
	xi.producer = v[5];
	xi.created = v[6];
	xi.modified = v[7];
	xi.language = language;
	x = xmp_packet(&xi);
	qpdf_oh_replace_stream_data(q, st, (const unsigned char *)x, strlen(x),
	    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	dict = qpdf_oh_get_dict(q, st);
	qpdf_oh_replace_key(q, dict, "/Type", qpdf_oh_new_name(q, "/Metadata"));
	qpdf_oh_replace_key(q, dict, "/Subtype", qpdf_oh_new_name(q, "/XML"));
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/Metadata", st);
	g_free(x);
	for (i = 0; i < G_N_ELEMENTS(v); i++)
		g_free(v[i]);
}

/* The language, the title shown for the file's name, Marked, the XMP. */
static void
catalogue(qpdf_data q, const struct finishing *f)
{
	qpdf_oh root = qpdf_get_root(q);
	qpdf_oh prefs = qpdf_oh_new_dictionary(q);
	qpdf_oh mark = qpdf_oh_new_dictionary(q);

	if (f->language != NULL)
		qpdf_oh_replace_key(q, root, "/Lang",
		    qpdf_oh_new_unicode_string(q, f->language));
	qpdf_oh_replace_key(q, prefs, "/DisplayDocTitle",
	    qpdf_oh_new_bool(q, QPDF_TRUE));
	qpdf_oh_replace_key(q, root, "/ViewerPreferences", prefs);
	qpdf_oh_replace_key(q, mark, "/Marked", qpdf_oh_new_bool(q, QPDF_TRUE));
	qpdf_oh_replace_key(q, root, "/MarkInfo", mark);
	metadata(q, f->language);
}

/* A rectangle, from its lower left corner. */
static qpdf_oh
rect(qpdf_data q, double x, double y, double w, double h)
{
	qpdf_oh r = qpdf_oh_new_array(q);
	double v[4] = { x, y, x + w, y + h };
	size_t i;

	for (i = 0; i < 4; i++)
		qpdf_oh_append_item(q, r, qpdf_oh_new_real_from_double(q, v[i],
		    3));
	return r;
}

/* What a link says to one who cannot see where it goes. */
static char *
describe(qpdf_data q, qpdf_oh annot, const struct finishing *f)
{
	qpdf_oh dest = qpdf_oh_get_key(q, annot, "/Dest");
	qpdf_oh action = qpdf_oh_get_key(q, annot, "/A");
	const char *said;
	int page;

	if (qpdf_oh_is_dictionary(q, action)) {
		qpdf_oh uri = qpdf_oh_get_key(q, action, "/URI");

		if (qpdf_oh_is_string(q, uri))
			return g_strdup(qpdf_oh_get_utf8_value(q, uri));
		dest = qpdf_oh_get_key(q, action, "/D");
	}
	if (qpdf_oh_is_string(q, dest) || qpdf_oh_is_name(q, dest)) {
		const char *name = qpdf_oh_is_name(q, dest) ?
		    qpdf_oh_get_name(q, dest) + 1 :
		    qpdf_oh_get_utf8_value(q, dest);

		said = g_hash_table_lookup(f->links, name);
		return said != NULL ? g_strdup(said) : NULL;
	}
	if (qpdf_oh_is_array(q, dest) && qpdf_oh_get_array_n_items(q, dest) > 0) {
		page = qpdf_find_page_by_oh(q, qpdf_oh_get_array_item(q, dest,
		    0));
		if (page >= 0 && (guint)page < f->labels->len)
			return g_strdup_printf("Page %s", (const char *)
			    g_ptr_array_index(f->labels, page));
	}
	return NULL;
}

/* Each link of a page described, in its /Contents. */
static void
links(qpdf_data q, qpdf_oh page, const struct finishing *f,
    struct finished *done)
{
	qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
	int i, n = qpdf_oh_get_array_n_items(q, annots);

	for (i = 0; i < n; i++) {
		qpdf_oh a = qpdf_oh_get_array_item(q, annots, i);
		char *said;

		if (!qpdf_oh_is_dictionary_of_type(q, a, "/Annot", "/Link"))
			continue;
		if ((said = describe(q, a, f)) == NULL)
			continue;
		qpdf_oh_replace_key(q, a, "/Contents",
		    qpdf_oh_new_unicode_string(q, said));
		done->links++;
		g_free(said);
	}
}

/*
 * Text deflated, as the stream's data under /FlateDecode: a page's
 * rewritten content is held compressed until libqpdf writes it, which
 * keeps it as it is, not the five times larger text of every page.
 */
static int
deflated(qpdf_data q, qpdf_oh st, const GString *text)
{
	uLongf len = compressBound(text->len);
	Bytef *z = g_malloc(len);
	int rc = -1;

	if (compress2(z, &len, (const Bytef *)text->str, text->len,
	    Z_DEFAULT_COMPRESSION) == Z_OK) {
		qpdf_oh_replace_stream_data(q, st, z, len,
		    qpdf_oh_new_name(q, "/FlateDecode"), qpdf_oh_new_null(q));
		rc = 0;
	}
	g_free(z);
	return rc;
}

/* The page's content in one stream, rewritten (content.h). */
static int
content(qpdf_data q, qpdf_oh page, struct finished *done)
{
	struct content_counts cc = { 0, 0, 0 };
	unsigned char *buf = NULL;
	size_t len = 0;
	qpdf_oh st;
	GString *out;
	int rc;

	if (qpdf_oh_get_page_content_data(q, page, &buf, &len) & QPDF_ERRORS)
		return -1;
	out = content_finish((const char *)buf, len, &cc);
	free(buf);
	/* Cairo writes one stream a page: its data is replaced in place,
	 * since each new object costs libqpdf a walk over all of them. */
	st = qpdf_oh_get_key(q, page, "/Contents");
	if (!qpdf_oh_is_stream(q, st)) {
		st = qpdf_oh_new_stream(q);
		qpdf_oh_replace_key(q, page, "/Contents", st);
	}
	rc = deflated(q, st, out);
	g_string_free(out, TRUE);
	done->artifacts += cc.artifacts;
	done->grays += cc.grays;
	done->colours += cc.colours;
	return rc;
}

/*
 * Every page: its trim (and bleed), tab order by structure, no
 * transparency group (nothing is transparent, and its RGB blending
 * space is no printer's), its content, its links.
 */
static int
pages(qpdf_data q, const struct finishing *f, struct finished *done)
{
	int i, n = qpdf_get_num_pages(q);

	for (i = 0; i < n; i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);

		qpdf_oh_replace_key(q, page, "/TrimBox", rect(q, f->margin,
		    f->margin, f->width, f->height));
		if (f->bleed > 0)
			qpdf_oh_replace_key(q, page, "/BleedBox", rect(q,
			    f->margin - f->bleed, f->margin - f->bleed,
			    f->width + 2 * f->bleed, f->height + 2 * f->bleed));
		qpdf_oh_replace_key(q, page, "/Tabs", qpdf_oh_new_name(q, "/S"));
		qpdf_oh_remove_key(q, page, "/Group");
		if (content(q, page, done) != 0)
			return -1;
		links(q, page, f, done);
		qpdf_oh_release_all(q);
	}
	return 0;
}

/* qpdf's first error, or what failed if it has none. */
static void
error(qpdf_data q, const char *name, const char *what, struct diags *d)
{
	const char *why = qpdf_has_error(q) ?
	    qpdf_get_error_full_text(q, qpdf_get_error(q)) : what;

	diag_add(d, DIAG_ERROR, srcpos_at(name, 0, 0),
	    "cannot make the PDF: %s", why);
}

int
pdf_finish(const char *data, gsize len, struct sink *out,
    const struct finishing *f, struct finished *done, struct diags *d)
{
	struct finished none;
	qpdf_data q = qpdf_init();
	int rc = -1;

	memset(&none, 0, sizeof(none));
	if (done == NULL)
		done = &none;
	memset(done, 0, sizeof(*done));
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, out->name, data, len, NULL) & QPDF_ERRORS) {
		error(q, out->name, "Cairo's PDF cannot be read back", d);
		qpdf_cleanup(&q);
		return -1;
	}
	catalogue(q, f);
	if (pages(q, f, done) != 0)
		error(q, out->name, "a page's content cannot be read", d);
	else if (tagtree_languages(q, f->langs) != 0)
		error(q, out->name, "the structure's elements are not the "
		    "drawing's, to give them their languages", d);
	else if (tagtree_notes(q, f->notes, done) != 0)
		error(q, out->name, "the structure's notes are not the drawing's",
		    d);
	else if (qpdf_init_write_memory(q) & QPDF_ERRORS)
		error(q, out->name, "qpdf cannot write it", d);
	else {
		qpdf_set_deterministic_ID(q, QPDF_TRUE);
		qpdf_set_object_stream_mode(q, qpdf_o_generate);
		qpdf_set_compress_streams(q, QPDF_TRUE);
		if (qpdf_write(q) & QPDF_ERRORS)
			error(q, out->name, "qpdf cannot write it", d);
		else
			rc = sink_write(out, qpdf_get_buffer(q),
			    qpdf_get_buffer_length(q));
	}
	qpdf_cleanup(&q);
	return rc;
}
