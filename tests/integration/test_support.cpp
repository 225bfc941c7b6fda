#include "test_support.hpp"

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <chrono>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "common/index/store.hpp"

namespace wm::test {

TempDir::TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("wmsearch-test-" + std::to_string(getpid()) + "-" +
                                                      std::to_string(random()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + path);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

CommandResult run_command(const std::string& command_line) {
    TempDir capture;
    const std::string out_path = capture / "out", err_path = capture / "err";
    const std::string full = command_line + " >" + quoted(out_path) + " 2>" + quoted(err_path) + " </dev/null";
    const int status = std::system(full.c_str());
    CommandResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_file(out_path);
    result.err = read_file(err_path);
    return result;
}

CommandResult run_indexer(const std::string& arguments) {
    return run_command(quoted(WM_INDEXER) + " " + arguments);
}

CommandResult index_into(const std::string& database, const std::vector<std::string>& paths,
                         const std::string& options) {
    std::string arguments = "index -q " + options + " --db " + quoted(database);
    for (const auto& path : paths) arguments += " " + quoted(path);
    return run_indexer(arguments);
}

}  // namespace wm::test

namespace wm::test {

int spawn(std::vector<std::string> args, const std::string& log_path) {
    const int pid = fork();
    if (pid == 0) {
        // A group of its own: xapian-tcpsrv answers SIGTERM by signalling its whole group.
        setpgid(0, 0);
        const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(log, STDERR_FILENO);
        dup2(log, STDOUT_FILENO);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

int stop_process(int& pid) {
    if (pid <= 0) return -1;
    kill(pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; ++i) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            pid = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        usleep(50000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    pid = -1;
    return -1;
}

int free_loopback_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        close(fd);
        throw std::runtime_error("no free loopback port");
    }
    close(fd);
    return ntohs(address.sin_port);
}

bool accepts_connections(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool connected = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return connected;
}

ChildProcess::ChildProcess(std::vector<std::string> args, std::string log_path)
    : log_path_(std::move(log_path)), pid_(spawn(std::move(args), log_path_)) {}

void ChildProcess::kill_hard() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

bool ChildProcess::running() {
    if (pid_ <= 0) return false;
    if (waitpid(pid_, nullptr, WNOHANG) == 0) return true;
    pid_ = -1;  // reaped: never signal a pid that may be reused
    return false;
}

bool wait_until(const std::function<bool()>& condition, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        // A condition that throws has not come true yet (a replica that does not exist yet
        // cannot be opened); at the deadline its exception says why it never did.
        try {
            if (condition()) return true;
        } catch (...) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return condition();
}

void generate_archive(const std::string& folder, int issues, int first) {
    const auto result = run_command("python3 " + quoted(std::string(WM_SOURCE_DIR) + "/tests/tools/generate_archive.py") +
                                    " --issues " + std::to_string(issues) + " --first " + std::to_string(first) +
                                    " --out " + quoted(folder));
    if (result.exit_code != 0) throw std::runtime_error("generate_archive.py failed: " + result.err);
}

std::string encode(const std::string& text) { return httplib::detail::encode_query_param(text); }

void copy_real_issues(const std::string& folder) {
    std::filesystem::create_directories(folder);
    for (const auto& issue : std::filesystem::directory_iterator(WM_CORPUS_DIR))
        std::filesystem::copy(issue.path(), folder);
}

std::vector<std::string> indexed_ids(const std::string& database) {
    std::vector<std::string> ids;
    if (!std::filesystem::exists(database)) return ids;
    for (const auto& issue : list_issues(open_for_reading(database))) ids.push_back(issue.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

SearchdProcess::SearchdProcess(const std::string& database, const std::vector<std::string>& extra_args) {
    log_path_ = log_dir_ / "searchd.log";
    std::vector<std::string> args = {WM_SEARCHD, "--db", database, "--bind", "127.0.0.1", "--port", "0"};
    // A few threads unless the test asks for its own number.
    if (std::find(extra_args.begin(), extra_args.end(), "--threads") == extra_args.end()) args.insert(args.end(), {"--threads", "4"});
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    pid_ = spawn(args, log_path_);
    // searchd names its port on its first line: "searchd: serving DB on http://127.0.0.1:PORT/".
    for (int waited = 0; waited < 200 && port_ == 0; ++waited) {
        const auto log = read_file(log_path_);
        const auto line = log.substr(0, log.find('\n'));
        if (log.find('\n') != std::string::npos && line.find("serving") != std::string::npos)
            port_ = std::stoi(line.substr(line.rfind(':') + 1));
        else if (log.find('\n') != std::string::npos || waitpid(pid_, nullptr, WNOHANG) == pid_)
            break;
        else
            usleep(50000);
    }
    if (port_ == 0) {
        stop();
        throw std::runtime_error("searchd did not start: " + read_file(log_path_));
    }
}

int SearchdProcess::stop() { return stop_process(pid_); }

SearchdProcess::~SearchdProcess() { stop(); }

XapianTcpServer::XapianTcpServer(const std::string& database, int port) : port_(port ? port : free_loopback_port()) {
    pid_ = spawn({"/usr/bin/xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
                  std::to_string(port_), database},
                 log_dir_ / "tcpsrv.log");
    for (int waited = 0; waited < 100; ++waited) {
        if (accepts_connections(port_)) return;
        if (waitpid(pid_, nullptr, WNOHANG) == pid_) break;
        usleep(50000);
    }
    stop_process(pid_);
    throw std::runtime_error("xapian-tcpsrv did not start: " + read_file(log_dir_ / "tcpsrv.log"));
}

XapianTcpServer::~XapianTcpServer() {
    resume();  // a stopped process group would take no SIGTERM, and its children would stay behind
    stop_process(pid_);
}

void XapianTcpServer::pause() {
    if (pid_ > 0) kill(-pid_, SIGSTOP);
}

void XapianTcpServer::resume() {
    if (pid_ > 0) kill(-pid_, SIGCONT);
}

void XapianTcpServer::kill_hard() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

}  // namespace wm::test
