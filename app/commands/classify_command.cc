// earshot classify: posts in (text lines, TSV or JSONL), verdicts out as
// JSON lines. The same classifier as the pipeline, so a team can check a
// batch of posts or a rule change by hand.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/commands/commands.h"
#include "app/config.h"
#include "app/record_processor.h"
#include "earshot/decode.h"

namespace earshot {
namespace {

// One input line as a Post: a JSON object in any supported format, else
// TSV (the text is the last column), else the whole line as text.
// `brand` is the brand the posts were collected for ("" for none): a JSON
// post's own brand wins.
StatusOr<Post> PostFromLine(const std::string& line, int line_number, const std::string& lang,
                            const std::string& channel, const std::string& brand) {
  // A post with no brand names none: a placeholder would count as its
  // name wherever the text has that word (NamesTheBrand).
  constexpr std::string_view kNoBrand = "(none)";
  if (!line.empty() && line[0] == '{') {
    DecodeOptions options;
    options.default_brand = kNoBrand;
    StatusOr<Post> post = DecodePost(line, options);
    if (post.ok() && post->brand == kNoBrand) post->brand = brand;
    return post;
  }
  Post post;
  post.id = std::to_string(line_number);
  post.channel = channel;
  post.brand = brand;
  const size_t tab = line.rfind('\t');
  post.text = tab == std::string::npos ? line : line.substr(tab + 1);
  post.lang = lang;
  post.conversation_id = post.id;
  if (post.text.empty()) return Status(kErrInvalidValue, "line has no text");
  return post;
}

void WriteVerdict(const Post& post, const Verdict& v, int line_number) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("line");
  w.Int(line_number);
  w.Key("id");
  w.String(post.id.c_str(), static_cast<rapidjson::SizeType>(post.id.size()));
  w.Key("class");
  w.String(PostClassName(v.post_class));
  w.Key("confidence");
  w.Double(v.confidence);
  w.Key("sentiment");
  w.Double(v.sentiment);
  w.Key("sentiment_strength");
  w.Double(v.sentiment_strength);
  w.Key("lang");
  w.String(v.lang.c_str());
  w.Key("lang_detected");
  w.Bool(v.lang_detected);
  w.Key("lang_confidence");
  w.Double(v.lang_confidence);
  w.Key("priority");
  w.String(PriorityName(v.priority));
  w.Key("urgent");
  w.StartArray();
  for (const std::string& f : v.urgent) w.String(f.c_str());
  w.EndArray();
  w.Key("matched_rules");
  w.StartArray();
  for (const RuleMatch& m : v.matches) w.String(m.rule_id.c_str());
  w.EndArray();
  w.Key("reason");
  w.String(v.reason.c_str());
  w.EndObject();
  std::printf("%s\n", buffer.GetString());
}

// A line that is no post: its number, the error code and what is wrong
// ("post has no created_at"), so the line can be fixed without guessing.
void WriteError(const Status& status, int line_number) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("line");
  w.Int(line_number);
  w.Key("error");
  w.String(status.code().c_str());
  w.Key("message");
  w.String(status.message().c_str());
  w.EndObject();
  std::printf("%s\n", buffer.GetString());
}

}  // namespace

void AddClassifyCommand(CLI::App& app, CommandContext context) {
  struct Options {
    std::string input = "-";
    std::string lang;
    std::string channel = "x";
    std::string brand;
    std::vector<std::string> rules;
    std::string lexicons;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "classify",
      "Classify posts from a file or stdin: text lines, TSV (LABEL<TAB>TEXT) or JSONL "
      "posts; one JSON verdict per line");
  cmd->add_option("input", o->input, "File, or - for stdin")->capture_default_str();
  cmd->add_option("--lang", o->lang, "Language of text lines (default: detected)");
  cmd->add_option("--channel", o->channel, "Channel of text lines")->capture_default_str();
  cmd->add_option("--brand", o->brand,
                  "The brand the posts were collected for (JSON posts with a brand keep "
                  "theirs): a post naming it, as a word, @handle or #tag, aims at the company");
  cmd->add_option("--rules", o->rules, "Rule files or directories")->check(CLI::ExistingPath);
  cmd->add_option("--lexicons", o->lexicons, "Lexicon directory")->check(CLI::ExistingDirectory);
  cmd->callback([o, context] {
    auto classifier = BuildClassifier(ToolConfig(o->rules, o->lexicons));
    if (!classifier.ok()) {
      std::fprintf(stderr, "earshot classify: %s\n", classifier.status().message().c_str());
      *context.exit_code = 2;
      return;
    }
    std::ifstream file;
    std::istream* in = &std::cin;
    if (o->input != "-") {
      file.open(o->input, std::ios::binary);
      if (!file) {
        std::fprintf(stderr, "earshot classify: cannot read %s\n", o->input.c_str());
        *context.exit_code = 2;
        return;
      }
      in = &file;
    }
    int line_number = 0;
    int errors = 0;
    for (std::string line; std::getline(*in, line);) {
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      StatusOr<Post> post = PostFromLine(line, line_number, o->lang, o->channel, o->brand);
      if (!post.ok()) {
        ++errors;
        WriteError(post.status(), line_number);
        continue;
      }
      WriteVerdict(*post, (*classifier)->Classify(*post), line_number);
    }
    if (errors > 0)
      std::fprintf(stderr, "earshot classify: %d line(s) could not be read\n", errors);
  });
}

}  // namespace earshot
