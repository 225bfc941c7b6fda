#pragma once
// The engine's marked text (HTML-escaped, matches in <mark>) as Meilisearch shows it: plain
// text with the caller's tags around matches (`_formatted`), cropped to a number of words
// around the first match, and the matches' byte ranges (`_matchesPosition`).
#include <string>
#include <string_view>
#include <vector>

namespace wm {

struct MarkedText {
    struct Match {
        std::size_t start, length;  ///< bytes in text
    };
    std::string text;  ///< plain: entities decoded, <mark> removed
    std::vector<Match> matches;
};

/// Reads text made by make_snippet: decodes the entities html_escape writes and takes the
/// <mark> ranges as matches.
MarkedText read_marked(std::string_view html);

/// At most `words` whitespace-separated words, starting so the first match is near the middle
/// (the opening when nothing matches), with marker where words were left out. A text the
/// engine already cut ("…" at an end) keeps the marker there. Matches cut by the window are dropped.
MarkedText crop_words(const MarkedText& marked, std::size_t words, std::string_view marker);

/// The text with pre and post around each match.
std::string with_tags(const MarkedText& marked, std::string_view pre, std::string_view post);

}  // namespace wm
