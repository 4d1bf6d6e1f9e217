#include "feed/gaussianrandom.h"

#include <cmath>
#include <numbers>

namespace fx::feed {

double GaussianRandom::uniform()
{
    return double(m_engine() >> 11) * 0x1.0p-53;
}

double GaussianRandom::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    const double u1 = 1.0 - uniform(); // (0, 1]: log() stays finite
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double theta = 2.0 * std::numbers::pi * u2;
    m_spare = r * std::sin(theta);
    m_hasSpare = true;
    return r * std::cos(theta);
}

int GaussianRandom::uniformInt(int lo, int hi)
{
    const int span = hi - lo + 1;
    const int v = lo + int(uniform() * span);
    return v > hi ? hi : v;
}

} // namespace fx::feed
