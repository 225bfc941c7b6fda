#include "common/errors.hpp"

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

}  // namespace wm
