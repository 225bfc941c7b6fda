#include "api/marked_text.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "common/search/snippets.hpp"

namespace wm {
namespace {

constexpr std::string_view kMarkStart = kSnippetMarkStart, kMarkEnd = kSnippetMarkEnd, kOmitted = kSnippetOmitted;

constexpr std::pair<std::string_view, char> kEntities[] = {
    {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

}  // namespace

MarkedText read_marked(std::string_view html) {
    MarkedText out;
    std::size_t match_start = 0;
    for (std::size_t i = 0; i < html.size();) {
        const auto rest = html.substr(i);
        if (rest.starts_with(kMarkStart)) {
            match_start = out.text.size();
            i += kMarkStart.size();
            continue;
        }
        if (rest.starts_with(kMarkEnd)) {
            out.matches.push_back({match_start, out.text.size() - match_start});
            i += kMarkEnd.size();
            continue;
        }
        const auto entity = std::find_if(std::begin(kEntities), std::end(kEntities),
                                         [&](const auto& e) { return rest.starts_with(e.first); });
        if (entity != std::end(kEntities)) {
            out.text += entity->second;
            i += entity->first.size();
        } else {
            out.text += html[i++];
        }
    }
    return out;
}

MarkedText crop_words(const MarkedText& marked, std::size_t words, std::string_view marker) {
    auto text = std::string_view(marked.text);
    // The engine's own cuts count as words left out.
    const bool cut_before = text.starts_with(kOmitted), cut_after = text.ends_with(kOmitted);
    const std::size_t skip = cut_before ? kOmitted.size() : 0;
    text = text.substr(0, text.size() - (cut_after ? kOmitted.size() : 0));
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // [begin, end) of each word
    for (std::size_t i = skip; i < text.size();) {
        while (i < text.size() && is_space(text[i])) ++i;
        const auto begin = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i > begin) spans.emplace_back(begin, i);
    }
    std::size_t first = 0;
    if (!marked.matches.empty())
        while (first + 1 < spans.size() && spans[first].second <= marked.matches.front().start) ++first;
    const std::size_t count = std::min(words, spans.size());
    if (count == 0) return {};
    std::size_t from = first > count / 2 ? first - count / 2 : 0;
    from = std::min(from, spans.size() - count);
    MarkedText out;
    const auto begin = spans[from].first, end = spans[from + count - 1].second;
    const bool before = cut_before || from > 0, after = cut_after || from + count < spans.size();
    if (before) out.text = marker;
    const auto shift = out.text.size();
    out.text += text.substr(begin, end - begin);
    for (const auto& m : marked.matches)
        if (m.start >= begin && m.start + m.length <= end) out.matches.push_back({m.start - begin + shift, m.length});
    if (after) out.text += marker;
    return out;
}

std::string with_tags(const MarkedText& marked, std::string_view pre, std::string_view post) {
    std::string out;
    std::size_t copied = 0;
    for (const auto& m : marked.matches) {
        out.append(marked.text, copied, m.start - copied);
        out.append(pre).append(marked.text, m.start, m.length).append(post);
        copied = m.start + m.length;
    }
    out.append(marked.text, copied);
    return out;
}

}  // namespace wm
