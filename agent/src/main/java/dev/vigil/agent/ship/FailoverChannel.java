package dev.vigil.agent.ship;

import dev.vigil.agent.config.CollectorAddress;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel per collector, used one at a time: every new call goes to the current collector, and
 * a call that ends with an error moves the next call to the next collector in the list, wrapping
 * around. The agent so stays with a collector while its stream lasts, never flaps back to the first
 * one on its own, and with every collector down tries each in turn at the pace of its reconnect
 * backoff. Each collector keeps its own channel, so its address and TLS name stay its own.
 */
final class FailoverChannel extends ManagedChannel {
  private static final Logger LOG = LoggerFactory.getLogger(FailoverChannel.class);

  private final List<CollectorAddress> collectors;
  private final List<ManagedChannel> channels;
  private final AtomicInteger current = new AtomicInteger();
  // The collector that last answered a call, to log each change of collector once.
  private final AtomicInteger answering = new AtomicInteger(-1);

  FailoverChannel(List<CollectorAddress> collectors, List<ManagedChannel> channels) {
    if (collectors.isEmpty() || collectors.size() != channels.size()) {
      throw new IllegalArgumentException("one channel per collector, at least one");
    }
    this.collectors = List.copyOf(collectors);
    this.channels = List.copyOf(channels);
  }

  /** The collector the next call goes to. */
  CollectorAddress currentCollector() {
    return collectors.get(current.get());
  }

  @Override
  public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
    int index = current.get();
    ClientCall<Q, R> call = channels.get(index).newCall(method, options);
    return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        super.start(new Watched<>(listener, index), headers);
      }
    };
  }

  @Override
  public String authority() {
    return channels.get(current.get()).authority();
  }

  @Override
  public ManagedChannel shutdown() {
    channels.forEach(ManagedChannel::shutdown);
    return this;
  }

  @Override
  public ManagedChannel shutdownNow() {
    channels.forEach(ManagedChannel::shutdownNow);
    return this;
  }

  @Override
  public boolean isShutdown() {
    return channels.stream().allMatch(ManagedChannel::isShutdown);
  }

  @Override
  public boolean isTerminated() {
    return channels.stream().allMatch(ManagedChannel::isTerminated);
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    for (ManagedChannel channel : channels) {
      long left = deadline - System.nanoTime();
      if (!channel.awaitTermination(Math.max(0, left), TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void resetConnectBackoff() {
    channels.forEach(ManagedChannel::resetConnectBackoff);
  }

  private void answered(int index) {
    if (answering.getAndSet(index) != index) {
      LOG.info("streaming to collector {}", collectors.get(index));
    }
  }

  private void failed(int index, Status status) {
    int next = (index + 1) % channels.size();
    // Only the first failure of the current collector moves on; a late one of an older call must
    // not skip a collector that has not been tried.
    if (current.compareAndSet(index, next)) {
      LOG.debug(
          "collector {}: {}; the next attempt goes to {}",
          collectors.get(index),
          status,
          collectors.get(next));
    }
  }

  /** Notes which collector answered and moves on when a call to it fails. */
  private final class Watched<R>
      extends ForwardingClientCallListener.SimpleForwardingClientCallListener<R> {
    private final int index;

    Watched(ClientCall.Listener<R> delegate, int index) {
      super(delegate);
      this.index = index;
    }

    @Override
    public void onHeaders(Metadata headers) {
      answered(index);
      super.onHeaders(headers);
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      if (!status.isOk()) {
        failed(index, status);
      }
      super.onClose(status, trailers);
    }
  }
}
