#include "support/buildpaths.h"

namespace fx::test {

QString serverBin()
{
    return QStringLiteral(FX_SERVER_BIN);
}

QString conformanceBin()
{
    return QStringLiteral(FX_CONFORMANCE_BIN);
}

QString feedBin()
{
#ifdef FX_FEED_BIN
    return QStringLiteral(FX_FEED_BIN);
#else
    return {};
#endif
}

} // namespace fx::test
