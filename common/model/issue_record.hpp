#pragma once
// An indexed issue: the parsed model, its facets and where it came from. Its JSON is what the
// index stores with the issue, what `indexer show` prints and what `indexer extract` emits.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "common/model/facet_values.hpp"
#include "common/model/issue.hpp"

namespace wm {

struct IssueRecord {
    Issue issue;
    IssueFacets facets;
    std::string source_path;  ///< absolute path of the file it was read from
    std::string fingerprint;  ///< content hash + analysis version; unchanged files are skipped
};

/// {"id","file","title","kind","date","signatory","people",...,"organisations",
///  "sections":[{"group","heading","introduction","body","people",...}],"roles":[{"person","role",
///  "authority","section"}],"warnings","path","fingerprint"}
void to_json(nlohmann::json& out, const IssueRecord& record);
void from_json(const nlohmann::json& in, IssueRecord& record);

}  // namespace wm
