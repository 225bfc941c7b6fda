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

/// Whether text is a month value as the API and the index write it: "YYYY-MM", 1900-2099.
bool is_month_value(std::string_view text);

/// 1-12 for an English month name or its three-letter abbreviation, else 0.
int month_number(std::string_view word);

}  // namespace wm
