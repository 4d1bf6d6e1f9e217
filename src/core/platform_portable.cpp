// The portable side of the process facts seam (platform.h), Qt only.

#include "core/platform.h"

namespace fx::core::platform {

bool isPortableBuild()
{
#if FX_PORTABLE // set on this file only (cmake/FxTargets.cmake, fx_seam)
    return true;
#else
    return false;
#endif
}

bool stderrIs(qulonglong, qulonglong)
{
    return false; // Qt does not identify an open stream
}

void raiseDescriptorLimit()
{
}

} // namespace fx::core::platform
