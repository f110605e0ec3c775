package org.conferenceops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The console in a real browser (Debian's Chromium, headless) against the four services and the console running
 * as sibling Spring contexts in this JVM, as the local stack runs them, on real Kafka, MongoDB and SMTP. An
 * organiser accredits a delegate and switches the delegate's session to virtual after seeing who will be told; the
 * delegate's open agenda page shows the change without a reload. Every main page is saved as a screenshot in
 * English and Arabic under {@code target/screenshots}. Skipped, with the reason, where Chromium is not installed.
 */
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String CONFERENCE = "seoul-2021";
    private static final String DELEGATION = "seoul-2021-KOR";

    private static final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private static final List<WebDriver> browsers = new ArrayList<>();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final Map<String, URI> services = new LinkedHashMap<>();
    private static URI console;

    @BeforeAll
    static void startEverything() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed (/usr/bin/chromium, /usr/bin/chromedriver): apt-get install chromium "
                        + "chromium-driver, as .ci/run does");
        TestInfrastructure infra = TestInfrastructure.get();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> mains = new LinkedHashMap<>();
        mains.put("registration", "org.conferenceops.registration.RegistrationApplication");
        mains.put("session", "org.conferenceops.session.SessionApplication");
        mains.put("pledge", "org.conferenceops.pledge.PledgeApplication");
        mains.put("notification", "org.conferenceops.notification.NotificationApplication");
        for (Map.Entry<String, String> service : mains.entrySet()) {
            int port = freePort();
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("server.port", Integer.toString(port));
            properties.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
            properties.put("spring.mongodb.uri", infra.mongoUri());
            properties.put("spring.mongodb.database", "console-it-" + service.getKey() + "-" + run);
            properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", infra.issuer().jwksUri().toString());
            properties.put("conference-ops.security.issuer", infra.issuer().issuer());
            properties.put("spring.mail.host", infra.mail().smtpHost());
            properties.put("spring.mail.port", Integer.toString(infra.mail().smtpPort()));
            properties.put("conference-ops.demo-data", "true");
            properties.put("conference-ops.local-stack", "true");
            properties.put("spring.main.banner-mode", "off");
            start(service.getValue(), properties);
            services.put(service.getKey(), URI.create("http://127.0.0.1:" + port));
        }
        int consolePort = freePort();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(consolePort));
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", infra.issuer().jwksUri().toString());
        properties.put("conference-ops.security.issuer", infra.issuer().issuer());
        properties.put("conference-ops.console.token-issuer-url", infra.issuer().tokenUri().toString());
        services.forEach((name, uri) -> properties.put("conference-ops.console." + name + "-url", uri.toString()));
        properties.put("spring.main.banner-mode", "off");
        start(ConsoleApplication.class.getName(), properties);
        console = URI.create("http://127.0.0.1:" + consolePort);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopEverything() {
        browsers.forEach(WebDriver::quit);
        running.reversed().forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void anOrganiserSwitchesASessionToVirtualAndTheDelegatesOpenAgendaShowsItLive() throws Exception {
        String delegateId = register("Min-jun", "Kim " + UUID.randomUUID().toString().substring(0, 6));

        WebDriver organiser = browser();
        signIn(organiser, "ORGANIZER", "", "");
        organiser.get(console.resolve("/organiser/accreditation").toString());
        organiser.findElement(By.cssSelector("#delegate-" + delegateId + " button.accredit")).click();
        wait(organiser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Delegate accredited."));

        String sessionId = scheduleUpcomingHybridSession();
        bookOnceAccredited(sessionId, delegateId);

        WebDriver delegate = browser();
        signIn(delegate, "DELEGATE", DELEGATION, delegateId);
        delegate.get(console.resolve("/me/agenda").toString());
        WebElement entry = delegate.findElement(By.id("agenda-" + sessionId));
        assertThat(entry.getText()).contains("Hybrid").doesNotContain("Virtual");

        organiser.get(console.resolve("/organiser/programme").toString());
        organiser.findElement(By.cssSelector("#session-" + sessionId + " a.switch-virtual")).click();
        assertThat(organiser.findElement(By.id("impact")).getText())
                .as("who will be told, from session-service, before confirming")
                .isEqualTo("1 booked and 0 waitlisted delegates will be notified.");
        screenshot(organiser, "programme-switch-to-virtual-en");
        organiser.findElement(By.id("confirm")).click();
        wait(organiser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "The session is now virtual"));

        long before = System.nanoTime();
        wait(delegate).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda-" + sessionId),
                "Virtual"));
        Duration live = Duration.ofNanos(System.nanoTime() - before);
        assertThat(delegate.getCurrentUrl()).as("no reload: the page is the same").endsWith("/me/agenda");
        assertThat(delegate.findElement(By.id("agenda-" + sessionId)).getText())
                .contains("Changed since it was first published.").doesNotContain("Hybrid");
        Files.writeString(SCREENSHOTS.resolve("live-change.txt"), "agenda updated " + live.toMillis() + " ms after confirm\n");

        for (String lang : List.of("en", "ar")) {
            for (String page : List.of("/organiser", "/organiser/accreditation?status=ACCREDITED", "/organiser/programme",
                    "/organiser/broadcast", "/organiser/deliveries")) {
                show(organiser, page, lang);
            }
            for (String page : List.of("/me/agenda", "/me/badge", "/me/feed", "/me/preferences")) {
                show(delegate, page, lang);
            }
            assertThat(delegate.findElement(By.tagName("html")).getAttribute("dir"))
                    .isEqualTo("ar".equals(lang) ? "rtl" : "ltr");
        }
        WebDriver anonymous = browser();
        anonymous.get(console.resolve("/signin?lang=ar").toString());
        screenshot(anonymous, "signin-ar");
        anonymous.get(console.resolve("/signin?lang=en").toString());
        screenshot(anonymous, "signin-en");
    }

    @Test
    void aDelegatesOpenFeedPageShowsANewNotificationLiveThroughTheRelay() throws Exception {
        String delegateId = register("Ji-woo", "Park " + UUID.randomUUID().toString().substring(0, 6));
        String token = TestInfrastructure.get().token(TokenRequest.delegate(DELEGATION, delegateId));
        List<String> relayed = new java.util.concurrent.CopyOnWriteArrayList<>();
        http.sendAsync(HttpRequest.newBuilder(console.resolve("/me/feed/stream"))
                .header("Cookie", "conference_ops_token=" + token).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(relayed::add));
        WebDriver delegate = browser();
        signIn(delegate, "DELEGATE", DELEGATION, delegateId);
        delegate.get(console.resolve("/me/feed?lang=en").toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> relayed.contains(":relaying"));

        assertThat(organiserPost("/api/delegates/" + delegateId + "/accreditation").statusCode()).isEqualTo(200);
        assertThat(organiserPost("/api/delegates/" + delegateId + "/badge").statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> relayed.contains("event:feed-changed"));
        assertThat(relayed).as("only that it changed; the notification itself is fetched as rendered HTML")
                .noneMatch(line -> line.contains("badge"));
        wait(delegate).until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), "badge-issued"));
        assertThat(delegate.getCurrentUrl()).as("no reload").contains("/me/feed");
    }

    @Test
    void pagesRefuseTheWrongRoleAndSendStrangersToSignIn() throws Exception {
        WebDriver stranger = browser();
        stranger.get(console.resolve("/organiser/programme").toString());
        assertThat(stranger.getCurrentUrl()).contains("/signin");

        String delegateId = register("Amina", "Diallo " + UUID.randomUUID().toString().substring(0, 6));
        signIn(stranger, "DELEGATE", DELEGATION, delegateId);
        stranger.get(console.resolve("/organiser/accreditation?lang=en").toString());
        assertThat(stranger.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(console.resolve("/organiser/broadcast"))
                .header("Cookie", "conference_ops_token=" + TestInfrastructure.get().token(TokenRequest.organizer()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("subject_en=x&body_en=y")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a state change without the CSRF token is refused").isEqualTo(403);
    }

    private static String register(String given, String family) throws Exception {
        String token = TestInfrastructure.get().token(TokenRequest.organizer());
        String email = given.toLowerCase() + "." + UUID.randomUUID() + "@example.org";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(services.get("registration")
                        .resolve("/api/conferences/" + CONFERENCE + "/delegations/" + DELEGATION + "/delegates"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"givenName":"%s","familyName":"%s","email":"%s","preferredLanguage":"en"}"""
                        .formatted(given, family, email))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return id(response.body());
    }

    /** The demo sessions are in the past and cannot be booked: a meeting a month ahead, with one room. */
    private static String scheduleUpcomingHybridSession() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        post("session", "/api/conferences/" + CONFERENCE + "/meetings", """
                {"id":"it-%s","title":"Follow-up meeting","city":"Seoul","mode":"HYBRID","firstDay":"%s","lastDay":"%s",
                 "timeZone":"Asia/Seoul"}""".formatted(run, day, day));
        post("session", "/api/conferences/" + CONFERENCE + "/rooms", """
                {"id":"it-room-%s","name":"Room %s","capacity":40}""".formatted(run, run));
        Instant start = day.atTime(10, 0).atZone(ZoneId.of("Asia/Seoul")).toInstant();
        String session = post("session", "/api/conferences/" + CONFERENCE + "/sessions", """
                {"meetingId":"it-%s","track":"performance and accountability","title":"Protection of civilians %s",
                 "roomId":"it-room-%s","mode":"HYBRID","virtualLink":"https://meet.example.org/it-%s",
                 "startsAt":"%s","endsAt":"%s","virtualCapacity":500}"""
                .formatted(run, run, run, run, start, start.plusSeconds(5400)));
        return id(session);
    }

    private static String post(String service, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(services.get(service).resolve(path))
                .header("Authorization", "Bearer " + TestInfrastructure.get().token(TokenRequest.organizer()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
        return response.body();
    }

    private static HttpResponse<String> organiserPost(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(services.get("registration").resolve(path))
                .header("Authorization", "Bearer " + TestInfrastructure.get().token(TokenRequest.organizer()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String id(String json) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(id.find()).as(json).isTrue();
        return id.group(1);
    }

    private static void bookOnceAccredited(String sessionId, String delegateId) {
        String token = TestInfrastructure.get().token(TokenRequest.delegate(DELEGATION, delegateId));
        AtomicReference<String> last = new AtomicReference<>("");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(services.get("session")
                            .resolve("/api/sessions/" + sessionId + "/bookings"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            last.set(response.body());
            assertThat(response.statusCode()).as("booking once accredited: " + last.get()).isEqualTo(201);
        });
    }

    private static void signIn(WebDriver browser, String role, String delegation, String delegate) {
        browser.get(console.resolve("/signin?lang=en").toString());
        new Select(browser.findElement(By.id("role"))).selectByValue(role);
        browser.findElement(By.id("delegation")).sendKeys(delegation);
        browser.findElement(By.id("delegate")).sendKeys(delegate);
        browser.findElement(By.id("signin-local")).click();
        wait(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));
    }

    private static void show(WebDriver browser, String page, String lang) throws IOException {
        browser.get(console.resolve(page + (page.contains("?") ? "&" : "?") + "lang=" + lang).toString());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        assertThat(browser.findElements(By.cssSelector("p.alert"))).as(page + " shows no refusal").isEmpty();
        String name = page.substring(1).replaceAll("\\?.*", "").replace('/', '-');
        screenshot(browser, name + "-" + lang);
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private static WebDriver browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--lang=en",
                "--user-data-dir=" + Files.createTempDirectory("console-chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(driver, options);
        browsers.add(browser);
        return browser;
    }

    private static void start(String mainClass, Map<String, String> properties) {
        try {
            Class<?> application = Class.forName(mainClass);
            running.add(new SpringApplicationBuilder(application).registerShutdownHook(false)
                    .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                            .toArray(String[]::new)));
        }
        catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
