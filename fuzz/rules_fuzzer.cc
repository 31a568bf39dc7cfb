// A rule file from memory through the whole load: reader (YAML -> drafts
// with marks), collector (lists, macros, lint) and RuleSet::Build (RE2 sets),
// then one match over a fixed post so a built set is also exercised.
// Diagnostics are formatted, as `earshot rules lint` prints them (snippets
// index the source lines by the reported line and column).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "earshot/diagnostic.h"
#include "earshot/rule_set.h"
#include "pipeline/match/rule_collector.h"
#include "pipeline/match/rule_reader.h"
#include "pipeline/normalize/normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The shipped packs are ~30 KB; larger inputs only slow the fuzzer down.
  if (size > 64 * 1024) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<earshot::Diagnostic> diagnostics;
  std::vector<earshot::RuleFile> files;
  files.push_back(earshot::ReadRuleText(text, "fuzz.yaml", &diagnostics));
  const earshot::RuleSetOptions options;
  earshot::CollectedRules collected = earshot::CollectRules(files, options, &diagnostics);
  if (!earshot::HasErrors(diagnostics) && !collected.rules.empty()) {
    auto set = earshot::RuleSet::Build(std::move(collected.rules), std::move(collected.macros),
                                       options, &diagnostics);
    if (set.ok()) {
      for (const bool turkish : {true, false}) {
        const earshot::NormalizedText post = earshot::Normalize(
            "Kargom 5 gündür gelmedi, REZALET! @acme #KargoGelmedi berbat ama teşekkürler",
            turkish);
        earshot::MatchContext context;
        context.lang = turkish ? "tr" : "en";
        context.channel = "x";
        (void)(*set)->Match(post, context);
        (void)(*set)->Explain(post, context);
      }
    }
  }
  for (const earshot::Diagnostic& d : diagnostics) (void)d.ToString();
  return 0;
}
