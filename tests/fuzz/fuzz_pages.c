/*
 * fuzz_pages.c — the libFuzzer harness for fuzz_pages (targets.c).
 */
#include "targets.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_pages(data, size);
}
