package ai.michelangelo.conformance;

import ai.michelangelo.api.ListOptions;
import ai.michelangelo.api.Preconditions;
import ai.michelangelo.api.WatchOptions;
import ai.michelangelo.api.v2.client.MichelangeloClient;
import ai.michelangelo.sdk.CallOptions;
import ai.michelangelo.sdk.Page;
import ai.michelangelo.sdk.Pager;
import ai.michelangelo.sdk.WatchSettings;
import ai.michelangelo.sdk.Watcher;
import com.google.gson.JsonElement;
import com.google.protobuf.Message;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One generated resource client (e.g. {@code ProjectClient}) found by reflection: {@code projects}
 * -> {@code MichelangeloClient.projects()}; the object type is the parameter of its {@code
 * create(T, CallOptions)}.
 *
 * <p>With {@code async} (the runner's {@code --async} mode) every op whose {@code ...Async} variant
 * the client has goes through it: the {@code CompletableFuture} is awaited and a failure unwrapped
 * to its cause, so the SDK's typed exception is reported as is. {@code list} pages come from the
 * SDK Pager's {@code pageAsync} (chained by continue token, each with the same call options);
 * deleteCollection from {@code deleteCollectionAsync}; watches are read with {@code
 * Watcher.forEachAsync} (see {@link Iter.Watch}).
 */
final class Resource {
  private final Object client;
  private final Class<?> type;
  private final boolean async;
  private final Method create;
  private final Method get;
  private final Method update;
  private final Method updateStatus;
  private final Method delete;
  private final Method deleteCollection;
  private final Method list;
  private final Method watch;
  // The async variants, null when the client has none (then the sync method is used).
  private final Method createAsync;
  private final Method getAsync;
  private final Method updateAsync;
  private final Method updateStatusAsync;
  private final Method deleteAsync;
  private final Method deleteCollectionAsync;
  private final Method listPageAsync;

  private Resource(Object client, Class<?> type, boolean async) throws NoSuchMethodException {
    Class<?> c = client.getClass();
    this.client = client;
    this.type = type;
    this.async = async;
    this.create = c.getMethod("create", type, CallOptions.class);
    this.get = c.getMethod("get", String.class, String.class, CallOptions.class);
    this.update = c.getMethod("update", type, CallOptions.class);
    this.updateStatus = c.getMethod("updateStatus", type, CallOptions.class);
    this.delete =
        c.getMethod("delete", String.class, String.class, Preconditions.class, CallOptions.class);
    this.deleteCollection =
        c.getMethod("deleteCollection", String.class, ListOptions.class, CallOptions.class);
    this.list = c.getMethod("list", String.class, ListOptions.class, CallOptions.class);
    this.watch = c.getMethod("watch", String.class, WatchOptions.class, WatchSettings.class);
    this.createAsync = asyncMethod(c, "createAsync", type, CallOptions.class);
    this.getAsync = asyncMethod(c, "getAsync", String.class, String.class, CallOptions.class);
    this.updateAsync = asyncMethod(c, "updateAsync", type, CallOptions.class);
    this.updateStatusAsync = asyncMethod(c, "updateStatusAsync", type, CallOptions.class);
    this.deleteAsync =
        asyncMethod(
            c, "deleteAsync", String.class, String.class, Preconditions.class, CallOptions.class);
    this.deleteCollectionAsync =
        asyncMethod(c, "deleteCollectionAsync", String.class, ListOptions.class, CallOptions.class);
    this.listPageAsync =
        asyncMethod(c, "listPageAsync", String.class, ListOptions.class, CallOptions.class);
  }

  /** {@code c.name(parameters)} if it exists and returns a CompletableFuture, else null. */
  private static Method asyncMethod(Class<?> c, String name, Class<?>... parameters) {
    try {
      Method m = c.getMethod(name, parameters);
      return CompletableFuture.class.isAssignableFrom(m.getReturnType()) ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** The sub-client of {@code resource} (snake_case plural, e.g. {@code model_families}). */
  static Resource of(MichelangeloClient client, String resource, boolean async) {
    if (!resource.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
      throw new RunnerError("unknown resource " + resource);
    }
    Method accessor;
    try {
      accessor = MichelangeloClient.class.getMethod(camel(resource));
    } catch (NoSuchMethodException e) {
      throw new RunnerError("unknown resource " + resource);
    }
    Class<?> c = accessor.getReturnType();
    if (!c.getSimpleName().endsWith("Client")
        || !c.getPackageName().equals(MichelangeloClient.class.getPackageName())) {
      throw new RunnerError("unknown resource " + resource);
    }
    for (Method m : c.getMethods()) {
      Class<?>[] p = m.getParameterTypes();
      if (m.getName().equals("create")
          && p.length == 2
          && p[1] == CallOptions.class
          && Message.class.isAssignableFrom(p[0])) {
        try {
          return new Resource(invoke(accessor, client), p[0], async);
        } catch (NoSuchMethodException e) {
          throw new IllegalStateException(c.getName() + " lacks a method: " + e.getMessage(), e);
        }
      }
    }
    throw new IllegalStateException(c.getName() + " has no create(T, CallOptions)");
  }

  /** {@code model_families} -> {@code modelFamilies}. */
  static String camel(String snake) {
    StringBuilder b = new StringBuilder(snake.length());
    boolean upper = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') {
        upper = true;
      } else {
        b.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return b.toString();
  }

  /** The object of proto3 JSON {@code json}, via the type's static {@code newBuilder()}. */
  Message parse(JsonElement json) {
    Message.Builder builder;
    try {
      Method newBuilder = type.getMethod("newBuilder");
      if (!Modifier.isStatic(newBuilder.getModifiers())) {
        throw new IllegalStateException(type.getName() + ".newBuilder() is not static");
      }
      builder = (Message.Builder) newBuilder.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.getName() + " has no newBuilder()", e);
    }
    return Json.merge(json, builder, "object").build();
  }

  Message create(Message object, CallOptions options) {
    return (Message) call(create, createAsync, object, options);
  }

  Message get(String namespace, String name, CallOptions options) {
    return (Message) call(get, getAsync, namespace, name, options);
  }

  Message update(Message object, CallOptions options) {
    return (Message) call(update, updateAsync, object, options);
  }

  Message updateStatus(Message object, CallOptions options) {
    return (Message) call(updateStatus, updateStatusAsync, object, options);
  }

  Message delete(String namespace, String name, Preconditions pre, CallOptions options) {
    return (Message) call(delete, deleteAsync, namespace, name, pre, options);
  }

  /** The returned list message (e.g. {@code ProjectList}). */
  Message deleteCollection(String namespace, ListOptions listOptions, CallOptions options) {
    return (Message) call(deleteCollection, deleteCollectionAsync, namespace, listOptions, options);
  }

  /**
   * The client's lazy {@code list} Pager; in async mode a Pager over {@code listPageAsync}: each
   * page is requested (with {@code listOptions} plus the previous page's continue token and the
   * same call options) only when the iteration reaches it.
   */
  @SuppressWarnings("unchecked")
  Pager<Message> list(String namespace, ListOptions listOptions, CallOptions options) {
    Pager<Message> pager = (Pager<Message>) invoke(list, client, namespace, listOptions, options);
    if (!async) {
      return pager;
    }
    return new Pager<>(token -> (Page<Message>) await(pager.pageAsync(token)));
  }

  @SuppressWarnings("unchecked")
  Watcher<Message> watch(String namespace, WatchOptions watchOptions, WatchSettings settings) {
    return (Watcher<Message>) invoke(watch, client, namespace, watchOptions, settings);
  }

  /** {@code sync(args)}, or in async mode {@code asyncVariant(args)} awaited when there is one. */
  private Object call(Method sync, Method asyncVariant, Object... args) {
    if (async && asyncVariant != null) {
      return await(invoke(asyncVariant, client, args));
    }
    return invoke(sync, client, args);
  }

  /**
   * Waits for {@code future} (a CompletableFuture) and returns its value; a failure is rethrown as
   * its cause, unwrapped from ExecutionException/CompletionException, so the SDK's typed exception
   * surfaces as the sync API would throw it (anything else stays untyped).
   */
  static Object await(Object future) {
    if (!(future instanceof CompletableFuture<?> f)) {
      throw new IllegalStateException("async variant returned " + future + ", not a future");
    }
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw rethrow(unwrap(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a future", e);
    }
  }

  /** The innermost cause of nested ExecutionException/CompletionException wrappers. */
  static Throwable unwrap(Throwable t) {
    while ((t instanceof ExecutionException || t instanceof CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException("future failed with " + t, t);
  }

  /** Calls {@code m}, rethrowing what it threw as is (the SDK's exceptions are unchecked). */
  private static Object invoke(Method m, Object target, Object... args) {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(m.getName() + " threw " + cause, cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + m, e);
    }
  }
}
