#include "common/parse/title.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <regex>
#include <set>

#include "common/parse/line_roles.hpp"
#include "common/parse/paragraphs.hpp"
#include "common/text/embedded_data.hpp"
#include "common/text/month.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

constexpr std::size_t kMaxTitleWords = 14;
constexpr std::size_t kMaxTitleBytes = 120;
// A title may end in a full stop ("Thank you."), a sentence of more words than this is text.
constexpr std::size_t kMaxWordsBeforeFullStop = 3;

// Small words that stay lower case inside a title.
const std::set<std::string, std::less<>> kLowerCaseTitleWords = {"a",  "an", "and", "as", "at", "by", "for",
                                                                  "in", "of", "on",  "or", "the", "to", "with"};

struct NewsletterWords {
    std::set<std::string, std::less<>> nouns;  ///< "update", "bulletin": name the newsletter itself
    std::set<std::string, std::less<>> all;    ///< and the words that stand beside them, regions among them
};

// Region names count as newsletter words, and so do their initials ("wm" for West Midlands):
// a newsletter is named for its region, a site often by the region's initials.
const NewsletterWords& newsletter_words() {
    static const NewsletterWords words = [] {
        NewsletterWords loaded;
        for_each_data_row("newsletter_words.tsv", [&](const std::vector<std::string>& columns) {
            const auto word = trim(columns[0]);
            loaded.all.insert(word);
            if (columns.size() > 1 && trim(columns[1]) == "noun") loaded.nouns.insert(word);
        });
        for_each_data_row("regions.txt", [&](const std::vector<std::string>& columns) {
            std::string initials;
            for (const auto& word : words_of(to_lower(columns[0]))) {
                loaded.all.insert(word);
                if (word != "and" && word != "the" && word != "of" && word != "&") initials += word[0];
            }
            if (initials.size() >= 2) loaded.all.insert(initials);
        });
        return loaded;
    }();
    return words;
}

// A file name's words in lower case: "Eastvale-News_2030.txt" -> eastvale, news, 2030.
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

// A line's words as a file name would spell them: lower case, split at anything but letters
// and digits ("Chair’s" -> chair, s).
std::vector<std::string> slug_words(std::string_view line) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : to_lower(fold_punctuation(line)) + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    return words;
}

bool is_number(std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool is_word(std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80 || c == '\''; });
}

bool is_year(std::string_view part) { return part.size() == 4 && is_number(part) && (part[0] == '1' || part[0] == '2'); }

std::string capitalised(std::string word) {
    if (!word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    return word;
}

// Spaces and the punctuation that stands between a name and its month: " – ", ", ", " | ".
std::string_view without_separators(std::string_view text) {
    static constexpr std::array<std::string_view, 8> kSeparators = {" ", "-", ",", ":", "|", "\u2013", "\u2014", "\u00a0"};
    for (bool trimmed = true; trimmed && !text.empty();) {
        trimmed = false;
        for (const auto separator : kSeparators) {
            if (text.starts_with(separator)) text.remove_prefix(separator.size()), trimmed = true;
            if (text.ends_with(separator)) text.remove_suffix(separator.size()), trimmed = true;
        }
    }
    return text;
}

// "Regional Update – April 2022" without "April 2022" and the dash before it.
std::string without_month(std::string_view line) {
    static const std::regex month_and_year(R"(\b([A-Za-z]{3,9})\.?,? +((19|20)\d\d)\b)");
    std::string rest;
    std::match_results<std::string_view::const_iterator> match;
    auto from = line.begin();
    while (std::regex_search(from, line.end(), match, month_and_year)) {
        rest.append(from, match[0].first);
        if (month_number(match[1].str()) == 0) rest.append(match[0].first, match[0].second);
        from = match[0].second;
    }
    rest.append(from, line.end());
    return collapse_spaces(without_separators(rest));
}

// Every word is a newsletter word, or half of one a hyphen split ("e-bulletin", "round-up").
bool all_newsletter_words(const std::vector<std::string>& parts, bool dates_allowed = false) {
    const auto& words = newsletter_words();
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (words.all.count(parts[i]) || (dates_allowed && (is_number(parts[i]) || month_number(parts[i])))) continue;
        if (i + 1 < parts.size() && words.all.count(parts[i] + parts[i + 1])) continue;
        if (i > 0 && words.all.count(parts[i - 1] + parts[i])) continue;
        return false;
    }
    return true;
}

}  // namespace

bool names_newsletter(std::string_view line) {
    if (line.size() > kMaxTitleBytes) return false;
    const auto& words = newsletter_words();
    const auto parts = slug_words(line);
    bool has_noun = false;
    for (std::size_t i = 0; i < parts.size(); ++i)
        has_noun = has_noun || words.nouns.count(parts[i]) || (i + 1 < parts.size() && words.nouns.count(parts[i] + parts[i + 1]));
    if (!has_noun) return false;
    if (month_in_text(line)) return true;
    return all_newsletter_words(parts);
}

std::string newsletter_name_in(std::string_view line) {
    if (!month_in_text(line) || !names_newsletter(line) || !reads_as_title(line)) return {};
    return without_month(trim(line));
}

bool reads_as_title(std::string_view raw_line) {
    const std::string line = collapse_spaces(trim(fold_punctuation(raw_line)));
    const auto words = words_of(line);
    if (words.empty() || line.size() > kMaxTitleBytes || words.size() > kMaxTitleWords) return false;
    if (!starts_with_upper(raw_line) && !std::isdigit(static_cast<unsigned char>(line[0]))) return false;
    const char last = line.back();
    if (last == ':' || last == '?' || last == ',' || last == ';') return false;
    if ((last == '.' || last == '!') && words.size() > kMaxWordsBeforeFullStop) return false;
    return !is_salutation(line) && !has_sentence_break(line);
}

std::optional<std::string> newsletter_month_in_file_name(std::string_view file_name) {
    const auto month = month_in_file_name(std::filesystem::path(file_name).filename().string());
    if (!month) return std::nullopt;
    if (!all_newsletter_words(name_parts(file_name), true)) return std::nullopt;
    return month;
}

std::string newsletter_title(std::string_view month, const ArchiveLayout& archive) {
    const auto name = archive.newsletter_name();
    return name ? *name + " \u2013 " + month_name_and_year(month) : month_name_and_year(month);
}

std::string site_prefix_of(std::string_view file_name, std::string_view line) {
    const auto name = name_parts(file_name);
    const auto words = slug_words(line);
    if (words.empty() || words.size() >= name.size()) return {};
    if (!std::equal(words.begin(), words.end(), name.end() - static_cast<std::ptrdiff_t>(words.size()))) return {};
    const std::vector<std::string> prefix(name.begin(), name.end() - static_cast<std::ptrdiff_t>(words.size()));
    // A number or a month before the title is a date, not a name.
    if (std::any_of(prefix.begin(), prefix.end(), [](const std::string& p) { return !is_word(p) || month_number(p); }))
        return {};
    return join(prefix, " ");
}

std::string title_from_slug(std::string_view file_name, const ArchiveLayout& archive) {
    auto parts = name_parts(file_name);
    const bool opaque = std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return !is_word(p) && !is_number(p); });
    const auto words = std::count_if(parts.begin(), parts.end(), [](const std::string& p) { return is_word(p) && p.size() >= 3; });
    if (opaque || words == 0) return {};
    // A date in front is where the site filed the page ("2031-06-12-spring-fair"), not its title.
    while (!parts.empty() && is_number(parts.front())) parts.erase(parts.begin());
    // The longest site prefix that leaves a word of the page's own.
    for (std::size_t length = parts.size() - 1; length > 0; --length) {
        const std::vector<std::string> prefix(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(length));
        if (!archive.is_site_prefix(join(prefix, " "))) continue;
        const bool leaves_a_word = std::any_of(parts.begin() + static_cast<std::ptrdiff_t>(length), parts.end(),
                                               [](const std::string& p) { return is_word(p) && !month_number(p); });
        if (leaves_a_word) parts.erase(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(length));
        break;
    }
    // A name ending in a month and year is titled as the site titles its issues: "Name – June 2030".
    std::string month;
    if (parts.size() >= 2 && is_year(parts.back()) && month_number(parts[parts.size() - 2])) {
        month = capitalised(parts[parts.size() - 2]) + " " + parts.back();
        parts.resize(parts.size() - 2);
    }
    std::string title;
    for (const auto& part : parts)
        title += (title.empty() ? "" : " ") + (title.empty() || !kLowerCaseTitleWords.count(part) ? capitalised(part) : part);
    if (month.empty()) return title;
    return title.empty() ? month : title + " \u2013 " + month;
}

bool line_names_file(std::string_view line, std::string_view file_name) {
    // Numbers apart: a site files a page under its date in any order ("2031-03-peaks-bulletin-march"
    // for "Peaks Bulletin – March 2031").
    const auto without_numbers = [](std::vector<std::string> parts) {
        std::erase_if(parts, [](const std::string& p) { return is_number(p); });
        return parts;
    };
    const auto words = without_numbers(slug_words(line));
    const auto name = without_numbers(name_parts(file_name));
    // The whole name, or all of it after a site prefix: two words at least, as one is too often a coincidence.
    if (words.empty() || words.size() > name.size() || (words.size() < 2 && words.size() < name.size())) return false;
    return std::equal(words.begin(), words.end(), name.end() - static_cast<std::ptrdiff_t>(words.size()));
}

}  // namespace wm
