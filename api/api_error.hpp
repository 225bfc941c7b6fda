#pragma once
// Every error the API answers, in Meilisearch's shape: {"message", "code", "type", "link"},
// with the status and type from the error table (api/error_codes.hpp) and a link to the code on
// the error reference page (api/error_reference). No transport here: searchd writes the answer.
#include <nlohmann/json.hpp>

#include <exception>
#include <string>
#include <string_view>

#include "api/error_codes.hpp"

namespace wm {

struct ApiError {
    int status;
    nlohmann::json body;
};

/// reference_url: the error reference page's address, which the link names with the code.
ApiError api_error(ErrorCode code, const std::string& message, std::string_view reference_url);

/// An exception as the client sees it: RequestError with its code's status, an engine error
/// with its kind's code (error_code_for), Xapian's failures to read 503; anything else 500. Server-side details (paths,
/// library messages) are logged on stderr, never sent.
ApiError api_error(std::exception_ptr error, std::string_view reference_url);

}  // namespace wm
