#include "common/search/related.hpp"

#include <algorithm>

#include "common/errors.hpp"
#include "common/index/schema.hpp"
#include "common/index/store.hpp"
#include "common/model/issue_record.hpp"
#include "common/search/companion_facets.hpp"

namespace wm {
namespace {

constexpr Xapian::termcount kExpansionTerms = 30;

// Plain words that another issue also has: prefixed terms (facets, dates, ids) say nothing
// about the topic, and a word no other issue has finds nothing alike.
class SharedWordsOnly : public Xapian::ExpandDecider {
public:
    explicit SharedWordsOnly(const Xapian::Database& db) : db_(db) {}
    bool operator()(const std::string& term) const override {
        return term.size() > 2 && term[0] >= 'a' && term[0] <= 'z' && db_.get_termfreq(term) > 1;
    }

private:
    const Xapian::Database& db_;
};

std::vector<std::string> shared(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
    return both;
}

}  // namespace

std::vector<RelatedIssue> related_issues(const Xapian::Database& db, const std::string& issue_id,
                                         std::size_t limit) {
    const auto docid = find_issue(db, issue_id);
    if (!docid) throw NotFoundError("no issue with id '" + issue_id + "'");
    const auto source = read_issue(db, issue_id);

    Xapian::Enquire enquire(db);
    Xapian::RSet rset;
    rset.add_document(*docid);
    const SharedWordsOnly shared_words(db);
    const auto eset = enquire.get_eset(kExpansionTerms, rset, &shared_words);
    const Xapian::Query topic(Xapian::Query::OP_OR, eset.begin(), eset.end());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, topic, Xapian::Query(schema::unique_id_term(issue_id))));
    const auto mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));

    std::vector<RelatedIssue> related;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const auto record = record_of(it.get_document());
        RelatedIssue issue{record.issue.id, record.issue.file, record.issue.title, record.issue.month,
                           it.get_weight(), {}};
        for (const auto& kind : kFacetKinds)
            if (is_companion_facet(kind.id))
                issue.shared[kind.id] = shared(source.facets.issue[kind.id], record.facets.issue[kind.id]);
        related.push_back(std::move(issue));
    }
    return related;
}

}  // namespace wm
