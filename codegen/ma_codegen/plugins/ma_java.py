"""protoc-gen-ma-java: our java wrappers, rendered from the API model (templates/java)."""

from ma_codegen.plugins import _wrappers


def main() -> None:
    _wrappers.main("java")


if __name__ == "__main__":
    main()
