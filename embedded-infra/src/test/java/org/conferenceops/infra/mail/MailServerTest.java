package org.conferenceops.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MailServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private MailServer mail;

    @BeforeEach
    void startServer() {
        mail = MailServer.builder().build().start();
    }

    @AfterEach
    void stopServer() {
        mail.close();
        http.close();
    }

    @Test
    void sentMessageCanBeReadBackOverHttp() throws Exception {
        send(multilingualMessage("Votre badge est prêt", "amina@delegation.example"));

        List<InboxMessage> messages = awaitMessages("/messages", 1);

        InboxMessage message = messages.getFirst();
        assertThat(message.from()).isEqualTo("noreply@conference-ops.example");
        assertThat(message.to()).containsExactly("amina@delegation.example");
        assertThat(message.subject()).isEqualTo("Votre badge est prêt");
        assertThat(message.contentType()).isEqualTo("multipart/alternative");
        assertThat(message.textBody()).contains("Bonjour");
        assertThat(message.htmlBody()).contains("<p>Bonjour</p>");
        assertThat(message.language()).isEqualTo("fr");
        assertThat(message.date()).isNotBlank();
        assertThat(message.messageId()).startsWith("<").endsWith(">").contains("@");

        HttpResponse<String> single = get("/messages/" + message.id());
        assertThat(single.statusCode()).isEqualTo(200);
        assertThat(JSON.readValue(single.body(), InboxMessage.class)).isEqualTo(message);
    }

    @Test
    void inboxListsNewestFirstAndFiltersByRecipientIncludingBcc() throws Exception {
        send(plainMessage("first", "a@example.org", null));
        send(plainMessage("second", "b@example.org", "hidden@example.org"));
        awaitMessages("/messages", 2);

        assertThat(awaitMessages("/messages", 2)).extracting(InboxMessage::subject).containsExactly("second", "first");
        assertThat(awaitMessages("/messages?to=" + encode("HIDDEN@example.org"), 1))
                .extracting(InboxMessage::subject).containsExactly("second");
        assertThat(mail.messagesTo("a@example.org")).extracting(InboxMessage::subject).containsExactly("first");
    }

    @Test
    void deleteClearsTheInbox() throws Exception {
        send(plainMessage("to be cleared", "c@example.org", null));
        awaitMessages("/messages", 1);

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(uri("/messages")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(readMessages(get("/messages").body())).isEmpty();
        assertThat(mail.messages()).isEmpty();
    }

    @Test
    void everyMessageIsListedButOnlyTheNewestKeepTheirBodies() throws Exception {
        int sent = Inbox.BODIES_KEPT + 3;
        jakarta.mail.Transport transport = session().getTransport("smtp");
        transport.connect();
        try {
            for (int i = 0; i < sent; i++) {
                MimeMessage message = plainMessage("message " + i, "many@example.org", null);
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        finally {
            transport.close();
        }

        List<InboxMessage> newestFirst = await().atMost(Duration.ofSeconds(30)).until(mail::messages,
                messages -> messages.size() == sent);
        assertThat(newestFirst.getFirst().subject()).isEqualTo("message " + (sent - 1));
        assertThat(newestFirst.subList(0, Inbox.BODIES_KEPT)).allSatisfy(m -> assertThat(m.textBody()).isNotNull());
        assertThat(newestFirst.subList(Inbox.BODIES_KEPT, sent)).allSatisfy(m -> {
            assertThat(m.textBody()).isNull();
            assertThat(m.subject()).startsWith("message ");
            assertThat(m.to()).containsExactly("many@example.org");
            assertThat(m.messageId()).isNotBlank();
        });
    }

    @Test
    void unknownMessageIdIsA404Problem() throws Exception {
        HttpResponse<String> response = get("/messages/999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void htmlPageEscapesWhatTheSenderWrote() throws Exception {
        send(plainMessage("<script>alert(1)</script>", "d@example.org", null));
        awaitMessages("/messages", 1);

        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    private List<InboxMessage> awaitMessages(String path, int expected) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> readMessages(get(path).body()),
                messages -> messages.size() == expected);
    }

    private static List<InboxMessage> readMessages(String json) {
        return List.of(JSON.readValue(json, InboxMessage[].class));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(mail.inboxUri() + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", mail.smtpHost());
        properties.put("mail.smtp.port", Integer.toString(mail.smtpPort()));
        return Session.getInstance(properties);
    }

    private MimeMessage multilingualMessage(String subject, String to) throws MessagingException {
        MimeMessage message = new MimeMessage(session());
        message.setFrom(new InternetAddress("noreply@conference-ops.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setHeader("Content-Language", "fr");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Bonjour, votre badge est prêt.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Bonjour</p>", "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", text, html));
        return message;
    }

    private MimeMessage plainMessage(String subject, String to, @Nullable String bcc) throws MessagingException {
        MimeMessage message = new MimeMessage(session());
        message.setFrom(new InternetAddress("noreply@conference-ops.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        if (bcc != null) {
            message.setRecipient(Message.RecipientType.BCC, new InternetAddress(bcc));
        }
        message.setSubject(subject);
        message.setText("body of " + subject);
        return message;
    }

    private static void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Transport.send(message);
    }
}
