#pragma once
// searchd's error reference: one HTML page listing every code of the error table
// (api/error_codes.hpp) with when it is answered and what the caller can do, an anchor per code.
// Every error body's link is this page's address with the code as its fragment.
#include <string>
#include <string_view>

#include "api/error_codes.hpp"

namespace wm {

/// The page's path on searchd.
inline constexpr std::string_view kErrorReferencePath = "/errors";

std::string error_reference_page();

/// reference_url + "#" + the code: where an error body's link points.
std::string error_link(std::string_view reference_url, ErrorCode code);

}  // namespace wm
