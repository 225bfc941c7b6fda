#include "searchd/server.hpp"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <regex>
#include <thread>

#include "api/api_error.hpp"
#include "api/error_reference.hpp"
#include "searchd/respond.hpp"
#include "searchd/static_files.hpp"

namespace wm::searchd {
namespace {

struct Route {
    std::string name;     ///< label in logs and metrics
    std::string pattern;  ///< httplib path regex
    std::function<void(const httplib::Request&, httplib::Response&)> handler;
    std::string method = "GET";
};

using Handler = void (Handlers::*)(const httplib::Request&, httplib::Response&);

// The one route table: every path the daemon answers, with its handler. handlers is null when
// only the names are wanted.
std::vector<Route> route_table(Handlers* handlers, const Metrics& metrics) {
    const auto on = [handlers](Handler handler) {
        return [handlers, handler](const httplib::Request& req, httplib::Response& res) { (handlers->*handler)(req, res); };
    };
    return {
        {"/api/search", "/api/search", on(&Handlers::search)},
        {"/api/search.atom", R"(/api/search\.atom)", on(&Handlers::search_atom)},
        {"/api/suggest", "/api/suggest", on(&Handlers::suggest)},
        {"/api/issues", "/api/issues", on(&Handlers::issues)},
        {"/api/issues/{id}", R"(/api/issues/([A-Za-z0-9_.\-]{1,200}))", on(&Handlers::issue)},
        {"/api/issues/{id}/related", R"(/api/issues/([A-Za-z0-9_.\-]{1,200})/related)", on(&Handlers::related)},
        // Any name, so an unknown facet is invalid_facet (400), as on the entity routes.
        {"/api/facets/{facet}", R"(/api/facets/([^/]{1,100}))", on(&Handlers::facet)},
        // Before the entity page, whose pattern would take "NAME.atom" for a name.
        {"/api/entities/{facet}/{name}.atom", R"(/api/entities/([a-z]{1,20})/([^/]{1,300})\.atom)", on(&Handlers::entity_atom)},
        {"/api/entities/authorities/{name}/people", R"(/api/entities/authorities/([^/]{1,300})/people)", on(&Handlers::whos_who)},
        {"/api/entities/{facet}/{name}", R"(/api/entities/([a-z]{1,20})/([^/]{1,300}))", on(&Handlers::entity)},
        {"/api/glossary", "/api/glossary", on(&Handlers::glossary)},
        {"/healthz", "/healthz", on(&Handlers::healthz)},
        {"/metrics", "/metrics", [handlers, &metrics](const auto& req, auto& res) { handlers->metrics(req, res, metrics); }},
        {"/openapi.json", "/openapi.json", on(&Handlers::openapi)},
        {"/indexes/{uid}/search", R"(/indexes/([A-Za-z0-9_\-]{1,100})/search)", on(&Handlers::meilisearch_search), "POST"},
        {"/indexes/{uid}/facet-search", R"(/indexes/([A-Za-z0-9_\-]{1,100})/facet-search)", on(&Handlers::facet_search), "POST"},
        {"/multi-search", "/multi-search", on(&Handlers::multi_search), "POST"},
        {"/indexes/{uid}/stats", R"(/indexes/([A-Za-z0-9_\-]{1,100})/stats)", on(&Handlers::meilisearch_stats)},
        {"/indexes/{uid}", R"(/indexes/([A-Za-z0-9_\-]{1,100}))", on(&Handlers::meilisearch_index)},
        {"/indexes", "/indexes", on(&Handlers::meilisearch_indexes)},
        {"/health", "/health", on(&Handlers::meilisearch_health)},
        {"/version", "/version", on(&Handlers::meilisearch_version)},
        {"/", "/", [](const auto&, auto& res) { serve_static("index.html", res); }},
        {"/app.js", "/app.js", [](const auto&, auto& res) { serve_static("app.js", res); }},
        {"/{module}.js", R"(/(words|suggest|facets|reader|charts|panel|recent)\.js)",
         [](const auto& req, auto& res) { serve_static(req.matches[1].str() + ".js", res); }},
        {"/style.css", "/style.css", [](const auto&, auto& res) { serve_static("style.css", res); }},
        {"/widget.js", "/widget.js", [](const auto&, auto& res) { serve_static("widget.js", res); }},
        {std::string(kErrorReferencePath), std::string(kErrorReferencePath),
         [](const auto&, auto& res) { serve_content("errors.html", error_reference_page(), res); }},
    };
}

// A request line as sent may hold control characters (an unparsed request, a decoded %0a),
// which must not forge log lines.
std::string printable(std::string text) {
    for (auto& c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    return text;
}

}  // namespace

SearchServer::SearchServer(ServerConfig config)
    : config_(std::move(config)),
      archive_(config_.database, {config_.searchers, config_.remote_timeout_ms}),
      handlers_(archive_, config_.time_budget_seconds) {
    const unsigned threads = std::max(1u, config_.threads);
    http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // cpp-httplib's own limits (URI 8 KiB, each header line 8 KiB) are built into Debian's
    // library; these are the ones it lets us set.
    http_.set_read_timeout(config_.io_timeout_seconds, 0);
    http_.set_write_timeout(config_.io_timeout_seconds, 0);
    http_.set_keep_alive_timeout(config_.io_timeout_seconds);
    http_.set_keep_alive_max_count(kKeepAliveRequests);
    http_.set_payload_max_length(kMaxRequestBodyBytes);
    // Without it every response waits on Nagle's algorithm and delayed ACKs (~40 ms).
    http_.set_tcp_nodelay(true);
    add_routes();
}

void SearchServer::add_cors_headers(const httplib::Request& req, httplib::Response& res) const {
    const auto origin = req.get_header_value("Origin");
    if (origin.empty()) return;
    const auto& allowed = config_.cors_origins;
    const bool any = std::find(allowed.begin(), allowed.end(), "*") != allowed.end();
    if (!any && std::find(allowed.begin(), allowed.end(), origin) == allowed.end()) return;
    res.set_header("Access-Control-Allow-Origin", any ? "*" : origin);
    res.set_header("Vary", "Origin");
}

void SearchServer::add_routes() {
    const auto routes = route_table(&handlers_, metrics_);
    struct KnownRoute {
        std::regex pattern;
        std::string name, method;
    };
    auto known = std::make_shared<std::vector<KnownRoute>>();
    for (const auto& route : routes) {
        known->push_back({std::regex(route.pattern), route.name, route.method});
        if (route.method == "POST") http_.Post(route.pattern, route.handler);
        else http_.Get(route.pattern, route.handler);
    }
    const auto find_route = [known](const std::string& path) -> const KnownRoute* {
        for (const auto& route : *known)
            if (std::regex_match(path, route.pattern)) return &route;
        return nullptr;
    };
    const auto route_name = [find_route](const std::string& path) -> std::string {
        const auto* route = find_route(path);
        return route ? route->name : "";
    };

    http_.set_pre_routing([this, find_route](const httplib::Request& req, httplib::Response& res) {
        add_cors_headers(req, res);
        if (req.headers.size() > kMaxRequestHeaders) {
            send_error(req, res, error_reference_, ErrorCode::too_many_headers, "at most " + std::to_string(kMaxRequestHeaders) + " request headers are allowed");
            return httplib::Server::HandlerResponse::Handled;
        }
        const auto* route = find_route(req.path);
        if (!route) {
            send_error(req, res, error_reference_, ErrorCode::not_found, "no such path: " + req.path);
            return httplib::Server::HandlerResponse::Handled;
        }
        const auto allowed = route->method + ", OPTIONS";
        if (req.method == "OPTIONS") {  // CORS preflight
            res.status = 204;
            res.set_header("Access-Control-Allow-Methods", allowed);
            res.set_header("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Meilisearch-Client");
            res.set_header("Access-Control-Max-Age", "600");
            return httplib::Server::HandlerResponse::Handled;
        }
        const bool head_of_get = req.method == "HEAD" && route->method == "GET";
        if (req.method != route->method && !head_of_get) {
            res.set_header("Allow", allowed);
            send_error(req, res, error_reference_, ErrorCode::method_not_allowed, req.method + " is not allowed on " + route->name);
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    }, error_reference_);
    http_.set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
        send_error(req, res, error_reference_, error);
    });
    http_.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;  // already an API error
        if (!current_request_start().parsed) {
            // Where its head ended is unknown, so the connection ends after this answer.
            res.set_header("Connection", "close");
            const auto code = res.status == 400 ? ErrorCode::malformed_request : error_code_for_status(res.status);
            send_error(req, res, error_reference_, code, "not a valid HTTP request");
            return;
        }
        send_error(req, res, error_reference_, error_code_for_status(res.status),
                   "the request could not be served (" + req.method + " " + req.path + ")");
    });
    http_.set_logger([this, route_name](const httplib::Request& req, const httplib::Response& res) {
        // A request cpp-httplib could not parse has no method or path: the request line as sent
        // stands in for them, and its duration runs from its first byte as for any other.
        const auto start = current_request_start();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start.at).count();
        const auto route = route_name(req.path);
        metrics_.record(route.empty() ? "other" : route, res.status, ms);
        if (config_.log_requests)
            std::fprintf(stderr, "%s %s %d %.1fms\n", printable(req.method.empty() ? start.method : req.method).c_str(),
                         printable(req.path.empty() ? start.target : req.path).c_str(), res.status, ms);
    });
}

int SearchServer::bind() {
    int port = config_.port;
    if (port == 0) {
        port = http_.bind_to_any_port(config_.bind);
        if (port <= 0) throw std::runtime_error("cannot bind to " + config_.bind);
    } else if (!http_.bind_to_port(config_.bind, port)) {
        throw std::runtime_error("cannot bind to " + config_.bind + ":" + std::to_string(port) +
                                 " (in use, or not an address of this machine)");
    }
    http_.widen_accept_queue(kAcceptQueueLength);
    error_reference_ = ErrorReference(config_.error_reference_url, "http://" + config_.bind + ":" + std::to_string(port));
    return port;
}

std::vector<std::string> route_names() {
    const Metrics unused;
    std::vector<std::string> names;
    for (const auto& route : route_table(nullptr, unused)) names.push_back(route.name);
    return names;
}

bool SearchServer::serve() {
    const bool served = http_.listen_after_bind();
    served_ = true;
    return served;
}

void SearchServer::stop() {
    while (!http_.is_running() && !served_) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    http_.stop();
}

}  // namespace wm::searchd
