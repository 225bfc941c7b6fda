#pragma once
// Where an indexing run writes: one database, or a sharded folder (see common/index/schema.hpp).
#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/index/store.hpp"

namespace wm {

class IndexTarget {
public:
    /// Opens path for writing. shards 0 keeps the layout path has (a new path becomes one
    /// database); shards N > 0 makes a new path a folder of N shards, and requires an existing
    /// one to have N. Throws ConfigError on a mismatch, UnavailableError when another writer
    /// holds any of the databases.
    /// A single database written with an older schema is opened too (older_schema() says so),
    /// for the run to rebuild it; older shards are refused.
    static IndexTarget open(const std::string& path, std::size_t shards);

    /// The single database was written with an older schema: the run must rebuild it.
    bool older_schema() { return !sharded() && has_older_schema(shards_[0]); }

    std::size_t shard_count() const { return shards_.size(); }
    bool sharded() const { return dictionary_.has_value(); }
    Xapian::WritableDatabase& shard(std::size_t index) { return shards_[index]; }
    Xapian::WritableDatabase& shard_for(std::string_view issue_id);
    /// Spelling data, synonyms and the glossary: shard 0 itself when there is one database.
    Xapian::WritableDatabase& dictionary() { return dictionary_ ? *dictionary_ : shards_[0]; }

    /// Adds an issue's document in place of whatever its shard held for it, and its words to
    /// the dictionary.
    void write_issue(std::string_view issue_id, const Xapian::Document& document, bool replaces);

    /// Commits every shard, then the dictionary: a kill in between leaves the old glossary
    /// beside newer issues, which the next run re-extracts, never the other way round.
    void commit();
    /// Releases the databases and their write lock.
    void close();

private:
    std::vector<Xapian::WritableDatabase> shards_;
    std::optional<Xapian::WritableDatabase> dictionary_;
};

}  // namespace wm
