package config

import (
	"fmt"
	"strings"
	"testing"
)

// A token never shows in what fmt prints of the resolved options.
func TestSecretNeverPrints(t *testing.T) {
	const token = "s3cr3t-t0ken"
	c := Client{Token: Secret(token)}
	for _, s := range []string{
		fmt.Sprintf("%v|%+v|%#v|%s|%q|%x|%d", c, c, c, c.Token, c.Token, c.Token, c.Token),
		fmt.Sprint(&c), fmt.Sprintf("%+v", &c), fmt.Sprintf("%#v", &c), c.Token.String(),
	} {
		if strings.Contains(s, token) || strings.Contains(s, fmt.Sprintf("%x", token)) {
			t.Fatalf("token printed: %s", s)
		}
	}
	if string(c.Token) != token {
		t.Fatal("the value itself must be kept")
	}
}

// Full jitter stays in [0, bound]; without jitter the wait is the bound.
func TestBackoffBound(t *testing.T) {
	b := Backoff{Initial: 10, Max: 35, Multiplier: 2}
	for n, want := range []int64{10, 20, 35, 35} {
		if got := b.Bound(n + 1); int64(got) != want || b.Delay(n+1) != got {
			t.Fatalf("Bound(%d) = %v, Delay %v, want %d", n+1, got, b.Delay(n+1), want)
		}
	}
	b.Jitter = true
	for range 1000 {
		if d := b.Delay(3); d < 0 || d > 35 {
			t.Fatalf("Delay = %v", d)
		}
	}
	if (Backoff{}).Attempts() != 1 || (Backoff{Steps: 4}).Attempts() != 4 {
		t.Fatal("Attempts")
	}
}
