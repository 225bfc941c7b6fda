// The HTTP baseline: cpp-httplib and bare_search, nothing else (no snippets, one facet).
//   bench_bare_http DB PORT
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/benchmark/bare_xapian.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_bare_http DB PORT\n");
        return 2;
    }
    const std::string path = argv[1];
    httplib::Server server;
    // The same pool and TCP_NODELAY as searchd, so the comparison is of the work per request.
    const auto threads = std::max(32u, 4 * std::thread::hardware_concurrency());
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_socket_options([](socket_t sock) {
        int on = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    });
    server.Get("/search", [&](const httplib::Request& req, httplib::Response& res) {
        thread_local std::unique_ptr<Xapian::Database> db;
        if (!db) db = std::make_unique<Xapian::Database>(path);
        db->reopen();
        const auto result = wm::bench::bare_search(*db, req.get_param_value("q"), req.get_param_value("authority"));
        nlohmann::json months = nlohmann::json::object();
        for (const auto& [month, count] : result.months) months[month] = count;
        res.set_content(nlohmann::json{{"total", result.total}, {"hits", result.hits}, {"months", months}}.dump(),
                        "application/json");
    });
    std::printf("bench_bare_http: serving %s on 127.0.0.1:%s\n", path.c_str(), argv[2]);
    std::fflush(stdout);
    return server.listen("127.0.0.1", std::stoi(argv[2])) ? 0 : 1;
}
