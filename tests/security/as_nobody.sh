#!/usr/bin/env bash
# Run tests/security a second time as uid 65534 (an ordinary user, as real users are), and check that
# `dlprep doctor` reports the same active layers for root and for that user.
#
# Run as root from anywhere: `tests/security/as_nobody.sh [VENV]` (default: the checkout's .venv).
# The interpreter, the venv and the checkout may sit where uid 65534 cannot go (/root is 0700, and
# pyenv's python finds libpython through an absolute RUNPATH, so copying it elsewhere does not work).
# The script therefore runs in a private mount namespace: each folder that uid 65534 cannot enter on
# the way to them is covered by an empty, world-readable tmpfs, and the three paths are bind-mounted
# back at their own places. Nothing is copied or changed on disk; it all ends with the namespace.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd -P)
VENV_DIR=${1:-$ROOT/.venv}
PY=$VENV_DIR/bin/python
NOBODY=65534

if [ "$(id -u)" != 0 ]; then
    echo "as_nobody.sh: not root, so tests/security already ran as an ordinary user"
    exit 0
fi
if [ -z "${DLPREP_NOBODY_NS:-}" ]; then
    exec env DLPREP_NOBODY_NS=1 unshare --mount --propagation private "$0" "$@"
fi

as_nobody() { setpriv --reuid "$NOBODY" --regid "$NOBODY" --clear-groups "$@"; }

# The first ancestor of $1 (or $1 itself) that uid 65534 cannot enter, or nothing.
blocked_ancestor() {
    local path="" part
    IFS=/ read -ra parts <<< "${1#/}"
    for part in "${parts[@]}"; do
        path="$path/$part"
        if ! as_nobody test -x "$path"; then
            echo "$path"
            return
        fi
    done
}

BASE=$("$PY" -c 'import os, sys; print(os.path.realpath(sys.base_prefix))')
VENV=$("$PY" -c 'import os, sys; print(os.path.realpath(sys.prefix))')
STASH=$(mktemp -d /tmp/dlprep-nobody-XXXXXX)
mount -t tmpfs -o mode=0700,size=1m tmpfs "$STASH"  # holds only mount points: never rm -r through it
cleanup() { umount -R -l "$STASH" 2>/dev/null || true; rmdir "$STASH" 2>/dev/null || true; }
trap cleanup EXIT

targets=() masks=()
for target in "$BASE" "$VENV" "$ROOT"; do
    blocked=$(blocked_ancestor "$target")
    [ -n "$blocked" ] || continue
    targets+=("$target")
    masks+=("$blocked")
done
# 1. keep a handle on every target, 2. cover what blocks them, 3. put the targets back in place.
for i in "${!targets[@]}"; do
    mkdir "$STASH/$i"
    mount --bind "${targets[$i]}" "$STASH/$i"
done
for mask in $(printf '%s\n' "${masks[@]+"${masks[@]}"}" | sort -u); do
    mount -t tmpfs -o mode=0755,size=1m tmpfs "$mask"
done
for i in $(for i in "${!targets[@]}"; do echo "${#targets[$i]} $i"; done | sort -n | cut -d' ' -f2); do
    mkdir -p "${targets[$i]}"
    mount --bind "$STASH/$i" "${targets[$i]}"
done

HOME_DIR=$(mktemp -d /tmp/dlprep-nobody-home-XXXXXX)
chown "$NOBODY:$NOBODY" "$HOME_DIR"
nobody_python() { as_nobody env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$HOME_DIR" LANG=C.UTF-8 \
    PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$ROOT" DLPREP_HOME="$HOME_DIR/data" CI="${CI:-}" "$PY" "$@"; }
root_python() { env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$HOME_DIR" LANG=C.UTF-8 \
    PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$ROOT" DLPREP_HOME="$HOME_DIR/root-data" "$PY" "$@"; }

status=0
echo "== tests/security as uid $NOBODY"
nobody_python -m pytest -q -p no:cacheprovider tests/security || status=$?

echo "== dlprep doctor as root and as uid $NOBODY"
root_python -m dlprep doctor --json > "$HOME_DIR/root.json" || status=1
nobody_python -m dlprep doctor --json > "$HOME_DIR/nobody.json" || status=1
"$PY" - "$HOME_DIR/root.json" "$HOME_DIR/nobody.json" <<'EOF' || status=1
import json, sys
root, nobody = (json.load(open(p)) for p in sys.argv[1:3])
print("root:    ", " ".join(root["active"]))
print("uid 65534:", " ".join(nobody["active"]))
if sorted(root["active"]) != sorted(nobody["active"]) or not all(nobody["checks"].values()):
    print("the layers differ between root and an ordinary user, or a check failed:", nobody["missing"])
    sys.exit(1)
print("same layers for root and an ordinary user; every check held")
EOF
rm -rf "$HOME_DIR"
exit "$status"
