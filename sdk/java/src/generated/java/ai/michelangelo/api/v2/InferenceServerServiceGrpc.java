package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * InferenceServerService manages inference servers. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/inference_server_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class InferenceServerServiceGrpc {

  private InferenceServerServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.InferenceServerService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateInferenceServerRequest,
      ai.michelangelo.api.v2.InferenceServer> getCreateInferenceServerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateInferenceServer",
      requestType = ai.michelangelo.api.v2.CreateInferenceServerRequest.class,
      responseType = ai.michelangelo.api.v2.InferenceServer.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateInferenceServerRequest,
      ai.michelangelo.api.v2.InferenceServer> getCreateInferenceServerMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateInferenceServerRequest, ai.michelangelo.api.v2.InferenceServer> getCreateInferenceServerMethod;
    if ((getCreateInferenceServerMethod = InferenceServerServiceGrpc.getCreateInferenceServerMethod) == null) {
      synchronized (InferenceServerServiceGrpc.class) {
        if ((getCreateInferenceServerMethod = InferenceServerServiceGrpc.getCreateInferenceServerMethod) == null) {
          InferenceServerServiceGrpc.getCreateInferenceServerMethod = getCreateInferenceServerMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreateInferenceServerRequest, ai.michelangelo.api.v2.InferenceServer>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateInferenceServer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreateInferenceServerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.InferenceServer.getDefaultInstance()))
              .setSchemaDescriptor(new InferenceServerServiceMethodDescriptorSupplier("CreateInferenceServer"))
              .build();
        }
      }
    }
    return getCreateInferenceServerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetInferenceServerRequest,
      ai.michelangelo.api.v2.InferenceServer> getGetInferenceServerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetInferenceServer",
      requestType = ai.michelangelo.api.v2.GetInferenceServerRequest.class,
      responseType = ai.michelangelo.api.v2.InferenceServer.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetInferenceServerRequest,
      ai.michelangelo.api.v2.InferenceServer> getGetInferenceServerMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetInferenceServerRequest, ai.michelangelo.api.v2.InferenceServer> getGetInferenceServerMethod;
    if ((getGetInferenceServerMethod = InferenceServerServiceGrpc.getGetInferenceServerMethod) == null) {
      synchronized (InferenceServerServiceGrpc.class) {
        if ((getGetInferenceServerMethod = InferenceServerServiceGrpc.getGetInferenceServerMethod) == null) {
          InferenceServerServiceGrpc.getGetInferenceServerMethod = getGetInferenceServerMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetInferenceServerRequest, ai.michelangelo.api.v2.InferenceServer>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetInferenceServer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetInferenceServerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.InferenceServer.getDefaultInstance()))
              .setSchemaDescriptor(new InferenceServerServiceMethodDescriptorSupplier("GetInferenceServer"))
              .build();
        }
      }
    }
    return getGetInferenceServerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateInferenceServerRequest,
      ai.michelangelo.api.v2.InferenceServer> getUpdateInferenceServerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateInferenceServer",
      requestType = ai.michelangelo.api.v2.UpdateInferenceServerRequest.class,
      responseType = ai.michelangelo.api.v2.InferenceServer.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateInferenceServerRequest,
      ai.michelangelo.api.v2.InferenceServer> getUpdateInferenceServerMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateInferenceServerRequest, ai.michelangelo.api.v2.InferenceServer> getUpdateInferenceServerMethod;
    if ((getUpdateInferenceServerMethod = InferenceServerServiceGrpc.getUpdateInferenceServerMethod) == null) {
      synchronized (InferenceServerServiceGrpc.class) {
        if ((getUpdateInferenceServerMethod = InferenceServerServiceGrpc.getUpdateInferenceServerMethod) == null) {
          InferenceServerServiceGrpc.getUpdateInferenceServerMethod = getUpdateInferenceServerMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateInferenceServerRequest, ai.michelangelo.api.v2.InferenceServer>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateInferenceServer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateInferenceServerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.InferenceServer.getDefaultInstance()))
              .setSchemaDescriptor(new InferenceServerServiceMethodDescriptorSupplier("UpdateInferenceServer"))
              .build();
        }
      }
    }
    return getUpdateInferenceServerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateInferenceServerStatusRequest,
      ai.michelangelo.api.v2.InferenceServer> getUpdateInferenceServerStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateInferenceServerStatus",
      requestType = ai.michelangelo.api.v2.UpdateInferenceServerStatusRequest.class,
      responseType = ai.michelangelo.api.v2.InferenceServer.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateInferenceServerStatusRequest,
      ai.michelangelo.api.v2.InferenceServer> getUpdateInferenceServerStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateInferenceServerStatusRequest, ai.michelangelo.api.v2.InferenceServer> getUpdateInferenceServerStatusMethod;
    if ((getUpdateInferenceServerStatusMethod = InferenceServerServiceGrpc.getUpdateInferenceServerStatusMethod) == null) {
      synchronized (InferenceServerServiceGrpc.class) {
        if ((getUpdateInferenceServerStatusMethod = InferenceServerServiceGrpc.getUpdateInferenceServerStatusMethod) == null) {
          InferenceServerServiceGrpc.getUpdateInferenceServerStatusMethod = getUpdateInferenceServerStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateInferenceServerStatusRequest, ai.michelangelo.api.v2.InferenceServer>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateInferenceServerStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateInferenceServerStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.InferenceServer.getDefaultInstance()))
              .setSchemaDescriptor(new InferenceServerServiceMethodDescriptorSupplier("UpdateInferenceServerStatus"))
              .build();
        }
      }
    }
    return getUpdateInferenceServerStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteInferenceServerRequest,
      ai.michelangelo.api.v2.InferenceServer> getDeleteInferenceServerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteInferenceServer",
      requestType = ai.michelangelo.api.v2.DeleteInferenceServerRequest.class,
      responseType = ai.michelangelo.api.v2.InferenceServer.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteInferenceServerRequest,
      ai.michelangelo.api.v2.InferenceServer> getDeleteInferenceServerMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteInferenceServerRequest, ai.michelangelo.api.v2.InferenceServer> getDeleteInferenceServerMethod;
    if ((getDeleteInferenceServerMethod = InferenceServerServiceGrpc.getDeleteInferenceServerMethod) == null) {
      synchronized (InferenceServerServiceGrpc.class) {
        if ((getDeleteInferenceServerMethod = InferenceServerServiceGrpc.getDeleteInferenceServerMethod) == null) {
          InferenceServerServiceGrpc.getDeleteInferenceServerMethod = getDeleteInferenceServerMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteInferenceServerRequest, ai.michelangelo.api.v2.InferenceServer>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteInferenceServer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteInferenceServerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.InferenceServer.getDefaultInstance()))
              .setSchemaDescriptor(new InferenceServerServiceMethodDescriptorSupplier("DeleteInferenceServer"))
              .build();
        }
      }
    }
    return getDeleteInferenceServerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteInferenceServerCollectionRequest,
      ai.michelangelo.api.v2.InferenceServerList> getDeleteInferenceServerCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteInferenceServerCollection",
      requestType = ai.michelangelo.api.v2.DeleteInferenceServerCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.InferenceServerList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteInferenceServerCollectionRequest,
      ai.michelangelo.api.v2.InferenceServerList> getDeleteInferenceServerCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteInferenceServerCollectionRequest, ai.michelangelo.api.v2.InferenceServerList> getDeleteInferenceServerCollectionMethod;
    if ((getDeleteInferenceServerCollectionMethod = InferenceServerServiceGrpc.getDeleteInferenceServerCollectionMethod) == null) {
      synchronized (InferenceServerServiceGrpc.class) {
        if ((getDeleteInferenceServerCollectionMethod = InferenceServerServiceGrpc.getDeleteInferenceServerCollectionMethod) == null) {
          InferenceServerServiceGrpc.getDeleteInferenceServerCollectionMethod = getDeleteInferenceServerCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteInferenceServerCollectionRequest, ai.michelangelo.api.v2.InferenceServerList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteInferenceServerCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteInferenceServerCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.InferenceServerList.getDefaultInstance()))
              .setSchemaDescriptor(new InferenceServerServiceMethodDescriptorSupplier("DeleteInferenceServerCollection"))
              .build();
        }
      }
    }
    return getDeleteInferenceServerCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListInferenceServersRequest,
      ai.michelangelo.api.v2.InferenceServerList> getListInferenceServersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListInferenceServers",
      requestType = ai.michelangelo.api.v2.ListInferenceServersRequest.class,
      responseType = ai.michelangelo.api.v2.InferenceServerList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListInferenceServersRequest,
      ai.michelangelo.api.v2.InferenceServerList> getListInferenceServersMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListInferenceServersRequest, ai.michelangelo.api.v2.InferenceServerList> getListInferenceServersMethod;
    if ((getListInferenceServersMethod = InferenceServerServiceGrpc.getListInferenceServersMethod) == null) {
      synchronized (InferenceServerServiceGrpc.class) {
        if ((getListInferenceServersMethod = InferenceServerServiceGrpc.getListInferenceServersMethod) == null) {
          InferenceServerServiceGrpc.getListInferenceServersMethod = getListInferenceServersMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListInferenceServersRequest, ai.michelangelo.api.v2.InferenceServerList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListInferenceServers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListInferenceServersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.InferenceServerList.getDefaultInstance()))
              .setSchemaDescriptor(new InferenceServerServiceMethodDescriptorSupplier("ListInferenceServers"))
              .build();
        }
      }
    }
    return getListInferenceServersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchInferenceServersRequest,
      ai.michelangelo.api.v2.InferenceServerWatchEvent> getWatchInferenceServersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchInferenceServers",
      requestType = ai.michelangelo.api.v2.WatchInferenceServersRequest.class,
      responseType = ai.michelangelo.api.v2.InferenceServerWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchInferenceServersRequest,
      ai.michelangelo.api.v2.InferenceServerWatchEvent> getWatchInferenceServersMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchInferenceServersRequest, ai.michelangelo.api.v2.InferenceServerWatchEvent> getWatchInferenceServersMethod;
    if ((getWatchInferenceServersMethod = InferenceServerServiceGrpc.getWatchInferenceServersMethod) == null) {
      synchronized (InferenceServerServiceGrpc.class) {
        if ((getWatchInferenceServersMethod = InferenceServerServiceGrpc.getWatchInferenceServersMethod) == null) {
          InferenceServerServiceGrpc.getWatchInferenceServersMethod = getWatchInferenceServersMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchInferenceServersRequest, ai.michelangelo.api.v2.InferenceServerWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchInferenceServers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchInferenceServersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.InferenceServerWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new InferenceServerServiceMethodDescriptorSupplier("WatchInferenceServers"))
              .build();
        }
      }
    }
    return getWatchInferenceServersMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static InferenceServerServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InferenceServerServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InferenceServerServiceStub>() {
        @java.lang.Override
        public InferenceServerServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InferenceServerServiceStub(channel, callOptions);
        }
      };
    return InferenceServerServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static InferenceServerServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InferenceServerServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InferenceServerServiceBlockingStub>() {
        @java.lang.Override
        public InferenceServerServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InferenceServerServiceBlockingStub(channel, callOptions);
        }
      };
    return InferenceServerServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static InferenceServerServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InferenceServerServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InferenceServerServiceFutureStub>() {
        @java.lang.Override
        public InferenceServerServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InferenceServerServiceFutureStub(channel, callOptions);
        }
      };
    return InferenceServerServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * InferenceServerService manages inference servers. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreateInferenceServer stores a new inference server. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createInferenceServer(ai.michelangelo.api.v2.CreateInferenceServerRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateInferenceServerMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetInferenceServer returns one inference server; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getInferenceServer(ai.michelangelo.api.v2.GetInferenceServerRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetInferenceServerMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateInferenceServer replaces the spec, metadata labels, annotations and finalizers of
     * a inference server. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updateInferenceServer(ai.michelangelo.api.v2.UpdateInferenceServerRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateInferenceServerMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateInferenceServerStatus replaces only the status of a inference server, with the same
     * optimistic concurrency as UpdateInferenceServer.
     * </pre>
     */
    default void updateInferenceServerStatus(ai.michelangelo.api.v2.UpdateInferenceServerStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateInferenceServerStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteInferenceServer removes a inference server. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deleteInferenceServer(ai.michelangelo.api.v2.DeleteInferenceServerRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteInferenceServerMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteInferenceServerCollection deletes every inference server in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deleteInferenceServerCollection(ai.michelangelo.api.v2.DeleteInferenceServerCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServerList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteInferenceServerCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListInferenceServers returns one page of inference servers; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listInferenceServers(ai.michelangelo.api.v2.ListInferenceServersRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServerList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListInferenceServersMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchInferenceServers streams every change to inference servers after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchInferenceServers(ai.michelangelo.api.v2.WatchInferenceServersRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServerWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchInferenceServersMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service InferenceServerService.
   * <pre>
   * InferenceServerService manages inference servers. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class InferenceServerServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return InferenceServerServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service InferenceServerService.
   * <pre>
   * InferenceServerService manages inference servers. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class InferenceServerServiceStub
      extends io.grpc.stub.AbstractAsyncStub<InferenceServerServiceStub> {
    private InferenceServerServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InferenceServerServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InferenceServerServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateInferenceServer stores a new inference server. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createInferenceServer(ai.michelangelo.api.v2.CreateInferenceServerRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateInferenceServerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetInferenceServer returns one inference server; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getInferenceServer(ai.michelangelo.api.v2.GetInferenceServerRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetInferenceServerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateInferenceServer replaces the spec, metadata labels, annotations and finalizers of
     * a inference server. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updateInferenceServer(ai.michelangelo.api.v2.UpdateInferenceServerRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateInferenceServerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateInferenceServerStatus replaces only the status of a inference server, with the same
     * optimistic concurrency as UpdateInferenceServer.
     * </pre>
     */
    public void updateInferenceServerStatus(ai.michelangelo.api.v2.UpdateInferenceServerStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateInferenceServerStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteInferenceServer removes a inference server. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deleteInferenceServer(ai.michelangelo.api.v2.DeleteInferenceServerRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteInferenceServerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteInferenceServerCollection deletes every inference server in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deleteInferenceServerCollection(ai.michelangelo.api.v2.DeleteInferenceServerCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServerList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteInferenceServerCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListInferenceServers returns one page of inference servers; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listInferenceServers(ai.michelangelo.api.v2.ListInferenceServersRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServerList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListInferenceServersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchInferenceServers streams every change to inference servers after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchInferenceServers(ai.michelangelo.api.v2.WatchInferenceServersRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServerWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchInferenceServersMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service InferenceServerService.
   * <pre>
   * InferenceServerService manages inference servers. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class InferenceServerServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<InferenceServerServiceBlockingStub> {
    private InferenceServerServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InferenceServerServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InferenceServerServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateInferenceServer stores a new inference server. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.InferenceServer createInferenceServer(ai.michelangelo.api.v2.CreateInferenceServerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateInferenceServerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetInferenceServer returns one inference server; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.InferenceServer getInferenceServer(ai.michelangelo.api.v2.GetInferenceServerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetInferenceServerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateInferenceServer replaces the spec, metadata labels, annotations and finalizers of
     * a inference server. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.InferenceServer updateInferenceServer(ai.michelangelo.api.v2.UpdateInferenceServerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateInferenceServerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateInferenceServerStatus replaces only the status of a inference server, with the same
     * optimistic concurrency as UpdateInferenceServer.
     * </pre>
     */
    public ai.michelangelo.api.v2.InferenceServer updateInferenceServerStatus(ai.michelangelo.api.v2.UpdateInferenceServerStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateInferenceServerStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteInferenceServer removes a inference server. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.InferenceServer deleteInferenceServer(ai.michelangelo.api.v2.DeleteInferenceServerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteInferenceServerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteInferenceServerCollection deletes every inference server in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.InferenceServerList deleteInferenceServerCollection(ai.michelangelo.api.v2.DeleteInferenceServerCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteInferenceServerCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListInferenceServers returns one page of inference servers; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.InferenceServerList listInferenceServers(ai.michelangelo.api.v2.ListInferenceServersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListInferenceServersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchInferenceServers streams every change to inference servers after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.InferenceServerWatchEvent> watchInferenceServers(
        ai.michelangelo.api.v2.WatchInferenceServersRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchInferenceServersMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service InferenceServerService.
   * <pre>
   * InferenceServerService manages inference servers. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class InferenceServerServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<InferenceServerServiceFutureStub> {
    private InferenceServerServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InferenceServerServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InferenceServerServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateInferenceServer stores a new inference server. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.InferenceServer> createInferenceServer(
        ai.michelangelo.api.v2.CreateInferenceServerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateInferenceServerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetInferenceServer returns one inference server; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.InferenceServer> getInferenceServer(
        ai.michelangelo.api.v2.GetInferenceServerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetInferenceServerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateInferenceServer replaces the spec, metadata labels, annotations and finalizers of
     * a inference server. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.InferenceServer> updateInferenceServer(
        ai.michelangelo.api.v2.UpdateInferenceServerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateInferenceServerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateInferenceServerStatus replaces only the status of a inference server, with the same
     * optimistic concurrency as UpdateInferenceServer.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.InferenceServer> updateInferenceServerStatus(
        ai.michelangelo.api.v2.UpdateInferenceServerStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateInferenceServerStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteInferenceServer removes a inference server. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.InferenceServer> deleteInferenceServer(
        ai.michelangelo.api.v2.DeleteInferenceServerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteInferenceServerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteInferenceServerCollection deletes every inference server in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.InferenceServerList> deleteInferenceServerCollection(
        ai.michelangelo.api.v2.DeleteInferenceServerCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteInferenceServerCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListInferenceServers returns one page of inference servers; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.InferenceServerList> listInferenceServers(
        ai.michelangelo.api.v2.ListInferenceServersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListInferenceServersMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_INFERENCE_SERVER = 0;
  private static final int METHODID_GET_INFERENCE_SERVER = 1;
  private static final int METHODID_UPDATE_INFERENCE_SERVER = 2;
  private static final int METHODID_UPDATE_INFERENCE_SERVER_STATUS = 3;
  private static final int METHODID_DELETE_INFERENCE_SERVER = 4;
  private static final int METHODID_DELETE_INFERENCE_SERVER_COLLECTION = 5;
  private static final int METHODID_LIST_INFERENCE_SERVERS = 6;
  private static final int METHODID_WATCH_INFERENCE_SERVERS = 7;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_INFERENCE_SERVER:
          serviceImpl.createInferenceServer((ai.michelangelo.api.v2.CreateInferenceServerRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer>) responseObserver);
          break;
        case METHODID_GET_INFERENCE_SERVER:
          serviceImpl.getInferenceServer((ai.michelangelo.api.v2.GetInferenceServerRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer>) responseObserver);
          break;
        case METHODID_UPDATE_INFERENCE_SERVER:
          serviceImpl.updateInferenceServer((ai.michelangelo.api.v2.UpdateInferenceServerRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer>) responseObserver);
          break;
        case METHODID_UPDATE_INFERENCE_SERVER_STATUS:
          serviceImpl.updateInferenceServerStatus((ai.michelangelo.api.v2.UpdateInferenceServerStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer>) responseObserver);
          break;
        case METHODID_DELETE_INFERENCE_SERVER:
          serviceImpl.deleteInferenceServer((ai.michelangelo.api.v2.DeleteInferenceServerRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServer>) responseObserver);
          break;
        case METHODID_DELETE_INFERENCE_SERVER_COLLECTION:
          serviceImpl.deleteInferenceServerCollection((ai.michelangelo.api.v2.DeleteInferenceServerCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServerList>) responseObserver);
          break;
        case METHODID_LIST_INFERENCE_SERVERS:
          serviceImpl.listInferenceServers((ai.michelangelo.api.v2.ListInferenceServersRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServerList>) responseObserver);
          break;
        case METHODID_WATCH_INFERENCE_SERVERS:
          serviceImpl.watchInferenceServers((ai.michelangelo.api.v2.WatchInferenceServersRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.InferenceServerWatchEvent>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getCreateInferenceServerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreateInferenceServerRequest,
              ai.michelangelo.api.v2.InferenceServer>(
                service, METHODID_CREATE_INFERENCE_SERVER)))
        .addMethod(
          getGetInferenceServerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetInferenceServerRequest,
              ai.michelangelo.api.v2.InferenceServer>(
                service, METHODID_GET_INFERENCE_SERVER)))
        .addMethod(
          getUpdateInferenceServerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateInferenceServerRequest,
              ai.michelangelo.api.v2.InferenceServer>(
                service, METHODID_UPDATE_INFERENCE_SERVER)))
        .addMethod(
          getUpdateInferenceServerStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateInferenceServerStatusRequest,
              ai.michelangelo.api.v2.InferenceServer>(
                service, METHODID_UPDATE_INFERENCE_SERVER_STATUS)))
        .addMethod(
          getDeleteInferenceServerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteInferenceServerRequest,
              ai.michelangelo.api.v2.InferenceServer>(
                service, METHODID_DELETE_INFERENCE_SERVER)))
        .addMethod(
          getDeleteInferenceServerCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteInferenceServerCollectionRequest,
              ai.michelangelo.api.v2.InferenceServerList>(
                service, METHODID_DELETE_INFERENCE_SERVER_COLLECTION)))
        .addMethod(
          getListInferenceServersMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListInferenceServersRequest,
              ai.michelangelo.api.v2.InferenceServerList>(
                service, METHODID_LIST_INFERENCE_SERVERS)))
        .addMethod(
          getWatchInferenceServersMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchInferenceServersRequest,
              ai.michelangelo.api.v2.InferenceServerWatchEvent>(
                service, METHODID_WATCH_INFERENCE_SERVERS)))
        .build();
  }

  private static abstract class InferenceServerServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    InferenceServerServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.InferenceServerSvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("InferenceServerService");
    }
  }

  private static final class InferenceServerServiceFileDescriptorSupplier
      extends InferenceServerServiceBaseDescriptorSupplier {
    InferenceServerServiceFileDescriptorSupplier() {}
  }

  private static final class InferenceServerServiceMethodDescriptorSupplier
      extends InferenceServerServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    InferenceServerServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (InferenceServerServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new InferenceServerServiceFileDescriptorSupplier())
              .addMethod(getCreateInferenceServerMethod())
              .addMethod(getGetInferenceServerMethod())
              .addMethod(getUpdateInferenceServerMethod())
              .addMethod(getUpdateInferenceServerStatusMethod())
              .addMethod(getDeleteInferenceServerMethod())
              .addMethod(getDeleteInferenceServerCollectionMethod())
              .addMethod(getListInferenceServersMethod())
              .addMethod(getWatchInferenceServersMethod())
              .build();
        }
      }
    }
    return result;
  }
}
