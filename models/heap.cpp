#include "models/heap.h"

#include <cstdlib> // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace vigie {

bool keepLargeBlocksInHeap()
{
    if (const char *off = std::getenv("VIGIE_SYSTEM_HEAP"); off && *off && *off != '0')
        return false; // glibc's own settings, for comparison (bench/video_bench.sh)
#if defined(__GLIBC__)
    // 256 MiB: a 1080p BGR frame (6 MB), a training batch's activations (~10 MB) and a 2×
    // IR frame's feature maps (~85 MB) all come from the heap. The heap top is given back only
    // beyond 512 MiB free.
    const bool mmap = mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024) == 1;
    const bool trim = mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024) == 1;
    return mmap && trim;
#else
    return false;
#endif
}

} // namespace vigie
