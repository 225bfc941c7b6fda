#pragma once
// The engine's marked texts (snippets, titles and headings with the query's matches as byte
// ranges) as answers show them: HTML with the matches in <mark> (the search page, the feeds),
// or as Meilisearch's `_formatted` shows them: plain text with the caller's tags around matches,
// cropped to a number of words around the first match, and the matches' byte ranges
// (`_matchesPosition`).
#include <string>
#include <string_view>

#include "common/search/marked_text.hpp"

namespace wm {

/// Written where the engine cut a passage out of a longer text.
inline constexpr std::string_view kOmitted = "\u2026";

/// Escapes &, <, >, " and ' for HTML text and attributes.
std::string html_escape(std::string_view text);

/// Appends marked's text to out: each run between matches and each match through
/// append_text(out, run), each match between open and close, "…" where it was cut.
template <typename AppendText>
void append_marked(std::string& out, const MarkedText& marked, std::string_view open, std::string_view close,
                   AppendText&& append_text) {
    const std::string_view text = marked.text;
    if (marked.cut_before) out += kOmitted;
    std::size_t copied = 0;
    for (const auto& match : marked.matches) {
        append_text(out, text.substr(copied, match.begin - copied));
        out += open;
        append_text(out, text.substr(match.begin, match.end - match.begin));
        out += close;
        copied = match.end;
    }
    append_text(out, text.substr(copied));
    if (marked.cut_after) out += kOmitted;
}

/// The text as HTML: escaped, each match between open and close, "…" where it was cut.
std::string marked_html(const MarkedText& marked, std::string_view open = "<mark>", std::string_view close = "</mark>");

/// The text with "…" written where it was cut, the matches' ranges moved to match.
MarkedText with_cuts_written(const MarkedText& marked);

/// At most `words` whitespace-separated words, starting so the first match is near the middle
/// (the opening when nothing matches), with marker where words were left out or the engine
/// had cut the text. Matches cut by the window are dropped.
MarkedText crop_words(const MarkedText& marked, std::size_t words, std::string_view marker);

/// The text with pre and post around each match, "…" where it was cut.
std::string with_tags(const MarkedText& marked, std::string_view pre, std::string_view post);

}  // namespace wm
