#include "pipeline/classify/conditional_clause.h"

#include <string_view>

#include "pipeline/sentiment/word_forms.h"
#include "pipeline/word_list.h"

namespace earshot {
namespace {

// A clause boundary falls before token k.
bool OpensClause(const std::vector<Token>& tokens, size_t k) {
  return k == 0 || tokens[k].clause_start || tokens[k].after_comma;
}

// The question's own verb and its subject after a condition without a
// comma: "if it is late will i get a refund", "if so do you".
bool StartsTheQuestion(const std::vector<Token>& tokens, size_t k) {
  static constexpr std::string_view kVerbs[] = {"does",  "do",    "did",    "will", "would",
                                                "can",   "could", "should", "is",   "are",
                                                "shall", "whats", "what",   "how",  "who"};
  static constexpr std::string_view kSubjects[] = {"i",    "you", "u",   "we",   "they",
                                                   "it",   "the", "my",  "your", "that",
                                                   "this", "he",  "she", "there"};
  static constexpr WordList kVerb(kVerbs);
  static constexpr WordList kSubject(kSubjects);
  return k + 1 < tokens.size() && tokens[k].is_word && kVerb.Contains(tokens[k].text) &&
         tokens[k + 1].is_word && kSubject.Contains(tokens[k + 1].text);
}

bool IsNegation(std::string_view w) {
  static constexpr std::string_view kWords[] = {"cant",   "can't", "cannot",  "dont",    "don't",
                                                "wont",   "won't", "didnt",   "didn't",  "arent",
                                                "aren't", "never", "couldnt", "couldn't"};
  static constexpr WordList kNegation(kWords);
  return kNegation.Contains(w);
}

}  // namespace

std::string OutsideConditionalClauses(const std::vector<Token>& tokens, bool turkish,
                                      bool with_questions) {
  std::vector<char> inside;  // left empty until a condition is found
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (!t.is_word) continue;
    if (t.text == "if") {
      // "if you can't deliver on time, why promise next day?" reproaches.
      if (k + 2 < tokens.size() && (tokens[k + 1].text == "you" || tokens[k + 1].text == "u") &&
          IsNegation(tokens[k + 2].text)) {
        continue;
      }
      // "if" opening a clause, or after "what"/"even"/"and"/"or" there,
      // or after "what happens".
      const bool opens = OpensClause(tokens, k) ||
                         (k > 0 && OpensClause(tokens, k - 1) &&
                          (tokens[k - 1].text == "what" || tokens[k - 1].text == "even" ||
                           tokens[k - 1].text == "and" || tokens[k - 1].text == "or")) ||
                         (k > 0 && (tokens[k - 1].kind == Token::Kind::kMention ||
                                    tokens[k - 1].text == "happens"));
      if (!opens) continue;
      if (inside.empty()) inside.assign(tokens.size(), 0);
      size_t end = k + 1;
      while (end < tokens.size() && !OpensClause(tokens, end) && !StartsTheQuestion(tokens, end)) {
        ++end;
      }
      for (size_t m = k; m < end; ++m) inside[m] = 1;
      k = end - 1;
    } else if (turkish && IsTurkishConditional(t.text)) {
      if (inside.empty()) inside.assign(tokens.size(), 0);
      for (size_t m = k + 1; m-- > 0;) {
        inside[m] = 1;
        if (OpensClause(tokens, m)) break;
      }
    }
  }
  if (inside.empty()) return {};
  std::string rest;
  bool asked = false;
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (inside[k] != 0 || (!with_questions && tokens[k].in_question)) continue;
    // "if it was delivered, why don't I have it?": asking why after a
    // condition holds the company to it.
    if (tokens[k].is_word && (tokens[k].text == "why" || tokens[k].text == "neden" ||
                              tokens[k].text == "niye" || tokens[k].text == "nicin")) {
      return {};
    }
    if (!rest.empty()) rest += ' ';
    rest += tokens[k].text;
    asked = asked || tokens[k].in_question;
  }
  if (asked) rest += " ?";
  // Never empty when a condition was found: the caller tells "no
  // condition" by an empty string.
  if (rest.empty()) rest.push_back(' ');
  return rest;
}

}  // namespace earshot
