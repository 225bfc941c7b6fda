#include "common/search/record_cache.hpp"

namespace wm {

std::shared_ptr<const std::string> RecordCache::get(const std::string& revision, Xapian::docid docid,
                                                    const std::function<std::string()>& read) {
    {
        std::lock_guard lock(mutex_);
        if (revision == revision_) {
            if (const auto found = by_docid_.find(docid); found != by_docid_.end()) {
                order_.splice(order_.begin(), order_, found->second);
                return found->second->record;
            }
        }
    }
    auto record = std::make_shared<const std::string>(read());  // unlocked: other searchers go on
    std::lock_guard lock(mutex_);
    if (revision != revision_) {
        order_.clear();
        by_docid_.clear();
        bytes_ = 0;
        revision_ = revision;
    }
    if (by_docid_.contains(docid)) return record;  // read meanwhile by another searcher
    order_.push_front({docid, record});
    by_docid_[docid] = order_.begin();
    bytes_ += record->size();
    while (bytes_ > max_bytes_ && !order_.empty()) {
        bytes_ -= order_.back().record->size();
        by_docid_.erase(order_.back().docid);
        order_.pop_back();
    }
    return record;
}

}  // namespace wm
