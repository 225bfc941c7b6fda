#pragma once
// Atom feeds (RFC 4287) of a search and of a person, authority, programme or organisation, so a
// feed reader can follow "Telford and Wrekin" or "Pat Bullen": one entry per issue, newest
// first, linking to the search page's reader at the matching section.
#include <ctime>
#include <string>

#include "api/params.hpp"
#include "common/index/schema.hpp"
#include "common/search/search_request.hpp"

namespace wm {

inline constexpr std::size_t kFeedEntries = 30;

/// Where the feed is served from.
struct FeedSite {
    std::string base_url;    ///< "http://127.0.0.1:8080": entries link to the search page there
    std::time_t index_time;  ///< when the index was last written: `updated` of an issue of unknown month
};

/// What a feed is about; the same search or name always gives the same id.
struct FeedDescription {
    std::string id, title;
    std::string self_path;  ///< the feed's own path and query: "/api/search.atom?q=care"
    std::string page_path;  ///< the same on the search page: "/?q=care"
};

/// The search of /api/search.atom: q, the facet filters and from/to as /api/search reads them,
/// newest first; other parameters are refused (unknown_parameter).
SearchRequest parse_search_feed_params(const Params& params);
FeedDescription search_feed_description(const SearchRequest& request);

/// The search of /api/entities/{facet}/{name}.atom: issues with the (canonical) value, each
/// pointing at the section that names it.
SearchRequest entity_feed_request(const schema::Facet& facet, const std::string& canonical_value);
/// Titled with the value as the issues write it (found among the result's facet counts).
FeedDescription entity_feed_description(const schema::Facet& facet, const std::string& canonical_value,
                                        const SearchResult& result);

/// The Atom document: feed id, title, updated (the newest entry's, else the index time),
/// author, self and alternate links; per issue an entry with a stable id, its title, updated
/// (the first day of its month, else the index time), a link to the reader and the snippet.
std::string atom_feed(const FeedDescription& feed, const SearchResult& result, const FeedSite& site);

}  // namespace wm
