/*
 * fuzz_style.c — the libFuzzer harness for fuzz_style (targets.c).
 */
#include "targets.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_style(data, size);
}
