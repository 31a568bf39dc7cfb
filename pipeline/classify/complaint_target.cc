#include "pipeline/classify/complaint_target.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/word_list.h"

namespace earshot {
namespace {

// What companies sell or run, in English. English "you" is not listed: it
// reads the same to a friend as to a company, and most negative English
// posts with "you" and nothing a company provides are replies to people
// ("you ruined the ending"). Turkish keeps "siz": the formal plural is how a
// company is addressed.
bool IsEnglishTarget(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "service", "services", "customer", "customers", "order", "orders", "ordered", "app",
      "account", "store", "shop", "delivery", "delivered", "product", "products", "staff", "phone",
      "website", "site", "support", "refund", "bill", "billing", "flight", "booking", "package",
      "parcel", "driver", "manager", "branch", "card", "payment", "charge", "charged", "price",
      "prices", "item", "items", "purchase", "purchased", "bought", "subscription", "update",
      "email", "call", "called", "wait", "waiting", "queue", "restaurant", "food", "meal", "room",
      "hotel", "train", "trains", "bus", "buses", "tram", "trams", "tube", "internet", "wifi",
      "connection", "network", "signal", "server", "device", "laptop", "battery", "screen",
      "company", "bank", "agent", "helpline", "hotline", "chat", "warranty", "repair", "shipping",
      "shipment", "flights", "bookings", "ship", "shipped", "ships",
      // What the Turkish list holds as "bilet", "randevu", "rezervasyon", and
      // the papers and services of an order.
      "ticket", "tickets", "reservation", "reservations", "appointment", "appointments", "invoice",
      "receipt", "tracking", "courier", "luggage", "baggage", "voucher", "membership", "checkout",
      "quality", "experience", "insurance", "claim", "meter", "electricity", "hotel", "taxi",
      "streaming",
      // The people and things of a shop, a restaurant, a site.
      "waiter", "waitress", "cashier", "employee", "employees", "workers", "menu", "coffee",
      "burger", "pizza", "drink", "drinks", "discount", "coupon", "promo", "deal", "plan",
      "contract", "installation", "technician", "engineer",
      // The company itself, by what it is.
      "airline", "airlines", "carrier", "provider", "retailer", "seller", "companies", "banks",
      "stores", "shops", "restaurants", "hotels", "brand",
      // A flight's people and places ("stuck on the tarmac", "the gate
      // agent", "no one at the desk"), and the parts of a product a review
      // names ("two screws missing"); not "instructions", which people are
      // told to follow.
      "crew", "attendant", "attendants", "gate", "tarmac", "desk", "seat", "seats", "boarding",
      "layover", "rebook", "rebooked", "rebooking", "screws", "seams", "stitching", "fabric",
      "charger", "cable",
      // The rooms of a hotel or restaurant a review names.
      "bathroom", "towels", "sheets", "lobby", "reception", "pool", "toilets",
      // What a streaming service or app plays between what one paid for.
      "ads", "adverts", "commercials",
      // What a mobile or broadband plan sells ("throttled my data").
      "data", "coverage", "bandwidth"};
  // A WordList turns most words away by first letter and length before
  // any compare; a hash set hashed every word of every negative post.
  static constexpr WordList kList(kWords);
  return kList.Contains(w);
}

// The same in Turkish, as prefixes of folded words ("siparisim", "size").
// Filed by first letter: this runs on every word of every negative post, and
// a word is compared only with the few prefixes that can fit it.
bool IsTurkishTarget(std::string_view w) {
  static constexpr std::string_view kPrefixes[] = {
      "siparis", "kargo", "hizmet", "musteri", "hesab", "hesap", "kart", "banka", "uygulama",
      "sube", "ucret", "fatura", "odeme", "iade", "urun", "magaza", "kurye", "teslimat", "paket",
      "destek", "cagri", "temsilci", "operator", "internet", "firma", "sirket", "siz", "size",
      "sizi", "sizden", "kredi", "faiz", "aidat", "randevu", "bilet", "rezervasyon", "kalite",
      "deneyim", "ucus", "bavul", "bagaj", "otel", "elektrik", "dogalgaz", "sayac", "sigorta",
      "taksi", "guncelleme", "servis", "montaj", "teknisyen", "kurs", "depozit", "abonel",
      // "ilanım" (my listing): "ilan etmek" is to declare.
      "ilanim",
      // "sayenizde" (thanks to you): said to the company, of what it caused.
      "sayeniz",
      // The people and things of a shop, a restaurant, a site.
      // Not "çalışan" (also "trying"), "çekim" (also filming) nor "site" (also
      // the site one writes on, or a housing estate).
      "personel", "gorevli", "kasiyer", "garson", "fiyat", "yemek", "market", "restoran", "kafe",
      "kahve", "pizza", "burger", "menu", "kampanya", "indirim", "kupon", "tarife", "sozlesme",
      "kurulum", "web",
      // A hotel's desk and rooms ("odamız hazır değil"); not "oda" alone
      // ("odak": focus).
      "resepsiyon", "odamiz", "odalar", "odaniz",
      // The parts of a product a review names ("pili", "kumaşı", "şarj
      // aleti") and the device itself; "pil" is a whole word below, as a
      // prefix it starts "pilav". Not "beden" (size, but also body).
      "pili", "batarya", "sarj", "ekran", "cihaz", "kumas", "dikis", "kalip", "ambalaj", "hostes",
      // What a food order brings ("döner kuruydu", "çorba dökülmüş").
      "doner", "pide", "lahmacun", "corba", "tavuk", "kebap", "porsiyon", "poset",
      // Advice not to buy ("kesinlikle almayın", "paranıza yazık") is
      // about something sold.
      "almayin", "paraniza",
      // An application to a bank or an operator, and being (mis)informed
      // ("başvurum", "yanlış bilgilendirme").
      "basvuru", "bilgilendir", "bankamatik",
      // English words of an order written with Turkish endings: "refund'ım",
      // "order'ım", "app'iniz".
      "refund", "order'", "app'",
      // A final k or p softened before a vowel: "desteği", "yemeği", "kebabı".
      "desteg", "yemeg", "kebab",
      // Appliances a shop sells and services ("buzdolabı çok gürültülü"),
      // and who drove the writer. Not "aldığım" (bought, but also "zevk
      // aldığım", enjoyed).
      "buzdolab", "klima", "televizyon", "otobus", "sofor", "surucu"};
  static_assert(std::all_of(std::begin(kPrefixes), std::end(kPrefixes),
                            [](std::string_view p) { return p.size() >= 3; }));
  static const auto* const kByFirstByte = [] {
    auto* table = new std::array<std::vector<std::string_view>, 256>();
    for (const std::string_view prefix : kPrefixes) {
      (*table)[static_cast<unsigned char>(prefix.front())].push_back(prefix);
    }
    return table;
  }();
  if (w.empty()) return false;
  // "pil" (battery) and "atm" are whole words or take an apostrophe;
  // as prefixes they start "pilav" and "atmak" (to throw).
  if (w == "pil" || w == "atm" || w.substr(0, 4) == "atm'") return true;
  // Every prefix has three bytes or more; the second byte turns most
  // candidates away before a compare.
  for (const std::string_view prefix : (*kByFirstByte)[static_cast<unsigned char>(w.front())]) {
    if (w.size() >= prefix.size() && w[1] == prefix[1] &&
        w.compare(2, prefix.size() - 2, prefix.substr(2)) == 0) {
      return true;
    }
  }
  return false;
}

// Turkish speaks to a company in the formal second person plural, and a
// complaint says what "you" did: "ertelediniz" (you postponed), "iptal
// ettiniz", "aramadınız", "kaybetmişsiniz". Only the past tenses count: the
// present and future ("tahmin edebiliyorsunuz", "doyacaksınız") are how a
// film review speaks to any reader. Words under seven letters are left
// out ("ediniz", a polite imperative); "ettiniz" and "dediniz" count.
bool SpeaksToYouFormally(std::string_view w) {
  static constexpr std::string_view kEndings[] = {"diniz", "tiniz", "dunuz", "tunuz"};
  static constexpr std::string_view kEvidential[] = {"missiniz", "mussunuz"};
  if (w.size() < 7) return false;
  const std::string_view tail = w.substr(w.size() - 5);
  for (const std::string_view ending : kEndings) {
    if (tail == ending) return true;
  }
  for (const std::string_view ending : kEvidential) {
    if (w.size() > ending.size() && w.substr(w.size() - ending.size()) == ending) return true;
  }
  return false;
}

// Companies answer from handles named for it ("@acmesupport", "@acme_help",
// "@acmecares", "@askacme"); writing to one is writing to a company.
bool MentionsASupportAccount(std::string_view folded) {
  static constexpr std::string_view kParts[] = {"support", "help",     "care",
                                                "service", "custserv", "askus"};
  for (size_t at = folded.find('@'); at != std::string_view::npos; at = folded.find('@', at + 1)) {
    size_t end = at + 1;
    while (end < folded.size() &&
           (std::isalnum(static_cast<unsigned char>(folded[end])) != 0 || folded[end] == '_')) {
      ++end;
    }
    const std::string_view handle = folded.substr(at + 1, end - at - 1);
    if (handle.substr(0, 3) == "ask" && handle.size() > 3) return true;
    for (const std::string_view part : kParts) {
      if (handle.find(part) != std::string_view::npos) return true;
    }
  }
  return false;
}
}  // namespace

bool AimsAtACompany(const NormalizedText& text) {
  for (const Token& token : text.tokens) {
    if (!token.is_word) continue;
    // A word in single quotes ("the 'express' delivery") is the word.
    const std::string_view word = WithoutQuotes(token.text);
    if (IsEnglishTarget(word) || IsTurkishTarget(word) || SpeaksToYouFormally(word)) return true;
  }
  return MentionsASupportAccount(text.folded);
}

bool SpeaksToSomeone(const NormalizedText& text) {
  static constexpr std::string_view kEnglish[] = {
      "you", "your", "yours", "you're", "youre",  "you've", "you'll", "youll",
      "u",   "ur",   "y'all", "yall",   "thanks", "thank",  "thx",    "ty"};
  static constexpr WordList kEnglishList(kEnglish);
  for (const Token& token : text.tokens) {
    if (token.kind == Token::Kind::kMention) return true;
    if (!token.is_word) continue;
    const std::string_view word = token.text;
    if (kEnglishList.Contains(word)) return true;
    if (IsFormalYou(word)) return true;
  }
  return false;
}

bool IsFormalYou(std::string_view word) {
  if (word.size() < 3) return false;
  if (word[0] == 's' && word[1] == 'i' && word[2] == 'z') return true;
  // The shortest such word has five letters ("sizin" aside): "biniz".
  return word.size() >= 5 && (word.find("iniz") != std::string_view::npos ||
                              word.find("unuz") != std::string_view::npos);
}

std::string BrandNameKey(std::string_view name) {
  std::string key;
  for (const char c : FoldForMatching(name, /*turkish=*/true)) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return key;
}

bool NamesTheBrand(const NormalizedText& text, std::string_view name) {
  if (name.empty()) return false;
  auto starts_with = [](std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
  };
  const std::vector<Token>& tokens = text.tokens;
  for (size_t k = 0; k < tokens.size(); ++k) {
    std::string_view first = tokens[k].text;
    if (tokens[k].kind == Token::Kind::kMention || tokens[k].kind == Token::Kind::kHashtag) {
      first.remove_prefix(1);  // "@turkcell", "#turkcell"
      if (first == name) return true;
      continue;
    }
    if (!tokens[k].is_word || first.empty()) continue;
    // The name as a word, with a suffix ("turkcellde": at Turkcell).
    if (starts_with(first, name)) return true;
    if (!starts_with(name, first)) continue;
    // Or over this word and up to two more: "hizli kargo".
    std::string joined(first);
    for (size_t n = k + 1; n < tokens.size() && n <= k + 2 && joined.size() < name.size(); ++n) {
      if (!tokens[n].is_word) break;
      joined += tokens[n].text;
    }
    if (starts_with(joined, name)) return true;
  }
  return false;
}

}  // namespace earshot
