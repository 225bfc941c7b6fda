#pragma once
// The issue model: what the parser makes of one newsletter file, before any facet extraction.
#include <string>
#include <vector>

namespace wm {

struct Section {
    std::string group;    ///< enclosing heading such as "Key Updates", or empty
    std::string heading;  ///< as written, without the trailing ':'; empty for untitled text
    std::string body;     ///< paragraphs separated by blank lines; bullets kept as text
    bool is_introduction = false;
};

struct Issue {
    std::string id;     ///< file base name without ".txt": the archive-wide unique id (schema::issue_id_for_path)
    std::string file;   ///< file base name, e.g. "000_0ade5a7af2cbefc2.txt"
    std::string title;  ///< as written; the file name when no title line was found
    std::string month;  ///< "YYYY-MM", or empty when unknown
    std::string signatory;  ///< who signed the introduction letter, post-nominals kept
    std::vector<Section> sections;  ///< in reading order; the introduction is one of them
    std::vector<std::string> warnings;
};

}  // namespace wm
