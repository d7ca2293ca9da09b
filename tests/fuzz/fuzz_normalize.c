/*
 * fuzz_normalize.c — the libFuzzer harness for fuzz_normalize (targets.c).
 */
#include "targets.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_normalize(data, size);
}
