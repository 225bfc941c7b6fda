#pragma once
// The calls a Meilisearch client makes at start-up, in Meilisearch's shapes: /health,
// /version, /indexes, /indexes/{uid} and /indexes/{uid}/stats. The archive is one index.
#include <nlohmann/json.hpp>

#include <ctime>

#include "api/params.hpp"

namespace wm {

nlohmann::json meilisearch_health();
nlohmann::json meilisearch_version();

/// The index as GET /indexes/{uid} answers it; updated: when the database was last written.
nlohmann::json meilisearch_index(std::time_t updated);

/// GET /indexes?offset=&limit= (Meilisearch's paging of its index list; throws
/// invalid_index_offset / invalid_index_limit, unknown_parameter).
nlohmann::json meilisearch_index_list(const Params& params, std::time_t updated);

/// numberOfDocuments, isIndexing (searchd never writes, and cannot see an indexer at work:
/// false), fieldDistribution (every hit has every attribute).
nlohmann::json meilisearch_stats(std::size_t documents);

}  // namespace wm
