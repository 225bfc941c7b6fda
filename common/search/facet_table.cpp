#include "common/search/facet_table.hpp"

#include <algorithm>
#include <unordered_map>

#include "common/text/text.hpp"

namespace wm {

FacetTable::FacetTable(const Xapian::Database& db, FacetTable* base)
    : uuid_(db.get_uuid()), last_docid_(db.get_lastdocid()) {
    Xapian::docid first_new = 1;
    if (base) {
        starts_ = base->starts_;
        starts_.pop_back();  // the closing start, reopened for the new documents
        entries_ = base->entries_;
        for (std::size_t column = 0; column < kColumns; ++column) {
            names_[column] = base->names_[column];
            ids_[column] = std::move(base->ids_[column]);
            by_name_[column] = std::move(base->by_name_[column]);
        }
        first_new = base->last_docid_ + 1;
    } else {
        starts_.assign(kColumns, 0);  // docid 0 does not exist: no entries
    }
    // Column by column through Xapian's value streams (fast, in docid order), then laid out by
    // document.
    std::vector<std::vector<std::uint32_t>> by_doc(last_docid_ + 1 - first_new + 1);
    const auto add_column = [&](std::size_t column, Xapian::valueno slot, bool year_only) {
        auto& names = names_[column];
        auto& ids = ids_[column];
        const auto intern = [&](const std::string& value) {
            const auto [it, added] = ids.emplace(value, static_cast<std::uint32_t>(names.size()));
            if (added) names.push_back(value);
            return it->second;
        };
        auto it = db.valuestream_begin(slot);
        if (it != db.valuestream_end(slot)) it.skip_to(first_new);
        for (; it != db.valuestream_end(slot); ++it) {
            const std::string value = *it;
            auto& entries = by_doc[it.get_docid() - first_new];
            const auto entry = [&](const std::string& member) {
                return static_cast<std::uint32_t>(column << kIdBits) | intern(member);
            };
            if (year_only) {
                if (value.size() >= 4) entries.push_back(entry(value.substr(0, 4)));
                continue;
            }
            for (const auto& member : split(value, schema::kListSeparator))
                if (!member.empty()) entries.push_back(entry(member));
        }
    };
    for (std::size_t column = 0; column < schema::kFacets.size(); ++column)
        add_column(column, schema::kFacets[column].slot, false);
    add_column(kYear, schema::SLOT_MONTH, true);
    add_column(kKind, schema::SLOT_KIND, false);
    // A document's entries were added column by column, so each column's are together.
    for (Xapian::docid docid = first_new; docid <= last_docid_; ++docid) {
        const auto& entries = by_doc[docid - first_new];
        auto entry = entries.begin();
        for (std::size_t column = 0; column < kColumns; ++column) {
            starts_.push_back(static_cast<std::uint32_t>(entries_.size()));
            for (; entry != entries.end() && (*entry >> kIdBits) == column; ++entry) entries_.push_back(*entry);
        }
    }
    starts_.push_back(static_cast<std::uint32_t>(entries_.size()));
    for (std::size_t column = 0; column < kColumns; ++column) order_by_name(column);
    // Over the live documents only: a deleted document's entries stay in the table.
    for (std::size_t column = 0; column < kColumns; ++column) every_document_[column].assign(names_[column].size(), 0);
    live_.assign(last_docid_ + 1, false);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        live_[*it] = true;
        ++live_documents_;
        for_each_value(*it, [this](std::size_t column, std::uint32_t id) { ++every_document_[column][id]; });
    }
}

void FacetTable::order_by_name(std::size_t column) {
    const auto& names = names_[column];
    auto& order = by_name_[column];
    const auto by_name = [&](std::uint32_t a, std::uint32_t b) { return names[a] < names[b]; };
    const auto known = order.size();
    for (auto id = static_cast<std::uint32_t>(known); id < names.size(); ++id) order.push_back(id);
    std::sort(order.begin() + static_cast<std::ptrdiff_t>(known), order.end(), by_name);
    std::inplace_merge(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(known), order.end(), by_name);
    auto& ranks = name_ranks_[column];
    ranks.resize(names.size());
    for (std::uint32_t rank = 0; rank < order.size(); ++rank) ranks[order[rank]] = rank;
}

bool FacetTable::extends_to(const Xapian::Database& db) const {
    return db.get_uuid() == uuid_ && db.get_lastdocid() >= last_docid_;
}

std::shared_ptr<FacetTable> FacetTable::read(const Xapian::Database& db, FacetTable* base) {
    return std::shared_ptr<FacetTable>(new FacetTable(db, base));
}

}  // namespace wm
