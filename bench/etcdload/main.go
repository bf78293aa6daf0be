// Command etcdload measures etcd's own put and range rate with the official Go client: the
// ceiling for ma-server on the same etcd (bench/storage_bench.py runs it). Bounded in calls
// and seconds; it prints one JSON line {"op":..., "calls":..., "seconds":..., "rate":...}.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
)

func main() {
	endpoints := flag.String("endpoints", "127.0.0.1:2379", "comma-separated etcd endpoints")
	op := flag.String("op", "put", "put (a new key per call) or range (one key, linearizable)")
	clients := flag.Int("clients", 32, "concurrent callers (one shared connection, as ma-server has)")
	calls := flag.Int64("calls", 20000, "at most this many calls")
	seconds := flag.Float64("seconds", 5, "at most this long")
	valueBytes := flag.Int("value-bytes", 512, "bytes of each put's value")
	prefix := flag.String("prefix", "/etcdload/", "key prefix")
	flag.Parse()
	if *op != "put" && *op != "range" {
		fmt.Fprintln(os.Stderr, "etcdload: -op must be put or range")
		os.Exit(2)
	}
	cli, err := clientv3.New(clientv3.Config{Endpoints: strings.Split(*endpoints, ","), DialTimeout: 5 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, "etcdload:", err)
		os.Exit(1)
	}
	defer cli.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(*seconds*float64(time.Second)))
	defer cancel()
	value := strings.Repeat("v", *valueBytes)
	key := *prefix + "range-target"
	if _, err := cli.Put(context.Background(), key, value); err != nil {
		fmt.Fprintln(os.Stderr, "etcdload:", err)
		os.Exit(1)
	}
	var issued, done atomic.Int64
	var failed atomic.Value
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < *clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				n := issued.Add(1)
				if n > *calls {
					return
				}
				var err error
				if *op == "put" {
					_, err = cli.Put(ctx, fmt.Sprintf("%sk%09d", *prefix, n), value)
				} else {
					_, err = cli.Get(ctx, key)
				}
				if err != nil {
					if ctx.Err() == nil {
						failed.Store(err.Error())
					}
					return
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start).Seconds()
	if msg, ok := failed.Load().(string); ok {
		fmt.Fprintln(os.Stderr, "etcdload:", msg)
		os.Exit(1)
	}
	out, _ := json.Marshal(map[string]any{"op": *op, "calls": done.Load(), "seconds": elapsed, "rate": float64(done.Load()) / elapsed})
	fmt.Println(string(out))
}
