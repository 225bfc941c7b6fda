#include "searchd/respond.hpp"

#include <algorithm>
#include <cctype>

#include "api/error_reference.hpp"

namespace wm::searchd {
namespace {

bool is_port(std::string_view text) {
    return !text.empty() && text.size() <= 5 &&
           std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// A Host header is the client's to write: only a host name, an IPv4 or a bracketed IPv6
// address, with an optional port, is put into a link (nothing that could end the URL's
// authority, such as '/', '@' or '#', nor anything HTML or JSON would need escaped).
bool is_safe_host(std::string_view host) {
    if (host.empty() || host.size() > 260) return false;
    std::string_view name = host;
    if (host.front() == '[') {
        const auto close = host.find(']');
        if (close == std::string_view::npos) return false;
        const auto inside = host.substr(1, close - 1);
        if (inside.empty() || !std::all_of(inside.begin(), inside.end(),
                                           [](unsigned char c) { return std::isxdigit(c) || c == ':' || c == '.'; }))
            return false;
        const auto rest = host.substr(close + 1);
        return rest.empty() || (rest.front() == ':' && is_port(rest.substr(1)));
    }
    if (const auto colon = host.find(':'); colon != std::string_view::npos) {
        if (!is_port(host.substr(colon + 1))) return false;
        name = host.substr(0, colon);
    }
    return !name.empty() &&
           std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '-'; });
}

}  // namespace

std::string ErrorReference::url(const httplib::Request& req) const {
    if (!configured_url_.empty()) return configured_url_;
    const auto host = req.get_header_value("Host");
    if (!is_safe_host(host)) return fallback_origin_ + std::string(kErrorReferencePath);
    const auto scheme = req.get_header_value("X-Forwarded-Proto") == "https" ? "https" : "http";
    return std::string(scheme) + "://" + host + std::string(kErrorReferencePath);
}

void send_json(httplib::Response& res, const nlohmann::json& body) {
    // A message may echo the request (an invalid UTF-8 path), which must not stop the answer.
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void send_json_text(httplib::Response& res, const std::string& body) { res.set_content(body, "application/json"); }

namespace {

void send(httplib::Response& res, const ApiError& error) {
    res.status = error.status;
    send_json(res, error.body);
}

}  // namespace

void send_error(const httplib::Request& req, httplib::Response& res, const ErrorReference& reference, ErrorCode code,
                const std::string& message) {
    send(res, api_error(code, message, reference.url(req)));
}

void send_error(const httplib::Request& req, httplib::Response& res, const ErrorReference& reference,
                std::exception_ptr error) {
    send(res, api_error(error, reference.url(req)));
}

}  // namespace wm::searchd
