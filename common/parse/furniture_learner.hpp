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

/// A line as the archive counts it: folded, in lower case, without a list dash. Empty for a line
/// that is only a date: a date recurs as its label does (a stamp with the same date on every page
/// is the site's, a page's own "Published: <date>" differs from page to page).
std::string layout_key(std::string_view line);

/// What a page tells the archive (see LayoutKeys); lines: the page's lines, trimmed.
LayoutKeys layout_keys_of(const std::vector<std::string>& lines, std::string_view file_name);

/// The same, of a page's whole text (the indexer's first pass over a file).
LayoutKeys layout_keys_of(std::string_view text, std::string_view file_name);

/// The lines at a page's head and tail that many of the archive's pages have: furniture, unless
/// the line has a role on this page (a heading over text, a salutation, a sign-off and the
/// signature below it, the page's own title). A date just below such a line is the label's
/// ("What's on" / "12 March 2031"), furniture too, never the page's date.
std::vector<bool> learned_furniture(const std::vector<std::string>& lines, const std::vector<bool>& furniture,
                                   std::string_view file_name, const ArchiveLayout& archive);

}  // namespace wm
