#pragma once
// Writing answers onto cpp-httplib responses: JSON bodies, pages, and API errors, whose links
// lead to the error reference page.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <exception>
#include <string>
#include <utility>

#include "api/api_error.hpp"

namespace wm::searchd {

/// Where error bodies' links lead.
class ErrorReference {
public:
    /// configured_url: the operator's (--error-reference-url), used as given; when empty, the
    /// reference page on the server that answered, from the request's Host (X-Forwarded-Proto:
    /// https for the scheme behind a proxy), else fallback_origin ("http://127.0.0.1:8080").
    ErrorReference(std::string configured_url = {}, std::string fallback_origin = {})
        : configured_url_(std::move(configured_url)), fallback_origin_(std::move(fallback_origin)) {}
    /// The error reference page's address for an answer to req.
    std::string url(const httplib::Request& req) const;

private:
    std::string configured_url_, fallback_origin_;
};

void send_json(httplib::Response& res, const nlohmann::json& body);
/// An answer already written as JSON (api/search_json).
void send_json_text(httplib::Response& res, const std::string& body);
void send_error(const httplib::Request& req, httplib::Response& res, const ErrorReference& reference, ErrorCode code,
                const std::string& message);
void send_error(const httplib::Request& req, httplib::Response& res, const ErrorReference& reference,
                std::exception_ptr error);

}  // namespace wm::searchd
