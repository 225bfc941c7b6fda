#include "common/search/searcher.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <memory>

#include "common/index/schema.hpp"
#include "common/index/section_data.hpp"
#include "common/index/store.hpp"
#include "common/search/facet_counter.hpp"
#include "common/search/query_builder.hpp"
#include "common/search/snippets.hpp"

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

// Ties break the same way everywhere, shards included: score, then month (newest first unless
// oldest first was asked for), then issue id, then section number. Xapian sorts on relevance
// alone, or the month alone, and the page is put in the full order here: hits are fetched from
// the top until no tie crosses the page's end, then sorted. A KeyMaker would do the same on one
// database but computes a key for every match (20,000 of them for a common word), the remote
// protocol takes none, and shards' document ids interleave differently from one database's.
class PageOrder {
public:
    explicit PageOrder(SortOrder sort) : sort_(sort) {}

    std::vector<Xapian::MSetIterator> page(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount size,
                                           Xapian::doccount check_at_least, Xapian::MSet& mset) const {
        Xapian::doccount wanted = first + size;
        for (;;) {
            mset = enquire.get_mset(0, wanted + 1, check_at_least);
            if (wanted == 0 || mset.size() <= wanted || !same_group(mset[wanted - 1], mset[wanted])) break;
            wanted *= 2;
        }
        std::vector<Xapian::MSetIterator> hits;
        for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back(it);
        std::stable_sort(hits.begin(), hits.end(), [this](const auto& a, const auto& b) { return before(a, b); });
        if (hits.size() > first + size) hits.resize(first + size);
        hits.erase(hits.begin(), hits.begin() + std::min<std::size_t>(first, hits.size()));
        return hits;
    }

private:
    bool same_group(const Xapian::MSetIterator& a, const Xapian::MSetIterator& b) const {
        if (sort_ == SortOrder::relevance) return a.get_weight() == b.get_weight();
        return a.get_document().get_value(schema::SLOT_MONTH) == b.get_document().get_value(schema::SLOT_MONTH);
    }
    bool before(const Xapian::MSetIterator& a, const Xapian::MSetIterator& b) const {
        if (sort_ == SortOrder::relevance && a.get_weight() != b.get_weight()) return a.get_weight() > b.get_weight();
        const auto da = a.get_document(), db = b.get_document();
        const auto ma = da.get_value(schema::SLOT_MONTH), mb = db.get_value(schema::SLOT_MONTH);
        if (ma != mb) return sort_ == SortOrder::oldest ? ma < mb : ma > mb;
        const auto ia = da.get_value(schema::SLOT_ISSUE_ID), ib = db.get_value(schema::SLOT_ISSUE_ID);
        if (ia != ib) return ia < ib;
        return da.get_value(schema::SLOT_SECTION) < db.get_value(schema::SLOT_SECTION);
    }
    SortOrder sort_;
};

SectionData section_data(const Xapian::Document& doc) { return nlohmann::json::parse(doc.get_data()).get<SectionData>(); }

// The hit shows this section: its heading, and a snippet of its text.
void point_at_section(SearchHit& hit, const SectionData& section, const SnippetTerms& terms) {
    hit.file = section.file;
    hit.title = section.title;
    hit.section = section.number;
    hit.section_heading = section.heading;
    hit.section_group = section.group;
    hit.snippet = make_snippet(section.text, terms, kSnippetBytes);
}

}  // namespace

Searcher::Searcher(std::string database_path)
    : database_path_(std::move(database_path)), db_(open_for_reading(database_path_)) {
    remote_shards_ = has_remote_shards(db_);
    refresh();
}

void Searcher::refresh() {
    db_.reopen();
    // The glossary changes only when the indexer learns a new acronym; re-read it then.
    const auto stored = db_.get_metadata(std::string(schema::META_GLOSSARY));
    if (stored != glossary_revision_) {
        glossary_ = stored.empty() ? Glossary{} : nlohmann::json::parse(stored).get<Glossary>();
        glossary_revision_ = stored;
    }
}

const std::vector<FacetCount>& Searcher::facet_values(const schema::Facet& facet) {
    if (facet_values_.empty() || facet_values_revision_ != database_version(db_)) {
        SearchRequest everything;
        everything.per_page = 0;
        everything.facet_limit = std::numeric_limits<std::size_t>::max();
        const auto result = search(everything);
        facet_values_ = result.facets;
        facet_values_revision_ = database_version(db_);
    }
    return facet_values_[std::string(facet.name)];
}

SearchResult Searcher::search(const SearchRequest& request) {
    return with_retry([&] { return run(request); });
}

SearchResult Searcher::run(const SearchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    const QueryBuilder builder(db_, glossary_);
    const std::string_view doc_type =
        request.group == Grouping::issue ? schema::DOC_TYPE_ISSUE : schema::DOC_TYPE_SECTION;
    SearchResult result;
    result.query = request.query;
    result.page = request.page;
    result.per_page = request.per_page;

    TextQuery text = builder.parse(request.query);
    const auto main_query = [&](std::string_view without_facet) {
        return Xapian::Query(Xapian::Query::OP_FILTER, text.query, builder.filter(request, doc_type, without_facet));
    };
    const SortOrder sort = request.sort.value_or(text.empty ? SortOrder::newest : SortOrder::relevance);
    const Xapian::doccount everything = db_.get_doccount();

    // Facets without an active filter are counted on the main query; each filtered facet is
    // counted on the query without its own filter, so its other values keep their counts.
    std::vector<const schema::Facet*> unfiltered;
    std::vector<const schema::Facet*> filtered;
    for (const auto& facet : schema::kFacets) {
        const auto it = request.filters.find(std::string(facet.field));
        (it != request.filters.end() && !it->second.empty() ? filtered : unfiltered).push_back(&facet);
    }

    // Xapian 1.4 gives a match spy each document by its shard's own id (measured), so the table,
    // which is by the combined id, serves a single database only; shards count with the
    // built-in spies.
    const auto table = db_.size() == 1 && !remote_shards_ ? FacetTable::of(db_, database_path_) : nullptr;
    Xapian::Enquire enquire(db_);
    std::vector<Xapian::MSetIterator> page;  // the hits, in order
    const auto run_main = [&] {
        enquire.set_query(main_query({}));
        if (sort == SortOrder::relevance) enquire.set_sort_by_relevance();
        else enquire.set_sort_by_value_then_relevance(schema::SLOT_MONTH, sort != SortOrder::oldest);
        enquire.clear_matchspies();
        FacetCounter counter(unfiltered, true, table);
        // Over remote shards, Xapian 1.4.22's spies on a value-sorted page of results can see
        // a document twice (measured: per_page 2 or 3 over two shards), so they count in a pass
        // of their own there, as the filtered facets do below.
        Xapian::Enquire separate_count(db_);
        auto& counted = remote_shards_ ? separate_count : enquire;
        counted.set_query(main_query({}));
        counter.attach(counted);
        const auto first = static_cast<Xapian::doccount>(request.offset.value_or((request.page - 1) * request.per_page));
        const auto per_page = static_cast<Xapian::doccount>(request.per_page);
        Xapian::MSet mset;
        page = PageOrder(sort).page(enquire, first, per_page, everything, mset);
        if (remote_shards_) separate_count.get_mset(0, 0, everything);
        result.facets.clear();
        counter.collect(request.facet_limit, result.facets, result.facet_value_totals);
        return mset;
    };
    Xapian::MSet mset = run_main();
    if (mset.get_matches_estimated() == 0 && text.corrected) {
        // A misspelling with a known correction ("Nigel Mins"): what the user almost certainly
        // meant, tried before any of the words alone.
        const auto corrected = builder.parse(*text.corrected, false);
        text.query = corrected.query;
        mset = run_main();
        if (mset.get_matches_estimated() > 0)
            text.warnings.push_back({"showing_corrected", "no results for \"" + request.query +
                                                              "\"; showing results for \"" + *text.corrected + "\""});
    }
    if (mset.get_matches_estimated() == 0 && !text.empty) {
        // Nothing has every word: rank by any of them instead, and say so.
        auto any_word = builder.parse(request.query, true);
        if (any_word.query.get_length() > 1) {
            text.query = any_word.query;
            mset = run_main();
            if (mset.get_matches_estimated() > 0)
                text.warnings.push_back({"matched_any_word", "no result has every word; showing results with any of them"});
        }
    }
    for (const auto* facet : filtered) {
        Xapian::Enquire facet_enquire(db_);
        facet_enquire.set_query(main_query(facet->field));
        FacetCounter counter({facet}, false, table);
        counter.attach(facet_enquire);
        facet_enquire.get_mset(0, 0, everything);
        counter.collect(request.facet_limit, result.facets, result.facet_value_totals);
    }

    result.total = mset.get_matches_estimated();
    result.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    result.did_you_mean = text.corrected;
    result.warnings = text.warnings;

    const auto terms = snippet_terms(text.query);
    for (const auto& it : page) {
        const auto doc = it.get_document();
        SearchHit hit;
        hit.issue_id = doc.get_value(schema::SLOT_ISSUE_ID);
        hit.date = doc.get_value(schema::SLOT_MONTH);
        hit.score = it.get_weight();
        if (request.group == Grouping::section) {
            point_at_section(hit, section_data(doc), terms);
        } else {
            // The issue's best section: the same words, within this issue's sections.
            Xapian::Enquire best(db_);
            best.set_query(Xapian::Query(
                Xapian::Query::OP_FILTER, text.query,
                Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(schema::issue_term(hit.issue_id)),
                              Xapian::Query(schema::doc_type_term(schema::DOC_TYPE_SECTION)))));
            if (text.empty) best.set_sort_by_value(schema::SLOT_SECTION, false);
            const auto best_mset = best.get_mset(0, 1);
            if (!best_mset.empty()) {
                // Sections carry the issue's file and title, so the (much larger) issue record
                // is parsed only for an issue without sections.
                point_at_section(hit, section_data(best_mset.begin().get_document()), terms);
            } else {
                const auto record = nlohmann::json::parse(doc.get_data());
                hit.file = record.value("file", "");
                hit.title = record.value("title", "");
            }
        }
        result.hits.push_back(std::move(hit));
    }
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace wm
