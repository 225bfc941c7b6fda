#pragma once
// What a line of a page is by its own words: a heading, a salutation, a sign-off, a name. The
// parser builds sections on these; the furniture learner keeps lines that have such a role.
#include <string_view>

namespace wm {

enum class HeadingKind { none, colon, question, title_line };

/// A section heading ("Key Updates:", "What is new?", "Workforce Update"), or none: a line of
/// text, a lead-in ("please contact:"), a list item, a sign-off. A heading that does not end with
/// a colon must be a paragraph of its own.
HeadingKind heading_kind(std::string_view line, bool single_line_paragraph);

/// "Best wishes", "Kind regards,", "Thank you": the line a letter's signature follows.
bool is_sign_off(std::string_view line);

/// "Dear colleagues,", "Hello all": the line a letter opens with.
bool is_salutation(std::string_view line);

/// A signature line: a person's name, perhaps with initials and post-nominals ("Michael W Jarrett MBE").
bool is_name_line(std::string_view line);

/// A full stop, '!' or '?' followed by a capitalised word: more than one sentence.
bool has_sentence_break(std::string_view line);

}  // namespace wm
