// Hostile HTTP against the real searchd: every bad request gets a JSON answer or is cut off by a
// timeout, the process stays up with bounded memory, and nothing but its own assets is readable.
#include <catch2/catch.hpp>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>
#include <tuple>
#include <vector>

#include "test_support.hpp"

using namespace wm::test;
using nlohmann::json;

namespace {

struct RawReply {
    std::string bytes;  ///< the server's first response, or what it sent before closing (or the timeout)
    bool closed = false;
    double seconds = 0;
    int status() const { return bytes.rfind("HTTP/1.1 ", 0) == 0 ? std::stoi(bytes.substr(9, 3)) : 0; }
    /// The first response's body (a keep-alive connection may carry more responses after it).
    std::string body() const {
        const auto end = bytes.find("\r\n\r\n");
        if (end == std::string::npos) return "";
        const auto length = content_length(end);
        return bytes.substr(end + 4, length ? *length : std::string::npos);
    }
    bool complete() const {
        const auto end = bytes.find("\r\n\r\n");
        if (end == std::string::npos) return false;
        const auto length = content_length(end);
        return !length || bytes.size() - end - 4 >= *length;
    }

private:
    std::optional<std::size_t> content_length(std::size_t header_end) const {
        const auto at = bytes.find("Content-Length: ");
        if (at == std::string::npos || at > header_end) return std::nullopt;
        return std::stoul(bytes.substr(at + 16));
    }
};

int connect_loopback(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    return fd;
}

// Sends the pieces as they are (a client that does not follow the rules), each in its own
// write a moment after the last (so each comes in its own packet, as a body sent after its head
// does), then reads until the server closes the connection, the timeout passes, or (when
// first_only) a whole first response has come.
RawReply send_pieces(int port, const std::vector<std::string>& pieces, double timeout_seconds, bool first_only) {
    const auto started = std::chrono::steady_clock::now();
    const int fd = connect_loopback(port);
    for (const auto& piece : pieces) {
        if (&piece != &pieces.front()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        for (std::size_t sent = 0; sent < piece.size();) {
            const auto n = send(fd, piece.data() + sent, piece.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) break;  // the server stopped reading: what it answered is still there to read
            sent += static_cast<std::size_t>(n);
        }
    }
    RawReply reply;
    char buffer[16384];
    for (;;) {
        const auto left = timeout_seconds - std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        pollfd readable{fd, POLLIN, 0};
        if (left <= 0 || poll(&readable, 1, static_cast<int>(left * 1000)) <= 0) break;
        const auto n = recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            reply.closed = true;
            break;
        }
        reply.bytes.append(buffer, static_cast<std::size_t>(n));
        if (first_only && reply.complete()) break;
    }
    close(fd);
    reply.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return reply;
}

RawReply send_raw(int port, const std::string& request, double timeout_seconds = 15) {
    return send_pieces(port, {request}, timeout_seconds, true);
}

std::string get_request(const std::string& target, const std::string& extra_headers = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra_headers + "\r\n";
}

// A JSON answer: an error in Meilisearch's shape, or a result.
void require_json_answer(const RawReply& reply) {
    INFO(reply.bytes.substr(0, 400));
    REQUIRE(reply.status() != 0);
    const auto body = json::parse(reply.body());
    if (reply.status() >= 400) {
        CHECK(body.contains("message"));
        CHECK(body.contains("code"));
        CHECK(body.contains("type"));
    }
}

bool healthy(int port) {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(5, 0);
    const auto res = client.Get("/healthz");
    return res && res->status == 200;
}

long resident_kib(int pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

const std::string& database() {
    static TempDir dir;
    static const std::string path = [] {
        const auto db = dir / "db";
        REQUIRE(index_into(db, {WM_CORPUS_DIR}).exit_code == 0);
        return db;
    }();
    return path;
}

}  // namespace

TEST_CASE("hostile requests each get a JSON answer and searchd stays up", "[searchd][hostile]") {
    SearchdProcess server(database(), {"--quiet"});
    const int port = server.port();

    SECTION("overlong URL") {
        const auto reply = send_raw(port, get_request("/api/search?q=" + std::string(100000, 'a')));
        require_json_answer(reply);
        CHECK(reply.status() == 414);
    }
    SECTION("overlong header") {
        const auto reply = send_raw(port, get_request("/api/search?q=care", "X-Long: " + std::string(100000, 'b') + "\r\n"));
        CHECK((reply.status() == 400 || reply.status() == 431));
        require_json_answer(reply);
    }
    SECTION("thousands of headers") {
        std::string headers;
        for (int i = 0; i < 5000; ++i) headers += "X-H" + std::to_string(i) + ": v\r\n";
        const auto reply = send_raw(port, get_request("/api/search?q=care", headers));
        require_json_answer(reply);
        CHECK(reply.status() == 431);
    }
    SECTION("thousands of parameters") {
        std::string target = "/api/search?q=care";
        for (int i = 0; i < 700; ++i) target += "&p" + std::to_string(i) + "=1";
        const auto reply = send_raw(port, get_request(target));
        require_json_answer(reply);
        CHECK(reply.status() == 400);
        std::string repeated = "/api/search?";
        for (int i = 0; i < 1500; ++i) repeated += "q=a&";
        require_json_answer(send_raw(port, get_request(repeated)));
    }
    SECTION("invalid percent-encoding, invalid UTF-8 and NUL bytes") {
        for (const char* target : {"/api/search?q=%zz%", "/api/search?q=%", "/api/search?q=%ff%fe%fd",
                                   "/api/search?q=care%00leaver", "/api/suggest?q=%c3", "/api/facets/%ff",
                                   "/api/entities/people/%ff%00", "/api/issues/%c0%af", "/%ff%fe"}) {
            INFO(target);
            require_json_answer(send_raw(port, get_request(target)));
        }
        // A raw NUL and raw invalid UTF-8 in the request line itself.
        require_json_answer(send_raw(port, get_request(std::string("/api/search?q=a\0b", 17))));
        require_json_answer(send_raw(port, get_request("/api/search?q=\xff\xfe")));
    }
    SECTION("deeply nested query syntax") {
        for (const int depth : {400, 5000}) {
            const auto q = std::string(static_cast<std::size_t>(depth), '(') + "care" + std::string(static_cast<std::size_t>(depth), ')');
            const auto reply = send_raw(port, get_request("/api/search?q=" + httplib::detail::encode_query_param(q)));
            require_json_answer(reply);
            CHECK(reply.seconds < 5);
        }
        const auto operators = std::string("care") + [] {
            std::string s;
            for (int i = 0; i < 150; ++i) s += " AND NOT (leaver OR";
            return s;
        }();
        require_json_answer(send_raw(port, get_request("/api/search?q=" + httplib::detail::encode_query_param(operators))));
    }
    SECTION("wildcards and partial words cannot expand to every term") {
        for (const char* q : {"*", "a*", "c", "title:*", "\"*\""}) {
            const auto reply = send_raw(port, get_request("/api/search?q=" + httplib::detail::encode_query_param(q)));
            require_json_answer(reply);
            CHECK(reply.seconds < 5);
        }
    }
    SECTION("huge page numbers") {
        const auto over = send_raw(port, get_request("/api/search?q=care&page=99999999999999999999"));
        require_json_answer(over);
        CHECK(over.status() == 400);
        const auto last = send_raw(port, get_request("/api/search?q=care&page=10000&per_page=100"));
        require_json_answer(last);
        CHECK(last.status() == 200);
        CHECK(json::parse(last.body())["hits"].empty());
    }
    SECTION("request bodies on GET and oversized bodies") {
        const auto small = send_raw(port, "GET /api/search?q=care HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                          "Content-Length: 11\r\n\r\nhello world");
        require_json_answer(small);
        CHECK(small.status() == 200);
        const auto huge = send_raw(port, "GET /api/search?q=care HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                         "Content-Length: 1000000000\r\n\r\n" + std::string(70000, 'x'));
        require_json_answer(huge);  // cpp-httplib never reads a GET's body
        CHECK(huge.status() == 200);
        const auto post = send_raw(port, "POST /multi-search HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                         "Content-Type: application/json\r\nContent-Length: 200000\r\n\r\n" +
                                             std::string(200000, '['));
        require_json_answer(post);
        CHECK(post.status() == 413);
        // A POST announcing more than the limit is refused before a byte of its body is read,
        // not after cpp-httplib has waited out its read timeout for the rest.
        const auto announced = send_raw(port, "POST /multi-search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                              "Content-Length: 1000000000\r\n\r\n{}", 10);
        require_json_answer(announced);
        CHECK(announced.status() == 413);
        CHECK(announced.bytes.find("Connection: close") != std::string::npos);
        CHECK(announced.seconds < 4);
        const auto nested = send_raw(port, "POST /multi-search HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                           "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n" +
                                               std::string(60000, '['));
        require_json_answer(nested);
        CHECK(nested.status() == 400);
    }
    SECTION("garbage instead of HTTP") {
        for (const std::string& garbage : {std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11),
                                          std::string("GET\r\n\r\n"), std::string(20000, '\n'),
                                          std::string("GET / HTTP/9.9\r\n\r\n")}) {
            const auto reply = send_raw(port, garbage, 8);
            if (reply.status() != 0) require_json_answer(reply);
        }
    }
    CHECK(healthy(port));
}

TEST_CASE("nothing outside the served assets is readable", "[searchd][hostile]") {
    SearchdProcess server(database(), {"--quiet"});
    for (const char* target :
         {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/app.js/../../../etc/passwd",
          "/api/issues/..%2f..%2f..%2fetc%2fpasswd", "/api/issues/../../etc/passwd", "/api/issues/..",
          "/api/issues/%2e%2e", "/api/issues/..%5c..%5cetc%5cpasswd", "/static/../CMakeLists.txt",
          "/api/entities/people/..%2f..%2fetc%2fpasswd", "/.git/config", "/CMakeLists.txt",
          "//etc/passwd", "/api/issues/000_0ade5a7af2cbefc2/../../../etc/passwd"}) {
        INFO(target);
        const auto reply = send_raw(server.port(), get_request(target));
        require_json_answer(reply);
        CHECK(reply.status() == 404);
        CHECK(reply.bytes.find("root:") == std::string::npos);
        CHECK(reply.bytes.find("cmake_minimum_required") == std::string::npos);
        CHECK(reply.bytes.find("/tmp/") == std::string::npos);  // no file paths in answers
    }
}

TEST_CASE("slow clients are cut off by timeouts while others are served", "[searchd][hostile]") {
    SearchdProcess server(database(), {"--quiet"});  // four worker threads
    const int port = server.port();
    // Two clients that send half a request and then nothing.
    std::vector<std::thread> slow;
    std::vector<RawReply> slow_replies(2);
    for (std::size_t i = 0; i < slow_replies.size(); ++i)
        slow.emplace_back([&, i] { slow_replies[i] = send_raw(port, "GET /api/search?q=care HTTP/1.1\r\nHost: x\r\n", 20); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto started = std::chrono::steady_clock::now();
    CHECK(healthy(port));
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
    for (auto& thread : slow) thread.join();
    for (const auto& reply : slow_replies) {
        // The server answers 400 or hangs up after its 5 s read timeout, not never.
        CHECK((reply.closed || reply.status() == 400));
        if (reply.status() != 0) require_json_answer(reply);
        CHECK(reply.seconds > 4);
        CHECK(reply.seconds < 12);
    }
    CHECK(healthy(port));
}

// Under AddressSanitizer freed memory waits in a quarantine (256 MiB by default) before reuse, so
// searchd's resident size grows by up to that much without a leak; LeakSanitizer checks leaks there.
#if defined(__SANITIZE_ADDRESS__)
constexpr long kAsanQuarantineKib = 256 * 1024;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr long kAsanQuarantineKib = 256 * 1024;
#else
constexpr long kAsanQuarantineKib = 0;
#endif
#else
constexpr long kAsanQuarantineKib = 0;
#endif

TEST_CASE("memory stays bounded under a battery of bad requests", "[searchd][hostile]") {
    SearchdProcess server(database(), {"--quiet"});
    const int port = server.port();
    CHECK(healthy(port));
    for (int round = 0; round < 200; ++round) {
        send_raw(port, get_request("/api/search?q=" + std::string(9000, 'a')), 5);
        send_raw(port, "POST /multi-search HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                       "Content-Length: 60000\r\n\r\n" + std::string(60000, '{'), 5);
        std::string headers;
        for (int i = 0; i < 200; ++i) headers += "X-H" + std::to_string(i) + ": " + std::string(100, 'v') + "\r\n";
        send_raw(port, get_request("/api/search?q=care", headers), 5);
    }
    CHECK(healthy(port));
    const auto kib = resident_kib(server.pid());
    INFO("resident " << kib << " KiB");
    CHECK(kib > 0);
    CHECK(kib < 150 * 1024 + kAsanQuarantineKib);
}

namespace {

struct ParsedResponse {
    int status = 0;
    std::string headers, body;
    bool closes() const { return headers.find("\r\nConnection: close\r\n") != std::string::npos; }
};

// Splits what a connection carried into responses: heads end at a blank line and bodies are
// as long as their Content-Length (searchd never chunks responses). `methods` names the
// request each response answers, since a HEAD response has a Content-Length but no body.
std::vector<ParsedResponse> split_responses(const std::string& bytes, const std::vector<std::string>& methods) {
    std::vector<ParsedResponse> responses;
    for (std::size_t at = 0; at < bytes.size();) {
        const auto head_end = bytes.find("\r\n\r\n", at);
        if (head_end == std::string::npos || bytes.compare(at, 9, "HTTP/1.1 ") != 0) break;
        ParsedResponse response;
        response.status = std::stoi(bytes.substr(at + 9, 3));
        response.headers = bytes.substr(at, head_end + 2 - at);
        const auto length_at = response.headers.find("\r\nContent-Length: ");
        const bool head = responses.size() < methods.size() && methods[responses.size()] == "HEAD";
        const std::size_t length = length_at == std::string::npos || head ? 0 : std::stoul(response.headers.substr(length_at + 18));
        response.body = bytes.substr(head_end + 4, length);
        responses.push_back(response);
        at = head_end + 4 + length;
    }
    return responses;
}

// Reads until the server closes the connection: the last request asks it to.
RawReply send_until_closed(int port, const std::vector<std::string>& pieces) { return send_pieces(port, pieces, 15, false); }

// A whole request: what a body must never become.
const std::string kSmuggled = "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n";
// Asks for the connection to end, so a reader knows when everything has been answered.
const std::string kLastRequest = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

std::string chunk(const std::string& data) {
    char size[20];
    std::snprintf(size, sizeof size, "%zx\r\n", data.size());
    return size + data + "\r\n";
}

bool is_health(const ParsedResponse& response) {
    return response.status == 200 && response.body.find("\"status\":\"ok\"") != std::string::npos;
}

bool is_metrics(const ParsedResponse& response) {
    return response.body.find("searchd_requests_total") != std::string::npos;
}

}  // namespace

TEST_CASE("a request body never runs as a request, whatever the method, route or framing", "[searchd][hostile][smuggling]") {
    SearchdProcess server(database(), {"--quiet"});
    const int port = server.port();
    // Every route class: a GET route, the POST routes, an unknown path, a wrong method, a preflight.
    const std::vector<std::pair<std::string, std::string>> requests = {
        {"GET", "/api/search?q=care"}, {"HEAD", "/api/search?q=care"}, {"OPTIONS", "/api/search"},
        {"POST", "/api/search?q=care"}, {"PATCH", "/api/search"}, {"DELETE", "/api/search"},
        {"PUT", "/api/search"}, {"POST", "/multi-search"}, {"PATCH", "/multi-search"},
        {"DELETE", "/multi-search"}, {"OPTIONS", "/multi-search"}, {"GET", "/multi-search"},
        {"POST", "/indexes/issues/search"}, {"POST", "/no/such/path"}, {"GET", "/no/such/path"},
        {"DELETE", "/no/such/path"}, {"OPTIONS", "/no/such/path"}, {"BREW", "/api/search"}};
    // Each framing: the headers that end the head, then the body.
    const std::vector<std::tuple<std::string, std::string, std::string>> framings = {
        {"Content-Length", "Content-Length: " + std::to_string(kSmuggled.size()) + "\r\n\r\n", kSmuggled},
        {"Content-Length one short", "Content-Length: " + std::to_string(kSmuggled.size() - 1) + "\r\n\r\n", kSmuggled},
        {"chunked", "Transfer-Encoding: chunked\r\n\r\n", chunk(kSmuggled) + "0\r\n\r\n"},
        {"chunked in two chunks", "Transfer-Encoding: chunked\r\n\r\n", chunk("GET ") + chunk(kSmuggled.substr(4)) + "0\r\n\r\n"},
        {"Content-Length and chunked", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", chunk(kSmuggled) + "0\r\n\r\n"},
        {"two Content-Lengths", "Content-Length: 0\r\nContent-Length: " + std::to_string(kSmuggled.size()) + "\r\n\r\n", kSmuggled},
    };
    for (const auto& [method, target] : requests) {
        for (const auto& [framing, head_end, body] : framings) {
            const auto head = method + " " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + head_end;
            for (const auto& pieces : {std::vector<std::string>{head + body + kLastRequest}, std::vector<std::string>{head, body, kLastRequest}}) {
                INFO(method << " " << target << " with a body framed by " << framing << " in " << pieces.size() << " writes");
                const auto reply = send_until_closed(port, pieces);
                INFO(reply.bytes.substr(0, 2000));
                CHECK(reply.closed);
                const auto responses = split_responses(reply.bytes, {method, "GET"});
                REQUIRE(!responses.empty());
                for (const auto& response : responses) CHECK_FALSE(is_metrics(response));
                // The request is answered, then either the next one is too (the body was read
                // and thrown away), or an answer said the connection ends (the body could not be
                // skipped, or what followed it was not a request).
                CHECK(responses.size() <= 2);
                if (!is_health(responses.back())) CHECK(responses.back().closes());
            }
        }
    }
    CHECK(healthy(port));
}

TEST_CASE("pipelined requests are answered in order", "[searchd][hostile][smuggling]") {
    SearchdProcess server(database(), {"--quiet"});
    const int port = server.port();
    const std::string search_body = R"({"q":"care","limit":1})";
    const auto reply = send_until_closed(
        port, {"GET /api/search?q=care&per_page=1 HTTP/1.1\r\nHost: x\r\n\r\n"
              "POST /indexes/issues/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                  std::to_string(search_body.size()) + "\r\n\r\n" + search_body +
                  "GET /no/such/path HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(kSmuggled.size()) + "\r\n\r\n" + kSmuggled +
                  "HEAD /openapi.json HTTP/1.1\r\nHost: x\r\n\r\n"
                  "POST /multi-search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\r\n" + kLastRequest});
    INFO(reply.bytes.substr(0, 3000));
    CHECK(reply.closed);
    CHECK(reply.seconds < 5);  // no request waits for a read timeout
    const auto responses = split_responses(reply.bytes, {"GET", "POST", "GET", "HEAD", "POST", "GET"});
    REQUIRE(responses.size() == 6);
    CHECK(responses[0].status == 200);
    CHECK(json::parse(responses[0].body).contains("hits"));
    CHECK(responses[1].status == 200);
    CHECK(json::parse(responses[1].body)["query"] == "care");
    CHECK(responses[2].status == 404);
    CHECK(responses[3].status == 200);
    CHECK(responses[4].status == 400);  // a POST without Content-Length has an empty body
    CHECK(is_health(responses[5]));
}

namespace {

// The log line ending in " STATUS N.Nms": its method and path, and the milliseconds.
std::optional<std::pair<std::string, double>> logged(const std::string& log, int status) {
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
        const auto at = line.rfind(" " + std::to_string(status) + " ");
        if (at == std::string::npos || !line.ends_with("ms")) continue;
        return std::make_pair(line.substr(0, at), std::stod(line.substr(at + 5)));
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("a request cpp-httplib cannot parse is logged with what was sent, its true duration, and counted", "[searchd][hostile][logs]") {
    SearchdProcess server(database());
    const int port = server.port();
    CHECK(healthy(port));
    // A duration measured from an earlier request (as it was) would now be over a second.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK(send_raw(port, get_request("/api/search?q=" + std::string(10000, 'a'))).status() == 414);
    CHECK(send_raw(port, "BREW /api/search HTTP/1.1\r\nHost: x\r\n\r\n").status() == 400);
    std::string metrics;
    CHECK(wait_until([&] {
        httplib::Client client("127.0.0.1", port);
        const auto reply = client.Get("/metrics");
        metrics = reply ? reply->body : "";
        return metrics.find("route=\"other\",status=\"400\"") != std::string::npos;
    }, 10));
    INFO(metrics);
    CHECK(metrics.find("searchd_requests_total{route=\"other\",status=\"414\"} 1\n") != std::string::npos);
    CHECK(metrics.find("searchd_requests_total{route=\"other\",status=\"400\"} 1\n") != std::string::npos);
    const std::string sum = "searchd_request_duration_seconds_sum{route=\"other\"} ";
    const auto sum_at = metrics.find(sum);
    REQUIRE(sum_at != std::string::npos);
    CHECK(std::stod(metrics.substr(sum_at + sum.size())) < 1.0);

    const auto log = server.log();
    INFO(log);
    const auto too_long = logged(log, 414);
    REQUIRE(too_long);
    CHECK(too_long->first.starts_with("GET /api/search?q=aaaa"));
    CHECK(too_long->first.size() < 300);  // the start of the target, not 10 KB of it
    CHECK(too_long->second < 1000);
    const auto unparsed = logged(log, 400);
    REQUIRE(unparsed);
    CHECK(unparsed->first == "BREW /api/search");
    CHECK(unparsed->second < 1000);
}
