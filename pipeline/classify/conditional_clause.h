// The conditions a post sets: English clauses opened by "if" ("if my flight
// is delayed, does the booking get cancelled?") and Turkish clauses closed
// by a conditional verb ("uçuşum gecikirse", "kargo gelmezse", "iptal
// edildiyse"; IsTurkishConditional in word_forms.h). A question whose complaint words all lie in
// its condition asks what a company would do; it reports nothing that went wrong.
//
// Word lists are ASCII-folded like tokens.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "pipeline/normalize/normalizer.h"

namespace earshot {

// The post's tokens outside its conditional clauses, joined by single
// spaces, with " ?" after them when a question ended outside one; empty
// when the post sets no condition (most posts: one pass over the tokens,
// which their first letter or last letters turn away), and when it asks
// "why" outside it ("if it was delivered, why don't I have it?" holds the
// company to the condition). A condition that reproaches ("if you can't
// deliver on time") is none.
//
// An English condition runs from "if" (opening a clause or after "what",
// "even") to the next comma or clause end, or to the question's own verb
// before its subject ("if it is late will i get a refund"). A Turkish one
// runs from its clause's start to its last conditional verb.
//
// Without `with_questions`, the clauses that end with "?" are left out too:
// what a post states, beside what it asks.
std::string OutsideConditionalClauses(const std::vector<Token>& tokens, bool turkish,
                                      bool with_questions);

}  // namespace earshot
