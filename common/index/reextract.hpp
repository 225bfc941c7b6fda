#pragma once
// What a newly learned glossary entry changes in issues indexed earlier: an issue that says
// only "RIIA activity:" yields a programme once any issue defines RIIA.
#include <set>
#include <string>
#include <vector>

#include "common/facets/glossary.hpp"
#include "common/index/target.hpp"

namespace wm {

struct ReextractedIssue {
    std::string issue_id, path;
};

/// Re-extracts the stored issues whose facets the glossary's new entries (those not in stored)
/// change, and writes them back; issues in skip (about to be replaced anyway) are left alone.
std::vector<ReextractedIssue> reextract_stored_issues(IndexTarget& target, const Glossary& glossary,
                                                      const Glossary& stored, const std::set<std::string>& skip);

}  // namespace wm
