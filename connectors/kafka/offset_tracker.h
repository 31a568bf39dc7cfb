// OffsetTracker: which input offsets may be committed.
//
// earshot commits an input record only after every output it caused (the
// classified post, the alert, or the dead-letter record) has been
// acknowledged by the broker. Outputs are acknowledged out of order, so per
// partition the tracker keeps records in offset order and reports the
// lowest offset still pending: everything below it is done, and that offset
// is what Kafka expects as the committed position.
//
// Thread safety: none; owned and used by one worker thread (delivery reports
// are served on that thread by Producer::poll()).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace earshot {

struct TopicPartitionKey {
  std::string topic;
  int32_t partition = 0;
  auto operator<=>(const TopicPartitionKey&) const = default;
};

// One input record in flight. Its address is stable until it is retired, so
// it serves as the producer's per-message opaque pointer.
struct InFlightRecord {
  TopicPartitionKey tp;
  int64_t offset = 0;
  int pending_outputs = 0;
  bool failed = false;
  int64_t received_ns = 0;  // steady clock, for the latency histogram
};

struct CommitPosition {
  TopicPartitionKey tp;
  int64_t offset = 0;  // next offset to consume
};

class OffsetTracker {
 public:
  // Starts tracking a record that will produce `outputs` outputs.
  InFlightRecord* Add(const TopicPartitionKey& tp, int64_t offset, int outputs,
                      int64_t received_ns);

  // One output of `record` was acknowledged (ok) or failed for good.
  // Returns true when the record is now complete (all outputs acknowledged).
  bool OutputDone(InFlightRecord* record, bool ok);

  // Positions that advanced since the last call. A failed record blocks its
  // partition: nothing at or after it is ever reported.
  std::vector<CommitPosition> TakeCommittable();

  // Positions of every partition as of now, advanced or not: re-committed
  // now and then, because an asynchronous commit can fail unseen and a
  // partition whose stream has ended would otherwise never commit again.
  std::vector<CommitPosition> AllPositions() const;

  // Positions for these partitions as of now (for a commit on revoke).
  std::vector<CommitPosition> Positions(const std::vector<TopicPartitionKey>& partitions) const;

  // Like TakeCommittable, restricted to these partitions.
  std::vector<CommitPosition> TakeCommittable(const std::vector<TopicPartitionKey>& partitions);

  // Forgets partitions (after revoke). Precondition: no outputs in flight for them.
  void Forget(const std::vector<TopicPartitionKey>& partitions);

  // Records of `tp` not yet retired: in flight, or done behind one that is
  // not (retired by TakeCommittable). What backpressure bounds.
  size_t Backlog(const TopicPartitionKey& tp) const;

  bool HasFailure() const { return failures_ > 0; }
  size_t InFlight() const;

 private:
  struct PartitionState {
    std::deque<InFlightRecord> records;  // offset order; deque keeps addresses stable
    int64_t next_after_last = -1;        // offset after the newest record seen
    int64_t reported = -1;               // last position handed out
  };
  int64_t Position(const PartitionState& state) const;
  std::map<TopicPartitionKey, PartitionState> partitions_;
  int failures_ = 0;
};

}  // namespace earshot
