#include "app/eval_metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace earshot {

double PearsonR(const std::vector<double>& x, const std::vector<double>& y) {
  const size_t n = std::min(x.size(), y.size());
  if (n < 2) return 0;
  double mx = 0, my = 0;
  for (size_t i = 0; i < n; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= static_cast<double>(n);
  my /= static_cast<double>(n);
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx == 0 || syy == 0) return 0;
  return sxy / std::sqrt(sxx * syy);
}

int Confusion::Count(const std::string& gold, const std::string& predicted) const {
  const auto row = counts_.find(gold);
  if (row == counts_.end()) return 0;
  const auto cell = row->second.find(predicted);
  return cell == row->second.end() ? 0 : cell->second;
}

int Confusion::Total() const {
  int n = 0;
  for (const auto& [gold, row] : counts_) {
    for (const auto& [predicted, count] : row) n += count;
  }
  return n;
}

double Confusion::Precision(const std::string& label) const {
  int predicted = 0;
  for (const auto& [gold, row] : counts_) {
    if (const auto it = row.find(label); it != row.end()) predicted += it->second;
  }
  return predicted == 0 ? 0 : static_cast<double>(Count(label, label)) / predicted;
}

double Confusion::Recall(const std::string& label) const {
  const auto row = counts_.find(label);
  if (row == counts_.end()) return 0;
  int gold = 0;
  for (const auto& [predicted, count] : row->second) gold += count;
  return gold == 0 ? 0 : static_cast<double>(Count(label, label)) / gold;
}

double Confusion::F1(const std::string& label) const {
  const double p = Precision(label);
  const double r = Recall(label);
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

double Confusion::MacroF1(const std::vector<std::string>& labels) const {
  if (labels.empty()) return 0;
  double sum = 0;
  for (const std::string& label : labels) sum += F1(label);
  return sum / static_cast<double>(labels.size());
}

std::string Confusion::ToString(const std::vector<std::string>& labels) const {
  std::vector<std::string> columns = labels;
  std::set<std::string> extra;
  for (const auto& [gold, row] : counts_) {
    for (const auto& [predicted, count] : row) {
      if (std::find(labels.begin(), labels.end(), predicted) == labels.end())
        extra.insert(predicted);
    }
  }
  columns.insert(columns.end(), extra.begin(), extra.end());
  std::string out = "  gold \\ predicted";
  char cell[64];
  for (const std::string& c : columns) {
    std::snprintf(cell, sizeof(cell), " %13s", c.c_str());
    out += cell;
  }
  out += "\n";
  for (const std::string& gold : labels) {
    std::snprintf(cell, sizeof(cell), "  %-17s", gold.c_str());
    out += cell;
    for (const std::string& c : columns) {
      std::snprintf(cell, sizeof(cell), " %13d", Count(gold, c));
      out += cell;
    }
    out += "\n";
  }
  return out;
}

}  // namespace earshot
