#pragma once

// A fired alert rule as a row of the alert history (PROTOCOL.md, "Alert rules"): type
// "price_alert", severity info, the price that fired it and the rule's value, a sentence for
// people, the price_alert data as payload and the owner's name. Pure; any thread.

#include "server/alertservice.h"
#include "storage/storagetypes.h"

namespace fx::engine {

// "EUR_USD bid rose above 1.09 (1.09012)", "GBP_USD mid changed by +0.52 % in 60 s (rule +0.5 %)".
QString firedAlertMessage(const rules::Firing &firing);
storage::AlertRecord firedAlertRecord(const server::FiredRule &fired);

} // namespace fx::engine
