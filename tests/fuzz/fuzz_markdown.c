/*
 * fuzz_markdown.c — the libFuzzer harness for fuzz_markdown (targets.c).
 */
#include "targets.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_markdown(data, size);
}
