// The posting walk against Xapian's matcher: the same documents for every query it walks.
#include <catch2/catch.hpp>
#include <xapian.h>

#include <random>
#include <vector>

#include "common/search/posting_walk.hpp"

namespace {

std::vector<Xapian::docid> matched_by_xapian(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const auto mset = enquire.get_mset(0, db.get_doccount());
    std::vector<Xapian::docid> docids;
    for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
    return docids;
}

std::vector<Xapian::docid> walked(wm::PostingWalk& walk) {
    std::vector<Xapian::docid> docids;
    for (auto docid = walk.next(); docid; docid = walk.next()) docids.push_back(docid);
    return docids;
}

}  // namespace

TEST_CASE("posting walk: the documents Xapian matches, for random queries of terms", "[search][posting-walk]") {
    // Documents with overlapping terms of every density, and gaps (deleted documents).
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::vector<std::string> terms = {"a", "b", "c", "d", "e", "f", "rare", "none"};
    std::mt19937 random(20261202);
    for (int i = 1; i <= 300; ++i) {
        Xapian::Document doc;
        doc.add_term("all");
        for (std::size_t t = 0; t + 2 < terms.size(); ++t)
            if (random() % (t + 2) == 0) doc.add_term(terms[t]);
        if (i % 37 == 0) doc.add_term("rare");
        db.add_document(doc);
    }
    for (Xapian::docid gone : {5u, 6u, 7u, 150u, 300u}) db.delete_document(gone);
    db.commit();

    const std::vector<Xapian::Query::op> ops = {Xapian::Query::OP_AND, Xapian::Query::OP_OR, Xapian::Query::OP_FILTER,
                                                Xapian::Query::OP_SYNONYM, Xapian::Query::OP_AND_NOT,
                                                Xapian::Query::OP_AND_MAYBE};
    std::function<Xapian::Query(int)> random_query = [&](int depth) -> Xapian::Query {
        if (depth == 0 || random() % 3 == 0) {
            const auto pick = random() % (terms.size() + 1);
            return pick == terms.size() ? Xapian::Query(std::string()) : Xapian::Query(terms[pick]);
        }
        std::vector<Xapian::Query> parts;
        for (auto n = 2 + random() % 3; n > 0; --n) parts.push_back(random_query(depth - 1));
        return Xapian::Query(ops[random() % ops.size()], parts.begin(), parts.end());
    };
    for (int round = 0; round < 400; ++round) {
        const auto query = random_query(3);
        INFO(query.get_description());
        const auto walk = wm::PostingWalk::of(db, query);
        REQUIRE(walk);
        CHECK(walked(*walk) == matched_by_xapian(db, query));
    }

    // skip_to lands on the first match at or after the document asked for.
    const Xapian::Query both(Xapian::Query::OP_AND, Xapian::Query("a"), Xapian::Query("b"));
    const auto all = matched_by_xapian(db, both);
    REQUIRE(all.size() > 3);
    const auto walk = wm::PostingWalk::of(db, both);
    CHECK(walk->skip_to(all[2]) == all[2]);
    CHECK(walk->skip_to(all[2] + 1) == all[3]);
    CHECK(walk->next() == (all.size() > 4 ? all[4] : 0));
}

TEST_CASE("posting walk: none for what only Xapian can match", "[search][posting-walk]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    doc.add_posting("care", 1);
    doc.add_posting("leaver", 2);
    db.add_document(doc);
    const Xapian::Query phrase(Xapian::Query::OP_PHRASE, Xapian::Query("care"), Xapian::Query("leaver"));
    CHECK_FALSE(wm::PostingWalk::of(db, phrase));
    CHECK_FALSE(wm::PostingWalk::of(db, Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("care"), phrase)));
    CHECK_FALSE(wm::PostingWalk::of(db, Xapian::Query(Xapian::Query::OP_VALUE_GE, 1, "2023")));
    CHECK_FALSE(wm::PostingWalk::of(db, Xapian::Query()));
    REQUIRE(wm::PostingWalk::of(db, Xapian::Query("care")));
}
