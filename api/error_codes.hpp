#pragma once
// The one table of the API's error codes, as Meilisearch's own error-code list has: every error
// a client can see has a code from it, with its Meilisearch type and HTTP status. The engine's
// error kinds (common/errors.hpp) are given their codes here, and nowhere else.
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace wm {

// X(code, type, HTTP status, when it is answered, what the caller can do). The code is the
// stable machine-readable name clients match on; the last two are searchd's error reference
// page (api/error_reference), which every error body's link points to.
#define WM_ERROR_CODES(X) \
    X(bad_request, invalid_request, 400, \
      "a body that is not JSON or not the expected shape; an unknown or unsupported Meilisearch field; federation", \
      "Send a JSON object with only the fields the API description (/openapi.json) lists; federation is not supported: send each query on its own.") \
    X(malformed_request, invalid_request, 400, \
      "not a valid HTTP request", \
      "Send one well-formed HTTP/1.1 request: a single Content-Length or chunked body, headers within the limits.") \
    X(unknown_parameter, invalid_request, 400, \
      "a query-string parameter the endpoint does not take", \
      "Remove the parameter, or check its spelling against the endpoint's parameters in /openapi.json.") \
    X(invalid_search_q, invalid_request, 400, \
      "q over 1,000 bytes, not UTF-8, with NUL bytes, or not a string", \
      "Shorten the query to at most 1,000 bytes of UTF-8 text (about 300 characters of any script) without NUL bytes.") \
    X(invalid_search_person, invalid_request, 400, \
      "a person filter that is not clean text", \
      "Send the person as UTF-8 text without NUL bytes, as the facet lists it (/api/facets/...).") \
    X(invalid_search_authority, invalid_request, 400, \
      "an authority filter that is not clean text", \
      "Send the authority as UTF-8 text without NUL bytes, as the facet lists it (/api/facets/...).") \
    X(invalid_search_programme, invalid_request, 400, \
      "a programme filter that is not clean text", \
      "Send the programme as UTF-8 text without NUL bytes, as the facet lists it (/api/facets/...).") \
    X(invalid_search_organisation, invalid_request, 400, \
      "an organisation filter that is not clean text", \
      "Send the organisation as UTF-8 text without NUL bytes, as the facet lists it (/api/facets/...).") \
    X(invalid_search_from, invalid_request, 400, \
      "from not a month (YYYY-MM)", \
      "Give the first month as YYYY-MM, for example 2022-04.") \
    X(invalid_search_to, invalid_request, 400, \
      "to not a month (YYYY-MM)", \
      "Give the last month as YYYY-MM, for example 2023-12.") \
    X(invalid_search_date, invalid_request, 400, \
      "from after to, or a month malformed", \
      "Give months as YYYY-MM with the first no later than the last.") \
    X(invalid_search_sort, invalid_request, 400, \
      "sort not relevance/newest/oldest (/api/search) or not one date:desc/date:asc rule (Meilisearch)", \
      "Use relevance, newest or oldest (/api/search), or one rule date:desc or date:asc (Meilisearch).") \
    X(invalid_search_page, invalid_request, 400, \
      "page outside 1–10,000", \
      "Ask for a page from 1 to 10,000; a page past the last result is answered with no hits.") \
    X(invalid_search_per_page, invalid_request, 400, \
      "per_page outside 1–100", \
      "Ask for 1 to 100 hits a page.") \
    X(invalid_search_group, invalid_request, 400, \
      "group not issue or section", \
      "Use issue or section.") \
    X(invalid_search_kind, invalid_request, 400, \
      "kind not issue, article or page", \
      "Use issue, article or page.") \
    X(invalid_search_matching, invalid_request, 400, \
      "matching not last, frequency or all", \
      "Use last, frequency or all.") \
    X(invalid_search_as_you_type, invalid_request, 400, \
      "as_you_type not true/false/1/0", \
      "Use true or false.") \
    X(invalid_search_correct_spelling, invalid_request, 400, \
      "correct_spelling not true/false/1/0", \
      "Use true or false.") \
    X(invalid_search_facet_limit, invalid_request, 400, \
      "facet_limit outside 1–1,000", \
      "Ask for 1 to 1,000 values a facet.") \
    X(invalid_search_sections_per_hit, invalid_request, 400, \
      "sections_per_hit outside 1–5", \
      "Ask for 1 to 5 matching sections a hit.") \
    X(invalid_search_filter, invalid_request, 400, \
      "a Meilisearch filter that cannot be read or answered; the message gives the position", \
      "Correct the filter at the position the message gives; conditions on different attributes are combined with AND, values of one attribute with IN [...].") \
    X(invalid_search_facets, invalid_request, 400, \
      "facets naming an unknown attribute", \
      "Name only people, authorities, programmes, organisations, kind, or *.") \
    X(invalid_search_offset, invalid_request, 400, \
      "offset outside 0–100,000", \
      "Give an offset from 0 to 100,000.") \
    X(invalid_search_limit, invalid_request, 400, \
      "limit outside 0–100", \
      "Give a limit from 0 to 100.") \
    X(invalid_search_hits_per_page, invalid_request, 400, \
      "hitsPerPage outside 0–100", \
      "Give hitsPerPage from 0 to 100.") \
    X(invalid_search_attributes_to_retrieve, invalid_request, 400, \
      "attributesToRetrieve not an array of a hit's attributes", \
      "Send an array of a hit's attribute names (id, issue_id, file, title, date, kind, section, heading, snippet) or [\"*\"].") \
    X(invalid_search_attributes_to_highlight, invalid_request, 400, \
      "attributesToHighlight not an array of a hit's attributes", \
      "Send an array of a hit's attribute names (id, issue_id, file, title, date, kind, section, heading, snippet) or [\"*\"].") \
    X(invalid_search_attributes_to_crop, invalid_request, 400, \
      "attributesToCrop not an array of attribute or attribute:N", \
      "Send an array of title, heading or snippet, each optionally with :N words, or [\"*\"].") \
    X(invalid_search_crop_length, invalid_request, 400, \
      "cropLength outside 0–1,000", \
      "Give cropLength from 0 to 1,000.") \
    X(invalid_search_crop_marker, invalid_request, 400, \
      "cropMarker not a string", \
      "Send a string.") \
    X(invalid_search_highlight_pre_tag, invalid_request, 400, \
      "highlightPreTag not a string", \
      "Send a string.") \
    X(invalid_search_highlight_post_tag, invalid_request, 400, \
      "highlightPostTag not a string", \
      "Send a string.") \
    X(invalid_search_show_matches_position, invalid_request, 400, \
      "showMatchesPosition not a boolean", \
      "Send true or false.") \
    X(invalid_search_show_ranking_score, invalid_request, 400, \
      "showRankingScore not a boolean", \
      "Send true or false.") \
    X(invalid_search_matching_strategy, invalid_request, 400, \
      "matchingStrategy not last, all or frequency", \
      "Use last, all or frequency.") \
    X(invalid_multi_search_queries, invalid_request, 400, \
      "more than 16 queries in one /multi-search", \
      "Send at most 16 queries in one request, or split them across requests.") \
    X(invalid_facet_search_facet_name, invalid_request, 400, \
      "facetName missing or not a facet", \
      "Name one of people, authorities, programmes, organisations or kind in facetName.") \
    X(invalid_facet_search_facet_query, invalid_request, 400, \
      "facetQuery not a string", \
      "Send facetQuery as a string, or leave it out.") \
    X(invalid_index_offset, invalid_request, 400, \
      "/indexes?offset= outside 0–1,000", \
      "Give an offset from 0 to 1,000.") \
    X(invalid_index_limit, invalid_request, 400, \
      "/indexes?limit= outside 0–1,000", \
      "Give a limit from 0 to 1,000.") \
    X(invalid_suggest_q, invalid_request, 400, \
      "/api/suggest without q, or q not clean text", \
      "Send q with the words typed so far, as UTF-8 text.") \
    X(invalid_suggest_limit, invalid_request, 400, \
      "limit outside 1–50", \
      "Ask for 1 to 50 suggestions.") \
    X(invalid_related_limit, invalid_request, 400, \
      "limit outside 1–20 (empty included)", \
      "Ask for 1 to 20 related issues.") \
    X(invalid_facet, invalid_request, 400, \
      "an unknown facet in the path", \
      "Use one of people, authorities, programmes or organisations in the path.") \
    X(invalid_facet_prefix, invalid_request, 400, \
      "prefix not clean text", \
      "Send prefix as UTF-8 text without NUL bytes.") \
    X(missing_index_uid, invalid_request, 400, \
      "a /multi-search query without indexUid", \
      "Give each query of a multi-search its indexUid: issues.") \
    X(not_found, invalid_request, 404, \
      "no such path, issue or entity", \
      "Check the address: list the issues with /api/issues and the endpoints in /openapi.json; an issue or name may have been removed from the archive.") \
    X(index_not_found, invalid_request, 404, \
      "an index other than issues", \
      "Use the index issues: it is the only one.") \
    X(method_not_allowed, invalid_request, 405, \
      "another method than the route's (Allow lists it)", \
      "Use the method the Allow header names.") \
    X(payload_too_large, invalid_request, 413, \
      "a body over 64 KiB", \
      "Send a body of at most 64 KiB.") \
    X(uri_too_long, invalid_request, 414, \
      "a request line over 8 KiB", \
      "Shorten the address to under 8 KiB; send a long search as a POST to /indexes/issues/search.") \
    X(invalid_content_type, invalid_request, 415, \
      "a POST body not sent as application/json", \
      "Send the body with Content-Type: application/json.") \
    X(range_not_satisfiable, invalid_request, 416, \
      "a Range the static file cannot satisfy", \
      "Ask for the whole file, without a Range header.") \
    X(too_many_headers, invalid_request, 431, \
      "more request headers than allowed", \
      "Send at most 100 request headers.") \
    X(client_closed_request, invalid_request, 499, \
      "the client hung up while its search ran: the search stopped, and the status is only logged and counted in /metrics (nobody is left to read it)", \
      "Nothing to do: the client went away before the answer. Searches that take long can be narrowed with filters.") \
    X(internal, internal, 500, \
      "a bug: the details are in searchd's log", \
      "Try again; if it happens again, tell the archive's administrator, who will find the details in searchd's log.") \
    X(not_implemented, invalid_request, 501, \
      "a method cpp-httplib does not know", \
      "Use GET, HEAD, POST or OPTIONS.") \
    X(database_unavailable, system, 503, \
      "the index cannot be opened or read now", \
      "Try again in a moment: the index may be being rebuilt. If it lasts, the administrator should check searchd's log and the database path.") \
    X(shard_unavailable, system, 503, \
      "a remote shard does not answer", \
      "Try again in a moment. If it lasts, the administrator should check the shard hosts named in searchd's log.")

enum class ErrorCode {
#define WM_ERROR_ENUM(code, type, status, when, remedy) code,
    WM_ERROR_CODES(WM_ERROR_ENUM)
#undef WM_ERROR_ENUM
};

struct ErrorCodeInfo {
    std::string_view code;  ///< "invalid_search_page"
    std::string_view type;  ///< Meilisearch's error type: invalid_request, internal or system
    int http_status;
    std::string_view when;    ///< when it is answered
    std::string_view remedy;  ///< what the caller can do about it
};

/// Every code of the table, in its order.
std::span<const ErrorCodeInfo> error_table();

const ErrorCodeInfo& error_info(ErrorCode code);

/// The code whose HTTP status this is, for errors cpp-httplib raises before any handler runs
/// (413, 414, ...); bad_request for a status with no code of its own.
ErrorCode error_code_for_status(int http_status);

/// The code an engine error of this kind is answered with.
ErrorCode error_code_for(ErrorKind kind);

/// The caller can fix it: a bad parameter, a body of the wrong shape (4xx, from the code).
struct RequestError : std::runtime_error {
    RequestError(ErrorCode error_code, const std::string& message)
        : std::runtime_error(message), code(error_code) {}
    ErrorCode code;
};

}  // namespace wm
