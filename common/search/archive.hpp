#pragma once
// One open archive: the index a daemon serves, and what is worked out from it once per revision
// and shared by every search on it: the glossary parsed, the facet table, the word table of
// search-as-you-type, the cache of hit records, and the searchers themselves (Xapian objects
// are not thread-safe, so a search borrows a Searcher of its own). Built once and handed to
// whoever serves requests; two archives, of one database or of two, share nothing.
#include <xapian.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "common/facets/glossary.hpp"
#include "common/index/store.hpp"
#include "common/search/facet_table.hpp"
#include "common/search/record_cache.hpp"
#include "common/search/word_table.hpp"

namespace wm {

class Searcher;

class Archive {
public:
    struct Options {
        /// Searchers open at once: the searches that run together (others wait for one). A
        /// worker holds one only while it answers: searchd keeps a thread per open keep-alive
        /// connection, and a searcher per thread made memory follow the connections (2.6 MiB
        /// each at 20,000 issues: 164 MiB at 64 connections).
        std::size_t searchers = 4;
        unsigned remote_timeout_ms = kRemoteTimeoutMs;  ///< see open_for_reading
    };

    /// Opens a first searcher, so that a database that cannot be opened fails here, before
    /// anything is served (UnavailableError, ConfigError).
    explicit Archive(std::string path, Options options);
    explicit Archive(std::string path) : Archive(std::move(path), Options{}) {}
    ~Archive();
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    const std::string& path() const { return path_; }
    unsigned remote_timeout_ms() const { return options_.remote_timeout_ms; }

    /// A searcher lent for one search, refreshed to the indexer's latest commit, so a commit is
    /// visible to the next search. Given back when the lease ends; dropped instead if it ends in
    /// an exception (a broken remote shard connection is reopened by the next lease).
    class Lease {
    public:
        Lease(Archive& archive, std::unique_ptr<Searcher> searcher);
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Searcher& operator*() const { return *searcher_; }
        Searcher* operator->() const { return searcher_.get(); }

    private:
        Archive* archive_;
        std::unique_ptr<Searcher> searcher_;
        int exceptions_at_start_;
    };
    /// Waits while Options::searchers are lent.
    Lease searcher();

    /// Unix time at which a search first saw the revision now served (the archive's opening
    /// before any change): when the index last changed, as far as searches know.
    double revision_seen_unix() const;

    // What searchers share, for the revision of db they are at (database_version).
    /// The archive's glossary, parsed once per revision at most (not again when the stored
    /// glossary is unchanged: working out its programme forms is costly).
    std::shared_ptr<const Glossary> glossary(const Xapian::Database& db, const std::string& revision);
    /// The facet table of a single local database; the two newest revisions' are kept, since
    /// searches between two revisions may ask for either, and a new one extends the newest.
    std::shared_ptr<const FacetTable> facet_table(const Xapian::Database& db, const std::string& revision);
    std::shared_ptr<const WordTable> word_table(const Xapian::Database& db, const std::string& revision);
    /// Hit records of a single local database (over shards a revision may not change when an
    /// issue is indexed again, so nothing is cached).
    RecordCache& records() { return records_; }

private:
    void give_back(std::unique_ptr<Searcher> searcher);
    void saw_revision(const std::string& revision);

    const std::string path_;
    const Options options_;

    mutable std::mutex pool_mutex_;
    std::condition_variable returned_;
    std::size_t lent_ = 0;
    std::vector<std::unique_ptr<Searcher>> idle_;
    std::string newest_revision_;
    double revision_seen_unix_ = 0;

    std::mutex glossary_mutex_;
    std::string glossary_revision_, glossary_stored_;
    std::shared_ptr<const Glossary> glossary_;

    std::mutex facet_tables_mutex_;
    std::vector<std::pair<std::string, std::shared_ptr<FacetTable>>> facet_tables_;  ///< oldest first

    std::mutex word_table_mutex_;
    std::string word_table_revision_;
    std::shared_ptr<const WordTable> word_table_;

    RecordCache records_;
};

}  // namespace wm
