/*
 * semantics.c — epub:type and its ARIA role, from the table DAISY Ace
 * checks them against (its rule epub-type-has-matching-role), limited
 * to the types an edition may carry.  The types with no role
 * (titlepage, imprint, cover, the matter of a body, the index's parts)
 * are not listed: they need none.  Nor is "endnote": DPUB-ARIA 1.1
 * deprecates doc-endnote, since it would take an endnote's <li> out of
 * its list (Ace reports it as aria-deprecated-role); the item keeps its
 * listitem role.
 */
#include <string.h>

#include "epub/semantics.h"

static const struct {
	const char	*type, *role;
} roles[] = {
	{ "abstract",		"doc-abstract" },
	{ "acknowledgments",	"doc-acknowledgments" },
	{ "afterword",		"doc-afterword" },
	{ "appendix",		"doc-appendix" },
	{ "backlink",		"doc-backlink" },
	{ "bibliography",	"doc-bibliography" },
	{ "chapter",		"doc-chapter" },
	{ "colophon",		"doc-colophon" },
	{ "conclusion",		"doc-conclusion" },
	{ "credits",		"doc-credits" },
	{ "dedication",		"doc-dedication" },
	{ "endnotes",		"doc-endnotes" },
	{ "epigraph",		"doc-epigraph" },
	{ "epilogue",		"doc-epilogue" },
	{ "footnote",		"doc-footnote" },
	{ "foreword",		"doc-foreword" },
	{ "glossary",		"doc-glossary" },
	{ "index",		"doc-index" },
	{ "introduction",	"doc-introduction" },
	{ "noteref",		"doc-noteref" },
	{ "page-list",		"doc-pagelist" },
	{ "pagebreak",		"doc-pagebreak" },
	{ "part",		"doc-part" },
	{ "preface",		"doc-preface" },
	{ "prologue",		"doc-prologue" },
	{ "toc",		"doc-toc" },
};

const char *
semantics_role(const char *type)
{
	gsize i;

	for (i = 0; i < G_N_ELEMENTS(roles); i++)
		if (strcmp(roles[i].type, type) == 0)
			return roles[i].role;
	return NULL;
}

void
semantics(GString *out, const char *type)
{
	const char *role = semantics_role(type);

	g_string_append_printf(out, " epub:type=\"%s\"", type);
	if (role != NULL)
		g_string_append_printf(out, " role=\"%s\"", role);
}

void
semantics_class(GString *out, const char *type)
{
	g_string_append_printf(out, " class=\"%s\"", type);
	semantics(out, type);
}
