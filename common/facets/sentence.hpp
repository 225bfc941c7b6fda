#pragma once
// What the sentence around a name says of it: that something is done to a programme
// ("launched", "funded", "attended"), or that the thing is a standing organisation
// ("government-run", "a national association").
#include <cstddef>
#include <string_view>
#include <vector>

#include "common/facets/tokens.hpp"

namespace wm {

/// "launch" matches "launched" and "launches"; a stem of three letters or fewer ("won", "run")
/// matches only itself and its plain inflections, so "run" is not "runway".
bool matches_stem(std::string_view key, std::string_view stem);

/// Tokens [first, last] of the sentence holding tokens[i].
std::pair<std::size_t, std::size_t> sentence_around(const std::vector<Token>& tokens, std::size_t i);

/// Whether the sentence holding the name [first, last] says it is set up, run, launched,
/// piloted, sponsored, funded, attended or awarded, and not that it is a standing body.
bool sentence_says_programme(const std::vector<Token>& tokens, std::size_t first, std::size_t last);

/// Whether the sentence holding the name [first, last] calls it a standing organisation.
bool sentence_says_organisation(const std::vector<Token>& tokens, std::size_t first, std::size_t last);

}  // namespace wm
