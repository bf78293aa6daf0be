module github.com/michelangelo-ai/apikit/bench/httpload

go 1.23.0
