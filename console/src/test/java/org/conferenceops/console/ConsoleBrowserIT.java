package org.conferenceops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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
    private static final Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
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
            contexts.put(service.getKey(), start(service.getValue(), properties));
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
        double streamsBefore = agendaStreams();
        delegate.get(console.resolve("/me/agenda").toString());
        assertThat(text(delegate, By.id("agenda-" + sessionId))).contains("Hybrid").doesNotContain("Virtual");
        AtomicLong pushedAt = new AtomicLong();
        List<String> relayed = relay("/me/agenda/stream", TestInfrastructure.get().token(
                TokenRequest.delegate(DELEGATION, delegateId)), line -> {
                    if (line.equals("data:changed")) {
                        pushedAt.set(System.nanoTime());
                    }
                });
        await().atMost(Duration.ofSeconds(10)).alias("the page's and the probe's streams reach session-service")
                .until(() -> agendaStreams() >= streamsBefore + 2);
        // a marker in this document: a reload (or any new page) would lose it
        ((JavascriptExecutor) delegate).executeScript("window.consoleTestMarker = 'same document';");

        organiser.get(console.resolve("/organiser/programme").toString());
        click(organiser, By.cssSelector("#session-" + sessionId + " a.switch-virtual"));
        assertThat(organiser.findElement(By.id("impact")).getText())
                .as("who will be told, from session-service, before confirming")
                .isEqualTo("1 booked and 0 waitlisted delegates will be notified.");
        screenshot(organiser, "programme-switch-to-virtual-en");
        long changesBefore = relayed.stream().filter("data:changed"::equals).count();
        long before = System.nanoTime();
        organiser.findElement(By.id("confirm")).click();
        wait(organiser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "The session is now virtual"));

        wait(delegate).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda-" + sessionId),
                "Virtual"));
        Duration live = Duration.ofNanos(System.nanoTime() - before);
        assertThat(((JavascriptExecutor) delegate).executeScript("return window.consoleTestMarker;"))
                .as("no reload: the change came into the open page").isEqualTo("same document");
        await().atMost(Duration.ofSeconds(10)).alias("session-service pushed the change through the console's relay")
                .until(() -> relayed.stream().filter("data:changed"::equals).count() > changesBefore);
        assertThat(text(delegate, By.id("agenda-" + sessionId)))
                .contains("Changed since it was first published.").doesNotContain("Hybrid");
        Files.writeString(SCREENSHOTS.resolve("live-change.txt"), "from the organiser's click on confirm: the console "
                + "relayed session-service's push after " + Duration.ofNanos(pushedAt.get() - before).toMillis()
                + " ms; the delegate's open agenda showed the change within " + live.toMillis()
                + " ms (an upper bound: Selenium's click returns after the organiser's next page has loaded)\n");

        for (String action : List.of("move", "cancel")) {
            organiser.get(console.resolve("/organiser/programme/" + sessionId + "/change?action=" + action + "&lang=en")
                    .toString());
            assertThat(organiser.findElement(By.id("impact")).getText()).as(action + ": who will be told, first")
                    .isEqualTo("1 booked and 0 waitlisted delegates will be notified.");
            assertThat(organiser.findElement(By.id("confirm")).getText()).isEqualTo("Confirm and notify");
            screenshot(organiser, "programme-" + action + "-en");
            organiser.get(console.resolve("/organiser/programme/" + sessionId + "/change?action=" + action + "&lang=ar")
                    .toString());
            screenshot(organiser, "programme-" + action + "-ar");
        }

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
        organiser.get(console.resolve("/organiser?lang=en").toString());
        assertThat(organiser.findElements(By.cssSelector("#counts section.card h2"))).extracting(WebElement::getText)
                .as("the panels the issue asks for").containsExactly("Registrations and accreditation",
                        "Check-ins today", "Room occupancy and waitlists", "Pledges", "Notification delivery",
                        "Kafka lag and outbox backlog");
        assertThat(organiser.findElement(By.id("main")).getText()).as("every panel filled")
                .doesNotContain("Unavailable right now.");
        assertThat(text(organiser, By.id("gap"))).as("the live capability gap").contains("Remaining gap");

        organiser.get(console.resolve("/organiser/programme?lang=en").toString());
        organiser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(organiser.switchTo().activeElement().getAttribute("class"))
                .as("the first Tab stop skips to the content").isEqualTo("skip");
        organiser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(organiser.getCurrentUrl()).endsWith("#main");

        for (WebDriver browser : List.of(organiser, delegate)) {
            browser.manage().window().setSize(new Dimension(390, 844));
        }
        for (String lang : List.of("en", "ar")) {
            for (String page : List.of("/organiser", "/organiser/programme", "/organiser/deliveries")) {
                phone(organiser, page, lang);
            }
            for (String page : List.of("/me/agenda", "/me/badge", "/me/feed", "/me/preferences")) {
                phone(delegate, page, lang);
            }
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
        List<String> relayed = relay("/me/feed/stream", token, line -> {
        });
        WebDriver delegate = browser();
        signIn(delegate, "DELEGATE", DELEGATION, delegateId);
        delegate.get(console.resolve("/me/feed?lang=en").toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> relayed.contains(":relaying"));
        assertThat(relayed).as("told to fetch once the upstream stream is open").contains("data:connected");
        ((JavascriptExecutor) delegate).executeScript("window.consoleTestMarker = 'same document';");

        assertThat(organiserPost("/api/delegates/" + delegateId + "/accreditation").statusCode()).isEqualTo(200);
        assertThat(organiserPost("/api/delegates/" + delegateId + "/badge").statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> relayed.contains("data:changed"));
        assertThat(relayed).contains("event:feed-changed");
        assertThat(relayed).as("only that it changed; the notification itself is fetched as rendered HTML")
                .noneMatch(line -> line.contains("badge"));
        wait(delegate).until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), "badge-issued"));
        assertThat(((JavascriptExecutor) delegate).executeScript("return window.consoleTestMarker;"))
                .as("no reload").isEqualTo("same document");
    }

    @Test
    void theDashboardCountsRealBadgeScansPerEntrancePerMinute() throws Exception {
        String conference = "it-checkins-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        post("registration", "/api/conferences", """
                {"id":"%s","name":"Check-in rehearsal","city":"Geneva","hostCountry":"CHE","startDate":"%s",
                 "endDate":"%s","timeZone":"UTC","mode":"IN_PERSON","workingLanguages":["en","ar"],
                 "entrances":["north-gate","south-gate"]}""".formatted(conference, today.minusDays(1),
                today.plusDays(1)));
        String delegation = id(post("registration", "/api/conferences/" + conference + "/delegations",
                "{\"kind\":\"MEMBER_STATE\",\"code\":\"CHE\"}"));
        Instant thisMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant lastMinute = thisMinute.minusSeconds(50);
        List<String> qrs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String delegate = id(post("registration", "/api/conferences/" + conference + "/delegations/" + delegation
                    + "/delegates", """
                    {"givenName":"Lea","familyName":"Muller %d","email":"lea.%s@example.org","preferredLanguage":"fr"}"""
                    .formatted(i, UUID.randomUUID())));
            assertThat(organiserPost("/api/delegates/" + delegate + "/accreditation").statusCode()).isEqualTo(200);
            HttpResponse<String> badge = organiserPost("/api/delegates/" + delegate + "/badge");
            assertThat(badge.statusCode()).as(badge.body()).isEqualTo(201);
            Matcher qr = Pattern.compile("\"qrPayload\"\\s*:\\s*\"([^\"]+)\"").matcher(badge.body());
            assertThat(qr.find()).as(badge.body()).isTrue();
            qrs.add(qr.group(1));
        }
        scan(conference, qrs.get(0), "north-gate", lastMinute);
        scan(conference, qrs.get(1), "north-gate", thisMinute);
        scan(conference, qrs.get(2), "south-gate", thisMinute);

        WebDriver organiser = browser();
        signIn(organiser, "ORGANIZER", "", "");
        organiser.get(console.resolve("/organiser?lang=en&conference=" + conference).toString());
        assertThat(new Select(organiser.findElement(By.id("conference-select"))).getFirstSelectedOption()
                .getAttribute("value")).as("the edition chosen is the one shown").isEqualTo(conference);
        // the panel is replaced every 5 s: read it whole, again if it was swapped while being read
        List<String> rows = wait(organiser).ignoring(StaleElementReferenceException.class).until(browser -> {
            WebElement table = browser.findElement(By.id("checkins-per-minute"));
            assertThat(table.findElements(By.cssSelector("thead th"))).extracting(WebElement::getText)
                    .containsExactly("Minute", "north-gate", "south-gate");
            return table.findElements(By.cssSelector("tbody tr")).stream().map(row -> row
                    .findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList().toString())
                    .toList();
        });
        assertThat(rows).as("newest minute first, one cell per entrance").containsExactly(
                List.of(minute(thisMinute), "1", "1").toString(), List.of(minute(lastMinute), "1", "0").toString());
        screenshot(organiser, "dashboard-checkins-en");
        organiser.get(console.resolve("/organiser?lang=ar").toString());
        int rowsInArabic = wait(organiser).ignoring(StaleElementReferenceException.class).until(browser -> browser
                .findElement(By.id("checkins-per-minute")).findElements(By.cssSelector("tbody tr")).size());
        assertThat(rowsInArabic).as("the choice is remembered").isEqualTo(2);
        screenshot(organiser, "dashboard-checkins-ar");
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

    /** Opens one of the console's relayed streams as a browser would, with the token cookie; collects its lines. */
    private static List<String> relay(String path, String token, Consumer<String> onLine) {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        http.sendAsync(HttpRequest.newBuilder(console.resolve(path))
                .header("Cookie", "conference_ops_token=" + token).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(line -> {
                    onLine.accept(line);
                    lines.add(line);
                }));
        return lines;
    }

    /** Agenda-change streams open on session-service, as its gauge counts them. */
    private static double agendaStreams() {
        Gauge gauge = contexts.get("session").getBean(MeterRegistry.class).find("session.live.streams")
                .tag("kind", "agenda").gauge();
        return gauge == null ? 0 : gauge.value();
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

    private static void scan(String conference, String qr, String entrance, Instant at) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(services.get("registration")
                        .resolve("/api/conferences/" + conference + "/checkins"))
                .header("Authorization", "Bearer " + TestInfrastructure.get().token(TokenRequest.ops()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"qr":"%s","entrance":"%s","deviceId":"door-%s","scannedAt":"%s"}"""
                        .formatted(qr, entrance, entrance, at))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("admitted: " + response.body()).isEqualTo(201);
    }

    /** {@code HH:mm} in UTC, as the dashboard labels minutes. */
    private static String minute(Instant at) {
        return at.toString().substring(11, 16);
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

    /** An element's text; live panels are replaced by htmx, so it is looked up again if it was swapped. */
    private static String text(WebDriver browser, By element) {
        return wait(browser).ignoring(StaleElementReferenceException.class)
                .until(b -> b.findElement(element).getText());
    }

    private static void click(WebDriver browser, By element) {
        wait(browser).ignoring(StaleElementReferenceException.class).until(b -> {
            b.findElement(element).click();
            return true;
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

    /** At phone width the page itself never scrolls sideways; wide tables scroll inside their own box. */
    private static void phone(WebDriver browser, String page, String lang) throws IOException {
        browser.get(console.resolve(page + "?lang=" + lang).toString());
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as(page + " in " + lang + " fits a phone's width")
                .isLessThanOrEqualTo(0);
        screenshot(browser, "phone-" + page.substring(1).replace('/', '-') + "-" + lang);
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

    private static ConfigurableApplicationContext start(String mainClass, Map<String, String> properties) {
        try {
            Class<?> application = Class.forName(mainClass);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                    .registerShutdownHook(false).run(properties.entrySet().stream()
                            .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
            running.add(context);
            return context;
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
