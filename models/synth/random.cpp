#include "models/synth/random.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace vigie::synth {

Random::Random(std::uint64_t seed)
    : m_engine(seed)
{
}

double Random::uniform()
{
    return static_cast<double>(m_engine() >> 11) * 0x1.0p-53;
}

double Random::uniform(double lo, double hi)
{
    return lo + (hi - lo) * uniform();
}

std::int64_t Random::integer(std::int64_t lo, std::int64_t hi)
{
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1u;
    if (span == 0) // the whole 64-bit range
        return static_cast<std::int64_t>(m_engine());
    // Rejection sampling keeps the result unbiased for any span.
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max()
                                - std::numeric_limits<std::uint64_t>::max() % span;
    std::uint64_t draw = 0;
    do {
        draw = m_engine();
    } while (draw >= limit);
    return lo + static_cast<std::int64_t>(draw % span);
}

double Random::normal(double mean, double sigma)
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return mean + sigma * m_spareNormal;
    }
    const double u1 = 1.0 - uniform(); // (0, 1]: log() stays finite
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    m_spareNormal = radius * std::sin(angle);
    m_hasSpare = true;
    return mean + sigma * radius * std::cos(angle);
}

bool Random::chance(double p)
{
    return uniform() < p;
}

Random Random::derive(std::uint64_t salt)
{
    // splitmix64 of (next draw ^ salt) decorrelates the child from the parent's stream.
    std::uint64_t z = m_engine() ^ (salt * 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return Random(z ^ (z >> 31));
}

} // namespace vigie::synth
