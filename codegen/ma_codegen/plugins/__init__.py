"""protoc plugins of ours, run by `buf generate` as `local:` plugins."""
