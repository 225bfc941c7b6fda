#include "searchd/metrics.hpp"

#include <sstream>

namespace wm::searchd {

void Metrics::record(const std::string& route, int status, double milliseconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    auto& latency = latency_[route];
    for (std::size_t i = 0; i < kBucketsMs.size(); ++i)
        if (milliseconds <= kBucketsMs[i]) ++latency.buckets[i];
    ++latency.count;
    latency.sum_ms += milliseconds;
}

std::string Metrics::render(std::size_t documents, double last_reopen_unix) const {
    std::lock_guard lock(mutex_);
    std::ostringstream out;
    out << "# HELP searchd_requests_total Requests answered, by route and status.\n"
        << "# TYPE searchd_requests_total counter\n";
    for (const auto& [key, count] : requests_)
        out << "searchd_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << count << '\n';
    out << "# HELP searchd_request_duration_seconds Time to answer a request.\n"
        << "# TYPE searchd_request_duration_seconds histogram\n";
    for (const auto& [route, latency] : latency_) {
        for (std::size_t i = 0; i < kBucketsMs.size(); ++i)
            out << "searchd_request_duration_seconds_bucket{route=\"" << route << "\",le=\"" << kBucketsMs[i] / 1000
                << "\"} " << latency.buckets[i] << '\n';
        out << "searchd_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << latency.count << '\n'
            << "searchd_request_duration_seconds_sum{route=\"" << route << "\"} " << latency.sum_ms / 1000 << '\n'
            << "searchd_request_duration_seconds_count{route=\"" << route << "\"} " << latency.count << '\n';
    }
    out << "# HELP searchd_documents Documents in the index (issues and sections).\n"
        << "# TYPE searchd_documents gauge\nsearchd_documents " << documents << '\n'
        << "# HELP searchd_last_reopen_timestamp_seconds When a new index revision was last picked up.\n"
        << "# TYPE searchd_last_reopen_timestamp_seconds gauge\nsearchd_last_reopen_timestamp_seconds "
        << static_cast<long long>(last_reopen_unix) << '\n';
    return out.str();
}

}  // namespace wm::searchd
