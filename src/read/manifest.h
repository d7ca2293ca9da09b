/*
 * manifest.h — reading edition.ini: the edition's metadata, the groups
 * that feed its chapters in reading order, each source's particular
 * rules, and where the styles and the list of names are.
 *
 * The manuscript is the job: what the edition says goes into the model
 * (struct edition), how to make it (sources, rules, styles) stays here.
 */
#ifndef OCTAVO_MANIFEST_H
#define OCTAVO_MANIFEST_H

#include "diag.h"
#include "model.h"
#include "read/rules.h"

enum source_format {
	FORMAT_TEXT,		/* raw text: scraped, or a plain-text book */
	FORMAT_MARKDOWN		/* CommonMark */
};

/*
 * One [chapter ID] group: a source (or part of one) and what to do with
 * it.  It becomes one chapter, or several with a split rule.
 */
struct group {
	char			*id;		/* the manifest's ID */
	const char		*path;		/* the source file (interned) */
	enum source_format	 format;
	const char		*language;	/* BCP 47: its own (language =),
						   else the edition's */
	struct srcpos		 language_pos;	/* its own language's key */
	int			 role;		/* enum chapter_role, or -1:
						   guessed from each title */
	struct meta		 meta;		/* what the manifest says of it */
	struct rules		 rules;
	struct srcpos		 pos;		/* the group's line */
};

/* A group with no source yet and the default rules; group_free frees it. */
struct group	*group_new(const char *id);
void		 group_free(struct group *);
/*
 * The group's language if it is not the edition's e (BCP 47 tags
 * compared without case), else NULL: what makes its chapters another
 * language's in the outputs.
 */
const char	*group_own_language(const struct group *,
		    const struct edition *e);
/*
 * Whether tag is a BCP 47 language tag as octavo takes one ("en",
 * "en-GB", "fr"): the manifest's language keys and a passage's
 * {lang=TAG} alike.
 */
int		 language_tag_valid(const char *tag);

struct manuscript {
	struct edition	*edition;	/* the metadata; chapters come later */
	GPtrArray	*groups;	/* struct group *, in reading order */
	const char	*path;		/* edition.ini (interned) */
	struct srcpos	 edition_pos;	/* its [edition] group */
	char		*basedir;	/* its directory: paths are relative to it */
	char		*output;	/* basename of the outputs */
	char		*print_style;	/* styles/print.ini, resolved */
	char		*epub_style;	/* styles/epub.css, resolved */
	int		 epub_embed_fonts; /* the print face goes in the EPUB */
	char		*names;		/* the authority list (names.txt), or NULL */
};

/* An empty manuscript: an edition without metadata, no groups. */
struct manuscript *manuscript_new(void);

/*
 * Reads the manifest at path into a new manuscript with an edition of
 * no chapters yet.  Unknown keys are warnings; missing required keys
 * and bad values are errors.  Returns NULL if any error was added.
 */
struct manuscript *manifest_read(const char *path, struct diags *);
void		 manuscript_free(struct manuscript *);

#endif
