/*
 * targets.h — the fuzz targets: each feeds arbitrary bytes to one reader
 * or stage of octavo, as a libFuzzer harness does and as the regression
 * test replays what the fuzzers once found.
 */
#ifndef OCTAVO_FUZZ_TARGETS_H
#define OCTAVO_FUZZ_TARGETS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Each target takes any bytes and returns 0; it must never crash, leak
 * or trip a sanitizer, whatever the bytes are.
 */
int	fuzz_normalize(const uint8_t *, size_t);	/* text → … → notes, index */
int	fuzz_markdown(const uint8_t *, size_t);	/* Markdown → … → notes */
int	fuzz_manifest(const uint8_t *, size_t);	/* manifest_read */
int	fuzz_style(const uint8_t *, size_t);	/* style_read */
int	fuzz_names(const uint8_t *, size_t);	/* names_parse, names_match */
int	fuzz_pages(const uint8_t *, size_t);	/* pagemap_load, its folios */
int	fuzz_book(const uint8_t *, size_t);	/* Markdown → … → PDF, EPUB */
int	fuzz_finish(const uint8_t *, size_t);	/* Cairo's PDF → pdf_finish */

struct fuzz_target {
	const char	*name;		/* the harness, and its folders' name */
	int		(*run)(const uint8_t *, size_t);
};

/* Every target, ended by { NULL, NULL }. */
extern const struct fuzz_target fuzz_targets[];

/* libFuzzer's entry point, defined by each harness. */
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#endif
