#include "pipeline/classify/complaint_target.h"

#include <string_view>
#include <unordered_set>

namespace earshot {
namespace {

// Direct address and what companies sell or run, in English.
bool IsEnglishTarget(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "you",       "your",         "yours",      "youre",      "you're",   "u",         "ur",
      "yall",      "y'all",        "service",    "services",   "customer", "customers", "order",
      "orders",    "ordered",      "app",        "account",    "store",    "shop",      "delivery",
      "delivered", "product",      "products",   "staff",      "phone",    "website",   "site",
      "support",   "refund",       "bill",       "billing",    "flight",   "booking",   "package",
      "parcel",    "driver",       "manager",    "branch",     "card",     "payment",   "charge",
      "charged",   "price",        "prices",     "item",       "items",    "purchase",  "purchased",
      "bought",    "subscription", "update",     "email",      "call",     "called",    "wait",
      "waiting",   "queue",        "restaurant", "food",       "meal",     "room",      "hotel",
      "train",     "internet",     "wifi",       "connection", "network",  "signal",    "server",
      "device",    "laptop",       "battery",    "screen",     "company",  "bank",      "agent",
      "helpline",  "hotline",      "chat",       "warranty",   "repair",   "shipping",  "shipment"};
  return kWords.count(w) != 0;
}

// The same in Turkish, as prefixes of folded words ("siparisim", "size").
bool IsTurkishTarget(std::string_view w) {
  static constexpr std::string_view kPrefixes[] = {
      "siparis",  "kargo",      "hizmet",   "musteri",  "hesab",  "hesap",  "kart",
      "banka",    "uygulama",   "sube",     "ucret",    "fatura", "odeme",  "iade",
      "urun",     "magaza",     "kurye",    "teslimat", "paket",  "destek", "cagri",
      "temsilci", "operator",   "internet", "abonelik", "firma",  "sirket", "siz",
      "size",     "sizi",       "sizden",   "kredi",    "faiz",   "aidat",  "randevu",
      "bilet",    "rezervasyon"};
  for (const std::string_view prefix : kPrefixes) {
    if (w.size() >= prefix.size() && w.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

}  // namespace

bool AimsAtACompany(const NormalizedText& text) {
  for (const Token& token : text.tokens) {
    if (!token.is_word) continue;
    if (IsEnglishTarget(token.text) || IsTurkishTarget(token.text)) return true;
  }
  return false;
}

}  // namespace earshot
