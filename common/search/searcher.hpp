#pragma once
// common/search/ - the query layer: SearchRequest -> SearchResult over a Xapian database
// (query builder, facet table and counter, suggestions, related issues, entity pages,
// acronyms). No HTTP: may include every common/ layer below it.
//
// A search is a sequence of stages, each in a file of its own: plan (search_plan), match tiers
// (tiers), count (counting), page (page, section_page) and snippets (hit_snippets). A Searcher
// runs them over its own open database, with what its Archive shares between searchers; one
// Searcher per thread at a time: Xapian objects are not thread-safe.
#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/facets/glossary.hpp"
#include "common/index/schema.hpp"
#include "common/search/archive.hpp"
#include "common/search/search_request.hpp"

namespace wm {

class Searcher {
public:
    /// Opens the archive's database (UnavailableError when it cannot be).
    explicit Searcher(Archive& archive);

    /// Picks up the indexer's latest commit, if any; cheap when nothing changed.
    void refresh();

    SearchResult search(const SearchRequest& request);

    /// Every value of a facet with the number of issues that have it, busiest first; kept
    /// until the database changes.
    const std::vector<FacetCount>& facet_values(const schema::Facet& facet);
    /// Those whose name starts with prefix, both folded (match_key: "telford &" finds "Telford
    /// and Wrekin").
    std::vector<FacetCount> facet_values(const schema::Facet& facet, std::string_view prefix);

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
    Archive& archive_;
    Xapian::Database db_;
    std::string revision_;  ///< the database revision last refreshed to
    std::shared_ptr<const Glossary> glossary_;
    std::string facet_values_revision_;
    bool remote_shards_ = false;  ///< remote shards run only Xapian's built-in match spies
    /// One local database: document ids are its own, so the facet table, docid filters and the
    /// record cache serve (Xapian 1.4 hands a match spy or posting source each shard's own ids,
    /// measured; and over shards a stand-in revision may not change when an issue is indexed again).
    bool one_local_database_ = false;
    std::map<std::string, std::vector<FacetCount>> facet_values_;
};

}  // namespace wm
