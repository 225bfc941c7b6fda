#pragma once
// The stored records of recently shown hits, shared by every searcher of an archive. A hit's
// record is a value of about 7.5 KB that Xapian reads from several blocks (measured 12 us a hit,
// a tenth of a query at 1,000 issues), and the same issues come back request after request (the
// newest ones on every arrival at the search page). Bounded in bytes, least recently used out
// first; emptied when the database changes, since an issue indexed again keeps its document id.
// It holds documents, not results: every count and match is still worked out per request.
#include <xapian.h>

#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace wm {

class RecordCache {
public:
    static constexpr std::size_t kDefaultBytes = std::size_t{8} << 20;

    explicit RecordCache(std::size_t max_bytes = kDefaultBytes) : max_bytes_(max_bytes) {}

    /// The stored record of docid in the database at revision; read() reads it when it is not held.
    std::shared_ptr<const std::string> get(const std::string& revision, Xapian::docid docid,
                                           const std::function<std::string()>& read);

private:
    struct Entry {
        Xapian::docid docid;
        std::shared_ptr<const std::string> record;
    };
    std::mutex mutex_;
    std::size_t max_bytes_, bytes_ = 0;
    std::string revision_;
    std::list<Entry> order_;  ///< most recently used first
    std::unordered_map<Xapian::docid, std::list<Entry>::iterator> by_docid_;
};

}  // namespace wm
