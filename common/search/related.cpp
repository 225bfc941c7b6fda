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

// Plain words only: prefixed terms (facets, dates, ids) say nothing about the topic.
class WordsOnly : public Xapian::ExpandDecider {
public:
    bool operator()(const std::string& term) const override {
        return !term.empty() && term[0] >= 'a' && term[0] <= 'z' && term.size() > 2;
    }
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
    if (!docid) throw RequestError(ErrorCode::not_found, "no issue with id '" + issue_id + "'");
    const auto source = read_issue(db, issue_id);

    Xapian::Enquire enquire(db);
    Xapian::RSet rset;
    rset.add_document(*docid);
    const WordsOnly words_only;
    const auto eset = enquire.get_eset(kExpansionTerms, rset, &words_only);
    const Xapian::Query topic(Xapian::Query::OP_OR, eset.begin(), eset.end());
    enquire.set_query(Xapian::Query(
        Xapian::Query::OP_AND_NOT,
        Xapian::Query(Xapian::Query::OP_FILTER, topic, Xapian::Query(schema::doc_type_term(schema::DOC_TYPE_ISSUE))),
        Xapian::Query(schema::issue_term(issue_id))));
    const auto mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));

    std::vector<RelatedIssue> related;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const auto record = nlohmann::json::parse(it.get_document().get_data()).get<IssueRecord>();
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
