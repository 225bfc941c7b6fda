#include "common/parse/furniture_learner.hpp"

#include <algorithm>
#include <optional>
#include <regex>
#include <set>

#include "common/parse/line_roles.hpp"
#include "common/parse/paragraphs.hpp"
#include "common/parse/title.hpp"
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

std::string folded_key(std::string_view line) {
    auto folded = trim(fold_punctuation(line));
    if (folded.starts_with("- ")) folded = trim(folded.substr(2));
    return to_lower(collapse_spaces(folded));
}

// "12 march 2031", "thursday, 5th june 2031", "march 2031", "jul 22", "12/03/2031": nothing but a
// date. Such a line is no label: its key is its label's.
bool is_only_a_date(const std::string& key) {
    static const std::set<std::string, std::less<>> weekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                                "friday", "saturday", "sunday"};
    bool dated = false;
    for (const auto& raw : split(key, ' ')) {
        std::string word = raw;
        while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.back()))) word.pop_back();
        if (word.empty()) continue;
        const auto digits = std::find_if_not(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c) || c == '/' || c == '.'; });
        const std::string rest(digits, word.end());
        if (month_number(word)) {
            dated = true;
        } else if (digits == word.begin() || !(rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th")) {
            if (!weekdays.count(word)) return false;
        } else if (word.find('/') != std::string::npos) {
            dated = true;
        }
    }
    return dated;
}

bool is_date_line(const std::string& line) {
    return line.size() <= kLongestEdgeLine && is_only_a_date(folded_key(line));
}

// A sentence at a page's tail is the text's however many issues repeat it ("For more information
// please click here.", "To register, please visit:": newsletters repeat an announcement month
// after month); at its head, before any paragraph, a recurring sentence is a banner's ("This
// website uses cookies to improve your experience.").
bool reads_as_sentence(const std::string& line) {
    constexpr std::size_t kWordsOfALabel = 3;  // "Thank you." is a label as much as a sentence
    const auto folded = fold_punctuation(line);
    const auto last = folded.find_last_not_of(" \"')");
    const bool ends_a_sentence = last != std::string::npos && std::string_view(".!?:").find(folded[last]) != std::string_view::npos;
    return (ends_a_sentence && words_of(folded).size() > kWordsOfALabel) || has_sentence_break(folded);
}

struct EdgeLine {
    std::size_t index;
    std::string key;
};

// The short lines at a page's head and tail, with their keys. Fixed furniture is among them: a
// stamp such as "Updated: 3 April 2031" is dropped as text by its pattern, but only its
// recurring across pages tells that it is the site's, not the page's date.
std::vector<EdgeLine> edge_lines(const std::vector<std::string>& lines) {
    std::vector<std::size_t> content;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!lines[i].empty()) content.push_back(i);
    const auto is_long = [&](std::size_t i) { return lines[i].size() > kLongestEdgeLine; };
    std::vector<EdgeLine> edges;
    const auto add = [&](std::size_t i, bool tail) {
        if (auto key = layout_key(lines[i]); !key.empty() && !(tail && reads_as_sentence(lines[i])))
            edges.push_back({i, std::move(key)});
    };
    std::size_t head_end = 0;
    for (; head_end < content.size() && head_end < kEdgeLines && !is_long(content[head_end]); ++head_end) add(content[head_end], false);
    std::size_t tail_begin = content.size();
    while (tail_begin > head_end && content.size() - tail_begin < kEdgeLines && !is_long(content[tail_begin - 1])) --tail_begin;
    for (auto i = tail_begin; i < content.size(); ++i) add(content[i], true);
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

// A heading keeps its role when the page's own text follows it: a paragraph, a letter ("Dear
// colleagues,"), under a colon the page's own items ("Dates for your diary:" over "19 May: ..."),
// or a colon heading that heads such text ("Key Updates:" over "Fostering:"). A label over a date,
// over lines the site repeats ("Share this:" over "Twitter") or over a short line ("Latest news"
// over a title) has none; nor has a date line ("Updated: 3 April 2031").
bool heads_text(const std::vector<std::string>& lines, const std::vector<bool>& furniture, std::size_t i,
                const ArchiveLayout& archive, int depth = 0) {
    constexpr int kHeadingsOverHeadings = 2;
    const auto kind = heading_kind(lines[i], true);
    if (month_of_date_line(lines[i]) || kind == HeadingKind::none) return false;
    const auto next = next_line(lines, furniture, i);
    if (!next || is_date_line(lines[*next])) return false;
    const auto& line = lines[*next];
    if (line.size() > kLongestEdgeLine || is_salutation(line)) return true;
    if (kind == HeadingKind::colon && !archive.line_recurs(layout_key(line))) return true;
    return depth < kHeadingsOverHeadings && heading_kind(line, true) == HeadingKind::colon &&
           heads_text(lines, furniture, *next, archive, depth + 1);
}

// below_furniture: the line above it is furniture, so that a heading there is the last line of
// a box (a consent banner's "Manage preferences" over the text of a page with no title line).
bool has_role(const std::vector<std::string>& lines, const std::vector<bool>& furniture, std::size_t i,
              bool below_furniture, std::string_view file_name, const ArchiveLayout& archive) {
    const auto& line = lines[i];
    return is_salutation(line) || is_sign_off(line) || in_signature(lines, i) ||
           (!below_furniture && heads_text(lines, furniture, i, archive)) || line_names_file(line, file_name);
}

}  // namespace

std::string layout_key(std::string_view line) {
    auto key = folded_key(line);
    return is_only_a_date(key) ? std::string() : key;
}

LayoutKeys layout_keys_of(const std::vector<std::string>& lines, std::string_view file_name) {
    LayoutKeys keys;
    for (auto& [i, key] : edge_lines(lines)) {
        keys.lines.push_back(std::move(key));
        if (keys.newsletter_name.empty()) keys.newsletter_name = newsletter_name_in(lines[i]);
        if (keys.site_prefix.empty()) keys.site_prefix = site_prefix_of(file_name, lines[i]);
    }
    return keys;
}

LayoutKeys layout_keys_of(std::string_view text, std::string_view file_name) {
    const auto lines = lines_of(text);
    return layout_keys_of(lines, file_name);
}

std::vector<bool> learned_furniture(const std::vector<std::string>& lines, const std::vector<bool>& furniture,
                                    std::string_view file_name, const ArchiveLayout& archive) {
    std::vector<bool> learned(lines.size());
    if (archive.pages() == 0) return learned;
    for (const auto& [i, key] : edge_lines(lines)) {
        if (!archive.line_recurs(key)) continue;
        const auto above = std::find_if_not(std::make_reverse_iterator(lines.begin() + static_cast<std::ptrdiff_t>(i)), lines.rend(),
                                            [](const std::string& line) { return line.empty(); });
        const auto above_index = static_cast<std::size_t>(lines.rend() - above) - 1;
        const bool below_furniture = above != lines.rend() && (furniture[above_index] || learned[above_index]);
        if (has_role(lines, furniture, i, below_furniture, file_name, archive)) continue;
        learned[i] = true;
        // The date under a label is the label's, whether the date line is fixed furniture or not.
        for (auto j = i + 1; j < lines.size(); ++j) {
            if (lines[j].empty()) continue;
            if (is_date_line(lines[j])) learned[j] = true;
            break;
        }
    }
    return learned;
}

}  // namespace wm
