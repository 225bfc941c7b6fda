#include "common/search/searcher.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <memory>
#include <mutex>
#include <numeric>

#include "common/index/schema.hpp"
#include "common/index/record_codec.hpp"
#include "common/index/store.hpp"
#include "common/search/best_section.hpp"
#include "common/search/deadline.hpp"
#include "common/search/docid_source.hpp"
#include "common/search/facet_counter.hpp"
#include "common/search/posting_walk.hpp"
#include "common/search/query_builder.hpp"
#include "common/search/snippets.hpp"
#include "common/search/tiers.hpp"

namespace wm {
namespace {

constexpr std::size_t kSnippetBytes = 300;

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

// Xapian puts every page in its final order, on one database and over shards alike: by score
// with the newest-first key breaking ties, or by a sort key (schema.hpp). No tie is left to
// document ids, which shards number differently from one database.
void set_order(Xapian::Enquire& enquire, SortOrder sort) {
    switch (sort) {
        case SortOrder::relevance: enquire.set_sort_by_relevance_then_value(schema::SLOT_NEWEST_FIRST, true); break;
        case SortOrder::newest: enquire.set_sort_by_value(schema::SLOT_NEWEST_FIRST, true); break;
        case SortOrder::oldest: enquire.set_sort_by_value(schema::SLOT_OLDEST_FIRST, false); break;
    }
}

// Words typed together are boosted in the best matches only: checking a phrase reads the
// positions of every document it is asked of, which over every match cost most of a query.
constexpr std::size_t kRerankDepth = 50;

std::vector<Xapian::MSetIterator> hits_of(const Xapian::MSet& mset) {
    std::vector<Xapian::MSetIterator> hits;
    for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back(it);
    return hits;
}


// A hit on the issue a match's record describes, as Xapian scored it.
SearchHit hit_on(const HitRecord& record, const Xapian::MSetIterator& match) {
    SearchHit hit;
    hit.issue_id = record.id;
    hit.file = record.file;
    hit.title = record.title;
    hit.date = record.month;
    hit.kind = record.kind;
    hit.score = match.get_weight();
    hit.relevance = match.get_percent() / 100.0;
    return hit;
}

// The hit shows section number of its issue: its heading, and a snippet of its text; the title
// and heading are marked whole (a snippet as long as the text never cuts it). found: what the
// section finder found in each heading and text, when it looked.
void point_at_section(SearchHit& hit, const HitRecord& record, std::size_t number, const SnippetMaker& snippet,
                      const std::vector<std::vector<SnippetMaker::Match>>& found) {
    const auto& section = record.sections.at(number);
    hit.section = number;
    hit.section_heading = section.heading;
    hit.section_group = section.group;
    const auto heading_size = hit.section_heading.size() + 1;
    if (found.empty()) {
        hit.snippet = snippet(section.body, kSnippetBytes);
        hit.heading_marked = snippet(hit.section_heading, heading_size);
    } else {
        hit.snippet = snippet(section.body, found.at(2 * number + 1), kSnippetBytes);
        hit.heading_marked = snippet(hit.section_heading, found.at(2 * number), heading_size);
    }
    hit.title_marked = snippet(hit.title, hit.title.size() + 1);
}

// The top matches re-ordered with the words-together boost added to their scores, as the
// query "all AND_MAYBE together" would score them (equal scores keep Xapian's order); then cut
// to the page [first, first + size).
// The top matches as a filter, so that Xapian checks the words' positions in those documents
// only (a match decider is asked after the positions are read, of every match): one local
// database names them by document id; shards by their id terms (remote shards take no decider
// or posting source, and local shards hand one their own document ids).
Xapian::Query only_these(const std::vector<Xapian::MSetIterator>& hits, bool one_local_database) {
    if (one_local_database) {
        std::vector<Xapian::docid> docids;
        for (const auto& it : hits) docids.push_back(*it);
        return Xapian::Query((new DocidSource(std::move(docids)))->release());
    }
    std::vector<Xapian::Query> ids;
    for (const auto& it : hits) ids.emplace_back(schema::unique_id_term(it.get_document().get_value(schema::SLOT_ISSUE_ID)));
    return Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end());
}

void rerank_words_together(const Xapian::Database& db, bool one_local_database, const Xapian::Query& together,
                           std::vector<Xapian::MSetIterator>& hits, std::vector<double>& scores, std::size_t first,
                           std::size_t size) {
    if (!hits.empty()) {
        Xapian::Enquire boost(db);
        boost.set_query(Xapian::Query(Xapian::Query::OP_FILTER, together, only_these(hits, one_local_database)));
        const auto boosted = boost.get_mset(0, static_cast<Xapian::doccount>(hits.size()));
        std::vector<Xapian::docid> docids;
        for (const auto& it : hits) docids.push_back(*it);
        for (auto it = boosted.begin(); it != boosted.end(); ++it) {
            const auto at = std::find(docids.begin(), docids.end(), *it);
            if (at != docids.end()) scores[static_cast<std::size_t>(at - docids.begin())] += it.get_weight();
        }
    }
    std::vector<std::size_t> order(hits.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return scores[a] > scores[b]; });
    std::vector<Xapian::MSetIterator> page_hits;
    std::vector<double> page_scores;
    for (auto i = first; i < order.size() && i < first + size; ++i) {
        page_hits.push_back(hits[order[i]]);
        page_scores.push_back(scores[order[i]]);
    }
    hits = std::move(page_hits);
    scores = std::move(page_scores);
}

// One parsed glossary shared by every thread's Searcher, so that its programme forms (costly:
// measured 18% of the first queries at 20,000 issues) are worked out once, not once per thread.
std::shared_ptr<const Glossary> shared_glossary(const std::string& stored) {
    static std::mutex mutex;
    static std::string last_stored;
    static std::shared_ptr<const Glossary> last;
    std::lock_guard lock(mutex);
    if (!last || stored != last_stored) {
        last = std::make_shared<const Glossary>(stored.empty() ? Glossary{} : nlohmann::json::parse(stored).get<Glossary>());
        last_stored = stored;
    }
    return last;
}

}  // namespace

Searcher::Searcher(std::string database_path, unsigned remote_timeout_ms)
    : database_path_(std::move(database_path)), db_(open_for_reading(database_path_, remote_timeout_ms)) {
    remote_shards_ = has_remote_shards(db_);
    one_local_database_ = db_.size() == 1 && !remote_shards_;
    if (one_local_database_) records_ = RecordCache::of(database_path_);
    refresh();
}

std::shared_ptr<const std::string> Searcher::stored_record(const Xapian::MSetIterator& match) {
    const auto read = [&] { return match.get_document().get_value(schema::SLOT_RECORD); };
    return records_ ? records_->get(revision_, *match, read) : std::make_shared<const std::string>(read());
}

void Searcher::refresh() {
    db_.reopen();
    // The glossary changes only when the indexer learns a new acronym: looked at once per
    // revision, and parsed once per process.
    const auto revision = database_version(db_);
    if (revision == revision_) return;
    revision_ = revision;
    const auto stored = db_.get_metadata(std::string(schema::META_GLOSSARY));
    if (!glossary_ || stored != glossary_revision_) {
        glossary_ = shared_glossary(stored);
        glossary_revision_ = stored;
    }
}

const std::vector<FacetCount>& Searcher::facet_values(const schema::Facet& facet) {
    if (facet_values_.empty() || facet_values_revision_ != revision_) {
        SearchRequest everything;
        everything.per_page = 0;
        everything.facet_limit = std::numeric_limits<std::size_t>::max();
        const auto result = search(everything);
        facet_values_ = result.facets;
        facet_values_revision_ = revision_;
    }
    return facet_values_[std::string(facet.name)];
}

SearchResult Searcher::search(const SearchRequest& request) {
    return with_retry([&] { return run(request); });
}

SearchResult Searcher::run(const SearchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    const auto words = request.as_you_type ? WordTable::of(db_, database_path_) : nullptr;
    const QueryBuilder builder(db_, *glossary_, words.get());
    SearchResult result;
    result.query = request.query;
    result.page = request.page;
    result.per_page = request.per_page;
    const Xapian::doccount everything = db_.get_doccount();
    const Deadline deadline(request.time_budget, request.client_gone);
    // A counting pass runs within what is left of the budget (not over remote shards, where
    // Xapian 1.4 warns that the time limit may misbehave); one that was cut short flags the counts.
    const auto limit = [&](Xapian::Enquire& enquire) {
        if (!remote_shards_) deadline.limit(enquire);
    };
    const auto counted = [&](const Xapian::MSet& mset) {
        if (mset.get_matches_lower_bound() != mset.get_matches_upper_bound())
            result.total_is_exact = result.facets_exhaustive = false;
        return mset;
    };
    const auto filtered = [&](const Xapian::Query& query, std::string_view without_facet = {}) {
        const auto filter = builder.filter(request, without_facet);
        return filter.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    };
    const auto count = [&](const Xapian::Query& query) {
        Xapian::Enquire enquire(db_);
        enquire.set_query(filtered(query));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        limit(enquire);
        return static_cast<std::size_t>(counted(enquire.get_mset(0, 0, everything)).get_matches_estimated());
    };

    // Facets without an active filter are counted on what the query returns; each filtered
    // facet is counted without its own filter, so its other values keep their counts.
    std::vector<const schema::Facet*> unfiltered;
    std::vector<const schema::Facet*> filtered_facets;
    for (const auto& facet : schema::kFacets) {
        const auto it = request.filters.find(std::string(facet.field));
        (it != request.filters.end() && !it->second.empty() ? filtered_facets : unfiltered).push_back(&facet);
    }
    // Xapian 1.4 gives a match spy each document by its shard's own id (measured), so the table,
    // which is by the combined id, serves a single database only; shards count with the
    // built-in spies.
    const auto table = one_local_database_ ? FacetTable::of(db_, database_path_) : nullptr;
    const auto count_facets = [&](const Xapian::Query& query, const FacetCounter& counter) {
        // Walked straight over the posting lists when the query allows (no weights are needed);
        // past the budget, the counts so far, flagged.
        if (const auto walk = counter.counts_by_docid() ? PostingWalk::of(db_, query) : nullptr) {
            constexpr std::size_t kDocumentsBetweenClockReads = 4096;
            std::vector<Xapian::docid> matches;
            matches.reserve(everything);
            for (auto docid = walk->next(); docid; docid = walk->next()) {
                matches.push_back(docid);
                if (matches.size() % kDocumentsBetweenClockReads == 0 && deadline.passed()) {
                    result.facets_exhaustive = false;
                    break;
                }
            }
            counter.count_matches(matches);
            counter.collect(request.facet_limit, result.facets, result.facet_value_totals);
            return;
        }
        Xapian::Enquire enquire(db_);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        counter.attach(enquire);
        limit(enquire);
        counted(enquire.get_mset(0, 0, everything));
        counter.collect(request.facet_limit, result.facets, result.facet_value_totals);
    };

    QueryPlan plan = builder.plan(request.query, request.as_you_type);
    const SortOrder sort = request.sort.value_or(plan.empty() ? SortOrder::newest : SortOrder::relevance);
    const auto first = static_cast<std::size_t>(request.offset.value_or((request.page - 1) * request.per_page));
    const auto needed = first + request.per_page;

    // A tier of the page: the documents a query with some units dropped matches that no earlier
    // tier did, ranked on their own; its hits from local_first, at most local_size.
    struct Ranked {
        Xapian::MSet mset;
        std::vector<Xapian::MSetIterator> hits;
        std::vector<double> scores;  ///< parallel to hits
        Xapian::Query query;         ///< what the tier matched, for snippets and best sections
    };
    const auto rank = [&](const Xapian::Query& matching, const Xapian::Query& query, std::size_t local_first,
                          std::size_t local_size, const FacetCounter* counter) {
        Xapian::Enquire enquire(db_);
        enquire.set_query(filtered(matching));
        set_order(enquire, sort);
        // Over remote shards, Xapian 1.4.22's spies on a value-sorted page of results can see a
        // document twice (measured: per_page 2 or 3 over two shards): they count in a pass of their own.
        if (counter && !remote_shards_) counter->attach(enquire);
        if (counter) limit(enquire);
        const bool boosted = sort == SortOrder::relevance && !plan.together.empty();
        const auto depth = boosted ? std::max(kRerankDepth, local_first + local_size) : local_size;
        Ranked tier{enquire.get_mset(static_cast<Xapian::doccount>(boosted ? 0 : local_first),
                                     static_cast<Xapian::doccount>(depth), counter ? everything : 0),
                    {}, {}, query};
        if (counter) counted(tier.mset);
        tier.hits = hits_of(tier.mset);
        for (const auto& it : tier.hits) tier.scores.push_back(it.get_weight());
        if (boosted)
            rerank_words_together(db_, one_local_database_, plan.together, tier.hits, tier.scores, local_first,
                                  local_size);
        if (counter && remote_shards_) count_facets(filtered(matching), *counter);
        else if (counter) counter->collect(request.facet_limit, result.facets, result.facet_value_totals);
        return tier;
    };

    // Every word: counted and ranked in one pass, which is all most queries need. Browsing (no
    // words, no filter) returns every document: its counts come from the table, and the pass only
    // orders the page.
    std::vector<Ranked> ranked;
    auto all_words_counter = std::make_unique<FacetCounter>(unfiltered, true, request.kinds.empty(), table);
    const bool browsing = plan.empty() && builder.filter(request).empty() && all_words_counter->count_every_document();
    ranked.push_back(rank(plan.query(), plan.query(), first, request.per_page, browsing ? nullptr : all_words_counter.get()));
    if (browsing) all_words_counter->collect(request.facet_limit, result.facets, result.facet_value_totals);
    std::size_t all_words = browsing ? everything : ranked[0].mset.get_matches_estimated();
    if (all_words == 0 && plan.corrected && request.correct_spelling) {
        // A misspelling with a known correction ("Nigel Mins"): what the user almost certainly
        // meant, tried before any word is dropped.
        auto corrected = builder.plan(*plan.corrected);
        auto counter = std::make_unique<FacetCounter>(unfiltered, true, request.kinds.empty(), table);
        auto tier = rank(corrected.query(), corrected.query(), first, request.per_page, counter.get());
        if (tier.mset.get_matches_estimated() > 0) {
            corrected.warnings.push_back({"showing_corrected", "no results for \"" + request.query +
                                                                   "\"; showing results for \"" + *plan.corrected + "\""});
            corrected.corrected = plan.corrected;
            plan = std::move(corrected);
            ranked[0] = std::move(tier);
            all_words = ranked[0].mset.get_matches_estimated();
        }
    }

    // Too few for the page: tier k drops the first k units of the drop order. Only as many tiers
    // as the page needs, and none that adds nothing.
    std::vector<Xapian::Query> tier_queries{plan.query()};
    std::vector<std::size_t> cumulative{all_words};
    std::vector<std::size_t> dropped;
    if (!plan.empty() && all_words < needed) {
        const auto order = drop_order(plan, db_, request.matching);
        for (std::size_t k = 0; cumulative.back() < needed && k < order.size(); ++k) {
            if (deadline.passed()) {  // fewer hits than there are: said so rather than waited for
                result.total_is_exact = false;
                break;
            }
            auto fewer = dropped;
            fewer.push_back(order[k]);
            auto query = plan.query(fewer);
            const auto found = count(query);
            if (found == cumulative.back()) continue;  // dropping it adds nothing: no hit lacks it
            dropped = std::move(fewer);
            tier_queries.push_back(std::move(query));
            cumulative.push_back(found);
        }
    }
    if (tier_queries.size() > 1) {
        result.facets.clear();
        result.facet_value_totals.clear();
        count_facets(filtered(tier_queries.back()), FacetCounter(unfiltered, true, request.kinds.empty(), table));
        for (std::size_t t = 1; t < tier_queries.size(); ++t) {
            const auto tier_start = cumulative[t - 1], tier_end = cumulative[t];
            if (tier_end <= first || tier_start >= needed) continue;
            const Xapian::Query only_here(Xapian::Query::OP_AND_NOT, tier_queries[t], tier_queries[t - 1]);
            ranked.push_back(rank(only_here, tier_queries[t], first > tier_start ? first - tier_start : 0,
                                  std::min(needed, tier_end) - std::max(first, tier_start), nullptr));
        }
    }
    deadline.check_client();
    const auto& matched = tier_queries.back();  // every document the query returns
    // Past the budget, a filtered facet keeps the counts of what the query returns, not its
    // disjunctive counts: flagged as not exhaustive.
    const auto recount = [&](std::string_view without, const FacetCounter& counter) {
        if (deadline.passed()) result.facets_exhaustive = false;
        else count_facets(filtered(matched, without), counter);
    };
    for (const auto* facet : filtered_facets) recount(facet->field, FacetCounter({facet}, false, false, table));
    if (!request.kinds.empty()) recount(kKindField, FacetCounter({}, false, true, table));
    if (!request.from.empty() || !request.to.empty()) recount(kMonthRangeField, FacetCounter({}, true, false, table));

    deadline.check_client();
    result.total = cumulative.back();
    result.total_all_words = all_words;
    for (const auto unit : dropped) result.dropped_words.push_back(plan.units[unit].text);
    result.did_you_mean = plan.corrected;
    result.warnings = plan.warnings;

    if (request.group == Grouping::section) {
        add_section_hits(plan, tier_queries, filtered, sort, needed, deadline, result);
        result.hits.erase(result.hits.begin(), result.hits.begin() + static_cast<std::ptrdiff_t>(std::min(first, result.hits.size())));
        result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        return result;
    }
    for (const auto& tier : ranked) {
        const SnippetMaker snippet(snippet_terms(tier.query));
        const SectionFinder sections(db_, snippet);
        for (const auto& it : tier.hits) {
            const auto stored = stored_record(it);
            const auto record = read_hit_record(*stored);
            SearchHit hit = hit_on(record, it);
            hit.score = tier.scores[&it - tier.hits.data()];
            std::vector<std::vector<SnippetMaker::Match>> found;
            if (!record.sections.empty())
                point_at_section(hit, record, plan.empty() ? 0 : SectionFinder::best(sections.scores(record, &found)),
                                 snippet, found);
            result.hits.push_back(std::move(hit));
        }
    }
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return result;
}

template <typename Filtered>
void Searcher::add_section_hits(const QueryPlan& plan, const std::vector<Xapian::Query>& tier_queries,
                                const Filtered& filtered, SortOrder sort, std::size_t needed, const Deadline& deadline,
                                SearchResult& result) {
    // Sections are not documents: they come from the matching issues in rank order, each issue's
    // matching sections best first, until the page is full. Counting them all would read every
    // matching issue, so the total is exact only when the walk reached the last issue.
    constexpr Xapian::doccount kIssuesPerFetch = 50;
    bool exhausted = true;
    for (std::size_t t = 0; t < tier_queries.size() && result.hits.size() < needed; ++t) {
        if (t > 0 && deadline.passed()) {  // the page as far as it got, within the budget
            exhausted = false;
            break;
        }
        const auto only_here = t == 0 ? tier_queries[0]
                                      : Xapian::Query(Xapian::Query::OP_AND_NOT, tier_queries[t], tier_queries[t - 1]);
        const SnippetMaker snippet(snippet_terms(tier_queries[t]));
        const SectionFinder finder(db_, snippet);
        Xapian::Enquire enquire(db_);
        enquire.set_query(filtered(only_here));
        set_order(enquire, sort);
        for (Xapian::doccount offset = 0; result.hits.size() < needed; offset += kIssuesPerFetch) {
            const auto mset = enquire.get_mset(offset, kIssuesPerFetch);
            const auto issues = hits_of(mset);
            for (const auto& it : issues) {
                const auto stored = stored_record(it);
                const auto record = read_hit_record(*stored);
                std::vector<std::vector<SnippetMaker::Match>> found;
                const auto scores =
                    plan.empty() ? std::vector<double>(record.sections.size(), 1.0) : finder.scores(record, &found);
                std::vector<std::size_t> matching;
                for (std::size_t i = 0; i < scores.size(); ++i)
                    if (scores[i] > 0) matching.push_back(i);
                std::stable_sort(matching.begin(), matching.end(), [&](auto a, auto b) { return scores[a] > scores[b]; });
                for (const auto number : matching) {
                    SearchHit hit = hit_on(record, it);
                    point_at_section(hit, record, number, snippet, found);
                    result.hits.push_back(std::move(hit));
                }
            }
            if (issues.size() < kIssuesPerFetch) break;
            if (deadline.passed()) {
                exhausted = false;
                break;
            }
        }
        exhausted = exhausted && result.hits.size() < needed;
    }
    if (exhausted) {
        result.total = result.total_all_words = result.hits.size();
    } else {
        result.total = std::max(result.total, result.hits.size());  // every matching issue has a matching section
        result.total_is_exact = false;
    }
    if (result.hits.size() > needed) result.hits.resize(needed);
}

}  // namespace wm
