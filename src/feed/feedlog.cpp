#include "feed/feedlog.h"
Q_LOGGING_CATEGORY(fxFeedLog, "fx.feed")
