#include "common/parse/line_roles.hpp"

#include <algorithm>
#include <regex>
#include <set>
#include <string>

#include "common/parse/paragraphs.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

const std::set<std::string, std::less<>> kFunctionWords = {
    "a",    "an",   "and", "as",  "at",    "by",   "for",  "from", "in",  "into",
    "of",   "on",   "or",  "our", "the",   "their", "to",  "with", "your", "its",
    "is",   "are",  "be",  "but", "that",  "this", "via"};

// Words a lead-in sentence ends on ("please contact:", "can include:"), never a heading.
const std::set<std::string, std::less<>> kLeadInEnds = {
    "at",   "to",        "contact", "include",   "includes", "including", "visit",
    "below", "following", "follows", "here",     "email",    "on",        "from",
    "is",    "are",       "by",      "with",      "via",      "contacted", "be",
    "as",    "please",    "the",     "and",       "of",       "for",       "in", "are:"};

// A standalone line opening like a sentence is a sentence, however capitalised the rest is.
const std::set<std::string, std::less<>> kSentenceStarters = {
    "we", "i", "you", "it", "there", "this", "these", "they", "he", "she", "please", "if", "our",
    "as", "here", "thank", "thanks", "dear"};

std::string strip_edge_punctuation(std::string word) {
    const auto is_punct = [](unsigned char c) { return c < 0x80 && std::ispunct(c) && c != '+'; };
    while (!word.empty() && is_punct(word.back())) word.pop_back();
    while (!word.empty() && is_punct(word.front())) word.erase(word.begin());
    return word;
}

bool starts_like_heading(std::string_view line) {
    const std::string first = fold_punctuation(line.substr(0, 4));
    if (first.empty()) return false;
    const unsigned char c = first[0];
    return starts_with_upper(line) || std::isdigit(c) || c == '"' || c == '\'';
}

bool is_post_nominal(std::string_view word) {
    static const std::regex pattern(R"((MBE|OBE|CBE|DBE|KBE|QC|KC|JP|DL|PhD|FRSA|BA|MA|MSc)[,.]?)");
    return std::regex_match(std::string(word), pattern);
}

}  // namespace

bool is_sign_off(std::string_view line) {
    constexpr std::size_t kLongestSignOff = 32;  // "with best wishes and kind regards,"
    if (line.size() > kLongestSignOff + 8) return false;
    static const std::regex pattern(
        R"((with )?(best|kind|warm|warmest|many|all good) (wishes|regards|thanks)|regards|)"
        R"(yours (sincerely|faithfully)|all the best|with (thanks|best wishes)|thank you|thanks)"
        R"([,.!]?)");
    return std::regex_match(to_lower(collapse_spaces(fold_punctuation(line))), pattern);
}

// A signature line: a person's name, perhaps with initials and post-nominals ("Michael W Jarrett MBE").
bool is_name_line(std::string_view line) {
    static const std::set<std::string, std::less<>> not_names = {
        "Team", "Network", "Office", "Group", "Council", "Trust", "Services", "The", "Regional"};
    const auto words = words_of(line);
    if (words.size() < 2 || words.size() > 6 || line.size() > 60) return false;
    int name_words = 0;
    for (const auto& raw : words) {
        const std::string word = strip_edge_punctuation(raw);
        if (word.empty() || not_names.count(word)) return false;
        if (std::any_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); }))
            return false;
        if (is_post_nominal(raw)) continue;
        if (!starts_with_upper(word)) return false;
        ++name_words;
    }
    return name_words >= 2;
}

bool has_sentence_break(std::string_view line) {
    static const std::regex pattern(R"([A-Za-z0-9)][.!?] +[A-Z])");
    return std::regex_search(std::string(line), pattern);
}

HeadingKind heading_kind(std::string_view raw_line, bool single_line_paragraph) {
    const std::string line = fold_punctuation(raw_line);
    // Every heading is a short line, and one that does not end with a colon is a paragraph of
    // its own: the rest of the checks (a regular expression over the whole line among them) are
    // for the few lines that pass these.
    if (line.size() > 120 || (!line.empty() && line.back() != ':' && !single_line_paragraph)) return HeadingKind::none;
    const auto words = words_of(line);
    const bool bullet = line.starts_with("\xE2\x80\xA2");
    if (words.empty() || bullet || !starts_like_heading(raw_line)) return HeadingKind::none;
    if (is_sign_off(line) || has_sentence_break(line)) return HeadingKind::none;
    const std::string last = to_lower(words.back());
    if (line.back() == ':') {
        const std::string lead_in_end = strip_edge_punctuation(last);
        const std::string first = to_lower(words.front());
        if (words.size() > 12 || line.size() > 100 || kLeadInEnds.count(lead_in_end) ||
            first == "please" || (first == "for" && words.size() > 1 &&
                                  (to_lower(words[1]) == "further" || to_lower(words[1]) == "more")))
            return HeadingKind::none;
        return HeadingKind::colon;
    }
    if (!single_line_paragraph) return HeadingKind::none;
    if (line.back() == '?')
        return words.size() <= 10 && line.size() <= 90 ? HeadingKind::question : HeadingKind::none;
    if (line.back() == '.' || line.back() == ',' || line.back() == ';') return HeadingKind::none;
    if (words.size() > 16 || line.size() > 120 || kFunctionWords.count(last) ||
        kSentenceStarters.count(to_lower(words.front())))
        return HeadingKind::none;
    int content = 0, capitalised = 0;
    for (const auto& w : words) {
        if (kFunctionWords.count(to_lower(w))) continue;
        ++content;
        const std::string bare = strip_edge_punctuation(w);
        if (starts_with_upper(bare) || (!bare.empty() && std::isdigit(static_cast<unsigned char>(bare[0]))))
            ++capitalised;
    }
    return capitalised * 10 >= content * 3 ? HeadingKind::title_line : HeadingKind::none;
}

bool is_salutation(std::string_view line) {
    const auto words = words_of(fold_punctuation(line));
    if (words.empty()) return false;
    const auto first = to_lower(words.front());
    return first == "dear" || first == "hi" || first == "hello";
}

}  // namespace wm
