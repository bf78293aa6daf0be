package ma

import (
	"iter"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
)

// Event is one change seen by a watch. ResourceVersion is the object's
// metadata.resourceVersion, the point a watch resumes after.
type Event[T any] struct {
	Type            api.WatchEventType
	Object          T
	ResourceVersion string
}

// Collect gathers every item of seq (e.g. a List), stopping at the first error.
func Collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for it, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, it)
	}
	return out, nil
}
