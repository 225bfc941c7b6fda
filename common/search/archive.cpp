#include "common/search/archive.hpp"

#include <algorithm>
#include <chrono>
#include <exception>

#include "common/search/searcher.hpp"

namespace wm {
namespace {

// Threads between two revisions may ask for either table.
constexpr std::size_t kFacetTablesKept = 2;

double now_unix() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

Archive::Archive(std::string path, Options options)
    : path_(std::move(path)), options_{std::max<std::size_t>(1, options.searchers), options.remote_timeout_ms} {
    auto first = std::make_unique<Searcher>(*this);
    newest_revision_ = first->revision();
    revision_seen_unix_ = now_unix();
    idle_.push_back(std::move(first));
}

Archive::~Archive() = default;

Archive::Lease::Lease(Archive& archive, std::unique_ptr<Searcher> searcher)
    : archive_(&archive), searcher_(std::move(searcher)), exceptions_at_start_(std::uncaught_exceptions()) {}

Archive::Lease::Lease(Lease&& other) noexcept
    : archive_(std::exchange(other.archive_, nullptr)),
      searcher_(std::move(other.searcher_)),
      exceptions_at_start_(other.exceptions_at_start_) {}

Archive::Lease::~Lease() {
    if (!archive_) return;
    if (std::uncaught_exceptions() > exceptions_at_start_) searcher_.reset();
    archive_->give_back(std::move(searcher_));
}

Archive::Lease Archive::searcher() {
    std::unique_ptr<Searcher> searcher;
    {
        std::unique_lock lock(pool_mutex_);
        returned_.wait(lock, [this] { return lent_ < options_.searchers; });
        ++lent_;
        if (!idle_.empty()) {
            searcher = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    try {
        if (searcher) searcher->refresh();
        else searcher = std::make_unique<Searcher>(*this);
    } catch (...) {
        give_back(nullptr);
        throw;
    }
    saw_revision(searcher->revision());
    return Lease(*this, std::move(searcher));
}

void Archive::give_back(std::unique_ptr<Searcher> searcher) {
    {
        std::lock_guard lock(pool_mutex_);
        --lent_;
        if (searcher) idle_.push_back(std::move(searcher));
    }
    returned_.notify_one();
}

void Archive::saw_revision(const std::string& revision) {
    std::lock_guard lock(pool_mutex_);
    if (revision == newest_revision_) return;
    newest_revision_ = revision;
    revision_seen_unix_ = now_unix();
}

double Archive::revision_seen_unix() const {
    std::lock_guard lock(pool_mutex_);
    return revision_seen_unix_;
}

std::shared_ptr<const Glossary> Archive::glossary(const Xapian::Database& db, const std::string& revision) {
    std::lock_guard lock(glossary_mutex_);
    if (glossary_ && revision == glossary_revision_) return glossary_;
    // The glossary changes only when the indexer learns something: most new revisions keep it.
    auto stored = stored_glossary(db);
    if (!glossary_ || stored != glossary_stored_) {
        glossary_ = std::make_shared<const Glossary>(glossary_from(stored));
        glossary_stored_ = std::move(stored);
    }
    glossary_revision_ = revision;
    return glossary_;
}

std::shared_ptr<const FacetTable> Archive::facet_table(const Xapian::Database& db, const std::string& revision) {
    std::lock_guard lock(facet_tables_mutex_);
    for (const auto& [kept_revision, table] : facet_tables_)
        if (kept_revision == revision) return table;
    FacetTable* base = nullptr;
    if (!facet_tables_.empty() && facet_tables_.back().second->extends_to(db)) base = facet_tables_.back().second.get();
    facet_tables_.emplace_back(revision, FacetTable::read(db, base));
    if (facet_tables_.size() > kFacetTablesKept) facet_tables_.erase(facet_tables_.begin());
    return facet_tables_.back().second;
}

std::shared_ptr<const WordTable> Archive::word_table(const Xapian::Database& db, const std::string& revision) {
    std::lock_guard lock(word_table_mutex_);
    if (!word_table_ || revision != word_table_revision_) {
        word_table_ = std::make_shared<const WordTable>(db);
        word_table_revision_ = revision;
    }
    return word_table_;
}

}  // namespace wm
