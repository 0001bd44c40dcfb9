package org.greendesk.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.handoff.Escalation;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web chat page in a real headless Chromium (Debian's chromium and chromium-driver), against the service as
 * {@code serve} runs it: a person asks, reads the answer and its sources, rates it, asks for an advisor and reads
 * the advisor's reply. Skipped with a message where Chromium is not installed, except in CI, where it must run.
 */
class WebChatBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path data;
  @TempDir Path profile;
  private @Nullable Service service;
  private @Nullable ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String missing = "Chromium or ChromeDriver missing (" + CHROMIUM + ", " + CHROMEDRIVER + "): install Debian's "
          + "chromium and chromium-driver packages to run the browser test";
      if (System.getenv("CI") != null) {
        fail(missing);
      }
      Assumptions.abort(missing);
    }
    service = Service.start(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_HTTP_PORT", "0",
        "GREENDESK_RATE_LIMIT", "1000")), TestDesk.get(), new RecordingDesk(), Clock.systemUTC());
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--window-size=412,900");
    ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(driver, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://127.0.0.1:" + service.httpPort() + "/");
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.close();
    }
  }

  private WebElement ask(String question) {
    int before = browser.findElements(By.cssSelector("#messages > li")).size();
    WebElement input = browser.findElement(By.id("message"));
    input.sendKeys(question);
    input.sendKeys(Keys.ENTER);
    return wait.until(d -> {
      List<WebElement> items = d.findElements(By.cssSelector("#messages > li"));
      return items.size() >= before + 2 ? items.get(items.size() - 1) : null;
    });
  }

  @Test
  void should_answer_with_sources_take_feedback_and_hand_over_to_an_advisor() throws Exception {
    service.services().escalations().addAdvisor("kim", "Kim", List.of(), List.of());

    WebElement answer = ask("What is CBAM?");

    assertThat(answer.getAttribute("class")).contains("from-bot");
    assertThat(answer.getText()).contains("CBAM");
    WebElement source = answer.findElement(By.cssSelector(".sources a"));
    assertThat(source.getAttribute("href")).startsWith("https://");
    assertThat(source.getAttribute("rel")).contains("noopener");
    assertThat(browser.findElement(By.id("log")).getAttribute("aria-live")).isEqualTo("polite");

    answer.findElement(By.xpath(".//button[text()='Helpful']")).click();
    wait.until(ExpectedConditions.textToBePresentInElement(answer, "Thank you for the feedback."));
    ConversationStore conversations = service.services().conversations();
    long conversation = conversations.find(WebChannel.NAME, chatIdOfPage()).orElseThrow().id();
    assertThat(conversations.feedbackCounts(conversation)).containsExactly(1, 0);

    browser.findElement(By.id("advisor")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "connect you with an advisor"));
    Escalation escalation = service.services().escalations().open().get(0);
    service.services().handoffs().claim(escalation.id(), "kim");
    service.services().handoffs().reply(escalation.id(), "kim", "Hello, I can check your CBAM declaration.");
    WebElement advisor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".from-advisor")));
    assertThat(advisor.getText()).contains("Advisor", "Kim: Hello, I can check your CBAM declaration.");

    Files.write(Path.of("target", "web-chat.png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void should_pass_axe_core_wcag_a_and_aa_rules_with_an_answer_on_screen() {
    ask("What is CBAM?");

    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
        .analyze(browser);

    assertThat(results.getViolations()).as(() -> results.getViolations().stream()
        .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().size() + " elements").toList()
        .toString()).isEmpty();
    assertThat(results.getPasses()).isNotEmpty();
  }

  @Test
  void should_show_markup_as_text_and_refuse_an_overlong_message_clearly() {
    String markup = "<img src=x onerror=\"document.title='owned'\"> <b>bold?</b>";

    WebElement reply = ask(markup);

    WebElement mine = browser.findElements(By.cssSelector("#messages > li.from-me")).get(0);
    assertThat(mine.getText()).contains(markup);
    assertThat(browser.findElements(By.cssSelector("#messages img, #messages b"))).isEmpty();
    assertThat(browser.getTitle()).doesNotContain("owned");
    assertThat(reply.getAttribute("class")).contains("from-bot");

    ((JavascriptExecutor) browser).executeScript("document.getElementById('message').value = 'x'.repeat(50000)");
    browser.findElement(By.id("send")).click();
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertThat(error.getText()).contains("50,000 characters", "4,000");
  }

  @Test
  void should_keep_the_conversation_on_reload_until_the_user_deletes_it() {
    ask("What is REACH?");
    WebElement last = ask("What is CBAM?");
    assertThat(browser.findElements(By.cssSelector("#messages .actions"))).singleElement()
        .satisfies(actions -> assertThat(last.findElements(By.cssSelector(".actions"))).containsExactly(actions));
    int shown = browser.findElements(By.cssSelector("#messages > li")).size();
    ConversationStore conversations = service.services().conversations();
    long conversation = conversations.find(WebChannel.NAME, chatIdOfPage()).orElseThrow().id();

    browser.navigate().refresh();
    wait.until(d -> d.findElements(By.cssSelector("#messages > li")).size() == shown);
    assertThat(browser.findElement(By.id("messages")).getText()).contains("What is REACH?", "What is CBAM?");

    assertThat(browser.findElement(By.id("confirm-forget")).isDisplayed()).isFalse();
    browser.findElement(By.id("forget")).click();
    browser.findElement(By.id("forget-yes")).click();
    WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
    assertThat(notice.getText()).contains("deleted");
    assertThat(browser.findElements(By.cssSelector("#messages > li"))).hasSize(1);
    assertThat(conversations.history(conversation)).isEmpty();
  }

  @Test
  void should_open_the_chat_from_the_widget_on_another_site() throws Exception {
    try (MockWebServer centre = new MockWebServer()) {
      centre.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<!doctype html><html lang=en>"
          + "<title>A centre</title><h1>A centre's site</h1><script src=\"http://127.0.0.1:" + service.httpPort()
          + "/widget.js\" defer></script>"));
      centre.start();
      browser.get(centre.url("/").toString());

      WebElement toggle = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#greendesk-widget button")));
      assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
      toggle.click();
      assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
      browser.switchTo().frame(browser.findElement(By.id("greendesk-widget-panel")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
      WebElement answer = ask("What is REACH?");

      assertThat(answer.getAttribute("class")).contains("from-bot");
      assertThat(answer.getText()).contains("REACH");
    }
  }

  private String chatIdOfPage() {
    String stored = (String) ((JavascriptExecutor) browser).executeScript(
        "return JSON.parse(localStorage.getItem('greendesk.chat')).session");
    return WebSessions.chatId(stored).orElseThrow();
  }
}
