#pragma once
// Errors: the library throws, the edges (the indexer's exit code, searchd's HTTP answer) turn
// each into one clear message. Every error a client can see has a code from the one table
// below, with its Meilisearch type and HTTP status, as Meilisearch's own error-code list has.
#include <stdexcept>
#include <string>
#include <string_view>

namespace wm {

// X(code, type, HTTP status). The code is the stable machine-readable name clients match on.
#define WM_ERROR_CODES(X)                              \
    X(bad_request, invalid_request, 400)               \
    X(malformed_request, invalid_request, 400)         \
    X(unknown_parameter, invalid_request, 400)         \
    X(invalid_search_q, invalid_request, 400)          \
    X(invalid_search_person, invalid_request, 400)     \
    X(invalid_search_authority, invalid_request, 400)  \
    X(invalid_search_programme, invalid_request, 400)  \
    X(invalid_search_organisation, invalid_request, 400) \
    X(invalid_search_from, invalid_request, 400)       \
    X(invalid_search_to, invalid_request, 400)         \
    X(invalid_search_date, invalid_request, 400)       \
    X(invalid_search_sort, invalid_request, 400)       \
    X(invalid_search_page, invalid_request, 400)       \
    X(invalid_search_per_page, invalid_request, 400)   \
    X(invalid_search_group, invalid_request, 400)      \
    X(invalid_search_kind, invalid_request, 400)       \
    X(invalid_search_matching, invalid_request, 400)   \
    X(invalid_search_as_you_type, invalid_request, 400) \
    X(invalid_search_facet_limit, invalid_request, 400) \
    X(invalid_search_filter, invalid_request, 400)     \
    X(invalid_search_facets, invalid_request, 400)     \
    X(invalid_search_offset, invalid_request, 400)     \
    X(invalid_search_limit, invalid_request, 400)      \
    X(invalid_search_hits_per_page, invalid_request, 400) \
    X(invalid_search_attributes_to_retrieve, invalid_request, 400) \
    X(invalid_search_attributes_to_highlight, invalid_request, 400) \
    X(invalid_search_attributes_to_crop, invalid_request, 400) \
    X(invalid_search_crop_length, invalid_request, 400) \
    X(invalid_search_crop_marker, invalid_request, 400) \
    X(invalid_search_highlight_pre_tag, invalid_request, 400) \
    X(invalid_search_highlight_post_tag, invalid_request, 400) \
    X(invalid_search_show_matches_position, invalid_request, 400) \
    X(invalid_search_show_ranking_score, invalid_request, 400) \
    X(invalid_search_matching_strategy, invalid_request, 400) \
    X(invalid_multi_search_queries, invalid_request, 400) \
    X(invalid_facet_search_facet_name, invalid_request, 400) \
    X(invalid_facet_search_facet_query, invalid_request, 400) \
    X(invalid_index_offset, invalid_request, 400) \
    X(invalid_index_limit, invalid_request, 400) \
    X(invalid_suggest_q, invalid_request, 400)         \
    X(invalid_suggest_limit, invalid_request, 400)     \
    X(invalid_related_limit, invalid_request, 400)     \
    X(invalid_facet, invalid_request, 400)             \
    X(invalid_facet_prefix, invalid_request, 400)      \
    X(missing_index_uid, invalid_request, 400)         \
    X(not_found, invalid_request, 404)                 \
    X(index_not_found, invalid_request, 404)           \
    X(method_not_allowed, invalid_request, 405)        \
    X(payload_too_large, invalid_request, 413)         \
    X(uri_too_long, invalid_request, 414)              \
    X(invalid_content_type, invalid_request, 415)      \
    X(range_not_satisfiable, invalid_request, 416)     \
    X(too_many_headers, invalid_request, 431)          \
    X(client_closed_request, invalid_request, 499)     \
    X(internal, internal, 500)                         \
    X(not_implemented, invalid_request, 501)           \
    X(database_unavailable, system, 503)               \
    X(shard_unavailable, system, 503)

enum class ErrorCode {
#define WM_ERROR_ENUM(code, type, status) code,
    WM_ERROR_CODES(WM_ERROR_ENUM)
#undef WM_ERROR_ENUM
};

struct ErrorCodeInfo {
    std::string_view code;  ///< "invalid_search_page"
    std::string_view type;  ///< Meilisearch's error type: invalid_request, internal or system
    int http_status;
};

const ErrorCodeInfo& error_info(ErrorCode code);

/// The code whose HTTP status this is, for errors cpp-httplib raises before any handler runs
/// (413, 414, ...); bad_request for a status with no code of its own.
ErrorCode error_code_for_status(int http_status);

/// The caller can fix it: a bad parameter, an unknown issue id (4xx, from the code).
struct RequestError : std::runtime_error {
    RequestError(ErrorCode error_code, const std::string& message)
        : std::runtime_error(message), code(error_code) {}
    ErrorCode code;
};

/// The database cannot be opened or written now: missing, locked by another writer, a shard
/// unreachable. Retrying later may work (503 for a client; the watcher retries with backoff).
struct UnavailableError : std::runtime_error {
    UnavailableError(ErrorCode error_code, const std::string& message)
        : std::runtime_error(message), code(error_code) {}
    ErrorCode code;
};

/// The configuration is wrong (a database of another schema version, a shard count that
/// differs from the folder's): nothing will work until a person changes it (exit 2 at start-up).
struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// A source file that cannot be indexed (empty, binary, too large...). The batch goes on without it.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace wm
