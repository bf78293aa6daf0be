"""protoc-gen-ma-python: our python wrappers, rendered from the API model (templates/python)."""

from ma_codegen.plugins import _wrappers


def main() -> None:
    _wrappers.main("python")


if __name__ == "__main__":
    main()
