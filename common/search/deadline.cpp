#include "common/search/deadline.hpp"

#include <algorithm>

namespace wm {

Deadline::Deadline(double budget_seconds, std::function<bool()> client_gone)
    : end_(std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(budget_seconds))),
      bounded_(budget_seconds > 0),
      client_gone_(std::move(client_gone)) {}

bool Deadline::passed() const { return bounded_ && std::chrono::steady_clock::now() >= end_; }

void Deadline::limit(Xapian::Enquire& enquire) const {
    if (!bounded_) return;
    const std::chrono::duration<double> left = end_ - std::chrono::steady_clock::now();
    enquire.set_time_limit(std::max(left.count(), 0.001));
}

void Deadline::check_client() const {
    if (client_gone_ && client_gone_()) throw SearchAbandoned();
}

}  // namespace wm
