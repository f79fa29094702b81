#!/bin/sh
# What `make` needs from the machine, checked before it installs anything: if some of
# it is missing, one line names all of it and the command to install it, and the
# exit status is 1, rather than a failure midway that explains nothing.
#
#   sh scripts/check_setup.sh python venv node chromium java   (any of them)
#   sh scripts/check_setup.sh --packages ...              the Debian packages, for .ci/run
#
# POSIX sh rather than Python, so that it still speaks when python3 is missing or old.
set -u
cd "$(dirname "$0")/.." || exit 2

# The minimum Python has one source: requires-python = ">=X.Y" in pyproject.toml.
minimum=$(sed -n 's/^requires-python *= *">= *\([0-9]*\.[0-9]*\)".*/\1/p' pyproject.toml)
if [ -z "$minimum" ]; then
  echo 'check_setup.sh: pyproject.toml has no requires-python = ">=X.Y"' >&2
  exit 2
fi

missing=""  # for the reader
packages="" # for apt-get
need() {
  missing="${missing:+$missing, }$1"
  [ -z "$2" ] || packages="${packages:+$packages }$2"
}

older() { # is MAJOR.MINOR $1 older than $2?
  [ "${1%%.*}" -lt "${2%%.*}" ] || { [ "${1%%.*}" -eq "${2%%.*}" ] && [ "${1#*.}" -lt "${2#*.}" ]; }
}

check_python() {
  found=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
  if [ -z "$found" ]; then
    need "Python >= $minimum" python3
  elif older "$found" "$minimum"; then
    need "Python >= $minimum (python3 is $found)" python3
  fi
}

check_venv() {
  # Debian and Ubuntu ship venv's ensurepip apart, in python3-venv: without it
  # `python3 -m venv` fails after creating half a .venv.
  python3 -m ensurepip --version >/dev/null 2>&1 || need python3-venv python3-venv
}

check_node() {
  # Debian packages npm apart from nodejs; NodeSource's nodejs includes it.
  if ! command -v node >/dev/null; then
    need "Node.js and npm" "nodejs npm"
  elif ! command -v npm >/dev/null; then
    need npm npm
  fi
}

check_chromium() {
  # CHROMIUM names another Chromium-based browser (scripts/chromium.py); apt cannot fix a wrong one.
  if [ -n "${CHROMIUM:-}" ]; then
    command -v "$CHROMIUM" >/dev/null || need "Chromium (CHROMIUM=$CHROMIUM is not there)" ""
  else
    command -v chromium >/dev/null || need Chromium chromium
  fi
}

check_java() {
  # EPUBCheck (the EPUB) and the Nu HTML Checker (every page), which the tests run, are Java programs.
  command -v java >/dev/null || need Java default-jre-headless
}

list=false
if [ "${1:-}" = --packages ]; then
  list=true
  shift
fi
for what in "$@"; do
  case $what in
    python | venv | node | chromium | java) "check_$what" ;;
    *) echo "check_setup.sh: no check named '$what'" >&2; exit 2 ;;
  esac
done

if $list; then
  echo "$packages"
elif [ -n "$missing" ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo "sudo ")
  echo "Missing ${missing}${packages:+. Install: ${sudo}apt-get install $packages}" >&2
  exit 1
fi
