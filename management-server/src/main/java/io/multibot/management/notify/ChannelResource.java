package io.multibot.management.notify;

import io.multibot.management.audit.Audited;
import io.multibot.management.platform.api.EntityTags;
import io.multibot.management.platform.api.Links;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.api.Versioned;
import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/notifications/channels}: where notifications go (role: admin). */
@Path("/notifications/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Alert channels, rules and the delivery record")
@RolesAllowed(Roles.ADMIN)
@RequestScoped
public class ChannelResource {

  private final ChannelService service;
  private final DeliveryService deliveries;
  private final ChannelSenders senders;

  @Inject
  public ChannelResource(
      ChannelService service, DeliveryService deliveries, ChannelSenders senders) {
    this.service = service;
    this.deliveries = deliveries;
    this.senders = senders;
  }

  /** For CDI's proxy only. */
  protected ChannelResource() {
    this(null, null, null);
  }

  @GET
  @Operation(operationId = "listChannels", summary = "List notification channels (role: admin)")
  public Page<ChannelView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
    return service.list(PageRequest.parse(page, size));
  }

  @POST
  @Operation(
      operationId = "createChannel",
      summary = "Create a notification channel; its secrets are write-only (role: admin)")
  @Audited("notification.channel.create")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the channel",
      content = @Content(schema = @Schema(implementation = ChannelView.class)))
  public Response create(@Audited.Body ChannelRequest request, @Context UriInfo uri) {
    Versioned<ChannelView> created = service.create(request);
    return EntityTags.created(
        Links.location(uri, "notifications/channels", created.value().name()), created);
  }

  @GET
  @Path("{name}")
  @Operation(operationId = "getChannel", summary = "Read a notification channel (role: admin)")
  @APIResponse(
      responseCode = "200",
      description = "The channel; ETag is its version",
      content = @Content(schema = @Schema(implementation = ChannelView.class)))
  public Response get(@PathParam("name") String name) {
    return EntityTags.ok(service.get(name));
  }

  @PUT
  @Path("{name}")
  @Operation(
      operationId = "updateChannel",
      summary = "Replace a channel's settings; omitted secrets are kept (role: admin)")
  @Audited("notification.channel.update")
  @APIResponse(
      responseCode = "200",
      description = "Updated; ETag is the new version",
      content = @Content(schema = @Schema(implementation = ChannelView.class)))
  public Response update(
      @PathParam("name") String name,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Audited.Body ChannelRequest request) {
    return EntityTags.ok(service.update(name, request, EntityTags.expectedVersion(ifMatch)));
  }

  @DELETE
  @Path("{name}")
  @Operation(operationId = "deleteChannel", summary = "Delete a channel no rule uses (role: admin)")
  @Audited("notification.channel.delete")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(
      @PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    service.delete(name, EntityTags.expectedVersion(ifMatch));
    return Response.noContent().build();
  }

  @POST
  @Path("{name}/test")
  @Operation(
      operationId = "testChannel",
      summary =
          "Send a test message now, once (role: admin); 502 with the channel's answer if it"
              + " was not delivered")
  @Audited("notification.channel.test")
  @APIResponse(
      responseCode = "502",
      description = "Not delivered: the problem's detail holds the channel's answer")
  @APIResponse(
      responseCode = "200",
      description = "Delivered; the recorded delivery",
      content = @Content(schema = @Schema(implementation = DeliveryView.class)))
  public DeliveryView test(@PathParam("name") String name, @Context SecurityContext security) {
    return senders.test(deliveries, name, security.getUserPrincipal().getName());
  }
}
