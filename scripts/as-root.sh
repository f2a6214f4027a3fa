# Sourced by the ensure-*.sh scripts: runs one command as root, directly when this shell is root, through sudo
# otherwise (said first, since sudo may ask for a password). Nothing else in scripts/ needs root.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    echo "$(basename "$0" .sh): running as root through sudo: $*" >&2
    sudo "$@"
  else
    echo "$(basename "$0" .sh): '$*' needs root and sudo is missing; run it as root, then run this again" >&2
    return 1
  fi
}

# apt-get install of Debian packages, after refreshing the package lists (a new machine may have none).
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$(basename "$0" .sh): this machine has no apt-get to install $* with" >&2
    return 1
  fi
  echo "$(basename "$0" .sh): apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
