# Shared by scripts/run and scripts/test: install Debian packages, configure and build.
# Sourced, not executed.
set -euo pipefail

WM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WM_BUILD=${WM_BUILD:-$WM_ROOT/build}
WM_PACKAGES=(g++ make cmake pkg-config python3 libxapian-dev xapian-tools libcpp-httplib-dev
             nlohmann-json3-dev libcli11-dev catch2)

wm_log() { printf '==> %s\n' "$*" >&2; }

# Installs only what is missing, so a machine that has everything needs neither root nor network.
wm_install_packages() {
  local missing=()
  for package in "${WM_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  wm_log "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# wm_build [CMAKE_OPTION...]: configures and builds everything (tests included).
wm_build() {
  wm_log "building in $WM_BUILD"
  cmake -S "$WM_ROOT" -B "$WM_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$WM_BUILD" -j"$(nproc)"
}

# wm_build_targets TARGET...: configures and builds only these targets and what they link.
wm_build_targets() {
  wm_log "building $* in $WM_BUILD"
  cmake -S "$WM_ROOT" -B "$WM_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$WM_BUILD" -j"$(nproc)" --target "$@"
}
