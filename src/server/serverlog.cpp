#include "server/serverlog.h"
Q_LOGGING_CATEGORY(fxServerLog, "fx.server")
