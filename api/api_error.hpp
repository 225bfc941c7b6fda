#pragma once
// Every error the API answers, in Meilisearch's shape: {"message", "code", "type"}, with the
// status and type from the error table (common/errors.hpp). No transport here: searchd writes
// the answer.
#include <nlohmann/json.hpp>

#include <exception>
#include <string>

#include "common/errors.hpp"

namespace wm {

struct ApiError {
    int status;
    nlohmann::json body;
};

ApiError api_error(ErrorCode code, const std::string& message);

/// A library exception as the client sees it: RequestError with its code's status;
/// UnavailableError and ConfigError 503; anything else 500. Server-side details (paths,
/// library messages) are logged on stderr, never sent.
ApiError api_error(std::exception_ptr error);

}  // namespace wm
