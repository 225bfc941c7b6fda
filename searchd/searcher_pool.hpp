#pragma once
// Searchers shared by searchd's worker threads. cpp-httplib keeps a worker thread per open
// keep-alive connection, so a Searcher per thread made memory follow the connections (2.6 MiB
// each at 20,000 issues: 164 MiB at 64 connections); a worker borrows one only while it answers.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/search/searcher.hpp"

namespace wm::searchd {

class SearcherPool {
public:
    /// size: the most searchers open at once; requests beyond wait for one.
    SearcherPool(std::string database_path, std::size_t size, unsigned remote_timeout_ms = kRemoteTimeoutMs);

    /// One searcher for one request, refreshed to the latest commit. Returned when the lease
    /// ends; dropped instead if the request ended in an exception (a broken remote shard
    /// connection is reopened by the next lease).
    class Lease {
    public:
        Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher);
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Searcher& operator*() const { return *searcher_; }
        Searcher* operator->() const { return searcher_.get(); }

    private:
        SearcherPool* pool_;
        std::unique_ptr<Searcher> searcher_;
        int exceptions_at_start_;
    };

    Lease acquire();

private:
    void give_back(std::unique_ptr<Searcher> searcher);
    std::string database_path_;
    std::size_t size_;
    unsigned remote_timeout_ms_;
    std::size_t lent_ = 0;
    std::vector<std::unique_ptr<Searcher>> idle_;
    std::mutex mutex_;
    std::condition_variable returned_;
};

}  // namespace wm::searchd
