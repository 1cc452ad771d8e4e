package io.multibot.management.live;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The live streams of this management instance: every committed event, numbered, to every connected
 * console, and the last {@value #KEPT} kept so a console that reconnects with {@code Last-Event-ID}
 * gets what it missed.
 *
 * <p>Invariants. Each stream receives events in the order they were published and never one twice
 * (a subscriber remembers the last number it was sent, and a replay and a delivery that overlap
 * skip what it has). A console whose missed events are no longer kept, or that names an id of
 * another instance or an earlier run (the id starts with this run's random prefix), gets a {@code
 * reset} event: reload everything, nothing can be replayed. {@code LiveEventsIT} checks all three
 * over HTTP.
 *
 * <p>Sending happens on this bean's one thread, never on the thread that committed the change (a
 * slow browser must not hold up the result listener). A stream ends after {@code live.max-stream}
 * (default 5 minutes); the console reconnects at once with its last id, which also checks its token
 * again, so a revoked user stops receiving events within that time. A comment every {@code
 * live.heartbeat} keeps proxies from closing an idle stream.
 */
@ApplicationScoped
public class EventHub {

  /** How many events are kept for consoles that reconnect. */
  static final int KEPT = 2_000;

  private static final Logger LOG = Logger.getLogger(EventHub.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String run;
  private final Clock clock;
  private final Duration maxStream;
  private final ArrayDeque<Stored> kept = new ArrayDeque<>();
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final ScheduledThreadPoolExecutor sender;
  private long sequence;

  @Inject
  public EventHub(
      Clock clock,
      @ConfigProperty(name = "live.max-stream", defaultValue = "PT5M") Duration maxStream,
      @ConfigProperty(name = "live.heartbeat", defaultValue = "PT15S") Duration heartbeat) {
    this.clock = clock;
    this.maxStream = maxStream;
    byte[] prefix = new byte[4];
    RANDOM.nextBytes(prefix);
    this.run = HexFormat.of().formatHex(prefix);
    this.sender =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "multibot-live-events");
              thread.setDaemon(true);
              return thread;
            });
    sender.setRemoveOnCancelPolicy(true);
    if (heartbeat != null) {
      long every = Math.max(1, heartbeat.toMillis());
      sender.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /** For CDI's proxy only. */
  protected EventHub() {
    this.run = null;
    this.clock = null;
    this.maxStream = null;
    this.sender = null;
  }

  /** A numbered event as kept. */
  record Stored(long number, LiveEvent event) {}

  /** Numbers and keeps the events, then sends them to every stream (on the sender thread). */
  public void publish(List<LiveEvent> events) {
    List<Stored> stored = new ArrayList<>(events.size());
    synchronized (kept) {
      for (LiveEvent event : events) {
        Stored one = new Stored(++sequence, event);
        kept.addLast(one);
        stored.add(one);
      }
      while (kept.size() > KEPT) {
        kept.removeFirst();
      }
    }
    sender.execute(() -> subscribers.forEach(s -> s.sendAll(stored)));
  }

  /**
   * Opens a stream: first what it missed since {@code lastEventId} (or a {@code reset} when that
   * cannot be replayed), then every new event.
   */
  public void subscribe(SseEventSink sink, Sse sse, String lastEventId) {
    Subscriber subscriber = new Subscriber(sink, sse, clock.instant().plus(maxStream));
    sender.execute(
        () -> {
          if (lastEventId == null || lastEventId.isBlank()) {
            subscriber.skipTo(latest());
            subscriber.comment("connected");
          } else {
            Optional<List<Stored>> missed = since(lastEventId);
            if (missed.isPresent()) {
              subscriber.skipTo(number(lastEventId));
              subscriber.sendAll(missed.get());
            } else {
              subscriber.skipTo(latest());
              subscriber.reset();
            }
          }
          subscribers.add(subscriber);
        });
  }

  /** The events after that id, if they are all still kept and the id is one of this run's. */
  Optional<List<Stored>> since(String lastEventId) {
    long after = number(lastEventId);
    if (after < 0 || !lastEventId.startsWith(run + "-")) {
      return Optional.empty();
    }
    synchronized (kept) {
      if (after > sequence) {
        return Optional.empty();
      }
      long oldest = kept.isEmpty() ? sequence + 1 : kept.peekFirst().number();
      if (after + 1 < oldest) {
        return Optional.empty();
      }
      return Optional.of(kept.stream().filter(s -> s.number() > after).toList());
    }
  }

  /** The id an event is sent with: this run's prefix and its number. */
  String id(long number) {
    return run + "-" + number;
  }

  private static long number(String id) {
    int dash = id.lastIndexOf('-');
    try {
      return dash < 0 ? -1 : Long.parseLong(id.substring(dash + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private long latest() {
    synchronized (kept) {
      return sequence;
    }
  }

  private void heartbeat() {
    Instant now = clock.instant();
    for (Subscriber subscriber : subscribers) {
      if (now.isAfter(subscriber.until)) {
        subscriber.close();
      } else {
        subscriber.comment("heartbeat");
      }
    }
  }

  @PreDestroy
  void stop() {
    subscribers.forEach(Subscriber::close);
    sender.shutdownNow();
  }

  /** One console's stream. Used on the sender thread only. */
  private final class Subscriber {
    private final SseEventSink sink;
    private final Sse sse;
    private final Instant until;
    private long sent;

    Subscriber(SseEventSink sink, Sse sse, Instant until) {
      this.sink = sink;
      this.sse = sse;
      this.until = until;
    }

    void skipTo(long number) {
      sent = Math.max(sent, number);
    }

    void sendAll(List<Stored> events) {
      for (Stored event : events) {
        send(event);
      }
    }

    void send(Stored event) {
      if (event.number() <= sent) {
        return;
      }
      sent = Math.max(sent, event.number());
      write(
          sse.newEventBuilder()
              .id(id(event.number()))
              .name(event.event().type())
              .data(event.event().data().toString())
              .build());
    }

    /** Nothing can be replayed: the console reads every view again; its id is the latest. */
    void reset() {
      write(sse.newEventBuilder().id(id(sent)).name("reset").data("{}").build());
    }

    void comment(String text) {
      write(sse.newEventBuilder().comment(text).build());
    }

    private void write(OutboundSseEvent event) {
      if (sink.isClosed()) {
        subscribers.remove(this);
        return;
      }
      try {
        sink.send(event)
            .whenComplete(
                (done, failure) -> {
                  if (failure != null) {
                    close();
                  }
                });
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "a live stream ended", e);
        close();
      }
    }

    void close() {
      subscribers.remove(this);
      try {
        sink.close();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "closing a live stream failed", e);
      }
    }
  }
}
