package ai.michelangelo.conformance;

import ai.michelangelo.api.ListOptions;
import ai.michelangelo.api.Preconditions;
import ai.michelangelo.api.WatchOptions;
import ai.michelangelo.api.v2.client.MichelangeloClient;
import ai.michelangelo.sdk.CallOptions;
import ai.michelangelo.sdk.Pager;
import ai.michelangelo.sdk.WatchSettings;
import ai.michelangelo.sdk.Watcher;
import com.google.gson.JsonElement;
import com.google.protobuf.Message;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * One generated resource client (e.g. {@code ProjectClient}) found by reflection: {@code projects}
 * -> {@code MichelangeloClient.projects()}; the object type is the parameter of its {@code
 * create(T, CallOptions)}.
 */
final class Resource {
  private final Object client;
  private final Class<?> type;
  private final Method create;
  private final Method get;
  private final Method update;
  private final Method updateStatus;
  private final Method delete;
  private final Method deleteCollection;
  private final Method list;
  private final Method watch;

  private Resource(Object client, Class<?> type) throws NoSuchMethodException {
    Class<?> c = client.getClass();
    this.client = client;
    this.type = type;
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
  }

  /** The sub-client of {@code resource} (snake_case plural, e.g. {@code model_families}). */
  static Resource of(MichelangeloClient client, String resource) {
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
          return new Resource(invoke(accessor, client), p[0]);
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
    return (Message) call(create, object, options);
  }

  Message get(String namespace, String name, CallOptions options) {
    return (Message) call(get, namespace, name, options);
  }

  Message update(Message object, CallOptions options) {
    return (Message) call(update, object, options);
  }

  Message updateStatus(Message object, CallOptions options) {
    return (Message) call(updateStatus, object, options);
  }

  Message delete(String namespace, String name, Preconditions pre, CallOptions options) {
    return (Message) call(delete, namespace, name, pre, options);
  }

  /** The returned list message (e.g. {@code ProjectList}). */
  Message deleteCollection(String namespace, ListOptions listOptions, CallOptions options) {
    return (Message) call(deleteCollection, namespace, listOptions, options);
  }

  @SuppressWarnings("unchecked")
  Pager<Message> list(String namespace, ListOptions listOptions, CallOptions options) {
    return (Pager<Message>) call(list, namespace, listOptions, options);
  }

  @SuppressWarnings("unchecked")
  Watcher<Message> watch(String namespace, WatchOptions watchOptions, WatchSettings settings) {
    return (Watcher<Message>) call(watch, namespace, watchOptions, settings);
  }

  private Object call(Method m, Object... args) {
    return invoke(m, client, args);
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
