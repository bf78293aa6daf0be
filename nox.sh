#!/usr/bin/env bash
# Runs nox at the version pinned in codegen/ma_codegen/toolchain.py, installing
# it into .nox/bootstrap on first use, so a fresh machine needs only python3 >= 3.11.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "python3 >= 3.11 is required")'
pin=$(python3 - "$root/codegen/ma_codegen/toolchain.py" <<'PY'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("toolchain", sys.argv[1])
mod = importlib.util.module_from_spec(spec)
sys.modules["toolchain"] = mod
spec.loader.exec_module(mod)
print(mod.PYTHON_DEV_TOOLS["nox"])
PY
)
venv="$root/.nox/bootstrap"
have=$("$venv/bin/python" -c 'from importlib.metadata import version; print(version("nox"))' 2>/dev/null || true)
if [ "$have" != "$pin" ]; then
  echo "nox.sh: installing nox==$pin into .nox/bootstrap" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet "nox==$pin"
fi
cd "$root"
exec "$venv/bin/python" -m nox -f "$root/noxfile.py" "$@"
