#pragma once

namespace vigie {

/// Keeps large freed blocks in the process heap instead of returning them to the system.
///
/// Training steps and decoded 1080p frames allocate and free buffers of one to a few tens of
/// megabytes at a high rate. glibc serves those with mmap and gives them back with munmap (or
/// trims the heap top), so every step touches fresh pages again: on the virtual machines Vigie
/// runs on, a page fault costs about half a microsecond per kilobyte, and the detector spent
/// two thirds of a training step in them (docs/DECISIONS.md, decision 24). Raising glibc's
/// mmap and trim thresholds makes the heap keep and reuse those blocks.
///
/// Call once at the start of main(), before any thread starts. Returns false when the C library
/// refused (not glibc, or a value out of its range), or when the environment variable
/// VIGIE_SYSTEM_HEAP is set to anything but 0; nothing changes then.
bool keepLargeBlocksInHeap();

} // namespace vigie
