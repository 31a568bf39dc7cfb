// Rule matching at scale (issue 4): RuleSet compile time and per-post match
// cost for 10, 100, 1k and 10k synthetic rules over 10k synthetic posts,
// against the obvious loop of one RE2::PartialMatch per rule pattern, measured
// in the same run.
//
//   build/release/bench/earshot_rules_bench --benchmark_min_time=0.3
//
// Rules and posts are generated in memory with fixed seeds, so every run sees
// the same data. Rules are YAML text, read, collected and built exactly as a
// rule pack on disk is (ReadRuleText, CollectRules, RuleSet::Build); about 20%
// of the patterns are RE2 regexes, the rest terms, phrases and stems. Posts
// are Turkish and English customer-service text of 8-30 words over the same
// vocabulary; some contain a rule's example phrase, so a realistic share of
// them match.
//
// Benchmarks:
//   BM_Compile/N         read + collect + build N rules, from one YAML text
//                        (per_build: CPU time per build)
//   BM_MatchSet/N        RuleSet::Match over the 10k pre-normalized posts
//   BM_MatchUnseen/N     a fresh set warmed on half the posts, timed on the other
//                        half: every timed post is new to it, as in a live stream
//   BM_NormalizeMatch/N  the same as BM_MatchSet, normalizing each post first
//   BM_NaiveLoop/N       for each post and rule, PartialMatch of each of the
//                        rule's patterns (each its own RE2) on the text form the
//                        engine uses; fewer posts at large N, see NaivePosts()
// Each post is matched with the MatchContext the classifier would give it: the
// language DetectLanguage finds (computed once, outside the timed loops), or
// "" when it finds no evidence, in which case rules of every language apply.
// The naive loop skips rules of another language the same way.
// per_post is CPU time per post; rules_per_post and posts_matched say how much
// matched; lang_known is the share of posts with a detected language. Each RuleSet is built once
// per N and warmed on all posts before it is timed (a running pipeline keeps its RuleSet and RE2's
// DFA cache). Before timing, BM_NaiveLoop checks that the naive loop and RuleSet::Match find the
// same rules for every post it uses.
#include <benchmark/benchmark.h>
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "earshot/rule_set.h"
#include "pipeline/match/rule_collector.h"
#include "pipeline/match/rule_reader.h"
#include "pipeline/normalize/lang_id.h"
#include "pipeline/normalize/normalizer.h"

namespace earshot {
namespace {

constexpr int kMaxRules = 10000;
constexpr int kPosts = 10000;
constexpr unsigned kRuleSeed = 20261123;
constexpr unsigned kPostSeed = 4;

// Real customer-service words; the generated pseudo-words below make the
// vocabulary large enough for 10k distinct rules.
const std::vector<std::string> kTurkishWords = {
    "kargo",        "kargom",      "sipariş",     "siparişim",  "paket",     "paketim",
    "teslimat",     "teslim",      "kurye",       "şube",       "dağıtım",   "gönderi",
    "koli",         "iade",        "iadem",       "para",       "ücret",     "fatura",
    "faturam",      "ödeme",       "ödemem",      "kart",       "kredi",     "taksit",
    "hesap",        "hesabım",     "şifre",       "giriş",      "uygulama",  "site",
    "sayfa",        "müşteri",     "hizmet",      "hizmetleri", "destek",    "temsilci",
    "çağrı",        "merkezi",     "şikayet",     "sorun",      "hata",      "arıza",
    "bozuk",        "kırık",       "eksik",       "yanlış",     "geç",       "gecikme",
    "bekliyorum",   "gelmedi",     "ulaşmadı",    "iptal",      "değişim",   "garanti",
    "ürün",         "ürünü",       "kalite",      "kalitesiz",  "fiyat",     "indirim",
    "kampanya",     "kupon",       "puan",        "abonelik",   "internet",  "hat",
    "modem",        "bağlantı",    "kesinti",     "çekmiyor",   "yavaş",     "donuyor",
    "çöküyor",      "açılmıyor",   "rezalet",     "berbat",     "skandal",   "mağdur",
    "mağduriyet",   "dolandırıcı", "avukat",      "tüketici",   "hakem",     "heyeti",
    "dava",         "mahkeme",     "zehirlendim", "yanık",      "tehlikeli", "yangın",
    "haber",        "gazete",      "teşekkürler", "harika",     "mükemmel",  "hızlı",
    "güzel",        "memnun",      "memnunum",    "süper",      "başarılı",  "ilgili",
    "nasıl",        "nereden",     "ne",          "zaman",      "bilgi",     "yardım",
    "numara",       "adres",       "mesaj",       "cevap",      "yanıt",     "dönüş",
    "ulaşamıyorum", "aradım",      "yazdım",      "bekledim",   "saat",      "gün",
    "hafta",        "ay",          "mağaza",      "şubesi",     "personel",  "çalışan",
    "yemek",        "soğuk",       "bayat",       "porsiyon",   "restoran",  "masa",
    "rezervasyon",  "otel",        "oda",         "uçuş",       "bilet",     "bagaj",
    "rötar",        "koltuk",      "sefer",       "bakiye",     "limit",     "faiz",
    "komisyon",     "aidat",       "kesildi",     "çekildi",    "yansıdı",   "onay",
    "kod",          "sms",         "doğrulama",   "engellendi", "kapatıldı", "donduruldu",
};

const std::vector<std::string> kEnglishWords = {
    "delivery",     "parcel",       "package",   "order",       "shipment",    "courier",
    "driver",       "tracking",     "refund",    "return",      "charge",      "charged",
    "billing",      "invoice",      "payment",   "card",        "account",     "password",
    "login",        "app",          "website",   "checkout",    "customer",    "service",
    "support",      "agent",        "callback",  "complaint",   "problem",     "issue",
    "error",        "broken",       "damaged",   "missing",     "wrong",       "late",
    "delayed",      "waiting",      "arrived",   "cancel",      "cancelled",   "exchange",
    "warranty",     "product",      "quality",   "price",       "discount",    "coupon",
    "points",       "subscription", "internet",  "outage",      "signal",      "router",
    "connection",   "slow",         "crashes",   "freezes",     "terrible",    "awful",
    "horrible",     "disgusting",   "scam",      "fraud",       "lawyer",      "lawsuit",
    "court",        "regulator",    "poisoning", "unsafe",      "dangerous",   "fire",
    "journalist",   "news",         "thanks",    "amazing",     "great",       "excellent",
    "fast",         "helpful",      "friendly",  "love",        "happy",       "how",
    "where",        "when",         "question",  "information", "help",        "number",
    "address",      "message",      "reply",     "response",    "email",       "chat",
    "hours",        "days",         "weeks",     "store",       "branch",      "staff",
    "manager",      "food",         "cold",      "stale",       "portion",     "restaurant",
    "table",        "booking",      "hotel",     "room",        "flight",      "ticket",
    "baggage",      "luggage",      "seat",      "balance",     "limit",       "interest",
    "fee",          "fees",         "deducted",  "pending",     "approval",    "code",
    "verification", "blocked",      "closed",    "frozen",      "unsubscribe", "renewal",
};

const std::vector<std::string> kTurkishFiller = {
    "ve",    "bir",   "bu",    "çok",   "ama",   "için", "daha", "hala", "yine",  "artık",
    "ben",   "siz",   "neden", "hiç",   "de",    "da",   "mi",   "mı",   "ile",   "gibi",
    "kadar", "sonra", "önce",  "şimdi", "bugün", "dün",  "hep",  "her",  "kimse", "lütfen",
};

const std::vector<std::string> kEnglishFiller = {
    "the",    "a",   "and",   "my",        "is",   "it",   "to",   "for", "of",  "still",
    "again",  "why", "you",   "your",      "this", "that", "with", "was", "not", "no",
    "please", "now", "today", "yesterday", "just", "been", "have", "has", "i",   "we",
};

const std::vector<std::string> kSuffixes = {"ler", "lar", "im", "ım", "de", "da",
                                            "den", "dan", "i",  "s",  "ed", "ing"};

// Deterministic pseudo-words of 2-4 syllables, some with Turkish letters.
std::vector<std::string> PseudoWords(size_t count, std::mt19937* rng) {
  static const std::vector<std::string> kOnsets = {"b", "c", "ç", "d",  "f",  "g",  "h", "k",
                                                   "l", "m", "n", "p",  "r",  "s",  "ş", "t",
                                                   "v", "y", "z", "br", "tr", "kr", "st"};
  static const std::vector<std::string> kVowels = {"a", "e", "ı", "i", "o", "ö", "u", "ü"};
  static const std::vector<std::string> kCodas = {"", "", "", "n", "r", "l", "k", "m", "t", "s"};
  std::set<std::string> seen(kTurkishWords.begin(), kTurkishWords.end());
  seen.insert(kEnglishWords.begin(), kEnglishWords.end());
  std::vector<std::string> out;
  while (out.size() < count) {
    const int syllables = std::uniform_int_distribution<int>(2, 4)(*rng);
    std::string word;
    for (int s = 0; s < syllables; ++s) {
      word += kOnsets[(*rng)() % kOnsets.size()];
      word += kVowels[(*rng)() % kVowels.size()];
      word += kCodas[(*rng)() % kCodas.size()];
    }
    if (seen.insert(word).second) out.push_back(word);
  }
  return out;
}

// A generated rule: its YAML text and an example text that it matches.
struct GeneratedRule {
  std::string yaml;
  std::string example;
};

struct Corpus {
  std::vector<std::string> pseudo;
  std::vector<GeneratedRule> rules;  // kMaxRules; a pack of N rules is the first N
  std::vector<std::string> posts;    // raw text
  std::vector<NormalizedText> normalized;
  // What the classifier passes to RuleSet::Match: the language it detects
  // (the synthetic posts carry none), "" when detection has no evidence.
  std::vector<MatchContext> contexts;
};

std::string YamlQuote(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '\\' || c == '"') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

class RuleGenerator {
 public:
  explicit RuleGenerator(const std::vector<std::string>* pseudo)
      : pseudo_(pseudo), rng_(kRuleSeed) {}

  GeneratedRule Make(int index) {
    const bool turkish = index % 2 == 0;
    std::string items;
    std::string example;
    std::string all_items;
    const int kinds = Uniform(1, 3);
    for (int k = 0; k < kinds; ++k) {
      std::string written;
      std::string text;
      if (Chance(0.2)) {
        Regex(turkish, &written, &text);
        items += "        - regex: " + YamlQuote(written) + "\n";
      } else {
        Term(turkish, &written, &text);
        items += "        - " + YamlQuote(written) + "\n";
      }
      example += (example.empty() ? "" : " ") + text;
    }
    if (Chance(0.15)) {  // an all: list of two terms
      for (int k = 0; k < 2; ++k) {
        std::string written;
        std::string text;
        Term(turkish, &written, &text);
        all_items += "        - " + YamlQuote(written) + "\n";
        example += " " + text;
      }
    }
    static const char* const kCategories[] = {"complaint", "complaint", "question", "praise",
                                              "neutral"};
    std::string yaml = "  - id: bench.r" + std::to_string(index) + "\n";
    yaml += std::string("    category: ") + kCategories[index % 5] + "\n";
    yaml += "    topic: t" + std::to_string(index % 37) + "\n";
    yaml += "    priority: p" + std::to_string(1 + index % 4) + "\n";
    yaml += std::string("    lang: ") + (index % 7 == 0 ? "any" : turkish ? "tr" : "en") + "\n";
    yaml += "    match:\n";
    yaml += "      any:\n" + items;
    if (!all_items.empty()) yaml += "      all:\n" + all_items;
    yaml += "    tests:\n";
    yaml += "      - text: " + YamlQuote(example) + "\n";
    yaml += "        expect: match\n";
    return GeneratedRule{std::move(yaml), std::move(example)};
  }

 private:
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }

  // A real word of the rule's language (30%) or a pseudo-word.
  std::string Word(bool turkish) {
    if (Chance(0.3)) {
      const auto& words = turkish ? kTurkishWords : kEnglishWords;
      return words[rng_() % words.size()];
    }
    return (*pseudo_)[rng_() % pseudo_->size()];
  }

  // ASCII, as regexes are written (they run on folded text).
  std::string AsciiWord(bool turkish) { return FoldForMatching(Word(turkish), true); }

  // A term, phrase or stem not used before; `text` is a form it matches.
  void Term(bool turkish, std::string* written, std::string* text) {
    for (;;) {
      const double r = std::uniform_real_distribution<double>(0, 1)(rng_);
      if (r < 0.5) {
        *written = Word(turkish);
        *text = *written;
      } else if (r < 0.75) {
        *written = Word(turkish) + " " + Word(turkish);
        *text = *written;
      } else {
        std::string word = Word(turkish);
        if (word.size() > 5 && static_cast<unsigned char>(word.back()) < 0x80) word.pop_back();
        *written = word + "*";
        *text = word + kSuffixes[rng_() % kSuffixes.size()];
      }
      if (used_.insert(TermToPattern(*written)).second) return;
    }
  }

  void Regex(bool turkish, std::string* written, std::string* text) {
    for (;;) {
      const std::string a = AsciiWord(turkish);
      const std::string b = AsciiWord(turkish);
      const std::string c = AsciiWord(turkish);
      switch (Uniform(0, 5)) {
        case 0:
          *written = "\\b(" + a + "|" + b + ")\\w*\\s+(\\S+\\s+){0,2}" + c + "\\b";
          *text = a + " " + c;
          break;
        case 1:
          *written = "\\b" + a + "\\s+(\\S+\\s+)?(" + b + "|" + c + ")\\w*";
          *text = a + " " + c + "ler";
          break;
        case 2:
          *written =
              turkish
                  ? "\\b(\\d+|iki|uc|dort|bes)\\s+(gundur|haftadir|saattir)\\s+(\\S+\\s+){0,2}" + a
                  : "\\b(\\d+|two|three|four|five)\\s+(days|weeks|hours)\\s+(\\S+\\s+){0,2}" + a;
          *text = turkish ? "3 gundur " + a : "3 days " + a;
          break;
        case 3:
          *written = "\\b" + a + "\\s*n.?t\\s+(" + b + "|" + c + ")\\b";
          *text = a + " not " + b;
          break;
        case 4:
          *written = "\\b(" + a + "|" + b + "|" + c + ")(lar|ler|im|um|in)?\\b";
          *text = b + "ler";
          break;
        default:
          *written = "\\b" + a + ".{0,20}" + b;
          *text = a + " " + b;
          break;
      }
      if (used_.insert(*written).second) return;
    }
  }

  const std::vector<std::string>* pseudo_;
  std::mt19937 rng_;
  std::set<std::string> used_;  // patterns already generated
};

std::vector<std::string> MakePosts(const std::vector<GeneratedRule>& rules,
                                   const std::vector<std::string>& pseudo) {
  std::mt19937 rng(kPostSeed);
  auto uniform = [&](double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng);
  };
  // Zipf-like: low indices are much more frequent than high ones.
  auto log_uniform = [&](size_t n) {
    return std::min(n - 1, static_cast<size_t>(std::exp(uniform(0, std::log(n)))) - 1);
  };
  std::vector<std::string> posts;
  posts.reserve(kPosts);
  for (int p = 0; p < kPosts; ++p) {
    const bool turkish = uniform(0, 1) < 0.6;
    const auto& filler = turkish ? kTurkishFiller : kEnglishFiller;
    const auto& words = turkish ? kTurkishWords : kEnglishWords;
    const int length = std::uniform_int_distribution<int>(8, 30)(rng);
    std::vector<std::string> out;
    for (int w = 0; w < length; ++w) {
      const double r = uniform(0, 1);
      std::string word = r < 0.5   ? filler[rng() % filler.size()]
                         : r < 0.8 ? words[log_uniform(words.size())]
                                   : pseudo[log_uniform(pseudo.size())];
      if (uniform(0, 1) < 0.15) word += kSuffixes[rng() % kSuffixes.size()];
      out.push_back(std::move(word));
    }
    // Some posts quote what a rule is about (more often the first rules).
    if (uniform(0, 1) < 0.4) {
      const size_t at = rng() % out.size();
      out.insert(out.begin() + static_cast<std::ptrdiff_t>(at),
                 rules[log_uniform(rules.size())].example);
    }
    std::string text;
    for (const std::string& w : out) text += (text.empty() ? "" : " ") + w;
    const double r = uniform(0, 1);
    if (r < 0.05) {
      for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (r < 0.2) {
      text += "!!!";
    } else if (r < 0.3) {
      text += " 😡";
    } else if (r < 0.4) {
      text += "?";
    }
    posts.push_back(std::move(text));
  }
  return posts;
}

const Corpus& GetCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    std::mt19937 rng(kRuleSeed);
    c->pseudo = PseudoWords(16000, &rng);
    RuleGenerator generator(&c->pseudo);
    for (int i = 0; i < kMaxRules; ++i) c->rules.push_back(generator.Make(i));
    c->posts = MakePosts(c->rules, c->pseudo);
    for (const std::string& post : c->posts) {
      c->normalized.push_back(Normalize(post, true));
      MatchContext context;
      context.lang = DetectLanguage(post, c->normalized.back()).lang;
      c->contexts.push_back(std::move(context));
    }
    return c;
  }();
  return *corpus;
}

std::string RulePack(int n) {
  const Corpus& corpus = GetCorpus();
  std::string yaml = "# generated by rules_bench\nrules:\n";
  for (int i = 0; i < n; ++i) yaml += corpus.rules[static_cast<size_t>(i)].yaml;
  return yaml;
}

// Read, collect, build; nullptr (and the errors printed) on any error.
std::shared_ptr<const RuleSet> BuildRules(const std::string& yaml, std::vector<Rule>* rules_out) {
  std::vector<Diagnostic> diagnostics;
  std::vector<RuleFile> files;
  files.push_back(ReadRuleText(yaml, "bench.yaml", &diagnostics));
  CollectedRules collected = CollectRules(files, RuleSetOptions{}, &diagnostics);
  std::shared_ptr<const RuleSet> out;
  if (!HasErrors(diagnostics)) {
    if (rules_out != nullptr) *rules_out = collected.rules;
    auto set = RuleSet::Build(std::move(collected.rules), std::move(collected.macros),
                              RuleSetOptions{}, &diagnostics);
    if (set.ok()) out = *set;
  }
  int errors = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError && ++errors <= 5) {
      std::fprintf(stderr, "%s\n", d.ToString().c_str());
    }
  }
  return errors == 0 ? out : nullptr;
}

// The per-rule loop: every pattern of every rule as its own RE2.
class NaiveMatcher {
 public:
  explicit NaiveMatcher(const std::vector<Rule>& rules) {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingUTF8);
    options.set_log_errors(false);
    for (const Rule& rule : rules) {
      NaiveRule r;
      for (const auto& [items, out] :
           {std::pair{&rule.match.any, &r.any}, std::pair{&rule.match.all, &r.all}}) {
        for (const MatchItem& item : *items) {
          if (item.kind != MatchItem::Kind::kPatterns) std::abort();  // not generated
          std::vector<Compiled> alternatives;
          for (const Pattern& p : item.alternatives) {
            alternatives.push_back(
                Compiled{std::make_unique<RE2>(p.re, options), p.form == Pattern::Form::kWords});
          }
          out->push_back(std::move(alternatives));
        }
      }
      if (!rule.match.none.empty() || !rule.exceptions.empty()) std::abort();  // not generated
      r.lang = rule.lang;
      rules_.push_back(std::move(r));
    }
  }

  // Indices of the matching rules, in rule order. A rule for another
  // language is skipped first, as RuleSet does (docs/rules.md "Language").
  std::vector<int> Match(const NormalizedText& text, const MatchContext& context) const {
    std::vector<int> matched;
    for (size_t r = 0; r < rules_.size(); ++r) {
      const NaiveRule& rule = rules_[r];
      if (!context.lang.empty() && rule.lang != "any" && rule.lang != context.lang) continue;
      auto holds = [&](const std::vector<Compiled>& alternatives) {
        for (const Compiled& c : alternatives) {
          if (RE2::PartialMatch(c.words ? text.words : text.folded, *c.re)) return true;
        }
        return false;
      };
      if (!rule.any.empty() && std::none_of(rule.any.begin(), rule.any.end(), holds)) continue;
      if (!std::all_of(rule.all.begin(), rule.all.end(), holds)) continue;
      matched.push_back(static_cast<int>(r));
    }
    return matched;
  }

 private:
  struct Compiled {
    std::unique_ptr<RE2> re;
    bool words = true;  // else folded
  };
  struct NaiveRule {
    std::vector<std::vector<Compiled>> any;  // items, each a list of alternatives
    std::vector<std::vector<Compiled>> all;
    std::string lang;
  };
  std::vector<NaiveRule> rules_;
};

struct Engine {
  std::shared_ptr<const RuleSet> set;
  std::unique_ptr<NaiveMatcher> naive;
  bool naive_agrees = false;
};

// How many posts the naive loop runs per iteration: all of them up to 100
// rules, fewer above so that one iteration stays near a second.
int NaivePosts(int n) { return n <= 100 ? kPosts : n <= 1000 ? 2000 : 300; }

// Built once per N and kept: later benchmarks reuse the set (and its warm DFA).
const Engine& GetEngine(int n) {
  static std::map<int, std::unique_ptr<Engine>> engines;
  std::unique_ptr<Engine>& engine = engines[n];
  if (engine != nullptr) return *engine;
  engine = std::make_unique<Engine>();
  std::vector<Rule> rules;
  engine->set = BuildRules(RulePack(n), &rules);
  if (engine->set == nullptr) return *engine;
  engine->naive = std::make_unique<NaiveMatcher>(rules);
  const Corpus& corpus = GetCorpus();
  engine->naive_agrees = true;
  for (int p = 0; p < kPosts; ++p) {
    const NormalizedText& text = corpus.normalized[static_cast<size_t>(p)];
    const MatchContext& context = corpus.contexts[static_cast<size_t>(p)];
    const std::vector<const Rule*> matched = engine->set->Match(text, context);  // warms the DFA
    if (p >= NaivePosts(n)) continue;
    std::vector<int> indices;
    for (const Rule* rule : matched) {
      indices.push_back(static_cast<int>(rule - engine->set->rules().data()));
    }
    if (indices != engine->naive->Match(text, context)) {
      std::fprintf(stderr, "N=%d: post %d: RuleSet::Match and the naive loop disagree\n", n, p);
      engine->naive_agrees = false;
    }
  }
  return *engine;
}

void SetPostCounters(benchmark::State& state, int posts) {
  state.SetItemsProcessed(state.iterations() * posts);
  // An inverted rate: CPU time per post, printed with its unit ("12.3us").
  state.counters["per_post"] = benchmark::Counter(
      posts, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_Compile(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const std::string yaml = RulePack(n);
  size_t patterns = 0;
  size_t shards = 0;
  for (auto _ : state) {
    const auto set = BuildRules(yaml, nullptr);
    if (set == nullptr) {
      state.SkipWithError("rule pack has errors");
      return;
    }
    patterns = set->pattern_count();
    shards = set->shard_count();
  }
  state.counters["patterns"] = static_cast<double>(patterns);
  state.counters["shards"] = static_cast<double>(shards);
  state.counters["per_build"] = benchmark::Counter(
      1, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_Compile)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_MatchSet(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const Engine& engine = GetEngine(n);
  if (engine.set == nullptr) {
    state.SkipWithError("rule pack has errors");
    return;
  }
  const Corpus& corpus = GetCorpus();
  size_t matches = 0;
  size_t posts_matched = 0;
  for (auto _ : state) {
    matches = 0;
    posts_matched = 0;
    for (size_t p = 0; p < corpus.normalized.size(); ++p) {
      const std::vector<const Rule*> matched =
          engine.set->Match(corpus.normalized[p], corpus.contexts[p]);
      matches += matched.size();
      posts_matched += matched.empty() ? 0 : 1;
    }
  }
  SetPostCounters(state, kPosts);
  state.counters["rules_per_post"] = static_cast<double>(matches) / kPosts;
  state.counters["posts_matched"] = static_cast<double>(posts_matched) / kPosts;
  state.counters["dfa_oom"] = static_cast<double>(RuleSet::dfa_out_of_memory_total());
  state.counters["lang_known"] =
      static_cast<double>(std::count_if(corpus.contexts.begin(), corpus.contexts.end(),
                                        [](const MatchContext& c) { return !c.lang.empty(); })) /
      kPosts;
}
BENCHMARK(BM_MatchSet)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// As a live stream sees posts: every post is new to the set. A fresh set
// is built and warmed on the first half of the posts (untimed), then
// matches the second half once (timed). BM_MatchSet's set has seen every
// post it is timed on, which flatters a DFA: states built for those exact
// texts are all in its cache. Here they are not.
void BM_MatchUnseen(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const Corpus& corpus = GetCorpus();
  const std::string yaml = RulePack(n);
  const size_t half = corpus.normalized.size() / 2;
  size_t matches = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const auto set = BuildRules(yaml, nullptr);
    if (set == nullptr) {
      state.SkipWithError("rule pack has errors");
      return;
    }
    for (size_t p = 0; p < half; ++p) set->Match(corpus.normalized[p], corpus.contexts[p]);
    state.ResumeTiming();
    matches = 0;
    for (size_t p = half; p < corpus.normalized.size(); ++p) {
      matches += set->Match(corpus.normalized[p], corpus.contexts[p]).size();
    }
  }
  SetPostCounters(state, static_cast<int>(corpus.normalized.size() - half));
  state.counters["rules_per_post"] =
      static_cast<double>(matches) / static_cast<double>(corpus.normalized.size() - half);
}
BENCHMARK(BM_MatchUnseen)
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(10000)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);

void BM_NormalizeMatch(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const Engine& engine = GetEngine(n);
  if (engine.set == nullptr) {
    state.SkipWithError("rule pack has errors");
    return;
  }
  const Corpus& corpus = GetCorpus();
  for (auto _ : state) {
    for (size_t p = 0; p < corpus.posts.size(); ++p) {
      benchmark::DoNotOptimize(
          engine.set->Match(Normalize(corpus.posts[p], true), corpus.contexts[p]));
    }
  }
  SetPostCounters(state, kPosts);
}
BENCHMARK(BM_NormalizeMatch)
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);

void BM_NaiveLoop(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const Engine& engine = GetEngine(n);
  if (engine.naive == nullptr) {
    state.SkipWithError("rule pack has errors");
    return;
  }
  if (!engine.naive_agrees) {
    state.SkipWithError("the naive loop and RuleSet::Match disagree");
    return;
  }
  const Corpus& corpus = GetCorpus();
  const int posts = NaivePosts(n);
  for (auto _ : state) {
    for (int p = 0; p < posts; ++p) {
      const auto at = static_cast<size_t>(p);
      benchmark::DoNotOptimize(engine.naive->Match(corpus.normalized[at], corpus.contexts[at]));
    }
  }
  SetPostCounters(state, posts);
  state.counters["posts"] = posts;
}
BENCHMARK(BM_NaiveLoop)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace earshot

BENCHMARK_MAIN();
