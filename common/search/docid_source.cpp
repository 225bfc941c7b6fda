#include "common/search/docid_source.hpp"

#include <algorithm>

namespace wm {

DocidSource::DocidSource(std::vector<Xapian::docid> docids) : docids_(std::move(docids)) {
    std::sort(docids_.begin(), docids_.end());
    docids_.erase(std::unique(docids_.begin(), docids_.end()), docids_.end());
}

void DocidSource::init(const Xapian::Database&) {
    at_ = 0;
    started_ = false;
}

void DocidSource::next(double) {
    if (started_) ++at_;
    started_ = true;
}

void DocidSource::skip_to(Xapian::docid docid, double) {
    const auto from = started_ ? docids_.begin() + static_cast<std::ptrdiff_t>(at_) : docids_.begin();
    at_ = static_cast<std::size_t>(std::lower_bound(from, docids_.end(), docid) - docids_.begin());
    started_ = true;
}

}  // namespace wm
