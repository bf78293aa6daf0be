"""ma_codegen: the build pipeline of the Michelangelo API kit (lint, breaking, generate, check)."""

__version__ = "0.1.0"
