#pragma once
// Page furniture: lines the website wraps around an issue that are not part of it.
#include <string>
#include <vector>

namespace wm {

/// Marks each line that is furniture: "top of page", "27 views0 comments", "Recent Posts",
/// and a post header's author handle, date ("Jul 22", "4 days ago"), "4 min read" and like and
/// view counts, written alone or as "- " items ("- jane.doe", "- Oct 24").
std::vector<bool> furniture_lines(const std::vector<std::string>& lines);

}  // namespace wm
