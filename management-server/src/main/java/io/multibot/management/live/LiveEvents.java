package io.multibot.management.live;

import io.multibot.management.platform.persistence.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;

/**
 * Where the application hands live events: they reach the stream only after the transaction that
 * made the change has committed, and not at all if it rolled back, so the console never shows a
 * state the database does not hold. The events of one transaction go out together, in the order
 * they were raised, with one synchronization per transaction (a round of a thousand outcomes is
 * one, not a thousand). Outside a transaction an event goes out at once; in a transaction already
 * marked for rollback it is dropped.
 */
@ApplicationScoped
public class LiveEvents {

  private static final Object KEY = new Object();

  /** The bean for callers CDI does not create (JPA entity listeners), looked up once. */
  private static volatile LiveEvents current;

  private final EventHub hub;
  private final AfterCommit afterCommit;

  @Inject
  public LiveEvents(EventHub hub, AfterCommit afterCommit) {
    this.hub = hub;
    this.afterCommit = afterCommit;
  }

  /** For CDI's proxy only. */
  protected LiveEvents() {
    this(null, null);
  }

  /** This application's bean, for JPA entity listeners, which call it on every row change. */
  public static LiveEvents current() {
    LiveEvents found = current;
    if (found == null) {
      found = CDI.current().select(LiveEvents.class).get();
      current = found;
    }
    return found;
  }

  public void afterCommit(LiveEvent event) {
    afterCommit.collect(KEY, event, hub::publish);
  }
}
