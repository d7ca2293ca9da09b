/*
 * fuzz_manifest.c — the libFuzzer harness for fuzz_manifest (targets.c).
 */
#include "targets.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_manifest(data, size);
}
