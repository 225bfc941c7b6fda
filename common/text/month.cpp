#include "common/text/month.hpp"

#include <array>
#include <cctype>
#include <regex>

#include "common/text/text.hpp"

namespace wm {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

std::string format_month(int year, int month) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
    return buffer;
}

// A month word followed by a four-digit year, with anything but letters and digits between.
std::optional<std::string> month_word_then_year(const std::string& lowered) {
    static const std::regex pattern(
        R"((?:^|[^a-z])([a-z]{3,9})\.?[^a-z0-9]{1,3}((?:19|20)[0-9]{2})(?![0-9]))");
    for (std::sregex_iterator it(lowered.begin(), lowered.end(), pattern), end; it != end; ++it) {
        if (const int month = month_number((*it)[1].str()))
            return format_month(std::stoi((*it)[2].str()), month);
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> month_of_date_line(std::string_view line) {
    constexpr std::size_t kLongestDateLine = 80;  // "- published on 30th september, 2031 by the regional programme office"
    if (line.size() > kLongestDateLine || line.find_first_of("0123456789") == std::string_view::npos) return std::nullopt;
    // A byline's author follows the date: "Posted on 10 March 2031 by Partnership Office".
    static const std::regex date(
        R"((?:- )?(?:(?:published|posted|updated|date)(?: on)?[: ]+)?(?:)"
        R"(([a-z]{3,9})\.? (?:\d{1,2}(?:st|nd|rd|th)?,? )?((?:19|20)\d\d)|)"
        R"(\d{1,2}(?:st|nd|rd|th)? ([a-z]{3,9})\.?,? ((?:19|20)\d\d))(?: by [^,;:.!?]{1,50})?)");
    const auto lowered = to_lower(collapse_spaces(trim(fold_punctuation(line))));
    std::smatch m;
    if (!std::regex_match(lowered, m, date)) return std::nullopt;
    const bool month_first = m[1].matched;
    const int month = month_number(month_first ? m[1].str() : m[3].str());
    if (month == 0) return std::nullopt;
    return format_month(std::stoi(month_first ? m[2].str() : m[4].str()), month);
}

std::string month_name_and_year(std::string_view month) {
    if (!is_month_value(month)) return std::string(month);
    std::string name(kMonths[static_cast<std::size_t>(std::stoi(std::string(month.substr(5, 2)))) - 1]);
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name + " " + std::string(month.substr(0, 4));
}

bool is_month_value(std::string_view text) {
    const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() != 7 || text[4] != '-' || !digit(0) || !digit(1) || !digit(2) || !digit(3) || !digit(5) ||
        !digit(6))
        return false;
    const int century = (text[0] - '0') * 10 + (text[1] - '0');
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    return (century == 19 || century == 20) && month >= 1 && month <= 12;
}

int month_number(std::string_view word) {
    const std::string lowered = to_lower(word);
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        if (lowered == kMonths[i] || (lowered.size() == 3 && kMonths[i].starts_with(lowered)) ||
            (lowered == "sept" && i == 8))
            return static_cast<int>(i) + 1;
    }
    return 0;
}

std::optional<std::string> month_in_text(std::string_view text) {
    return month_word_then_year(to_lower(fold_punctuation(text)));
}

std::optional<std::string> month_in_file_name(std::string_view file_name) {
    const std::string lowered = to_lower(file_name);
    if (auto found = month_word_then_year(lowered)) return found;
    static const std::regex numeric(R"((?:^|[^0-9])((?:19|20)[0-9]{2})[-_.](0[1-9]|1[0-2])(?![0-9]))");
    std::smatch match;
    if (std::regex_search(lowered, match, numeric))
        return format_month(std::stoi(match[1].str()), std::stoi(match[2].str()));
    return std::nullopt;
}

}  // namespace wm
