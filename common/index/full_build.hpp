#pragma once
// A full build: the run that fills an empty database writes it in one go on both cores. The
// files are cut into contiguous parts (at most 16), which two writers take in turn, each part
// into a database of its own (document id = the file's place in the run, so ids are what one
// writer would give); the parts are merged with Xapian's compactor without renumbering, and
// the result is swapped in for the database in one rename. A kill leaves the empty database
// and a half-built folder that the next run removes.
#include <functional>
#include <string>
#include <vector>

#include "common/facets/glossary.hpp"
#include "common/index/issue_file.hpp"

namespace wm {

/// What a full build indexes: a file, or (when rebuilding an older database whose files are
/// gone) an issue's stored record.
struct BuildSource {
    std::string path;
    std::optional<IssueRecord> stored;
};

/// Called once per source, in file order within a part (from both writers' threads, one at a time).
using BuiltCallback = std::function<void(const BuildSource&, const BuiltIssue&)>;

/// Indexes sources into a new database beside database_path, with the glossary's metadata (each
/// file's page judged against archive, see common/parse/archive_layout.hpp), and
/// swaps it in. The database it replaced is left in the build folder, for the caller to remove
/// with remove_unfinished_builds once it has closed it. Throws UnavailableError when the new
/// database cannot be put in place; Xapian's errors when the disk refuses a write.
void full_build(const std::string& database_path, const std::vector<BuildSource>& sources,
                const Glossary& glossary, const ArchiveLayout& archive, std::uintmax_t max_file_bytes,
                std::size_t batch_issues, const BuiltCallback& built);

/// Removes the build folder beside database_path: what a killed full build left, or what a
/// finished one replaced.
void remove_unfinished_builds(const std::string& database_path);

}  // namespace wm
