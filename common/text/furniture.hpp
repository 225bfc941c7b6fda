#pragma once
// Page furniture: lines the website wraps around an issue that are not part of it.
#include <string>
#include <vector>

namespace wm {

/// Marks each line that is furniture: "top of page", "27 views0 comments", "Recent Posts",
/// and the newer layout's author handle, short date ("Jul 22"), "4 min read" and like counts.
std::vector<bool> furniture_lines(const std::vector<std::string>& lines);

}  // namespace wm
