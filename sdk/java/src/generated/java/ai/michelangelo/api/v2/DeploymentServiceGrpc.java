package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * DeploymentService manages deployments. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/deployment_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class DeploymentServiceGrpc {

  private DeploymentServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.DeploymentService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateDeploymentRequest,
      ai.michelangelo.api.v2.Deployment> getCreateDeploymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateDeployment",
      requestType = ai.michelangelo.api.v2.CreateDeploymentRequest.class,
      responseType = ai.michelangelo.api.v2.Deployment.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateDeploymentRequest,
      ai.michelangelo.api.v2.Deployment> getCreateDeploymentMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateDeploymentRequest, ai.michelangelo.api.v2.Deployment> getCreateDeploymentMethod;
    if ((getCreateDeploymentMethod = DeploymentServiceGrpc.getCreateDeploymentMethod) == null) {
      synchronized (DeploymentServiceGrpc.class) {
        if ((getCreateDeploymentMethod = DeploymentServiceGrpc.getCreateDeploymentMethod) == null) {
          DeploymentServiceGrpc.getCreateDeploymentMethod = getCreateDeploymentMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreateDeploymentRequest, ai.michelangelo.api.v2.Deployment>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateDeployment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreateDeploymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Deployment.getDefaultInstance()))
              .setSchemaDescriptor(new DeploymentServiceMethodDescriptorSupplier("CreateDeployment"))
              .build();
        }
      }
    }
    return getCreateDeploymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetDeploymentRequest,
      ai.michelangelo.api.v2.Deployment> getGetDeploymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetDeployment",
      requestType = ai.michelangelo.api.v2.GetDeploymentRequest.class,
      responseType = ai.michelangelo.api.v2.Deployment.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetDeploymentRequest,
      ai.michelangelo.api.v2.Deployment> getGetDeploymentMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetDeploymentRequest, ai.michelangelo.api.v2.Deployment> getGetDeploymentMethod;
    if ((getGetDeploymentMethod = DeploymentServiceGrpc.getGetDeploymentMethod) == null) {
      synchronized (DeploymentServiceGrpc.class) {
        if ((getGetDeploymentMethod = DeploymentServiceGrpc.getGetDeploymentMethod) == null) {
          DeploymentServiceGrpc.getGetDeploymentMethod = getGetDeploymentMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetDeploymentRequest, ai.michelangelo.api.v2.Deployment>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetDeployment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetDeploymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Deployment.getDefaultInstance()))
              .setSchemaDescriptor(new DeploymentServiceMethodDescriptorSupplier("GetDeployment"))
              .build();
        }
      }
    }
    return getGetDeploymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateDeploymentRequest,
      ai.michelangelo.api.v2.Deployment> getUpdateDeploymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateDeployment",
      requestType = ai.michelangelo.api.v2.UpdateDeploymentRequest.class,
      responseType = ai.michelangelo.api.v2.Deployment.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateDeploymentRequest,
      ai.michelangelo.api.v2.Deployment> getUpdateDeploymentMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateDeploymentRequest, ai.michelangelo.api.v2.Deployment> getUpdateDeploymentMethod;
    if ((getUpdateDeploymentMethod = DeploymentServiceGrpc.getUpdateDeploymentMethod) == null) {
      synchronized (DeploymentServiceGrpc.class) {
        if ((getUpdateDeploymentMethod = DeploymentServiceGrpc.getUpdateDeploymentMethod) == null) {
          DeploymentServiceGrpc.getUpdateDeploymentMethod = getUpdateDeploymentMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateDeploymentRequest, ai.michelangelo.api.v2.Deployment>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateDeployment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateDeploymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Deployment.getDefaultInstance()))
              .setSchemaDescriptor(new DeploymentServiceMethodDescriptorSupplier("UpdateDeployment"))
              .build();
        }
      }
    }
    return getUpdateDeploymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateDeploymentStatusRequest,
      ai.michelangelo.api.v2.Deployment> getUpdateDeploymentStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateDeploymentStatus",
      requestType = ai.michelangelo.api.v2.UpdateDeploymentStatusRequest.class,
      responseType = ai.michelangelo.api.v2.Deployment.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateDeploymentStatusRequest,
      ai.michelangelo.api.v2.Deployment> getUpdateDeploymentStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateDeploymentStatusRequest, ai.michelangelo.api.v2.Deployment> getUpdateDeploymentStatusMethod;
    if ((getUpdateDeploymentStatusMethod = DeploymentServiceGrpc.getUpdateDeploymentStatusMethod) == null) {
      synchronized (DeploymentServiceGrpc.class) {
        if ((getUpdateDeploymentStatusMethod = DeploymentServiceGrpc.getUpdateDeploymentStatusMethod) == null) {
          DeploymentServiceGrpc.getUpdateDeploymentStatusMethod = getUpdateDeploymentStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateDeploymentStatusRequest, ai.michelangelo.api.v2.Deployment>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateDeploymentStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateDeploymentStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Deployment.getDefaultInstance()))
              .setSchemaDescriptor(new DeploymentServiceMethodDescriptorSupplier("UpdateDeploymentStatus"))
              .build();
        }
      }
    }
    return getUpdateDeploymentStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteDeploymentRequest,
      ai.michelangelo.api.v2.Deployment> getDeleteDeploymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteDeployment",
      requestType = ai.michelangelo.api.v2.DeleteDeploymentRequest.class,
      responseType = ai.michelangelo.api.v2.Deployment.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteDeploymentRequest,
      ai.michelangelo.api.v2.Deployment> getDeleteDeploymentMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteDeploymentRequest, ai.michelangelo.api.v2.Deployment> getDeleteDeploymentMethod;
    if ((getDeleteDeploymentMethod = DeploymentServiceGrpc.getDeleteDeploymentMethod) == null) {
      synchronized (DeploymentServiceGrpc.class) {
        if ((getDeleteDeploymentMethod = DeploymentServiceGrpc.getDeleteDeploymentMethod) == null) {
          DeploymentServiceGrpc.getDeleteDeploymentMethod = getDeleteDeploymentMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteDeploymentRequest, ai.michelangelo.api.v2.Deployment>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteDeployment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteDeploymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Deployment.getDefaultInstance()))
              .setSchemaDescriptor(new DeploymentServiceMethodDescriptorSupplier("DeleteDeployment"))
              .build();
        }
      }
    }
    return getDeleteDeploymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteDeploymentCollectionRequest,
      ai.michelangelo.api.v2.DeploymentList> getDeleteDeploymentCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteDeploymentCollection",
      requestType = ai.michelangelo.api.v2.DeleteDeploymentCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.DeploymentList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteDeploymentCollectionRequest,
      ai.michelangelo.api.v2.DeploymentList> getDeleteDeploymentCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteDeploymentCollectionRequest, ai.michelangelo.api.v2.DeploymentList> getDeleteDeploymentCollectionMethod;
    if ((getDeleteDeploymentCollectionMethod = DeploymentServiceGrpc.getDeleteDeploymentCollectionMethod) == null) {
      synchronized (DeploymentServiceGrpc.class) {
        if ((getDeleteDeploymentCollectionMethod = DeploymentServiceGrpc.getDeleteDeploymentCollectionMethod) == null) {
          DeploymentServiceGrpc.getDeleteDeploymentCollectionMethod = getDeleteDeploymentCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteDeploymentCollectionRequest, ai.michelangelo.api.v2.DeploymentList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteDeploymentCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteDeploymentCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeploymentList.getDefaultInstance()))
              .setSchemaDescriptor(new DeploymentServiceMethodDescriptorSupplier("DeleteDeploymentCollection"))
              .build();
        }
      }
    }
    return getDeleteDeploymentCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListDeploymentsRequest,
      ai.michelangelo.api.v2.DeploymentList> getListDeploymentsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListDeployments",
      requestType = ai.michelangelo.api.v2.ListDeploymentsRequest.class,
      responseType = ai.michelangelo.api.v2.DeploymentList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListDeploymentsRequest,
      ai.michelangelo.api.v2.DeploymentList> getListDeploymentsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListDeploymentsRequest, ai.michelangelo.api.v2.DeploymentList> getListDeploymentsMethod;
    if ((getListDeploymentsMethod = DeploymentServiceGrpc.getListDeploymentsMethod) == null) {
      synchronized (DeploymentServiceGrpc.class) {
        if ((getListDeploymentsMethod = DeploymentServiceGrpc.getListDeploymentsMethod) == null) {
          DeploymentServiceGrpc.getListDeploymentsMethod = getListDeploymentsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListDeploymentsRequest, ai.michelangelo.api.v2.DeploymentList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListDeployments"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListDeploymentsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeploymentList.getDefaultInstance()))
              .setSchemaDescriptor(new DeploymentServiceMethodDescriptorSupplier("ListDeployments"))
              .build();
        }
      }
    }
    return getListDeploymentsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchDeploymentsRequest,
      ai.michelangelo.api.v2.DeploymentWatchEvent> getWatchDeploymentsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchDeployments",
      requestType = ai.michelangelo.api.v2.WatchDeploymentsRequest.class,
      responseType = ai.michelangelo.api.v2.DeploymentWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchDeploymentsRequest,
      ai.michelangelo.api.v2.DeploymentWatchEvent> getWatchDeploymentsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchDeploymentsRequest, ai.michelangelo.api.v2.DeploymentWatchEvent> getWatchDeploymentsMethod;
    if ((getWatchDeploymentsMethod = DeploymentServiceGrpc.getWatchDeploymentsMethod) == null) {
      synchronized (DeploymentServiceGrpc.class) {
        if ((getWatchDeploymentsMethod = DeploymentServiceGrpc.getWatchDeploymentsMethod) == null) {
          DeploymentServiceGrpc.getWatchDeploymentsMethod = getWatchDeploymentsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchDeploymentsRequest, ai.michelangelo.api.v2.DeploymentWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchDeployments"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchDeploymentsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeploymentWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new DeploymentServiceMethodDescriptorSupplier("WatchDeployments"))
              .build();
        }
      }
    }
    return getWatchDeploymentsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static DeploymentServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DeploymentServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DeploymentServiceStub>() {
        @java.lang.Override
        public DeploymentServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DeploymentServiceStub(channel, callOptions);
        }
      };
    return DeploymentServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static DeploymentServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DeploymentServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DeploymentServiceBlockingStub>() {
        @java.lang.Override
        public DeploymentServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DeploymentServiceBlockingStub(channel, callOptions);
        }
      };
    return DeploymentServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static DeploymentServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DeploymentServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DeploymentServiceFutureStub>() {
        @java.lang.Override
        public DeploymentServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DeploymentServiceFutureStub(channel, callOptions);
        }
      };
    return DeploymentServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * DeploymentService manages deployments. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreateDeployment stores a new deployment. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createDeployment(ai.michelangelo.api.v2.CreateDeploymentRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateDeploymentMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetDeployment returns one deployment; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getDeployment(ai.michelangelo.api.v2.GetDeploymentRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetDeploymentMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateDeployment replaces the spec, metadata labels, annotations and finalizers of
     * a deployment. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updateDeployment(ai.michelangelo.api.v2.UpdateDeploymentRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateDeploymentMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateDeploymentStatus replaces only the status of a deployment, with the same
     * optimistic concurrency as UpdateDeployment.
     * </pre>
     */
    default void updateDeploymentStatus(ai.michelangelo.api.v2.UpdateDeploymentStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateDeploymentStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteDeployment removes a deployment. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deleteDeployment(ai.michelangelo.api.v2.DeleteDeploymentRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteDeploymentMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteDeploymentCollection deletes every deployment in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deleteDeploymentCollection(ai.michelangelo.api.v2.DeleteDeploymentCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.DeploymentList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteDeploymentCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListDeployments returns one page of deployments; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listDeployments(ai.michelangelo.api.v2.ListDeploymentsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.DeploymentList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListDeploymentsMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchDeployments streams every change to deployments after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchDeployments(ai.michelangelo.api.v2.WatchDeploymentsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.DeploymentWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchDeploymentsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service DeploymentService.
   * <pre>
   * DeploymentService manages deployments. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class DeploymentServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return DeploymentServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service DeploymentService.
   * <pre>
   * DeploymentService manages deployments. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class DeploymentServiceStub
      extends io.grpc.stub.AbstractAsyncStub<DeploymentServiceStub> {
    private DeploymentServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DeploymentServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DeploymentServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateDeployment stores a new deployment. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createDeployment(ai.michelangelo.api.v2.CreateDeploymentRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateDeploymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetDeployment returns one deployment; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getDeployment(ai.michelangelo.api.v2.GetDeploymentRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetDeploymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateDeployment replaces the spec, metadata labels, annotations and finalizers of
     * a deployment. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updateDeployment(ai.michelangelo.api.v2.UpdateDeploymentRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateDeploymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateDeploymentStatus replaces only the status of a deployment, with the same
     * optimistic concurrency as UpdateDeployment.
     * </pre>
     */
    public void updateDeploymentStatus(ai.michelangelo.api.v2.UpdateDeploymentStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateDeploymentStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteDeployment removes a deployment. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deleteDeployment(ai.michelangelo.api.v2.DeleteDeploymentRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteDeploymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteDeploymentCollection deletes every deployment in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deleteDeploymentCollection(ai.michelangelo.api.v2.DeleteDeploymentCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.DeploymentList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteDeploymentCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListDeployments returns one page of deployments; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listDeployments(ai.michelangelo.api.v2.ListDeploymentsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.DeploymentList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListDeploymentsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchDeployments streams every change to deployments after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchDeployments(ai.michelangelo.api.v2.WatchDeploymentsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.DeploymentWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchDeploymentsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service DeploymentService.
   * <pre>
   * DeploymentService manages deployments. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class DeploymentServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<DeploymentServiceBlockingStub> {
    private DeploymentServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DeploymentServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DeploymentServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateDeployment stores a new deployment. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.Deployment createDeployment(ai.michelangelo.api.v2.CreateDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetDeployment returns one deployment; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.Deployment getDeployment(ai.michelangelo.api.v2.GetDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateDeployment replaces the spec, metadata labels, annotations and finalizers of
     * a deployment. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.Deployment updateDeployment(ai.michelangelo.api.v2.UpdateDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateDeploymentStatus replaces only the status of a deployment, with the same
     * optimistic concurrency as UpdateDeployment.
     * </pre>
     */
    public ai.michelangelo.api.v2.Deployment updateDeploymentStatus(ai.michelangelo.api.v2.UpdateDeploymentStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateDeploymentStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteDeployment removes a deployment. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.Deployment deleteDeployment(ai.michelangelo.api.v2.DeleteDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteDeploymentCollection deletes every deployment in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.DeploymentList deleteDeploymentCollection(ai.michelangelo.api.v2.DeleteDeploymentCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteDeploymentCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListDeployments returns one page of deployments; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.DeploymentList listDeployments(ai.michelangelo.api.v2.ListDeploymentsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListDeploymentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchDeployments streams every change to deployments after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.DeploymentWatchEvent> watchDeployments(
        ai.michelangelo.api.v2.WatchDeploymentsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchDeploymentsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service DeploymentService.
   * <pre>
   * DeploymentService manages deployments. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class DeploymentServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<DeploymentServiceFutureStub> {
    private DeploymentServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DeploymentServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DeploymentServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateDeployment stores a new deployment. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Deployment> createDeployment(
        ai.michelangelo.api.v2.CreateDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateDeploymentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetDeployment returns one deployment; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Deployment> getDeployment(
        ai.michelangelo.api.v2.GetDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetDeploymentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateDeployment replaces the spec, metadata labels, annotations and finalizers of
     * a deployment. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Deployment> updateDeployment(
        ai.michelangelo.api.v2.UpdateDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateDeploymentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateDeploymentStatus replaces only the status of a deployment, with the same
     * optimistic concurrency as UpdateDeployment.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Deployment> updateDeploymentStatus(
        ai.michelangelo.api.v2.UpdateDeploymentStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateDeploymentStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteDeployment removes a deployment. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Deployment> deleteDeployment(
        ai.michelangelo.api.v2.DeleteDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteDeploymentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteDeploymentCollection deletes every deployment in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.DeploymentList> deleteDeploymentCollection(
        ai.michelangelo.api.v2.DeleteDeploymentCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteDeploymentCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListDeployments returns one page of deployments; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.DeploymentList> listDeployments(
        ai.michelangelo.api.v2.ListDeploymentsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListDeploymentsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_DEPLOYMENT = 0;
  private static final int METHODID_GET_DEPLOYMENT = 1;
  private static final int METHODID_UPDATE_DEPLOYMENT = 2;
  private static final int METHODID_UPDATE_DEPLOYMENT_STATUS = 3;
  private static final int METHODID_DELETE_DEPLOYMENT = 4;
  private static final int METHODID_DELETE_DEPLOYMENT_COLLECTION = 5;
  private static final int METHODID_LIST_DEPLOYMENTS = 6;
  private static final int METHODID_WATCH_DEPLOYMENTS = 7;

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
        case METHODID_CREATE_DEPLOYMENT:
          serviceImpl.createDeployment((ai.michelangelo.api.v2.CreateDeploymentRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment>) responseObserver);
          break;
        case METHODID_GET_DEPLOYMENT:
          serviceImpl.getDeployment((ai.michelangelo.api.v2.GetDeploymentRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment>) responseObserver);
          break;
        case METHODID_UPDATE_DEPLOYMENT:
          serviceImpl.updateDeployment((ai.michelangelo.api.v2.UpdateDeploymentRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment>) responseObserver);
          break;
        case METHODID_UPDATE_DEPLOYMENT_STATUS:
          serviceImpl.updateDeploymentStatus((ai.michelangelo.api.v2.UpdateDeploymentStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment>) responseObserver);
          break;
        case METHODID_DELETE_DEPLOYMENT:
          serviceImpl.deleteDeployment((ai.michelangelo.api.v2.DeleteDeploymentRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Deployment>) responseObserver);
          break;
        case METHODID_DELETE_DEPLOYMENT_COLLECTION:
          serviceImpl.deleteDeploymentCollection((ai.michelangelo.api.v2.DeleteDeploymentCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.DeploymentList>) responseObserver);
          break;
        case METHODID_LIST_DEPLOYMENTS:
          serviceImpl.listDeployments((ai.michelangelo.api.v2.ListDeploymentsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.DeploymentList>) responseObserver);
          break;
        case METHODID_WATCH_DEPLOYMENTS:
          serviceImpl.watchDeployments((ai.michelangelo.api.v2.WatchDeploymentsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.DeploymentWatchEvent>) responseObserver);
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
          getCreateDeploymentMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreateDeploymentRequest,
              ai.michelangelo.api.v2.Deployment>(
                service, METHODID_CREATE_DEPLOYMENT)))
        .addMethod(
          getGetDeploymentMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetDeploymentRequest,
              ai.michelangelo.api.v2.Deployment>(
                service, METHODID_GET_DEPLOYMENT)))
        .addMethod(
          getUpdateDeploymentMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateDeploymentRequest,
              ai.michelangelo.api.v2.Deployment>(
                service, METHODID_UPDATE_DEPLOYMENT)))
        .addMethod(
          getUpdateDeploymentStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateDeploymentStatusRequest,
              ai.michelangelo.api.v2.Deployment>(
                service, METHODID_UPDATE_DEPLOYMENT_STATUS)))
        .addMethod(
          getDeleteDeploymentMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteDeploymentRequest,
              ai.michelangelo.api.v2.Deployment>(
                service, METHODID_DELETE_DEPLOYMENT)))
        .addMethod(
          getDeleteDeploymentCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteDeploymentCollectionRequest,
              ai.michelangelo.api.v2.DeploymentList>(
                service, METHODID_DELETE_DEPLOYMENT_COLLECTION)))
        .addMethod(
          getListDeploymentsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListDeploymentsRequest,
              ai.michelangelo.api.v2.DeploymentList>(
                service, METHODID_LIST_DEPLOYMENTS)))
        .addMethod(
          getWatchDeploymentsMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchDeploymentsRequest,
              ai.michelangelo.api.v2.DeploymentWatchEvent>(
                service, METHODID_WATCH_DEPLOYMENTS)))
        .build();
  }

  private static abstract class DeploymentServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    DeploymentServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.DeploymentSvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("DeploymentService");
    }
  }

  private static final class DeploymentServiceFileDescriptorSupplier
      extends DeploymentServiceBaseDescriptorSupplier {
    DeploymentServiceFileDescriptorSupplier() {}
  }

  private static final class DeploymentServiceMethodDescriptorSupplier
      extends DeploymentServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    DeploymentServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (DeploymentServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new DeploymentServiceFileDescriptorSupplier())
              .addMethod(getCreateDeploymentMethod())
              .addMethod(getGetDeploymentMethod())
              .addMethod(getUpdateDeploymentMethod())
              .addMethod(getUpdateDeploymentStatusMethod())
              .addMethod(getDeleteDeploymentMethod())
              .addMethod(getDeleteDeploymentCollectionMethod())
              .addMethod(getListDeploymentsMethod())
              .addMethod(getWatchDeploymentsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
