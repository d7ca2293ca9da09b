/*
 * heap.h — the process's heap, asked for in transparent huge pages.
 *
 * A build touches some twenty megabytes of fresh heap at 1x, page by
 * page: over five thousand page faults, a tenth of its CPU time on a
 * virtual machine, where the floor program it is measured against
 * takes fewer than two thousand (docs/PERFORMANCE.md).  In pages of
 * 2 MiB, where the kernel gives them to whoever asks (THP "madvise" or
 * "always"), the same heap takes a few hundred faults; where it does
 * not, nothing changes.
 */
#ifndef OCTAVO_HEAP_H
#define OCTAVO_HEAP_H

/* Call first thing in main, before the heap is much used. */
void	heap_prefer_huge_pages(void);
/*
 * Gives what was freed inside the heap back to the system, where
 * malloc can (glibc's malloc_trim): a long build frees tens of
 * megabytes between its stages, which would otherwise stay its own
 * and come under what the next stage asks for.
 */
void	heap_give_back(void);

#endif
