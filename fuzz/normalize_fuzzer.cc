// The normalizer on arbitrary bytes, with Turkish and with default casing,
// and rule terms through TermToPattern (the same folding, then RE2 syntax).
//
// Checked besides memory safety: every output form is valid UTF-8 (invalid
// input is replaced, never passed on), a term's pattern always compiles, and
// NormalizeInto over an output left dirty by the previous input (as the
// classifier reuses one per thread) gives what a fresh Normalize gives.
// The sentiment scorer then reads the tokens, with a small lexicon that
// holds the words its context rules look for (negators, boosters,
// "daha ... olabilirdi", "ne ... ne", "like", "kind", bare praise): its
// score is finite and within -1..+1, explained or not, in every language.
#include <re2/re2.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/match/rule_reader.h"
#include "pipeline/normalize/lang_id.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/sentiment/sentiment_scorer.h"

namespace {

const earshot::SentimentScorer& Scorer() {
  static const auto* scorer = [] {
    auto l = std::make_shared<earshot::Lexicons>();
    for (const auto& [word, valence] :
         std::initializer_list<std::pair<const char*, double>>{{"güzel", 2.0},
                                                               {"iyi", 1.5},
                                                               {"beğen*", 2.0},
                                                               {"kötü", -2.5},
                                                               {"rezalet", -3.5},
                                                               {"harika", 3.0},
                                                               {"süper", 2.8},
                                                               {"gelmedi", -2.0},
                                                               {"çok kötü", -3.2},
                                                               {"teşekkürler", 2.0},
                                                               {"sorun*", -1.5},
                                                               {"olmamış", -2.0},
                                                               {"maalesef", -1.2}}) {
      l->tr.Add(word, valence);
    }
    for (const auto& [word, valence] :
         std::initializer_list<std::pair<const char*, double>>{{"good", 2.0},
                                                               {"bad", -2.5},
                                                               {"better", 1.2},
                                                               {"great", 3.0},
                                                               {"perfect", 3.0},
                                                               {"thoroughly", 1.5},
                                                               {"guilt", -1.8},
                                                               {"free", 0.5},
                                                               {"broken", -2.0},
                                                               {"thanks", 1.5},
                                                               {"no", -1.2},
                                                               {"super", 2.5},
                                                               {"not bad", 1.0},
                                                               {"love", 3.0},
                                                               {"fun", 2.3},
                                                               {"cool", 1.3},
                                                               {"problems", -1.5},
                                                               {"yeah", 0.5},
                                                               {"yeah right", -0.8}}) {
      l->en.Add(word, valence);
    }
    l->emoji.Add(":)", 1.5);
    l->emoji.Add(":(", -1.5);
    l->emoji.Add("\xF0\x9F\x91\x8F", 1.5);   // 👏, which sarcasm turns
    l->emoji.Add("\xF0\x9F\x99\x83", -0.3);  // 🙃, which turns praise
    return new earshot::SentimentScorer(l);
  }();
  return *scorer;
}

void Check(bool condition, const char* what) {
  if (!condition) {
    fprintf(stderr, "normalize_fuzzer: %s\n", what);
    abort();
  }
}

bool ValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0 || cp < 0) return false;
    p += n;
    left -= n;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16 * 1024) return 0;  // posts are short; the decoder caps records anyway
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const bool turkish : {true, false}) {
    const earshot::NormalizedText n = earshot::Normalize(text, turkish);
    Check(ValidUtf8(n.lower) && ValidUtf8(n.folded) && ValidUtf8(n.words),
          "a normalized form is not valid UTF-8");
    for (const earshot::Token& t : n.tokens) Check(ValidUtf8(t.text), "a token is not UTF-8");
    // Only quotation marks (or an entity that decodes to one) quote tokens.
    const bool any_quoted = std::any_of(n.tokens.begin(), n.tokens.end(),
                                        [](const earshot::Token& t) { return t.quoted; });
    Check(!any_quoted || text.find('"') != std::string_view::npos ||
              text.find("\xE2\x80") != std::string_view::npos ||
              text.find("\xC2\xAB") != std::string_view::npos ||
              text.find("\xC2\xBB") != std::string_view::npos ||
              text.find('&') != std::string_view::npos,
          "a token is quoted in a text with no quotation mark");
    Check(ValidUtf8(earshot::FoldForMatching(text, turkish)), "folded text is not UTF-8");
    // Kept across inputs on purpose: each call meets what the last one left.
    static earshot::NormalizedText reused;
    earshot::NormalizeInto(text, turkish, &reused);
    Check(reused.lower == n.lower && reused.folded == n.folded && reused.words == n.words &&
              reused.tokens.size() == n.tokens.size(),
          "NormalizeInto over a used output differs from Normalize");
    for (size_t i = 0; i < n.tokens.size(); ++i) {
      const earshot::Token& a = reused.tokens[i];
      const earshot::Token& b = n.tokens[i];
      Check(a.text == b.text && a.is_word == b.is_word && a.kind == b.kind && a.caps == b.caps &&
                a.clause_start == b.clause_start && a.in_question == b.in_question &&
                a.after_comma == b.after_comma && a.quoted == b.quoted,
            "NormalizeInto over a used output gives another token");
    }
    for (const char* lang : {"tr", "en", ""}) {
      for (const bool explain : {false, true}) {
        for (const bool complaint_rule : {false, true}) {
          earshot::ScoreContext context;
          context.complaint_rule = complaint_rule;
          const double score = Scorer().Score(n, lang, text, explain, context).score;
          Check(std::isfinite(score) && score >= -1.0 && score <= 1.0,
                "a sentiment score is not finite or outside -1..+1");
        }
      }
    }
    const earshot::LangGuess guess = earshot::DetectLanguage(text, n);
    Check((guess.lang == "tr" || guess.lang == "en" || guess.lang.empty()) &&
              guess.confidence >= 0.0 && guess.confidence <= 1.0,
          "a language guess is not tr, en or none, or its confidence is outside 0..1");
  }
  if (size <= 256) {  // rule terms are a few words
    const std::string pattern = earshot::TermToPattern(std::string(text));
    if (!pattern.empty()) {
      RE2::Options options;
      options.set_log_errors(false);
      const RE2 re(pattern, options);
      Check(re.ok(), "TermToPattern produced a pattern RE2 rejects");
    }
  }
  return 0;
}
