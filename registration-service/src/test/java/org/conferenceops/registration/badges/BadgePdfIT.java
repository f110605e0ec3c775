package org.conferenceops.registration.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.registration.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The delegate downloads their badge as a PDF next to the PNG; someone else's badge is not found. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "conference-ops.demo-data=true")
class BadgePdfIT {

    @LocalServerPort
    int port;

    @Test
    void theBadgePdfHasOnePageWithTheDelegatesNames() throws Exception {
        Api api = new Api(port);
        String conference = api.newConference(null);
        String delegation = api.newDelegation(conference, "UKR");
        String delegate = api.newDelegate(conference, delegation,
                "\"nativeGivenName\":\"Олена\",\"nativeFamilyName\":\"Шевченко\"");
        api.post("/api/delegates/" + delegate + "/accreditation", TokenRequest.organizer(), "{}");
        api.post("/api/delegates/" + delegate + "/badge", TokenRequest.organizer(), "{}");

        HttpResponse<byte[]> pdf = api.getBytes("/api/delegates/" + delegate + "/badge.pdf",
                TokenRequest.delegate(delegation, delegate));
        HttpResponse<byte[]> someoneElse = api.getBytes("/api/delegates/" + delegate + "/badge.pdf",
                TokenRequest.delegate(delegation, "dlg-someone-else"));

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document)).contains("Ana Silva").contains("Шевченко Олена");
        }
        assertThat(someoneElse.statusCode()).isEqualTo(404);
    }
}
