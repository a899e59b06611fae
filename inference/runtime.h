#pragma once

#include "models/buildinfo.h"

namespace vigie::inference {

/// LibTorch's version and the thread pool it runs with. Thread-safe.
QList<ComponentVersion> components();

/// The most LibTorch threads one job of this process may use (`--threads`, or 0 for every
/// core). A job runs with fewer while other LibTorch jobs run on the machine (TorchJob). Returns
/// the count a job alone would use. Call from the main thread at start-up.
int configureThreads(int threads);

/// One LibTorch job (a training, a proposer or detector run, a class map) and its share of the
/// machine's cores (decision 26). Two LibTorch processes that each run as many threads as there
/// are cores spin against each other: on 2 cores a test that takes 25 s alone took 155 s beside
/// another. While a TorchJob lives, the job is counted in a machine-wide registry (one locked
/// file per job, so that a job killed with SIGKILL stops counting at once), and its thread runs
/// LibTorch with max(1, cores / jobs) threads, capped by configureThreads(). VIGIE_TORCH_SHARE=0
/// in the environment turns the share off (every job takes every core), for benchmarks. Jobs in one process
/// and jobs in others count alike. A TorchJob made in a thread that already holds one is a no-op,
/// so library functions make their own and callers may too.
class TorchJob
{
public:
    TorchJob();
    ~TorchJob();
    TorchJob(const TorchJob &) = delete;
    TorchJob &operator=(const TorchJob &) = delete;

private:
    bool m_owner = false;
};

/// Between the steps of a LibTorch job: re-reads the registry (at most every 200 ms) and gives
/// the calling thread its share. Does nothing in a thread without a TorchJob. Cheap.
void shareCores();

/// How many LibTorch jobs the registry counts now (this process's included), and the threads
/// the calling thread runs with. For the CLI's messages and the tests.
int runningTorchJobs();
int currentTorchThreads();

} // namespace vigie::inference
