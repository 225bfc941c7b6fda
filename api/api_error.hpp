#pragma once
// Every error the API answers, in Meilisearch's shape: {"message", "code", "type", "link"},
// with the status and type from the error table (common/errors.hpp) and a link to the code in
// README's error list. No transport here: searchd writes the answer.
#include <nlohmann/json.hpp>

#include <exception>
#include <string>

#include "common/errors.hpp"

namespace wm {

/// Where README is published (CMake's WM_ERROR_LIST_URL); its error list has an anchor per
/// code, so a link is this + "#code".
inline constexpr std::string_view kErrorListUrl = WM_ERROR_LIST_URL;

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
