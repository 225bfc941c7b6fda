#pragma once
// The archive's most frequent words in alphabetical order, read once per database revision and
// shared by all of searchd's threads: the completions of a word being typed come from here, so
// that "c" costs a bounded scan of memory rather than a walk of every indexed term starting with
// it, and shards complete exactly as one database does.
#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wm {

class WordTable {
public:
    /// The table for db's current revision (database_key names the database), built on first use.
    static std::shared_ptr<const WordTable> of(const Xapian::Database& db, const std::string& database_key);

    /// The most frequent words starting with prefix, most frequent first (ties alphabetical).
    std::vector<std::string> completions(std::string_view prefix, std::size_t limit) const;

private:
    WordTable(const Xapian::Database& db, std::string revision);
    std::string revision_;  ///< the database version it was read from
    std::vector<std::pair<std::string, Xapian::doccount>> words_;  ///< sorted by word
};

}  // namespace wm
