#include "app/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "earshot/diagnostic.h"

namespace earshot {
namespace {

class ConfigError {
 public:
  ConfigError(const std::string& name, const YAML::Mark& mark, const std::string& message)
      : text_(name + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) +
              ": " + message) {}
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

class Parser {
 public:
  Parser(std::string name, std::string base_dir)
      : name_(std::move(name)), base_(std::move(base_dir)) {}

  [[noreturn]] void Fail(const YAML::Node& node, const std::string& message) const {
    throw ConfigError(name_, node.Mark(), message);
  }

  void CheckKeys(const YAML::Node& map, const std::string& where,
                 std::initializer_list<const char*> allowed) const {
    if (!map.IsMap()) Fail(map, "'" + where + "' must be a mapping");
    const std::vector<std::string> candidates(allowed.begin(), allowed.end());
    for (const auto& kv : map) {
      const std::string key = kv.first.Scalar();
      if (std::find(candidates.begin(), candidates.end(), key) != candidates.end()) continue;
      std::string message = "unknown key '";
      message.append(key).append("' in ").append(where);
      if (const std::string best = DidYouMean(key, candidates); !best.empty()) {
        message += " (did you mean '" + best + "'?)";
      }
      Fail(kv.first, message);
    }
  }

  std::string Scalar(const YAML::Node& node, const std::string& key) const {
    if (!node.IsScalar()) Fail(node, "'" + key + "' must be a single value");
    return node.Scalar();
  }

  int Int(const YAML::Node& node, const std::string& key, int lo, int hi) const {
    const std::string text = Scalar(node, key);
    try {
      size_t used = 0;
      const long long v = std::stoll(text, &used);
      if (used != text.size() || v < lo || v > hi) throw std::out_of_range(key);
      return static_cast<int>(v);
    } catch (const std::exception&) {
      Fail(node, "'" + key + "' must be a whole number from " + std::to_string(lo) + " to " +
                     std::to_string(hi) + ", got '" + text + "'");
    }
  }

  double Double(const YAML::Node& node, const std::string& key) const {
    const std::string text = Scalar(node, key);
    try {
      size_t used = 0;
      const double v = std::stod(text, &used);
      if (used != text.size()) throw std::invalid_argument(key);
      return v;
    } catch (const std::exception&) {
      Fail(node, "'" + key + "' must be a number, got '" + text + "'");
    }
  }

  std::vector<std::string> StringList(const YAML::Node& node, const std::string& key) const {
    std::vector<std::string> out;
    if (node.IsScalar()) {
      out.push_back(node.Scalar());
    } else if (node.IsSequence()) {
      for (const auto& item : node) out.push_back(Scalar(item, key));
    } else {
      Fail(node, "'" + key + "' must be a string or a list of strings");
    }
    return out;
  }

  std::string Path(const std::string& path) const {
    if (path.empty() || path[0] == '/' || base_.empty()) return path;
    return (std::filesystem::path(base_) / path).lexically_normal().string();
  }

  void ParseSla(const YAML::Node& node, SlaPolicy* policy) const {
    CheckKeys(node, "sla", {"social", "review", "complaint_site"});
    for (const auto& kv : node) {
      const std::string kind_name = kv.first.Scalar();
      const ChannelKind kind = kind_name == "social"   ? ChannelKind::kSocial
                               : kind_name == "review" ? ChannelKind::kReview
                                                       : ChannelKind::kComplaintSite;
      auto set = [&](const YAML::Node& value, std::optional<Priority> priority) {
        const auto ms = ParseDurationMs(Scalar(value, "sla." + kind_name));
        if (!ms.ok()) Fail(value, ms.status().message());
        if (*ms <= 0) Fail(value, "an SLA must be longer than zero");
        policy->Set(kind, priority, *ms);
      };
      if (kv.second.IsScalar()) {
        set(kv.second, std::nullopt);
        continue;
      }
      CheckKeys(kv.second, "sla." + kind_name, {"default", "p1", "p2", "p3", "p4"});
      for (const auto& p : kv.second) {
        const std::string key = p.first.Scalar();
        set(p.second, key == "default"
                          ? std::nullopt
                          : std::optional<Priority>(static_cast<Priority>(key[1] - '0')));
      }
    }
  }

  void ParseBrands(const YAML::Node& node, Config* config) const {
    if (!node.IsMap()) Fail(node, "'brands' must map brand names to settings");
    for (const auto& kv : node) {
      const std::string brand = kv.first.Scalar();
      CheckKeys(kv.second, "brands." + brand,
                {"accounts", "names", "apps", "timezone", "hours", "holidays", "business_hours_for",
                 "p1_around_the_clock"});
      ParseBrandCalendar(kv.second, brand, config);
      auto& accounts = config->brand_accounts[brand];
      if (kv.second["accounts"]) {
        for (std::string handle : StringList(kv.second["accounts"], "accounts")) {
          if (!handle.empty() && handle[0] == '@') handle.erase(0, 1);
          std::transform(handle.begin(), handle.end(), handle.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
          accounts.insert(handle);
        }
      }
      if (kv.second["names"]) {
        config->brand_names[brand] = StringList(kv.second["names"], "names");
      }
      if (kv.second["apps"]) {
        for (const std::string& app : StringList(kv.second["apps"], "apps")) {
          config->decode.app_brands[app] = brand;
        }
      }
    }
  }

  int64_t Duration(const YAML::Node& node, const std::string& key) const {
    const auto ms = ParseDurationMs(Scalar(node, key));
    if (!ms.ok()) Fail(node, ms.status().message());
    if (*ms <= 0) Fail(node, "'" + key + "' must be longer than zero");
    return *ms;
  }

  bool Bool(const YAML::Node& node, const std::string& key) const {
    const std::string v = Scalar(node, key);
    if (v == "true" || v == "on" || v == "yes") return true;
    if (v == "false" || v == "off" || v == "no") return false;
    Fail(node, "'" + key + "' must be true or false, got '" + v + "'");
  }

  void ParseBrandCalendar(const YAML::Node& node, const std::string& brand, Config* config) const {
    if (!node["timezone"] && !node["hours"] && !node["holidays"]) return;
    const std::string tz = node["timezone"] ? Scalar(node["timezone"], "timezone") : "UTC";
    WeeklyHours hours = WeeklyHours::AllWeek();
    if (node["hours"]) {
      auto parsed = ParseWeeklyHours(Scalar(node["hours"], "hours"));
      if (!parsed.ok()) Fail(node["hours"], parsed.status().message());
      hours = std::move(parsed).value();
    }
    std::vector<std::string> holidays;
    if (node["holidays"]) holidays = StringList(node["holidays"], "holidays");
    auto calendar = BusinessCalendar::Make(tz, hours, holidays);
    if (!calendar.ok()) {
      const YAML::Node& where = calendar.status().code() == "invalid_holiday" ? node["holidays"]
                                : node["timezone"]                            ? node["timezone"]
                                                                              : node;
      Fail(where, calendar.status().message());
    }
    BrandCalendar& entry = config->alerting.brands[brand];
    entry.calendar = std::move(calendar).value();
    if (const auto& kinds = node["business_hours_for"]) {
      entry.applies_to[0] = entry.applies_to[1] = entry.applies_to[2] = false;
      for (const std::string& k : StringList(kinds, "business_hours_for")) {
        if (k == "social") {
          entry.applies_to[0] = true;
        } else if (k == "review") {
          entry.applies_to[1] = true;
        } else if (k == "complaint_site") {
          entry.applies_to[2] = true;
        } else {
          Fail(kinds, "unknown channel kind '" + k + "' (social, review, complaint_site)");
        }
      }
    }
    if (node["p1_around_the_clock"])
      entry.p1_around_the_clock = Bool(node["p1_around_the_clock"], "p1_around_the_clock");
  }

  void ParseAlerting(const YAML::Node& node, Config* config) const {
    CheckKeys(node, "alerting",
              {"escalation_steps", "group_window", "praise", "expire_after", "max_open_items",
               "max_pending_acks", "spikes", "outputs", "webhook", "class_sla"});
    AlertPolicy& p = config->alerting;
    if (const auto& steps = node["escalation_steps"]) {
      p.escalation_steps.clear();
      if (!steps.IsSequence()) Fail(steps, "'escalation_steps' must be a list such as [1, 2, 4]");
      double previous = 0;
      for (const auto& step : steps) {
        const double v = Double(step, "escalation_steps");
        if (v <= previous) Fail(step, "escalation steps must be positive and increasing");
        previous = v;
        p.escalation_steps.push_back(v);
      }
      if (p.escalation_steps.size() > 16) Fail(steps, "at most 16 escalation steps");
    }
    if (const auto& by_class = node["class_sla"]) {
      // Same shape as the top-level sla:, starting from it.
      CheckKeys(by_class, "alerting.class_sla", {"complaint", "question"});
      for (const auto& kv : by_class) {
        SlaPolicy policy = config->sla;
        ParseSla(kv.second, &policy);
        p.class_sla[kv.first.Scalar() == "complaint" ? PostClass::kComplaint
                                                     : PostClass::kQuestion] = policy;
      }
    }
    if (const auto& w = node["group_window"]) {
      p.group_window_ms = Scalar(w, "group_window") == "off" ? 0 : Duration(w, "group_window");
    }
    if (const auto& praise = node["praise"]) {
      if (Scalar(praise, "praise") == "off") {
        p.praise_due_ms.reset();
      } else {
        p.praise_due_ms = Duration(praise, "praise");
      }
    }
    if (node["expire_after"]) p.expire_after_ms = Duration(node["expire_after"], "expire_after");
    if (node["max_pending_acks"])
      p.max_pending_acks =
          static_cast<size_t>(Int(node["max_pending_acks"], "max_pending_acks", 0, 10000000));
    if (node["max_open_items"])
      p.max_open_items =
          static_cast<size_t>(Int(node["max_open_items"], "max_open_items", 1, 100000000));
    if (const auto& s = node["spikes"]) {
      CheckKeys(s, "alerting.spikes",
                {"enabled", "window", "baseline_windows", "min_count", "ratio", "cooldown"});
      if (s["enabled"]) p.spikes.enabled = Bool(s["enabled"], "enabled");
      if (s["window"]) p.spikes.window_ms = Duration(s["window"], "window");
      if (s["baseline_windows"])
        p.spikes.baseline_windows = Int(s["baseline_windows"], "baseline_windows", 1, 1000);
      if (s["min_count"]) p.spikes.min_count = Int(s["min_count"], "min_count", 1, 1000000);
      if (s["ratio"]) p.spikes.ratio = Double(s["ratio"], "ratio");
      if (s["cooldown"]) p.spikes.cooldown_ms = Duration(s["cooldown"], "cooldown");
    }
    if (const auto& outputs = node["outputs"]) {
      CheckKeys(
          outputs, "alerting.outputs",
          {"response_due", "response_overdue", "responded", "acknowledged", "complaint_spike"});
      for (const auto& kv : outputs) {
        std::set<std::string> chosen;
        for (const std::string& o : StringList(kv.second, kv.first.Scalar())) {
          if (o != "kafka" && o != "webhook" && o != "stdout")
            Fail(kv.second, "unknown output '" + o + "' (kafka, webhook, stdout)");
          chosen.insert(o);
        }
        config->routes.by_type[kv.first.Scalar()] = chosen;
      }
    }
    if (const auto& hook = node["webhook"]) {
      CheckKeys(hook, "alerting.webhook", {"url", "max_queue", "max_attempts", "timeout"});
      if (hook["url"]) config->webhook.url = Scalar(hook["url"], "url");
      if (hook["max_queue"])
        config->webhook.max_queue = Int(hook["max_queue"], "max_queue", 1, 1000000);
      if (hook["max_attempts"])
        config->webhook.max_attempts = Int(hook["max_attempts"], "max_attempts", 1, 100);
      if (hook["timeout"]) config->webhook.timeout_ms = Duration(hook["timeout"], "timeout");
    }
  }

  Config Parse(const YAML::Node& root) const {
    Config config = DefaultConfig();
    if (!root || root.IsNull()) return config;
    CheckKeys(root, "the top level",
              {"kafka", "topics", "rules", "lexicons", "metrics", "sla", "brands", "default_brand",
               "pipeline", "classifier", "alerting"});
    if (const auto& kafka = root["kafka"]) {
      if (!kafka.IsMap()) Fail(kafka, "'kafka' must map librdkafka property names to values");
      for (const auto& kv : kafka)
        config.kafka[kv.first.Scalar()] = Scalar(kv.second, kv.first.Scalar());
    }
    if (const auto& topics = root["topics"]) {
      CheckKeys(topics, "topics", {"inputs", "classified", "alerts", "dlq", "acks", "changelog"});
      if (topics["acks"]) config.topics.acks = Scalar(topics["acks"], "acks");
      if (topics["changelog"]) config.topics.changelog = Scalar(topics["changelog"], "changelog");
      if (topics["inputs"]) config.topics.inputs = StringList(topics["inputs"], "inputs");
      if (config.topics.inputs.empty()) Fail(topics["inputs"], "'inputs' needs at least one topic");
      if (topics["classified"])
        config.topics.classified = Scalar(topics["classified"], "classified");
      if (topics["alerts"]) config.topics.alerts = Scalar(topics["alerts"], "alerts");
      if (topics["dlq"]) config.topics.dlq = Scalar(topics["dlq"], "dlq");
    }
    if (const auto& rules = root["rules"]) {
      config.rules.clear();
      for (const std::string& p : StringList(rules, "rules")) config.rules.push_back(Path(p));
    }
    if (const auto& lexicons = root["lexicons"])
      config.lexicons = Path(Scalar(lexicons, "lexicons"));
    if (const auto& metrics = root["metrics"]) {
      CheckKeys(metrics, "metrics", {"listen"});
      if (metrics["listen"]) config.metrics_listen = Scalar(metrics["listen"], "listen");
    }
    if (const auto& sla = root["sla"]) ParseSla(sla, &config.sla);
    if (const auto& alerting = root["alerting"]) ParseAlerting(alerting, &config);
    if (const auto& brands = root["brands"]) ParseBrands(brands, &config);
    if (const auto& brand = root["default_brand"])
      config.decode.default_brand = Scalar(brand, "default_brand");
    if (const auto& pipeline = root["pipeline"]) {
      CheckKeys(pipeline, "pipeline",
                {"workers", "max_record_bytes", "embedded_partitions", "max_rules",
                 "max_pattern_program_size", "max_partition_backlog"});
      if (pipeline["workers"]) config.workers = Int(pipeline["workers"], "workers", 1, 64);
      if (pipeline["max_record_bytes"]) {
        config.decode.max_record_bytes = static_cast<size_t>(
            Int(pipeline["max_record_bytes"], "max_record_bytes", 1024, 64 << 20));
      }
      if (pipeline["max_rules"]) {
        config.rule_limits.max_rules =
            static_cast<size_t>(Int(pipeline["max_rules"], "max_rules", 1, 10'000'000));
      }
      if (pipeline["max_pattern_program_size"]) {
        config.rule_limits.max_program_size = static_cast<int>(
            Int(pipeline["max_pattern_program_size"], "max_pattern_program_size", 100, 1'000'000));
      }
      if (pipeline["max_partition_backlog"]) {
        config.max_partition_backlog = static_cast<int>(
            Int(pipeline["max_partition_backlog"], "max_partition_backlog", 1, 10'000'000));
      }
      if (pipeline["embedded_partitions"]) {
        config.embedded_partitions =
            Int(pipeline["embedded_partitions"], "embedded_partitions", 1, 256);
      }
    }
    if (const auto& c = root["classifier"]) {
      CheckKeys(c, "classifier",
                {"complaint_below", "praise_above", "question_complaint_below",
                 "praise_overrides_complaint_above", "complaint_max_stars", "praise_min_stars",
                 "complaint_needs_target", "praise_needs_address", "rule_tone"});
      if (c["question_complaint_below"])
        config.classifier.question_complaint_below =
            Double(c["question_complaint_below"], "question_complaint_below");
      if (c["praise_overrides_complaint_above"])
        config.classifier.praise_overrides_complaint_above =
            Double(c["praise_overrides_complaint_above"], "praise_overrides_complaint_above");
      if (c["complaint_below"])
        config.classifier.complaint_below = Double(c["complaint_below"], "complaint_below");
      if (c["praise_above"])
        config.classifier.praise_above = Double(c["praise_above"], "praise_above");
      if (c["complaint_needs_target"])
        config.classifier.sentiment_complaint_needs_target =
            Bool(c["complaint_needs_target"], "complaint_needs_target");
      if (c["praise_needs_address"])
        config.classifier.sentiment_praise_needs_address =
            Bool(c["praise_needs_address"], "praise_needs_address");
      if (c["complaint_max_stars"])
        config.classifier.complaint_max_stars =
            Int(c["complaint_max_stars"], "complaint_max_stars", 0, 5);
      if (c["rule_tone"]) config.classifier.rule_tone = Double(c["rule_tone"], "rule_tone");
      if (c["praise_min_stars"])
        config.classifier.praise_min_stars = Int(c["praise_min_stars"], "praise_min_stars", 1, 6);
    }
    config.alerting.sla = config.sla;
    return config;
  }

 private:
  std::string name_;
  std::string base_;
};

}  // namespace

std::string Config::GroupId() const {
  const auto it = kafka.find("group.id");
  return it != kafka.end() ? it->second : "earshot";
}

std::string DataRoot() {
  if (const char* home = std::getenv("EARSHOT_HOME"); home != nullptr && *home != '\0') return home;
  std::error_code ec;
  if (std::filesystem::is_directory(std::string(EARSHOT_SOURCE_ROOT) + "/rules", ec)) {
    return EARSHOT_SOURCE_ROOT;
  }
  return ".";
}

Config DefaultConfig() {
  Config config;
  const std::string root = DataRoot();
  config.rules = {root + "/rules/core"};
  config.lexicons = root + "/rules/lexicons";
  return config;
}

StatusOr<Config> LoadConfigText(const std::string& text, const std::string& name,
                                const std::string& base_dir) {
  try {
    const YAML::Node root = YAML::Load(text);
    return Parser(name, base_dir).Parse(root);
  } catch (const ConfigError& e) {
    return Status("config", e.text());
  } catch (const YAML::ParserException& e) {
    return Status("config", name + ":" + std::to_string(e.mark.line + 1) + ":" +
                                std::to_string(e.mark.column + 1) + ": YAML syntax: " + e.msg);
  } catch (const YAML::Exception& e) {
    return Status("config", name + ":" + std::to_string(e.mark.line + 1) + ":" +
                                std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
}

StatusOr<Config> LoadConfigFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status("config", path + ": cannot read file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string base = std::filesystem::path(path).parent_path().string();
  return LoadConfigText(buffer.str(), path, base.empty() ? "." : base);
}

std::string SecretsPermissionWarning(const std::string& path, const Config& config) {
  std::vector<std::string> held;
  for (const auto& [key, value] : config.kafka)
    if (IsSecretKafkaKey(key)) held.push_back("kafka." + key);
  if (!config.webhook.url.empty()) held.push_back("alerting.webhook.url");
  if (held.empty()) return "";
  std::error_code error;
  const auto perms = std::filesystem::status(path, error).permissions();
  if (error) return "";
  using std::filesystem::perms;
  if ((perms & perms::others_read) == perms::none) return "";
  std::string keys;
  for (const std::string& k : held) keys += (keys.empty() ? "" : ", ") + k;
  return path + " holds secrets (" + keys +
         ") and is readable by every user on this machine; run: chmod 600 " + path;
}

}  // namespace earshot
