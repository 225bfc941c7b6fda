#pragma once
// The archive's most frequent words in alphabetical order, read once per database revision (the
// archive, archive.hpp, keeps its newest) and shared by every search: the completions of a word being typed come from here, so
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
    /// The words of db's current revision.
    explicit WordTable(const Xapian::Database& db);

    /// The most frequent words starting with prefix, most frequent first (ties alphabetical).
    std::vector<std::string> completions(std::string_view prefix, std::size_t limit) const;

private:
    std::vector<std::pair<std::string, Xapian::doccount>> words_;  ///< sorted by word
};

}  // namespace wm
