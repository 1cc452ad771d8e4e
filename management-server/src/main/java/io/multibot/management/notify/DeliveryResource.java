package io.multibot.management.notify;

import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.api.QueryProblems;
import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/notifications/deliveries}: every message queued for a channel and what became of
 * it (role: operator); and {@code /events}, the alert types rules can name.
 */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Alert channels, rules and the delivery record")
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
public class DeliveryResource {

  private final DeliveryService service;

  @Inject
  public DeliveryResource(DeliveryService service) {
    this.service = service;
  }

  /** For CDI's proxy only. */
  protected DeliveryResource() {
    this(null);
  }

  @GET
  @Path("deliveries")
  @Operation(
      operationId = "listDeliveries",
      summary = "Messages queued, sent, retried and failed, newest first (role: operator)")
  public Page<DeliveryView> list(
      @QueryParam("channel") String channel,
      @QueryParam("rule") String rule,
      @Parameter(description = "pending, retrying, sent or failed") @QueryParam("status")
          String status,
      @Parameter(description = "An alert type such as bot.crashed") @QueryParam("event")
          String event,
      @Parameter(description = "A bot id") @QueryParam("bot") String bot,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    DeliveryStatus parsed =
        status == null
            ? null
            : DeliveryStatus.parse(status)
                .orElseThrow(
                    () ->
                        QueryProblems.invalid(
                            "status", "must be pending, retrying, sent or failed"));
    return service.list(
        new DeliveryFilter(
            limit("channel", channel),
            limit("rule", rule),
            parsed,
            limit("event", event),
            limit("bot", bot)),
        PageRequest.parse(page, size));
  }

  @GET
  @Path("deliveries/{id}")
  @Operation(operationId = "getDelivery", summary = "One delivery (role: operator)")
  public DeliveryView get(@PathParam("id") String id) {
    return service.get(id);
  }

  @GET
  @Path("events")
  @Operation(
      operationId = "listAlertTypes",
      summary = "The alert types rules can name, with their default severity (role: operator)")
  public List<AlertTypeView> events() {
    return Arrays.stream(AlertType.values())
        .filter(t -> t != AlertType.TEST)
        .map(
            t ->
                new AlertTypeView(
                    t.wire(), t.severity().wire(), t.resolves().map(AlertType::wire).orElse(null)))
        .toList();
  }

  /** An alert type: its name, default severity, and the type it resolves (if any). */
  public record AlertTypeView(String type, String severity, String resolves) {}

  private static String limit(String parameter, String value) {
    if (value != null && value.length() > 200) {
      throw QueryProblems.invalid(parameter, "must be at most 200 characters");
    }
    return value;
  }
}
