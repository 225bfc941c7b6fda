// Each stage of a search on its own (searcher.hpp): plan, match tiers, count, page, snippets.
// Run on the database of the real issues, each stage given what the stage before it would give.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "common/index/schema.hpp"
#include "common/index/store.hpp"
#include "common/search/counting.hpp"
#include "common/search/facet_table.hpp"
#include "common/search/hit_snippets.hpp"
#include "common/search/page.hpp"
#include "common/search/search_context.hpp"
#include "common/search/search_plan.hpp"
#include "common/search/section_page.hpp"
#include "common/search/tiers.hpp"
#include "common/text/text.hpp"
#include "seed_database.hpp"

using namespace wm;
using wm::test::SeedDatabase;

namespace {

// What Searcher gives each stage, over the seed database.
struct Stages {
    Xapian::Database db = open_for_reading(SeedDatabase::instance().path());
    Glossary glossary = load_glossary(db);
    QueryBuilder builder{db, glossary};
    std::shared_ptr<const FacetTable> table = FacetTable::read(db, nullptr);
    Deadline no_deadline{0, {}};

    SearchContext context(const SearchRequest& request, const Deadline& deadline) const {
        return {db, request, builder, deadline, table, false, true, db.get_doccount()};
    }
    SearchContext context(const SearchRequest& request) const { return context(request, no_deadline); }
};

const Stages& stages() {
    static const Stages shared;
    return shared;
}

std::vector<std::string> ids_of(const std::vector<Xapian::MSetIterator>& hits) {
    std::vector<std::string> ids;
    for (const auto& it : hits) ids.push_back(it.get_document().get_value(schema::SLOT_ISSUE_ID));
    return ids;
}

std::size_t count_of(const SearchResult& result, const std::string& facet, const std::string& value) {
    for (const auto& count : result.facets.at(facet))
        if (count.value == value) return count.count;
    return 0;
}

// A candidate order of queries given in advance, to test match_tiers without a plan.
class GivenOrder : public PartialMatchOrder {
public:
    explicit GivenOrder(std::vector<std::string> terms) : terms_(std::move(terms)) {}
    std::optional<Tier> next_candidate(const Tier& last) override {
        if (asked_ >= terms_.size()) return std::nullopt;
        Tier candidate;
        candidate.query = Xapian::Query(terms_[asked_]);
        candidate.dropped = last.dropped;
        candidate.dropped.push_back(terms_[asked_++]);
        return candidate;
    }

private:
    std::vector<std::string> terms_;
    std::size_t asked_ = 0;
};

}  // namespace

TEST_CASE("plan: order, the page's place, facets with and without filters, the name a query is", "[stages][plan]") {
    const auto& s = stages();
    SearchRequest browse;
    const auto browsing = plan_search(s.context(browse));
    CHECK(browsing.sort == SortOrder::newest);
    CHECK(browsing.browsing);
    CHECK(browsing.unfiltered.size() == schema::kFacets.size());
    CHECK_FALSE(browsing.entity);

    SearchRequest named;
    named.query = "Pat Bullen";
    named.page = 3;
    named.filters["authority"] = {"Solihull"};
    const auto plan = plan_search(s.context(named));
    CHECK(plan.sort == SortOrder::relevance);
    CHECK(plan.first == 20);
    CHECK(plan.needed == 30);
    CHECK_FALSE(plan.browsing);
    REQUIRE(plan.filtered.size() == 1);
    CHECK(plan.filtered[0] == &schema::AUTHORITIES);
    CHECK(plan.unfiltered.size() == schema::kFacets.size() - 1);
    REQUIRE(plan.entity);
    CHECK(plan.entity->facet == FacetId::people);
    CHECK(plan.entity->value == "Pat Bullen");

    CHECK(plan.entity->match == EntityMatch::whole);

    named.query = "care Pat Bullen";  // a name among other words is part of what the query is
    named.offset = 7;
    named.sort = SortOrder::oldest;
    const auto more = plan_search(s.context(named));
    REQUIRE(more.entity);
    CHECK(more.entity->value == "Pat Bullen");
    CHECK(more.entity->match == EntityMatch::part);
    named.query = "care workforce";  // no name at all
    CHECK_FALSE(plan_search(s.context(named)).entity);
    CHECK(more.first == 7);
    CHECK(more.sort == SortOrder::oldest);
}

TEST_CASE("match tiers: candidates until the page is full, none that adds nothing, none past the deadline", "[stages][tiers]") {
    const auto& s = stages();
    // Counts given by hand: the second candidate adds nothing to the first.
    const std::map<std::string, std::size_t> counts = {{"a", 4}, {"b", 4}, {"c", 9}, {"d", 20}};
    const auto count = [&](const Xapian::Query& query) { return counts.at(*query.get_terms_begin()); };
    const Tier first{Xapian::Query("first"), 2, {}};

    GivenOrder order({"a", "b", "c", "d"});
    const auto tiers = match_tiers(first, 8, order, count, s.no_deadline);
    REQUIRE(tiers.tiers.size() == 3);  // first, a, c: c fills the page, so d is never counted
    CHECK(tiers.tiers[1].total == 4);
    CHECK(tiers.widest().total == 9);
    CHECK(tiers.widest().dropped == std::vector<std::string>{"a", "c"});  // b, which added nothing, is not given up
    CHECK_FALSE(tiers.cut_short);

    GivenOrder enough({"a"});
    CHECK(match_tiers(Tier{Xapian::Query("first"), 10, {}}, 8, enough, count, s.no_deadline).tiers.size() == 1);

    const Deadline passed(1e-9, {});
    GivenOrder late({"a", "c"});
    const auto cut = match_tiers(first, 8, late, count, passed);
    CHECK(cut.tiers.size() == 1);
    CHECK(cut.cut_short);

    // Dropping units: each candidate gives up one more unit of the drop order.
    const auto plan = s.builder.plan("principal social worker network conference");
    const auto drops = drop_order(plan, s.db, MatchingStrategy::last);
    REQUIRE(drops.size() >= 2);
    DroppedUnits dropped(plan, drops);
    const auto one = dropped.next_candidate(Tier{plan.query(), 0, {}});
    REQUIRE(one);
    CHECK(one->dropped == std::vector<std::string>{plan.units[drops[0]].text});
    CHECK(one->query.serialise() == plan.query({drops[0]}).serialise());
    const auto two = dropped.next_candidate(*one);
    REQUIRE(two);
    CHECK(two->dropped == std::vector<std::string>{plan.units[drops[0]].text, plan.units[drops[1]].text});
}

TEST_CASE("count: documents and facet counts of a query, filtered facets without their own filter", "[stages][count]") {
    const auto& s = stages();
    SearchRequest request;
    request.query = "care";
    request.facet_limit = 1000;
    SearchResult counted;
    const auto context = s.context(request);
    const auto query = s.builder.plan("care").query();
    const auto total = count_matches(context, query, counted);
    Xapian::Enquire enquire(s.db);
    enquire.set_query(query);
    CHECK(total == enquire.get_mset(0, s.db.get_doccount()).size());
    CHECK(counted.total_is_exact);

    // The table's counts equal Xapian's built-in spies'.
    count_facets(context, query, context.counter(plan_search(context).unfiltered, true, true), counted);
    SearchResult spied;
    const SearchContext over_spies{s.db, request, s.builder, s.no_deadline, nullptr, false, false, s.db.get_doccount()};
    count_facets(over_spies, query, over_spies.counter(plan_search(over_spies).unfiltered, true, true), spied);
    CHECK(counted.facets == spied.facets);
    CHECK(counted.facet_value_totals == spied.facet_value_totals);
    std::size_t kinds = 0;
    for (const auto& count : counted.facets.at("kinds")) kinds += count.count;
    CHECK(kinds == total);

    // With an authority chosen, the authorities are counted as if it were not.
    SearchRequest filtered = request;
    filtered.filters["authority"] = {counted.facets.at("authorities").front().value};
    const auto filtered_context = s.context(filtered);
    const auto plan = plan_search(filtered_context);
    MatchedTiers tiers{{Tier{plan.query.query(), 0, {}}}};
    SearchResult recounted;
    count_returned(filtered_context, plan, tiers, recounted);
    for (const auto& count : counted.facets.at("authorities"))
        CHECK(count_of(recounted, "authorities", count.value) == count.count);
}

TEST_CASE("page: a tier's window of its ranking, counted in the same pass, and the tiers after it", "[stages][page]") {
    const auto& s = stages();
    SearchRequest request;
    request.query = "care";
    request.facet_limit = 1000;
    const auto context = s.context(request);
    const auto plan = plan_search(context);
    SearchResult whole_result, window_result;
    const auto whole = rank_tier(context, plan, plan.query.query(), plan.query.query(), 0, 100, nullptr, whole_result);
    REQUIRE(whole.hits.size() >= 4);
    const auto counter = context.counter(plan.unfiltered, true, true);
    const auto window = rank_tier(context, plan, plan.query.query(), plan.query.query(), 1, 2, &counter, window_result);
    const auto all_ids = ids_of(whole.hits);
    CHECK(ids_of(window.hits) == std::vector<std::string>(all_ids.begin() + 1, all_ids.begin() + 3));
    CHECK(window.scores.size() == window.hits.size());
    CHECK(window.matched() == whole.hits.size());
    std::size_t kinds = 0;
    for (const auto& count : window_result.facets.at("kinds")) kinds += count.count;
    CHECK(kinds == whole.hits.size());  // the pass that ranked the window counted every match

    // A page across two tiers: the first tier's end, then the second tier's own documents.
    SearchRequest two_tiers;
    two_tiers.query = "Solihull zzqxjv";
    const auto tiers_context = s.context(two_tiers);
    auto tiers_plan = plan_search(tiers_context);
    const auto second = tiers_plan.query.query({1});
    Xapian::Enquire enquire(s.db);
    enquire.set_query(second);
    const auto wider = enquire.get_mset(0, s.db.get_doccount()).size();
    REQUIRE(wider > 0);
    MatchedTiers tiers{{Tier{tiers_plan.query.query(), 0, {}}, Tier{second, wider, {tiers_plan.query.units[1].text}}}};
    std::vector<RankedTier> page;
    SearchResult result;
    rank_partial_tiers(tiers_context, tiers_plan, tiers, page, result);
    REQUIRE(page.size() == 1);
    CHECK(page[0].hits.size() == std::min<std::size_t>(wider, two_tiers.per_page));
}

TEST_CASE("snippets: a hit's best sections with their snippets, its title and headings marked", "[stages][snippets]") {
    const auto& s = stages();
    const auto& records = SeedDatabase::instance().records();
    SearchRequest request;
    request.query = "care";
    request.sections_per_hit = 3;
    const auto context = s.context(request);
    const auto plan = plan_search(context);
    SearchResult ranked;
    const std::vector<RankedTier> page{rank_tier(context, plan, plan.query.query(), plan.query.query(), 0, 10, nullptr, ranked)};
    const RecordReader read = [](const Xapian::MSetIterator& match) {
        return std::make_shared<const std::string>(match.get_document().get_value(schema::SLOT_RECORD));
    };
    const auto hits = show_hits(context, plan, page, read);
    REQUIRE(hits.size() == page[0].hits.size());
    bool several = false;
    for (const auto& hit : hits) {
        const auto& issue = records.at(hit.issue_id).issue;
        CHECK(hit.title == issue.title);
        REQUIRE_FALSE(hit.sections.empty());
        CHECK(hit.sections.size() <= 3);
        several = several || hit.sections.size() > 1;
        std::set<std::size_t> numbers;
        for (const auto& section : hit.sections) {
            CHECK(numbers.insert(section.number).second);
            CHECK(section.heading == issue.sections.at(section.number).heading);
            // Every span is a match of the query's words in the text shown.
            for (const auto& span : section.snippet.matches) {
                REQUIRE(span.end <= section.snippet.text.size());
                const auto matched = to_lower(section.snippet.text.substr(span.begin, span.end - span.begin));
                CHECK(matched.find("car") != std::string::npos);
            }
        }
        CHECK_FALSE(hit.sections.front().snippet.matches.empty());
    }
    CHECK(several);

    // One section a hit, as the page shows: the best of the three.
    request.sections_per_hit = 1;
    const auto one = show_hits(s.context(request), plan, page, read);
    for (std::size_t i = 0; i < hits.size(); ++i) {
        REQUIRE(one[i].sections.size() == 1);
        CHECK(one[i].sections[0].number == hits[i].sections[0].number);
        CHECK(one[i].sections[0].snippet == hits[i].sections[0].snippet);
    }

    // Nothing searched for: the first section, its opening, nothing marked.
    SearchRequest browse;
    const auto browse_context = s.context(browse);
    const auto browse_plan = plan_search(browse_context);
    SearchResult browsed;
    const std::vector<RankedTier> newest{
        rank_tier(browse_context, browse_plan, browse_plan.query.query(), browse_plan.query.query(), 0, 3, nullptr, browsed)};
    for (const auto& hit : show_hits(browse_context, browse_plan, newest, read)) {
        REQUIRE(hit.sections.size() == 1);
        CHECK(hit.sections[0].number == 0);
        CHECK(hit.sections[0].snippet.matches.empty());
        CHECK(hit.marked_title.matches.empty());
    }
}

TEST_CASE("page of sections: every matching section of the matching issues, best first, the page's window", "[stages][page]") {
    const auto& s = stages();
    SearchRequest request;
    request.query = "care";
    request.group = Grouping::section;
    request.per_page = 100;
    const auto context = s.context(request);
    const auto plan = plan_search(context);
    const RecordReader read = [](const Xapian::MSetIterator& match) {
        return std::make_shared<const std::string>(match.get_document().get_value(schema::SLOT_RECORD));
    };
    const MatchedTiers tiers{{Tier{plan.query.query(), 0, {}}}};
    SearchResult all;
    page_of_sections(context, plan, tiers, read, all);
    REQUIRE(all.hits.size() > 5);
    CHECK(all.total == all.hits.size());  // the walk reached the last issue
    CHECK(all.total_is_exact);
    std::set<std::pair<std::string, std::size_t>> seen;
    for (const auto& hit : all.hits) {
        REQUIRE(hit.sections.size() == 1);
        CHECK(seen.emplace(hit.issue_id, hit.sections[0].number).second);
    }

    request.per_page = 2;
    request.page = 2;
    const auto window_context = s.context(request);
    const auto window_plan = plan_search(window_context);
    SearchResult window;
    page_of_sections(window_context, window_plan, tiers, read, window);
    REQUIRE(window.hits.size() == 2);
    CHECK(window.hits[0].issue_id == all.hits[2].issue_id);
    CHECK(window.hits[0].sections[0].number == all.hits[2].sections[0].number);
    CHECK_FALSE(window.total_is_exact);
}

namespace {

// The documents of an in-memory database a query matches, by their data.
std::set<std::string> matching_documents(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::set<std::string> found;
    const auto mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) found.insert(it.get_document().get_data());
    return found;
}

}  // namespace

TEST_CASE("coverage: partial matches by the share of the words' weight they have, rarer words weighing more", "[stages][tiers][coverage]") {
    // Ten documents: "rare" in one, "mid" in three, "common" in eight; each document named by its words.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::vector<std::vector<std::string>> documents = {
        {"rare", "mid"}, {"rare"}, {"mid", "common"}, {"mid", "common"}, {"common"}, {"common"},
        {"common"}, {"common"}, {"common"}, {"common"}};
    std::map<std::string, int> seen;
    for (const auto& words : documents) {
        Xapian::Document document;
        std::string name;
        for (const auto& word : words) {
            document.add_term(word);
            name += word + "+";
        }
        document.set_data(name + std::to_string(seen[name]++));
        db.add_document(document);
    }
    QueryPlan plan;
    for (const std::string word : {"common", "rare", "unknown", "mid"}) plan.units.push_back({word, Xapian::Query(word), true});
    CoverageOrder order(plan, db);
    Tier last{plan.query(), 0, {}};
    std::vector<std::set<std::string>> tiers;
    std::vector<std::vector<std::string>> dropped;
    while (const auto candidate = order.next_candidate(last)) {
        tiers.push_back(matching_documents(db, candidate->query));
        dropped.push_back(candidate->dropped);
        last = *candidate;
    }
    REQUIRE(tiers.size() == std::size(CoverageOrder::kCoverageSteps));
    for (std::size_t t = 1; t < tiers.size(); ++t)  // each tier has every document of the one before
        CHECK(std::includes(tiers[t].begin(), tiers[t].end(), tiers[t - 1].begin(), tiers[t - 1].end()));
    // Every word that matches something: none has all three.
    CHECK(tiers[0].empty());
    CHECK(dropped[0] == std::vector<std::string>{"unknown"});  // said, in the order typed
    // The two rarer words, whichever the common one: rarity counts, not the order typed.
    CHECK(tiers[1] == std::set<std::string>{"rare+mid+0"});
    // One rare word (with or without the common one) weighs more than the commonest alone...
    CHECK(tiers.back().count("rare+0"));
    CHECK(tiers.back().count("mid+common+0"));
    // ...which is below the minimum coverage: a long query does not return most of the archive.
    CHECK_FALSE(tiers.back().count("common+0"));
    CHECK(dropped.back() == std::vector<std::string>{"common", "rare", "unknown", "mid"});
}

TEST_CASE("names relaxed: a known name whole first, then its words in any form or its acronym, then apart", "[stages][tiers][names]") {
    const auto& s = stages();
    const auto plan = s.builder.plan("Pat Bullen care");
    REQUIRE(plan.has_names());
    REQUIRE(plan.units.size() == 2);
    CHECK_FALSE(plan.units[0].droppable);
    REQUIRE(plan.units[0].words.size() == 2);
    CHECK(plan.units[0].words[0].weight_share == Approx(0.5));
    const auto apart = plan.names_apart();
    REQUIRE(apart.units.size() == 3);
    CHECK(std::all_of(apart.units.begin(), apart.units.end(), [](const QueryUnit& unit) { return unit.droppable; }));

    for (const auto strategy : {MatchingStrategy::coverage, MatchingStrategy::last}) {
        const auto order = partial_match_order(plan, s.db, strategy);
        const Tier whole{plan.query(), 0, {}};
        const auto loose = order->next_candidate(whole);
        REQUIRE(loose);
        CHECK(loose->relaxed == std::vector<std::string>{"Pat Bullen"});
        CHECK(loose->dropped.empty());
        const auto had = matching_documents(s.db, whole.query), has = matching_documents(s.db, loose->query);
        CHECK(std::includes(has.begin(), has.end(), had.begin(), had.end()));
        bool dropped_a_word = false;  // then the words apart, like any others
        auto apart_tier = order->next_candidate(*loose);
        while (apart_tier) {
            CHECK(apart_tier->relaxed == std::vector<std::string>{"Pat Bullen"});
            dropped_a_word = dropped_a_word || !apart_tier->dropped.empty();
            const Tier last = *apart_tier;
            apart_tier = order->next_candidate(last);
        }
        CHECK(dropped_a_word);
        // When the names' forms add nothing (the tier is not kept), the words apart still say so.
        const auto again = partial_match_order(plan, s.db, strategy);
        REQUIRE(again->next_candidate(whole));
        const auto after_nothing = again->next_candidate(whole);
        REQUIRE(after_nothing);
        CHECK(after_nothing->relaxed == std::vector<std::string>{"Pat Bullen"});
    }
    // A name the user quotes stays strict; so does every name under matching=all.
    CHECK_FALSE(s.builder.plan("\"Pat Bullen\" care").has_names());
    CHECK_FALSE(partial_match_order(plan, s.db, MatchingStrategy::all)->next_candidate(Tier{plan.query(), 0, {}}));
}

TEST_CASE("case: a capitalised word matches its other forms, a name typed in lower case is the name", "[stages][plan][case]") {
    const auto& s = stages();
    const auto capitalised = s.builder.plan("Inspections");
    const auto lower = s.builder.plan("inspections");
    REQUIRE(capitalised.units.size() == 1);
    CHECK(capitalised.units[0].query.serialise() == lower.units[0].query.serialise());
    const auto name = s.builder.plan("pat bullen");
    REQUIRE(name.units.size() == 1);
    REQUIRE(name.units[0].entity);
    CHECK(name.units[0].entity->value == "Pat Bullen");
}
