#pragma once

#include <cstdint>
#include <random>

namespace vigie::synth {

/// The generator's one source of randomness.
///
/// A campaign must be byte-identical for a given seed and Vigie version on every machine, and the
/// standard library's distributions (std::normal_distribution, std::uniform_real_distribution) are
/// implementation-defined: libstdc++ and libc++ draw different numbers from the same engine. Only
/// the engine, std::mt19937_64, is specified bit for bit, so the distributions are written here
/// on top of it, each with a fixed number of draws per call.
///
/// Not thread-safe: give each worker its own Random, seeded from the parent's derive().
class Random
{
public:
    explicit Random(std::uint64_t seed);

    /// A uniform double in [0, 1), from the top 53 bits of one draw.
    double uniform();
    /// A uniform double in [lo, hi).
    double uniform(double lo, double hi);
    /// A uniform integer in [lo, hi], both included; lo <= hi.
    std::int64_t integer(std::int64_t lo, std::int64_t hi);
    /// A normal deviate (Box-Muller, two draws per pair of deviates).
    double normal(double mean = 0.0, double sigma = 1.0);
    /// True with probability p.
    bool chance(double p);
    /// An independent generator for a sub-task, so that adding draws to one part of a scene
    /// does not shift the numbers every later part sees.
    Random derive(std::uint64_t salt);

private:
    std::mt19937_64 m_engine;
    double m_spareNormal = 0.0;
    bool m_hasSpare = false;
};

} // namespace vigie::synth
