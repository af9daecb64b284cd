#!/usr/bin/env bash
# Builds the zhnews wheel (maturin, PyO3) and runs its Python tests, including a real datatrove
# pipeline over examples/articles. Run from anywhere; paths are relative to the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

python=${PYTHON:-python3}
venv=target/python-ci/venv
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "maturin>=1.5,<2" pytest datatrove orjson pandas

# A manylinux2014 wheel built through zig (ZHNEWS_WHEEL_ZIG=0: a native wheel), with the light
# `wheel` profile (no fat LTO, parallel codegen) so that the build fits in CI time on two cores.
root=$PWD
wheels=$root/target/python-ci/wheels
rm -rf "$wheels"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
build=(build --profile wheel --out "$wheels" --interpreter "$root/$venv/bin/python")
built=0
if [ "${ZHNEWS_WHEEL_ZIG:-1}" = 1 ]; then
  # maturin finds zig through `python3 -m ziglang` on PATH.
  if "$venv/bin/python" -m pip install --quiet --disable-pip-version-check ziglang &&
    (cd python && PATH="$root/$venv/bin:$PATH" "$root/$venv/bin/maturin" "${build[@]}" --zig --compatibility manylinux2014); then
    built=1
  else
    echo "python wheel: the manylinux2014 build through zig failed; building a native wheel" >&2
  fi
fi
if [ "$built" = 0 ]; then
  (cd python && "$root/$venv/bin/maturin" "${build[@]}")
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheels"/zhnews-*.whl

# Run from outside python/ so the tests import the installed wheel, not the source folder.
ZHNEWS_ROOT=$PWD "$venv/bin/python" -m pytest -q -p no:cacheprovider --import-mode=importlib python/tests
echo "python wheel: ok in $(( $(date +%s) - started )) s"
