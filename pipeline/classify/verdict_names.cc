#include "earshot/verdict.h"

namespace earshot {

const char* PostClassName(PostClass c) {
  switch (c) {
    case PostClass::kComplaint:
      return "complaint";
    case PostClass::kPraise:
      return "praise";
    case PostClass::kQuestion:
      return "question";
    case PostClass::kNeutral:
      return "neutral";
    case PostClass::kBrandReply:
      return "brand_reply";
  }
  return "neutral";
}

const char* PriorityName(Priority p) {
  switch (p) {
    case Priority::kP1:
      return "p1";
    case Priority::kP2:
      return "p2";
    case Priority::kP3:
      return "p3";
    case Priority::kP4:
      return "p4";
  }
  return "p4";
}

}  // namespace earshot
