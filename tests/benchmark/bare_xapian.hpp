#pragma once
// The reference the targets are set against: the plainest Xapian search that answers the same
// question (the query parsed with the English stemmer, or every issue for the empty query, top
// 10, exact counts of one single-valued facet), with none of wmsearch's work on top
// (multi-valued facets, snippets, best sections, acronyms, spelling).
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "common/index/schema.hpp"

namespace wm::bench {

struct BareResult {
    Xapian::doccount total = 0;
    std::vector<Xapian::docid> hits;
    std::map<std::string, Xapian::doccount> months;
};

inline BareResult bare_search(const Xapian::Database& db, const std::string& text, const std::string& authority) {
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    // The empty query (browsing) matches every issue.
    Xapian::Query query = text.empty() ? Xapian::Query(std::string())
                                       : parser.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT);
    if (!authority.empty())
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(schema::facet_term(schema::AUTHORITIES, authority)));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::ValueCountMatchSpy months(schema::SLOT_MONTH);
    enquire.add_matchspy(&months);
    const auto mset = enquire.get_mset(0, 10, db.get_doccount());
    BareResult result;
    result.total = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) result.hits.push_back(*it);
    for (auto it = months.values_begin(); it != months.values_end(); ++it) result.months[*it] = it.get_termfreq();
    return result;
}

}  // namespace wm::bench
