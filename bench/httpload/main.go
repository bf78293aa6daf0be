// Command httpload is the benches' HTTP load client: closed-loop GETs of one URL from -c workers
// over keep-alive connections (HTTP/1.1, TLS with -ca when the URL is https), bounded by -n calls
// and -d duration. It prints one JSON line: {"calls": N, "seconds": S, "rate": N/S, "errors": E}.
// The Python benches drive it so the client costs little next to the servers it measures.
package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	url := flag.String("url", "", "URL to GET")
	workers := flag.Int("c", 16, "concurrent workers (one connection each)")
	calls := flag.Int64("n", 100000, "at most this many calls")
	duration := flag.Duration("d", 10*time.Second, "at most this long")
	token := flag.String("token", "", "bearer token")
	caFile := flag.String("ca", "", "PEM CA bundle for https URLs")
	flag.Parse()
	if *url == "" {
		fmt.Fprintln(os.Stderr, "httpload: -url is required")
		os.Exit(2)
	}
	tlsConfig := &tls.Config{MinVersion: tls.VersionTLS12}
	if *caFile != "" {
		pem, err := os.ReadFile(*caFile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "httpload: %v\n", err)
			os.Exit(2)
		}
		pool := x509.NewCertPool()
		pool.AppendCertsFromPEM(pem)
		tlsConfig.RootCAs = pool
	}
	client := &http.Client{Transport: &http.Transport{
		TLSClientConfig:     tlsConfig,
		MaxIdleConnsPerHost: *workers,
		MaxConnsPerHost:     *workers,
		ForceAttemptHTTP2:   false,
		TLSNextProto:        map[string]func(string, *tls.Conn) http.RoundTripper{}, // HTTP/1.1 only
	}}
	ctx, cancel := context.WithTimeout(context.Background(), *duration)
	defer cancel()
	var done, ok, failed atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < *workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil && done.Add(1) <= *calls {
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
				req.Header.Set("Accept", "application/json")
				if *token != "" {
					req.Header.Set("Authorization", "Bearer "+*token)
				}
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						failed.Add(1)
					}
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					ok.Add(1)
				} else {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	seconds := time.Since(start).Seconds()
	n := ok.Load() // calls cut short by the deadline count as neither
	out, _ := json.Marshal(map[string]any{"calls": n, "seconds": seconds, "rate": float64(n) / seconds, "errors": failed.Load()})
	fmt.Println(string(out))
}
