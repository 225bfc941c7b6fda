// searchd: answers faceted search queries over the wmsearch index as JSON.
#include <CLI/CLI.hpp>
#include <xapian.h>

#include <malloc.h>

#include <csignal>
#include <iostream>
#include <thread>

#include "common/index/default_database.hpp"
#include "searchd/server.hpp"

int main(int argc, char** argv) {
    wm::searchd::ServerConfig config;
    config.database = wm::default_database_path();
    // cpp-httplib gives each open connection a thread until it closes or idles out, so the pool
    // must cover the keep-alive connections of a busy website (and a 64-connection load), not
    // just the cores. An idle thread holds no searcher: they are borrowed per request.
    config.threads = std::max(128u, 4 * std::thread::hardware_concurrency());
    bool quiet = false;
    bool list_routes = false;

    CLI::App app{"searchd: faceted search over the Regional Update archive, as JSON over HTTP (read-only)"};
    app.set_version_flag("--version", "wmsearch searchd 0.1.0");
    app.add_option("--db", config.database, "Xapian database (default: $WMSEARCH_DB or the checkout's var/wmsearch.db)")
        ->default_str(config.database);
    app.add_option("--bind", config.bind, "Address to listen on")->capture_default_str();
    app.add_option("--port", config.port, "Port to listen on (0 picks a free one and prints it)")
        ->capture_default_str()->check(CLI::Range(0, 65535));
    app.add_option("--threads", config.threads, "Worker threads")->capture_default_str()->check(CLI::Range(1u, 256u));
    config.searchers = std::max(8u, 4 * std::thread::hardware_concurrency());
    app.add_option("--searchers", config.searchers,
                   "Searches run at once (each holds its own open database); more wait for one")
        ->capture_default_str()->check(CLI::Range(1u, 256u));
    app.add_option("--time-budget", config.time_budget_seconds,
                   "Seconds a search may take; past them it answers with the page and counts so far, flagged "
                   "total_is_exact/facets_exhaustive false (0: no limit)")
        ->capture_default_str()->check(CLI::Range(0.0, 3600.0));
    app.add_option("--cors-origin", config.cors_origins,
                   "Origin allowed to call the API from a browser (repeatable; * for any)");
    app.add_option("--remote-timeout", config.remote_timeout_ms,
                   "Milliseconds a remote shard (a stub file's `remote HOST:PORT` line) may take to connect "
                   "or to answer one operation before the request is a 503")
        ->capture_default_str()->check(CLI::Range(1u, 600000u));
    app.add_option("--error-reference-url", config.error_reference_url,
                   "Address of the error reference that error bodies link to, #CODE added (default: /errors on "
                   "the server that answered, from the request's Host)");
    app.add_flag("-q,--quiet", quiet, "Do not log each request");
    app.add_flag("--list-routes", list_routes, "Print the paths the daemon answers and exit");
    CLI11_PARSE(app, argc, argv);
    config.log_requests = !quiet;
    if (list_routes) {
        for (const auto& route : wm::searchd::route_names()) std::cout << route << '\n';
        return 0;
    }

    // glibc gives threads up to 8 malloc arenas per core, each keeping freed memory of its own:
    // with a worker per connection that held a quarter of the resident size at 20,000 issues
    // (measured 104 -> 78 MiB after 64 connections); threads beyond the cores gain nothing from more.
    mallopt(M_ARENA_MAX, static_cast<int>(std::max(2u, std::thread::hardware_concurrency())));

    // SIGINT/SIGTERM are taken by one thread that stops the server; worker threads never see them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    try {
        wm::searchd::SearchServer server(config);
        const int port = server.bind();
        std::cerr << "searchd: serving " << config.database << " on http://" << config.bind << ":" << port << "/\n";
        std::thread stopper([&] {
            int signal = 0;
            sigwait(&stop_signals, &signal);
            std::cerr << "searchd: stopping (signal " << signal << ")\n";
            server.stop();
        });
        const bool served = server.serve();
        if (stopper.joinable()) {
            pthread_kill(stopper.native_handle(), SIGTERM);  // wakes it when serve() ended by itself
            stopper.join();
        }
        return served ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "searchd: " << e.what() << '\n';
        return 2;
    } catch (const Xapian::Error& e) {
        std::cerr << "searchd: " << e.get_description() << '\n';
        return 2;
    }
}
