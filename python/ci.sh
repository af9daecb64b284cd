#!/usr/bin/env bash
# Builds the zhnews wheel and runs its Python tests (filled in with the wheel).
set -euo pipefail
echo "python wheel: not built yet"
