#pragma once
// Work spread over threads whose results are used in order: the shape of an indexing run, where
// parsing, extraction and term generation run on every core but one writer must add documents in
// file order so that a run always gives the same document ids.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <variant>
#include <vector>

namespace wm {

/// The worker threads an indexing run uses: one per core.
inline unsigned default_worker_count() { return std::max(1u, std::thread::hardware_concurrency()); }

/// Calls produce(i) for every i in [0, count) on `workers` threads and consume(i, result) on the
/// calling thread in increasing i. At most `window` results wait for consume, which bounds
/// memory however large count is. An exception from produce is rethrown by this call when its
/// turn to be consumed comes; one from consume stops the workers and propagates.
template <typename Produce, typename Consume>
void run_ordered(std::size_t count, unsigned workers, std::size_t window, Produce produce, Consume consume) {
    using Result = std::invoke_result_t<Produce&, std::size_t>;
    if (workers == 0 || count < 2) {
        for (std::size_t i = 0; i < count; ++i) consume(i, produce(i));
        return;
    }
    window = std::max<std::size_t>(window, workers);
    std::vector<std::optional<std::variant<Result, std::exception_ptr>>> slots(window);
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next_claim = 0, next_consume = 0;
    bool stopping = false;

    const auto work = [&] {
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stopping || next_claim >= count || next_claim < next_consume + window; });
                if (stopping || next_claim >= count) return;
                i = next_claim++;
            }
            std::variant<Result, std::exception_ptr> outcome{std::exception_ptr{}};
            try {
                outcome.template emplace<0>(produce(i));
            } catch (...) {
                outcome.template emplace<1>(std::current_exception());
            }
            {
                std::lock_guard lock(mutex);
                slots[i % window].emplace(std::move(outcome));
            }
            changed.notify_all();
        }
    };
    std::vector<std::jthread> threads;
    const auto stop = [&] {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        changed.notify_all();
        threads.clear();  // joins
    };
    for (unsigned t = 0; t < workers; ++t) threads.emplace_back(work);
    try {
        for (std::size_t i = 0; i < count; ++i) {
            std::variant<Result, std::exception_ptr> outcome{std::exception_ptr{}};
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return slots[i % window].has_value(); });
                outcome = std::move(*slots[i % window]);
                slots[i % window].reset();
                ++next_consume;
            }
            changed.notify_all();
            if (outcome.index() == 1) std::rethrow_exception(std::get<1>(outcome));
            consume(i, std::move(std::get<0>(outcome)));
        }
    } catch (...) {
        stop();
        throw;
    }
    stop();
}

}  // namespace wm
