/*
 * xmp.c — writing the XMP packet from the Info dictionary's values, so
 * that the two say the same (PDF/UA-1 asks for dc:title; PDF/A-style
 * validators compare the dates and the producer).
 */
#include <string.h>

#include "xmp.h"

char *
xmp_date(const char *d)
{
	const char *s = d;
	GString *out;
	gsize i, len;

	if (s == NULL)
		return NULL;
	if (strncmp(s, "D:", 2) == 0)
		s += 2;
	for (len = 0; g_ascii_isdigit(s[len]); len++)
		continue;
	if (len < 4 || len % 2 != 0 || len > 14)
		return NULL;
	out = g_string_new(NULL);
	g_string_append_len(out, s, 4);
	for (i = 4; i < len; i += 2)
		g_string_append_printf(out, "%s%.2s", i < 8 ? "-" : i == 8 ?
		    "T" : ":", s + i);
	s += len;
	if (len >= 12 && *s == 'Z')
		g_string_append_c(out, 'Z');
	else if (len >= 12 && (*s == '+' || *s == '-') &&
	    g_ascii_isdigit(s[1]) && g_ascii_isdigit(s[2]))
		/* +HH'mm' → +HH:mm */
		g_string_append_printf(out, "%c%.2s:%.2s", *s, s + 1,
		    s[3] == '\'' && g_ascii_isdigit(s[4]) ? s + 4 : "00");
	return g_string_free(out, FALSE);
}

/* One simple property, if it has a value. */
static void
simple(GString *x, const char *name, const char *value)
{
	char *esc;

	if (value == NULL)
		return;
	esc = g_markup_escape_text(value, -1);
	g_string_append_printf(x, "   <%s>%s</%s>\n", name, esc, name);
	g_free(esc);
}

/* A property whose value is a container of one item: Alt, Seq or Bag. */
static void
one_of(GString *x, const char *name, const char *container,
    const char *value)
{
	char *esc;

	if (value == NULL)
		return;
	esc = g_markup_escape_text(value, -1);
	g_string_append_printf(x, "   <%s><rdf:%s><rdf:li%s>%s</rdf:li>"
	    "</rdf:%s></%s>\n", name, container, strcmp(container, "Alt") ==
	    0 ? " xml:lang=\"x-default\"" : "", esc, container, name);
	g_free(esc);
}

char *
xmp_packet(const struct xmp_info *in)
{
	GString *x = g_string_new(NULL);
	char *created = xmp_date(in->created);
	char *modified = xmp_date(in->modified);

	g_string_append(x,
	    "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "  <rdf:Description rdf:about=\"\"\n"
	    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
	simple(x, "dc:format", "application/pdf");
	one_of(x, "dc:title", "Alt", in->title);
	one_of(x, "dc:creator", "Seq", in->author);
	one_of(x, "dc:description", "Alt", in->subject);
	one_of(x, "dc:language", "Bag", in->language);
	simple(x, "pdf:Keywords", in->keywords);
	simple(x, "pdf:Producer", in->producer);
	simple(x, "xmp:CreatorTool", in->creator);
	simple(x, "xmp:CreateDate", created);
	simple(x, "xmp:ModifyDate", modified);
	simple(x, "pdfuaid:part", "1");
	g_string_append(x, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>\n");
	g_free(created);
	g_free(modified);
	return g_string_free(x, FALSE);
}
