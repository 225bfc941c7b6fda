#include <catch2/catch.hpp>
#include <xapian.h>

#include <vector>

#include "common/search/docid_source.hpp"

namespace {

std::vector<Xapian::docid> matching(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const auto mset = enquire.get_mset(0, db.get_doccount());
    std::vector<Xapian::docid> docids;
    for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
    return docids;
}

}  // namespace

TEST_CASE("a docid source filters a query to the documents it names, in any order given", "[search][docid-source]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 1; i <= 12; ++i) {
        Xapian::Document doc;
        doc.add_term(i % 2 ? "odd" : "even");
        doc.add_term("all");
        db.add_document(doc);
    }
    const auto only = [](std::vector<Xapian::docid> docids) {
        return Xapian::Query((new wm::DocidSource(std::move(docids)))->release());
    };
    CHECK(matching(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("all"), only({9, 2, 7, 2, 12})))
          == std::vector<Xapian::docid>{2, 7, 9, 12});
    // Skipped to by the term's posting list: only the odd documents it names.
    CHECK(matching(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("odd"), only({9, 2, 7, 12})))
          == std::vector<Xapian::docid>{7, 9});
    CHECK(matching(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("even"), only({1, 3}))).empty());
    CHECK(matching(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("all"), only({}))).empty());
    // A name past the last document is never matched.
    CHECK(matching(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("all"), only({5, 40})))
          == std::vector<Xapian::docid>{5});
}
