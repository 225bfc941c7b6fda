#include "api/error_codes.hpp"

#include <array>

namespace wm {
namespace {

constexpr std::array kErrorCodes = {
#define WM_ERROR_INFO(code, type, status, when, remedy) ErrorCodeInfo{#code, #type, status, when, remedy},
    WM_ERROR_CODES(WM_ERROR_INFO)
#undef WM_ERROR_INFO
};

}  // namespace

std::span<const ErrorCodeInfo> error_table() { return kErrorCodes; }

const ErrorCodeInfo& error_info(ErrorCode code) { return kErrorCodes.at(static_cast<std::size_t>(code)); }

ErrorCode error_code_for_status(int http_status) {
    for (std::size_t i = 0; i < kErrorCodes.size(); ++i)
        if (kErrorCodes[i].http_status == http_status) return static_cast<ErrorCode>(i);
    return ErrorCode::bad_request;
}

ErrorCode error_code_for(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::not_found: return ErrorCode::not_found;
        case ErrorKind::unavailable: return ErrorCode::database_unavailable;
        // A database of another schema or shard layout: for a client, the index is unusable now.
        case ErrorKind::misconfigured: return ErrorCode::database_unavailable;
        case ErrorKind::abandoned: return ErrorCode::client_closed_request;
        // Source files are the indexer's: a request never reads one.
        case ErrorKind::unreadable_input: return ErrorCode::internal;
    }
    return ErrorCode::internal;
}

}  // namespace wm
