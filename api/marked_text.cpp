#include "api/marked_text.hpp"

#include <cctype>
#include <utility>
#include <vector>

namespace wm {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_escaped(out, text);
    return out;
}

std::string marked_html(const MarkedText& marked, std::string_view open, std::string_view close) {
    std::string out;
    out.reserve(marked.text.size() + marked.matches.size() * (open.size() + close.size()) + 2 * kOmitted.size() + 16);
    append_marked(out, marked, open, close, append_escaped);
    return out;
}

MarkedText with_cuts_written(const MarkedText& marked) {
    MarkedText out;
    const auto shift = marked.cut_before ? kOmitted.size() : 0;
    if (marked.cut_before) out.text = kOmitted;
    out.text += marked.text;
    if (marked.cut_after) out.text += kOmitted;
    for (const auto& m : marked.matches) out.matches.push_back({m.begin + shift, m.end + shift});
    return out;
}

MarkedText crop_words(const MarkedText& marked, std::size_t words, std::string_view marker) {
    const std::string_view text = marked.text;
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // [begin, end) of each word
    for (std::size_t i = 0; i < text.size();) {
        while (i < text.size() && is_space(text[i])) ++i;
        const auto begin = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i > begin) spans.emplace_back(begin, i);
    }
    std::size_t first = 0;
    if (!marked.matches.empty())
        while (first + 1 < spans.size() && spans[first].second <= marked.matches.front().begin) ++first;
    const std::size_t count = std::min(words, spans.size());
    if (count == 0) return {};
    std::size_t from = first > count / 2 ? first - count / 2 : 0;
    from = std::min(from, spans.size() - count);
    MarkedText out;
    const auto begin = spans[from].first, end = spans[from + count - 1].second;
    // The engine's own cuts count as words left out.
    const bool before = marked.cut_before || from > 0, after = marked.cut_after || from + count < spans.size();
    if (before) out.text = marker;
    const auto shift = out.text.size();
    out.text += text.substr(begin, end - begin);
    for (const auto& m : marked.matches)
        if (m.begin >= begin && m.end <= end) out.matches.push_back({m.begin - begin + shift, m.end - begin + shift});
    if (after) out.text += marker;
    return out;
}

std::string with_tags(const MarkedText& marked, std::string_view pre, std::string_view post) {
    std::string out;
    append_marked(out, marked, pre, post, [](std::string& to, std::string_view text) { to += text; });
    return out;
}

}  // namespace wm
