#pragma once
// A text as a hit shows it, with what the query matched in it: plain text and byte ranges, for
// api/ to write as HTML marks or a client's tags.
#include <cstddef>
#include <string>
#include <vector>

namespace wm {

struct MarkedText {
    struct Span {
        std::size_t begin, end;  ///< bytes of text
        bool operator==(const Span&) const = default;
    };
    std::string text;  ///< each run of spaces and line breaks one space
    std::vector<Span> matches;  ///< in order, never overlapping
    /// The text is a passage of a longer one, cut before or after it (shown as "…").
    bool cut_before = false, cut_after = false;
    bool operator==(const MarkedText&) const = default;
};

}  // namespace wm
