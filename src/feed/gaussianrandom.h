#pragma once

#include <QtGlobal>

#include <random>

namespace fx::feed {

// The feed's only source of randomness: std::mt19937_64 plus our own Box-Muller transform, so
// a seed gives the same numbers with every standard library (std::normal_distribution and
// std::uniform_real_distribution are implementation-defined). Not thread-safe; each simulator
// owns one.
class GaussianRandom
{
public:
    explicit GaussianRandom(quint64 seed) : m_engine(seed) {}

    // Uniform in [0, 1) from the top 53 bits of one draw.
    double uniform();
    // Standard normal (mean 0, variance 1), Box-Muller; the second value of each pair is kept
    // for the next call.
    double normal();
    // Uniform integer in [lo, hi] (hi >= lo), from uniform(): bias below 2^-40 for our ranges.
    int uniformInt(int lo, int hi);

private:
    std::mt19937_64 m_engine;
    double m_spare = 0;
    bool m_hasSpare = false;
};

} // namespace fx::feed
