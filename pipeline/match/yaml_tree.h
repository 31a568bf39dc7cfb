// YamlDocument: one YAML document as a light, read-only tree of maps,
// sequences, scalars and nulls, each node with the line and column it starts
// at, built from yaml-cpp's parser events.
//
// Why not YAML::Node: the rule reader reads each node once, in order, but
// YAML::Load builds shared, reference-counted, mutable nodes behind a memory
// holder, and building and freeing them cost about a third more than the
// parse itself. At 10,000 rules the YAML was half of compiling the rules
// (docs/performance.md, "Ninth pass"). The same yaml-cpp parser feeds this
// tree, so syntax errors (YAML::ParserException), marks and scalar values are
// exactly what YAML::Load gives: yaml_tree_test.cc walks both trees.
//
// What YAML::Load also does and this tree does too: only the first document
// is read; an alias is the very node its anchor names; "~", "null" and an
// empty value are nulls; tags are ignored (a scalar is its text).
//
// Thread safety: immutable after Parse; reading is safe concurrently.
#pragma once

#include <yaml-cpp/mark.h>

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace earshot {

class YamlNode {
 public:
  enum class Kind { kUndefined, kNull, kScalar, kSequence, kMap };

  // A node that is not there: what a missing key or index gives.
  YamlNode() = default;

  Kind kind() const { return kind_; }
  bool IsDefined() const { return kind_ != Kind::kUndefined; }
  explicit operator bool() const { return IsDefined(); }
  bool IsNull() const { return kind_ == Kind::kNull; }
  bool IsScalar() const { return kind_ == Kind::kScalar; }
  bool IsSequence() const { return kind_ == Kind::kSequence; }
  bool IsMap() const { return kind_ == Kind::kMap; }

  // The text of a scalar; "" for every other kind.
  const std::string& Scalar() const { return scalar_; }
  // Where the node starts (0-based line and column, as yaml-cpp counts).
  const YAML::Mark& Mark() const { return mark_; }

  // Items of a sequence or entries of a map; 0 for other kinds.
  size_t size() const { return kind_ == Kind::kMap ? children_.size() / 2 : children_.size(); }
  // Item `i` of a sequence; an undefined node past its end or for other kinds.
  const YamlNode& operator[](size_t i) const;
  // The value of the first entry of a map whose key is the scalar `key`; an
  // undefined node when there is none or this is not a map.
  const YamlNode& operator[](std::string_view key) const;

  // A sequence's items, in order; empty for other kinds.
  class ItemIterator {
   public:
    explicit ItemIterator(const YamlNode* const* at) : at_(at) {}
    const YamlNode& operator*() const { return **at_; }
    ItemIterator& operator++() {
      ++at_;
      return *this;
    }
    bool operator!=(const ItemIterator& other) const { return at_ != other.at_; }

   private:
    const YamlNode* const* at_;
  };
  struct Items {
    ItemIterator from, to;
    ItemIterator begin() const { return from; }
    ItemIterator end() const { return to; }
  };
  Items items() const;

  // A map's entries (key and value), in order; empty for other kinds.
  struct Entry {
    const YamlNode& first;   // the key
    const YamlNode& second;  // the value
  };
  class EntryIterator {
   public:
    explicit EntryIterator(const YamlNode* const* at) : at_(at) {}
    Entry operator*() const { return Entry{*at_[0], *at_[1]}; }
    EntryIterator& operator++() {
      at_ += 2;
      return *this;
    }
    bool operator!=(const EntryIterator& other) const { return at_ != other.at_; }

   private:
    const YamlNode* const* at_;
  };
  struct Entries {
    EntryIterator from, to;
    EntryIterator begin() const { return from; }
    EntryIterator end() const { return to; }
  };
  Entries entries() const;

 private:
  friend class YamlTreeBuilder;

  Kind kind_ = Kind::kUndefined;
  YAML::Mark mark_ = YAML::Mark::null_mark();
  std::string scalar_;
  // A sequence's items; a map's keys and values, alternating. Nodes are
  // owned by the document; an alias appears as its anchor's node.
  std::vector<const YamlNode*> children_;
};

class YamlDocument {
 public:
  YamlDocument() = default;
  YamlDocument(const YamlDocument&) = delete;
  YamlDocument& operator=(const YamlDocument&) = delete;

  // Parses the first document of `text`, replacing what this held. Throws
  // YAML::ParserException on a syntax error, as YAML::Load does.
  void Parse(const std::string& text);

  // The document's top node; a null for a text with no document (as
  // YAML::Load gives).
  const YamlNode& root() const;

 private:
  std::deque<YamlNode> nodes_;  // a deque: nodes never move as it grows
  const YamlNode* root_ = nullptr;
};

}  // namespace earshot
