package ai.michelangelo.sdk;

import com.google.protobuf.Message;
import java.util.List;

/**
 * One page of a list: its items, the list's resource version, the token of the next page (empty on
 * the last page) and the raw response (e.g. a {@code ProjectList}).
 */
public record Page<T>(List<T> items, String resourceVersion, String continueToken, Message raw) {
  public Page {
    items = List.copyOf(items);
  }

  public boolean hasNextPage() {
    return !continueToken.isEmpty();
  }
}
