// Does a post aim at a company? A negative post that names something a
// company provides (an order, the app, a bill, "hizmet", "kargom",
// "hesabım"), speaks to a company in Turkish ("size", "sizden") or
// mentions a support account ("@acmesupport",
// "@acme_help", "@acmecares") is a complaint to answer; a negative post
// about the weather, a match or a politician is not, however strong its
// words. English "you" alone is not enough: it is as often a reply to a
// friend.
//
// Used by the classifier when sentiment alone would make a complaint (no
// complaint rule matched), and for rules marked needs_target. Word lists
// are ASCII-folded like tokens; Turkish words are prefixes, because they
// carry suffixes ("siparişim", "kartımdan").
//
// Thread safety: pure function.
#pragma once

#include "pipeline/normalize/normalizer.h"

namespace earshot {

bool AimsAtACompany(const NormalizedText& text);

// Whether the post names the brand it was collected for: its id as a word
// or a mention ("turkcell", "@Turkcell"), or written over up to three words
// ("Hızlı Kargo" for "hizlikargo"). `brand` is the id as configured
// (compared lowercase and ASCII-folded, as tokens are); empty names nothing.
bool NamesTheBrand(const NormalizedText& text, std::string_view brand);

}  // namespace earshot
