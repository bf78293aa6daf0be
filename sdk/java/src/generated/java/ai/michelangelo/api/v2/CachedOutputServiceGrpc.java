package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * CachedOutputService manages cached outputs. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/cached_output_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class CachedOutputServiceGrpc {

  private CachedOutputServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.CachedOutputService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateCachedOutputRequest,
      ai.michelangelo.api.v2.CachedOutput> getCreateCachedOutputMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateCachedOutput",
      requestType = ai.michelangelo.api.v2.CreateCachedOutputRequest.class,
      responseType = ai.michelangelo.api.v2.CachedOutput.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateCachedOutputRequest,
      ai.michelangelo.api.v2.CachedOutput> getCreateCachedOutputMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateCachedOutputRequest, ai.michelangelo.api.v2.CachedOutput> getCreateCachedOutputMethod;
    if ((getCreateCachedOutputMethod = CachedOutputServiceGrpc.getCreateCachedOutputMethod) == null) {
      synchronized (CachedOutputServiceGrpc.class) {
        if ((getCreateCachedOutputMethod = CachedOutputServiceGrpc.getCreateCachedOutputMethod) == null) {
          CachedOutputServiceGrpc.getCreateCachedOutputMethod = getCreateCachedOutputMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreateCachedOutputRequest, ai.michelangelo.api.v2.CachedOutput>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateCachedOutput"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreateCachedOutputRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CachedOutput.getDefaultInstance()))
              .setSchemaDescriptor(new CachedOutputServiceMethodDescriptorSupplier("CreateCachedOutput"))
              .build();
        }
      }
    }
    return getCreateCachedOutputMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetCachedOutputRequest,
      ai.michelangelo.api.v2.CachedOutput> getGetCachedOutputMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetCachedOutput",
      requestType = ai.michelangelo.api.v2.GetCachedOutputRequest.class,
      responseType = ai.michelangelo.api.v2.CachedOutput.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetCachedOutputRequest,
      ai.michelangelo.api.v2.CachedOutput> getGetCachedOutputMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetCachedOutputRequest, ai.michelangelo.api.v2.CachedOutput> getGetCachedOutputMethod;
    if ((getGetCachedOutputMethod = CachedOutputServiceGrpc.getGetCachedOutputMethod) == null) {
      synchronized (CachedOutputServiceGrpc.class) {
        if ((getGetCachedOutputMethod = CachedOutputServiceGrpc.getGetCachedOutputMethod) == null) {
          CachedOutputServiceGrpc.getGetCachedOutputMethod = getGetCachedOutputMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetCachedOutputRequest, ai.michelangelo.api.v2.CachedOutput>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetCachedOutput"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetCachedOutputRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CachedOutput.getDefaultInstance()))
              .setSchemaDescriptor(new CachedOutputServiceMethodDescriptorSupplier("GetCachedOutput"))
              .build();
        }
      }
    }
    return getGetCachedOutputMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateCachedOutputRequest,
      ai.michelangelo.api.v2.CachedOutput> getUpdateCachedOutputMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateCachedOutput",
      requestType = ai.michelangelo.api.v2.UpdateCachedOutputRequest.class,
      responseType = ai.michelangelo.api.v2.CachedOutput.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateCachedOutputRequest,
      ai.michelangelo.api.v2.CachedOutput> getUpdateCachedOutputMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateCachedOutputRequest, ai.michelangelo.api.v2.CachedOutput> getUpdateCachedOutputMethod;
    if ((getUpdateCachedOutputMethod = CachedOutputServiceGrpc.getUpdateCachedOutputMethod) == null) {
      synchronized (CachedOutputServiceGrpc.class) {
        if ((getUpdateCachedOutputMethod = CachedOutputServiceGrpc.getUpdateCachedOutputMethod) == null) {
          CachedOutputServiceGrpc.getUpdateCachedOutputMethod = getUpdateCachedOutputMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateCachedOutputRequest, ai.michelangelo.api.v2.CachedOutput>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateCachedOutput"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateCachedOutputRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CachedOutput.getDefaultInstance()))
              .setSchemaDescriptor(new CachedOutputServiceMethodDescriptorSupplier("UpdateCachedOutput"))
              .build();
        }
      }
    }
    return getUpdateCachedOutputMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateCachedOutputStatusRequest,
      ai.michelangelo.api.v2.CachedOutput> getUpdateCachedOutputStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateCachedOutputStatus",
      requestType = ai.michelangelo.api.v2.UpdateCachedOutputStatusRequest.class,
      responseType = ai.michelangelo.api.v2.CachedOutput.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateCachedOutputStatusRequest,
      ai.michelangelo.api.v2.CachedOutput> getUpdateCachedOutputStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateCachedOutputStatusRequest, ai.michelangelo.api.v2.CachedOutput> getUpdateCachedOutputStatusMethod;
    if ((getUpdateCachedOutputStatusMethod = CachedOutputServiceGrpc.getUpdateCachedOutputStatusMethod) == null) {
      synchronized (CachedOutputServiceGrpc.class) {
        if ((getUpdateCachedOutputStatusMethod = CachedOutputServiceGrpc.getUpdateCachedOutputStatusMethod) == null) {
          CachedOutputServiceGrpc.getUpdateCachedOutputStatusMethod = getUpdateCachedOutputStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateCachedOutputStatusRequest, ai.michelangelo.api.v2.CachedOutput>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateCachedOutputStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateCachedOutputStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CachedOutput.getDefaultInstance()))
              .setSchemaDescriptor(new CachedOutputServiceMethodDescriptorSupplier("UpdateCachedOutputStatus"))
              .build();
        }
      }
    }
    return getUpdateCachedOutputStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteCachedOutputRequest,
      ai.michelangelo.api.v2.CachedOutput> getDeleteCachedOutputMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteCachedOutput",
      requestType = ai.michelangelo.api.v2.DeleteCachedOutputRequest.class,
      responseType = ai.michelangelo.api.v2.CachedOutput.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteCachedOutputRequest,
      ai.michelangelo.api.v2.CachedOutput> getDeleteCachedOutputMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteCachedOutputRequest, ai.michelangelo.api.v2.CachedOutput> getDeleteCachedOutputMethod;
    if ((getDeleteCachedOutputMethod = CachedOutputServiceGrpc.getDeleteCachedOutputMethod) == null) {
      synchronized (CachedOutputServiceGrpc.class) {
        if ((getDeleteCachedOutputMethod = CachedOutputServiceGrpc.getDeleteCachedOutputMethod) == null) {
          CachedOutputServiceGrpc.getDeleteCachedOutputMethod = getDeleteCachedOutputMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteCachedOutputRequest, ai.michelangelo.api.v2.CachedOutput>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteCachedOutput"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteCachedOutputRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CachedOutput.getDefaultInstance()))
              .setSchemaDescriptor(new CachedOutputServiceMethodDescriptorSupplier("DeleteCachedOutput"))
              .build();
        }
      }
    }
    return getDeleteCachedOutputMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteCachedOutputCollectionRequest,
      ai.michelangelo.api.v2.CachedOutputList> getDeleteCachedOutputCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteCachedOutputCollection",
      requestType = ai.michelangelo.api.v2.DeleteCachedOutputCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.CachedOutputList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteCachedOutputCollectionRequest,
      ai.michelangelo.api.v2.CachedOutputList> getDeleteCachedOutputCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteCachedOutputCollectionRequest, ai.michelangelo.api.v2.CachedOutputList> getDeleteCachedOutputCollectionMethod;
    if ((getDeleteCachedOutputCollectionMethod = CachedOutputServiceGrpc.getDeleteCachedOutputCollectionMethod) == null) {
      synchronized (CachedOutputServiceGrpc.class) {
        if ((getDeleteCachedOutputCollectionMethod = CachedOutputServiceGrpc.getDeleteCachedOutputCollectionMethod) == null) {
          CachedOutputServiceGrpc.getDeleteCachedOutputCollectionMethod = getDeleteCachedOutputCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteCachedOutputCollectionRequest, ai.michelangelo.api.v2.CachedOutputList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteCachedOutputCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteCachedOutputCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CachedOutputList.getDefaultInstance()))
              .setSchemaDescriptor(new CachedOutputServiceMethodDescriptorSupplier("DeleteCachedOutputCollection"))
              .build();
        }
      }
    }
    return getDeleteCachedOutputCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListCachedOutputsRequest,
      ai.michelangelo.api.v2.CachedOutputList> getListCachedOutputsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListCachedOutputs",
      requestType = ai.michelangelo.api.v2.ListCachedOutputsRequest.class,
      responseType = ai.michelangelo.api.v2.CachedOutputList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListCachedOutputsRequest,
      ai.michelangelo.api.v2.CachedOutputList> getListCachedOutputsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListCachedOutputsRequest, ai.michelangelo.api.v2.CachedOutputList> getListCachedOutputsMethod;
    if ((getListCachedOutputsMethod = CachedOutputServiceGrpc.getListCachedOutputsMethod) == null) {
      synchronized (CachedOutputServiceGrpc.class) {
        if ((getListCachedOutputsMethod = CachedOutputServiceGrpc.getListCachedOutputsMethod) == null) {
          CachedOutputServiceGrpc.getListCachedOutputsMethod = getListCachedOutputsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListCachedOutputsRequest, ai.michelangelo.api.v2.CachedOutputList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListCachedOutputs"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListCachedOutputsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CachedOutputList.getDefaultInstance()))
              .setSchemaDescriptor(new CachedOutputServiceMethodDescriptorSupplier("ListCachedOutputs"))
              .build();
        }
      }
    }
    return getListCachedOutputsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchCachedOutputsRequest,
      ai.michelangelo.api.v2.CachedOutputWatchEvent> getWatchCachedOutputsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchCachedOutputs",
      requestType = ai.michelangelo.api.v2.WatchCachedOutputsRequest.class,
      responseType = ai.michelangelo.api.v2.CachedOutputWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchCachedOutputsRequest,
      ai.michelangelo.api.v2.CachedOutputWatchEvent> getWatchCachedOutputsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchCachedOutputsRequest, ai.michelangelo.api.v2.CachedOutputWatchEvent> getWatchCachedOutputsMethod;
    if ((getWatchCachedOutputsMethod = CachedOutputServiceGrpc.getWatchCachedOutputsMethod) == null) {
      synchronized (CachedOutputServiceGrpc.class) {
        if ((getWatchCachedOutputsMethod = CachedOutputServiceGrpc.getWatchCachedOutputsMethod) == null) {
          CachedOutputServiceGrpc.getWatchCachedOutputsMethod = getWatchCachedOutputsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchCachedOutputsRequest, ai.michelangelo.api.v2.CachedOutputWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchCachedOutputs"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchCachedOutputsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CachedOutputWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new CachedOutputServiceMethodDescriptorSupplier("WatchCachedOutputs"))
              .build();
        }
      }
    }
    return getWatchCachedOutputsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static CachedOutputServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CachedOutputServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CachedOutputServiceStub>() {
        @java.lang.Override
        public CachedOutputServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CachedOutputServiceStub(channel, callOptions);
        }
      };
    return CachedOutputServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static CachedOutputServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CachedOutputServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CachedOutputServiceBlockingStub>() {
        @java.lang.Override
        public CachedOutputServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CachedOutputServiceBlockingStub(channel, callOptions);
        }
      };
    return CachedOutputServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static CachedOutputServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CachedOutputServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CachedOutputServiceFutureStub>() {
        @java.lang.Override
        public CachedOutputServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CachedOutputServiceFutureStub(channel, callOptions);
        }
      };
    return CachedOutputServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * CachedOutputService manages cached outputs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreateCachedOutput stores a new cached output. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createCachedOutput(ai.michelangelo.api.v2.CreateCachedOutputRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateCachedOutputMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetCachedOutput returns one cached output; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getCachedOutput(ai.michelangelo.api.v2.GetCachedOutputRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetCachedOutputMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateCachedOutput replaces the spec, metadata labels, annotations and finalizers of
     * a cached output. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updateCachedOutput(ai.michelangelo.api.v2.UpdateCachedOutputRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateCachedOutputMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateCachedOutputStatus replaces only the status of a cached output, with the same
     * optimistic concurrency as UpdateCachedOutput.
     * </pre>
     */
    default void updateCachedOutputStatus(ai.michelangelo.api.v2.UpdateCachedOutputStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateCachedOutputStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteCachedOutput removes a cached output. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deleteCachedOutput(ai.michelangelo.api.v2.DeleteCachedOutputRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteCachedOutputMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteCachedOutputCollection deletes every cached output in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deleteCachedOutputCollection(ai.michelangelo.api.v2.DeleteCachedOutputCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutputList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteCachedOutputCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListCachedOutputs returns one page of cached outputs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listCachedOutputs(ai.michelangelo.api.v2.ListCachedOutputsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutputList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListCachedOutputsMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchCachedOutputs streams every change to cached outputs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchCachedOutputs(ai.michelangelo.api.v2.WatchCachedOutputsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutputWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchCachedOutputsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service CachedOutputService.
   * <pre>
   * CachedOutputService manages cached outputs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class CachedOutputServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return CachedOutputServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service CachedOutputService.
   * <pre>
   * CachedOutputService manages cached outputs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class CachedOutputServiceStub
      extends io.grpc.stub.AbstractAsyncStub<CachedOutputServiceStub> {
    private CachedOutputServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CachedOutputServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CachedOutputServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateCachedOutput stores a new cached output. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createCachedOutput(ai.michelangelo.api.v2.CreateCachedOutputRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateCachedOutputMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetCachedOutput returns one cached output; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getCachedOutput(ai.michelangelo.api.v2.GetCachedOutputRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetCachedOutputMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateCachedOutput replaces the spec, metadata labels, annotations and finalizers of
     * a cached output. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updateCachedOutput(ai.michelangelo.api.v2.UpdateCachedOutputRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateCachedOutputMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateCachedOutputStatus replaces only the status of a cached output, with the same
     * optimistic concurrency as UpdateCachedOutput.
     * </pre>
     */
    public void updateCachedOutputStatus(ai.michelangelo.api.v2.UpdateCachedOutputStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateCachedOutputStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteCachedOutput removes a cached output. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deleteCachedOutput(ai.michelangelo.api.v2.DeleteCachedOutputRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteCachedOutputMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteCachedOutputCollection deletes every cached output in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deleteCachedOutputCollection(ai.michelangelo.api.v2.DeleteCachedOutputCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutputList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteCachedOutputCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListCachedOutputs returns one page of cached outputs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listCachedOutputs(ai.michelangelo.api.v2.ListCachedOutputsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutputList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListCachedOutputsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchCachedOutputs streams every change to cached outputs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchCachedOutputs(ai.michelangelo.api.v2.WatchCachedOutputsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutputWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchCachedOutputsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service CachedOutputService.
   * <pre>
   * CachedOutputService manages cached outputs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class CachedOutputServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<CachedOutputServiceBlockingStub> {
    private CachedOutputServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CachedOutputServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CachedOutputServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateCachedOutput stores a new cached output. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.CachedOutput createCachedOutput(ai.michelangelo.api.v2.CreateCachedOutputRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateCachedOutputMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetCachedOutput returns one cached output; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.CachedOutput getCachedOutput(ai.michelangelo.api.v2.GetCachedOutputRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetCachedOutputMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateCachedOutput replaces the spec, metadata labels, annotations and finalizers of
     * a cached output. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.CachedOutput updateCachedOutput(ai.michelangelo.api.v2.UpdateCachedOutputRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateCachedOutputMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateCachedOutputStatus replaces only the status of a cached output, with the same
     * optimistic concurrency as UpdateCachedOutput.
     * </pre>
     */
    public ai.michelangelo.api.v2.CachedOutput updateCachedOutputStatus(ai.michelangelo.api.v2.UpdateCachedOutputStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateCachedOutputStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteCachedOutput removes a cached output. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.CachedOutput deleteCachedOutput(ai.michelangelo.api.v2.DeleteCachedOutputRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteCachedOutputMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteCachedOutputCollection deletes every cached output in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.CachedOutputList deleteCachedOutputCollection(ai.michelangelo.api.v2.DeleteCachedOutputCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteCachedOutputCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListCachedOutputs returns one page of cached outputs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.CachedOutputList listCachedOutputs(ai.michelangelo.api.v2.ListCachedOutputsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListCachedOutputsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchCachedOutputs streams every change to cached outputs after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.CachedOutputWatchEvent> watchCachedOutputs(
        ai.michelangelo.api.v2.WatchCachedOutputsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchCachedOutputsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service CachedOutputService.
   * <pre>
   * CachedOutputService manages cached outputs. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class CachedOutputServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<CachedOutputServiceFutureStub> {
    private CachedOutputServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CachedOutputServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CachedOutputServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateCachedOutput stores a new cached output. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.CachedOutput> createCachedOutput(
        ai.michelangelo.api.v2.CreateCachedOutputRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateCachedOutputMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetCachedOutput returns one cached output; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.CachedOutput> getCachedOutput(
        ai.michelangelo.api.v2.GetCachedOutputRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetCachedOutputMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateCachedOutput replaces the spec, metadata labels, annotations and finalizers of
     * a cached output. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.CachedOutput> updateCachedOutput(
        ai.michelangelo.api.v2.UpdateCachedOutputRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateCachedOutputMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateCachedOutputStatus replaces only the status of a cached output, with the same
     * optimistic concurrency as UpdateCachedOutput.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.CachedOutput> updateCachedOutputStatus(
        ai.michelangelo.api.v2.UpdateCachedOutputStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateCachedOutputStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteCachedOutput removes a cached output. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.CachedOutput> deleteCachedOutput(
        ai.michelangelo.api.v2.DeleteCachedOutputRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteCachedOutputMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteCachedOutputCollection deletes every cached output in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.CachedOutputList> deleteCachedOutputCollection(
        ai.michelangelo.api.v2.DeleteCachedOutputCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteCachedOutputCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListCachedOutputs returns one page of cached outputs; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.CachedOutputList> listCachedOutputs(
        ai.michelangelo.api.v2.ListCachedOutputsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListCachedOutputsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_CACHED_OUTPUT = 0;
  private static final int METHODID_GET_CACHED_OUTPUT = 1;
  private static final int METHODID_UPDATE_CACHED_OUTPUT = 2;
  private static final int METHODID_UPDATE_CACHED_OUTPUT_STATUS = 3;
  private static final int METHODID_DELETE_CACHED_OUTPUT = 4;
  private static final int METHODID_DELETE_CACHED_OUTPUT_COLLECTION = 5;
  private static final int METHODID_LIST_CACHED_OUTPUTS = 6;
  private static final int METHODID_WATCH_CACHED_OUTPUTS = 7;

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
        case METHODID_CREATE_CACHED_OUTPUT:
          serviceImpl.createCachedOutput((ai.michelangelo.api.v2.CreateCachedOutputRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput>) responseObserver);
          break;
        case METHODID_GET_CACHED_OUTPUT:
          serviceImpl.getCachedOutput((ai.michelangelo.api.v2.GetCachedOutputRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput>) responseObserver);
          break;
        case METHODID_UPDATE_CACHED_OUTPUT:
          serviceImpl.updateCachedOutput((ai.michelangelo.api.v2.UpdateCachedOutputRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput>) responseObserver);
          break;
        case METHODID_UPDATE_CACHED_OUTPUT_STATUS:
          serviceImpl.updateCachedOutputStatus((ai.michelangelo.api.v2.UpdateCachedOutputStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput>) responseObserver);
          break;
        case METHODID_DELETE_CACHED_OUTPUT:
          serviceImpl.deleteCachedOutput((ai.michelangelo.api.v2.DeleteCachedOutputRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutput>) responseObserver);
          break;
        case METHODID_DELETE_CACHED_OUTPUT_COLLECTION:
          serviceImpl.deleteCachedOutputCollection((ai.michelangelo.api.v2.DeleteCachedOutputCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutputList>) responseObserver);
          break;
        case METHODID_LIST_CACHED_OUTPUTS:
          serviceImpl.listCachedOutputs((ai.michelangelo.api.v2.ListCachedOutputsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutputList>) responseObserver);
          break;
        case METHODID_WATCH_CACHED_OUTPUTS:
          serviceImpl.watchCachedOutputs((ai.michelangelo.api.v2.WatchCachedOutputsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.CachedOutputWatchEvent>) responseObserver);
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
          getCreateCachedOutputMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreateCachedOutputRequest,
              ai.michelangelo.api.v2.CachedOutput>(
                service, METHODID_CREATE_CACHED_OUTPUT)))
        .addMethod(
          getGetCachedOutputMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetCachedOutputRequest,
              ai.michelangelo.api.v2.CachedOutput>(
                service, METHODID_GET_CACHED_OUTPUT)))
        .addMethod(
          getUpdateCachedOutputMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateCachedOutputRequest,
              ai.michelangelo.api.v2.CachedOutput>(
                service, METHODID_UPDATE_CACHED_OUTPUT)))
        .addMethod(
          getUpdateCachedOutputStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateCachedOutputStatusRequest,
              ai.michelangelo.api.v2.CachedOutput>(
                service, METHODID_UPDATE_CACHED_OUTPUT_STATUS)))
        .addMethod(
          getDeleteCachedOutputMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteCachedOutputRequest,
              ai.michelangelo.api.v2.CachedOutput>(
                service, METHODID_DELETE_CACHED_OUTPUT)))
        .addMethod(
          getDeleteCachedOutputCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteCachedOutputCollectionRequest,
              ai.michelangelo.api.v2.CachedOutputList>(
                service, METHODID_DELETE_CACHED_OUTPUT_COLLECTION)))
        .addMethod(
          getListCachedOutputsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListCachedOutputsRequest,
              ai.michelangelo.api.v2.CachedOutputList>(
                service, METHODID_LIST_CACHED_OUTPUTS)))
        .addMethod(
          getWatchCachedOutputsMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchCachedOutputsRequest,
              ai.michelangelo.api.v2.CachedOutputWatchEvent>(
                service, METHODID_WATCH_CACHED_OUTPUTS)))
        .build();
  }

  private static abstract class CachedOutputServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    CachedOutputServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.CachedOutputSvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("CachedOutputService");
    }
  }

  private static final class CachedOutputServiceFileDescriptorSupplier
      extends CachedOutputServiceBaseDescriptorSupplier {
    CachedOutputServiceFileDescriptorSupplier() {}
  }

  private static final class CachedOutputServiceMethodDescriptorSupplier
      extends CachedOutputServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    CachedOutputServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (CachedOutputServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new CachedOutputServiceFileDescriptorSupplier())
              .addMethod(getCreateCachedOutputMethod())
              .addMethod(getGetCachedOutputMethod())
              .addMethod(getUpdateCachedOutputMethod())
              .addMethod(getUpdateCachedOutputStatusMethod())
              .addMethod(getDeleteCachedOutputMethod())
              .addMethod(getDeleteCachedOutputCollectionMethod())
              .addMethod(getListCachedOutputsMethod())
              .addMethod(getWatchCachedOutputsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
