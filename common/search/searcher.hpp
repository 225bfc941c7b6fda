#pragma once
// common/search/ - the query layer: SearchRequest -> SearchResult over a Xapian database
// (query builder, facet table and counter, suggestions, related issues, entity pages,
// acronyms). No HTTP: may include every common/ layer below it.
//
// The query layer: a SearchRequest answered from a Xapian database, with exact disjunctive
// facet counts, best-section snippets and spelling suggestions. One Searcher per thread:
// Xapian objects are not thread-safe.
#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/facets/glossary.hpp"
#include "common/index/schema.hpp"
#include "common/index/store.hpp"
#include "common/search/deadline.hpp"
#include "common/search/query_builder.hpp"
#include "common/search/record_cache.hpp"
#include "common/search/search_request.hpp"

namespace wm {

class Searcher {
public:
    /// remote_timeout_ms: see open_for_reading.
    explicit Searcher(std::string database_path, unsigned remote_timeout_ms = kRemoteTimeoutMs);

    /// Picks up the indexer's latest commit, if any; cheap when nothing changed.
    void refresh();

    SearchResult search(const SearchRequest& request);

    /// Every value of a facet with the number of issues that have it, busiest first; kept
    /// until the database changes.
    const std::vector<FacetCount>& facet_values(const schema::Facet& facet);

    const Xapian::Database& database() const { return db_; }
    /// The database's version (database_version) as of the last refresh.
    const std::string& revision() const { return revision_; }
    const Glossary& glossary() const { return *glossary_; }

    /// Runs fn(database), reopening and retrying when a concurrent commit invalidated the
    /// revision being read (Xapian's DatabaseModifiedError).
    template <typename Fn>
    auto with_retry(Fn&& fn) {
        for (int attempt = 0;; ++attempt) {
            try {
                return fn();
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt >= 3) throw;
                refresh();
            }
        }
    }

private:
    SearchResult run(const SearchRequest& request);
    /// The record a match's document stores (see RecordCache).
    std::shared_ptr<const std::string> stored_record(const Xapian::MSetIterator& match);
    /// group=section: the page's sections, from the matching issues in rank order.
    template <typename Filtered>
    void add_section_hits(const QueryPlan& plan, const std::vector<Xapian::Query>& tier_queries,
                          const Filtered& filtered, SortOrder sort, std::size_t needed, const Deadline& deadline,
                          SearchResult& result);
    std::string database_path_;
    Xapian::Database db_;
    std::string revision_;           ///< the database revision last refreshed to
    std::string glossary_revision_;  ///< the stored glossary it was read from
    std::shared_ptr<const Glossary> glossary_;
    std::string facet_values_revision_;
    bool remote_shards_ = false;  ///< remote shards run only Xapian's built-in match spies
    /// One local database: document ids are its own, so the facet table and docid filters serve
    /// (Xapian 1.4 hands a match spy or posting source each shard's own ids, measured).
    bool one_local_database_ = false;
    /// Records shared with the database's other searchers; none over shards, whose stand-in
    /// revision may not change when an issue is indexed again.
    std::shared_ptr<RecordCache> records_;
    std::map<std::string, std::vector<FacetCount>> facet_values_;
};

}  // namespace wm
