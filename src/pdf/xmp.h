/*
 * xmp.h — the PDF's XMP metadata packet: what its Info dictionary says,
 * in Dublin Core and the XMP schemas, and the PDF/UA identification
 * (pdfuaid:part 1) that a validator and an assistive reader look for.
 */
#ifndef OCTAVO_PDF_XMP_H
#define OCTAVO_PDF_XMP_H

#include <glib.h>

/* The Info dictionary's strings, UTF-8, any of them NULL. */
struct xmp_info {
	const char	*title, *author, *subject, *keywords;
	const char	*creator, *producer;
	const char	*created, *modified;	/* PDF dates: D:YYYYMMDDHHmmSS… */
	const char	*language;		/* BCP 47 */
};

/* The packet, UTF-8, wrapped in its xpacket processing instructions. */
char	*xmp_packet(const struct xmp_info *);

/*
 * A PDF date ("D:20231114221320Z", "D:20231114221320+01'00'") as XMP
 * writes it ("2023-11-14T22:13:20Z"), or NULL if it is not one.
 */
char	*xmp_date(const char *pdf_date);

#endif
