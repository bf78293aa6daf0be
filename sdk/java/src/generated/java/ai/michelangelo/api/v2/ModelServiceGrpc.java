package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * ModelService manages models. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/model_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class ModelServiceGrpc {

  private ModelServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.ModelService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateModelRequest,
      ai.michelangelo.api.v2.Model> getCreateModelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateModel",
      requestType = ai.michelangelo.api.v2.CreateModelRequest.class,
      responseType = ai.michelangelo.api.v2.Model.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateModelRequest,
      ai.michelangelo.api.v2.Model> getCreateModelMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateModelRequest, ai.michelangelo.api.v2.Model> getCreateModelMethod;
    if ((getCreateModelMethod = ModelServiceGrpc.getCreateModelMethod) == null) {
      synchronized (ModelServiceGrpc.class) {
        if ((getCreateModelMethod = ModelServiceGrpc.getCreateModelMethod) == null) {
          ModelServiceGrpc.getCreateModelMethod = getCreateModelMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreateModelRequest, ai.michelangelo.api.v2.Model>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateModel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreateModelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Model.getDefaultInstance()))
              .setSchemaDescriptor(new ModelServiceMethodDescriptorSupplier("CreateModel"))
              .build();
        }
      }
    }
    return getCreateModelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetModelRequest,
      ai.michelangelo.api.v2.Model> getGetModelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetModel",
      requestType = ai.michelangelo.api.v2.GetModelRequest.class,
      responseType = ai.michelangelo.api.v2.Model.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetModelRequest,
      ai.michelangelo.api.v2.Model> getGetModelMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetModelRequest, ai.michelangelo.api.v2.Model> getGetModelMethod;
    if ((getGetModelMethod = ModelServiceGrpc.getGetModelMethod) == null) {
      synchronized (ModelServiceGrpc.class) {
        if ((getGetModelMethod = ModelServiceGrpc.getGetModelMethod) == null) {
          ModelServiceGrpc.getGetModelMethod = getGetModelMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetModelRequest, ai.michelangelo.api.v2.Model>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetModel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetModelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Model.getDefaultInstance()))
              .setSchemaDescriptor(new ModelServiceMethodDescriptorSupplier("GetModel"))
              .build();
        }
      }
    }
    return getGetModelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateModelRequest,
      ai.michelangelo.api.v2.Model> getUpdateModelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateModel",
      requestType = ai.michelangelo.api.v2.UpdateModelRequest.class,
      responseType = ai.michelangelo.api.v2.Model.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateModelRequest,
      ai.michelangelo.api.v2.Model> getUpdateModelMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateModelRequest, ai.michelangelo.api.v2.Model> getUpdateModelMethod;
    if ((getUpdateModelMethod = ModelServiceGrpc.getUpdateModelMethod) == null) {
      synchronized (ModelServiceGrpc.class) {
        if ((getUpdateModelMethod = ModelServiceGrpc.getUpdateModelMethod) == null) {
          ModelServiceGrpc.getUpdateModelMethod = getUpdateModelMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateModelRequest, ai.michelangelo.api.v2.Model>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateModel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateModelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Model.getDefaultInstance()))
              .setSchemaDescriptor(new ModelServiceMethodDescriptorSupplier("UpdateModel"))
              .build();
        }
      }
    }
    return getUpdateModelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateModelStatusRequest,
      ai.michelangelo.api.v2.Model> getUpdateModelStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateModelStatus",
      requestType = ai.michelangelo.api.v2.UpdateModelStatusRequest.class,
      responseType = ai.michelangelo.api.v2.Model.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateModelStatusRequest,
      ai.michelangelo.api.v2.Model> getUpdateModelStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateModelStatusRequest, ai.michelangelo.api.v2.Model> getUpdateModelStatusMethod;
    if ((getUpdateModelStatusMethod = ModelServiceGrpc.getUpdateModelStatusMethod) == null) {
      synchronized (ModelServiceGrpc.class) {
        if ((getUpdateModelStatusMethod = ModelServiceGrpc.getUpdateModelStatusMethod) == null) {
          ModelServiceGrpc.getUpdateModelStatusMethod = getUpdateModelStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateModelStatusRequest, ai.michelangelo.api.v2.Model>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateModelStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateModelStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Model.getDefaultInstance()))
              .setSchemaDescriptor(new ModelServiceMethodDescriptorSupplier("UpdateModelStatus"))
              .build();
        }
      }
    }
    return getUpdateModelStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteModelRequest,
      ai.michelangelo.api.v2.Model> getDeleteModelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteModel",
      requestType = ai.michelangelo.api.v2.DeleteModelRequest.class,
      responseType = ai.michelangelo.api.v2.Model.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteModelRequest,
      ai.michelangelo.api.v2.Model> getDeleteModelMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteModelRequest, ai.michelangelo.api.v2.Model> getDeleteModelMethod;
    if ((getDeleteModelMethod = ModelServiceGrpc.getDeleteModelMethod) == null) {
      synchronized (ModelServiceGrpc.class) {
        if ((getDeleteModelMethod = ModelServiceGrpc.getDeleteModelMethod) == null) {
          ModelServiceGrpc.getDeleteModelMethod = getDeleteModelMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteModelRequest, ai.michelangelo.api.v2.Model>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteModel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteModelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Model.getDefaultInstance()))
              .setSchemaDescriptor(new ModelServiceMethodDescriptorSupplier("DeleteModel"))
              .build();
        }
      }
    }
    return getDeleteModelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteModelCollectionRequest,
      ai.michelangelo.api.v2.ModelList> getDeleteModelCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteModelCollection",
      requestType = ai.michelangelo.api.v2.DeleteModelCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.ModelList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteModelCollectionRequest,
      ai.michelangelo.api.v2.ModelList> getDeleteModelCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteModelCollectionRequest, ai.michelangelo.api.v2.ModelList> getDeleteModelCollectionMethod;
    if ((getDeleteModelCollectionMethod = ModelServiceGrpc.getDeleteModelCollectionMethod) == null) {
      synchronized (ModelServiceGrpc.class) {
        if ((getDeleteModelCollectionMethod = ModelServiceGrpc.getDeleteModelCollectionMethod) == null) {
          ModelServiceGrpc.getDeleteModelCollectionMethod = getDeleteModelCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteModelCollectionRequest, ai.michelangelo.api.v2.ModelList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteModelCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteModelCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ModelList.getDefaultInstance()))
              .setSchemaDescriptor(new ModelServiceMethodDescriptorSupplier("DeleteModelCollection"))
              .build();
        }
      }
    }
    return getDeleteModelCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListModelsRequest,
      ai.michelangelo.api.v2.ModelList> getListModelsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListModels",
      requestType = ai.michelangelo.api.v2.ListModelsRequest.class,
      responseType = ai.michelangelo.api.v2.ModelList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListModelsRequest,
      ai.michelangelo.api.v2.ModelList> getListModelsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListModelsRequest, ai.michelangelo.api.v2.ModelList> getListModelsMethod;
    if ((getListModelsMethod = ModelServiceGrpc.getListModelsMethod) == null) {
      synchronized (ModelServiceGrpc.class) {
        if ((getListModelsMethod = ModelServiceGrpc.getListModelsMethod) == null) {
          ModelServiceGrpc.getListModelsMethod = getListModelsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListModelsRequest, ai.michelangelo.api.v2.ModelList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListModels"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListModelsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ModelList.getDefaultInstance()))
              .setSchemaDescriptor(new ModelServiceMethodDescriptorSupplier("ListModels"))
              .build();
        }
      }
    }
    return getListModelsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchModelsRequest,
      ai.michelangelo.api.v2.ModelWatchEvent> getWatchModelsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchModels",
      requestType = ai.michelangelo.api.v2.WatchModelsRequest.class,
      responseType = ai.michelangelo.api.v2.ModelWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchModelsRequest,
      ai.michelangelo.api.v2.ModelWatchEvent> getWatchModelsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchModelsRequest, ai.michelangelo.api.v2.ModelWatchEvent> getWatchModelsMethod;
    if ((getWatchModelsMethod = ModelServiceGrpc.getWatchModelsMethod) == null) {
      synchronized (ModelServiceGrpc.class) {
        if ((getWatchModelsMethod = ModelServiceGrpc.getWatchModelsMethod) == null) {
          ModelServiceGrpc.getWatchModelsMethod = getWatchModelsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchModelsRequest, ai.michelangelo.api.v2.ModelWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchModels"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchModelsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ModelWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new ModelServiceMethodDescriptorSupplier("WatchModels"))
              .build();
        }
      }
    }
    return getWatchModelsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ModelServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ModelServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ModelServiceStub>() {
        @java.lang.Override
        public ModelServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ModelServiceStub(channel, callOptions);
        }
      };
    return ModelServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ModelServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ModelServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ModelServiceBlockingStub>() {
        @java.lang.Override
        public ModelServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ModelServiceBlockingStub(channel, callOptions);
        }
      };
    return ModelServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ModelServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ModelServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ModelServiceFutureStub>() {
        @java.lang.Override
        public ModelServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ModelServiceFutureStub(channel, callOptions);
        }
      };
    return ModelServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * ModelService manages models. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreateModel stores a new model. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createModel(ai.michelangelo.api.v2.CreateModelRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateModelMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetModel returns one model; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getModel(ai.michelangelo.api.v2.GetModelRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetModelMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateModel replaces the spec, metadata labels, annotations and finalizers of
     * a model. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updateModel(ai.michelangelo.api.v2.UpdateModelRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateModelMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateModelStatus replaces only the status of a model, with the same
     * optimistic concurrency as UpdateModel.
     * </pre>
     */
    default void updateModelStatus(ai.michelangelo.api.v2.UpdateModelStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateModelStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteModel removes a model. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deleteModel(ai.michelangelo.api.v2.DeleteModelRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteModelMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteModelCollection deletes every model in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deleteModelCollection(ai.michelangelo.api.v2.DeleteModelCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteModelCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListModels returns one page of models; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listModels(ai.michelangelo.api.v2.ListModelsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListModelsMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchModels streams every change to models after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchModels(ai.michelangelo.api.v2.WatchModelsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchModelsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service ModelService.
   * <pre>
   * ModelService manages models. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class ModelServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return ModelServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service ModelService.
   * <pre>
   * ModelService manages models. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class ModelServiceStub
      extends io.grpc.stub.AbstractAsyncStub<ModelServiceStub> {
    private ModelServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ModelServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ModelServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateModel stores a new model. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createModel(ai.michelangelo.api.v2.CreateModelRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateModelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetModel returns one model; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getModel(ai.michelangelo.api.v2.GetModelRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetModelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateModel replaces the spec, metadata labels, annotations and finalizers of
     * a model. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updateModel(ai.michelangelo.api.v2.UpdateModelRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateModelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateModelStatus replaces only the status of a model, with the same
     * optimistic concurrency as UpdateModel.
     * </pre>
     */
    public void updateModelStatus(ai.michelangelo.api.v2.UpdateModelStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateModelStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteModel removes a model. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deleteModel(ai.michelangelo.api.v2.DeleteModelRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteModelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteModelCollection deletes every model in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deleteModelCollection(ai.michelangelo.api.v2.DeleteModelCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteModelCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListModels returns one page of models; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listModels(ai.michelangelo.api.v2.ListModelsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListModelsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchModels streams every change to models after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchModels(ai.michelangelo.api.v2.WatchModelsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchModelsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service ModelService.
   * <pre>
   * ModelService manages models. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class ModelServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<ModelServiceBlockingStub> {
    private ModelServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ModelServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ModelServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateModel stores a new model. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.Model createModel(ai.michelangelo.api.v2.CreateModelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateModelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetModel returns one model; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.Model getModel(ai.michelangelo.api.v2.GetModelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetModelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateModel replaces the spec, metadata labels, annotations and finalizers of
     * a model. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.Model updateModel(ai.michelangelo.api.v2.UpdateModelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateModelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateModelStatus replaces only the status of a model, with the same
     * optimistic concurrency as UpdateModel.
     * </pre>
     */
    public ai.michelangelo.api.v2.Model updateModelStatus(ai.michelangelo.api.v2.UpdateModelStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateModelStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteModel removes a model. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.Model deleteModel(ai.michelangelo.api.v2.DeleteModelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteModelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteModelCollection deletes every model in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.ModelList deleteModelCollection(ai.michelangelo.api.v2.DeleteModelCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteModelCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListModels returns one page of models; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.ModelList listModels(ai.michelangelo.api.v2.ListModelsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListModelsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchModels streams every change to models after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.ModelWatchEvent> watchModels(
        ai.michelangelo.api.v2.WatchModelsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchModelsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service ModelService.
   * <pre>
   * ModelService manages models. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class ModelServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<ModelServiceFutureStub> {
    private ModelServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ModelServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ModelServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateModel stores a new model. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Model> createModel(
        ai.michelangelo.api.v2.CreateModelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateModelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetModel returns one model; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Model> getModel(
        ai.michelangelo.api.v2.GetModelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetModelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateModel replaces the spec, metadata labels, annotations and finalizers of
     * a model. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Model> updateModel(
        ai.michelangelo.api.v2.UpdateModelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateModelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateModelStatus replaces only the status of a model, with the same
     * optimistic concurrency as UpdateModel.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Model> updateModelStatus(
        ai.michelangelo.api.v2.UpdateModelStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateModelStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteModel removes a model. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Model> deleteModel(
        ai.michelangelo.api.v2.DeleteModelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteModelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteModelCollection deletes every model in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.ModelList> deleteModelCollection(
        ai.michelangelo.api.v2.DeleteModelCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteModelCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListModels returns one page of models; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.ModelList> listModels(
        ai.michelangelo.api.v2.ListModelsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListModelsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_MODEL = 0;
  private static final int METHODID_GET_MODEL = 1;
  private static final int METHODID_UPDATE_MODEL = 2;
  private static final int METHODID_UPDATE_MODEL_STATUS = 3;
  private static final int METHODID_DELETE_MODEL = 4;
  private static final int METHODID_DELETE_MODEL_COLLECTION = 5;
  private static final int METHODID_LIST_MODELS = 6;
  private static final int METHODID_WATCH_MODELS = 7;

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
        case METHODID_CREATE_MODEL:
          serviceImpl.createModel((ai.michelangelo.api.v2.CreateModelRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model>) responseObserver);
          break;
        case METHODID_GET_MODEL:
          serviceImpl.getModel((ai.michelangelo.api.v2.GetModelRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model>) responseObserver);
          break;
        case METHODID_UPDATE_MODEL:
          serviceImpl.updateModel((ai.michelangelo.api.v2.UpdateModelRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model>) responseObserver);
          break;
        case METHODID_UPDATE_MODEL_STATUS:
          serviceImpl.updateModelStatus((ai.michelangelo.api.v2.UpdateModelStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model>) responseObserver);
          break;
        case METHODID_DELETE_MODEL:
          serviceImpl.deleteModel((ai.michelangelo.api.v2.DeleteModelRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Model>) responseObserver);
          break;
        case METHODID_DELETE_MODEL_COLLECTION:
          serviceImpl.deleteModelCollection((ai.michelangelo.api.v2.DeleteModelCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelList>) responseObserver);
          break;
        case METHODID_LIST_MODELS:
          serviceImpl.listModels((ai.michelangelo.api.v2.ListModelsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelList>) responseObserver);
          break;
        case METHODID_WATCH_MODELS:
          serviceImpl.watchModels((ai.michelangelo.api.v2.WatchModelsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ModelWatchEvent>) responseObserver);
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
          getCreateModelMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreateModelRequest,
              ai.michelangelo.api.v2.Model>(
                service, METHODID_CREATE_MODEL)))
        .addMethod(
          getGetModelMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetModelRequest,
              ai.michelangelo.api.v2.Model>(
                service, METHODID_GET_MODEL)))
        .addMethod(
          getUpdateModelMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateModelRequest,
              ai.michelangelo.api.v2.Model>(
                service, METHODID_UPDATE_MODEL)))
        .addMethod(
          getUpdateModelStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateModelStatusRequest,
              ai.michelangelo.api.v2.Model>(
                service, METHODID_UPDATE_MODEL_STATUS)))
        .addMethod(
          getDeleteModelMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteModelRequest,
              ai.michelangelo.api.v2.Model>(
                service, METHODID_DELETE_MODEL)))
        .addMethod(
          getDeleteModelCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteModelCollectionRequest,
              ai.michelangelo.api.v2.ModelList>(
                service, METHODID_DELETE_MODEL_COLLECTION)))
        .addMethod(
          getListModelsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListModelsRequest,
              ai.michelangelo.api.v2.ModelList>(
                service, METHODID_LIST_MODELS)))
        .addMethod(
          getWatchModelsMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchModelsRequest,
              ai.michelangelo.api.v2.ModelWatchEvent>(
                service, METHODID_WATCH_MODELS)))
        .build();
  }

  private static abstract class ModelServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ModelServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.ModelSvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ModelService");
    }
  }

  private static final class ModelServiceFileDescriptorSupplier
      extends ModelServiceBaseDescriptorSupplier {
    ModelServiceFileDescriptorSupplier() {}
  }

  private static final class ModelServiceMethodDescriptorSupplier
      extends ModelServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    ModelServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (ModelServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ModelServiceFileDescriptorSupplier())
              .addMethod(getCreateModelMethod())
              .addMethod(getGetModelMethod())
              .addMethod(getUpdateModelMethod())
              .addMethod(getUpdateModelStatusMethod())
              .addMethod(getDeleteModelMethod())
              .addMethod(getDeleteModelCollectionMethod())
              .addMethod(getListModelsMethod())
              .addMethod(getWatchModelsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
