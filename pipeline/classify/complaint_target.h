// Does a post aim at a company? A negative post that speaks to someone as
// "you" or names something a company provides (an order, the app, a bill,
// "hizmet", "kargom", "hesabım") is a complaint to answer; a negative post
// about the weather, a match or a politician is not, however strong its words.
//
// Used by the classifier when sentiment alone would make a complaint (no
// complaint rule matched). Word lists are ASCII-folded like tokens; Turkish
// words are prefixes, because they carry suffixes ("siparişim", "kartımdan").
//
// Thread safety: pure function.
#pragma once

#include "pipeline/normalize/normalizer.h"

namespace earshot {

bool AimsAtACompany(const NormalizedText& text);

}  // namespace earshot
