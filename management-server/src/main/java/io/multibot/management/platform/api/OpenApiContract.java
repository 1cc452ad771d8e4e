package io.multibot.management.platform.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the API document with what every operation shares, so that no resource can forget it:
 * the {@code Problem} schema, the bearer requirement (none for sign-in and refresh), and the errors
 * each kind of operation can answer — 401/403 when secured, 404 with a path parameter, 415/413 with
 * a body, 422 with parameters or a body, 412/428 with {@code If-Match}, 409/503 when it writes,
 * 400/406/500 always (401 only when secured or a sign-in, 429 for sign-in). Registered as {@code
 * mp.openapi.filter}.
 */
public class OpenApiContract implements OASFilter {

  static final String PROBLEM = "Problem";
  private static final Set<String> PUBLIC = Set.of("login", "refreshTokens", "signOut", "ping");
  private static final Set<String> SIGN_IN = Set.of("login", "refreshTokens");
  private static final Set<String> COMMANDS =
      Set.of("sendCommand", "startBot", "stopBot", "restartBot");
  private static final Map<String, String> ERRORS =
      Map.ofEntries(
          Map.entry("400", "Malformed request: not JSON, not one object, or a malformed header"),
          Map.entry("401", "No valid bearer token (WWW-Authenticate: Bearer)"),
          Map.entry("403", "The token's role is not allowed to do this"),
          Map.entry("404", "Nothing with this id or name"),
          Map.entry("406", "The Accept header names no media type this operation produces"),
          Map.entry(
              "409", "Conflicts with the current state, or lost a race with a concurrent change"),
          Map.entry("412", "If-Match names an older version"),
          Map.entry("413", "The body is larger than API_MAX_BODY_BYTES"),
          Map.entry("415", "The body is not application/json in UTF-8, or is encoded"),
          Map.entry("422", "Invalid fields or parameters, listed in errors"),
          Map.entry("428", "If-Match is required"),
          Map.entry("429", "Too many failed sign-ins; Retry-After says when to try again"),
          Map.entry("500", "An unexpected error, with an incident id to quote"),
          Map.entry("502", "A service called on the client's behalf refused or was not reached"),
          Map.entry("503", "The database or Redis is unavailable; nothing was changed"));

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    Components components = openApi.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openApi.setComponents(components);
    }
    components.addSchema(PROBLEM, problemSchema());
    if (components.getSchemas() != null) {
      numberOr(components, "BotRequest", "stakeAmount", "unlimited", "Stake per trade");
      numberOr(components, "BotView", "stakeAmount", "unlimited", "Stake per trade");
      numberOr(components, "CommandRequest", "tradeId", "all", "forceexit: a trade id");
      numberOr(components, "BulkRequest", "tradeId", "all", "forceexit: a trade id");
    }
    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    openApi.getPaths().getPathItems().values().forEach(this::complete);
  }

  private void complete(PathItem item) {
    item.getOperations().forEach((method, operation) -> complete(method, operation, item));
  }

  private void complete(PathItem.HttpMethod method, Operation operation, PathItem item) {
    boolean secured = !PUBLIC.contains(operation.getOperationId());
    if (COMMANDS.contains(operation.getOperationId())) {
      commandAnswers(operation);
    }
    operation.setSecurity(
        secured ? List.of(OASFactory.createSecurityRequirement().addScheme("bearer")) : List.of());
    boolean signIn = SIGN_IN.contains(operation.getOperationId());
    for (String status : errors(method, operation, item, secured, signIn)) {
      addError(operation, status);
    }
  }

  /**
   * The errors an operation of this kind can answer: 401/403 when secured, 401/429 for sign-in
   * (wrong credentials, throttled), neither for a public probe such as {@code ping}.
   */
  static List<String> errors(
      PathItem.HttpMethod method,
      Operation operation,
      PathItem item,
      boolean secured,
      boolean signIn) {
    List<Parameter> parameters = parameters(operation, item);
    boolean body = operation.getRequestBody() != null;
    boolean writes = method != PathItem.HttpMethod.GET;
    List<String> errors = new java.util.ArrayList<>(List.of("400", "406", "500"));
    if (secured) {
      errors.addAll(List.of("401", "403"));
    } else if (signIn) {
      errors.addAll(List.of("401", "429"));
    }
    if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
      errors.add("404");
    }
    if (body) {
      errors.addAll(List.of("413", "415"));
    }
    if (body || writes || parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
      errors.add("422");
    }
    if (parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
      errors.addAll(List.of("412", "428"));
    }
    if (writes) {
      errors.addAll(List.of("409", "503"));
    }
    errors.addAll(declared(operation, "502"));
    return errors;
  }

  /** The statuses an operation declares itself among {@code statuses} (they get the Problem). */
  private static List<String> declared(Operation operation, String... statuses) {
    APIResponses responses = operation.getResponses();
    return responses == null
        ? List.of()
        : java.util.Arrays.stream(statuses)
            .filter(status -> responses.getAPIResponse(status) != null)
            .toList();
  }

  /** A command to one bot: 202 with the command, or 200 when ?wait saw it finish. */
  private static void commandAnswers(Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    org.eclipse.microprofile.openapi.models.media.Content command =
        OASFactory.createContent()
            .addMediaType(
                "application/json",
                OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("#/components/schemas/CommandView")));
    operation.getResponses().removeAPIResponse("200");
    operation
        .getResponses()
        .addAPIResponse(
            "202",
            OASFactory.createAPIResponse()
                .description("Accepted; Location names the command")
                .content(command))
        .addAPIResponse(
            "200",
            OASFactory.createAPIResponse()
                .description("With ?wait: the command finished in time")
                .content(command));
  }

  private static List<Parameter> parameters(Operation operation, PathItem item) {
    List<Parameter> all = new java.util.ArrayList<>();
    if (item.getParameters() != null) {
      all.addAll(item.getParameters());
    }
    if (operation.getParameters() != null) {
      all.addAll(operation.getParameters());
    }
    return all;
  }

  private static void addError(Operation operation, String status) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    APIResponse existing = responses.getAPIResponse(status);
    if (existing == null) {
      responses.addAPIResponse(
          status,
          OASFactory.createAPIResponse().description(ERRORS.get(status)).content(problem()));
    } else if (existing.getContent() == null) {
      existing.content(problem());
    }
  }

  private static org.eclipse.microprofile.openapi.models.media.Content problem() {
    return OASFactory.createContent()
        .addMediaType(
            "application/problem+json",
            OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)));
  }

  /**
   * A property the Java side holds as a {@code JsonValue}: a positive number, or one word (a stake
   * of {@code "unlimited"}, a trade id or {@code "all"}).
   */
  private static void numberOr(
      Components components, String schema, String property, String word, String what) {
    Schema owner = components.getSchemas().get(schema);
    if (owner == null
        || owner.getProperties() == null
        || !owner.getProperties().containsKey(property)) {
      return;
    }
    Schema number =
        OASFactory.createSchema()
            .addType(Schema.SchemaType.NUMBER)
            .exclusiveMinimum(java.math.BigDecimal.ZERO);
    Schema literal =
        OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of(word));
    owner.addProperty(
        property,
        OASFactory.createSchema()
            .description(what + ", or \"" + word + "\"")
            .anyOf(List.of(number, literal)));
  }

  private static Schema problemSchema() {
    Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    Schema fieldError =
        OASFactory.createSchema()
            .addType(Schema.SchemaType.OBJECT)
            .addProperty("field", text)
            .addProperty("message", text)
            .required(List.of("field", "message"));
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description("An RFC 9457 problem document; clients switch on type")
        .addProperty(
            "type",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .description("A stable URN, urn:multibot:problem:<kind>")
                .examples(List.of("urn:multibot:problem:validation-failed")))
        .addProperty("title", text)
        .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
        .addProperty("detail", text)
        .addProperty("instance", text)
        .addProperty(
            "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
        .required(List.of("type", "title", "status"));
  }
}
