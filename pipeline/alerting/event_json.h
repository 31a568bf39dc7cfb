// JSON of the alerting stage's events (docs/events.md, docs/alerting.md).
// Every event carries schema_version, type, event_id and item_id (the id of
// the item's response_due event, which ties an item's events together).
#pragma once

#include <string>

#include "earshot/alert_engine.h"
#include "pipeline/alerting/alert_item.h"
#include "pipeline/alerting/spike_detector.h"

namespace earshot {

std::string EncodeResponseDueEvent(const std::string& event_id, const Post& post,
                                   const Verdict& verdict, const AlertItem& item,
                                   const StringInterner& names);
std::string EncodeOverdueEvent(const std::string& event_id, const std::string& item_id,
                               const AlertItem& item, int step, double multiple, int64_t fired_at,
                               const StringInterner& names);
std::string EncodeRespondedEvent(const std::string& event_id, const std::string& item_id,
                                 const AlertItem& item, const Post& reply, int64_t replied_at,
                                 int64_t first_response_ms, const StringInterner& names);
std::string EncodeAcknowledgedEvent(const std::string& event_id, const std::string& item_id,
                                    const AlertItem& item, const Ack& ack,
                                    const StringInterner& names);
std::string EncodeSpikeEvent(const std::string& event_id, const Spike& spike);

}  // namespace earshot
