#include "pipeline/match/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>

namespace earshot {

// Turns parser events into nodes of a YamlDocument.
class YamlTreeBuilder : public YAML::EventHandler {
 public:
  explicit YamlTreeBuilder(std::deque<YamlNode>* nodes) : nodes_(nodes) {}

  static YamlNode Null() {
    YamlNode node;
    node.kind_ = YamlNode::Kind::kNull;
    return node;
  }
  const YamlNode* root() const { return root_; }

  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Add(YamlNode::Kind::kNull, mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = anchors_.find(anchor);
    // The parser refuses an alias to an anchor it has not seen; a null
    // keeps the tree whole if it ever lets one through.
    if (it == anchors_.end()) {
      Add(YamlNode::Kind::kNull, mark, YAML::NullAnchor);
    } else {
      Attach(it->second);
    }
  }
  void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                const std::string& value) override {
    Add(YamlNode::Kind::kScalar, mark, anchor)->scalar_ = value;
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open_.push_back(Add(YamlNode::Kind::kSequence, mark, anchor));
  }
  void OnSequenceEnd() override { open_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open_.push_back(Add(YamlNode::Kind::kMap, mark, anchor));
  }
  void OnMapEnd() override { open_.pop_back(); }

 private:
  YamlNode* Add(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    YamlNode& node = nodes_->emplace_back();
    node.kind_ = kind;
    node.mark_ = mark;
    if (anchor != YAML::NullAnchor) anchors_[anchor] = &node;
    Attach(&node);
    return &node;
  }
  void Attach(const YamlNode* node) {
    if (open_.empty()) {
      if (root_ == nullptr) root_ = node;
      return;
    }
    open_.back()->children_.push_back(node);
  }

  std::deque<YamlNode>* nodes_;
  const YamlNode* root_ = nullptr;
  std::vector<YamlNode*> open_;  // the sequences and maps being read, innermost last
  std::unordered_map<YAML::anchor_t, const YamlNode*> anchors_;
};

namespace {

const YamlNode& Undefined() {
  static const YamlNode undefined;
  return undefined;
}

// What YAML::Load gives for a text with no document: a null.
const YamlNode& EmptyDocument() {
  static const YamlNode empty = YamlTreeBuilder::Null();
  return empty;
}

}  // namespace

const YamlNode& YamlNode::operator[](size_t i) const {
  if (kind_ != Kind::kSequence || i >= children_.size()) return Undefined();
  return *children_[i];
}

const YamlNode& YamlNode::operator[](std::string_view key) const {
  if (kind_ != Kind::kMap) return Undefined();
  for (size_t k = 0; k + 1 < children_.size(); k += 2) {
    const YamlNode& name = *children_[k];
    if (name.IsScalar() && name.scalar_ == key) return *children_[k + 1];
  }
  return Undefined();
}

YamlNode::Items YamlNode::items() const {
  if (kind_ != Kind::kSequence) return Items{ItemIterator(nullptr), ItemIterator(nullptr)};
  const YamlNode* const* data = children_.data();
  return Items{ItemIterator(data), ItemIterator(data + children_.size())};
}

YamlNode::Entries YamlNode::entries() const {
  if (kind_ != Kind::kMap) return Entries{EntryIterator(nullptr), EntryIterator(nullptr)};
  const YamlNode* const* data = children_.data();
  // A map always has a value for each key: the parser sends a null for a
  // missing one.
  return Entries{EntryIterator(data), EntryIterator(data + children_.size() / 2 * 2)};
}

void YamlDocument::Parse(const std::string& text) {
  nodes_.clear();
  root_ = nullptr;
  std::istringstream in(text);
  YAML::Parser parser(in);
  YamlTreeBuilder builder(&nodes_);
  parser.HandleNextDocument(builder);
  root_ = builder.root();
}

const YamlNode& YamlDocument::root() const { return root_ != nullptr ? *root_ : EmptyDocument(); }

}  // namespace earshot
