/*
 * fuzz_names.c — the libFuzzer harness for fuzz_names (targets.c).
 */
#include "targets.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_names(data, size);
}
