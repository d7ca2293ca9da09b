/*
 * suites.h — one Check suite per module; main.c runs them all.
 */
#ifndef OCTAVO_SUITES_H
#define OCTAVO_SUITES_H

#include <check.h>

Suite	*model_suite(void);
Suite	*out_suite(void);
Suite	*diag_suite(void);
Suite	*manifest_suite(void);
Suite	*source_suite(void);
Suite	*normalize_suite(void);
Suite	*passes_suite(void);
Suite	*typo_suite(void);
Suite	*parse_suite(void);
Suite	*passages_suite(void);
Suite	*notes_suite(void);
Suite	*ledger_suite(void);
Suite	*names_suite(void);
Suite	*index_suite(void);
Suite	*draft_suite(void);
Suite	*manuscript_suite(void);
Suite	*epub_suite(void);
Suite	*epub_text_suite(void);
Suite	*epub_front_suite(void);
Suite	*epub_pages_suite(void);
Suite	*style_suite(void);
Suite	*typeset_suite(void);
Suite	*pdf_suite(void);
Suite	*pdf_notes_suite(void);
Suite	*pdf_index_suite(void);
Suite	*fuzz_suite(void);
Suite	*shapes_suite(void);
Suite	*shaper_suite(void);
Suite	*finish_suite(void);
Suite	*pdfobj_suite(void);
Suite	*merge_suite(void);
Suite	*numerals_suite(void);

#endif
