#include "searchd/searcher_pool.hpp"

#include <exception>
#include <utility>

namespace wm::searchd {

SearcherPool::SearcherPool(std::string database_path, std::size_t size, unsigned remote_timeout_ms)
    : database_path_(std::move(database_path)), size_(std::max<std::size_t>(1, size)), remote_timeout_ms_(remote_timeout_ms) {}

SearcherPool::Lease::Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher)
    : pool_(&pool), searcher_(std::move(searcher)), exceptions_at_start_(std::uncaught_exceptions()) {}

SearcherPool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)),
      searcher_(std::move(other.searcher_)),
      exceptions_at_start_(other.exceptions_at_start_) {}

SearcherPool::Lease::~Lease() {
    if (!pool_) return;
    if (std::uncaught_exceptions() > exceptions_at_start_) searcher_.reset();
    pool_->give_back(std::move(searcher_));
}

SearcherPool::Lease SearcherPool::acquire() {
    std::unique_ptr<Searcher> searcher;
    {
        std::unique_lock lock(mutex_);
        returned_.wait(lock, [this] { return lent_ < size_; });
        ++lent_;
        if (!idle_.empty()) {
            searcher = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    try {
        if (searcher) searcher->refresh();
        else searcher = std::make_unique<Searcher>(database_path_, remote_timeout_ms_);
    } catch (...) {
        give_back(nullptr);
        throw;
    }
    return Lease(*this, std::move(searcher));
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
    {
        std::lock_guard lock(mutex_);
        --lent_;
        if (searcher) idle_.push_back(std::move(searcher));
    }
    returned_.notify_one();
}

}  // namespace wm::searchd
