#pragma once
// The answers of the endpoints other than search, as JSON (see searchd/openapi.json): issues,
// related issues, a name's page, an authority's who's who, the glossary, a facet's values, suggestions and health. The
// engine returns plain structs; their shape on the wire is decided here.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "common/facets/glossary.hpp"
#include "common/index/schema.hpp"
#include "common/model/issue_record.hpp"
#include "common/search/entities.hpp"
#include "common/search/related.hpp"
#include "common/search/suggester.hpp"
#include "common/search/whos_who.hpp"

namespace wm {

/// GET /api/issues: every issue's summary (id, file, title, date, signatory, facets).
nlohmann::json issue_list_json(const std::vector<IssueRecord>& issues);
/// GET /api/issues/{id}: the record as `indexer show` prints it, without where it was read from.
nlohmann::json issue_json(const IssueRecord& record);
nlohmann::json related_json(const std::string& issue_id, const std::vector<RelatedIssue>& related);
nlohmann::json entity_json(const EntityView& view);
/// GET /api/entities/authorities/{name}/people.
nlohmann::json whos_who_json(const WhosWho& whos_who);
nlohmann::json glossary_json(const std::vector<GlossaryEntry>& entries);
nlohmann::json facet_values_json(const schema::Facet& facet, std::string_view prefix,
                                 const std::vector<FacetCount>& values);
nlohmann::json suggestions_json(std::string_view typed, const std::vector<Suggestion>& suggestions);
/// GET /healthz.
nlohmann::json health_json(std::string_view database, std::size_t documents, std::string_view revision);

}  // namespace wm
