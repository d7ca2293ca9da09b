/*
 * main.c — runs every module's Check suite; exit 0 only if all pass.
 */
#include <stdlib.h>

#include "suites.h"

int
main(void)
{
	Suite *(*const suites[])(void) = {
		model_suite,
		diag_suite,
		manifest_suite,
		source_suite,
		normalize_suite,
		passes_suite,
		typo_suite,
		parse_suite,
		passages_suite,
		notes_suite,
		ledger_suite,
		names_suite,
		index_suite,
		draft_suite,
		out_suite,
		manuscript_suite,
		epub_suite,
		epub_text_suite,
		epub_front_suite,
		epub_pages_suite,
		style_suite,
		typeset_suite,
		pdf_suite,
		pdf_notes_suite,
		pdf_index_suite,
		fuzz_suite,
		shapes_suite,
		shaper_suite,
		finish_suite,
		pdfobj_suite,
		merge_suite,
		numerals_suite,
	};
	SRunner *sr = srunner_create(NULL);
	size_t i;
	int failed;

	for (i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
