package org.greendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.greendesk.config.Settings;
import org.junit.jupiter.api.Test;

/**
 * The deployment files, checked without a container engine: they parse, have the fields their tools require, and
 * name only settings GreenDesk reads (and all of them, in the example).
 */
class DeployFilesTest {
  private static final Path DEPLOY = Path.of("deploy");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern SETTING_LINE = Pattern.compile("^#?([A-Z][A-Z0-9_]*)=", Pattern.MULTILINE);

  private static JsonNode yaml(String file) throws IOException {
    return YAML.readTree(DEPLOY.resolve(file).toFile());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void should_list_exactly_the_settings_greendesk_reads_in_the_example_environment() throws IOException {
    Matcher lines = SETTING_LINE.matcher(Files.readString(DEPLOY.resolve("greendesk.env.example")));
    List<String> listed = new ArrayList<>();
    while (lines.find()) {
      listed.add(lines.group(1));
    }

    assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(Settings.NAMES);
  }

  @Test
  void should_build_in_two_stages_with_the_wrapper_and_run_without_root_with_a_health_check() throws IOException {
    List<String> lines = Files.readAllLines(DEPLOY.resolve("Dockerfile"));
    List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
    String text = String.join("\n", lines);

    assertThat(from).hasSize(2);
    assertThat(from.get(0)).contains("17-jdk").endsWith(" AS build");
    assertThat(from.get(1)).contains("17-jre");
    assertThat(text).contains("./mvnw", "COPY --from=build", "GREENDESK_HTTP_HOST=0.0.0.0");
    assertThat(user.substring(5).split(":")[0]).isNotIn("root", "0");
    assertThat(text).containsPattern("HEALTHCHECK [^\\n]*\\\\\\n\\s+CMD [^\\n]*/health");
  }

  @Test
  void should_run_greendesk_with_postgresql_in_compose() throws IOException {
    JsonNode compose = yaml("compose.yaml");
    JsonNode greendesk = compose.path("services").path("greendesk");
    JsonNode postgres = compose.path("services").path("postgres");

    assertThat(greendesk.path("build").path("dockerfile").asText()).isEqualTo("deploy/Dockerfile");
    assertThat(Files.isRegularFile(DEPLOY.resolve(greendesk.path("build").path("context").asText())
        .resolve("deploy/Dockerfile"))).isTrue();
    assertThat(greendesk.path("env_file").asText()).isEqualTo("greendesk.env");
    assertThat(greendesk.path("environment").path("GREENDESK_DB_URL").asText())
        .startsWith("jdbc:postgresql://postgres:5432/");
    assertThat(greendesk.path("environment").path("GREENDESK_HTTP_HOST").asText()).isEqualTo("0.0.0.0");
    assertThat(fieldNames(greendesk.path("environment"))).isSubsetOf(Settings.NAMES);
    assertThat(greendesk.path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
    assertThat(postgres.path("image").asText()).startsWith("postgres:15");
    assertThat(postgres.path("healthcheck").path("test").isArray()).isTrue();
  }

  @Test
  void should_describe_a_deployment_with_probes_a_service_and_settings_kubernetes_accepts() throws IOException {
    JsonNode deployment = yaml("k8s/deployment.yaml");
    JsonNode service = yaml("k8s/service.yaml");
    JsonNode config = yaml("k8s/configmap.yaml");
    JsonNode secret = yaml("k8s/secret.yaml");
    for (JsonNode manifest : List.of(deployment, service, config, secret)) {
      assertThat(manifest.path("apiVersion").asText()).isNotBlank();
      assertThat(manifest.path("metadata").path("name").asText()).isNotBlank();
    }
    JsonNode pod = deployment.path("spec").path("template");
    JsonNode container = pod.path("spec").path("containers").get(0);

    assertThat(deployment.path("kind").asText()).isEqualTo("Deployment");
    assertThat(deployment.path("spec").path("selector").path("matchLabels"))
        .isEqualTo(pod.path("metadata").path("labels"));
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/live");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/ready");
    assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
    assertThat(container.path("env").findValuesAsText("value")).contains("0.0.0.0");
    assertThat(container.path("envFrom").findValuesAsText("name")).containsExactly("greendesk-config",
        "greendesk-secrets");
    assertThat(pod.path("spec").path("volumes").findValuesAsText("name")).contains("greendesk-knowledge");
    assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();

    assertThat(service.path("kind").asText()).isEqualTo("Service");
    assertThat(service.path("spec").path("selector")).isEqualTo(pod.path("metadata").path("labels"));
    assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo("http");

    assertThat(config.path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(secret.path("kind").asText()).isEqualTo("Secret");
    assertThat(fieldNames(config.path("data"))).isSubsetOf(Settings.NAMES);
    assertThat(fieldNames(secret.path("stringData"))).isSubsetOf(Settings.NAMES)
        .contains("TELEGRAM_BOT_TOKEN", "SLACK_SIGNING_SECRET", "GREENDESK_DB_PASSWORD");
  }

  @Test
  void should_run_serve_as_its_own_user_under_systemd() throws IOException {
    String unit = Files.readString(DEPLOY.resolve("systemd/greendesk.service"));

    assertThat(unit).contains("[Unit]", "[Service]", "[Install]", "EnvironmentFile=", "KillSignal=SIGTERM")
        .containsPattern("(?m)^ExecStart=.*-jar \\S+greendesk\\.jar serve$")
        .containsPattern("(?m)^User=greendesk$");
  }
}
