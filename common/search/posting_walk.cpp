#include "common/search/posting_walk.hpp"

#include <algorithm>
#include <vector>

namespace wm {
namespace {

// Each walk keeps its current document (0 before the start); next() and skip_to() move it.

class TermWalk : public PostingWalk {
public:
    TermWalk(const Xapian::Database& db, const std::string& term)
        : it_(db.postlist_begin(term)), end_(db.postlist_end(term)) {}
    Xapian::docid next() override {
        if (started_ && it_ != end_) ++it_;
        started_ = true;
        return it_ == end_ ? 0 : *it_;
    }
    Xapian::docid skip_to(Xapian::docid docid) override {
        started_ = true;
        if (it_ != end_) it_.skip_to(docid);
        return it_ == end_ ? 0 : *it_;
    }

private:
    Xapian::PostingIterator it_, end_;
    bool started_ = false;
};

// Every part at the same document: the parts leapfrog to the highest one each has.
class AndWalk : public PostingWalk {
public:
    explicit AndWalk(std::vector<std::unique_ptr<PostingWalk>> parts) : parts_(std::move(parts)) {}
    Xapian::docid next() override { return settle(parts_[0]->next()); }
    Xapian::docid skip_to(Xapian::docid docid) override { return settle(parts_[0]->skip_to(docid)); }

private:
    Xapian::docid settle(Xapian::docid candidate) {
        for (std::size_t i = 1; candidate && i < parts_.size();) {
            const auto at = parts_[i]->skip_to(candidate);
            if (at == candidate) {
                ++i;
                continue;
            }
            candidate = at ? parts_[0]->skip_to(at) : 0;
            i = 1;
        }
        return candidate;
    }
    std::vector<std::unique_ptr<PostingWalk>> parts_;
};

// The lowest document of any part.
class OrWalk : public PostingWalk {
public:
    explicit OrWalk(std::vector<std::unique_ptr<PostingWalk>> parts)
        : parts_(std::move(parts)), at_(parts_.size(), 0) {}
    Xapian::docid next() override {
        if (!started_) {
            started_ = true;
            for (std::size_t i = 0; i < parts_.size(); ++i) at_[i] = parts_[i]->next();
        } else {
            const auto current = lowest();
            for (std::size_t i = 0; i < parts_.size(); ++i)
                if (at_[i] && at_[i] == current) at_[i] = parts_[i]->next();
        }
        return lowest();
    }
    Xapian::docid skip_to(Xapian::docid docid) override {
        for (std::size_t i = 0; i < parts_.size(); ++i)
            if (!started_ || (at_[i] && at_[i] < docid)) at_[i] = parts_[i]->skip_to(docid);
        started_ = true;
        return lowest();
    }

private:
    Xapian::docid lowest() const {
        Xapian::docid low = 0;
        for (const auto at : at_)
            if (at && (!low || at < low)) low = at;
        return low;
    }
    std::vector<std::unique_ptr<PostingWalk>> parts_;
    std::vector<Xapian::docid> at_;  ///< by part: its current document, 0 when it has ended
    bool started_ = false;
};

// The documents of the first part that the second lacks.
class AndNotWalk : public PostingWalk {
public:
    AndNotWalk(std::unique_ptr<PostingWalk> wanted, std::unique_ptr<PostingWalk> unwanted)
        : wanted_(std::move(wanted)), unwanted_(std::move(unwanted)) {}
    Xapian::docid next() override { return settle(wanted_->next()); }
    Xapian::docid skip_to(Xapian::docid docid) override { return settle(wanted_->skip_to(docid)); }

private:
    Xapian::docid settle(Xapian::docid candidate) {
        while (candidate) {
            if (!unwanted_ended_ && unwanted_at_ < candidate) {
                unwanted_at_ = unwanted_->skip_to(candidate);
                unwanted_ended_ = unwanted_at_ == 0;
            }
            if (unwanted_ended_ || unwanted_at_ != candidate) return candidate;
            candidate = wanted_->next();
        }
        return 0;
    }
    std::unique_ptr<PostingWalk> wanted_, unwanted_;
    Xapian::docid unwanted_at_ = 0;
    bool unwanted_ended_ = false;
};

std::unique_ptr<PostingWalk> walk_of(const Xapian::Database& db, const Xapian::Query& query) {
    const auto parts = [&](std::size_t from, std::size_t to) {
        std::vector<std::unique_ptr<PostingWalk>> walks;
        for (auto i = from; i < to; ++i) {
            auto walk = walk_of(db, query.get_subquery(i));
            if (!walk) return std::vector<std::unique_ptr<PostingWalk>>{};
            walks.push_back(std::move(walk));
        }
        return walks;
    };
    const auto count = query.get_num_subqueries();
    switch (query.get_type()) {
        case Xapian::Query::LEAF_TERM: return std::make_unique<TermWalk>(db, *query.get_terms_begin());
        case Xapian::Query::LEAF_MATCH_ALL: return std::make_unique<TermWalk>(db, std::string());
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_FILTER: {
            auto walks = parts(0, count);
            if (walks.empty()) return nullptr;
            return walks.size() == 1 ? std::move(walks[0]) : std::make_unique<AndWalk>(std::move(walks));
        }
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_SYNONYM: {
            auto walks = parts(0, count);
            if (walks.empty()) return nullptr;
            return walks.size() == 1 ? std::move(walks[0]) : std::make_unique<OrWalk>(std::move(walks));
        }
        case Xapian::Query::OP_AND_NOT: {
            // A AND_NOT B AND_NOT C: A without any of the rest.
            auto wanted = parts(0, 1), unwanted = parts(1, count);
            if (wanted.empty() || unwanted.empty()) return nullptr;
            auto rest = unwanted.size() == 1 ? std::move(unwanted[0]) : std::make_unique<OrWalk>(std::move(unwanted));
            return std::make_unique<AndNotWalk>(std::move(wanted[0]), std::move(rest));
        }
        case Xapian::Query::OP_AND_MAYBE: {  // the optional parts only weigh
            auto walks = parts(0, 1);
            return walks.empty() ? nullptr : std::move(walks[0]);
        }
        case Xapian::Query::OP_SCALE_WEIGHT: {
            auto walks = parts(0, 1);
            return walks.empty() ? nullptr : std::move(walks[0]);
        }
        default: return nullptr;
    }
}

}  // namespace

std::unique_ptr<PostingWalk> PostingWalk::of(const Xapian::Database& db, const Xapian::Query& query) {
    if (query.empty()) return nullptr;
    return walk_of(db, query);
}

}  // namespace wm
