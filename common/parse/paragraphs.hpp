#pragma once
// A page dump's lines grouped into paragraphs, without the site's furniture.
#include <string>
#include <string_view>
#include <vector>

namespace wm {

using Paragraph = std::vector<std::string>;  ///< its lines, trimmed

/// A page's lines, trimmed.
std::vector<std::string> lines_of(std::string_view text);

/// The older layout separates paragraphs by blank lines; the newer one by single line breaks,
/// and there every line is a paragraph. The lines marked furniture are dropped, and a line broken
/// mid-sentence by the dump ("... offer to" / "Care Leavers ...") is rejoined.
std::vector<Paragraph> paragraphs_of(const std::vector<std::string>& lines, const std::vector<bool>& furniture);

/// The words of a line, split on white space.
std::vector<std::string> words_of(std::string_view line);

}  // namespace wm
