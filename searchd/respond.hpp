#pragma once
// Writing answers onto cpp-httplib responses: JSON bodies and API errors.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <exception>
#include <string>

#include "api/api_error.hpp"

namespace wm::searchd {

void send_json(httplib::Response& res, const nlohmann::json& body);
/// An answer already written as JSON (api/search_json).
void send_json_text(httplib::Response& res, const std::string& body);
void send_error(httplib::Response& res, const ApiError& error);
void send_error(httplib::Response& res, ErrorCode code, const std::string& message);
void send_error(httplib::Response& res, std::exception_ptr error);

}  // namespace wm::searchd
