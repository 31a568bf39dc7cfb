#include "pipeline/match/literal_scanner.h"

#include <algorithm>
#include <cctype>
#include <deque>

namespace earshot {
namespace {

uint8_t Lower(uint8_t b) { return b >= 'A' && b <= 'Z' ? static_cast<uint8_t>(b + 32) : b; }

}  // namespace

bool LiteralScanner::Build(const std::vector<std::string>& literals, size_t first_positional) {
  literal_count_ = literals.size();
  first_positional_ = first_positional;
  longest_ = 0;
  for (const std::string& literal : literals) longest_ = std::max(longest_, literal.size());
  // Byte classes: one per distinct (lowercased) byte used, 0 for the rest.
  byte_class_.fill(0);
  classes_ = 1;
  for (const std::string& literal : literals) {
    for (const char c : literal) {
      const uint8_t b = Lower(static_cast<uint8_t>(c));
      if (byte_class_[b] == 0) byte_class_[b] = static_cast<uint8_t>(classes_++);
    }
  }
  for (int b = 'A'; b <= 'Z'; ++b) byte_class_[b] = byte_class_[b + 32];
  const auto width = static_cast<size_t>(classes_);

  // The trie, with -1 for a missing edge; state 0 is the root.
  std::vector<int32_t> trie(width, -1);
  std::vector<std::vector<int32_t>> own(1);
  for (size_t id = 0; id < literals.size(); ++id) {
    if (literals[id].empty()) continue;
    size_t state = 0;
    for (const char c : literals[id]) {
      const size_t slot = state * width + byte_class_[static_cast<uint8_t>(c)];
      if (trie[slot] < 0) {
        trie[slot] = static_cast<int32_t>(own.size());
        own.emplace_back();
        trie.resize(trie.size() + width, -1);
      }
      state = static_cast<size_t>(trie[slot]);
    }
    own[state].push_back(static_cast<int32_t>(id));
  }

  // Breadth first: a state's failure link is shorter, so it is finished
  // before the state itself. Missing edges become the failure state's edge,
  // which turns the trie into the full transition table; class 0 (bytes in
  // no literal) always leads back to the root.
  const size_t states = own.size();
  if (states * width >= (size_t{1} << 31)) return false;  // as documented in the header
  std::vector<int32_t> fail(states, 0);
  std::vector<std::vector<int32_t>> outputs(states);
  next_.assign(states * width, 0);
  std::deque<int32_t> queue;
  for (size_t c = 1; c < width; ++c) {
    const int32_t child = trie[c];
    if (child >= 0) {
      next_[c] = child;
      queue.push_back(child);
    }
  }
  outputs[0] = own[0];
  while (!queue.empty()) {
    const auto s = static_cast<size_t>(queue.front());
    queue.pop_front();
    outputs[s] = own[s];
    const auto& inherited = outputs[static_cast<size_t>(fail[s])];
    outputs[s].insert(outputs[s].end(), inherited.begin(), inherited.end());
    for (size_t c = 1; c < width; ++c) {
      const int32_t child = trie[s * width + c];
      const int32_t via_fail = next_[static_cast<size_t>(fail[s]) * width + c];
      if (child >= 0) {
        fail[static_cast<size_t>(child)] = via_fail;
        next_[s * width + c] = child;
        queue.push_back(child);
      } else {
        next_[s * width + c] = via_fail;
      }
    }
  }

  // Number the states anew: those that end no literal first (the root
  // stays 0), then those that do, so that "ends a literal" is one compare
  // with first_output_ and no table entry needs a flag bit.
  std::vector<uint32_t> renumbered(states);
  uint32_t next_id = 0;
  for (size_t s = 0; s < states; ++s) {
    if (outputs[s].empty()) renumbered[s] = next_id++;
  }
  first_output_ = next_id;
  for (size_t s = 0; s < states; ++s) {
    if (!outputs[s].empty()) renumbered[s] = next_id++;
  }
  std::vector<size_t> by_new_id(states);
  for (size_t s = 0; s < states; ++s) by_new_id[renumbered[s]] = s;
  out_begin_.assign(1, 0);
  out_ids_.clear();
  for (const size_t s : by_new_id) {
    out_ids_.insert(out_ids_.end(), outputs[s].begin(), outputs[s].end());
    out_begin_.push_back(static_cast<uint32_t>(out_ids_.size()));
  }
  // Rows padded to a power of two, so that a state's row is a shift away.
  shift_ = 0;
  while ((size_t{1} << shift_) < width) ++shift_;
  const size_t stride = size_t{1} << shift_;
  table16_.clear();
  table32_.clear();
  const bool narrow = states <= 0x10000;
  if (narrow) {
    table16_.resize(states * stride);
  } else {
    table32_.resize(states * stride);
  }
  for (size_t s = 0; s < states; ++s) {
    for (size_t c = 0; c < width; ++c) {
      const uint32_t target = renumbered[static_cast<size_t>(next_[s * width + c])];
      const size_t slot = (static_cast<size_t>(renumbered[s]) << shift_) | c;
      if (narrow) {
        table16_[slot] = static_cast<uint16_t>(target);
      } else {
        table32_[slot] = target;
      }
    }
  }
  next_.clear();
  next_.shrink_to_fit();
  return true;
}

void LiteralScanner::Emit(uint32_t state, size_t end, std::vector<int>* found,
                          std::vector<char>* seen, std::vector<Occurrence>* occurrences) const {
  for (uint32_t o = out_begin_[state]; o < out_begin_[state + 1]; ++o) {
    const int32_t id = out_ids_[o];
    if (static_cast<size_t>(id) >= first_positional_) {
      if (occurrences != nullptr) occurrences->push_back({id, static_cast<uint32_t>(end)});
      continue;
    }
    if ((*seen)[static_cast<size_t>(id)] != 0) continue;
    (*seen)[static_cast<size_t>(id)] = 1;
    found->push_back(id);
  }
}

void LiteralScanner::Scan(std::string_view text, std::vector<int>* found, std::vector<char>* seen,
                          std::vector<Occurrence>* occurrences, bool keep_seen) const {
  if (!table16_.empty()) {
    ScanWith(table16_.data(), text, found, seen, occurrences, keep_seen);
  } else if (!table32_.empty()) {
    ScanWith(table32_.data(), text, found, seen, occurrences, keep_seen);
  }
}

template <typename Entry>
void LiteralScanner::ScanWith(const Entry* table, std::string_view text, std::vector<int>* found,
                              std::vector<char>* seen, std::vector<Occurrence>* occurrences,
                              bool keep_seen) const {
  seen->resize(literal_count_, 0);
  const size_t first = found->size();
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int shift = shift_;
  const uint32_t first_output = first_output_;
  auto step = [&](uint32_t* state, size_t at) {
    *state = table[(*state << shift) | byte_class_[bytes[at]]];
    if (*state >= first_output) Emit(*state, at + 1, found, seen, occurrences);
  };
  // Lane a reads [0, half); lane b reads [half - longest_, size), starting
  // from the root far enough before `half` that any literal ending at or
  // after half lies wholly inside its range, and always the longer lane. A
  // literal seen by both is reported once. A short text is one lane.
  const size_t size = text.size();
  const size_t half = size / 2;
  uint32_t a = 0;
  uint32_t b = 0;
  size_t j = 0;
  if (half > longest_) {
    j = half - longest_;
    for (size_t i = 0; i < half; ++i, ++j) {
      step(&a, i);
      step(&b, j);
    }
  }
  for (; j < size; ++j) step(&b, j);
  if (keep_seen) return;
  for (size_t k = first; k < found->size(); ++k) (*seen)[static_cast<size_t>((*found)[k])] = 0;
}

}  // namespace earshot
