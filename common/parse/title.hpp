#pragma once
// What a page is called: its title line, or a title a person would write when it has none.
#include <optional>
#include <string>
#include <string_view>

#include "common/parse/archive_layout.hpp"

namespace wm {

/// "Regional Update – April 2022", "June 2024 Newsletter", "Monthly Bulletin": a line naming
/// the newsletter, by a newsletter noun with a month, or by nothing but newsletter words (see
/// common/parse/data/newsletter_words.tsv); such a line is an issue's title wherever it stands
/// near the top.
bool names_newsletter(std::string_view line);

/// The newsletter's name in a title line naming it with a month: "Regional Update" of
/// "Regional Update – April 2022"; empty for any other line.
std::string newsletter_name_in(std::string_view line);

/// Whether the first content line of a page reads as its title: not body text (a sentence, a
/// line that starts mid-sentence, a greeting such as "Dear colleagues,"), not a section heading
/// (ends in ':' or '?'), not a list item.
bool reads_as_title(std::string_view line);

/// The month of a file name that is only newsletter words and a month
/// ("regional-update-june-2030.txt", "2030-06.txt"); none for other names.
std::optional<std::string> newsletter_month_in_file_name(std::string_view file_name);

/// The archive's newsletter name and the month ("Regional Update – June 2030" for "2030-06"),
/// or the month alone when the archive names no newsletter.
std::string newsletter_title(std::string_view month, const ArchiveLayout& archive);

/// The first words of a file name that a line leaves out when it is the rest of the name:
/// "eastvale news" for "eastvale-news-spring-fair.txt" and "Spring Fair"; empty otherwise.
std::string site_prefix_of(std::string_view file_name, std::string_view line);

/// "celebrating-success.txt" -> "Celebrating Success", "regional-update-june-2030.txt" ->
/// "Regional Update – June 2030"; without a site prefix the archive knows
/// ("eastvale-news-spring-fair.txt" -> "Spring Fair"). Empty for an opaque id
/// ("000_0ade5a7af2cbefc2.txt") or a name with no words.
std::string title_from_slug(std::string_view file_name, const ArchiveLayout& archive = {});

/// Whether a line says what the file name says, perhaps after a site prefix ("Regional Update –
/// June 2030" of "regional-update-june-2030.txt" or "eastvale-regional-update-june-2030.txt"):
/// the page's own title, wherever else it recurs.
bool line_names_file(std::string_view line, std::string_view file_name);

}  // namespace wm
