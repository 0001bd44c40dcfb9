package org.greendesk.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.handoff.Escalation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web chat page in a real headless Chromium (Debian's chromium and chromium-driver), against the service as
 * {@code serve} runs it: a person asks, reads the answer and its sources, rates it, asks for an advisor, waits,
 * leaves the queue or reads the advisor's reply; on a phone too. Screenshots go to {@code target/web-chat-*.png}.
 * Skipped with a message where Chromium is not installed, except in CI, where it must run.
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
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--window-size=412,900",
        "--lang=en-GB", "--hide-scrollbars");
    ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(driver, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    open();
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

  private void open() {
    browser.get("http://127.0.0.1:" + service.httpPort() + "/");
    ready();
  }

  /** Waits until the page has its words from the service and has shown what it kept: its log is no longer busy. */
  private void ready() {
    wait.until(d -> d.findElement(By.id("log")).getAttribute("aria-busy") == null);
  }

  private WebElement ask(String question) {
    int before = browser.findElements(By.cssSelector("#messages > li")).size();
    WebElement input = browser.findElement(By.id("message"));
    input.sendKeys(question);
    input.sendKeys(Keys.ENTER);
    return newestAfter(before + 2);
  }

  /** The newest message once there are at least {@code count}. */
  private WebElement newestAfter(int count) {
    return wait.until(d -> {
      List<WebElement> items = d.findElements(By.cssSelector("#messages > li"));
      return items.size() >= count ? items.get(items.size() - 1) : null;
    });
  }

  private WebElement handoffShows(String state, String text) {
    wait.until(ExpectedConditions.attributeToBe(By.id("handoff-bar"), "data-state", state));
    WebElement status = browser.findElement(By.id("handoff"));
    wait.until(ExpectedConditions.textToBePresentInElement(status, text));
    return status;
  }

  /** Presses "Talk to an advisor", wherever the page offers it. */
  private void askForAdvisor() {
    advisorButtonsShown().get(0).click();
  }

  private List<WebElement> advisorButtonsShown() {
    return browser.findElements(By.cssSelector(".advisor-button")).stream().filter(WebElement::isDisplayed).toList();
  }

  private Object script(String code) {
    return ((JavascriptExecutor) browser).executeScript(code);
  }

  private void screenshot(String name) throws Exception {
    Files.write(Path.of("target", "web-chat-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void should_answer_with_sources_take_feedback_and_hand_over_to_a_named_advisor() throws Exception {
    service.services().escalations().addAdvisor("kim", "Kim", List.of(), List.of());

    WebElement answer = ask("What is CBAM?");

    assertThat(answer.getAttribute("class")).contains("from-bot");
    assertThat(answer.getAttribute("lang")).isEqualTo("en");
    assertThat(answer.findElement(By.cssSelector(".who time")).getAttribute("datetime")).isNotBlank();
    assertThat(answer.getText()).contains("CBAM");
    WebElement source = answer.findElement(By.cssSelector(".sources a"));
    assertThat(source.getAttribute("href")).startsWith("https://");
    assertThat(source.getAttribute("rel")).contains("noopener", "noreferrer");
    assertThat(source.getAttribute("target")).isEqualTo("_blank");
    assertThat(source.findElement(By.cssSelector(".domain")).getText()).doesNotContain("https://", "/").contains(".");
    assertThat(source.getAttribute("textContent")).contains("(opens in a new tab)");
    assertThat(browser.findElement(By.id("log")).getAttribute("aria-live")).isEqualTo("polite");

    answer.findElement(By.xpath(".//button[text()='Helpful']")).click();
    wait.until(ExpectedConditions.textToBePresentInElement(answer, "Thank you for the feedback."));
    ConversationStore conversations = service.services().conversations();
    long conversation = conversations.find(WebChannel.NAME, chatIdOfPage()).orElseThrow().id();
    assertThat(conversations.feedbackCounts(conversation)).containsExactly(1, 0);

    askForAdvisor();
    handoffShows("queued", "Waiting for an advisor");
    Escalation escalation = service.services().escalations().open().get(0);
    service.services().handoffs().claim(escalation.id(), "kim");
    handoffShows("claimed", "Kim, an advisor, is with you");
    service.services().handoffs().reply(escalation.id(), "kim", "Hello, I can check your CBAM declaration.");
    WebElement advisor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".from-advisor")));

    assertThat(advisor.getText()).contains("Advisor", "Kim: Hello, I can check your CBAM declaration.");
    assertThat(browser.findElement(By.id("leave")).isDisplayed()).isFalse();
    assertThat(advisorButtonsShown()).isEmpty();
    browser.navigate().refresh();
    ready();
    assertThat(browser.findElement(By.id("handoff")).getText()).contains("Kim, an advisor, is with you");
    screenshot("advisor");
  }

  @Test
  void should_show_the_wait_for_an_advisor_and_let_the_user_leave_the_queue() throws Exception {
    WebElement answer = ask("What is CBAM?");

    answer.findElement(By.cssSelector(".advisor-button")).click();
    WebElement status = handoffShows("queued", "Waiting for an advisor");
    WebElement during = ask("Which companies must report under CBAM?");

    assertThat(status.getText()).contains("within a working day", "Phone or email the centre");
    assertThat(status.getAttribute("role")).isEqualTo("status");
    assertThat(during.getAttribute("class")).contains("from-bot");
    assertThat(advisorButtonsShown()).isEmpty();
    assertThat(service.services().escalations().open()).singleElement()
        .satisfies(e -> assertThat(e.state().wire()).isEqualTo("queued"));
    screenshot("waiting");

    int shown = browser.findElements(By.cssSelector("#messages > li")).size();
    browser.findElement(By.id("leave")).click();
    handoffShows("back", "back with GreenDesk's assistant");

    assertThat(newestAfter(shown + 1).getText()).contains("You have left the advisor queue.");
    assertThat(browser.findElement(By.id("messages")).getText()).doesNotContain("/cancel");
    assertThat(service.services().escalations().open()).isEmpty();
    assertThat(advisorButtonsShown()).singleElement().satisfies(offer -> assertThat(offer.getText())
        .isEqualTo("Talk to an advisor"));
    assertThat(browser.findElement(By.id("leave")).isDisplayed()).isFalse();
  }

  @Test
  void should_render_an_advisors_markdown_and_never_run_their_markup() throws Exception {
    service.services().escalations().addAdvisor("kim", "Kim", List.of(), List.of());
    ask("What is CBAM?");
    askForAdvisor();
    handoffShows("queued", "Waiting for an advisor");
    Escalation escalation = service.services().escalations().open().get(0);
    service.services().handoffs().claim(escalation.id(), "kim");
    handoffShows("claimed", "Kim");

    service.services().handoffs().reply(escalation.id(), "kim", "Two steps:\n\n"
        + "- **Register** as an *authorised* declarant\n"
        + "- Read [the CBAM guidance](https://taxation-customs.ec.europa.eu/carbon-border-adjustment-mechanism_en)\n\n"
        + "<img src=x onerror=\"window.owned = 1\"> <script>window.owned = 2</script> [bad](javascript:alert(1))");
    WebElement advisor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".from-advisor")));

    assertThat(advisor.findElements(By.cssSelector(".text ul > li"))).hasSize(2);
    assertThat(advisor.findElement(By.cssSelector(".text strong")).getText()).isEqualTo("Register");
    assertThat(advisor.findElement(By.cssSelector(".text em")).getText()).isEqualTo("authorised");
    WebElement link = advisor.findElement(By.cssSelector(".text a"));
    assertThat(link.getAttribute("href")).startsWith("https://taxation-customs.ec.europa.eu/");
    assertThat(link.getAttribute("target")).isEqualTo("_blank");
    assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
    assertThat(link.getAttribute("textContent")).contains("the CBAM guidance", "(opens in a new tab)");
    assertThat(advisor.findElements(By.cssSelector(".text a"))).hasSize(1);
    assertThat(advisor.getText()).contains("<script>window.owned = 2</script>", "bad");
    assertThat(browser.findElements(By.cssSelector("#messages img, #messages script"))).isEmpty();
    assertThat(script("return window.owned === undefined")).isEqualTo(true);
    screenshot("markdown");
  }

  @Test
  void should_send_a_suggested_question_when_its_chip_is_tapped() throws Exception {
    WebElement chip = browser.findElement(By.xpath("//div[@id='examples']/button[text()='What is CBAM?']"));
    screenshot("first-screen");

    chip.click();
    WebElement answer = newestAfter(3);

    List<WebElement> mine = browser.findElements(By.cssSelector("#messages > li.from-me"));
    assertThat(mine).singleElement().satisfies(m -> assertThat(m.getText()).contains("What is CBAM?"));
    assertThat(answer.getAttribute("class")).contains("from-bot");
    assertThat(answer.getText()).contains("CBAM");
    assertThat(browser.findElement(By.id("examples")).isDisplayed()).isFalse();
  }

  @Test
  void should_show_a_long_answer_from_its_start() throws Exception {
    browser.manage().window().setSize(new Dimension(412, 560));
    ask("What is REACH?");

    WebElement answer = ask("Which green funding can an SME get in Korea?");

    WebElement log = browser.findElement(By.id("log"));
    wait.until(d -> {
      Rectangle view = log.getRect();
      int top = answer.getRect().getY();
      return top >= view.getY() && top < view.getY() + view.getHeight() / 2;
    });
    assertThat(answer.getRect().getHeight()).as("an answer taller than the view, or the test shows nothing")
        .isGreaterThan(log.getRect().getHeight());
    screenshot("long-answer");
  }

  @Test
  void should_pass_axe_core_wcag_a_and_aa_rules_with_an_answer_and_the_wait_on_screen() {
    ask("What is CBAM?");
    askForAdvisor();
    handoffShows("queued", "Waiting for an advisor");

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

    script("document.getElementById('message').value = 'x'.repeat(50000)");
    browser.findElement(By.id("send")).click();
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertThat(error.getText()).contains("50,000 characters", "4,000");
  }

  @Test
  void should_keep_the_conversation_on_reload_until_the_user_deletes_it_from_the_menu() throws Exception {
    ask("What is REACH?");
    WebElement last = ask("What is CBAM?");
    assertThat(browser.findElements(By.cssSelector("#messages .actions"))).singleElement()
        .satisfies(actions -> assertThat(last.findElements(By.cssSelector(".actions"))).containsExactly(actions));
    int shown = browser.findElements(By.cssSelector("#messages > li")).size();
    ConversationStore conversations = service.services().conversations();
    long conversation = conversations.find(WebChannel.NAME, chatIdOfPage()).orElseThrow().id();

    browser.navigate().refresh();
    ready();
    assertThat(browser.findElements(By.cssSelector("#messages > li"))).hasSize(shown);
    assertThat(browser.findElement(By.id("messages")).getText()).contains("What is REACH?", "What is CBAM?");

    assertThat(browser.findElement(By.id("forget")).isDisplayed()).isFalse();
    WebElement menu = browser.findElement(By.id("menu"));
    menu.click();
    assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
    browser.findElement(By.id("forget")).click();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("forget-no");
    screenshot("menu");
    browser.findElement(By.id("forget-yes")).click();
    WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
    assertThat(notice.getText()).contains("deleted");
    assertThat(browser.findElements(By.cssSelector("#messages > li"))).hasSize(1);
    assertThat(browser.findElement(By.id("examples")).isDisplayed()).isTrue();
    assertThat(conversations.history(conversation)).isEmpty();
  }

  @Test
  void should_open_the_chat_from_the_widget_on_another_site() throws Exception {
    try (MockWebServer centre = centreSite()) {
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

  @Test
  void should_fill_a_phone_screen_with_the_widget_and_keep_the_message_box_in_view() throws Exception {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
    try (MockWebServer centre = centreSite()) {
      browser.findElement(By.cssSelector("#greendesk-widget button")).click();
      WebElement panel = browser.findElement(By.id("greendesk-widget-panel"));

      assertThat(panel.getRect()).satisfies(r -> {
        assertThat(r.getX()).isZero();
        assertThat(r.getY()).isZero();
        assertThat(r.getWidth()).isEqualTo(390);
        assertThat(r.getHeight()).isEqualTo(844);
      });
      browser.switchTo().frame(panel);
      ready();
      ask("What is CBAM?");
      WebElement input = browser.findElement(By.id("message"));
      assertThat(input.getRect().getY() + input.getRect().getHeight()).isLessThanOrEqualTo(844);
      browser.switchTo().defaultContent();
      screenshot("phone");
      browser.switchTo().frame(panel);

      browser.findElement(By.id("close")).click();
      browser.switchTo().defaultContent();
      wait.until(ExpectedConditions.invisibilityOf(panel));
      assertThat(browser.findElement(By.cssSelector("#greendesk-widget button")).isDisplayed()).isTrue();
    }
    // The page itself, where the touch screen's emulation reaches (the browser does not carry it into another
    // site's frame): the screen filled, no Shift+Enter hint.
    open();
    assertThat(browser.findElement(By.tagName("body")).getRect().getHeight()).isEqualTo(844);
    assertThat(browser.findElement(By.id("hint")).isDisplayed()).as("no Shift+Enter on a touch screen").isFalse();
    assertThat(browser.findElement(By.id("advisor")).isDisplayed()).isTrue();
  }

  /** Another site's page with the widget on it, opened in the browser; closing it stops the site. */
  private MockWebServer centreSite() throws Exception {
    MockWebServer centre = new MockWebServer();
    centre.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<!doctype html><html lang=en>"
        + "<meta name=viewport content=\"width=device-width, initial-scale=1\"><title>A centre</title>"
        + "<h1>A centre's site</h1><script src=\"http://127.0.0.1:" + service.httpPort() + "/widget.js\" defer>"
        + "</script>"));
    centre.start();
    browser.get(centre.url("/").toString());
    return centre;
  }

  private String chatIdOfPage() {
    String stored = (String) script("return JSON.parse(localStorage.getItem('greendesk.chat')).session");
    return WebSessions.chatId(stored).orElseThrow();
  }
}
