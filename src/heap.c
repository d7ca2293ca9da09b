/*
 * heap.c — the heap in huge pages (heap.h): malloc's main arena grown
 * at once by HEAP_RESERVE, that span advised MADV_HUGEPAGE, and given
 * back to malloc, which keeps it, with what a build allocates later
 * but for blocks of APART_AT and more, mapped apart.
 */
#define _DEFAULT_SOURCE		/* sbrk(2), madvise(2) */

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "heap.h"

/* What the main arena is grown by: more than a 1x build's heap. */
#define HEAP_RESERVE	((size_t)48 << 20)
/* Blocks this large and more are mapped apart while the reserve is
 * made: the most glibc takes on a 64-bit system, above the reserve. */
#define MMAP_AT		(64 << 20)
/*
 * And after: a long book's largest blocks (a page map's array, an
 * object stream, the index's XHTML, some 16 MB at 100x) are mapped, and
 * unmapped when freed, rather than left in the arena between blocks
 * still in use.  A 1x build has none so large.
 */
#define APART_AT	(8 << 20)
/* A transparent huge page on x86-64 and arm64 (4 KiB base pages). */
#define HUGE_PAGE	((uintptr_t)2 << 20)

void
heap_give_back(void)
{
#ifdef __GLIBC__
	(void)malloc_trim(0);
#endif
}

void
heap_prefer_huge_pages(void)
{
#ifdef MADV_HUGEPAGE
	uintptr_t lo, hi;
	void *p;

	/*
	 * The reserve must come from the arena, not mmap, and stay there
	 * once freed; so must later blocks up to APART_AT, or each would be
	 * fresh mappings faulted in again page by page.  malloc_trim(3)
	 * still gives back what a caller asks it to.
	 */
	if (mallopt(M_MMAP_THRESHOLD, MMAP_AT) != 1 ||
	    mallopt(M_TRIM_THRESHOLD, 2 * MMAP_AT) != 1 ||
	    (p = malloc(HEAP_RESERVE)) == NULL)
		return;
	/* Below the break, as the arena's; not so under valgrind or a
	 * sanitizer, whose malloc is another. */
	hi = (uintptr_t)sbrk(0);
	lo = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	if ((uintptr_t)p + HEAP_RESERVE <= hi &&
	    (hi &= ~(HUGE_PAGE - 1)) > lo)
		(void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
	free(p);
	(void)mallopt(M_MMAP_THRESHOLD, APART_AT);
#endif
}
