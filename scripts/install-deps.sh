#!/usr/bin/env bash
# Installs the Debian packages costproof needs, only those that are missing.
# Uses sudo when not root. Safe to run again: it does nothing when all are present.
set -euo pipefail
packages=(
  g++ cmake make                 # compiler and build
  ccache                         # compiler cache: a second build of unchanged files is near-free
  libboost-program-options-dev   # CLI option parsing
  nlohmann-json3-dev             # JSON reading and writing
  libeigen3-dev                  # usage-profile arithmetic
  libkainjow-mustache-dev        # text templates (Mustache) for every sentence of the outputs
  libgtest-dev                   # unit tests (GoogleTest)
  diffutils                      # golden-file tests
  cmark-gfm                      # tests render the show notes as GitHub-flavoured Markdown
  libcmark-gfm-dev libcmark-gfm-extensions-dev  # companion page: show notes Markdown to HTML
  zlib1g-dev                     # companion zip: DEFLATE compression and CRC-32
  libcurl4-openssl-dev           # pricing update: HTTPS downloads of the AWS Price List files
)
# Extra packages for optional jobs.
for arg in "$@"; do
  case "$arg" in
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;   # libFuzzer and the sanitizer runtimes
    --companion)  # the WebAssembly engine (Emscripten) and the headless-browser test of the page
      packages+=(emscripten chromium unzip)
      # Node.js may come from another apt source that bundles npm: add Debian's only when missing.
      command -v node > /dev/null || packages+=(nodejs)
      command -v npm > /dev/null || packages+=(npm) ;;
    *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
