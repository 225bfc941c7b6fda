#include "common/text/furniture.hpp"

#include <regex>

#include "common/text/month.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

bool is_fixed_furniture(const std::string& lowered) {
    static const std::regex pattern(
        R"(top of page|bottom of page|recent posts|see all|skip to (main )?content|)"
        R"(writer'?s picture|post not marked as liked( \d+)?|post was liked|share( post)?|)"
        R"(log ?in|sign ?up|all posts|comments?|write a comment\.*|like|follow|)"
        R"(\d+ views?\s*\d* ?comments?|\d+ views?|\d+ comments?|\d+ likes?|)"
        R"(\d+ min(ute)?s? read|)"
        R"((updated|published|posted):? ([a-z]{3,9}\.? \d{1,2}(,? \d{4})?|\d{1,2} [a-z]{3,9}\.?( \d{4})?))");
    return std::regex_match(lowered, pattern);
}

// "4 days ago", "an hour ago", "yesterday": a post's relative date.
bool is_relative_date(const std::string& lowered) {
    static const std::regex pattern(
        R"((\d+|an?|one|two|three|few) (second|minute|min|hour|day|week|month|year)s? ago|yesterday|today|just now)");
    return std::regex_match(lowered, pattern);
}

// "Jul 22", "Jul 22, 2023", "22 Jul", "22 July 2023", "Jul 22 2023": a blog post's date line.
bool is_short_date(const std::string& lowered) {
    static const std::regex pattern(
        R"(([a-z]{3,9})\.? \d{1,2}(st|nd|rd|th)?(,? \d{4})?|\d{1,2}(st|nd|rd|th)? ([a-z]{3,9})\.?( \d{4})?)");
    std::smatch match;
    if (!std::regex_match(lowered, match, pattern)) return false;
    const std::string word = match[1].matched ? match[1].str() : match[5].str();
    return month_number(word) != 0;
}

// An author handle is one short token with no spaces ("wmadcs", "@regional.team", "Admin1").
bool is_handle_like(const std::string& line) {
    static const std::regex pattern(R"(@?[A-Za-z0-9][A-Za-z0-9_.\-]{1,30})");
    return line.size() <= 32 && line.find(' ') == std::string::npos && std::regex_match(line, pattern);
}

// Longer than any furniture line ("post not marked as liked 12", "posted on 30 september 2031 by
// the regional office").
constexpr std::size_t kLongestFurnitureLine = 80;

// A post header may write each item as "- item": the dash is not part of what it says.
std::string without_item_dash(const std::string& line) {
    const auto trimmed = trim(line);
    return trimmed.starts_with("- ") ? trim(trimmed.substr(2)) : trimmed;
}

}  // namespace

std::vector<bool> furniture_lines(const std::vector<std::string>& raw_lines) {
    std::vector<std::string> lines;
    for (const auto& line : raw_lines) lines.push_back(without_item_dash(fold_punctuation(line)));
    std::vector<bool> furniture(lines.size(), false);
    std::vector<std::string> lowered(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        lowered[i] = to_lower(collapse_spaces(lines[i]));
        // Furniture is a few words; a line of text is not worth the patterns.
        if (lowered[i].empty() || lowered[i].size() > kLongestFurnitureLine) continue;
        furniture[i] = is_fixed_furniture(lowered[i]) || is_short_date(lowered[i]) || is_relative_date(lowered[i]) ||
                       month_of_date_line(lines[i]).has_value();
    }
    // A post header names its author just before the date or reading-time line; a handle can
    // only be recognised by that neighbourhood, since it is an arbitrary word.
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (furniture[i] || lowered[i].empty() || !is_handle_like(trim(lines[i]))) continue;
        for (std::size_t j = i + 1; j < lines.size() && j <= i + 3; ++j) {
            if (lowered[j].empty()) continue;
            if (furniture[j] && (is_short_date(lowered[j]) || is_relative_date(lowered[j]) ||
                                 lowered[j].find("read") != std::string::npos ||
                                 lowered[j].starts_with("writer")))
                furniture[i] = true;
            break;
        }
        if (i > 0 && furniture[i - 1] && lowered[i - 1].starts_with("writer")) furniture[i] = true;
    }
    return furniture;
}

}  // namespace wm
