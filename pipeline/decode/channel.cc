#include <string>
#include <string_view>

#include "earshot/post.h"

namespace earshot {

ChannelKind KindOfChannel(const std::string& channel) {
  static constexpr std::string_view kReviews[] = {"app_store", "google_play", "google_maps",
                                                  "trustpilot", "google_reviews"};
  static constexpr std::string_view kComplaintSites[] = {"sikayetvar", "complaint_board"};
  for (const auto name : kReviews) {
    if (channel == name) return ChannelKind::kReview;
  }
  for (const auto name : kComplaintSites) {
    if (channel == name) return ChannelKind::kComplaintSite;
  }
  return ChannelKind::kSocial;
}

const char* ChannelKindName(ChannelKind kind) {
  switch (kind) {
    case ChannelKind::kSocial:
      return "social";
    case ChannelKind::kReview:
      return "review";
    case ChannelKind::kComplaintSite:
      return "complaint_site";
  }
  return "social";
}

}  // namespace earshot
