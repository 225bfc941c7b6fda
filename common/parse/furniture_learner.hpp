#pragma once
// Page furniture learned by recurrence (see archive_layout.hpp): which short lines at a page's
// head and tail are its site's rather than its own. A page is counted by its layout keys, then
// judged with the counts of the whole archive.
#include <string>
#include <string_view>
#include <vector>

#include "common/model/issue.hpp"
#include "common/parse/archive_layout.hpp"

namespace wm {

/// A line as the archive counts it: folded, in lower case, without a list dash, each full date
/// written "<date>" (so "Updated: 3 May 2031" and "Updated: 9 June 2031" are one key). Empty for
/// a line that is only a date.
std::string layout_key(std::string_view line);

/// What a page tells the archive (see LayoutKeys). lines: the page's lines, trimmed;
/// furniture: its fixed furniture (furniture_lines), which needs no counting.
LayoutKeys layout_keys_of(const std::vector<std::string>& lines, const std::vector<bool>& furniture,
                          std::string_view file_name);

/// The same, of a page's whole text (the indexer's first pass over a file).
LayoutKeys layout_keys_of(std::string_view text, std::string_view file_name);

struct LearnedFurniture {
    std::vector<bool> lines;           ///< furniture by recurrence
    std::vector<bool> labelled_dates;  ///< dates that belong to a furniture label above them
};

/// The lines at a page's head and tail that many of the archive's pages have: furniture, unless
/// the line has a role on this page (a heading over text, a salutation, a sign-off and the
/// signature below it, the page's own title). A date just below such a line is the label's
/// ("What's on" / "12 March 2031"), never the page's.
LearnedFurniture learned_furniture(const std::vector<std::string>& lines, const std::vector<bool>& furniture,
                                   std::string_view file_name, const ArchiveLayout& archive);

}  // namespace wm
