// Does a post aim at a company? A negative post that names something a
// company provides (an order, the app, a bill, "hizmet", "kargom",
// "hesabım"), speaks to a company in Turkish ("size", "sizden", or a verb
// in the formal second person past: "ertelediniz", "kaybetmişsiniz") or
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

#include <string>
#include <string_view>

#include "pipeline/normalize/normalizer.h"

namespace earshot {

bool AimsAtACompany(const NormalizedText& text);

// Whether the post is said to someone: it mentions an account ("@acme",
// "@zeynep"), or speaks to a reader: English "you", "your", "u", "thanks";
// Turkish "siz" and its forms ("size", "sizden") or a formal second person
// ending ("iyi ki varsınız", "çalışanlarınıza"). Praise on sentiment alone
// needs it on a social channel: a post that speaks to no one and names a
// brand in passing ("got the job at Meridian Hotels!!", "babamın pastası
// Tatlıdünya'dan 😂❤️") shares the writer's day, and there is nothing to
// answer.
bool SpeaksToSomeone(const NormalizedText& text);

// Whether a folded word speaks to someone in the formal (or plural) Turkish
// "you": "siz", "size", "sizden", or a second person ending anywhere in it,
// before further suffixes ("varsınız", "ellerinize"; folded, "ınız" and
// "ünüz" read "iniz" and "unuz").
bool IsFormalYou(std::string_view word);

// A brand's id or name as NamesTheBrand compares it: ASCII-folded,
// lowercase, letters and digits only ("Hızlı Kargo" -> "hizlikargo").
std::string BrandNameKey(std::string_view name);

// Whether the post names a brand: `key` (from BrandNameKey) as a word, a
// mention or a hashtag ("turkcell", "@Turkcell", "#turkcell"), with a
// suffix ("turkcellde"), or written over up to three words ("Hızlı Kargo").
// An empty key names nothing.
bool NamesTheBrand(const NormalizedText& text, std::string_view key);

}  // namespace earshot
