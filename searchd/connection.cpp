#include "searchd/connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <string>

namespace wm::searchd {
namespace {

struct Endpoint {
    std::string address;
    int port = -1;
    bool operator==(const Endpoint&) const = default;
};

Endpoint endpoint_of(const sockaddr_storage& address) {
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        return {text, ntohs(v4.sin_port)};
    }
    if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        return {text, ntohs(v6.sin6_port)};
    }
    return {};
}

template <typename Get>
Endpoint endpoint(int fd, Get get) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (get(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return {};
    return endpoint_of(address);
}

int find_socket(const Endpoint& peer, const Endpoint& local) {
    rlimit limit{};
    const auto most = getrlimit(RLIMIT_NOFILE, &limit) == 0 ? static_cast<int>(std::min<rlim_t>(limit.rlim_cur, 65536)) : 1024;
    for (int fd = 0; fd < most; ++fd)
        if (endpoint(fd, getpeername) == peer && endpoint(fd, getsockname) == local) return fd;
    return -1;
}

}  // namespace

bool client_hung_up(const httplib::Request& req) {
    thread_local Endpoint known_peer, known_local;
    thread_local int known_socket = -1;
    const Endpoint peer{req.remote_addr, req.remote_port}, local{req.local_addr, req.local_port};
    if (peer != known_peer || local != known_local || known_socket < 0) {
        known_socket = find_socket(peer, local);
        known_peer = peer;
        known_local = local;
    }
    if (known_socket < 0) return false;
    pollfd check{known_socket, POLLRDHUP, 0};
    return poll(&check, 1, 0) > 0 && (check.revents & (POLLRDHUP | POLLHUP | POLLERR));
}

}  // namespace wm::searchd
