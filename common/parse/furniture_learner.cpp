#include "common/parse/furniture_learner.hpp"

#include <algorithm>
#include <optional>
#include <regex>
#include <set>

#include "common/parse/line_roles.hpp"
#include "common/parse/paragraphs.hpp"
#include "common/parse/title.hpp"
#include "common/text/furniture.hpp"
#include "common/text/month.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

// Furniture is a label, a banner or a teaser: a line of a paragraph's length is the page's
// text, however often the archive repeats it (and the paragraphs that begin and end a page
// mark where its own text is).
constexpr std::size_t kLongestEdgeLine = 100;
// Lines of a page's head (before its first paragraph-long line) and tail (after its last) that
// are counted: a site's banners, menus and sidebars fit in this many.
constexpr std::size_t kEdgeLines = 20;
// A signature is the sign-off and at most this many lines under it (name, role, organisation).
constexpr std::size_t kSignatureLines = 3;

const std::string kDateMark = "<date>";

// Full dates in folded lower-case text: "12 march 2031", "thursday 12th march, 2031",
// "march 12, 2031", "12/03/2031". Month and year alone ("march 2031") name an issue, not a day.
std::string with_dates_marked(const std::string& lowered) {
    if (lowered.find_first_of("0123456789") == std::string::npos) return lowered;
    static const std::regex date(
        R"((?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?)"
        R"((?:\d{1,2}(?:st|nd|rd|th)? ([a-z]{3,9})\.?,? \d{4}|([a-z]{3,9})\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|)"
        R"(\d{1,2}/\d{1,2}/\d{2,4}))");
    std::string marked;
    auto from = lowered.cbegin();
    for (std::sregex_iterator it(lowered.begin(), lowered.end(), date), end; it != end; ++it) {
        const auto& match = *it;
        const std::string month = match[1].matched ? match[1].str() : match[2].str();
        if (!month.empty() && month_number(month) == 0) continue;
        marked.append(from, match[0].first);
        marked += kDateMark;
        from = match[0].second;
    }
    marked.append(from, lowered.cend());
    return marked;
}

std::string folded_key(std::string_view line) {
    auto folded = trim(fold_punctuation(line));
    if (folded.starts_with("- ")) folded = trim(folded.substr(2));
    return with_dates_marked(to_lower(collapse_spaces(folded)));
}

// "<date>", "march 2031", "jul 22", "thursday, <date>": nothing but dates, months and numbers.
bool is_only_a_date(const std::string& key) {
    static const std::set<std::string, std::less<>> weekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                                "friday", "saturday", "sunday"};
    bool dated = false;
    for (const auto& raw : split(key, ' ')) {
        std::string word = raw;
        while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.back())) && word.back() != '>') word.pop_back();
        if (word.empty()) continue;
        const bool digits = std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); });
        if (word == kDateMark || month_number(word)) dated = true;
        else if (!digits && !weekdays.count(word)) return false;
    }
    return dated;
}

bool is_date_line(const std::string& line) {
    return line.size() <= kLongestEdgeLine && is_only_a_date(folded_key(line));
}

// Indices of the short lines at a page's head and tail that are not fixed furniture.
std::vector<std::size_t> edge_lines(const std::vector<std::string>& lines, const std::vector<bool>& furniture) {
    std::vector<std::size_t> content;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!lines[i].empty() && !furniture[i]) content.push_back(i);
    const auto is_long = [&](std::size_t i) { return lines[i].size() > kLongestEdgeLine; };
    std::vector<std::size_t> edges;
    std::size_t head_end = 0;
    while (head_end < content.size() && head_end < kEdgeLines && !is_long(content[head_end])) edges.push_back(content[head_end++]);
    std::size_t tail_begin = content.size();
    while (tail_begin > head_end && content.size() - tail_begin < kEdgeLines && !is_long(content[tail_begin - 1])) --tail_begin;
    edges.insert(edges.end(), content.begin() + static_cast<std::ptrdiff_t>(tail_begin), content.end());
    return edges;
}

// The next line with something on it, after i.
std::optional<std::size_t> next_line(const std::vector<std::string>& lines, const std::vector<bool>& furniture, std::size_t i) {
    for (auto j = i + 1; j < lines.size(); ++j)
        if (!lines[j].empty() && !furniture[j]) return j;
    return std::nullopt;
}

bool in_signature(const std::vector<std::string>& lines, std::size_t i) {
    std::size_t seen = 0;
    for (auto j = i; j-- > 0 && seen < kSignatureLines;) {
        if (lines[j].empty()) continue;
        if (is_sign_off(lines[j])) return true;
        ++seen;
    }
    return false;
}

// A heading keeps its role when text follows it: a paragraph, or a heading that ends with a
// colon ("Key Updates:" over "Fostering:"). A label over a date or another short line has none.
bool heads_text(const std::vector<std::string>& lines, const std::vector<bool>& furniture, std::size_t i) {
    const auto kind = heading_kind(lines[i], true);
    if (kind == HeadingKind::colon) return true;
    if (kind == HeadingKind::none) return false;
    const auto next = next_line(lines, furniture, i);
    return next && (lines[*next].size() > kLongestEdgeLine || heading_kind(lines[*next], true) == HeadingKind::colon);
}

bool has_role(const std::vector<std::string>& lines, const std::vector<bool>& furniture, std::size_t i,
              std::string_view file_name) {
    const auto& line = lines[i];
    return is_salutation(line) || is_sign_off(line) || in_signature(lines, i) || heads_text(lines, furniture, i) ||
           line_names_file(line, file_name);
}

}  // namespace

std::string layout_key(std::string_view line) {
    auto key = folded_key(line);
    return is_only_a_date(key) ? std::string() : key;
}

LayoutKeys layout_keys_of(const std::vector<std::string>& lines, const std::vector<bool>& furniture,
                          std::string_view file_name) {
    LayoutKeys keys;
    for (const auto i : edge_lines(lines, furniture)) {
        if (auto key = layout_key(lines[i]); !key.empty()) keys.lines.push_back(std::move(key));
        if (keys.newsletter_name.empty()) keys.newsletter_name = newsletter_name_in(lines[i]);
        if (keys.site_prefix.empty()) keys.site_prefix = site_prefix_of(file_name, lines[i]);
    }
    return keys;
}

LayoutKeys layout_keys_of(std::string_view text, std::string_view file_name) {
    const auto lines = lines_of(text);
    return layout_keys_of(lines, furniture_lines(lines), file_name);
}

LearnedFurniture learned_furniture(const std::vector<std::string>& lines, const std::vector<bool>& furniture,
                                   std::string_view file_name, const ArchiveLayout& archive) {
    LearnedFurniture learned{std::vector<bool>(lines.size()), std::vector<bool>(lines.size())};
    if (archive.pages() == 0) return learned;
    for (const auto i : edge_lines(lines, furniture)) {
        const auto key = layout_key(lines[i]);
        if (key.empty() || !archive.line_recurs(key) || has_role(lines, furniture, i, file_name)) continue;
        learned.lines[i] = true;
        // The date under a label is the label's, whether the date line is fixed furniture or not.
        for (auto j = i + 1; j < lines.size(); ++j) {
            if (lines[j].empty()) continue;
            if (is_date_line(lines[j])) learned.lines[j] = learned.labelled_dates[j] = true;
            break;
        }
    }
    return learned;
}

}  // namespace wm
