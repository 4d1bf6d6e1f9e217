#include "storage/storagelog.h"
Q_LOGGING_CATEGORY(fxStorageLog, "fx.storage")
