#pragma once

#include "models/buildinfo.h"

namespace vigie::inference {

/// LibTorch's version and the thread pool it runs with. Thread-safe.
QList<ComponentVersion> components();

/// Sets LibTorch's intra-op thread count once, before any network runs (LibTorch reads it at
/// the first parallel region; changing it later is ignored or races). 0 means all cores.
/// Returns the count in effect afterwards. Call from the main thread at start-up.
int configureThreads(int threads);

} // namespace vigie::inference
