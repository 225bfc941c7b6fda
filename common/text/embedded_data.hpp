#pragma once
// The gazetteer files under common/facets/data/, compiled into the binary (see cmake/embed_data.cmake).
#include <stdexcept>
#include <string>
#include <string_view>

namespace wm {

/// The content of common/facets/data/NAME; throws std::out_of_range for an unknown name.
std::string_view embedded_data(std::string_view name);

}  // namespace wm
