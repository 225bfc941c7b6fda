// The query layer in process, on a database of the real issues built by index_paths: Searcher,
// QueryBuilder and FacetTable checked against what the stored issue records say, without HTTP.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "api/marked_text.hpp"
#include "common/index/run.hpp"
#include "common/model/issue_record.hpp"
#include "common/index/schema.hpp"
#include "common/index/store.hpp"
#include "common/search/archive.hpp"
#include "common/search/deadline.hpp"
#include "common/search/facet_table.hpp"
#include "common/search/query_builder.hpp"
#include "common/search/searcher.hpp"
#include "common/text/text.hpp"
#include "seed_database.hpp"

using namespace wm;
using wm::test::SeedDatabase;
namespace fs = std::filesystem;

namespace {

bool has(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

std::size_t count_of(const SearchResult& result, const std::string& facet, const std::string& value) {
    const auto it = result.facets.find(facet);
    if (it == result.facets.end()) return 0;
    for (const auto& count : it->second)
        if (count.value == value) return count.count;
    return 0;
}

// The real issues copied to a folder of their own (in name order) and indexed with pruning, so
// that a test can remove and add them; removed with the folder at the end.
struct CorpusCopy {
    explicit CorpusCopy(const std::string& tag) {
        std::mt19937_64 random{std::random_device{}()};
        folder = fs::temp_directory_path() / ("wm-" + tag + "-" + std::to_string(random()));
        fs::create_directories(folder / "issues");
        for (const auto& entry : fs::directory_iterator(WM_CORPUS_DIR))
            if (entry.path().extension() == ".txt") issues.push_back(folder / "issues" / entry.path().filename());
        std::sort(issues.begin(), issues.end());
        for (const auto& issue : issues) fs::copy_file(fs::path(WM_CORPUS_DIR) / issue.filename(), issue);
        options.database = (folder / "db").string();
        options.inputs = {(folder / "issues").string()};
        options.prune = true;
        REQUIRE(index_paths(options).failed == 0);
    }
    ~CorpusCopy() {
        std::error_code ignored;
        fs::remove_all(folder, ignored);
    }
    fs::path folder;
    std::vector<fs::path> issues;
    IndexOptions options;
};

}  // namespace

TEST_CASE("engine: a facet filter returns exactly the issues whose records carry the value", "[engine]") {
    const auto& seeds = SeedDatabase::instance();
    Archive archive(seeds.path());
    auto searcher = archive.searcher();
    SearchRequest request;
    request.filters["authority"] = {"Telford & Wrekin"};  // folded to the stored spelling
    request.per_page = 100;
    const auto result = searcher->search(request);

    std::set<std::string> expected, returned;
    for (const auto& [id, record] : seeds.records())
        if (has(record.facets.issue[FacetId::authorities], "Telford and Wrekin")) expected.insert(id);
    for (const auto& hit : result.hits) returned.insert(hit.issue_id);
    REQUIRE_FALSE(expected.empty());
    CHECK(returned == expected);
    CHECK(result.total == expected.size());
    CHECK(result.total_is_exact);
}

TEST_CASE("engine: facet counts of the empty query equal the stored records' values", "[engine]") {
    const auto& seeds = SeedDatabase::instance();
    Archive archive(seeds.path());
    auto searcher = archive.searcher();
    SearchRequest everything;
    everything.facet_limit = 1000;
    const auto result = searcher->search(everything);
    CHECK(result.total == seeds.records().size());
    for (const auto& facet : schema::kFacets) {
        std::map<std::string, std::size_t> expected;
        for (const auto& [id, record] : seeds.records())
            for (const auto& value : record.facets.issue[facet.id]) ++expected[value];
        INFO(facet.name);
        CHECK(result.facet_value_totals.at(std::string(facet.name)) == expected.size());
        for (const auto& [value, count] : expected) CHECK(count_of(result, std::string(facet.name), value) == count);
    }
    std::map<std::string, std::size_t> years;
    for (const auto& [id, record] : seeds.records())
        if (!record.issue.month.empty()) ++years[record.issue.month.substr(0, 4)];
    for (const auto& [year, count] : years) CHECK(count_of(result, "years", year) == count);
}

TEST_CASE("engine: browsing counts, taken from the table, equal a match pass's after issues are removed and added", "[engine]") {
    const CorpusCopy corpus("browse");
    const auto& copies = corpus.issues;
    const auto& options = corpus.options;
    REQUIRE(copies.size() >= 3);
    Archive archive(options.database);
    auto searcher = archive.searcher();
    SearchRequest browse;
    browse.facet_limit = 1000;
    (void)searcher->search(browse);  // the table of the first revision, which the next extends
    const auto browsing_equals_matching = [&](std::size_t issues) {
        const auto browsed = searcher->search(browse);
        SearchRequest matched = browse;
        matched.from = "0001-01";  // a filter that keeps every issue, so the counts come from a match pass
        const auto counted = searcher->search(matched);
        CHECK(browsed.total == issues);
        CHECK(counted.total == browsed.total);
        CHECK(browsed.facet_value_totals == counted.facet_value_totals);
        for (const auto& [name, counts] : counted.facets) {
            INFO(name);
            REQUIRE(browsed.facets.count(name));
            CHECK(browsed.facets.at(name).size() == counts.size());
            for (const auto& count : counts) CHECK(count_of(browsed, name, count.value) == count.count);
        }
    };
    const auto removed = corpus.folder / "removed.txt";
    fs::rename(copies.front(), removed);
    REQUIRE(index_paths(options).removed == 1);
    searcher->refresh();
    browsing_equals_matching(copies.size() - 1);

    // Added back under a new document id: the next table extends this one.
    fs::rename(removed, copies.front());
    REQUIRE(index_paths(options).added == 1);
    searcher->refresh();
    browsing_equals_matching(copies.size());
}

// A filtered facet's recount reads the documents that do not match when they are the fewer:
// words in few and in most of the issues, with one issue deleted between the others.
TEST_CASE("engine: a filtered facet's counts equal the unfiltered query's, however many issues match", "[engine]") {
    const CorpusCopy corpus("recount");
    const auto& copies = corpus.issues;
    const auto& options = corpus.options;
    REQUIRE(copies.size() >= 4);
    Archive archive(options.database);
    auto searcher = archive.searcher();
    (void)searcher->search(SearchRequest{});  // the table of this revision, which the next extends, keeping the deleted entries
    fs::remove(copies[1]);
    REQUIRE(index_paths(options).removed == 1);
    searcher->refresh();
    const auto live = copies.size() - 1;

    // One plain word for each number of issues that have it, few to all.
    const auto db = open_for_reading(options.database);
    std::map<Xapian::doccount, std::string> word_in;
    for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
        const std::string term = *it;
        if (term.size() >= 5 && std::all_of(term.begin(), term.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            word_in.emplace(it.get_termfreq(), term);
    }
    REQUIRE(word_in.count(1));
    REQUIRE(word_in.count(live));

    std::set<std::size_t> matched;
    for (const auto& [issues, word] : word_in) {
        SearchRequest unfiltered;
        unfiltered.query = word;
        unfiltered.facet_limit = 1000;
        const auto all = searcher->search(unfiltered);
        INFO(word << " matches " << all.total << " of " << live << " issues");
        const auto& authorities = all.facets.at("authorities");
        if (authorities.empty()) continue;
        matched.insert(all.total);
        // Each filtered facet counts what the other filters leave.
        SearchRequest of_kind = unfiltered;
        of_kind.kinds = {PageKind::issue};
        SearchRequest of_authority = unfiltered;
        of_authority.filters["authority"] = {authorities.back().value};
        SearchRequest both = of_kind;
        both.filters = of_authority.filters;
        const auto kind_only = searcher->search(of_kind), authority_only = searcher->search(of_authority);
        const auto filtered = searcher->search(both);
        CHECK(filtered.facet_value_totals.at("authorities") == kind_only.facet_value_totals.at("authorities"));
        for (const auto& count : kind_only.facets.at("authorities"))
            CHECK(count_of(filtered, "authorities", count.value) == count.count);
        CHECK(filtered.facet_value_totals.at("kinds") == authority_only.facet_value_totals.at("kinds"));
        for (const auto& count : authority_only.facets.at("kinds")) CHECK(count_of(filtered, "kinds", count.value) == count.count);
    }
    CHECK(*matched.begin() <= live / 2);  // counted match by match
    CHECK(*matched.rbegin() == live);     // counted from the rest
}

TEST_CASE("engine: a filtered facet is counted without its own filter (disjunctive)", "[engine]") {
    const auto& seeds = SeedDatabase::instance();
    Archive archive(seeds.path());
    auto searcher = archive.searcher();
    SearchRequest filtered;
    filtered.filters["authority"] = {"Solihull"};
    const auto with_filter = searcher->search(filtered);
    const auto without = searcher->search(SearchRequest{});
    const auto& authorities = without.facets.at("authorities");
    for (const auto& count : authorities) CHECK(count_of(with_filter, "authorities", count.value) == count.count);
    CHECK(with_filter.total == count_of(without, "authorities", "Solihull"));
}

TEST_CASE("engine: words find their sections, with the match marked in the snippet", "[engine]") {
    const auto& seeds = SeedDatabase::instance();
    Archive archive(seeds.path());
    auto searcher = archive.searcher();
    SearchRequest request;
    request.query = "Pat Bullen";
    const auto result = searcher->search(request);
    REQUIRE_FALSE(result.hits.empty());
    for (const auto& hit : result.hits) {
        const auto& record = seeds.records().at(hit.issue_id);
        CHECK(has(record.facets.issue[FacetId::people], "Pat Bullen"));
        CHECK(hit.title == record.issue.title);
        REQUIRE(hit.sections.size() == 1);
        CHECK(hit.sections[0].heading == record.issue.sections.at(hit.sections[0].number).heading);
        CHECK_FALSE(hit.sections[0].snippet.matches.empty());
    }
    std::size_t expected = 0;
    for (const auto& [id, record] : seeds.records()) expected += has(record.facets.issue[FacetId::people], "Pat Bullen");
    CHECK(result.total == expected);
}

TEST_CASE("engine: every hit for an authority marks it, written with \"and\" or \"&\"", "[engine][snippets]") {
    Archive archive(SeedDatabase::instance().path());
    auto searcher = archive.searcher();
    for (const std::string query : {"Telford and Wrekin", "Telford & Wrekin"}) {
        for (const auto group : {Grouping::issue, Grouping::section}) {
            SearchRequest request;
            request.query = query;
            request.group = group;
            const auto result = searcher->search(request);
            REQUIRE(result.hits.size() >= 3);
            for (const auto& hit : result.hits) {
                const auto snippet = marked_html(shown_section(hit).snippet);
                INFO(query << ": " << hit.issue_id << " " << snippet);
                CHECK(snippet.find("<mark>Telford") != std::string::npos);
            }
        }
    }
}

TEST_CASE("engine: newest first without a query, a page past the end is empty", "[engine]") {
    const auto& seeds = SeedDatabase::instance();
    Archive archive(seeds.path());
    auto searcher = archive.searcher();
    SearchRequest request;
    request.per_page = 100;
    const auto all = searcher->search(request);
    REQUIRE(all.hits.size() == seeds.records().size());
    for (std::size_t i = 1; i < all.hits.size(); ++i) CHECK(all.hits[i - 1].date >= all.hits[i].date);
    request.page = 2;
    CHECK(searcher->search(request).hits.empty());
}

TEST_CASE("engine: the years are counted without the month range, so every year keeps its count", "[engine]") {
    const auto& seeds = SeedDatabase::instance();
    Archive archive(seeds.path());
    auto searcher = archive.searcher();
    for (const auto& words : {std::string(), std::string("care")}) {
        SearchRequest any_month;
        any_month.query = words;
        const auto every_year = searcher->search(any_month);
        REQUIRE(every_year.facets.at("years").size() >= 2);
        for (const auto& [from, to] : {std::pair{"2023-01", "2023-12"}, {"2022-06", ""}, {"", "2022-12"}}) {
            SearchRequest one_range = any_month;
            one_range.from = from;
            one_range.to = to;
            const auto ranged = searcher->search(one_range);
            INFO("q=" << words << " from=" << from << " to=" << to);
            CHECK(ranged.facets.at("years").size() == every_year.facets.at("years").size());
            for (const auto& year : every_year.facets.at("years")) CHECK(count_of(ranged, "years", year.value) == year.count);
            // The hits keep to the range.
            std::size_t in_range = 0;
            for (const auto& [id, record] : seeds.records()) {
                const auto& month = record.issue.month;
                if (!month.empty() && (!*from || month >= from) && (!*to || month <= to)) ++in_range;
            }
            if (words.empty()) CHECK(ranged.total == in_range);
            CHECK(ranged.total < every_year.total);
        }
    }
}

TEST_CASE("engine: a query with nothing to search for lists every issue and says so", "[engine]") {
    const auto& seeds = SeedDatabase::instance();
    Archive archive(seeds.path());
    auto searcher = archive.searcher();
    const auto is_not_searchable = [](const SearchWarning& w) { return w.code == "query_not_searchable"; };
    for (const auto& q : {std::string("\xF0\x9F\x98\x80"), std::string("   "), std::string("?! --")}) {
        SearchRequest request;
        request.query = q;
        const auto result = searcher->search(request);
        INFO("q=" << q);
        CHECK(result.total == seeds.records().size());
        CHECK(std::any_of(result.warnings.begin(), result.warnings.end(), is_not_searchable));
    }
    for (const auto& q : {std::string(), std::string("care")}) {
        SearchRequest request;
        request.query = q;
        const auto result = searcher->search(request);
        CHECK(std::none_of(result.warnings.begin(), result.warnings.end(), is_not_searchable));
    }
}

TEST_CASE("engine: a misspelling is searched as corrected unless the words as typed are asked for", "[engine]") {
    const auto& seeds = SeedDatabase::instance();
    Archive archive(seeds.path());
    auto searcher = archive.searcher();
    SearchRequest misspelt;
    misspelt.query = "safegaurding";
    const auto corrected = searcher->search(misspelt);
    CHECK(corrected.total > 0);
    CHECK(corrected.did_you_mean == std::optional<std::string>("safeguarding"));
    misspelt.correct_spelling = false;
    const auto as_typed = searcher->search(misspelt);
    CHECK(as_typed.total == 0);
    CHECK(as_typed.did_you_mean == std::optional<std::string>("safeguarding"));
    CHECK(std::none_of(as_typed.warnings.begin(), as_typed.warnings.end(),
                       [](const SearchWarning& w) { return w.code == "showing_corrected"; }));
}

TEST_CASE("engine: the query builder folds facet spellings and relaxes broken syntax", "[engine]") {
    const auto& seeds = SeedDatabase::instance();
    const auto db = open_for_reading(seeds.path());
    const Glossary glossary = load_glossary(db);
    const QueryBuilder builder(db, glossary);
    const auto term = schema::facet_term(schema::AUTHORITIES, "Telford and Wrekin");
    CHECK(builder.facet_value(schema::AUTHORITIES, "Telford & Wrekin").serialise() == Xapian::Query(term).serialise());
    CHECK(builder.facet_value(schema::AUTHORITIES, "telford and  wrekin").serialise() == Xapian::Query(term).serialise());

    const auto relaxed = builder.plan("foster AND");
    CHECK_FALSE(relaxed.empty());
    CHECK(std::any_of(relaxed.warnings.begin(), relaxed.warnings.end(),
                      [](const SearchWarning& w) { return w.code == "query_syntax_relaxed"; }));
    CHECK(builder.plan("").empty());
    CHECK(find_facet("person") == &schema::PEOPLE);
    CHECK(find_facet("programmes") == &schema::PROGRAMMES);
    CHECK(find_facet("colour") == nullptr);
}

TEST_CASE("engine: the facet table holds each document's stored values", "[engine]") {
    const auto& seeds = SeedDatabase::instance();
    const auto db = open_for_reading(seeds.path());
    Archive archive(seeds.path());
    const auto table = archive.facet_table(db, database_version(db));
    CHECK(archive.facet_table(db, database_version(db)) == table);  // one table per revision, shared
    for (const auto docid : issue_docids(db)) {
        const auto doc = db.get_document(docid);
        for (const auto& facet : schema::kFacets) {
            auto stored = split(doc.get_value(facet.slot), schema::kListSeparator);
            std::erase(stored, "");
            std::vector<std::string> from_table;
            table->for_each_value(docid, [&](std::size_t column, std::uint32_t id) {
                if (column == static_cast<std::size_t>(facet.id)) from_table.push_back(table->names(column).at(id));
            });
            std::vector<std::string> from_column;
            table->for_each_value_of(docid, static_cast<std::size_t>(facet.id),
                                     [&](std::uint32_t id) { from_column.push_back(table->names(static_cast<std::size_t>(facet.id)).at(id)); });
            std::sort(stored.begin(), stored.end());
            std::sort(from_table.begin(), from_table.end());
            std::sort(from_column.begin(), from_column.end());
            CHECK(from_table == stored);
            CHECK(from_column == stored);
        }
    }
}

namespace {

std::vector<std::string> hit_ids(const SearchResult& result) {
    std::vector<std::string> ids;
    for (const auto& hit : result.hits) ids.push_back(hit.issue_id);
    return ids;
}

SearchResult search_for(Searcher& searcher, const std::string& q, std::size_t per_page = 100,
                        MatchingStrategy matching = MatchingStrategy::last) {
    SearchRequest request;
    request.query = q;
    request.per_page = per_page;
    request.matching = matching;
    request.facet_limit = 1000;
    return searcher.search(request);
}

}  // namespace

TEST_CASE("tiers: documents with every word rank above documents lacking some, and only when needed", "[engine][tiers]") {
    Archive archive(SeedDatabase::instance().path());
    auto searcher = archive.searcher();
    for (const char* q : {"principal social worker network conference", "women of colour leadership course",
                          "regional priority plan peer challenge"}) {
        INFO(q);
        const auto strict = search_for(*searcher, q, 100, MatchingStrategy::all);
        const auto tiered = search_for(*searcher, q);
        REQUIRE(strict.total < tiered.total);  // these queries need a partial tier
        CHECK(tiered.total_all_words == strict.total);
        CHECK_FALSE(tiered.dropped_words.empty());
        CHECK(strict.dropped_words.empty());
        const auto ids = hit_ids(tiered);
        REQUIRE(ids.size() == tiered.total);
        const std::set<std::string> first(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(strict.total));
        const auto all_words = hit_ids(strict);
        CHECK(first == std::set<std::string>(all_words.begin(), all_words.end()));

        // A page that the documents with every word fill has no partial tier at all.
        const auto filled = search_for(*searcher, q, strict.total);
        CHECK(filled.total == strict.total);
        CHECK(filled.dropped_words.empty());
    }
    const auto psw = search_for(*searcher, "principal social worker network conference");
    CHECK(psw.dropped_words == std::vector<std::string>{"conference"});  // right to left
}

TEST_CASE("tiers: total and every facet count what the query returns", "[engine][tiers]") {
    const auto& seeds = SeedDatabase::instance();
    Archive archive(seeds.path());
    auto searcher = archive.searcher();
    const auto result = search_for(*searcher, "women of colour leadership course");
    REQUIRE(result.total > result.total_all_words);
    std::map<std::string, std::size_t> authorities;
    for (const auto& hit : result.hits)
        for (const auto& value : seeds.records().at(hit.issue_id).facets.issue[FacetId::authorities]) ++authorities[value];
    CHECK(result.facet_value_totals.at("authorities") == authorities.size());
    for (const auto& [value, count] : authorities) CHECK(count_of(result, "authorities", value) == count);
    std::size_t kinds = 0;
    for (const auto& count : result.facets.at("kinds")) kinds += count.count;
    CHECK(kinds == result.total);
}

TEST_CASE("tiers: phrases, names and field queries are never dropped", "[engine][tiers]") {
    const auto& seeds = SeedDatabase::instance();
    Archive archive(seeds.path());
    auto searcher = archive.searcher();
    const auto name = search_for(*searcher, "Jo Britton care leaver board");
    REQUIRE_FALSE(name.hits.empty());
    for (const auto& hit : name.hits) CHECK(has(seeds.records().at(hit.issue_id).facets.issue[FacetId::people], "Jo Britton"));
    const auto phrase = search_for(*searcher, "\"peer challenge\" coaching");
    REQUIRE_FALSE(phrase.hits.empty());
    for (const auto& hit : phrase.hits) {
        const auto& record = seeds.records().at(hit.issue_id);
        const auto text = to_lower(nlohmann::json(record).dump());
        CHECK(text.find("peer challenge") != std::string::npos);
    }
    const auto field = search_for(*searcher, "title:march inspection coaching");
    REQUIRE_FALSE(field.hits.empty());
    for (const auto& hit : field.hits) CHECK(to_lower(hit.title).find("march") != std::string::npos);
}

TEST_CASE("acronyms in any case: a word the archive writes only in capitals is the acronym", "[engine][acronyms]") {
    const auto& seeds = SeedDatabase::instance();
    Archive archive(seeds.path());
    auto searcher = archive.searcher();
    for (const char* acronym : {"RIIA", "PSW", "ILACS"}) {
        INFO(acronym);
        const auto upper = search_for(*searcher, acronym), lower = search_for(*searcher, to_lower(acronym));
        CHECK(lower.total == upper.total);
        CHECK(hit_ids(lower) == hit_ids(upper));
    }
    // "send" is also an ordinary word of the archive ("Please send any ideas"): typed in lower
    // case it is the word; in capitals, the acronym and its expansion.
    const auto db = open_for_reading(seeds.path());
    const Glossary glossary = load_glossary(db);
    const QueryBuilder builder(db, glossary);
    REQUIRE(glossary.find("SEND"));
    const auto expansion_word = to_lower(split(glossary.find("SEND")->expansion, ' ').front());
    CHECK(builder.plan("SEND").units.at(0).query.get_description().find(expansion_word) != std::string::npos);
    CHECK(builder.plan("send ").units.at(0).query.get_description().find(expansion_word) == std::string::npos);
}

TEST_CASE("group=section: the matching sections of the matching issues, with an honest total", "[engine][sections]") {
    const auto& seeds = SeedDatabase::instance();
    Archive archive(seeds.path());
    auto searcher = archive.searcher();
    SearchRequest request;
    request.query = "\"peer challenge\"";
    request.group = Grouping::section;
    request.per_page = 100;
    const auto all = searcher->search(request);
    REQUIRE(all.hits.size() > 2);
    CHECK(all.total == all.hits.size());
    CHECK(all.total_is_exact);  // every matching issue was read
    std::set<std::pair<std::string, std::size_t>> seen;
    for (const auto& hit : all.hits) {
        REQUIRE(hit.sections.size() == 1);
        CHECK(seen.emplace(hit.issue_id, hit.sections[0].number).second);  // each section once
        const auto& section = seeds.records().at(hit.issue_id).issue.sections.at(hit.sections[0].number);
        CHECK(to_lower(section.heading + " " + section.body).find("peer challenge") != std::string::npos);
    }
    request.per_page = 2;
    const auto first_page = searcher->search(request);
    CHECK(first_page.hits.size() == 2);
    CHECK_FALSE(first_page.total_is_exact);
    CHECK(first_page.total <= all.total);
    CHECK(first_page.hits[0].sections[0].number == all.hits[0].sections[0].number);
}

TEST_CASE("engine: a search past its time budget answers with what it has, flagged", "[engine][budget]") {
    const auto& seeds = SeedDatabase::instance();
    Archive archive(seeds.path());
    auto searcher = archive.searcher();
    SearchRequest request;
    request.query = "care";
    request.filters["authority"] = {"Solihull"};
    const auto in_time = searcher->search(request);
    REQUIRE_FALSE(in_time.hits.empty());
    CHECK(in_time.facets_exhaustive);

    request.time_budget = 1e-9;  // spent before the first stage ends
    const auto late = searcher->search(request);
    CHECK(hit_ids(late) == hit_ids(in_time));  // the page is always served
    CHECK_FALSE(late.facets_exhaustive);       // the filtered facet's disjunctive counts were skipped

    SearchRequest needs_tiers;
    needs_tiers.query = "Solihull zzqxjv";  // no issue has both: a partial tier would be added
    const auto tiered = searcher->search(needs_tiers);
    REQUIRE(tiered.total > 0);
    CHECK(tiered.total_is_exact);
    needs_tiers.time_budget = 1e-9;
    const auto cut = searcher->search(needs_tiers);
    CHECK(cut.total == 0);
    CHECK_FALSE(cut.total_is_exact);
}

TEST_CASE("engine: a search whose client has gone stops", "[engine][budget]") {
    Archive archive(SeedDatabase::instance().path());
    auto searcher = archive.searcher();
    SearchRequest request;
    request.query = "care";
    int asked = 0;
    request.client_gone = [&] { return ++asked > 0; };
    CHECK_THROWS_AS(searcher->search(request), SearchAbandoned);
    CHECK(asked == 1);
    request.client_gone = [] { return false; };
    CHECK_FALSE(searcher->search(request).hits.empty());
}
