#include "pipeline/match/word_table.h"

#include <algorithm>
#include <cstring>

namespace earshot {

void WordTable::Add(std::string_view key, uint32_t value) {
  drafts_.emplace_back(std::string(key), value);
}

void WordTable::Build() {
  // Values listed under the same key sit next to each other, in the order
  // they were added.
  std::stable_sort(drafts_.begin(), drafts_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t distinct = 0;
  for (size_t i = 0; i < drafts_.size(); ++i) {
    distinct += i == 0 || drafts_[i].first != drafts_[i - 1].first ? 1 : 0;
  }
  size_t slots = 16;
  while (slots < distinct * 2) slots *= 2;
  slots_.assign(slots, Slot());
  mask_ = slots - 1;
  filter_.assign(slots * 8 / 64, 0);
  filter_mask_ = slots * 8 - 1;
  for (size_t i = 0; i < drafts_.size();) {
    const std::string& text = drafts_[i].first;
    const size_t at = blob_.size();
    blob_.push_back(static_cast<uint32_t>(text.size()));
    blob_.push_back(0);
    blob_.resize(blob_.size() + (text.size() + 3) / 4, 0);
    std::memcpy(blob_.data() + at + 2, text.data(), text.size());
    for (; i < drafts_.size() && drafts_[i].first == text; ++i) {
      blob_.push_back(drafts_[i].second);
      ++blob_[at + 1];
    }
    const uint64_t mixed = fnv::Mix(HashOf(text));
    const uint64_t bit = (mixed >> 20) & filter_mask_;
    filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    uint64_t slot = mixed & mask_;
    while (slots_[slot].at != 0) slot = (slot + 1) & mask_;
    slots_[slot] = Slot{static_cast<uint32_t>(mixed >> 32), static_cast<uint32_t>(at + 1)};
    if (text.size() == 1) {
      const auto b = static_cast<unsigned char>(text[0]);
      singles_[b / 64] |= uint64_t{1} << (b % 64);
    } else {
      const size_t b = PairBit(text);
      pairs_[b / 64] |= uint64_t{1} << (b % 64);
    }
    key_lengths_.push_back(static_cast<uint32_t>(text.size()));
  }
  std::sort(key_lengths_.begin(), key_lengths_.end());
  key_lengths_.erase(std::unique(key_lengths_.begin(), key_lengths_.end()), key_lengths_.end());
  drafts_.clear();
  drafts_.shrink_to_fit();
}

const uint32_t* WordTable::Probe(uint64_t mixed, std::string_view word) const {
  const auto tag = static_cast<uint32_t>(mixed >> 32);
  for (uint64_t slot = mixed & mask_;; slot = (slot + 1) & mask_) {
    const Slot& s = slots_[slot];
    if (s.at == 0) return nullptr;
    if (s.tag != tag) continue;
    const uint32_t* key = blob_.data() + s.at - 1;
    if (key[0] == word.size() && std::memcmp(key + 2, word.data(), word.size()) == 0) return key;
  }
}

}  // namespace earshot
