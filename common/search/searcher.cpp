#include "common/search/searcher.hpp"

#include <chrono>
#include <limits>

#include "common/index/store.hpp"
#include "common/search/counting.hpp"
#include "common/search/hit_snippets.hpp"
#include "common/search/page.hpp"
#include "common/search/search_context.hpp"
#include "common/search/search_plan.hpp"
#include "common/search/section_page.hpp"
#include "common/search/tiers.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

// Remote shards (xapian-tcpsrv) refuse a KeyMaker, which is how they are told apart; asked once,
// with no match spy attached, so no match spy ever sees a half-run query.
bool has_remote_shards(const Xapian::Database& db) {
    Xapian::Enquire probe(db);
    probe.set_query(match_all());
    Xapian::MultiValueKeyMaker keys;
    keys.add_value(schema::SLOT_MONTH);
    probe.set_sort_by_key(&keys, false);
    try {
        probe.get_mset(0, 1);
        return false;
    } catch (const Xapian::UnimplementedError&) {
        return true;
    }
}

// A misspelling with a known correction ("Nigel Mins") that nothing matches: what the user
// almost certainly meant, tried before any word is dropped. The corrected words' first tier
// replaces the page's, with the plan, when they match something.
void search_corrected(const SearchContext& context, SearchPlan& plan, std::vector<RankedTier>& page,
                      SearchResult& result) {
    auto corrected = context.builder.plan(*plan.query.corrected);
    const auto counter = context.counter(plan.unfiltered, true, context.request.kinds.empty());
    auto first = rank_tier(context, plan, corrected.query(), corrected.query(), plan.first, context.request.per_page,
                           &counter, result);
    if (first.matched() == 0) return;
    corrected.warnings.push_back({"showing_corrected", "no results for \"" + context.request.query +
                                                           "\"; showing results for \"" + *plan.query.corrected + "\""});
    corrected.corrected = plan.query.corrected;
    plan.query = std::move(corrected);
    plan.entity = named_entity(plan.query);
    page.front() = std::move(first);
}

}  // namespace

Searcher::Searcher(Archive& archive)
    : archive_(archive), db_(open_for_reading(archive.path(), archive.remote_timeout_ms())) {
    remote_shards_ = has_remote_shards(db_);
    one_local_database_ = db_.size() == 1 && !remote_shards_;
    refresh();
}

std::shared_ptr<const std::string> Searcher::stored_record(const Xapian::MSetIterator& match) {
    const auto read = [&] { return match.get_document().get_value(schema::SLOT_RECORD); };
    return one_local_database_ ? archive_.records().get(revision_, *match, read) : std::make_shared<const std::string>(read());
}

void Searcher::refresh() {
    db_.reopen();
    const auto revision = database_version(db_);
    if (revision == revision_) return;
    revision_ = revision;
    glossary_ = archive_.glossary(db_, revision_);
}

const std::vector<FacetCount>& Searcher::facet_values(const schema::Facet& facet) {
    if (facet_values_.empty() || facet_values_revision_ != revision_) {
        SearchRequest everything;
        everything.per_page = 0;
        everything.facet_limit = std::numeric_limits<std::size_t>::max();
        facet_values_ = search(everything).facets;
        facet_values_revision_ = revision_;
    }
    return facet_values_[std::string(facet.name)];
}

std::vector<FacetCount> Searcher::facet_values(const schema::Facet& facet, std::string_view prefix) {
    const auto prefix_key = match_key(prefix);
    std::vector<FacetCount> starting;
    for (const auto& value : facet_values(facet))
        if (match_key(value.value).starts_with(prefix_key)) starting.push_back(value);
    return starting;
}

SearchResult Searcher::search(const SearchRequest& request) {
    return with_retry([&] { return run(request); });
}

SearchResult Searcher::run(const SearchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    const auto words = request.as_you_type ? archive_.word_table(db_, revision_) : nullptr;
    const QueryBuilder builder(db_, *glossary_, words.get());
    const Deadline deadline(request.time_budget, request.client_gone);
    const SearchContext context{db_, request, builder, deadline,
                                one_local_database_ ? archive_.facet_table(db_, revision_) : nullptr,
                                remote_shards_, one_local_database_, db_.get_doccount()};
    SearchResult result;
    result.query = request.query;
    result.page = request.page;
    result.per_page = request.per_page;

    auto plan = plan_search(context);

    // Every word: ranked for the page and counted in one pass, which is all most queries need.
    // Browsing (no words, no filter) returns every document: its counts are the table's, and
    // the pass only orders the page.
    const auto counter = context.counter(plan.unfiltered, true, request.kinds.empty());
    if (plan.browsing) count_every_document(context, counter, result);
    std::vector<RankedTier> page;
    page.push_back(rank_tier(context, plan, plan.query.query(), plan.query.query(), plan.first, request.per_page,
                             plan.browsing ? nullptr : &counter, result));
    if (!plan.browsing && page.front().matched() == 0 && plan.query.corrected && request.correct_spelling)
        search_corrected(context, plan, page, result);
    const auto all_words = plan.browsing ? context.everything : page.front().matched();

    MatchedTiers tiers{{Tier{plan.query.query(), all_words, {}}}};
    if (!plan.query.empty() && all_words < plan.needed) {
        const auto partial = partial_match_order(plan.query, db_, request.matching);
        tiers = match_tiers(std::move(tiers.tiers.front()), plan.needed, *partial,
                            [&](const Xapian::Query& query) { return count_matches(context, query, result); }, deadline);
        if (tiers.cut_short) result.total_is_exact = false;
    }

    count_returned(context, plan, tiers, result);
    deadline.check_client();
    result.total = tiers.widest().total;
    result.total_all_words = all_words;
    result.dropped_words = tiers.widest().dropped;
    result.relaxed_names = tiers.widest().relaxed;
    result.did_you_mean = plan.query.corrected;
    result.warnings = plan.query.warnings;
    result.entity = plan.entity;

    const RecordReader read = [this](const Xapian::MSetIterator& match) { return stored_record(match); };
    if (request.group == Grouping::section) {
        page_of_sections(context, plan, tiers, read, result);
    } else {
        rank_partial_tiers(context, plan, tiers, page, result);
        result.hits = show_hits(context, plan, page, read);
    }
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace wm
