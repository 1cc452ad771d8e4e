package io.multibot.management.status;

import io.multibot.management.audit.AuditLog;
import io.multibot.management.audit.AuditRecord;
import io.multibot.management.notify.Alert;
import io.multibot.management.notify.AlertType;
import io.multibot.management.notify.Alerts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Tells of a lost gateway: audited as the system and raised as {@code gateway.lost}. */
@ApplicationScoped
@Transactional
public class GatewayLosses {

  private final AuditLog audit;
  private final Alerts alerts;
  private final Clock clock;

  @Inject
  public GatewayLosses(AuditLog audit, Alerts alerts, Clock clock) {
    this.audit = audit;
    this.alerts = alerts;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected GatewayLosses() {
    this(null, null, null);
  }

  public void lost(String instance, Instant lastSeen) {
    Instant now = clock.instant();
    String text =
        "no heartbeat since "
            + lastSeen
            + " ("
            + Duration.between(lastSeen, now).toSeconds()
            + " s ago) and it did not leave cleanly; the other gateways take its command"
            + " partitions once its leases expire, and its managed bots are relaunched where"
            + " they are wanted";
    audit.append(
        new AuditRecord(
            now, "system", "system", null, "gateway.lost", "gateway " + instance, 200, text));
    alerts.raise(Alert.of(AlertType.GATEWAY_LOST, null, "gateway " + instance, text, now));
  }
}
