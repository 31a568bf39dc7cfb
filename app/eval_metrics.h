// Scores for `earshot eval`, as ../shared/eval/README.md defines them.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace earshot {

// Pearson correlation of two equally long series; 0 when undefined.
double PearsonR(const std::vector<double>& x, const std::vector<double>& y);

// A confusion matrix over string labels: gold -> predicted -> count.
class Confusion {
 public:
  void Add(const std::string& gold, const std::string& predicted) { ++counts_[gold][predicted]; }
  double Precision(const std::string& label) const;
  double Recall(const std::string& label) const;
  double F1(const std::string& label) const;
  // Mean F1 over `labels` (predictions outside them count as wrong).
  double MacroF1(const std::vector<std::string>& labels) const;
  int Count(const std::string& gold, const std::string& predicted) const;
  int Total() const;
  // Rows gold, columns predicted, over `labels` plus any other predicted label.
  std::string ToString(const std::vector<std::string>& labels) const;

 private:
  std::map<std::string, std::map<std::string, int>> counts_;
};

}  // namespace earshot
