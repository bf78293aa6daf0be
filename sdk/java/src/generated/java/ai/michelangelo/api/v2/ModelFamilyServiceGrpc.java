package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * ModelFamilyService manages model families. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/model_family_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class ModelFamilyServiceGrpc {

  private ModelFamilyServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.ModelFamilyService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateModelFamilyRequest,
      ai.michelangelo.api.v2.ModelFamily> getCreateModelFamilyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateModelFamily",
      requestType = ai.michelangelo.api.v2.CreateModelFamilyRequest.class,
      responseType = ai.michelangelo.api.v2.ModelFamily.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateModelFamilyRequest,
      ai.michelangelo.api.v2.ModelFamily> getCreateModelFamilyMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateModelFamilyRequest, ai.michelangelo.api.v2.ModelFamily> getCreateModelFamilyMethod;
    if ((getCreateModelFamilyMethod = ModelFamilyServiceGrpc.getCreateModelFamilyMethod) == null) {
      synchronized (ModelFamilyServiceGrpc.class) {
        if ((getCreateModelFamilyMethod = ModelFamilyServiceGrpc.getCreateModelFamilyMethod) == null) {
          ModelFamilyServiceGrpc.getCreateModelFamilyMethod = getCreateModelFamilyMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreateModelFamilyRequest, ai.michelangelo.api.v2.ModelFamily>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateModelFamily"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreateModelFamilyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ModelFamily.getDefaultInstance()))
              .setSchemaDescriptor(new ModelFamilyServiceMethodDescriptorSupplier("CreateModelFamily"))
              .build();
        }
      }
    }
    return getCreateModelFamilyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetModelFamilyRequest,
      ai.michelangelo.api.v2.ModelFamily> getGetModelFamilyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetModelFamily",
      requestType = ai.michelangelo.api.v2.GetModelFamilyRequest.class,
      responseType = ai.michelangelo.api.v2.ModelFamily.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetModelFamilyRequest,
      ai.michelangelo.api.v2.ModelFamily> getGetModelFamilyMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetModelFamilyRequest, ai.michelangelo.api.v2.ModelFamily> getGetModelFamilyMethod;
    if ((getGetModelFamilyMethod = ModelFamilyServiceGrpc.getGetModelFamilyMethod) == null) {
      synchronized (ModelFamilyServiceGrpc.class) {
        if ((getGetModelFamilyMethod = ModelFamilyServiceGrpc.getGetModelFamilyMethod) == null) {
          ModelFamilyServiceGrpc.getGetModelFamilyMethod = getGetModelFamilyMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetModelFamilyRequest, ai.michelangelo.api.v2.ModelFamily>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetModelFamily"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetModelFamilyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ModelFamily.getDefaultInstance()))
              .setSchemaDescriptor(new ModelFamilyServiceMethodDescriptorSupplier("GetModelFamily"))
              .build();
        }
      }
    }
    return getGetModelFamilyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateModelFamilyRequest,
      ai.michelangelo.api.v2.ModelFamily> getUpdateModelFamilyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateModelFamily",
      requestType = ai.michelangelo.api.v2.UpdateModelFamilyRequest.class,
      responseType = ai.michelangelo.api.v2.ModelFamily.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateModelFamilyRequest,
      ai.michelangelo.api.v2.ModelFamily> getUpdateModelFamilyMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateModelFamilyRequest, ai.michelangelo.api.v2.ModelFamily> getUpdateModelFamilyMethod;
    if ((getUpdateModelFamilyMethod = ModelFamilyServiceGrpc.getUpdateModelFamilyMethod) == null) {
      synchronized (ModelFamilyServiceGrpc.class) {
        if ((getUpdateModelFamilyMethod = ModelFamilyServiceGrpc.getUpdateModelFamilyMethod) == null) {
          ModelFamilyServiceGrpc.getUpdateModelFamilyMethod = getUpdateModelFamilyMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateModelFamilyRequest, ai.michelangelo.api.v2.ModelFamily>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateModelFamily"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateModelFamilyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ModelFamily.getDefaultInstance()))
              .setSchemaDescriptor(new ModelFamilyServiceMethodDescriptorSupplier("UpdateModelFamily"))
              .build();
        }
      }
    }
    return getUpdateModelFamilyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateModelFamilyStatusRequest,
      ai.michelangelo.api.v2.ModelFamily> getUpdateModelFamilyStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateModelFamilyStatus",
      requestType = ai.michelangelo.api.v2.UpdateModelFamilyStatusRequest.class,
      responseType = ai.michelangelo.api.v2.ModelFamily.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateModelFamilyStatusRequest,
      ai.michelangelo.api.v2.ModelFamily> getUpdateModelFamilyStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateModelFamilyStatusRequest, ai.michelangelo.api.v2.ModelFamily> getUpdateModelFamilyStatusMethod;
    if ((getUpdateModelFamilyStatusMethod = ModelFamilyServiceGrpc.getUpdateModelFamilyStatusMethod) == null) {
      synchronized (ModelFamilyServiceGrpc.class) {
        if ((getUpdateModelFamilyStatusMethod = ModelFamilyServiceGrpc.getUpdateModelFamilyStatusMethod) == null) {
          ModelFamilyServiceGrpc.getUpdateModelFamilyStatusMethod = getUpdateModelFamilyStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateModelFamilyStatusRequest, ai.michelangelo.api.v2.ModelFamily>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateModelFamilyStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateModelFamilyStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ModelFamily.getDefaultInstance()))
              .setSchemaDescriptor(new ModelFamilyServiceMethodDescriptorSupplier("UpdateModelFamilyStatus"))
              .build();
        }
      }
    }
    return getUpdateModelFamilyStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteModelFamilyRequest,
      ai.michelangelo.api.v2.ModelFamily> getDeleteModelFamilyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteModelFamily",
      requestType = ai.michelangelo.api.v2.DeleteModelFamilyRequest.class,
      responseType = ai.michelangelo.api.v2.ModelFamily.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteModelFamilyRequest,
      ai.michelangelo.api.v2.ModelFamily> getDeleteModelFamilyMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteModelFamilyRequest, ai.michelangelo.api.v2.ModelFamily> getDeleteModelFamilyMethod;
    if ((getDeleteModelFamilyMethod = ModelFamilyServiceGrpc.getDeleteModelFamilyMethod) == null) {
      synchronized (ModelFamilyServiceGrpc.class) {
        if ((getDeleteModelFamilyMethod = ModelFamilyServiceGrpc.getDeleteModelFamilyMethod) == null) {
          ModelFamilyServiceGrpc.getDeleteModelFamilyMethod = getDeleteModelFamilyMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteModelFamilyRequest, ai.michelangelo.api.v2.ModelFamily>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteModelFamily"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteModelFamilyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ModelFamily.getDefaultInstance()))
              .setSchemaDescriptor(new ModelFamilyServiceMethodDescriptorSupplier("DeleteModelFamily"))
              .build();
        }
      }
    }
    return getDeleteModelFamilyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteModelFamilyCollectionRequest,
      ai.michelangelo.api.v2.ModelFamilyList> getDeleteModelFamilyCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteModelFamilyCollection",
      requestType = ai.michelangelo.api.v2.DeleteModelFamilyCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.ModelFamilyList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteModelFamilyCollectionRequest,
      ai.michelangelo.api.v2.ModelFamilyList> getDeleteModelFamilyCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteModelFamilyCollectionRequest, ai.michelangelo.api.v2.ModelFamilyList> getDeleteModelFamilyCollectionMethod;
    if ((getDeleteModelFamilyCollectionMethod = ModelFamilyServiceGrpc.getDeleteModelFamilyCollectionMethod) == null) {
      synchronized (ModelFamilyServiceGrpc.class) {
        if ((getDeleteModelFamilyCollectionMethod = ModelFamilyServiceGrpc.getDeleteModelFamilyCollectionMethod) == null) {
          ModelFamilyServiceGrpc.getDeleteModelFamilyCollectionMethod = getDeleteModelFamilyCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteModelFamilyCollectionRequest, ai.michelangelo.api.v2.ModelFamilyList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteModelFamilyCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteModelFamilyCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ModelFamilyList.getDefaultInstance()))
              .setSchemaDescriptor(new ModelFamilyServiceMethodDescriptorSupplier("DeleteModelFamilyCollection"))
              .build();
        }
      }
    }
    return getDeleteModelFamilyCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListModelFamiliesRequest,
      ai.michelangelo.api.v2.ModelFamilyList> getListModelFamiliesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListModelFamilies",
      requestType = ai.michelangelo.api.v2.ListModelFamiliesRequest.class,
      responseType = ai.michelangelo.api.v2.ModelFamilyList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListModelFamiliesRequest,
      ai.michelangelo.api.v2.ModelFamilyList> getListModelFamiliesMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListModelFamiliesRequest, ai.michelangelo.api.v2.ModelFamilyList> getListModelFamiliesMethod;
    if ((getListModelFamiliesMethod = ModelFamilyServiceGrpc.getListModelFamiliesMethod) == null) {
      synchronized (ModelFamilyServiceGrpc.class) {
        if ((getListModelFamiliesMethod = ModelFamilyServiceGrpc.getListModelFamiliesMethod) == null) {
          ModelFamilyServiceGrpc.getListModelFamiliesMethod = getListModelFamiliesMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListModelFamiliesRequest, ai.michelangelo.api.v2.ModelFamilyList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListModelFamilies"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListModelFamiliesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ModelFamilyList.getDefaultInstance()))
              .setSchemaDescriptor(new ModelFamilyServiceMethodDescriptorSupplier("ListModelFamilies"))
              .build();
        }
      }
    }
    return getListModelFamiliesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchModelFamiliesRequest,
      ai.michelangelo.api.v2.ModelFamilyWatchEvent> getWatchModelFamiliesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchModelFamilies",
      requestType = ai.michelangelo.api.v2.WatchModelFamiliesRequest.class,
      responseType = ai.michelangelo.api.v2.ModelFamilyWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchModelFamiliesRequest,
      ai.michelangelo.api.v2.ModelFamilyWatchEvent> getWatchModelFamiliesMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchModelFamiliesRequest, ai.michelangelo.api.v2.ModelFamilyWatchEvent> getWatchModelFamiliesMethod;
    if ((getWatchModelFamiliesMethod = ModelFamilyServiceGrpc.getWatchModelFamiliesMethod) == null) {
      synchronized (ModelFamilyServiceGrpc.class) {
        if ((getWatchModelFamiliesMethod = ModelFamilyServiceGrpc.getWatchModelFamiliesMethod) == null) {
          ModelFamilyServiceGrpc.getWatchModelFamiliesMethod = getWatchModelFamiliesMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchModelFamiliesRequest, ai.michelangelo.api.v2.ModelFamilyWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchModelFamilies"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchModelFamiliesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ModelFamilyWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new ModelFamilyServiceMethodDescriptorSupplier("WatchModelFamilies"))
              .build();
        }
      }
    }
    return getWatchModelFamiliesMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ModelFamilyServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ModelFamilyServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ModelFamilyServiceStub>() {
        @java.lang.Override
        public ModelFamilyServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ModelFamilyServiceStub(channel, callOptions);
        }
      };
    return ModelFamilyServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ModelFamilyServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ModelFamilyServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ModelFamilyServiceBlockingStub>() {
        @java.lang.Override
        public ModelFamilyServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ModelFamilyServiceBlockingStub(channel, callOptions);
        }
      };
    return ModelFamilyServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ModelFamilyServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ModelFamilyServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ModelFamilyServiceFutureStub>() {
        @java.lang.Override
        public ModelFamilyServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ModelFamilyServiceFutureStub(channel, callOptions);
        }
      };
    return ModelFamilyServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * ModelFamilyService manages model families. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreateModelFamily stores a new model family. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createModelFamily(ai.michelangelo.api.v2.CreateModelFamilyRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateModelFamilyMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetModelFamily returns one model family; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getModelFamily(ai.michelangelo.api.v2.GetModelFamilyRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetModelFamilyMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateModelFamily replaces the spec, metadata labels, annotations and finalizers of
     * a model family. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updateModelFamily(ai.michelangelo.api.v2.UpdateModelFamilyRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateModelFamilyMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateModelFamilyStatus replaces only the status of a model family, with the same
     * optimistic concurrency as UpdateModelFamily.
     * </pre>
     */
    default void updateModelFamilyStatus(ai.michelangelo.api.v2.UpdateModelFamilyStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateModelFamilyStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteModelFamily removes a model family. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deleteModelFamily(ai.michelangelo.api.v2.DeleteModelFamilyRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteModelFamilyMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteModelFamilyCollection deletes every model family in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deleteModelFamilyCollection(ai.michelangelo.api.v2.DeleteModelFamilyCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamilyList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteModelFamilyCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListModelFamilies returns one page of model families; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listModelFamilies(ai.michelangelo.api.v2.ListModelFamiliesRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamilyList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListModelFamiliesMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchModelFamilies streams every change to model families after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchModelFamilies(ai.michelangelo.api.v2.WatchModelFamiliesRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamilyWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchModelFamiliesMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service ModelFamilyService.
   * <pre>
   * ModelFamilyService manages model families. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class ModelFamilyServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return ModelFamilyServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service ModelFamilyService.
   * <pre>
   * ModelFamilyService manages model families. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class ModelFamilyServiceStub
      extends io.grpc.stub.AbstractAsyncStub<ModelFamilyServiceStub> {
    private ModelFamilyServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ModelFamilyServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ModelFamilyServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateModelFamily stores a new model family. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createModelFamily(ai.michelangelo.api.v2.CreateModelFamilyRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateModelFamilyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetModelFamily returns one model family; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getModelFamily(ai.michelangelo.api.v2.GetModelFamilyRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetModelFamilyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateModelFamily replaces the spec, metadata labels, annotations and finalizers of
     * a model family. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updateModelFamily(ai.michelangelo.api.v2.UpdateModelFamilyRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateModelFamilyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateModelFamilyStatus replaces only the status of a model family, with the same
     * optimistic concurrency as UpdateModelFamily.
     * </pre>
     */
    public void updateModelFamilyStatus(ai.michelangelo.api.v2.UpdateModelFamilyStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateModelFamilyStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteModelFamily removes a model family. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deleteModelFamily(ai.michelangelo.api.v2.DeleteModelFamilyRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteModelFamilyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteModelFamilyCollection deletes every model family in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deleteModelFamilyCollection(ai.michelangelo.api.v2.DeleteModelFamilyCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamilyList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteModelFamilyCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListModelFamilies returns one page of model families; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listModelFamilies(ai.michelangelo.api.v2.ListModelFamiliesRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamilyList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListModelFamiliesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchModelFamilies streams every change to model families after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchModelFamilies(ai.michelangelo.api.v2.WatchModelFamiliesRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamilyWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchModelFamiliesMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service ModelFamilyService.
   * <pre>
   * ModelFamilyService manages model families. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class ModelFamilyServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<ModelFamilyServiceBlockingStub> {
    private ModelFamilyServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ModelFamilyServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ModelFamilyServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateModelFamily stores a new model family. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.ModelFamily createModelFamily(ai.michelangelo.api.v2.CreateModelFamilyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateModelFamilyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetModelFamily returns one model family; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.ModelFamily getModelFamily(ai.michelangelo.api.v2.GetModelFamilyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetModelFamilyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateModelFamily replaces the spec, metadata labels, annotations and finalizers of
     * a model family. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.ModelFamily updateModelFamily(ai.michelangelo.api.v2.UpdateModelFamilyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateModelFamilyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateModelFamilyStatus replaces only the status of a model family, with the same
     * optimistic concurrency as UpdateModelFamily.
     * </pre>
     */
    public ai.michelangelo.api.v2.ModelFamily updateModelFamilyStatus(ai.michelangelo.api.v2.UpdateModelFamilyStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateModelFamilyStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteModelFamily removes a model family. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.ModelFamily deleteModelFamily(ai.michelangelo.api.v2.DeleteModelFamilyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteModelFamilyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteModelFamilyCollection deletes every model family in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.ModelFamilyList deleteModelFamilyCollection(ai.michelangelo.api.v2.DeleteModelFamilyCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteModelFamilyCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListModelFamilies returns one page of model families; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.ModelFamilyList listModelFamilies(ai.michelangelo.api.v2.ListModelFamiliesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListModelFamiliesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchModelFamilies streams every change to model families after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.ModelFamilyWatchEvent> watchModelFamilies(
        ai.michelangelo.api.v2.WatchModelFamiliesRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchModelFamiliesMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service ModelFamilyService.
   * <pre>
   * ModelFamilyService manages model families. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class ModelFamilyServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<ModelFamilyServiceFutureStub> {
    private ModelFamilyServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ModelFamilyServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ModelFamilyServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateModelFamily stores a new model family. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.ModelFamily> createModelFamily(
        ai.michelangelo.api.v2.CreateModelFamilyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateModelFamilyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetModelFamily returns one model family; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.ModelFamily> getModelFamily(
        ai.michelangelo.api.v2.GetModelFamilyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetModelFamilyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateModelFamily replaces the spec, metadata labels, annotations and finalizers of
     * a model family. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.ModelFamily> updateModelFamily(
        ai.michelangelo.api.v2.UpdateModelFamilyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateModelFamilyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateModelFamilyStatus replaces only the status of a model family, with the same
     * optimistic concurrency as UpdateModelFamily.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.ModelFamily> updateModelFamilyStatus(
        ai.michelangelo.api.v2.UpdateModelFamilyStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateModelFamilyStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteModelFamily removes a model family. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.ModelFamily> deleteModelFamily(
        ai.michelangelo.api.v2.DeleteModelFamilyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteModelFamilyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteModelFamilyCollection deletes every model family in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.ModelFamilyList> deleteModelFamilyCollection(
        ai.michelangelo.api.v2.DeleteModelFamilyCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteModelFamilyCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListModelFamilies returns one page of model families; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.ModelFamilyList> listModelFamilies(
        ai.michelangelo.api.v2.ListModelFamiliesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListModelFamiliesMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_MODEL_FAMILY = 0;
  private static final int METHODID_GET_MODEL_FAMILY = 1;
  private static final int METHODID_UPDATE_MODEL_FAMILY = 2;
  private static final int METHODID_UPDATE_MODEL_FAMILY_STATUS = 3;
  private static final int METHODID_DELETE_MODEL_FAMILY = 4;
  private static final int METHODID_DELETE_MODEL_FAMILY_COLLECTION = 5;
  private static final int METHODID_LIST_MODEL_FAMILIES = 6;
  private static final int METHODID_WATCH_MODEL_FAMILIES = 7;

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
        case METHODID_CREATE_MODEL_FAMILY:
          serviceImpl.createModelFamily((ai.michelangelo.api.v2.CreateModelFamilyRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily>) responseObserver);
          break;
        case METHODID_GET_MODEL_FAMILY:
          serviceImpl.getModelFamily((ai.michelangelo.api.v2.GetModelFamilyRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily>) responseObserver);
          break;
        case METHODID_UPDATE_MODEL_FAMILY:
          serviceImpl.updateModelFamily((ai.michelangelo.api.v2.UpdateModelFamilyRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily>) responseObserver);
          break;
        case METHODID_UPDATE_MODEL_FAMILY_STATUS:
          serviceImpl.updateModelFamilyStatus((ai.michelangelo.api.v2.UpdateModelFamilyStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily>) responseObserver);
          break;
        case METHODID_DELETE_MODEL_FAMILY:
          serviceImpl.deleteModelFamily((ai.michelangelo.api.v2.DeleteModelFamilyRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamily>) responseObserver);
          break;
        case METHODID_DELETE_MODEL_FAMILY_COLLECTION:
          serviceImpl.deleteModelFamilyCollection((ai.michelangelo.api.v2.DeleteModelFamilyCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamilyList>) responseObserver);
          break;
        case METHODID_LIST_MODEL_FAMILIES:
          serviceImpl.listModelFamilies((ai.michelangelo.api.v2.ListModelFamiliesRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamilyList>) responseObserver);
          break;
        case METHODID_WATCH_MODEL_FAMILIES:
          serviceImpl.watchModelFamilies((ai.michelangelo.api.v2.WatchModelFamiliesRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelFamilyWatchEvent>) responseObserver);
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
          getCreateModelFamilyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreateModelFamilyRequest,
              ai.michelangelo.api.v2.ModelFamily>(
                service, METHODID_CREATE_MODEL_FAMILY)))
        .addMethod(
          getGetModelFamilyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetModelFamilyRequest,
              ai.michelangelo.api.v2.ModelFamily>(
                service, METHODID_GET_MODEL_FAMILY)))
        .addMethod(
          getUpdateModelFamilyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateModelFamilyRequest,
              ai.michelangelo.api.v2.ModelFamily>(
                service, METHODID_UPDATE_MODEL_FAMILY)))
        .addMethod(
          getUpdateModelFamilyStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateModelFamilyStatusRequest,
              ai.michelangelo.api.v2.ModelFamily>(
                service, METHODID_UPDATE_MODEL_FAMILY_STATUS)))
        .addMethod(
          getDeleteModelFamilyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteModelFamilyRequest,
              ai.michelangelo.api.v2.ModelFamily>(
                service, METHODID_DELETE_MODEL_FAMILY)))
        .addMethod(
          getDeleteModelFamilyCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteModelFamilyCollectionRequest,
              ai.michelangelo.api.v2.ModelFamilyList>(
                service, METHODID_DELETE_MODEL_FAMILY_COLLECTION)))
        .addMethod(
          getListModelFamiliesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListModelFamiliesRequest,
              ai.michelangelo.api.v2.ModelFamilyList>(
                service, METHODID_LIST_MODEL_FAMILIES)))
        .addMethod(
          getWatchModelFamiliesMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchModelFamiliesRequest,
              ai.michelangelo.api.v2.ModelFamilyWatchEvent>(
                service, METHODID_WATCH_MODEL_FAMILIES)))
        .build();
  }

  private static abstract class ModelFamilyServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ModelFamilyServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.ModelFamilySvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ModelFamilyService");
    }
  }

  private static final class ModelFamilyServiceFileDescriptorSupplier
      extends ModelFamilyServiceBaseDescriptorSupplier {
    ModelFamilyServiceFileDescriptorSupplier() {}
  }

  private static final class ModelFamilyServiceMethodDescriptorSupplier
      extends ModelFamilyServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    ModelFamilyServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (ModelFamilyServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ModelFamilyServiceFileDescriptorSupplier())
              .addMethod(getCreateModelFamilyMethod())
              .addMethod(getGetModelFamilyMethod())
              .addMethod(getUpdateModelFamilyMethod())
              .addMethod(getUpdateModelFamilyStatusMethod())
              .addMethod(getDeleteModelFamilyMethod())
              .addMethod(getDeleteModelFamilyCollectionMethod())
              .addMethod(getListModelFamiliesMethod())
              .addMethod(getWatchModelFamiliesMethod())
              .build();
        }
      }
    }
    return result;
  }
}
