#include "earshot/alerting.h"

namespace earshot {

ResponseDue MakeResponseDue(const Post& post, const Verdict& verdict, int64_t received_at_ms,
                            const SlaPolicy& policy) {
  ResponseDue due;
  due.event_id = MakeEventId("response_due", post);
  due.received_at_ms = received_at_ms;
  due.sla_ms = verdict.sla_ms ? *verdict.sla_ms
                              : policy.DueAfterMs(KindOfChannel(post.channel), verdict.priority);
  due.due_at_ms = received_at_ms + due.sla_ms;
  return due;
}

}  // namespace earshot
