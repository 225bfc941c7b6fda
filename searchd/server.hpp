#pragma once
// searchd/ - the daemon: cpp-httplib server, route table, handlers over common/search and
// api/, metrics, the embedded page (web/). A thin shell: no search logic here.
//
// The HTTP shell over one Archive: one route table, CORS, logging, metrics and errors in one
// shape. Everything a request reads is the server's (the archive, the handlers, the error
// reference): nothing of it is global.
#include <httplib.h>

#include <atomic>
#include <string>
#include <vector>

#include "common/index/store.hpp"
#include "common/search/archive.hpp"
#include "searchd/handlers.hpp"
#include "searchd/http_server.hpp"
#include "searchd/metrics.hpp"
#include "searchd/respond.hpp"

namespace wm::searchd {

struct ServerConfig {
    std::string database;
    std::string bind = "127.0.0.1";
    int port = 8080;  ///< 0 picks a free port
    unsigned threads = 4;
    /// Searchers open at once: the searches that run together (others wait for one).
    unsigned searchers = 4;
    std::vector<std::string> cors_origins;  ///< "*" allows any origin
    bool log_requests = true;
    /// A client that sends or reads nothing for this long is disconnected.
    int io_timeout_seconds = 5;
    /// A search past this many seconds answers with what it has, its counts flagged as not
    /// exhaustive (0: no limit).
    double time_budget_seconds = 1.0;
    /// A remote shard that takes longer to connect or to answer one operation is a 503.
    unsigned remote_timeout_ms = kRemoteTimeoutMs;
    /// Where error bodies' links lead (the code is added as the fragment); empty: the error
    /// reference page on the server that answered.
    std::string error_reference_url;
};

/// The largest request body accepted (POST search bodies are a few hundred bytes).
inline constexpr std::size_t kMaxRequestBodyBytes = 64 * 1024;
/// More request headers than this get 431: browsers send about 20.
inline constexpr std::size_t kMaxRequestHeaders = 100;
/// Requests one connection may make before it is closed; fewer means more reconnects.
inline constexpr std::size_t kKeepAliveRequests = 1000;
inline constexpr int kAcceptQueueLength = 1024;

/// Connections the kernel queues for accept(): Debian's cpp-httplib listens with a backlog of
/// 5, so a burst of new connections (clients reconnecting after keep-alive) lost SYNs and
/// waited a second or more for the retransmit.
class SearchServer {
public:
    explicit SearchServer(ServerConfig config);

    /// Binds the socket; returns the port (useful with port 0). Throws on failure.
    int bind();
    /// Serves until stop(); returns false if the server could not run.
    bool serve();
    /// Ends serve(), also when asked before serve() listens: cpp-httplib's stop() does nothing
    /// until its server runs, so a SIGTERM just after start-up was lost and searchd ran on.
    void stop();

private:
    void add_routes();
    void add_cors_headers(const httplib::Request& req, httplib::Response& res) const;
    ServerConfig config_;
    Archive archive_;
    Handlers handlers_;
    ErrorReference error_reference_;
    HttpServer http_;
    Metrics metrics_;
    std::atomic<bool> served_{false};  ///< serve() has returned
};

/// The paths the daemon answers, as documented in openapi.json ("/api/issues/{id}").
std::vector<std::string> route_names();

}  // namespace wm::searchd
