package ma

import (
	"testing"
	"time"
)

func TestBackoffDelayGrowsAndNeverExceedsMax(t *testing.T) {
	b := Backoff{Initial: 100 * time.Millisecond, Max: 300 * time.Millisecond, Multiplier: 2, Steps: 5}
	want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 300 * time.Millisecond, 300 * time.Millisecond}
	for n, w := range want {
		if got := b.delay(n + 1); got != w {
			t.Errorf("delay(%d) = %v, want %v", n+1, got, w)
		}
	}
	// With jitter the spread stays within +-Jitter of the base and never passes Max.
	b.Jitter = 0.5
	for i := 0; i < 2000; i++ {
		n := 1 + i%4
		got := b.delay(n)
		base := want[n-1]
		if got > b.Max {
			t.Fatalf("delay(%d) = %v, longer than Max %v", n, got, b.Max)
		}
		if got < base/2 || got > base+base/2 {
			t.Fatalf("delay(%d) = %v, outside +-50%% of %v", n, got, base)
		}
	}
}

func TestDefaultsMatchTheOtherSDKs(t *testing.T) {
	// Python: Retry() and DEFAULT_CONFLICT_RETRY; Java: RetrySettings.defaults() and Conflicts.
	if d := DefaultRetry; d.Initial != 100*time.Millisecond || d.Max != 5*time.Second || d.Multiplier != 2 || d.Steps != 5 {
		t.Errorf("DefaultRetry = %+v", d)
	}
	if d := DefaultConflictRetry; d.Initial != 10*time.Millisecond || d.Max != time.Second || d.Multiplier != 2 || d.Steps != 10 {
		t.Errorf("DefaultConflictRetry = %+v", d)
	}
}
