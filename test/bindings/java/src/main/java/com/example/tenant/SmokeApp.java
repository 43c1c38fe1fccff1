package com.example.tenant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cdktenantblocks.CrossAccountLink;
import dev.cdktenantblocks.DayOfWeek;
import dev.cdktenantblocks.MaintenanceWindow;
import dev.cdktenantblocks.TenantFunction;
import dev.cdktenantblocks.TenantFunctionCode;
import dev.cdktenantblocks.TenantKey;
import dev.cdktenantblocks.TenantNetwork;
import dev.cdktenantblocks.TenantPostgres;
import dev.cdktenantblocks.TenantTier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.jsii.JsiiError;

/**
 * Java smoke app: one DEVELOPMENT tenant and one validation failure, from the built jar. The same
 * inputs as test/bindings/reference.ts. Writes {@code <outdir>/template.json} (the synthesized
 * template, read through the binding) and {@code <outdir>/error.txt} (the validation error's
 * message). Run from test/bindings/java (the function code is {@code ../app-code}).
 */
public final class SmokeApp {
  public static void main(final String[] args) throws IOException {
    Path outDir = Path.of(args.length > 0 ? args[0] : "out");
    Environment env = Environment.builder().account("123456789012").region("us-east-1").build();
    // The VPC looks up the region's availability zones: seed them, so synth needs no AWS credentials.
    Map<String, Object> context = Map.of(
        "availability-zones:account=123456789012:region=us-east-1",
        List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"));

    // One DEVELOPMENT tenant: key, network, database, function, and the platform's link.
    App app = new App(AppProps.builder().context(context).analyticsReporting(false).build());
    Stack stack = new Stack(app, "AcmeTenant", StackProps.builder().env(env).build());
    String tenantId = "acme";
    TenantTier tier = TenantTier.DEVELOPMENT;

    TenantKey key = TenantKey.Builder.create(stack, "Key").tenantId(tenantId).tier(tier).build();
    TenantNetwork network = TenantNetwork.Builder.create(stack, "Network")
        .tenantId(tenantId).tier(tier).encryptionKey(key).build();
    TenantPostgres database = TenantPostgres.Builder.create(stack, "Database")
        .tenantId(tenantId)
        .tier(tier)
        .network(network)
        .encryptionKey(key)
        .maxCapacity(4)
        .backupRetention(Duration.days(7))
        .maintenanceWindow(MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 3, 0, Duration.minutes(60)))
        .build();
    TenantFunction fn = TenantFunction.Builder.create(stack, "Api")
        .tenantId(tenantId)
        .tier(tier)
        .network(network)
        .encryptionKey(key)
        .code(TenantFunctionCode.fromAsset(Path.of("..", "app-code").toAbsolutePath().normalize().toString()))
        .handler("index.handler")
        .memorySize(512)
        .timeout(Duration.seconds(10))
        .environment(Map.of("GREETING", "hello"))
        .database(database)
        .build();
    CrossAccountLink link = CrossAccountLink.Builder.create(stack, "Link")
        .tenantId(tenantId)
        .platformAccountId("210987654321")
        .platformRoleArns(List.of("arn:aws:iam::210987654321:role/platform-console"))
        .externalId("acme-7f3c9a2e-5b1d-4e8f-a6c0-2d9b4e1f8a73")
        .build();
    link.allowQuery(database);
    link.allowInvoke(fn);

    Files.createDirectories(outDir);
    Object template = app.synth().getStackByName("AcmeTenant").getTemplate();
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(outDir.resolve("template.json").toFile(), template);

    // One validation failure: every problem of the props in one error, nothing created.
    try {
      Stack invalid = new Stack(new App(AppProps.builder().context(context).build()), "Invalid",
          StackProps.builder().env(env).build());
      TenantPostgres.Builder.create(invalid, "Database")
          .tenantId(tenantId)
          .tier(tier)
          .maxCapacity(1000)
          .backupRetention(Duration.hours(36))
          .maintenanceWindow(MaintenanceWindow.fromString("sun:18:00-sun:18:10"))
          .allowedCidrs(List.of("0.0.0.0/0"))
          .build();
      throw new IllegalStateException("expected TenantPostgres to reject the props");
    } catch (JsiiError err) { // a JavaScript error thrown by the library arrives as a JsiiError
      String message = libraryMessage(err);
      Files.writeString(outDir.resolve("error.txt"), message);
      System.out.println(message);
    }
  }

  /**
   * The library's error message. A JsiiError's getMessage() is the JavaScript error's message,
   * a newline, then the JavaScript stack trace, which starts with "Error: " and the message again.
   */
  static String libraryMessage(final JsiiError err) {
    String text = err.getMessage();
    for (int at = text.indexOf("\nError: "); at >= 0; at = text.indexOf("\nError: ", at + 1)) {
      String message = text.substring(0, at);
      if (text.startsWith(message + "\nError: " + message)) {
        return message;
      }
    }
    return text;
  }

  private SmokeApp() {
  }
}
