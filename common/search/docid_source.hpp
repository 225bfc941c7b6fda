#pragma once
// A fixed set of documents of one local database, as a Xapian posting source: a filter that
// names documents without opening a posting list per document (fifty id terms cost about a
// hundred block reads a search).
#include <xapian.h>

#include <vector>

namespace wm {

class DocidSource : public Xapian::PostingSource {
public:
    explicit DocidSource(std::vector<Xapian::docid> docids);

    Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(docids_.size()); }
    Xapian::doccount get_termfreq_est() const override { return static_cast<Xapian::doccount>(docids_.size()); }
    Xapian::doccount get_termfreq_max() const override { return static_cast<Xapian::doccount>(docids_.size()); }
    Xapian::docid get_docid() const override { return docids_[at_]; }
    void next(double min_weight) override;
    void skip_to(Xapian::docid docid, double min_weight) override;
    bool at_end() const override { return started_ && at_ >= docids_.size(); }
    Xapian::PostingSource* clone() const override { return new DocidSource(docids_); }
    void init(const Xapian::Database& db) override;

private:
    std::vector<Xapian::docid> docids_;  ///< sorted, distinct
    std::size_t at_ = 0;
    bool started_ = false;
};

}  // namespace wm
