#include "searchd/static_files.hpp"

#include <string>

#include "searchd/openapi.hpp"

namespace wm::searchd {
namespace {

std::string content_type(std::string_view name) {
    if (name.ends_with(".html")) return "text/html; charset=utf-8";
    if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
    if (name.ends_with(".css")) return "text/css; charset=utf-8";
    return "application/octet-stream";
}

}  // namespace

void serve_static(std::string_view name, httplib::Response& res) { serve_content(name, searchd_file(name), res); }

void serve_content(std::string_view name, std::string_view content, httplib::Response& res) {
    // The files change only with the binary; revalidating is cheap and never serves a stale page.
    res.set_header("Cache-Control", "no-cache");
    res.set_header("X-Content-Type-Options", "nosniff");
    if (name.ends_with(".html")) {
        res.set_header("Content-Security-Policy",
                       "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'self'");
        res.set_header("Referrer-Policy", "same-origin");
    }
    res.set_content(std::string(content), content_type(name));
}

}  // namespace wm::searchd
