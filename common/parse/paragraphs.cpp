#include "common/parse/paragraphs.hpp"

#include <set>

#include "common/text/text.hpp"

namespace wm {
namespace {

// Words a sentence never ends on: a line ending with one was cut by the page dump.
const std::set<std::string, std::less<>> kDanglingWords = {
    "a",  "an",  "and", "as",  "at",   "by",  "for", "from", "in",   "into", "of",   "on",  "or", "our",
    "the", "their", "to", "with", "your", "its", "is", "are", "be", "but",  "that", "this", "via"};

// Its last word, as words_of(line).back() gives it, without splitting the whole line.
bool ends_mid_sentence(std::string_view line) {
    const auto collapsed = collapse_spaces(line);
    const auto end = collapsed.find_last_not_of(' ');
    if (end == std::string::npos) return false;
    const auto space = collapsed.find_last_of(' ', end);
    const auto begin = space == std::string::npos ? 0 : space + 1;
    return kDanglingWords.count(std::string_view(collapsed).substr(begin, end + 1 - begin)) != 0;
}

// Line-per-paragraph pages have content lines one after another, with few or no blank lines.
bool paragraphs_are_lines(const std::vector<std::string>& lines, const std::vector<bool>& furniture) {
    std::size_t content = 0, breaks_between = 0;
    bool previous_content = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (furniture[i]) continue;
        const bool is_content = !lines[i].empty();
        if (is_content && previous_content) ++breaks_between;
        if (is_content) ++content;
        previous_content = is_content;
    }
    return content >= 2 && breaks_between * 2 > content;
}

}  // namespace

std::vector<std::string> words_of(std::string_view line) {
    std::vector<std::string> words;
    for (auto& w : split(collapse_spaces(line), ' '))
        if (!w.empty()) words.push_back(w);
    return words;
}

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    for (auto& line : split(text, '\n')) lines.push_back(trim(line));
    return lines;
}

std::vector<Paragraph> paragraphs_of(const std::vector<std::string>& lines, const std::vector<bool>& furniture) {
    const bool one_per_line = paragraphs_are_lines(lines, furniture);
    std::vector<Paragraph> paragraphs;
    Paragraph current;
    for (std::size_t i = 0; i <= lines.size(); ++i) {
        const bool blank = i == lines.size() || furniture[i] || lines[i].empty();
        if (!blank) current.push_back(lines[i]);
        if ((blank || one_per_line) && !current.empty()) {
            paragraphs.push_back(std::move(current));
            current.clear();
        }
    }
    std::vector<Paragraph> joined;
    for (auto& paragraph : paragraphs) {
        if (!joined.empty() && ends_mid_sentence(joined.back().back())) {
            joined.back().back() += ' ' + paragraph.front();
            joined.back().insert(joined.back().end(), paragraph.begin() + 1, paragraph.end());
        } else {
            joined.push_back(std::move(paragraph));
        }
    }
    return joined;
}

}  // namespace wm
