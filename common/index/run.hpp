#pragma once
// common/index/ - facet values -> Xapian: the schema (every prefix, slot and id rule), the
// document builder, the database store and write target (one database or shards), and the
// indexing run. May include every common/ layer below it.
//
// Folder of issue files -> Xapian database: incremental, idempotent, atomic per run
// (the role omindex's index_file.cc plays for Omega).
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/index/files.hpp"
#include "common/parse/issue_parser.hpp"

namespace wm {

/// Xapian buffers a batch's changes in memory until the commit. Measured on 1,000 generated
/// issues: 100 issues (about 1,700 documents) per commit took 6.8 s and 48 MiB, 250 took 8.7 s
/// and 88 MiB, 1,000 took 9.5 s and 285 MiB; below 25 the commits themselves dominate.
inline constexpr std::size_t kDefaultBatchIssues = 100;

struct IndexOptions {
    std::string database;
    std::vector<std::string> inputs;  ///< files and folders (searched recursively for *.txt)
    bool prune = false;               ///< remove issues whose source file no longer exists
    /// Files seen deleted (by `indexer watch`): their issues are removed if they were indexed
    /// from exactly there and the file is still gone.
    std::vector<std::string> deleted_files;
    /// Files still being written: left out of this run even when an input folder holds them.
    std::vector<std::string> skipped_files;
    std::uintmax_t max_file_bytes = kMaxIssueFileBytes;
    /// Issues per commit: what a kill can lose, and what bounds the writer's memory.
    std::size_t batch_issues = kDefaultBatchIssues;
    unsigned workers = 0;  ///< threads that parse, extract and build documents; 0: one per core
    /// Split a new index into this many shards (see common/index/schema.hpp); 0 keeps the layout.
    std::size_t shards = 0;
    /// Decide every stored issue again, with what the whole archive says now (its furniture, its
    /// acronyms and programmes): each is read again from its source file, or, when that is gone,
    /// rebuilt from its stored record. A single database is rebuilt beside the old one and
    /// swapped in; a sharded one is re-indexed in place.
    bool rebuild = false;
};

/// One change the run made to the index, for logs.
struct IndexAction {
    std::string_view kind;  ///< "added", "replaced", "removed" or "re-extracted"
    std::string issue_id, path;
};

struct IndexReport {
    std::size_t added = 0, replaced = 0, unchanged = 0, removed = 0, failed = 0;
    std::vector<IndexAction> actions;
    std::vector<FileProblem> failures;  ///< files skipped, with the reason
    std::vector<FileProblem> warnings;  ///< files indexed with a caveat (no title found...)
    double seconds = 0;
};

struct IndexProgress {
    std::size_t done = 0, total = 0;
    std::string current_file;
};

/// Reports progress: each file counts twice (read, then indexed); called once per step and
/// once at the end.
using ProgressCallback = std::function<void(const IndexProgress&)>;

/// Indexes options.inputs into options.database, committing every batch_issues issues and at
/// the end. Throws UnavailableError when another writer holds the database, ConfigError for a
/// database of another schema or shard layout.
IndexReport index_paths(const IndexOptions& options, const ProgressCallback& progress = {});

}  // namespace wm
