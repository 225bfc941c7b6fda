#pragma once
// Every document's facet values and year as small integers, read once per database revision and
// shared by all of searchd's threads. Counting facets over 20,000 matching issues is then array
// increments, where reading and splitting each match's value lists took most of a query's time
// (measured: 63% of a 68 ms median query at 20,000 issues). Xapian never reuses a document id,
// so a new revision's table is the previous one plus the documents added since (a deleted
// document's entries stay, but no match ever reaches them). The archive (archive.hpp) keeps the
// tables of its newest revisions.
#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/index/schema.hpp"

namespace wm {

class FacetTable {
public:
    /// Facets are numbered as in schema::kFacets; the issue year and the page kind come after them.
    static constexpr std::size_t kYear = schema::kFacets.size();
    static constexpr std::size_t kKind = kYear + 1;
    static constexpr std::size_t kColumns = kKind + 1;

    /// The table of db's current revision: base's entries for the documents it knew (base, if
    /// given, must extend_to db), read afresh for the rest. The base's value-id maps move to the
    /// new table: only the newest table interns values. A single database only: over shards a
    /// match spy sees each shard's own document ids.
    static std::shared_ptr<FacetTable> read(const Xapian::Database& db, FacetTable* base);
    /// Whether this table can be extended to db: the same database, no document ids reused.
    bool extends_to(const Xapian::Database& db) const;

    /// Calls visit(column, value id) for each facet value and the year of a document.
    template <typename Visit>
    void for_each_value(Xapian::docid docid, Visit&& visit) const {
        const auto first = std::size_t{docid} * kColumns;
        if (first + kColumns >= starts_.size()) return;
        for (auto i = starts_[first]; i < starts_[first + kColumns]; ++i)
            visit(entries_[i] >> kIdBits, entries_[i] & kIdMask);
    }
    /// Calls visit(value id) for each value of one column of a document: a count of one facet
    /// (a filtered facet's recount) reads only that facet's entries.
    template <typename Visit>
    void for_each_value_of(Xapian::docid docid, std::size_t column, Visit&& visit) const {
        const auto at = std::size_t{docid} * kColumns + column;
        if (at + 1 >= starts_.size()) return;
        for (auto i = starts_[at]; i < starts_[at + 1]; ++i) visit(entries_[i] & kIdMask);
    }
    const std::vector<std::string>& names(std::size_t column) const { return names_[column]; }
    /// By value id: the value's place in the column's names in byte order, so that values
    /// ranked by name compare two numbers, not two strings.
    const std::vector<std::uint32_t>& name_ranks(std::size_t column) const { return name_ranks_[column]; }
    /// How many of the database's documents have each value of a column, by value id: the
    /// counts of browsing (no query, no filter), which then needs no match pass.
    const std::vector<std::uint32_t>& every_document_counts(std::size_t column) const { return every_document_[column]; }
    /// Whether a document is in the database: a deleted one's entries stay in the table.
    bool is_live(Xapian::docid docid) const { return docid < live_.size() && live_[docid]; }
    std::size_t live_documents() const { return live_documents_; }
    Xapian::docid last_docid() const { return last_docid_; }

private:
    static constexpr unsigned kIdBits = 28;
    static constexpr std::uint32_t kIdMask = (1u << kIdBits) - 1;
    FacetTable(const Xapian::Database& db, FacetTable* base);
    /// Extends by_name_ and name_ranks_ of a column to its new values.
    void order_by_name(std::size_t column);

    std::string uuid_;
    Xapian::docid last_docid_ = 0;

    /// by docid * kColumns + column: where that column's entries of the document begin (the next
    /// one's start is its end; one more at the end closes the last)
    std::vector<std::uint32_t> starts_;
    std::vector<std::uint32_t> entries_;  ///< column << kIdBits | value id, by document then column
    std::vector<std::string> names_[kColumns];
    /// value -> id, by column: kept from table to table, since rebuilding them (95,000 people at
    /// 20,000 issues) was most of a new revision's first search (100 ms)
    std::unordered_map<std::string, std::uint32_t> ids_[kColumns];
    std::vector<std::uint32_t> every_document_[kColumns];  ///< by value id, over the live documents
    std::vector<bool> live_;  ///< by docid
    std::size_t live_documents_ = 0;
    /// Value ids in name order, extended from the base's by merging in the new values (a sort of
    /// every name per revision would cost a new revision's first search tens of milliseconds);
    /// moved from table to table with the value-id maps.
    std::vector<std::uint32_t> by_name_[kColumns];
    std::vector<std::uint32_t> name_ranks_[kColumns];
};

}  // namespace wm
