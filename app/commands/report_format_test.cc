// The report formats of `earshot rules lint` and `rules test`.
#include "app/commands/report_format.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

namespace earshot {
namespace {

TEST(ReportFormat, NamesAreParsedAndOthersRefused) {
  EXPECT_EQ(ParseReportFormat("text"), ReportFormat::kText);
  EXPECT_EQ(ParseReportFormat("json"), ReportFormat::kJson);
  EXPECT_EQ(ParseReportFormat("github"), ReportFormat::kGithub);
  EXPECT_EQ(ParseReportFormat("sarif"), std::nullopt);
  EXPECT_EQ(ParseReportFormat(""), std::nullopt);
}

TEST(ReportFormat, GithubAnnotationEscapesWhatTheRunnerWouldMisread) {
  EXPECT_EQ(GithubAnnotation("error", "rules/tr.yaml", 12, 7, "regex_syntax", "missing )"),
            "::error file=rules/tr.yaml,line=12,col=7,title=regex_syntax::missing )");
  // In the properties ',' and ':' separate, so they are escaped there; in
  // the message only '%', CR and LF are.
  EXPECT_EQ(GithubAnnotation("warning", "a,b:c.yaml", 3, 0, "x:y", "50% off, at 10:30\nnow"),
            "::warning file=a%2Cb%3Ac.yaml,line=3,title=x%3Ay::50%25 off, at 10:30%0Anow");
  // Unknown positions are left out, not written as 0.
  EXPECT_EQ(GithubAnnotation("error", "", 0, 0, "", "no rule files"), "::error::no rule files");
}

TEST(ReportFormat, DiagnosticsSortIntoSourceOrderFileByFile) {
  auto d = [](const char* file, int line, int column, const char* code) {
    return Diagnostic{Severity::kError, code, file, line, column, "m", ""};
  };
  const std::vector<Diagnostic> sorted =
      InSourceOrder({d("b.yaml", 9, 1, "b9"), d("a.yaml", 12, 7, "a12"), d("b.yaml", 2, 5, "b2"),
                     d("a.yaml", 4, 3, "a4"), d("a.yaml", 4, 3, "a4-second")});
  std::vector<std::string> codes;
  codes.reserve(sorted.size());
  for (const Diagnostic& x : sorted) codes.push_back(x.code);
  // b.yaml came up first, so its diagnostics come first; ties keep their order.
  EXPECT_EQ(codes, (std::vector<std::string>{"b2", "b9", "a4", "a4-second", "a12"}));
}

TEST(ReportFormat, DiagnosticJsonIsAnObjectWithEveryField) {
  const Diagnostic d{Severity::kWarning,         "never_matches", "tr.yaml", 3, 19,
                     "regex has 'ş' \"quoted\"", "snippet"};
  rapidjson::Document doc;
  doc.Parse(DiagnosticJson(d).c_str());
  ASSERT_FALSE(doc.HasParseError());
  EXPECT_STREQ(doc["file"].GetString(), "tr.yaml");
  EXPECT_EQ(doc["line"].GetInt(), 3);
  EXPECT_EQ(doc["column"].GetInt(), 19);
  EXPECT_STREQ(doc["severity"].GetString(), "warning");
  EXPECT_STREQ(doc["code"].GetString(), "never_matches");
  EXPECT_STREQ(doc["message"].GetString(), "regex has 'ş' \"quoted\"");
}

}  // namespace
}  // namespace earshot
