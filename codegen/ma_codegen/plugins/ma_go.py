"""protoc-gen-ma-go: our go wrappers, rendered from the API model (templates/go)."""

from ma_codegen.plugins import _wrappers


def main() -> None:
    _wrappers.main("go")


if __name__ == "__main__":
    main()
