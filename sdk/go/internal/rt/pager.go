package rt

import (
	"context"
	"iter"
)

// PageFunc fetches the page starting at continue token token ("" for the
// first) and returns the page, its items and the next token ("" at the end).
type PageFunc[L, T any] func(ctx context.Context, token string) (page L, items []T, next string, err error)

// Pager walks a List lazily, one request per page, following continue
// tokens. Every page is fetched with the call's options (selectors, limit,
// timeout, retry), so a per-call timeout bounds each page, not the walk.
// Nothing is fetched until an iterator is ranged over; each range starts again.
type Pager[L, T any] struct {
	ctx   context.Context
	first string
	fetch PageFunc[L, T]
}

// NewPager returns a pager starting at continue token first ("" for the beginning).
func NewPager[L, T any](ctx context.Context, first string, fetch PageFunc[L, T]) *Pager[L, T] {
	return &Pager[L, T]{ctx: ctx, first: first, fetch: fetch}
}

// Pages yields every page; after an error it yields nothing more.
func (p *Pager[L, T]) Pages() iter.Seq2[L, error] {
	return func(yield func(L, error) bool) {
		token := p.first
		for {
			page, _, next, err := p.fetch(p.ctx, token)
			if err != nil {
				var zero L
				yield(zero, err)
				return
			}
			if !yield(page, nil) || next == "" {
				return
			}
			token = next
		}
	}
}

// Items yields every item of every page; after an error it yields nothing more.
func (p *Pager[L, T]) Items() iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		token := p.first
		for {
			_, items, next, err := p.fetch(p.ctx, token)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if next == "" {
				return
			}
			token = next
		}
	}
}
