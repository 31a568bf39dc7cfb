// Soak: a million posts through a real `earshot run` process, its resident
// memory sampled every second, to show that memory levels off.
//
//   build/release/bench/earshot_soak_bench [--posts 1000000] [--authors 20000]
//       [--max-open-items N] [--out samples.tsv]
//
// The broker runs in this process (the embedded Kafka-protocol mock); earshot
// runs as a child process with the shipped rules and default alerting, so
// what is sampled (VmRSS of the child) is earshot alone. Posts are the
// shipped sample posts with unique ids, written by a fixed population of
// `--authors` authors (--authors 0: every post by a new author): state that
// follows the population, like the open items grouped per author and brand,
// stops growing once the population has been seen; state that followed the
// post count would not. The producer keeps at most `kInFlight` posts ahead
// of what earshot has committed, as a live stream would (and because the
// mock broker keeps only the last few MB per partition).
#include <httplib.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <regex>
#include <thread>

#include "app/logging.h"
#include "app/service.h"
#include "bench/sample_posts.h"
#include "connectors/files/sample_files.h"
#include "tests/support/child_process.h"

namespace earshot {
namespace {

using Steady = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr int64_t kInFlight = 20'000;
constexpr int kChunk = 5'000;
constexpr int kPartitions = 8;

struct Options {
  int posts = 1'000'000;
  int authors = 20'000;
  int64_t max_open_items = 0;  // 0: earshot's default
  std::string out;
};

struct Sample {
  double seconds = 0;
  int64_t done = 0;  // posts earshot has committed (input and alerting stage)
  int64_t rss_kib = 0;
};

int64_t RssKib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atoll(line.c_str() + 6);
  }
  return -1;
}

// Post `i`: sample i % n with a unique id and conversation, by author a.
std::string MakePost(const std::string& sample, int i, int author) {
  rapidjson::Document doc;
  doc.Parse(sample.c_str());
  auto& a = doc.GetAllocator();
  const std::string id = "soak-" + std::to_string(i);
  const std::string who = "soak-author-" + std::to_string(author);
  doc.RemoveMember("id");
  doc.AddMember("id", rapidjson::Value(id.c_str(), a), a);
  doc.RemoveMember("conversation_id");
  doc.RemoveMember("in_reply_to");
  doc.RemoveMember("author");
  rapidjson::Value author_value(rapidjson::kObjectType);
  author_value.AddMember("id", rapidjson::Value(who.c_str(), a), a);
  author_value.AddMember("handle", rapidjson::Value(who.c_str(), a), a);
  doc.AddMember("author", author_value, a);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  doc.Accept(writer);
  return buffer.GetString();
}

int Run(const Options& o) {
  auto broker = EmbeddedBroker::Start(EmbeddedBrokerOptions{});
  if (!broker.ok()) return std::fprintf(stderr, "%s\n", broker.status().ToString().c_str()), 1;
  Config config = DefaultConfig();
  config.embedded_partitions = kPartitions;
  if (Status s = CreateTopics(**broker, config); !s.ok())
    return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
  const KafkaProperties props = {{"bootstrap.servers", (*broker)->bootstrap_servers()}};

  const auto dir =
      std::filesystem::temp_directory_path() / ("earshot-soak-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream yaml(dir / "earshot.yaml");
    yaml << "kafka:\n  bootstrap.servers: " << (*broker)->bootstrap_servers()
         << "\nmetrics:\n  listen: 127.0.0.1:0\n";
    if (o.max_open_items > 0) yaml << "alerting:\n  max_open_items: " << o.max_open_items << "\n";
  }
  const std::string log = (dir / "earshot.log").string();
  testing::ChildProcess earshot(
      {EARSHOT_BINARY, "--log-level", "info", "run", "--config", (dir / "earshot.yaml").string()},
      log);
  const auto ready_deadline = Steady::now() + 60s;
  while (earshot.Log().find("assigned") == std::string::npos) {
    if (Steady::now() > ready_deadline) {
      std::fprintf(stderr, "earshot did not start:\n%s\n", earshot.Log().c_str());
      return 1;
    }
    std::this_thread::sleep_for(100ms);
  }
  const pid_t pid = earshot.pid();

  std::atomic<int64_t> produced{0};
  std::atomic<int64_t> done{0};
  std::atomic<bool> finished{false};
  std::vector<Sample> samples;
  std::mutex samples_mutex;
  const auto start = Steady::now();
  std::thread sampler([&] {
    auto next = Steady::now();
    while (!finished.load()) {
      const Sample s{std::chrono::duration<double>(Steady::now() - start).count(), done.load(),
                     RssKib(pid)};
      {
        const std::lock_guard<std::mutex> lock(samples_mutex);
        samples.push_back(s);
      }
      next += 1s;
      std::this_thread::sleep_until(next);
    }
  });

  const std::vector<std::string> sample_posts = SamplePostRecords();
  std::mt19937 rng(42);
  const auto topics = config.ConsumedTopics();
  const auto update_done = [&]() -> bool {
    auto backlog = GroupBacklog(props, config.GroupId(), topics, 10000);
    if (!backlog.ok()) return false;
    // Each post is consumed twice (input, then the classified topic), so the
    // group's backlog counts an unfinished post up to twice.
    done.store(std::max<int64_t>(0, produced.load() - (*backlog + 1) / 2));
    return *backlog == 0;
  };
  for (int first = 0; first < o.posts; first += kChunk) {
    std::vector<OutRecord> chunk;
    for (int i = first; i < std::min(o.posts, first + kChunk); ++i) {
      const int author =
          o.authors > 0 ? static_cast<int>(rng() % static_cast<unsigned>(o.authors)) : i;
      chunk.push_back(
          OutRecord{config.topics.inputs.front(),
                    "",
                    MakePost(sample_posts[static_cast<size_t>(i) % sample_posts.size()], i, author),
                    {},
                    i % kPartitions});
    }
    if (Status s = ProduceAll(props, chunk); !s.ok())
      return std::fprintf(stderr, "produce: %s\n", s.ToString().c_str()), 1;
    produced += static_cast<int64_t>(chunk.size());
    while (true) {
      (void)update_done();
      if (produced.load() - done.load() <= kInFlight) break;
      std::this_thread::sleep_for(50ms);
    }
  }
  const auto drain_deadline = Steady::now() + 300s;
  while (!update_done() && Steady::now() < drain_deadline) std::this_thread::sleep_for(200ms);
  const double seconds = std::chrono::duration<double>(Steady::now() - start).count();
  std::this_thread::sleep_for(2s);  // two more samples at rest
  finished = true;
  sampler.join();

  // What earshot itself says about its state, from its metrics.
  std::smatch m;
  const std::string text = earshot.Log();
  std::string open_items = "?", limit_hits = "?";
  if (std::regex_search(text, m, std::regex(R"(http://(127\.0\.0\.1:[0-9]+)/metrics)"))) {
    httplib::Client client("http://" + m[1].str());
    auto scrape = client.Get("/metrics");
    double open = 0, hits = 0;
    std::istringstream in(scrape ? scrape->body : std::string());
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("earshot_open_items{", 0) == 0)
        open += std::stod(line.substr(line.rfind(' ')));
      if (line.rfind("earshot_limit_hits_total{", 0) == 0)
        hits += std::stod(line.substr(line.rfind(' ')));
    }
    open_items = std::to_string(static_cast<int64_t>(open));
    limit_hits = std::to_string(static_cast<int64_t>(hits));
  }
  earshot.Signal(SIGTERM);
  (void)earshot.WaitFor(30s);

  if (!o.out.empty()) {
    std::ofstream out(o.out);
    out << "seconds\tposts_done\trss_kib\n";
    for (const Sample& s : samples) out << s.seconds << '\t' << s.done << '\t' << s.rss_kib << '\n';
  }
  // The curve at every tenth of the run, and the growth over its second half.
  const auto at_fraction = [&](double f) {
    const int64_t target = static_cast<int64_t>(f * o.posts);
    for (const Sample& s : samples)
      if (s.done >= target) return s;
    return samples.back();
  };
  int64_t peak = 0;
  for (const Sample& s : samples) peak = std::max(peak, s.rss_kib);
  std::printf("posts: %d, authors: %s, partitions: %d, %.1f s (%.0f posts/s), %zu samples\n",
              o.posts, o.authors > 0 ? std::to_string(o.authors).c_str() : "one per post",
              kPartitions, seconds, o.posts / seconds, samples.size());
  std::printf("%-10s %-10s %-10s\n", "posts", "seconds", "RSS MiB");
  for (int tenth = 0; tenth <= 10; ++tenth) {
    const Sample s = at_fraction(tenth / 10.0);
    std::printf("%-10lld %-10.1f %-10.1f\n", static_cast<long long>(s.done), s.seconds,
                s.rss_kib / 1024.0);
  }
  const Sample half = at_fraction(0.5), end = samples.back();
  std::printf(
      "peak RSS %.1f MiB; second half: %+.1f MiB (%+.2f%%); open items at the end: %s; "
      "limit hits: %s\n",
      peak / 1024.0, (end.rss_kib - half.rss_kib) / 1024.0,
      100.0 * static_cast<double>(end.rss_kib - half.rss_kib) /
          static_cast<double>(std::max<int64_t>(1, half.rss_kib)),
      open_items.c_str(), limit_hits.c_str());
  std::filesystem::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace earshot

int main(int argc, char** argv) {
  earshot::Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--posts") == 0) o.posts = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--authors") == 0) o.authors = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--max-open-items") == 0) o.max_open_items = std::atoll(argv[i + 1]);
    if (std::strcmp(argv[i], "--out") == 0) o.out = argv[i + 1];
  }
  (void)earshot::SetupLogging("text", "warn");
  return earshot::Run(o);
}
