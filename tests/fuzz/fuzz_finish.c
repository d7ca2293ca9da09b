/*
 * fuzz_finish.c — the libFuzzer harness for fuzz_finish (targets.c).
 */
#include "targets.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_finish(data, size);
}
