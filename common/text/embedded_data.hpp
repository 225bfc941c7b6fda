#pragma once
// The gazetteer files under common/facets/data/, compiled into the binary (see cmake/embed_data.cmake).
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "common/text/text.hpp"

namespace wm {

/// The content of common/facets/data/NAME; throws std::out_of_range for an unknown name.
std::string_view embedded_data(std::string_view name);

/// Calls row(columns) for each data line of an embedded file: '#' starts a comment line;
/// columns are tab-separated.
template <typename Row>
void for_each_data_row(std::string_view name, Row row) {
    for (const auto& line : split(embedded_data(name), '\n')) {
        if (line.empty() || line[0] == '#') continue;
        row(split(line, '\t'));
    }
}

}  // namespace wm
