package ai.michelangelo.sdk;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy list: iterating fetches one page at a time, following continue tokens, with the same call
 * options for every page. Each page is one logical call: the timeout bounds each page (its attempts
 * and backoff), not the whole iteration. Each iteration starts again from the first page.
 *
 * <pre>{@code
 * for (Project p : client.projects().list("ns")) { ... }
 * for (Page<Project> page : client.projects().list("ns").pages()) { ... }
 * client.projects().list("ns").pageAsync("").thenCompose(first -> ...);  // never blocks
 * }</pre>
 */
public final class Pager<T> implements Iterable<T> {
  private final Function<String, Page<T>> fetch;
  private final Function<String, CompletableFuture<Page<T>>> fetchAsync;

  /** {@code fetch} returns the page of a continue token ("" for the first). */
  public Pager(Function<String, Page<T>> fetch) {
    this(fetch, token -> CompletableFuture.supplyAsync(() -> fetch.apply(token)));
  }

  /**
   * {@code fetch} returns the page of a continue token ("" for the first), {@code fetchAsync} the
   * same without blocking.
   */
  public Pager(
      Function<String, Page<T>> fetch, Function<String, CompletableFuture<Page<T>>> fetchAsync) {
    this.fetch = fetch;
    this.fetchAsync = fetchAsync;
  }

  /**
   * The page of {@code continueToken} ("" for the first; then {@link Page#continueToken()} of the
   * previous page), without blocking: one logical call with the pager's call options. Failures
   * complete the future exceptionally with the {@link MichelangeloException}.
   */
  public CompletableFuture<Page<T>> pageAsync(String continueToken) {
    try {
      return fetchAsync.apply(continueToken == null ? "" : continueToken);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Every item of every page, fetched one page after another without blocking. */
  public CompletableFuture<List<T>> toListAsync() {
    List<T> out = new ArrayList<>();
    return collect(pageAsync(""), out).thenApply(v -> out);
  }

  private CompletableFuture<Void> collect(CompletableFuture<Page<T>> page, List<T> out) {
    return page.thenCompose(
        p -> {
          out.addAll(p.items());
          return p.hasNextPage()
              ? collect(pageAsync(p.continueToken()), out)
              : CompletableFuture.completedFuture(null);
        });
  }

  /** Iterates over every item of every page. */
  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = pages().iterator();
    return new Iterator<>() {
      private Iterator<T> items = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!items.hasNext()) {
          if (!pages.hasNext()) {
            return false;
          }
          items = pages.next().items().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.next();
      }
    };
  }

  /** The pages, fetched lazily. */
  public Iterable<Page<T>> pages() {
    return () ->
        new Iterator<>() {
          private String token = "";
          private boolean done;

          @Override
          public boolean hasNext() {
            return !done;
          }

          @Override
          public Page<T> next() {
            if (done) {
              throw new NoSuchElementException();
            }
            Page<T> page = fetch.apply(token);
            token = page.continueToken();
            done = token.isEmpty();
            return page;
          }
        };
  }

  /** The first page only. */
  public Page<T> firstPage() {
    return fetch.apply("");
  }

  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /** Every item, fetching all pages now. */
  public List<T> toList() {
    List<T> out = new ArrayList<>();
    forEach(out::add);
    return out;
  }

  /**
   * Every item and the resource version of the first page (the snapshot the continue tokens keep):
   * what a watch resumes from after a relist.
   */
  public Page<T> all() {
    List<T> out = new ArrayList<>();
    String version = null;
    Page<T> last = null;
    for (Page<T> page : pages()) {
      if (version == null) {
        version = page.resourceVersion();
      }
      out.addAll(page.items());
      last = page;
    }
    return new Page<>(out, version == null ? "" : version, "", last == null ? null : last.raw());
  }
}
