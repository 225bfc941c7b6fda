#pragma once
// One issue file made ready for the index: read, parsed, its facets extracted with the run's
// glossary and its document built. Runs on worker threads, one DocumentBuilder each.
#include <xapian.h>

#include <cstdint>
#include <string>

#include "common/facets/glossary.hpp"
#include "common/model/issue_record.hpp"
#include "common/parse/archive_layout.hpp"

namespace wm {

struct BuiltIssue {
    IssueRecord record;
    Xapian::Document document;
    std::string failure;  ///< why the file cannot be indexed; empty when it can
};

/// archive: what the file's page is judged against to tell its site's furniture (see
/// common/parse/archive_layout.hpp).
BuiltIssue build_issue_file(const std::string& path, std::uintmax_t max_bytes, const Glossary& glossary,
                            const ArchiveLayout& archive);

/// An issue already in the index, built again from its stored model (its source file is gone).
BuiltIssue build_stored_issue(IssueRecord record, const Glossary& glossary);

}  // namespace wm
