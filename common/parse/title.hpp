#pragma once
// What a page is called: its title line, or a title a person would write when it has none.
#include <optional>
#include <string>
#include <string_view>

namespace wm {

/// "Regional Update – April 2022", "June 2024 Newsletter": a line naming the newsletter (and
/// perhaps a month); such a line is an issue's title wherever it stands near the top.
bool names_newsletter(std::string_view line);

/// Whether the first content line of a page reads as its title: not body text (a sentence, a
/// line that starts mid-sentence, a greeting such as "Dear colleagues,"), not a section heading
/// (ends in ':' or '?'), not a list item.
bool reads_as_title(std::string_view line);

/// The month of a file name that is only the newsletter's name and a month
/// ("regional-update-june-2030.txt", "2030-06.txt"); none for other names.
std::optional<std::string> newsletter_month_in_file_name(std::string_view file_name);

/// The newsletter's own style: "Regional Update – June 2030" for "2030-06".
std::string newsletter_title(std::string_view month);

/// "celebrating-success.txt" -> "Celebrating Success"; empty for an opaque id
/// ("000_0ade5a7af2cbefc2.txt") or a name with no words.
std::string title_from_slug(std::string_view file_name);

}  // namespace wm
