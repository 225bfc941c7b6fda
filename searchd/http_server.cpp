#include "searchd/http_server.hpp"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "searchd/respond.hpp"

namespace wm::searchd {
namespace {

/// A 414's target is over 8 KiB; the log keeps its start.
constexpr std::size_t kLoggedTargetBytes = 200;
/// While idle between requests, how often a connection checks whether the server is stopping.
constexpr int kIdleSliceMs = 50;

bool wait_for(int fd, short events, int timeout_ms) {
    pollfd ready{fd, events, 0};
    for (;;) {
        const int n = ::poll(&ready, 1, timeout_ms);
        if (n >= 0) return n > 0;
        if (errno != EINTR) return false;
    }
}

// The socket with a read buffer that lasts as long as the connection, so bytes that came with
// one request (the next pipelined request) are there for the next. Counts what it has handed
// out, which tells the loop whether a request's body was read.
class ConnectionStream final : public httplib::Stream {
public:
    ConnectionStream(int fd, time_t read_timeout_sec, time_t write_timeout_sec)
        : fd_(fd), read_timeout_ms_(static_cast<int>(read_timeout_sec * 1000)),
          write_timeout_ms_(static_cast<int>(write_timeout_sec * 1000)) {}

    bool is_readable() const override { return begin_ < end_ || wait_for(fd_, POLLIN, read_timeout_ms_); }
    bool is_writable() const override { return wait_for(fd_, POLLOUT, write_timeout_ms_); }

    ssize_t read(char* ptr, size_t size) override {
        if (begin_ == end_) {
            const auto n = fill(read_timeout_ms_);
            if (n <= 0) return n;
        }
        const auto count = std::min(size, end_ - begin_);
        std::memcpy(ptr, buffer_.data() + begin_, count);
        keep_request_line(ptr, count);
        begin_ += count;
        consumed_ += count;
        return static_cast<ssize_t>(count);
    }

    ssize_t write(const char* ptr, size_t size) override {
        for (size_t sent = 0; sent < size;) {
            if (!is_writable()) return -1;
            const auto n = ::send(fd_, ptr + sent, size - sent, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return -1;
            sent += static_cast<size_t>(n);
        }
        return static_cast<ssize_t>(size);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override { address(::getpeername, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address(::getsockname, ip, port); }
    socket_t socket() const override { return fd_; }

    /// Waits up to the keep-alive timeout for the next request; false when there is none or the
    /// server is stopping.
    bool wait_for_request(const std::atomic<socket_t>& server_socket, time_t keep_alive_sec) {
        if (begin_ < end_) return server_socket != INVALID_SOCKET;
        for (auto waited_ms = 0L; server_socket != INVALID_SOCKET && waited_ms < keep_alive_sec * 1000; waited_ms += kIdleSliceMs)
            if (wait_for(fd_, POLLIN, kIdleSliceMs)) return true;
        return false;
    }

    void start_request() {
        request_line_.clear();
        line_done_ = false;
    }
    const std::string& request_line() const { return request_line_; }
    std::size_t consumed() const { return consumed_; }

    bool skip(std::uint64_t bytes) {
        std::array<char, 4096> sink;
        while (bytes > 0) {
            const auto n = read(sink.data(), static_cast<size_t>(std::min<std::uint64_t>(bytes, sink.size())));
            if (n <= 0) return false;
            bytes -= static_cast<std::uint64_t>(n);
        }
        return true;
    }

private:
    ssize_t fill(int timeout_ms) {
        if (!wait_for(fd_, POLLIN, timeout_ms)) return -1;
        ssize_t n;
        do n = ::recv(fd_, buffer_.data(), buffer_.size(), 0);
        while (n < 0 && errno == EINTR);
        begin_ = 0;
        end_ = n > 0 ? static_cast<size_t>(n) : 0;
        return n;
    }

    void keep_request_line(const char* bytes, size_t count) {
        for (size_t i = 0; i < count && !line_done_; ++i) {
            if (bytes[i] == '\r' || bytes[i] == '\n') line_done_ = true;
            else if (request_line_.size() < kLoggedTargetBytes + 20) request_line_ += bytes[i];
        }
    }

    void address(int (*get)(int, sockaddr*, socklen_t*), std::string& ip, int& port) const {
        sockaddr_storage storage{};
        socklen_t length = sizeof storage;
        if (get(fd_, reinterpret_cast<sockaddr*>(&storage), &length) != 0) return;
        std::array<char, INET6_ADDRSTRLEN> text{};
        if (storage.ss_family == AF_INET) {
            const auto& in = reinterpret_cast<const sockaddr_in&>(storage);
            ::inet_ntop(AF_INET, &in.sin_addr, text.data(), text.size());
            port = ntohs(in.sin_port);
        } else if (storage.ss_family == AF_INET6) {
            const auto& in6 = reinterpret_cast<const sockaddr_in6&>(storage);
            ::inet_ntop(AF_INET6, &in6.sin6_addr, text.data(), text.size());
            port = ntohs(in6.sin6_port);
        }
        ip = text.data();
    }

    int fd_;
    int read_timeout_ms_, write_timeout_ms_;
    std::array<char, 16384> buffer_{};
    size_t begin_ = 0, end_ = 0;
    std::size_t consumed_ = 0;
    std::string request_line_;
    bool line_done_ = false;
};

// One request on the calling thread's connection, from its first byte to its answer.
struct Exchange {
    ConnectionStream* stream = nullptr;
    std::chrono::steady_clock::time_point started;
    httplib::Request* request = nullptr;  ///< set once its head was parsed
    std::size_t body_start = 0;           ///< stream bytes consumed when the head ended
    std::uint64_t body_length = 0;        ///< its Content-Length
    std::string framing_error;            ///< why its body's length cannot be known
    bool close = false;                   ///< end the connection after the answer
};
thread_local Exchange* exchange = nullptr;

// The methods whose body cpp-httplib 0.11 reads, once the pre-routing handler lets it through.
bool httplib_reads_body(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE" || method == "PRI";
}

// RFC 9112 section 6.3: a request whose body's length is ambiguous is refused, and the
// connection closed, since the bytes after it cannot be trusted to be the next request.
std::string framing_error(const httplib::Request& req) {
    if (req.has_header("Transfer-Encoding")) {
        const auto coding = req.get_header_value("Transfer-Encoding");
        if (req.get_header_value_count("Transfer-Encoding") > 1 || strcasecmp(coding.c_str(), "chunked") != 0)
            return "only Transfer-Encoding: chunked is understood";
        return "";
    }
    const auto lengths = req.get_header_value_count("Content-Length");
    if (lengths > 1) return "more than one Content-Length";
    const auto length = req.get_header_value("Content-Length");
    if (lengths == 1 && (length.empty() || length.size() > 18 ||
                         !std::all_of(length.begin(), length.end(), [](char c) { return c >= '0' && c <= '9'; })))
        return "Content-Length is not a number";
    return "";
}

void ask_to_close(httplib::Request& req) {
    req.headers.erase("Connection");  // cpp-httplib answers "Connection: close" when the request says it
    req.set_header("Connection", "close");
}

// Runs once the request's head is parsed, before anything answers it.
void look_at_framing(Exchange& current, httplib::Request& req) {
    current.request = &req;
    current.body_start = current.stream->consumed();
    current.framing_error = framing_error(req);
    // A chunked body's end is found only by reading it: rather than decode chunks nobody
    // asked for, the connection ends after the answer.
    current.close = !current.framing_error.empty() || req.has_header("Transfer-Encoding");
    if (current.close) return ask_to_close(req);
    if (req.has_header("Content-Length")) current.body_length = std::stoull(req.get_header_value("Content-Length"));
    // Without Content-Length the body is empty; cpp-httplib would read one until the client
    // closed, taking the next pipelined requests with it.
    else if (httplib_reads_body(req.method)) req.set_header("Content-Length", "0");
}

}  // namespace

bool peer_closed(int socket) {
    pollfd check{socket, POLLRDHUP, 0};
    return ::poll(&check, 1, 0) > 0 && (check.revents & (POLLRDHUP | POLLHUP | POLLERR));
}

bool client_hung_up() { return exchange && peer_closed(exchange->stream->socket()); }

RequestStart current_request_start() {
    if (!exchange) return {std::chrono::steady_clock::now(), "", "", false};
    const auto& line = exchange->stream->request_line();
    const auto method_end = std::min(line.find(' '), line.size());
    auto target = line.substr(std::min(method_end + 1, line.size()));
    target = target.substr(0, std::min(target.find(' '), kLoggedTargetBytes));
    return {exchange->started, line.substr(0, method_end), target, exchange->request != nullptr};
}

void HttpServer::widen_accept_queue(int backlog) {
    if (::listen(svr_sock_, backlog) != 0) throw std::runtime_error("cannot set the accept queue length");
}

void HttpServer::set_pre_routing(HandlerWithResponse handler, const ErrorReference& reference) {
    set_pre_routing_handler([this, handler, &reference](const httplib::Request& req, httplib::Response& res) {
        auto& current = *exchange;
        if (!current.framing_error.empty()) {
            send_error(req, res, reference, ErrorCode::malformed_request, current.framing_error);
            return HandlerResponse::Handled;
        }
        const auto result = handler(req, res);
        if (current.close || current.body_length == 0) return result;
        const bool too_long = current.body_length > payload_max_length_;
        if (result == HandlerResponse::Unhandled && httplib_reads_body(req.method)) {
            if (!too_long) return result;
            // cpp-httplib would read the whole body only to throw it away; refused unread.
            send_error(req, res, reference, ErrorCode::payload_too_large,
                       "a request body may be at most " + std::to_string(payload_max_length_) + " bytes");
            current.close = true;
            ask_to_close(*current.request);
            return HandlerResponse::Handled;
        }
        // Nothing will read this body: skipped now, so the next request starts after it.
        if (too_long || !current.stream->skip(current.body_length)) {
            current.close = true;
            ask_to_close(*current.request);
        }
        return result;
    });
}

bool HttpServer::process_and_close_socket(socket_t sock) {
    ConnectionStream stream(sock, read_timeout_sec_, write_timeout_sec_);
    bool served = true;
    for (auto left = keep_alive_max_count_; served && left > 0; --left) {
        if (!stream.wait_for_request(svr_sock_, keep_alive_timeout_sec_)) break;
        Exchange current;
        current.stream = &stream;
        current.started = std::chrono::steady_clock::now();
        exchange = &current;
        stream.start_request();
        bool client_closes = false;
        served = process_request(stream, left == 1, client_closes,
                                 [&current](httplib::Request& req) { look_at_framing(current, req); });
        // An unparsed request (400, 414), or one whose body was not read to its end (a short
        // body, a 413), leaves the connection at an unknown place: it ends.
        const bool in_step = current.request && stream.consumed() == current.body_start + current.body_length;
        exchange = nullptr;
        if (client_closes || current.close || !in_step) break;
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return served;
}

}  // namespace wm::searchd
