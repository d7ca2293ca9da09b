/*
 * fonts.c — the print edition's face, EB Garamond, embedded in the
 * e-book: the roman and the italic of its 12-point design, as Debian's
 * fonts-ebgaramond installs them, and the @font-face rules that give
 * them the family name the stylesheet asks for.
 */
#include "epub/fonts.h"
#include "read/file.h"

#define FONT_DIR	"/usr/share/fonts/opentype/ebgaramond"
#define FONT_FAMILY	"EB Garamond"

static const struct face {
	const char	*file;
	const char	*style;		/* CSS font-style */
} faces[] = {
	{ "EBGaramond12-Regular.otf", "normal" },
	{ "EBGaramond12-Italic.otf", "italic" },
};

int
fonts_embed(struct book *b, GString *css, struct diags *d)
{
	char *path, *href, *id, *data;
	gsize len;
	guint i;

	g_string_append(css, "\n/* The print edition's face, " FONTS_CREDIT
	    "; embedded by octavo. */\n");
	for (i = 0; i < G_N_ELEMENTS(faces); i++) {
		path = g_build_filename(FONT_DIR, faces[i].file, NULL);
		if ((data = file_read(path, "the print face", FILE_MAX_DATA,
		    "install fonts-ebgaramond, or set epub-embed-fonts = "
		    "false", &len, d)) == NULL) {
			g_free(path);
			return -1;
		}
		href = g_strdup_printf("fonts/%s", faces[i].file);
		id = g_strdup_printf("font-%u", i + 1);
		book_add(b, id, href, "font/otf", NULL, 0,
		    g_bytes_new_take(data, len));
		g_string_append_printf(css, "@font-face {\n"
		    "\tfont-family: \"" FONT_FAMILY "\";\n"
		    "\tfont-style: %s;\n\tfont-weight: normal;\n"
		    "\tsrc: url(\"../%s\");\n}\n", faces[i].style, href);
		g_free(id);
		g_free(href);
		g_free(path);
	}
	return 0;
}
