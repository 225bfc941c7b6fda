#pragma once
// Request counters and latency histograms, rendered in Prometheus' text format.
#include <array>
#include <map>
#include <mutex>
#include <string>

namespace wm::searchd {

class Metrics {
public:
    void record(const std::string& route, int status, double milliseconds);
    /// documents: the index's document count; last_reopen: unix time of the last revision change.
    std::string render(std::size_t documents, double last_reopen_unix) const;

private:
    static constexpr std::array<double, 10> kBucketsMs = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000};
    struct Latency {
        std::array<std::size_t, kBucketsMs.size()> buckets{};
        std::size_t count = 0;
        double sum_ms = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::size_t> requests_;
    std::map<std::string, Latency> latency_;
};

}  // namespace wm::searchd
