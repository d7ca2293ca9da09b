/*
 * fuzz_book.c — the libFuzzer harness for fuzz_book (targets.c).
 */
#include "targets.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_book(data, size);
}
