#pragma once
#include "common/model/facet_values.hpp"

namespace wm {

/// Facets shown as what two issues share and as the names found alongside an entity. National
/// bodies (Ofsted, DfE) are in nearly every issue and say nothing about how two things relate.
constexpr bool is_companion_facet(FacetId id) { return id != FacetId::organisations; }

}  // namespace wm
