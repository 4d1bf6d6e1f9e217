// The fast side of the process facts seam (platform.h): fstat() and setrlimit().

#include "core/platform.h"

#include <cstdio>
#include <sys/resource.h>
#include <sys/stat.h>

namespace fx::core::platform {

bool isPortableBuild()
{
    return false;
}

bool stderrIs(qulonglong device, qulonglong inode)
{
    struct stat st = {};
    if (::fstat(fileno(stderr), &st) != 0)
        return false;
    return qulonglong(st.st_dev) == device && qulonglong(st.st_ino) == inode;
}

void raiseDescriptorLimit()
{
    // 10,000 clients need more than the usual soft limit of 1024.
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

} // namespace fx::core::platform
