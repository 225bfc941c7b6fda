#pragma once
// common/model/ - the issue model every later step passes along: Issue and its sections, the
// facet values found in it, the indexed record, and their JSON. Plain data: no Xapian, no
// rules. May include common/text/.
//
// The issue model: what the parser makes of one newsletter file, before any facet extraction.
#include <string>
#include <string_view>
#include <vector>

namespace wm {

struct Section {
    std::string group;    ///< enclosing heading such as "Key Updates", or empty
    std::string heading;  ///< as written, without the trailing ':'; empty for untitled text
    std::string body;     ///< paragraphs separated by blank lines; bullets kept as text
    bool is_introduction = false;
};

struct Issue {
    std::string id;     ///< the archive-wide unique id: see issue_id_for_path
    std::string file;   ///< file base name, e.g. "000_0ade5a7af2cbefc2.txt"
    std::string title;  ///< as written; the file name when no title line was found
    std::string month;  ///< "YYYY-MM", or empty when unknown
    std::string signatory;  ///< who signed the introduction letter, post-nominals kept
    std::vector<Section> sections;  ///< in reading order; the introduction is one of them
    std::vector<std::string> warnings;
};

/// An issue's id is its file's base name without ".txt" ("000_0ade5a7af2cbefc2"): stable as
/// long as the file keeps its name, wherever the archive is moved.
std::string issue_id_for_path(std::string_view path);

}  // namespace wm
