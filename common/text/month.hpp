#pragma once
// Finding the issue month ("YYYY-MM") in a title or a file name.
#include <optional>
#include <string>
#include <string_view>

namespace wm {

/// "Regional Update – April 2022" -> "2022-04"; month names in full or abbreviated.
std::optional<std::string> month_in_text(std::string_view text);

/// "regional-update-june-2022.txt" -> "2022-06"; also "2022-06" / "2022_06" style names.
std::optional<std::string> month_in_file_name(std::string_view file_name);

/// The month of a line that is nothing but a date with a year ("Dec 2030", "3 December 2030",
/// "- Mar 3, 2025", "Published: 4 May 2031", "Posted on 4 May 2031 by the Regional Office"): a
/// page's own date. A line that says more
/// ("Featured event: 12 Jul 2031", "At the August meeting") is not one.
std::optional<std::string> month_of_date_line(std::string_view line);

/// "June 2030" for "2030-06".
std::string month_name_and_year(std::string_view month);

/// Whether text is a month value as the API and the index write it: "YYYY-MM", 1900-2099.
bool is_month_value(std::string_view text);

/// 1-12 for an English month name or its three-letter abbreviation, else 0.
int month_number(std::string_view word);

}  // namespace wm
