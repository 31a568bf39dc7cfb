#include "connectors/kafka/offset_tracker.h"

namespace earshot {

InFlightRecord* OffsetTracker::Add(const TopicPartitionKey& tp, int64_t offset, int outputs,
                                   int64_t received_ns) {
  PartitionState& state = partitions_[tp];
  state.records.push_back(InFlightRecord{tp, offset, outputs, false, received_ns});
  state.next_after_last = offset + 1;
  return &state.records.back();
}

bool OffsetTracker::OutputDone(InFlightRecord* record, bool ok) {
  if (!ok && !record->failed) {
    record->failed = true;
    ++failures_;
  }
  --record->pending_outputs;
  return record->pending_outputs == 0 && !record->failed;
}

int64_t OffsetTracker::Position(const PartitionState& state) const {
  // The first record not fully acknowledged is where a restart must resume.
  for (const InFlightRecord& r : state.records) {
    if (r.pending_outputs > 0 || r.failed) return r.offset;
  }
  return state.next_after_last;
}

namespace {
template <typename State>
bool Advance(State& state, int64_t position) {
  if (position > state.reported && position >= 0) {
    state.reported = position;
    return true;
  }
  return false;
}
}  // namespace

std::vector<CommitPosition> OffsetTracker::TakeCommittable() {
  std::vector<CommitPosition> out;
  for (auto& [tp, state] : partitions_) {
    // Retire completed records from the front; they are below the position.
    while (!state.records.empty() && state.records.front().pending_outputs == 0 &&
           !state.records.front().failed) {
      state.records.pop_front();
    }
    if (Advance(state, Position(state))) out.push_back(CommitPosition{tp, state.reported});
  }
  return out;
}

std::vector<CommitPosition> OffsetTracker::TakeCommittable(
    const std::vector<TopicPartitionKey>& partitions) {
  std::vector<CommitPosition> out;
  for (const TopicPartitionKey& tp : partitions) {
    const auto it = partitions_.find(tp);
    if (it == partitions_.end()) continue;
    if (Advance(it->second, Position(it->second)))
      out.push_back(CommitPosition{tp, it->second.reported});
  }
  return out;
}

std::vector<CommitPosition> OffsetTracker::AllPositions() const {
  std::vector<CommitPosition> out;
  for (const auto& [tp, state] : partitions_) {
    if (state.next_after_last < 0) continue;
    out.push_back(CommitPosition{tp, Position(state)});
  }
  return out;
}

std::vector<CommitPosition> OffsetTracker::Positions(
    const std::vector<TopicPartitionKey>& partitions) const {
  std::vector<CommitPosition> out;
  for (const TopicPartitionKey& tp : partitions) {
    const auto it = partitions_.find(tp);
    if (it == partitions_.end() || it->second.next_after_last < 0) continue;
    out.push_back(CommitPosition{tp, Position(it->second)});
  }
  return out;
}

void OffsetTracker::Forget(const std::vector<TopicPartitionKey>& partitions) {
  for (const TopicPartitionKey& tp : partitions) {
    const auto it = partitions_.find(tp);
    if (it == partitions_.end()) continue;
    for (const InFlightRecord& r : it->second.records) {
      if (r.failed) --failures_;
    }
    partitions_.erase(it);
  }
}

size_t OffsetTracker::Backlog(const TopicPartitionKey& tp) const {
  const auto it = partitions_.find(tp);
  return it == partitions_.end() ? 0 : it->second.records.size();
}

size_t OffsetTracker::InFlight() const {
  size_t n = 0;
  for (const auto& [tp, state] : partitions_) {
    for (const InFlightRecord& r : state.records) n += r.pending_outputs > 0 ? 1 : 0;
  }
  return n;
}

}  // namespace earshot
