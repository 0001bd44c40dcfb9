package org.greendesk.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A token bucket per client address: each client may make {@code perMinute} requests in a burst, and gets them
 * back at that rate. A client over its budget is answered 429 with {@code Retry-After}, and nothing else is done.
 * Behind a reverse proxy every connection comes from the proxy, so the client's address is then read from the
 * header the proxy adds: its last address, the one the proxy itself saw (those before it are whatever the client
 * sent). Thread safe; idle clients' buckets are forgotten once the map grows, so memory stays bounded by the number
 * of clients active in the last minute or so.
 */
public final class RateLimiter {
  private static final int FORGET_IDLE_ABOVE = 10_000;
  /** The idle buckets are looked for at most this often: with many active clients, a sweep finds few. */
  private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

  private final int capacity;
  private final double tokensPerNano;
  private final LongSupplier nanos;
  private final @Nullable String clientIpHeader;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE);

  /**
   * @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime})
   * @param clientIpHeader the header a trusted reverse proxy puts the client's address in ({@code X-Forwarded-For}),
   *     or {@code null} to use the connection's address
   */
  public RateLimiter(int perMinute, LongSupplier nanos, @Nullable String clientIpHeader) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1: " + perMinute);
    }
    this.capacity = perMinute;
    this.tokensPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
    this.nanos = nanos;
    this.clientIpHeader = clientIpHeader;
  }

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }

  /** Takes one request from the client's budget; empty when allowed, else how long until one would be. */
  public Optional<Duration> take(String client) {
    long now = nanos.getAsLong();
    long last = lastSweep.get();
    if (buckets.size() > FORGET_IDLE_ABOVE && (last == Long.MIN_VALUE || now - last >= SWEEP_EVERY_NANOS)
        && lastSweep.compareAndSet(last, now)) {
      buckets.values().removeIf(b -> refilled(b, now) >= capacity);
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
    synchronized (bucket) {
      bucket.tokens = refilled(bucket, now);
      bucket.updated = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano)));
    }
  }

  private double refilled(Bucket bucket, long now) {
    return Math.min(capacity, bucket.tokens + (now - bucket.updated) * tokensPerNano);
  }

  /** A before-handler: lets the request through, or answers it 429 with the seconds to wait. */
  public void check(Context ctx) {
    take(client(ctx)).ifPresent(wait -> {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      ctx.header("Retry-After", String.valueOf(seconds))
          .status(HttpStatus.TOO_MANY_REQUESTS)
          .json(Map.of("error", "too many requests from your address: try again in " + seconds + " s"));
      ctx.skipRemainingHandlers();
    });
  }

  /** The client's address: the last hop the trusted proxy's header names, else the connection's. */
  public String client(Context ctx) {
    String forwarded = clientIpHeader == null ? null : ctx.header(clientIpHeader);
    if (forwarded == null || forwarded.isBlank()) {
      return ctx.ip();
    }
    return forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
  }
}
