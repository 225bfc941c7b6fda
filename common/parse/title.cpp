#include "common/parse/title.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>
#include <set>

#include "common/parse/paragraphs.hpp"
#include "common/text/month.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

constexpr std::size_t kMaxTitleWords = 14;
constexpr std::size_t kMaxTitleBytes = 120;
// A title may end in a full stop ("Thank you."), a sentence of more words than this is text.
constexpr std::size_t kMaxWordsBeforeFullStop = 3;

// Words of a file name that only name the newsletter or a date.
const std::set<std::string, std::less<>> kNewsletterNameWords = {
    "regional", "update", "newsletter", "bulletin", "briefing", "wm", "west", "midlands", "adcs",
    "network", "issue", "edition", "monthly", "the", "of"};

// Small words that stay lower case inside a title.
const std::set<std::string, std::less<>> kLowerCaseTitleWords = {"a",  "an", "and", "as", "at", "by", "for",
                                                                  "in", "of", "on",  "or", "the", "to", "with"};

std::vector<std::string> name_parts(std::string_view file_name) {
    auto stem = std::filesystem::path(file_name).stem().string();
    std::vector<std::string> parts;
    std::string part;
    for (char c : stem + " ") {
        if (c == '-' || c == '_' || c == ' ' || c == '.') {
            if (!part.empty()) parts.push_back(to_lower(part));
            part.clear();
        } else {
            part += c;
        }
    }
    return parts;
}

bool is_number(std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool is_word(std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80 || c == '\''; });
}

bool has_sentence_break(const std::string& line) {
    static const std::regex pattern(R"([A-Za-z0-9)][.!?] +[A-Z])");
    return std::regex_search(line, pattern);
}

}  // namespace

bool names_newsletter(std::string_view line) {
    if (line.size() > kMaxTitleBytes) return false;
    const std::string lowered = to_lower(fold_punctuation(line));
    if (lowered.find("regional update") != std::string::npos) return true;
    static const std::regex named(R"(\b(update|newsletter|bulletin|briefing)\b)");
    return std::regex_search(lowered, named) && month_in_text(line).has_value();
}

bool reads_as_title(std::string_view raw_line) {
    const std::string line = collapse_spaces(trim(fold_punctuation(raw_line)));
    const auto words = words_of(line);
    if (words.empty() || line.size() > kMaxTitleBytes || words.size() > kMaxTitleWords) return false;
    if (!starts_with_upper(raw_line) && !std::isdigit(static_cast<unsigned char>(line[0]))) return false;
    const char last = line.back();
    if (last == ':' || last == '?' || last == ',' || last == ';') return false;
    if ((last == '.' || last == '!') && words.size() > kMaxWordsBeforeFullStop) return false;
    const auto first = to_lower(words.front());
    if (first == "dear" || first == "hi" || first == "hello") return false;
    return !has_sentence_break(line);
}

std::optional<std::string> newsletter_month_in_file_name(std::string_view file_name) {
    const auto month = month_in_file_name(std::filesystem::path(file_name).filename().string());
    if (!month) return std::nullopt;
    for (const auto& part : name_parts(file_name))
        if (!is_number(part) && month_number(part) == 0 && !kNewsletterNameWords.count(part)) return std::nullopt;
    return month;
}

std::string newsletter_title(std::string_view month) { return "Regional Update \u2013 " + month_name_and_year(month); }

std::string title_from_slug(std::string_view file_name) {
    const auto parts = name_parts(file_name);
    const bool opaque = std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return !is_word(p) && !is_number(p); });
    const auto words = std::count_if(parts.begin(), parts.end(), [](const std::string& p) { return is_word(p) && p.size() >= 3; });
    if (opaque || words == 0) return {};
    std::string title;
    for (const auto& part : parts) {
        std::string word = part;
        if (title.empty() || !kLowerCaseTitleWords.count(word)) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
        title += (title.empty() ? "" : " ") + word;
    }
    return title;
}

}  // namespace wm
