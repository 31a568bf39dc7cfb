// End-to-end throughput: earshot against a bare consume-and-discard consumer
// over the same topic, in the same run, on the embedded broker.
//
//   build/release/bench/earshot_e2e_bench [--posts 100000] [--workers 1]
//
// Both clocks start when the consumer(s) have their partitions and stop when
// the last record is consumed (bare) or has all its outputs acknowledged by
// the broker (earshot), so the group's start-up delay is not counted.
#include <librdkafka/rdkafkacpp.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <thread>

#include "app/logging.h"
#include "app/service.h"
#include "bench/sample_posts.h"
#include "connectors/files/sample_files.h"

namespace earshot {
namespace {

using Steady = std::chrono::steady_clock;
using namespace std::chrono_literals;

// Canonical posts made from the sample posts, each with a unique id.
std::vector<OutRecord> MakePosts(int n, const std::string& topic, int partitions) {
  const std::vector<std::string> valid = SamplePostRecords();
  std::vector<OutRecord> records;
  records.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    std::string value = valid[static_cast<size_t>(i) % valid.size()];
    // Make the id unique: "id":"x-1001" -> "id":"x-1001-b<i>".
    const size_t id = value.find("\"id\":\"");
    const size_t end = value.find('"', id + 6);
    value.insert(end, "-b" + std::to_string(i));
    // Spread evenly by hand: keyless records would go to few partitions in
    // sticky batches, and the mock broker keeps only ~5 MB per partition.
    records.push_back(OutRecord{topic, "", std::move(value), {}, i % partitions});
  }
  return records;
}

class Assigned : public RdKafka::RebalanceCb {
 public:
  void rebalance_cb(RdKafka::KafkaConsumer* consumer, RdKafka::ErrorCode err,
                    std::vector<RdKafka::TopicPartition*>& partitions) override {
    if (err == RdKafka::ERR__ASSIGN_PARTITIONS) {
      consumer->assign(partitions);
      if (!start) start = Steady::now();
    } else {
      consumer->unassign();
    }
  }
  std::optional<Steady::time_point> start;
};

// Consumes `n` records in a fresh group and discards them.
double BareConsumerSeconds(const std::string& bootstrap, const std::string& topic, int n) {
  auto conf = MakeKafkaConf({{"bootstrap.servers", bootstrap},
                             {"group.id", "bare-consumer"},
                             {"auto.offset.reset", "earliest"},
                             {"enable.auto.commit", "false"}});
  Assigned assigned;
  std::string error;
  (*conf)->set("rebalance_cb", static_cast<RdKafka::RebalanceCb*>(&assigned), error);
  std::unique_ptr<RdKafka::KafkaConsumer> consumer(
      RdKafka::KafkaConsumer::create(conf->get(), error));
  consumer->subscribe({topic});
  int seen = 0;
  size_t bytes = 0;
  std::map<int32_t, int> per_partition;
  const auto deadline = Steady::now() + 60s;
  while (seen < n) {
    std::unique_ptr<RdKafka::Message> m(consumer->consume(100));
    if (m->err() == RdKafka::ERR_NO_ERROR) {
      ++seen;
      ++per_partition[m->partition()];
      bytes += m->len();
    } else if (m->err() != RdKafka::ERR__TIMED_OUT && m->err() != RdKafka::ERR__PARTITION_EOF) {
      std::fprintf(stderr, "bare consumer: %s\n", m->errstr().c_str());
    }
    if (Steady::now() > deadline) {
      std::fprintf(stderr, "bare consumer: only %d of %d records after 60 s\n", seen, n);
      std::vector<RdKafka::TopicPartition*> assignment;
      consumer->assignment(assignment);
      consumer->position(assignment);
      for (auto* tp : assignment) {
        int64_t lo = 0, hi = 0;
        consumer->get_watermark_offsets(tp->topic(), tp->partition(), &lo, &hi);
        std::fprintf(stderr, "  p%d: seen %d position %lld watermarks %lld..%lld\n",
                     tp->partition(), per_partition[tp->partition()],
                     static_cast<long long>(tp->offset()), static_cast<long long>(lo),
                     static_cast<long long>(hi));
      }
      std::exit(1);
    }
  }
  const double seconds = std::chrono::duration<double>(Steady::now() - *assigned.start).count();
  consumer->commitSync();
  consumer->close();
  std::fprintf(stderr, "bare consumer: %d records, %.1f MB\n", seen,
               static_cast<double>(bytes) / 1e6);
  return seconds;
}

double EarshotSeconds(const Config& base, int n, int workers) {
  Config config = base;
  config.workers = workers;
  config.kafka["group.id"] = "earshot-bench-" + std::to_string(workers);
  auto service = Service::Start(config);
  if (!service.ok()) {
    std::fprintf(stderr, "%s\n", service.status().ToString().c_str());
    std::exit(1);
  }
  while ((*service)->metrics().AssignedPartitions().Value() <= 0) std::this_thread::sleep_for(1ms);
  const auto start = Steady::now();
  // Each post is done twice: classified (input topic), then through the
  // alerting stage (the classified topic, repartitioned by conversation).
  while ((*service)->completed() < 2 * n) std::this_thread::sleep_for(1ms);
  const double seconds = std::chrono::duration<double>(Steady::now() - start).count();
  (*service)->RequestStop();
  (void)(*service)->Wait();
  return seconds;
}

}  // namespace
}  // namespace earshot

int main(int argc, char** argv) {
  using namespace earshot;
  int posts = 100000;
  int workers = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--posts") == 0) posts = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--workers") == 0) workers = std::atoi(argv[i + 1]);
  }
  (void)SetupLogging("text",
                     std::getenv("EARSHOT_LOG_LEVEL") ? std::getenv("EARSHOT_LOG_LEVEL") : "warn");
  // The mock broker keeps roughly the last 5 MB per partition; 32 partitions
  // keep 100k posts (~40 MB) and their outputs whole.
  auto broker = EmbeddedBroker::Start(EmbeddedBrokerOptions{});
  Config config = DefaultConfig();
  config.embedded_partitions = 32;
  config.metrics_listen = "127.0.0.1:0";
  (void)CreateTopics(**broker, config);
  config.kafka["bootstrap.servers"] = (*broker)->bootstrap_servers();
  const auto records = MakePosts(posts, config.topics.inputs.front(), config.embedded_partitions);
  const auto produce_start = Steady::now();
  if (Status s = ProduceAll({{"bootstrap.servers", (*broker)->bootstrap_servers()}}, records);
      !s.ok()) {
    std::fprintf(stderr, "produce: %s\n", s.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "produced %d posts in %.2f s\n", posts,
               std::chrono::duration<double>(Steady::now() - produce_start).count());
  const double bare =
      BareConsumerSeconds((*broker)->bootstrap_servers(), config.topics.inputs.front(), posts);
  const double earshot = EarshotSeconds(config, posts, workers);
  std::printf("posts: %d, partitions: %d, earshot workers: %d\n", posts, config.embedded_partitions,
              workers);
  std::printf("bare consume-and-discard: %8.2f s  %9.0f posts/s\n", bare, posts / bare);
  std::printf("earshot run (end to end): %8.2f s  %9.0f posts/s\n", earshot, posts / earshot);
  std::printf("ratio earshot / bare:     %8.2f\n", (posts / earshot) / (posts / bare));
  return 0;
}
