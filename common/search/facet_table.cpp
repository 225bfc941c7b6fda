#include "common/search/facet_table.hpp"

#include <map>
#include <mutex>
#include <unordered_map>

#include "common/issue_store.hpp"
#include "common/text.hpp"

namespace wm {
namespace {

// Threads between two revisions may ask for either, so the two newest tables are kept.
constexpr std::size_t kTablesKept = 2;

struct Interner {
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::string>* names;
    std::uint32_t operator()(const std::string& value) {
        const auto [it, added] = ids.emplace(value, static_cast<std::uint32_t>(names->size()));
        if (added) names->push_back(value);
        return it->second;
    }
};

}  // namespace

FacetTable::FacetTable(const Xapian::Database& db) {
    // Column by column through Xapian's value streams (fast, in docid order), then laid out by
    // document.
    std::vector<std::vector<std::uint32_t>> by_doc(db.get_lastdocid() + 1);
    const auto add_column = [&](std::size_t column, Xapian::valueno slot, bool year_only) {
        Interner intern{{}, &names_[column]};
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
            const std::string value = *it;
            auto& entries = by_doc[it.get_docid()];
            if (year_only) {
                if (value.size() >= 4) entries.push_back(static_cast<std::uint32_t>(column << kIdBits) | intern(value.substr(0, 4)));
                continue;
            }
            for (const auto& member : split(value, schema::kListSeparator))
                if (!member.empty()) entries.push_back(static_cast<std::uint32_t>(column << kIdBits) | intern(member));
        }
    };
    for (std::size_t column = 0; column < schema::kFacets.size(); ++column)
        add_column(column, schema::kFacets[column].slot, false);
    add_column(kYear, schema::SLOT_MONTH, true);
    starts_.reserve(by_doc.size() + 1);
    for (const auto& entries : by_doc) {
        starts_.push_back(static_cast<std::uint32_t>(entries_.size()));
        entries_.insert(entries_.end(), entries.begin(), entries.end());
    }
    starts_.push_back(static_cast<std::uint32_t>(entries_.size()));
}

std::shared_ptr<const FacetTable> FacetTable::of(const Xapian::Database& db, const std::string& database_key) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const FacetTable>> tables;  // key: database + revision
    static std::vector<std::string> newest;
    const auto key = database_key + "@" + database_version(db);
    std::lock_guard lock(mutex);
    if (const auto found = tables.find(key); found != tables.end()) return found->second;
    std::shared_ptr<const FacetTable> table(new FacetTable(db));
    tables[key] = table;
    newest.push_back(key);
    if (newest.size() > kTablesKept) {
        tables.erase(newest.front());
        newest.erase(newest.begin());
    }
    return table;
}

}  // namespace wm
