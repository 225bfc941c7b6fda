#pragma once
// What a search asks for and what it answers, independent of HTTP.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/model/facet_values.hpp"
#include "common/model/issue.hpp"
#include "common/search/marked_text.hpp"

namespace wm {

enum class SortOrder { relevance, newest, oldest };
enum class Grouping { issue, section };

/// What a query does when too few documents have every word (Meilisearch's matchingStrategy):
/// all: only those; last: then documents lacking words, dropped right to left; frequency: then
/// documents lacking words, the word matching most documents dropped first; coverage (not
/// Meilisearch's): then documents by the share of the query's words they have, rarer words
/// weighing more (see CoverageOrder). Known names are relaxed first in all but `all`.
enum class MatchingStrategy { all, last, frequency, coverage };

struct SearchRequest {
    std::string query;  ///< Xapian query syntax; empty lists everything newest first
    /// Facet filters keyed by the facet's field name ("person", "authority", ...): OR within
    /// one facet, AND across facets.
    std::map<std::string, std::vector<std::string>> filters;
    std::string from, to;  ///< inclusive months "YYYY-MM", or empty
    std::vector<PageKind> kinds;  ///< any of these kinds of page; empty: all
    std::optional<SortOrder> sort;  ///< default: relevance with a query, newest without
    std::size_t page = 1;
    std::size_t per_page = 10;
    std::optional<std::size_t> offset;  ///< first hit to return (0-based); overrides page
    std::size_t facet_limit = 100;  ///< values returned per facet, busiest first
    Grouping group = Grouping::issue;
    /// group=issue: the matching sections each hit carries, best first (the page shows one).
    std::size_t sections_per_hit = 1;
    MatchingStrategy matching = MatchingStrategy::coverage;  // measured best (docs/search.md); Meilisearch's endpoints default to last
    /// Sent while the words are being typed: the last word also matches as a prefix (its most
    /// frequent completions). A submitted search matches whole words only.
    bool as_you_type = false;
    /// When no issue has every word and a spelling correction has some, the correction is
    /// searched instead (showing_corrected); false searches the words as typed.
    bool correct_spelling = true;
    /// Seconds the search may take (0: no limit). Past them the counts stop being exhaustive and
    /// the work left is cut short; the result says so (total_is_exact, facets_exhaustive).
    double time_budget = 0;
    /// Whether the client has gone, asked between stages (empty: never); a search whose client
    /// has gone stops with SearchAbandoned.
    std::function<bool()> client_gone;
};

struct FacetCount {
    std::string value;
    std::size_t count = 0;
    bool operator==(const FacetCount&) const = default;
};

/// A section of a hit's issue, as the hit shows it.
struct HitSection {
    std::size_t number = 0;  ///< its place in the issue, from 0
    std::string group, heading;
    MarkedText marked_heading;  ///< the heading whole, the query's matches marked
    MarkedText snippet;         ///< the passage of its text that best shows the matches, else its opening
};

struct SearchHit {
    std::string issue_id, file;
    std::string date;  ///< "YYYY-MM", or empty when unknown
    std::string title;
    /// The title whole, the query's matches marked; empty when no section is shown.
    MarkedText marked_title;
    PageKind kind = PageKind::issue;
    double score = 0;
    double relevance = 0;  ///< 0..1: Xapian's percentage of the best weight the query could give
    /// The matching sections, best first: the first is the one the hit points at. None for an
    /// issue without sections.
    std::vector<HitSection> sections;
};

/// The section a hit points at (its first), or an empty one for an issue without sections.
inline const HitSection& shown_section(const SearchHit& hit) {
    static const HitSection none;
    return hit.sections.empty() ? none : hit.sections.front();
}

/// Whether a query is a known name and nothing else (whole), or names one among other words (part).
enum class EntityMatch { whole, part };

/// A person, authority or programme that a query names.
struct NamedEntity {
    FacetId facet;
    std::string value;  ///< as the index stores it (canonical_facet_value)
    EntityMatch match = EntityMatch::whole;
};

struct SearchWarning {
    std::string code, message;
};

struct SearchResult {
    std::string query;
    std::size_t total = 0;                ///< every hit the query returns, in all the tiers used
    std::size_t total_all_words = 0;      ///< of those, the hits with every word
    std::vector<std::string> dropped_words;  ///< the words some hits lack, as typed
    std::vector<std::string> relaxed_names;  ///< known names typed that some hits write otherwise
    bool total_is_exact = true;
    double took_ms = 0;
    std::size_t page = 1, per_page = 10;
    std::vector<SearchHit> hits;
    /// "people", "authorities", "programmes", "organisations" -> counts, busiest first; "years"
    /// newest first, counted without the month range (as a facet is without its own filter);
    /// "kinds" (issue, article, page).
    std::map<std::string, std::vector<FacetCount>> facets;
    std::map<std::string, std::size_t> facet_value_totals;  ///< distinct values per facet
    bool facets_exhaustive = true;
    std::optional<std::string> did_you_mean;
    std::vector<SearchWarning> warnings;
    /// The known name the query is (match whole), else the first it names among other words (part).
    std::optional<NamedEntity> entity;
};

}  // namespace wm
